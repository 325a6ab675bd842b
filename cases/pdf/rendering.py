"""Rendering the print templates to PDF with WeasyPrint, offline and always in Dutch.

A dossier is one HTML document. The selection report is rendered in parts, each with its own
WeasyPrint render (the overview, then one part per case, each case loaded on its own), written to
temporary files and joined (cases/pdf/joining.py): peak memory stays that of the largest part
whatever the number of cases. Each part renders within a time budget (cases/pdf/limits.py).
"""

import datetime
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from cases.models import Case
from cases.pdf.documents import AUTHOR, dossier_context, report_context, with_pdf_relations
from cases.pdf.fetcher import BASE_URL, StaticFilesURLFetcher
from cases.pdf.joining import join_parts
from cases.pdf.limits import part_time_budget
from cases.pdf.report import report_section_context

PDF_LANGUAGE = "nl"
PDF_VARIANT = "pdf/ua-1"
CASE_TEMPLATE = "pdf/case.html"
REPORT_TEMPLATE = "pdf/report.html"
SECTION_TEMPLATE = "pdf/report_section.html"
REPORT_SUBJECT = "Overzicht en dossiers van een selectie van ambtelijke samenwerkingen van gemeenten."

Progress = Callable[[int, int], None]


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
    with translation.override(PDF_LANGUAGE), part_time_budget(f"het dossier ‘{case.title}’"):
        html = render_to_string(CASE_TEMPLATE, dossier_context(case, now=now))
        return html_to_pdf(html, url_fetcher=url_fetcher)


def _render_part(html: str, target: Path, url_fetcher, label: str) -> int:
    """Render one part to `target`; return its number of pages."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher or StaticFilesURLFetcher())
    with part_time_budget(label):
        rendered = document.render()
        rendered.write_pdf(target, pdf_variant=PDF_VARIANT)
    return len(rendered.pages)


def report_pdf_file(
    filterset,
    target: Path,
    *,
    now: datetime.datetime | None = None,
    url_fetcher: StaticFilesURLFetcher | None = None,
    on_progress: Progress | None = None,
) -> int:
    """Write the selection report of a bound, valid CaseFilterSet to `target`; return its page count.

    `on_progress(done, total)` is called before the first case and after each case.
    """
    now = now or timezone.localtime()
    ids = list(filterset.qs.values_list("pk", flat=True))
    with translation.override(PDF_LANGUAGE), tempfile.TemporaryDirectory(prefix="seta-report-") as folder:
        parts = [Path(folder) / "0000-overview.pdf"]
        html = render_to_string(REPORT_TEMPLATE, report_context(filterset, now=now))
        pages = _render_part(html, parts[0], url_fetcher, "het overzicht")
        if on_progress:
            on_progress(0, len(ids))
        cases = with_pdf_relations(Case.objects.with_participants(), current_assessments=True)
        for done, case_id in enumerate(ids, start=1):
            case = cases.get(pk=case_id)
            context = report_section_context(case, now=now, first_page=pages + 1)
            parts.append(Path(folder) / f"{done:06d}.pdf")
            html = render_to_string(SECTION_TEMPLATE, context)
            pages += _render_part(html, parts[-1], url_fetcher, f"de casus ‘{context['dossier'].title}’")
            if on_progress:
                on_progress(done, len(ids))
        title = "Selectie van casussen"
        return join_parts(parts, target, title=title, author=AUTHOR, subject=REPORT_SUBJECT)


def report_pdf(
    filterset,
    *,
    now: datetime.datetime | None = None,
    url_fetcher: StaticFilesURLFetcher | None = None,
) -> bytes:
    """The selection report of the cases a bound, valid CaseFilterSet selects, in Dutch, as bytes."""
    with tempfile.TemporaryDirectory(prefix="seta-report-") as folder:
        target = Path(folder) / "report.pdf"
        report_pdf_file(filterset, target, now=now, url_fetcher=url_fetcher)
        return target.read_bytes()


def case_pdf_filename(case: Case, day: datetime.date | None = None) -> str:
    """ "seta-bel-gemeenten-2026-11-22.pdf"."""
    return f"seta-{case.slug}-{(day or timezone.localdate()).isoformat()}.pdf"


def report_pdf_filename(day: datetime.date | None = None) -> str:
    """ "seta-selectie-2026-11-22.pdf"."""
    return f"seta-selectie-{(day or timezone.localdate()).isoformat()}.pdf"
