"""The council PDF of an exploration: an advisor's report, rendered like the other council PDFs."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from cases.pdf.documents import AUTHOR, date_in_words
from cases.pdf.fetcher import StaticFilesURLFetcher
from cases.pdf.rendering import PDF_LANGUAGE, html_to_pdf
from explorations.reads import exploration_context

TEMPLATE = "explorations/pdf/exploration.html"


def exploration_pdf(
    exploration, *, now: datetime.datetime | None = None, url_fetcher: StaticFilesURLFetcher | None = None
) -> bytes:
    """The report in Dutch whatever language the request asked for (the document declares lang="nl")."""
    now = now or timezone.localtime()
    with translation.override(PDF_LANGUAGE):
        context = exploration_context(exploration)
        names = ", ".join(m.municipality.name for m in context["partners"])
        context.update(
            document_title=f"Verkenning: {exploration.title}",
            author=AUTHOR,
            description=f"Raadsrapportage over de verkenning van {names}",
            generated_at=now,
            generated_on=date_in_words(now.date()),
            municipality_names=names,
        )
        html = render_to_string(TEMPLATE, context)
    return html_to_pdf(html, url_fetcher=url_fetcher)


def exploration_pdf_filename(exploration, day: datetime.date | None = None) -> str:
    """ "seta-verkenning-<slug>-2026-11-28.pdf"."""
    return f"seta-verkenning-{exploration.slug}-{(day or timezone.localdate()).isoformat()}.pdf"
