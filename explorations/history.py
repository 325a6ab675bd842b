"""An exploration's change history in words, from the simple-history tables of it and its parts."""

from django.utils.translation import gettext as _

from assessments.models import Assessment
from cases.models import Case, Municipality
from core.history import HistoryEntry, history_entries
from explorations.models import (
    Exploration,
    ExplorationMunicipality,
    SimilarCaseDecision,
    VariantScore,
)
from explorations.parts import PARTS

ORDER = ("history_date", "history_id")
# The exploration's parts (explorations.parts) and its five-point checks, each named in words.
HISTORY_PARTS = [(part.model, part.label) for part in PARTS] + [(Assessment, _("Vijfpuntscheck"))]


def exploration_history(exploration: Exploration) -> list[HistoryEntry]:
    """Every recorded change of the exploration and its parts, newest first (one query per table)."""
    entries = history_entries(
        Exploration,
        list(exploration.history.select_related("history_user").order_by(*ORDER)),
        lambda record: _("Verkenning"),
        {},
    )
    records = {
        model: list(
            model.history.filter(exploration_id=exploration.pk)
            .select_related("history_user")
            .order_by(*ORDER)
        )
        for model, _label in HISTORY_PARTS
    }
    names = _names(records)
    for model, label in HISTORY_PARTS:
        entries += history_entries(
            model, records[model], lambda r, label=label: _subject(label, r, names), names
        )
    variant_ids = list(exploration.variants.values_list("pk", flat=True))
    scores = list(
        VariantScore.history.filter(variant_id__in=variant_ids)
        .select_related("history_user")
        .order_by(*ORDER)
    )
    entries += history_entries(VariantScore, scores, lambda record: _("Score in de matrix"), {})
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def _names(records: dict) -> dict:
    """Names of the municipalities and cases the records point at (two queries)."""
    municipality_ids = {r.municipality_id for r in records[ExplorationMunicipality]}
    case_ids = {r.case_id for r in records[SimilarCaseDecision]}
    names = {(Municipality, m.pk): m.name for m in Municipality.objects.filter(pk__in=municipality_ids)}
    return names | {(Case, c.pk): c.title for c in Case.objects.filter(pk__in=case_ids)}


def _subject(label: str, record, names: dict) -> str:
    name = getattr(record, "name", "") or getattr(record, "council", "")
    if hasattr(record, "municipality_id"):
        name = names.get((Municipality, record.municipality_id), "")
    elif isinstance(record, SimilarCaseDecision.history.model):
        name = names.get((Case, record.case_id), "")
    return f"{label} {name}".strip()
