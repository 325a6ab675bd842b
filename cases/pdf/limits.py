"""Whether a dossier PDF is small enough to render while the user waits (else the worker makes it)."""

from django.conf import settings

from cases.models import Case
from cases.pdf.documents import current_assessment


def dossier_text_size(case: Case) -> int:
    """Characters of free text a dossier PDF typesets (a case loaded with `with_pdf_relations`).

    The dossier view renders in the request only up to settings.SETA_PDF_INLINE_TEXT_BUDGET.
    """
    texts = [case.title, case.summary, case.lessons, case.source_notes]
    texts += [participation.note for participation in case.participations.all()]
    texts += [event.description for event in case.events.all()]
    assessment = current_assessment(case)
    if assessment is not None:
        texts += [item["answer"] for item in assessment.criteria()] + [assessment.note]
    return sum(len(text or "") for text in texts)


def renders_in_request(case: Case) -> bool:
    """Whether the dossier PDF of `case` is small enough to render while the user waits."""
    return dossier_text_size(case) <= settings.SETA_PDF_INLINE_TEXT_BUDGET
