"""An exploration's change history in words, from the simple-history tables of it and its parts."""

from django.utils.translation import gettext as _

from assessments.explorations.framework_models import (
    FrameworkCriterion,
    Precondition,
    Variant,
    VariantScore,
    WorkPoint,
)
from assessments.explorations.models import (
    Assignment,
    Experience,
    Exploration,
    ExplorationMunicipality,
    SimilarCaseDecision,
)
from assessments.models import Assessment
from cases.history import HistoryEntry, _entries

ORDER = ("history_date", "history_id")
PARTS = [
    (ExplorationMunicipality, _("Gemeente")),
    (Assignment, _("Raadsopdracht")),
    (Experience, _("Ervaring elders")),
    (SimilarCaseDecision, _("Vergelijkbare casus")),
    (Precondition, _("Randvoorwaarde")),
    (FrameworkCriterion, _("Criterium")),
    (WorkPoint, _("Uit te werken punt")),
    (Variant, _("Variant")),
    (Assessment, _("Vijfpuntscheck")),
]


def exploration_history(exploration: Exploration) -> list[HistoryEntry]:
    """Every recorded change of the exploration and its parts, newest first (one query per table)."""
    entries = _entries(
        Exploration,
        list(exploration.history.select_related("history_user").order_by(*ORDER)),
        lambda record: _("Verkenning"),
        {},
    )
    for model, label in PARTS:
        records = list(
            model.history.filter(exploration_id=exploration.pk)
            .select_related("history_user")
            .order_by(*ORDER)
        )
        entries += _entries(model, records, lambda record, label=label: _subject(label, record), {})
    variant_ids = list(exploration.variants.values_list("pk", flat=True))
    scores = list(
        VariantScore.history.filter(variant_id__in=variant_ids)
        .select_related("history_user")
        .order_by(*ORDER)
    )
    entries += _entries(VariantScore, scores, lambda record: _("Score in de matrix"), {})
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def _subject(label: str, record) -> str:
    name = getattr(record, "name", "") or getattr(record, "council", "")
    return f"{label} {name}".strip()
