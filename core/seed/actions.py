"""What a seed loader does with one record: create, update, leave it, or keep an app edit.

Seed loaders are idempotent: each record carries the fingerprint of what the loader last wrote,
so a re-run can tell an edit in the app (kept unless `--update`) from a changed fixture.
"""

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum

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


def fingerprint(state: dict) -> str:
    """A stable hash of a record's state (what the loader wrote, or what the database holds)."""
    return hashlib.sha256(json.dumps(state, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


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
