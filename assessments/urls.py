"""URLs of the five-point check (under a dossier's URL), the analysis, comparison and export.

Included before cases.urls: "compare" would also match the dossier pattern cases/<slug>/.
"""

from django.urls import path

from assessments.views import analysis as views_analysis
from assessments.views import check as views
from assessments.views import compare as views_compare
from assessments.views import export as views_export

urlpatterns = [
    path("analysis/", views_analysis.AnalysisView.as_view(), name="analysis"),
    path("cases/compare/", views_compare.CompareView.as_view(), name="case-compare"),
    path("cases/compare/pdf/", views_compare.ComparePdfView.as_view(), name="case-compare-pdf"),
    path("cases/export.csv", views_export.ExportCsvView.as_view(), name="case-export-csv"),
    path("cases/export.xlsx", views_export.ExportXlsxView.as_view(), name="case-export-xlsx"),
    path("cases/<slug:slug>/checks/new/", views.AssessmentCreateView.as_view(), name="assessment-create"),
    path(
        "cases/<slug:slug>/checks/<int:pk>/edit/",
        views.AssessmentUpdateView.as_view(),
        name="assessment-edit",
    ),
]
