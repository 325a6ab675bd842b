"""The one way a record is written: texts normalised, validated with full_clean(), saved with its author.

Every write goes through `instance_save`: the services of every app and the seed loaders, so a
save that changes nothing but line endings or trailing blanks records nothing in the history.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from core.text import instance_texts_normalise


def instance_save(
    instance: models.Model,
    *,
    user: AbstractBaseUser | None = None,
    exclude: list[str] | None = None,
    reason: str = "",
) -> None:
    """Normalise the instance's texts, full_clean() it and save it; `user` and `reason` go to its history."""
    instance_texts_normalise(instance)
    instance.full_clean(exclude=exclude)
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    instance.save()
