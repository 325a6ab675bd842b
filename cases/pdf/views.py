"""Downloads of the council PDFs. Thin: permission, loading, rendering, delivery."""

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View

from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download: application/pdf, as an attachment, never cached by shared caches."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


class PdfExportMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; logged-in users without the permission get 403."""

    permission_required = "cases.export_pdf"


class CasePdfView(PdfExportMixin, View):
    """GET /cases/<slug>/pdf/: the dossier of one case."""

    def get(self, request, slug):
        from cases.pdf.rendering import case_pdf, case_pdf_filename  # WeasyPrint: not at URLconf import

        case = get_object_or_404(with_pdf_relations(Case.objects.with_participants()), slug=slug)
        now = timezone.localtime()
        return pdf_response(case_pdf(case, now=now), case_pdf_filename(case, now.date()))


class CaseReportPdfView(PdfExportMixin, View):
    """GET /cases/report.pdf?<the case list's filters>: overview and dossiers of the selection."""

    def get(self, request):
        from cases.pdf.rendering import report_pdf, report_pdf_filename  # WeasyPrint: not at URLconf import

        queryset = Case.objects.with_current_ratings().with_participants()
        filterset = CaseFilterSet(request.GET, queryset=queryset)
        if not filterset.is_valid():
            return HttpResponseBadRequest(
                "Deze selectie bevat een ongeldig filter; pas de filters op de lijst van casussen aan.",
                content_type="text/plain; charset=utf-8",
            )
        now = timezone.localtime()
        return pdf_response(report_pdf(filterset, now=now), report_pdf_filename(now.date()))
