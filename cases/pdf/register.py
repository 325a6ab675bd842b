"""The council PDFs of cases, registered with the core's PDF machinery (from CasesConfig.ready):
the dossier of one case and the selection report, and what of cases' data they show."""

from django.db.models import Count, Max
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.pdf.limits import RenderFailed
from core.pdf.registry import PdfDocument, register_data_version, register_document

REPORT = "report"
DOSSIER = "dossier"


def cases_data_version() -> str:
    """Number and last change of cases; last change of municipalities and sources."""
    from cases.models import Case, Municipality, Source

    cases = Case.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    municipalities = Municipality.history.aggregate(last=Max("history_date"))
    sources = Source.history.aggregate(last=Max("history_date"))
    return f"{cases['count']}|{cases['changed']}|{municipalities['last']}|{sources['last']}"


def render_dossier(export, target, progress) -> None:
    from cases.models import Case
    from cases.pdf.documents import with_pdf_relations
    from cases.pdf.rendering import case_pdf

    progress(0, 1)
    case = with_pdf_relations(Case.objects.with_participants()).filter(pk=export.subject_id).first()
    if case is None:
        raise RenderFailed("Deze casus bestaat niet meer.")
    target.write_bytes(case_pdf(case))
    progress(1, 1)


def render_report(export, target, progress) -> None:
    from django.conf import settings

    from cases.pdf.rendering import report_pdf_file
    from cases.selection import selection_filterset, selection_queryset

    queryset = selection_queryset().with_participants()
    filterset = selection_filterset(QueryDict(export.query), queryset=queryset)
    if not filterset.is_valid():
        raise RenderFailed("Deze selectie bevat een ongeldig filter; pas de filters aan.")
    report_pdf_file(
        filterset, target, on_progress=progress, cases_per_process=settings.SETA_PDF_CASES_PER_PROCESS
    )


def dossier_url(export) -> str:
    from cases.models import Case

    case = Case.objects.filter(pk=export.subject_id).only("slug").first()
    return case.get_absolute_url() if case else reverse("case-list")


def dossier_title(export) -> str:
    from cases.models import Case

    case = Case.objects.filter(pk=export.subject_id).only("title").first()
    return case.title if case else export.filename


def dossier_retry_url(export) -> str:
    from cases.models import Case

    case = Case.objects.filter(pk=export.subject_id).only("slug").first()
    return reverse("case-pdf", kwargs={"slug": case.slug}) if case else reverse("case-list")


def query_url(name: str, export) -> str:
    return f"{reverse(name)}?{export.query}" if export.query else reverse(name)


def register() -> None:
    register_data_version(cases_data_version)
    register_document(
        PdfDocument(
            kind=DOSSIER,
            permission="cases.export_pdf",
            render=render_dossier,
            title=dossier_title,
            retry_url=dossier_retry_url,
            back_url=dossier_url,
            small=True,
        )
    )
    register_document(
        PdfDocument(
            kind=REPORT,
            permission="cases.export_pdf",
            render=render_report,
            title=lambda export: str(_("de selectie")),
            retry_url=lambda export: query_url("case-report-pdf", export),
            back_url=lambda export: query_url("case-list", export),
            progress_noun=_("casus"),
        )
    )
