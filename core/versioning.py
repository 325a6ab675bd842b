"""Optimistic locking: every edit names the version it started from; a stale save is refused.

A versioned model has a `version` field (and `updated_at`). Every write locks the row, checks the
version and bumps it before it writes anything else, so the history of one version starts with
the record that bumped it (the three-way merge reads its base from there).
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import models


@dataclass
class StaleVersionError(Exception):
    """The record changed since the editor opened it at `expected_version`; nothing was saved."""

    instance: models.Model
    expected_version: int


def version_lock(
    model: type[models.Model],
    *,
    pk: int,
    expected_version: int,
    error: type[StaleVersionError] = StaleVersionError,
) -> models.Model:
    """Lock the row; raise `error` when it is no longer at `expected_version`."""
    instance = model.objects.select_for_update().get(pk=pk)
    if instance.version != expected_version:
        raise error(instance, expected_version)
    return instance


def version_bump(*, instance: models.Model, user: AbstractBaseUser | None) -> None:
    """Count a change to the record or one of its parts as a new version (the row is locked)."""
    instance.version += 1
    instance._history_user = user
    instance.save(update_fields=["version", "updated_at"])
