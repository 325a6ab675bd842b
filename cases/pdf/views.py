"""Starting the council PDFs of cases. Thin: permission, the selection, then the request service.

A dossier renders while the user waits when its text is small (cases/pdf/limits.py); otherwise,
and for every selection report, the GET shows what will be made with a button, and the POST
queues it for the background worker (core/pdf/views.py). HEAD never renders.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.back import request_back, with_back
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.limits import renders_in_request
from cases.pdf.register import DOSSIER, REPORT
from cases.selection import selection_filterset, selection_query
from core.pdf.views import PdfPlan, PdfStartView, pdf_response

INVALID_TEMPLATE = "cases/pdf_report_invalid.html"


def case_pdf_filename(case: Case, day=None) -> str:
    """ "seta-bel-gemeenten-2026-11-22.pdf"."""
    return f"seta-{case.slug}-{(day or timezone.localdate()).isoformat()}.pdf"


def report_pdf_filename(day=None) -> str:
    """ "seta-selectie-2026-11-22.pdf"."""
    return f"seta-selectie-{(day or timezone.localdate()).isoformat()}.pdf"


class CasePdfView(PdfStartView):
    """GET /cases/<slug>/pdf/: the dossier of one case (at once when small, else via the worker)."""

    permission_required = "cases.export_pdf"

    def plan(self, request, slug):
        case = get_object_or_404(Case.objects.only("pk", "slug", "title"), slug=slug)
        return PdfPlan(
            kind=DOSSIER,
            heading=_("PDF van %(title)s") % {"title": case.title},
            filename=case_pdf_filename(case),
            back_url=with_back(case.get_absolute_url(), request_back(request)),  # to the dossier's results
            lines=[_("Het dossier van %(title)s, met de vijfpuntscheck.") % {"title": case.title}],
            subject_id=case.pk,
        )

    def get(self, request, slug):
        from cases.pdf.rendering import case_pdf  # WeasyPrint: not at URLconf import

        case = get_object_or_404(with_pdf_relations(Case.objects.with_participants()), slug=slug)
        if not renders_in_request(case):
            return super().get(request, slug=slug)
        now = timezone.localtime()
        return pdf_response(case_pdf(case, now=now), case_pdf_filename(case, now.date()))


class CaseReportPdfView(PdfStartView):
    """GET /cases/report.pdf?<the case list's filters>: what the report of that selection holds and
    a button; POST queues it. Invalid, empty and too large selections say why and queue nothing."""

    permission_required = "cases.export_pdf"

    def plan(self, request):
        filterset = selection_filterset(request.GET)
        back_url = f"{reverse('case-list')}?{request.GET.urlencode()}"
        if not filterset.is_valid():
            context = {"filter": filterset, "back_url": back_url}
            return TemplateResponse(request, INVALID_TEMPLATE, context, status=400)
        count = filterset.qs.count()
        if count == 0 or count > settings.SETA_PDF_REPORT_MAX_CASES:
            context = {"count": count, "maximum": settings.SETA_PDF_REPORT_MAX_CASES, "back_url": back_url}
            return TemplateResponse(request, "cases/pdf_report_too_large.html", context, status=400)
        lines = [
            ngettext(
                "%(count)s casus: een overzicht en per casus het dossier.",
                "%(count)s casussen: een overzicht en per casus het dossier.",
                count,
            )
            % {"count": count}
        ]
        lines += [f"{label}: {value}" for label, value in filterset.active_filters()]
        return PdfPlan(
            kind=REPORT,
            heading=_("PDF van de selectie"),
            filename=report_pdf_filename(),
            back_url=back_url,
            lines=lines,
            query=selection_query(request.GET),
        )
