"""PDF URLs (mounted under /cases/ by cases/urls.py, before the dossier pages)."""

from django.urls import path

from cases.pdf import export_views, views

urlpatterns = [
    path("report.pdf", views.CaseReportPdfView.as_view(), name="case-report-pdf"),
    path("exports/<uuid:token>/", export_views.PdfExportView.as_view(), name="pdf-export"),
    path(
        "exports/<uuid:token>/status/", export_views.PdfExportStatusView.as_view(), name="pdf-export-status"
    ),
    path(
        "exports/<uuid:token>/download/",
        export_views.PdfExportDownloadView.as_view(),
        name="pdf-export-download",
    ),
    path("<slug:slug>/pdf/", views.CasePdfView.as_view(), name="case-pdf"),
]
