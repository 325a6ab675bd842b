"""Loading what the council PDFs show: the related rows of a case and the registered parts."""

from django.db.models import Prefetch, QuerySet

from cases.hooks import DOSSIER_PDF_PARTS
from cases.models import Event


def with_pdf_relations(queryset: QuerySet, *, parts_prefetched: bool = False) -> QuerySet:
    """Load what the PDF shows besides participations (which `with_participants` loads); with
    `parts_prefetched`, also what the registered parts read (for many dossiers at once)."""
    queryset = queryset.select_related("provenance_source").prefetch_related(
        Prefetch("events", queryset=Event.objects.select_related("source").order_by("date", "id")),
        "sources",
    )
    if parts_prefetched:
        for part in DOSSIER_PDF_PARTS:
            queryset = part.prefetch(queryset)
    return queryset
