"""URLs of the five-point check (under a dossier's URL), the analysis, comparison and export.

Included before cases.urls: "compare" would also match the dossier pattern cases/<slug>/.
"""

from django.urls import path

from assessments import views, views_analysis

urlpatterns = [
    path("analysis/", views_analysis.AnalysisView.as_view(), name="analysis"),
    path("cases/<slug:slug>/checks/new/", views.AssessmentCreateView.as_view(), name="assessment-create"),
    path(
        "cases/<slug:slug>/checks/<int:pk>/edit/",
        views.AssessmentUpdateView.as_view(),
        name="assessment-edit",
    ),
]
