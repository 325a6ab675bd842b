"""`manage.py benchmark_pdfs`: how long the council PDFs take and how much memory they need.

The dossier, the report of all cases, the comparison of the first three cases and each
exploration; the comparison and the explorations also per page against the dossier (the aim:
an exploration costs at most twice the dossier per page).

Not a test: it prints numbers to compare between machines and versions (`make benchmark`).
Times are measured without tracing. Memory is the process's peak resident set size; with
--trace a second, traced run of each PDF adds the peak of Python allocations (tracemalloc
slows rendering down several times, so it is not the default).
"""

import io
import resource
import time
import tracemalloc
from collections.abc import Callable

import weasyprint
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import timezone
from pypdf import PdfReader
from weasyprint.text.ffi import harfbuzz_subset

from assessments.pdf import compare_html
from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.rendering import case_pdf, report_pdf
from core.pdf.rendering import html_to_pdf
from explorations.pdf import exploration_pdf
from explorations.reads import exploration_for_page

MIB = 1024 * 1024


def timed(render: Callable[[], bytes]) -> tuple[float, int, int]:
    """Seconds one render takes, the size of the PDF in bytes and its number of pages."""
    start = time.perf_counter()
    content = render()
    seconds = time.perf_counter() - start
    return seconds, len(content), len(PdfReader(io.BytesIO(content)).pages)


def traced_peak(render: Callable[[], bytes]) -> int:
    """Peak bytes of Python allocations during one render."""
    tracemalloc.start()
    try:
        render()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def peak_rss() -> int:
    """The process's peak resident set size so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Command(BaseCommand):
    help = "Print time, pages and peak memory of the dossier, report, comparison and exploration PDFs."

    def add_arguments(self, parser):
        parser.add_argument("--case", help="slug of the dossier to time (default: the first case)")
        parser.add_argument("--repeat", type=int, default=1, help="timed renders of each PDF (default 1)")
        parser.add_argument("--trace", action="store_true", help="add a traced run (tracemalloc) per PDF")

    def handle(self, *args, **options):
        case = self.dossier_case(options["case"])
        queryset = Case.objects.with_list_annotations().with_participants()
        filterset = CaseFilterSet(QueryDict(), queryset=queryset)
        count = filterset.qs.count()
        subsetting = "HarfBuzz" if harfbuzz_subset else "fontTools (langzaam: installeer libharfbuzz-subset0)"
        self.stdout.write(f"WeasyPrint {weasyprint.__version__}, lettertypen gesubset met {subsetting}")
        case_pdf(case)  # once untimed: no PDF below pays for loading fonts and templates
        dossier = self.measure(f"Dossier ({case.slug})", lambda: case_pdf(case), options)
        self.measure(f"Rapport ({count} casussen)", lambda: report_pdf(filterset), options)
        slugs = list(Case.objects.order_by("number", "title").values_list("slug", flat=True)[:3])
        if len(slugs) >= 2:
            now = timezone.localtime()
            compare = self.measure(
                f"Vergelijking ({len(slugs)} casussen)",
                lambda: html_to_pdf(compare_html(slugs, now=now)),
                options,
            )
            self.per_page("Vergelijking", compare, dossier)
        for exploration in exploration_for_page():
            label = f"Verkenning ({exploration.slug})"
            measured = self.measure(
                label, lambda exploration=exploration: exploration_pdf(exploration), options
            )
            self.per_page(label, measured, dossier)

    def dossier_case(self, slug: str | None) -> Case:
        """The case to render a dossier of, with everything the PDF shows loaded."""
        cases = with_pdf_relations(Case.objects.with_participants())
        case = cases.filter(slug=slug).first() if slug else cases.first()
        if case is None:
            raise CommandError("Geen casus gevonden; laad eerst de casussen met `make seed`.")
        return case

    def measure(self, label: str, render: Callable[[], bytes], options: dict) -> None:
        """Print the best of the timed renders, the PDF size and the peak memory; return the best
        time and the page count."""
        runs = [timed(render) for _run in range(max(1, options["repeat"]))]
        seconds = min(run[0] for run in runs)
        size, pages = runs[0][1], runs[0][2]
        line = (
            f"{label}: {seconds:.2f} s, {pages} pagina's ({seconds / pages:.2f} s per pagina), "
            f"{size / 1024:.0f} KiB, piek RSS {peak_rss() / MIB:.0f} MiB"
        )
        if options["trace"]:
            line += f", piek Python-geheugen {traced_peak(render) / MIB:.1f} MiB (tracemalloc)"
        self.stdout.write(line)
        return seconds, pages

    def per_page(self, label: str, measured: tuple[float, int], dossier: tuple[float, int]) -> None:
        """The cost per page against the dossier's."""
        ratio = (measured[0] / measured[1]) / (dossier[0] / dossier[1])
        self.stdout.write(f"  {label}: {ratio:.2f}x de tijd per pagina van het dossier")
