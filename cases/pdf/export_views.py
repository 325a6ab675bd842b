"""The progress page of a PDF export, its status as JSON (for the page's script) and the download."""

from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from cases.pdf.models import PdfExport
from cases.pdf.views import PdfExportMixin, head_response

REFRESH_SECONDS = 2


def status_text(export: PdfExport) -> str:
    """Where the export stands, in a sentence: "Bezig met opmaken: casus 12 van 45."."""
    if export.status == PdfExport.Status.QUEUED:
        return _("In de wachtrij: het opmaken begint zodra er een verwerker vrij is.")
    if export.status == PdfExport.Status.RENDERING:
        if export.kind == PdfExport.Kind.REPORT and export.progress_total:
            return _("Bezig met opmaken: casus %(done)s van %(total)s.") % {
                "done": min(export.progress_done + 1, export.progress_total),
                "total": export.progress_total,
            }
        return _("Bezig met opmaken.")
    if export.status == PdfExport.Status.READY:
        return _("Klaar: de PDF kan worden gedownload.")
    return _("Mislukt: %(reason)s") % {"reason": export.error or _("onbekende fout.")}


def retry_url(export: PdfExport) -> str:
    """Where to ask for the same document again."""
    if export.kind == PdfExport.Kind.DOSSIER and export.case_id:
        return reverse("case-pdf", kwargs={"slug": export.case.slug})
    return f"{reverse('case-report-pdf')}?{export.query}" if export.query else reverse("case-report-pdf")


class ExportLookupMixin(PdfExportMixin):
    """An export by its unguessable token, for users who may download PDFs."""

    def get_export(self) -> PdfExport:
        return get_object_or_404(PdfExport.objects.select_related("case"), token=self.kwargs["token"])


class PdfExportView(ExportLookupMixin, DetailView):
    """GET /cases/exports/<token>/: how far the render is; the download link when ready."""

    template_name = "cases/pdf_export.html"
    context_object_name = "export"

    def get_object(self, queryset=None):
        return self.get_export()

    def get_context_data(self, **kwargs):
        export = self.object
        back = reverse("case-list") + (f"?{export.query}" if export.query else "")
        return super().get_context_data(
            **kwargs,
            status_text=status_text(export),
            refresh_seconds=REFRESH_SECONDS,
            retry_url=retry_url(export),
            back_url=back if export.kind == PdfExport.Kind.REPORT else export.case.get_absolute_url(),
        )


class PdfExportStatusView(ExportLookupMixin, View):
    """GET /cases/exports/<token>/status/: the same as JSON, polled by static/js/pdf-export.js."""

    def get(self, request, token):
        export = self.get_export()
        return JsonResponse(
            {
                "status": export.status,
                "finished": export.is_finished,
                "done": export.progress_done,
                "total": export.progress_total,
                "text": status_text(export),
            },
            headers={"Cache-Control": "private, no-store"},
        )


class PdfExportDownloadView(ExportLookupMixin, View):
    """GET /cases/exports/<token>/download/: the stored PDF; the progress page while not ready."""

    def head(self, request, token):
        self.get_export()
        return head_response()

    def get(self, request, token):
        export = self.get_export()
        if export.status != PdfExport.Status.READY:
            return HttpResponseRedirect(export.get_absolute_url())
        try:
            handle = export.file.open("rb")
        except FileNotFoundError as error:
            raise Http404(_("Dit bestand is niet meer bewaard; vraag de PDF opnieuw aan.")) from error
        response = FileResponse(handle, as_attachment=True, filename=export.filename)
        response["Content-Type"] = "application/pdf"
        response["Cache-Control"] = "private, no-store"
        return response
