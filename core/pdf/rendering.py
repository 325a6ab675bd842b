"""HTML to PDF with WeasyPrint: tagged PDF/UA-1, offline (static files only), within a time budget.

Imported only where a PDF is rendered (WeasyPrint is heavy to import): the render process and
the few views that render a small document while the user waits.
"""

from pathlib import Path

from weasyprint import HTML

from core.pdf.fetcher import BASE_URL, StaticFilesURLFetcher
from core.pdf.limits import part_time_budget

PDF_LANGUAGE = "nl"
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, url_fetcher: StaticFilesURLFetcher | None = None) -> bytes:
    """Render HTML to a tagged PDF/UA-1 document; resources come through the static-only fetcher."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher or StaticFilesURLFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def render_part(html: str, target: Path, label: str, url_fetcher: StaticFilesURLFetcher | None = None) -> int:
    """Render one document or part to `target` within its time budget; return its number of pages."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher or StaticFilesURLFetcher())
    with part_time_budget(label):
        rendered = document.render()
        rendered.write_pdf(target, pdf_variant=PDF_VARIANT)
    return len(rendered.pages)
