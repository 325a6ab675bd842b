"""URLs of the five-point check (under a dossier's URL)."""

from django.urls import include, path

from assessments import views

urlpatterns = [
    path("", include("assessments.explorations.urls")),
    path("cases/<slug:slug>/checks/new/", views.AssessmentCreateView.as_view(), name="assessment-create"),
    path(
        "cases/<slug:slug>/checks/<int:pk>/edit/",
        views.AssessmentUpdateView.as_view(),
        name="assessment-edit",
    ),
]
