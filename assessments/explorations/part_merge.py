"""Three-way merge of an exploration's rows (toetsingskader) and cells (matrix) after a stale save.

Uses merge.py field by field. A conflict is named by the form data key whose value is in dispute;
the editor's choice per key comes back with the next save (see ConflictChoices).
"""

import json
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from assessments.explorations.merge import instance_state, part_state_at, three_way_merge
from core.client_numbers import MAX_FORMSET_ROWS, management_counts

MISSING = object()


@dataclass
class KeyedConflict:
    key: str
    label: str
    mine: str
    theirs: str


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
            KeyedConflict(
                f"{prefix}-{index}-{c.name}", f"{obj.name}: {c.label}", _text(c.mine), _text(c.theirs)
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
    conflicts = [KeyedConflict(c.name, c.label, _text(c.mine), _text(c.theirs)) for c in result.conflicts]
    return result.merged, conflicts


class ConflictChoices:
    """The conflicts shown last time (a hidden field) and the editor's choice per conflict."""

    def __init__(self, data):
        try:
            items = json.loads(data.get("conflicts") or "[]")
            self.conflicts = [KeyedConflict(**item) for item in items]
        except (TypeError, ValueError):
            self.conflicts = []
        self.chosen = {c.key: data.get(f"keep__{c.key}") for c in self.conflicts}
        self.missing = [key for key, choice in self.chosen.items() if choice not in ("mine", "theirs")]

    @staticmethod
    def payload(conflicts: list[KeyedConflict]) -> str:
        return json.dumps([asdict(c) for c in conflicts])

    def applied(self, data):
        """The submitted data with each conflict settled as chosen."""
        data = data.copy()
        for conflict in self.conflicts:
            if self.chosen[conflict.key] == "theirs":
                data[conflict.key] = conflict.theirs
        return data


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
    from assessments.explorations.framework_models import VariantScore

    records = VariantScore.history.filter(variant_id__in=variant_ids, history_date__lt=before)
    state = {}
    for record in records.order_by("history_date", "history_id"):
        key = f"{record.variant_id}_{record.criterion_id}"
        deleted = record.history_type == "-"
        state[f"score_{key}"] = "" if deleted else record.score
        state[f"motivation_{key}"] = "" if deleted else record.motivation
    return state
