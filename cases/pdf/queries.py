"""Loading what the council PDFs show: the related rows of a case and its current check."""

from django.db.models import Prefetch, QuerySet

from assessments.models import Assessment
from cases.models import Case, Event


def with_pdf_relations(queryset: QuerySet, *, current_assessments: bool = False) -> QuerySet:
    """Load what the PDF shows besides participations (which `with_participants` loads)."""
    queryset = queryset.select_related("provenance_source").prefetch_related(
        Prefetch("events", queryset=Event.objects.select_related("source").order_by("date", "id")),
        "sources",
    )
    if current_assessments:
        queryset = queryset.prefetch_related(
            Prefetch(
                "assessments",
                queryset=Assessment.objects.current().select_related("source"),
                to_attr="current_assessment_list",
            )
        )
    return queryset


def current_assessment(case: Case) -> Assessment | None:
    """The case's current check: the latest by date, then by id."""
    return Assessment.objects.filter(case=case).select_related("source").newest_first().first()
