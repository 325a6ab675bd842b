"""PDF URLs of cases (mounted under /cases/ by cases/urls.py, before the dossier pages)."""

from django.urls import path

from cases.pdf import views

urlpatterns = [
    path("report.pdf", views.CaseReportPdfView.as_view(), name="case-report-pdf"),
    path("<slug:slug>/pdf/", views.CasePdfView.as_view(), name="case-pdf"),
]
