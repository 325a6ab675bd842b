"""Rendering the print templates to PDF with WeasyPrint, offline and always in Dutch.

A dossier is one HTML document. The selection report is rendered in parts, each with its own
WeasyPrint render (the overview, then one part per case, each case loaded on its own), written to
temporary files and joined (core/pdf/joining.py): peak memory stays that of the largest part
whatever the number of cases. Each part renders within a time budget (core/pdf/limits.py).
"""

import datetime
import multiprocessing
import os
import tempfile
from pathlib import Path

from django.db import connections
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cases.models import Case
from cases.pdf.documents import AUTHOR, dossier_context, report_context, with_pdf_relations
from cases.pdf.report import report_section_context
from core.pdf.fetcher import StaticFilesURLFetcher
from core.pdf.joining import join_parts
from core.pdf.limits import RenderBudgetExceeded, part_time_budget
from core.pdf.processes import die_with_parent
from core.pdf.registry import Progress
from core.pdf.rendering import PDF_LANGUAGE, html_to_pdf, render_part

CASE_TEMPLATE = "pdf/case.html"
REPORT_TEMPLATE = "pdf/report.html"
SECTION_TEMPLATE = "pdf/report_section.html"
OVERVIEW_TEMPLATE = "pdf/report_overview.html"
OVERVIEW_ROWS_PER_PART = 100
REPORT_SUBJECT = "Overzicht en dossiers van een selectie van ambtelijke samenwerkingen van gemeenten."


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
    return render_part(html, target, label, url_fetcher)


def _render_overview(context: dict, folder: Path, url_fetcher) -> dict[Path, int]:
    """Render the report's first part and, past OVERVIEW_ROWS_PER_PART rows, the overview's
    continuation parts; return each part's path and page count, in order."""
    rows = context["rows"]
    chunks = [
        rows[start : start + OVERVIEW_ROWS_PER_PART] for start in range(0, len(rows), OVERVIEW_ROWS_PER_PART)
    ]
    parts: dict[Path, int] = {}
    for index, chunk in enumerate(chunks or [[]]):
        template = REPORT_TEMPLATE if index == 0 else OVERVIEW_TEMPLATE
        part_context = {
            **context,
            "rows": chunk,
            "overview_continues": index + 1 < len(chunks),
            "first_page": sum(parts.values()) + 1,
        }
        html = render_to_string(template, part_context)
        parts[folder / f"overview-{index:04d}.pdf"] = _render_part(
            html, folder / f"overview-{index:04d}.pdf", url_fetcher, "het overzicht"
        )
    return parts


def _render_sections(ids: list[int], folder: Path, first_page: int, now, url_fetcher, progress) -> list[int]:
    """Render the sections of the cases `ids` to `folder`/<case id>.pdf; return their page counts."""
    cases = with_pdf_relations(Case.objects.with_participants(), current_assessments=True)
    counts = []
    for case_id in ids:
        context = report_section_context(cases.get(pk=case_id), now=now, first_page=first_page + sum(counts))
        html = render_to_string(SECTION_TEMPLATE, context)
        label = f"de casus ‘{context['dossier'].title}’"
        counts.append(_render_part(html, folder / f"{case_id}.pdf", url_fetcher, label))
        if progress:
            progress(len(counts))
    return counts


def _sections_child(sender, *args) -> None:
    """Body of a forked section renderer: send back page counts or why it stopped, then exit."""
    die_with_parent()  # no orphan renders on when the render process is killed
    try:
        sender.send(("ok", _render_sections(*args)))
    except RenderBudgetExceeded as error:
        sender.send(("budget", str(error)))
    except MemoryError:
        sender.send(("memory", ""))
    except KeyboardInterrupt:  # stopped with the worker: the job is retried
        sender.send(("stopped", ""))
    except BaseException as error:  # anything else: the parent reports the render as failed
        sender.send(("crashed", repr(error)))
    finally:
        connections.close_all()
        os._exit(0)


def _render_sections_isolated(*args) -> list[int]:
    """`_render_sections` in a forked process, so that what WeasyPrint's native libraries keep
    between renders (about 0.3 MiB a part) is given back when the process ends."""
    connections.close_all()  # the child opens its own connection
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_sections_child, args=(sender, *args))
    process.start()
    sender.close()
    try:
        outcome, value = receiver.recv()
    except EOFError:
        outcome, value = "crashed", "no answer"
    process.join()
    if outcome == "ok":
        return value
    if outcome == "budget":
        raise RenderBudgetExceeded(value)
    if outcome == "stopped":
        raise KeyboardInterrupt
    raise MemoryError(value)


def report_pdf_file(
    filterset,
    target: Path,
    *,
    now: datetime.datetime | None = None,
    url_fetcher: StaticFilesURLFetcher | None = None,
    on_progress: Progress | None = None,
    cases_per_process: int = 0,
) -> int:
    """Write the selection report of a bound, valid CaseFilterSet to `target`; return its page count.

    `on_progress(done, total)` is called before the first case and after each case. With
    `cases_per_process`, the case sections are rendered in forked processes of that many cases each
    (the background worker's render process does; it needs committed data).
    """
    now = now or timezone.localtime()
    ids = list(filterset.qs.values_list("pk", flat=True))
    with translation.override(PDF_LANGUAGE), tempfile.TemporaryDirectory(prefix="seta-report-") as name:
        folder = Path(name)
        overview = _render_overview(report_context(filterset, now=now), folder, url_fetcher)
        pages = sum(overview.values())
        if on_progress:
            on_progress(0, len(ids))
        chunk = cases_per_process or len(ids) or 1
        render = _render_sections_isolated if cases_per_process else _render_sections
        for start in range(0, len(ids), chunk):

            def progress(done, start=start):
                if on_progress:
                    on_progress(start + done, len(ids))

            pages += sum(render(ids[start : start + chunk], folder, pages + 1, now, url_fetcher, progress))
        parts = [*overview, *(folder / f"{case_id}.pdf" for case_id in ids)]
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
