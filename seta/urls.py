"""Top-level URL configuration."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from core.login_forms import LoginForm


def when_password_reset_enabled(view):
    """The password-reset pages exist only when mail can be sent (settings.PASSWORD_RESET_ENABLED)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.PASSWORD_RESET_ENABLED:
            raise Http404("Wachtwoordherstel is niet ingesteld.")
        return view(request, *args, **kwargs)

    return login_not_required(wrapper)


class LoginView(auth_views.LoginView):
    """Django's login page; it links to password reset only when that is offered."""

    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, password_reset_enabled=settings.PASSWORD_RESET_ENABLED)


account_urls = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password_reset/",
        when_password_reset_enabled(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        when_password_reset_enabled(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        when_password_reset_enabled(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        when_password_reset_enabled(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="case-list"), name="home"),
    path("accounts/", include(account_urls)),
    path("admin/", admin.site.urls),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    # before the dossier pages, which would take "exports" for a slug (the URLs are where they always were)
    path("cases/exports/", include("core.pdf.urls")),
    # assessments first: its /cases/compare/ and /cases/export.* would otherwise be taken for dossier slugs.
    path("", include("explorations.urls")),
    path("", include("assessments.urls")),
    path("", include("cases.urls")),
]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
