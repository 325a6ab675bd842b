"""Error pages (handler403/404/500): the app's look, in the user's language, with a way back."""

import re

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# Pages whose parent is a page a reader may open: /cases/<slug>/edit/ → /cases/<slug>/.
_CHILD_PAGE = re.compile(r"^(/(?:cases|municipalities)/[-\w]+/)[-\w/]+$")


def _layout(request) -> str:
    """A logged-in user keeps the app's menu; anyone else gets the plain error layout."""
    user = getattr(request, "user", None)
    return "layouts/error_app.html" if user is not None and user.is_authenticated else "layouts/error.html"


def permission_denied(request, exception=None):
    """403: explain which right is missing; lead back to the page above when there is one."""
    match = _CHILD_PAGE.match(request.path)
    context = {"back_url": match.group(1) if match else "", "error_layout": _layout(request)}
    return render(request, "403.html", context, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"error_layout": _layout(request)}, status=404)


def server_error(request):
    """500 without a request context: no database, no user, no session (they may be what failed)."""
    return HttpResponseServerError(loader.get_template("500.html").render())
