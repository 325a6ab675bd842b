"""URLs of the case dossiers."""

from django.urls import include, path

from cases.views import dossier as views
from cases.views import editor as editor_views
from cases.views import municipality as municipality_views

urlpatterns = [
    path("cases/", views.CaseListView.as_view(), name="case-list"),
    path("cases/new/", editor_views.CaseCreateView.as_view(), name="case-create"),
    path("cases/", include("cases.pdf.urls")),
    path("cases/<slug:slug>/", views.CaseDetailView.as_view(), name="case-detail"),
    path("cases/<slug:slug>/edit/", editor_views.CaseUpdateView.as_view(), name="case-edit"),
    path("cases/<slug:slug>/history/", views.CaseHistoryView.as_view(), name="case-history"),
    path("municipalities/", municipality_views.MunicipalityListView.as_view(), name="municipality-list"),
    path("municipalities/new/", editor_views.MunicipalityCreateView.as_view(), name="municipality-create"),
    path(
        "municipalities/<slug:slug>/",
        municipality_views.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
]
