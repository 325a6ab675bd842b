"""The way back to the results a dossier was opened from: the `back` parameter.

The case list links each dossier with `?back=<the list's URL>`; the dossier, its editor, the check
editor and the history page pass it on (a query parameter on links, a hidden field in forms), so
saving, cancelling or a conflict screen still leads back to exactly those results.
"""

from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

MAX_LENGTH = 2000


def case_list_return_url(value: str) -> str:
    """The case list URL (with its filters, sort and page) a dossier was opened from, or "".

    Only a relative URL of the case list itself passes: no scheme, host, backslash or other path,
    so the link cannot lead anywhere else (the query string is re-encoded)."""
    if not value or len(value) > MAX_LENGTH or "\\" in value:
        return ""
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != reverse("case-list"):
        return ""
    query = QueryDict(parts.query).urlencode()
    return parts.path + (f"?{query}" if query else "")


def request_back(request: HttpRequest) -> str:
    """The checked way back a request carries: a form's hidden `back`, else the query's."""
    return case_list_return_url(request.POST.get("back") or request.GET.get("back", ""))


def back_context(request: HttpRequest) -> dict[str, str]:
    """Template context of a dossier page: the way back (`back_url`) and its `back_query`."""
    back = request_back(request)
    return {"back_url": back, "back_query": back_query(back)}


def back_query(back: str) -> str:
    """`back=…` to append to a dossier page's URL, or "" without a way back."""
    return urlencode({"back": back}) if back else ""


def with_back(url: str, back: str) -> str:
    """`url` (a dossier page, maybe with a #fragment) carrying the way back `back`."""
    if not back:
        return url
    path, hash_, fragment = url.partition("#")
    return f"{path}?{back_query(back)}{hash_}{fragment}"
