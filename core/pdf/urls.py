"""URLs of the PDF exports, mounted at /cases/exports/ (where they always were) by seta/urls.py."""

from django.urls import path

from core.pdf import export_views

urlpatterns = [
    path("<uuid:token>/", export_views.PdfExportView.as_view(), name="pdf-export"),
    path("<uuid:token>/status/", export_views.PdfExportStatusView.as_view(), name="pdf-export-status"),
    path("<uuid:token>/download/", export_views.PdfExportDownloadView.as_view(), name="pdf-export-download"),
]
