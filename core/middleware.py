"""Request middleware of the project."""

import sys
import time

from django.contrib.auth.signals import user_logged_in
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseForbidden
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string


class DutchByDefaultLocaleMiddleware(LocaleMiddleware):
    """Dutch for everyone unless the user chose another language (Django's language cookie).

    The browser's Accept-Language header is ignored: like other Dutch government tools, the
    application speaks Dutch first; English is one click away in the header.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)


class PrivateCacheControlMiddleware:
    """`Cache-Control: private, no-store` on every page a logged-in user gets, unless a view set one.

    Pages of a logged-in user show dossiers and names that no shared cache or back/forward
    cache on a shared computer may keep.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response


def _flag_database_error(sender, request=None, **kwargs):
    """Remember on the request that its uncaught exception was a lost database connection."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, OperationalError | InterfaceError):
        request.seta_database_unavailable = True


got_request_exception.connect(_flag_database_error, dispatch_uid="seta-database-unavailable")


class DatabaseUnavailableMiddleware:
    """A styled 503 page instead of a 500 while the database cannot be reached.

    Outermost middleware: an OperationalError/InterfaceError anywhere below (session, user,
    view) becomes a 500 response there and is flagged by the `got_request_exception` handler
    above; this middleware swaps that response for the 503 page, rendered without the request
    (no session, no user, no database). Django drops broken connections at the end of the
    request, so the app recovers by itself as soon as the database is back.
    """

    template_name = "503.html"
    retry_after_seconds = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "seta_database_unavailable", False):
            return self.unavailable_response()
        return response

    def unavailable_response(self) -> HttpResponse:
        response = HttpResponse(render_to_string(self.template_name), status=503)
        response["Retry-After"] = str(self.retry_after_seconds)
        response["Cache-Control"] = "no-store"
        return response


SESSION_SEEN_KEY = "seta_seen"
SESSION_REFRESH_SECONDS = 60


def _mark_session_seen(sender, request, user, **kwargs):
    request.session[SESSION_SEEN_KEY] = int(time.time())


user_logged_in.connect(_mark_session_seen, dispatch_uid="seta-session-seen")


class IdleSessionMiddleware:
    """Sessions end after settings.SESSION_IDLE_TIMEOUT minutes without a request.

    The session's expiry (SESSION_COOKIE_AGE, the idle timeout) counts from its last save. Rather
    than saving the session on every request (SESSION_SAVE_EVERY_REQUEST, a database write per
    page), an active session is touched at most once a minute, so the timeout holds to within a
    minute at the cost of one write per minute of activity.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            seen = session.get(SESSION_SEEN_KEY, 0)
            if now - seen >= SESSION_REFRESH_SECONDS:
                session[SESSION_SEEN_KEY] = now
        return self.get_response(request)


class PdfHeadMiddleware:
    """HEAD on a PDF URL (URL name ending in "pdf") never renders the PDF.

    Django answers HEAD with the GET view and drops the body, so a HEAD would render a whole PDF
    for nothing. Views that answer HEAD themselves (the PDF start views, core/pdf/views.py) keep
    doing so; for the others this answers 200 without a body once the user has the view's
    permission (after the login check of LoginRequiredMiddleware, which comes before this middleware).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        view_class = getattr(view_func, "view_class", None)
        if request.method != "HEAD" or not (match and (match.url_name or "").endswith("pdf")):
            return None
        if view_class is not None and hasattr(view_class, "head"):
            return None
        permission = getattr(view_class, "permission_required", None)
        permissions = [permission] if isinstance(permission, str) else list(permission or [])
        if not request.user.has_perms(permissions):
            return HttpResponseForbidden()
        return HttpResponse(headers={"Cache-Control": "private, no-store"})
