"""Downloads of a case list selection as CSV and XLSX. Thin: permission, filters, delivery."""

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View

from assessments.export import csv_lines, rows, xlsx_bytes
from cases.permissions import ReaderRequiredMixin
from cases.selection import selection_filterset

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_filename(extension: str) -> str:
    """ "seta-selectie-2026-11-28.csv"."""
    return f"seta-selectie-{timezone.localdate().isoformat()}.{extension}"


class ExportMixin(ReaderRequiredMixin, View):
    """The selection of GET /cases/export.<ext>?<the case list's filters>; same permission as reading."""

    def get(self, request):
        filterset = selection_filterset(request.GET)
        if not filterset.is_valid():
            return HttpResponseBadRequest(
                _("Deze selectie bevat een ongeldig filter; pas de filters op de lijst van casussen aan."),
                content_type="text/plain; charset=utf-8",
            )
        response = self.respond(rows(filterset.qs, request.build_absolute_uri))
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=export_filename(self.extension)
        )
        response["Cache-Control"] = "private, no-store"
        return response


class ExportCsvView(ExportMixin):
    extension = "csv"

    def respond(self, data):
        return StreamingHttpResponse(csv_lines(data), content_type="text/csv; charset=utf-8")


class ExportXlsxView(ExportMixin):
    extension = "xlsx"

    def respond(self, data):
        return HttpResponse(xlsx_bytes(data), content_type=XLSX_TYPE)
