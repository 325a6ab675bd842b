"""The progress page of a PDF export, its status as JSON (for the page's script) and the download."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from core.pdf.models import PdfExport
from core.pdf.selectors import render_is_orphaned
from core.pdf.views import AnyExportPermissionMixin, head_response

REFRESH_SECONDS = 2


def status_text(export: PdfExport) -> str:
    """Where the export stands, in a sentence: "Bezig met opmaken: casus 12 van 45."."""
    if export.status == PdfExport.Status.QUEUED:
        text = _("In de wachtrij: het opmaken begint zodra er een verwerker vrij is.")
        return f"{text} {export.error}" if export.error else text
    if export.status == PdfExport.Status.RENDERING:
        if render_is_orphaned(export):
            return _(
                "De verwerker die deze PDF opmaakte reageert niet meer. Een andere verwerker neemt het "
                "opmaken binnen twee minuten over en begint opnieuw; er wordt geen half bestand bewaard."
            )
        noun = export.document.progress_noun
        if noun and export.progress_total > 1:
            return _("Bezig met opmaken: %(noun)s %(done)s van %(total)s.") % {
                "noun": noun,
                "done": min(export.progress_done + 1, export.progress_total),
                "total": export.progress_total,
            }
        return _("Bezig met opmaken.")
    if export.status == PdfExport.Status.READY:
        return _("Klaar: de PDF kan worden gedownload.")
    return _("Mislukt: %(reason)s") % {"reason": export.error or _("onbekende fout.")}


class ExportLookupMixin(AnyExportPermissionMixin):
    """An export by its unguessable token, for users who may download that kind of PDF."""

    def get_export(self) -> PdfExport:
        export = get_object_or_404(PdfExport, token=self.kwargs["token"])
        if not self.request.user.has_perm(export.document.permission):
            raise PermissionDenied
        return export


class PdfExportView(ExportLookupMixin, DetailView):
    """GET /cases/exports/<token>/: how far the render is; the download link when ready."""

    template_name = "core/pdf_export.html"
    context_object_name = "export"

    def get_object(self, queryset=None):
        return self.get_export()

    def get_context_data(self, **kwargs):
        export, document = self.object, self.object.document
        return super().get_context_data(
            **kwargs,
            title=document.title(export),
            status_text=status_text(export),
            refresh_seconds=REFRESH_SECONDS,
            retry_url=document.retry_url(export),
            back_url=document.back_url(export),
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
