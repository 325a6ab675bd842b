"""Three-way merge of an editor's save with what others saved meanwhile. Pure functions, no database.

The one merge engine of the app: dossiers, checks and explorations all merge through it.
Values are canonical strings (see `canonical`): the base the editor was loaded with, theirs (what is
stored now) and yours (what was submitted). A field only they changed takes theirs, a field only you
changed keeps yours, a field both changed differently is a conflict the user decides. Rows (the
participants and events of a dossier) are matched by id; a row they added is kept, a row they deleted
is dropped unless you changed it (then that is a conflict), and the same the other way round.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

MISSING = object()  # no base known: every difference is a conflict


def canonical(value) -> str:
    """A value as the merge compares it: None and "" alike, a model by its primary key, a number by
    its value (the stored 1.50 and the typed 1.5 are the same), MISSING stays MISSING."""
    if value is MISSING:
        return value
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    return str(value)


def canonical_values(values: dict, names: list[str]) -> dict[str, str]:
    return {name: canonical(values.get(name)) for name in names}


@dataclass
class FieldMerge:
    """The merged values of one set of fields and the names both sides changed differently."""

    values: dict[str, str]
    conflicts: list[str] = field(default_factory=list)
    theirs_changed: list[str] = field(default_factory=list)


def fields_merge(base, theirs: dict[str, str], yours: dict[str, str]) -> FieldMerge:
    """Merge field by field; `base` may be MISSING."""
    result = FieldMerge(values={})
    for name, their_value in theirs.items():
        your_value = yours.get(name, their_value)
        base_value = MISSING if base is MISSING else base.get(name, MISSING)
        if their_value == your_value or base_value == their_value:
            result.values[name] = your_value
        elif base_value == your_value:
            result.values[name] = their_value
            result.theirs_changed.append(name)
        else:
            result.values[name] = your_value
            result.conflicts.append(name)
    return result


@dataclass
class MergedRow:
    """One row of the merged result. `id` None is a row to be created; `deleted` is ticked for deletion.

    `status` says what happened to it: "" (nothing special), "added_by_them", "changed_by_them",
    "they_deleted_you_changed" (kept as a new row unless the user takes theirs) or
    "you_deleted_they_changed" (marked for deletion unless the user takes theirs).
    """

    id: str | None
    values: dict[str, str]
    status: str = ""
    deleted: bool = False
    conflicts: list[str] = field(default_factory=list)
    theirs: dict[str, str] = field(default_factory=dict)


@dataclass
class RowsMerge:
    rows: list[MergedRow]
    deleted_by_them: list[dict[str, str]] = field(default_factory=list)


def rows_merge(base, theirs: dict[str, dict], yours: list[dict]) -> RowsMerge:
    """Merge rows by id. `base` and `theirs` map id -> values; `yours` is a list with "id" (or None)."""
    base = {} if base is MISSING else base
    your_rows = {str(row["id"]): row for row in yours if row.get("id") is not None}
    merged = RowsMerge(rows=[])
    for row_id, their_values in theirs.items():
        if row_id not in base:
            mine = your_rows.get(row_id)
            values = their_values if mine is None else fields_merge(MISSING, their_values, mine).values
            merged.rows.append(MergedRow(row_id, values, status="added_by_them", theirs=their_values))
        elif row_id in your_rows:
            result = fields_merge(base[row_id], their_values, your_rows[row_id])
            status = "changed_by_them" if result.theirs_changed or result.conflicts else ""
            merged.rows.append(
                MergedRow(row_id, result.values, status, conflicts=result.conflicts, theirs=their_values)
            )
        elif their_values != base[row_id]:
            merged.rows.append(
                MergedRow(row_id, their_values, "you_deleted_they_changed", deleted=True, theirs=their_values)
            )
    for row_id, base_values in base.items():
        if row_id in theirs:
            continue
        mine = your_rows.get(row_id)
        if mine is not None and any(mine.get(name, value) != value for name, value in base_values.items()):
            merged.rows.append(MergedRow(None, _strip_id(mine), "they_deleted_you_changed"))
        else:
            merged.deleted_by_them.append(base_values)
    merged.rows += [MergedRow(None, _strip_id(row)) for row in yours if row.get("id") is None]
    return merged


def _strip_id(row: dict) -> dict:
    return {name: value for name, value in row.items() if name != "id"}
