"""Downloads of the council PDFs. Thin: permission, loading, then render or hand to the worker.

The selection report always goes through the background worker (a progress page, then the
download). A dossier renders while the user waits only when its text is small
(cases/pdf/limits.py); otherwise it goes through the worker too. HEAD never renders.
"""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View

from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.exports import normalized_query, pdf_export_request
from cases.pdf.limits import renders_in_request
from cases.pdf.models import PdfExport

INVALID_FILTER = "Deze selectie bevat een ongeldig filter; pas de filters op de lijst van casussen aan."


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download: application/pdf, as an attachment, never cached by shared caches."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def head_response() -> HttpResponse:
    """The answer to HEAD on a PDF URL: the URL exists and may be asked for; nothing is rendered."""
    response = HttpResponse(status=200)
    response["Cache-Control"] = "private, no-store"
    return response


def to_progress_page(export: PdfExport) -> HttpResponseRedirect:
    """303 See Other to the export's progress page."""
    response = HttpResponseRedirect(export.get_absolute_url())
    response.status_code = 303
    return response


class PdfExportMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; logged-in users without the permission get 403."""

    permission_required = "cases.export_pdf"


class CasePdfView(PdfExportMixin, View):
    """GET /cases/<slug>/pdf/: the dossier of one case."""

    def head(self, request, slug):
        get_object_or_404(Case.objects.only("pk"), slug=slug)
        return head_response()

    def get(self, request, slug):
        from cases.pdf.rendering import case_pdf, case_pdf_filename  # WeasyPrint: not at URLconf import

        case = get_object_or_404(with_pdf_relations(Case.objects.with_participants()), slug=slug)
        now = timezone.localtime()
        if renders_in_request(case):
            return pdf_response(case_pdf(case, now=now), case_pdf_filename(case, now.date()))
        export = pdf_export_request(
            user=request.user, kind=PdfExport.Kind.DOSSIER, case=case, filename=case_pdf_filename(case)
        )
        return to_progress_page(export)


class CaseReportPdfView(PdfExportMixin, View):
    """GET /cases/report.pdf?<the case list's filters>: overview and dossiers of the selection."""

    def filterset(self, request) -> CaseFilterSet:
        return CaseFilterSet(request.GET, queryset=Case.objects.all())

    def head(self, request):
        if not self.filterset(request).is_valid():
            return HttpResponseBadRequest()
        return head_response()

    def get(self, request):
        filterset = self.filterset(request)
        if not filterset.is_valid():
            return HttpResponseBadRequest(INVALID_FILTER, content_type="text/plain; charset=utf-8")
        count = filterset.qs.count()
        if count > settings.SETA_PDF_REPORT_MAX_CASES:
            context = {"count": count, "maximum": settings.SETA_PDF_REPORT_MAX_CASES, "query": request.GET}
            return TemplateResponse(request, "cases/pdf_report_too_large.html", context, status=400)
        from cases.pdf.rendering import report_pdf_filename  # WeasyPrint: not at URLconf import

        export = pdf_export_request(
            user=request.user,
            kind=PdfExport.Kind.REPORT,
            query=normalized_query(request.GET),
            filename=report_pdf_filename(),
        )
        return to_progress_page(export)
