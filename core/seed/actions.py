"""What a seed loader does with one record: create, update, leave it, or keep an app edit.

Seed loaders are idempotent: each record carries the fingerprint of what the loader last wrote,
so a re-run can tell an edit in the app (kept unless `--update`) from a changed fixture.
"""

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from django.core.exceptions import ValidationError

from core.saving import instance_save
from core.seed.errors import SeedError
from core.text import text_normalise

CHANGE_REASON = "Geladen uit fixtures"


class Action(Enum):
    """What happened to one record in a loader run."""

    CREATE = "aangemaakt"
    UPDATE = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    KEEP = "behouden (in de app gewijzigd)"


@dataclass
class Tally:
    """What happened to the records of one kind, by action."""

    names: dict[Action, list[str]] = field(default_factory=lambda: {action: [] for action in Action})

    def add(self, action: Action, name: str) -> None:
        self.names[action].append(name)

    def count(self, action: Action) -> int:
        return len(self.names[action])


def _normalised(value):
    if isinstance(value, str):
        return text_normalise(value)
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalised(item) for item in value]
    return value


def fingerprint(state: dict) -> str:
    """A stable hash of a record's state (what the loader wrote, or what the database holds).

    Texts count as normalised (core.text), as every write stores them, so a fixture text with a
    trailing blank matches what its load stored."""
    text = json.dumps(_normalised(state), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def decide(db_state: dict | None, fixture_state: dict, stored: str, *, update: bool) -> Action:
    """Create what is missing; touch nothing that matches; never overwrite an app edit unless asked."""
    if db_state is None:
        return Action.CREATE
    current = fingerprint(db_state)
    if current == fingerprint(fixture_state):
        return Action.UNCHANGED
    if update or current == stored:
        return Action.UPDATE
    return Action.KEEP


def seed_save(
    instance, *, file: Path, case: int | None = None, prefix: str = "", exclude: list[str] | None = None
) -> None:
    """Write one fixture record the way the app writes (core.saving.instance_save: texts normalised,
    validated), recorded as loaded; an invalid value is a SeedError naming file, case and field."""
    try:
        instance_save(instance, exclude=exclude, reason=CHANGE_REASON)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise SeedError(file, " ".join(messages), case=case, field=f"{prefix}{name}") from None
