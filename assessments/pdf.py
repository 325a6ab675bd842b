"""The five-point check's part of the council PDFs, registered with the core's PDF machinery (from
AssessmentsConfig.ready): the comparison PDF and the checks' share of the data version. (The
analysis section of the cases' selection report is registered in assessments/case_extensions.py.)"""

import datetime
from urllib.parse import urlencode

from django.db.models import Count, Max
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.pdf.limits import RenderFailed
from core.pdf.registry import PdfDocument, register_data_version, register_document

COMPARE = "compare"
COMPARE_TEMPLATE = "assessments/pdf/compare.html"


def checks_data_version() -> str:
    """Number and last id of the checks (a check is corrected by saving a new version of it)."""
    from assessments.models import Assessment

    checks = Assessment.objects.aggregate(count=Count("pk"), last=Max("pk"))
    return f"{checks['count']}|{checks['last']}"


def compare_query(slugs: list[str]) -> str:
    return urlencode([("case", slug) for slug in slugs])


def compare_html(slugs: list[str], *, now: datetime.datetime) -> str:
    """The comparison of the cases `slugs` as the PDF's HTML, in Dutch."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from assessments.compare import comparison
    from cases.pdf.documents import AUTHOR, date_in_words

    with translation.override("nl"):
        context = comparison(slugs)
        titles = ", ".join(case.title for case in context["cases"])
        return render_to_string(
            COMPARE_TEMPLATE,
            {
                **context,
                "document_title": f"Vergelijking: {titles}",
                "description": "Casussen naast elkaar, met hun vijfpuntscheck.",
                "author": AUTHOR,
                "generated_at": now,
                "generated_on": date_in_words(now.date()),
            },
        )


def render_compare(export, target, progress) -> None:
    from assessments.compare import CompareForm
    from core.pdf.rendering import render_part

    form = CompareForm(QueryDict(export.query))
    if not form.is_valid():
        raise RenderFailed(" ".join(form.errors.get("case", [])) or "Deze vergelijking is ongeldig.")
    progress(0, 1)
    render_part(compare_html(form.cleaned_data["case"], now=timezone.localtime()), target, "de vergelijking")
    progress(1, 1)


def register() -> None:
    register_data_version(checks_data_version)
    register_document(
        PdfDocument(
            kind=COMPARE,
            permission="cases.export_pdf",
            render=render_compare,
            title=lambda export: str(_("de vergelijking")),
            retry_url=lambda export: f"{reverse('case-compare-pdf')}?{export.query}",
            back_url=lambda export: f"{reverse('case-compare')}?{export.query}",
            small=True,
        )
    )
