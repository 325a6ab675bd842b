"""Three-way merge when two advisors edit the same exploration: its fields, the rows of its
toetsingskader and the cells of its matrix, through the one engine (core.merge).

base   = what the editor started from: the history records at the version in the form
theirs = what is stored now (someone else saved in between)
mine   = what the editor submitted

A field only they changed keeps theirs, a field only I changed keeps mine; a field both changed
differently is a conflict: shown side by side, the editor chooses, nothing is saved until then.
A conflict is named by the form data key whose value is in dispute; the editor's choice per key
comes back with the next save as a signed choice (core.editing.ConflictChoicesMixin).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _

from core.client_numbers import MAX_FORMSET_ROWS, management_counts
from core.editing import Choice, keyed_choice
from core.merge import MISSING, FieldMerge, canonical, fields_merge
from explorations.models import VariantScore


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
    """Merge field by field with the one engine (core.merge.fields_merge), values compared in their
    canonical form; the merged values keep their own types (ids, decimals) for the forms."""
    names = list(mine)
    result = fields_merge(
        {name: canonical(base.get(name)) for name in names},
        {name: canonical(theirs.get(name)) for name in names},
        {name: canonical(mine[name]) for name in names},
    )
    merged = {name: theirs.get(name) if name in result.theirs_changed else mine[name] for name in names}
    conflicts = [
        FieldConflict(name, str(labels.get(name, name)), mine[name], theirs.get(name))
        for name in result.conflicts
    ]
    return MergeResult(merged, conflicts, result.theirs_changed)


def form_fields_merge(form, *, base: dict | None, theirs: dict) -> tuple[FieldMerge, dict, dict]:
    """Merge a valid form's fields with what is stored now, each value as the form would post it
    (a related record by its id, a list as lines), so that a choice can go through the form again.

    `base` is what the editor started from (None when history does not reach back: every
    difference is then a choice). Returns the merge, theirs and yours as posted values.
    """

    def posted(values: dict) -> dict[str, str]:
        return {name: canonical(form.fields[name].prepare_value(values.get(name))) for name in theirs}

    theirs_posted, yours_posted = posted(theirs), posted(form.cleaned_data)
    merged = fields_merge(MISSING if base is None else posted(base), theirs_posted, yours_posted)
    return merged, theirs_posted, yours_posted


def _text(value) -> str:
    return "" if value is None else str(value)


def rows_merge(*, exploration, started, model, fields, rows, labels, prefix):
    """Merge submitted formset rows with the stored ones: (merged rows, conflicts, notes)."""
    current = {obj.pk: obj for obj in model.objects.filter(exploration=exploration)}
    mine_ids = {row["id"] for row in rows if row.get("id")}
    merged, conflicts, notes = [], [], []
    for row in (row for row in rows if row.get("id")):
        obj = current.get(row["id"])
        if obj is None:
            notes.append(_("“%(name)s” is intussen door een collega verwijderd.") % {"name": row["name"]})
            continue
        base = part_state_at(obj, started, fields) or dict.fromkeys(fields, MISSING)
        mine = {name: row[name] for name in fields}
        result = three_way_merge(base=base, mine=mine, theirs=instance_state(obj, fields), labels=labels)
        index = len(merged)
        merged.append({**result.merged, "id": obj.pk})
        conflicts += [
            keyed_choice(
                f"{prefix}-{index}-{c.name}",
                f"{obj.name}: {c.label}",
                theirs=_text(c.theirs),
                yours=_text(c.mine),
            )
            for c in result.conflicts
        ]
    for pk, obj in current.items():
        if pk not in mine_ids and part_state_at(obj, started, fields) is None:
            merged.append({**instance_state(obj, fields), "id": pk})
            notes.append(_("“%(name)s” is intussen door een collega toegevoegd.") % {"name": obj.name})
    merged += [row for row in rows if not row.get("id")]
    return merged, conflicts, notes


def formset_data(prefix: str, rows: list[dict], fields: list[str]) -> dict:
    """POST data for an inline formset showing `rows` (stored rows first)."""
    stored = [row for row in rows if row.get("id")]
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(len(stored)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": str(MAX_FORMSET_ROWS),
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-id"] = _text(row.get("id"))
        for name in fields:
            data[f"{prefix}-{index}-{name}"] = _text(row[name])
    return data


def cells_merge(*, base: dict, mine: dict, theirs: dict, labels: dict):
    """Merge matrix cells {data key: value}: (merged values, conflicts)."""
    result = three_way_merge(base=base, mine=mine, theirs=theirs, labels=labels)
    conflicts: list[Choice] = [
        keyed_choice(c.name, str(c.label), theirs=_text(c.theirs), yours=_text(c.mine))
        for c in result.conflicts
    ]
    return result.merged, conflicts


def vanished_dropped(data, *, prefix: str, model, exploration) -> tuple[object, list[str]]:
    """Mark submitted rows that a colleague deleted meanwhile as deleted, and name them."""
    stored = {str(pk) for pk in model.objects.filter(exploration=exploration).values_list("pk", flat=True)}
    notes = []
    counts = management_counts(data, prefix)
    if counts is None:
        return data, notes  # not counts: the formset refuses them with a form error
    for index in range(counts[1]):
        pk = data.get(f"{prefix}-{index}-id")
        if pk and pk not in stored and not data.get(f"{prefix}-{index}-DELETE"):
            data[f"{prefix}-{index}-DELETE"] = "on"
            name = data.get(f"{prefix}-{index}-name", "")
            notes.append(_("“%(name)s” is intussen door een collega verwijderd.") % {"name": name})
    return data, notes


def cells_at(*, variant_ids, before) -> dict[str, str]:
    """The matrix cells as form data ({"score_<v>_<c>": ..., "motivation_<v>_<c>": ...}) before `before`."""
    records = VariantScore.history.filter(variant_id__in=variant_ids, history_date__lt=before)
    state = {}
    for record in records.order_by("history_date", "history_id"):
        key = f"{record.variant_id}_{record.criterion_id}"
        deleted = record.history_type == "-"
        state[f"score_{key}"] = "" if deleted else record.score
        state[f"motivation_{key}"] = "" if deleted else record.motivation
    return state
