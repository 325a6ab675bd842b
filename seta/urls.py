"""Top-level URL configuration."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="case-list"), name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # assessments first: its /cases/compare/ and /cases/export.* would otherwise be taken for dossier slugs.
    path("", include("assessments.urls")),
    path("", include("cases.urls")),
]

handler403 = "seta.views.permission_denied"
handler404 = "seta.views.page_not_found"
handler500 = "seta.views.server_error"
