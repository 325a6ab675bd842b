"""URLs of the explorations (included by assessments/urls.py)."""

from django.urls import path

from explorations.views import check as check_views
from explorations.views import edit as edit_views
from explorations.views import exploration as views
from explorations.views import review as review_views

urlpatterns = [
    path("explorations/", views.ExplorationListView.as_view(), name="exploration-list"),
    path("explorations/new/", views.ExplorationCreateView.as_view(), name="exploration-create"),
    path("explorations/<slug:slug>/", views.ExplorationDetailView.as_view(), name="exploration-detail"),
    path("explorations/<slug:slug>/pdf/", views.ExplorationPdfView.as_view(), name="exploration-pdf"),
    path(
        "explorations/<slug:slug>/edit/", edit_views.ExplorationUpdateView.as_view(), name="exploration-edit"
    ),
    path(
        "explorations/<slug:slug>/framework/",
        review_views.FrameworkUpdateView.as_view(),
        name="exploration-framework",
    ),
    path(
        "explorations/<slug:slug>/variants/new/", edit_views.VariantEditView.as_view(), name="variant-create"
    ),
    path(
        "explorations/<slug:slug>/variants/<int:pk>/edit/",
        edit_views.VariantEditView.as_view(),
        name="variant-edit",
    ),
    path(
        "explorations/<slug:slug>/variants/<int:pk>/delete/",
        edit_views.VariantDeleteView.as_view(),
        name="variant-delete",
    ),
    path(
        "explorations/<slug:slug>/matrix/", review_views.MatrixUpdateView.as_view(), name="exploration-matrix"
    ),
    path(
        "explorations/<slug:slug>/checks/new/",
        review_views.ExplorationCheckCreateView.as_view(),
        name="exploration-check-create",
    ),
    path(
        "explorations/<slug:slug>/checks/<int:pk>/edit/",
        check_views.ExplorationCheckUpdateView.as_view(),
        name="exploration-check-edit",
    ),
    path(
        "explorations/<slug:slug>/similar/<slug:case_slug>/",
        edit_views.SimilarCaseDecisionView.as_view(),
        name="exploration-similar-decide",
    ),
]
