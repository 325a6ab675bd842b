"""The selection report's case sections: the context of one part (see cases/pdf/rendering.py)."""

import datetime

from cases.models import Case
from cases.pdf.documents import AUTHOR, case_dossier, date_in_words


def report_section_context(case: Case, *, now: datetime.datetime, first_page: int) -> dict:
    """Template context of one case's section of the report, starting on page `first_page`.

    `case` is loaded with `with_pdf_relations(..., parts_prefetched=True)`.
    """
    dossier = case_dossier(case)
    return {
        "document_title": "Selectie van casussen",
        "description": f"Dossier {dossier.title}",
        "author": AUTHOR,
        "generated_at": now,
        "generated_on": date_in_words(now.date()),
        "dossier": dossier,
        "first_page": first_page,
    }
