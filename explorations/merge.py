"""Field-level three-way merge when two advisors edit the same exploration.

base   = what the editor started from: the exploration's history record at the version in the form
theirs = what is stored now (someone else saved in between)
mine   = what the editor submitted

A field only they changed keeps theirs, a field only I changed keeps mine; a field both changed
differently is a conflict: shown side by side, the editor chooses, nothing is saved until then.
"""

from dataclasses import dataclass

from django.db import models


@dataclass
class FieldConflict:
    name: str
    label: str
    mine: object
    theirs: object


@dataclass
class MergeResult:
    merged: dict
    conflicts: list[FieldConflict]
    taken_from_them: list[str]


def comparable(value):
    """Model instances compare by primary key; None and "" are the same empty value."""
    if isinstance(value, models.Model):
        return value.pk
    if value is None:
        return ""
    return value


def instance_state(instance: models.Model, fields: list[str]) -> dict:
    """The values of `fields` on a model or historical instance (foreign keys as ids)."""
    state = {}
    for name in fields:
        model_field = instance._meta.get_field(name)
        state[name] = getattr(instance, model_field.attname)
    return state


def version_record(exploration, version: int):
    """The exploration's last history record at `version` (None if history does not reach back)."""
    return exploration.history.filter(version=version).order_by("-history_date", "-history_id").first()


def next_version_started(exploration, version: int):
    """When the exploration left `version` (its first history record with a higher version)."""
    record = exploration.history.filter(version__gt=version).order_by("history_date", "history_id").first()
    return record.history_date if record else None


def part_state_at(part: models.Model, before, fields: list[str]) -> dict | None:
    """A part (e.g. a variant) as it was just before time `before`, from its own history.

    The services bump the exploration's version before they write its parts, so the parts as of
    the start of version v+1 are the parts of version v.
    """
    records = part.history.all() if before is None else part.history.filter(history_date__lt=before)
    record = records.order_by("-history_date", "-history_id").first()
    if record is None or record.history_type == "-":
        return None
    return instance_state(record, fields)


def three_way_merge(*, base: dict, mine: dict, theirs: dict, labels: dict) -> MergeResult:
    """Merge field by field (values compared with comparable())."""
    merged, conflicts, taken = {}, [], []
    for name, my_value in mine.items():
        b, m, t = comparable(base.get(name)), comparable(my_value), comparable(theirs.get(name))
        if m == t or t == b:
            merged[name] = my_value
        elif m == b:
            merged[name] = theirs.get(name)
            taken.append(name)
        else:
            merged[name] = my_value
            conflicts.append(FieldConflict(name, str(labels.get(name, name)), my_value, theirs.get(name)))
    return MergeResult(merged, conflicts, taken)
