"""Rendering the print templates to tagged PDF with WeasyPrint, offline and always in Dutch."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from cases.models import Case
from cases.pdf.documents import dossier_context, report_context
from cases.pdf.fetcher import BASE_URL, StaticFilesURLFetcher

PDF_LANGUAGE = "nl"
PDF_VARIANT = "pdf/ua-1"
CASE_TEMPLATE = "pdf/case.html"
REPORT_TEMPLATE = "pdf/report.html"


def html_to_pdf(html: str, *, url_fetcher: StaticFilesURLFetcher | None = None) -> bytes:
    """Render HTML to a tagged PDF/UA-1 document; resources come through the static-only fetcher."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher or StaticFilesURLFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def case_pdf(
    case: Case,
    *,
    now: datetime.datetime | None = None,
    url_fetcher: StaticFilesURLFetcher | None = None,
) -> bytes:
    """The dossier PDF of one case.

    Dutch whatever language the request asked for: the document declares lang="nl".
    """
    with translation.override(PDF_LANGUAGE):
        html = render_to_string(CASE_TEMPLATE, dossier_context(case, now=now))
    return html_to_pdf(html, url_fetcher=url_fetcher)


def report_pdf(
    filterset,
    *,
    now: datetime.datetime | None = None,
    url_fetcher: StaticFilesURLFetcher | None = None,
) -> bytes:
    """The selection report of the cases a bound, valid CaseFilterSet selects, in Dutch."""
    with translation.override(PDF_LANGUAGE):
        html = render_to_string(REPORT_TEMPLATE, report_context(filterset, now=now))
    return html_to_pdf(html, url_fetcher=url_fetcher)


def case_pdf_filename(case: Case, day: datetime.date | None = None) -> str:
    """ "seta-bel-gemeenten-2026-11-22.pdf"."""
    return f"seta-{case.slug}-{(day or timezone.localdate()).isoformat()}.pdf"


def report_pdf_filename(day: datetime.date | None = None) -> str:
    """ "seta-selectie-2026-11-22.pdf"."""
    return f"seta-selectie-{(day or timezone.localdate()).isoformat()}.pdf"
