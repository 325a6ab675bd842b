"""The one way WeasyPrint may read anything: the application's own PDF static files.

The print templates are rendered with the base URL `BASE_URL`, under an origin in the
reserved `.invalid` domain (RFC 2606) that never resolves. The fetcher maps URLs under that
origin's /static/pdf/ to files found by Django's staticfiles finders and refuses every other
URL: http(s) to any host (loopback included), file:, data:, relative tricks such as `..`.
It never opens a network connection, so it cannot follow a redirect either.
A refused resource is left out and WeasyPrint renders the rest of the document.
"""

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_ORIGIN_SCHEME = "https"
STATIC_ORIGIN_HOST = "seta.invalid"
STATIC_PREFIX = "/static/"
ALLOWED_DIRECTORY = "pdf"
BASE_URL = f"{STATIC_ORIGIN_SCHEME}://{STATIC_ORIGIN_HOST}{STATIC_PREFIX}{ALLOWED_DIRECTORY}/"

CONTENT_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
}


class URLRefused(ValueError):
    """A PDF template or its content asked for a URL outside the application's PDF static files."""


def static_relative_path(url: str) -> str:
    """The staticfiles path ("pdf/pdf.css") that `url` names; URLRefused for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise URLRefused(f"Malformed URL: {url!r}") from error
    if (parts.scheme, parts.netloc) != (STATIC_ORIGIN_SCHEME, STATIC_ORIGIN_HOST):
        raise URLRefused(f"Not one of the application's static files: {url!r}")
    if parts.query or parts.fragment or not parts.path.startswith(STATIC_PREFIX):
        raise URLRefused(f"Not one of the application's static files: {url!r}")
    relative = unquote(parts.path.removeprefix(STATIC_PREFIX))
    segments = relative.split("/")
    if any(segment in {"", ".", ".."} for segment in segments) or "\\" in relative or "\x00" in relative:
        raise URLRefused(f"Path traversal refused: {url!r}")
    if segments[0] != ALLOWED_DIRECTORY or len(segments) < 2:
        raise URLRefused(f"Outside static/{ALLOWED_DIRECTORY}/: {url!r}")
    if PurePosixPath(relative).suffix.lower() not in CONTENT_TYPES:
        raise URLRefused(f"File type not served to PDFs: {url!r}")
    return relative


def static_file(relative: str) -> Path:
    """The file the staticfiles finders find for `relative`, not escaping its static root by a link."""
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation as error:
        raise URLRefused(f"Path traversal refused: {relative!r}") from error
    if not found:
        raise URLRefused(f"No such static file: {relative!r}")
    root = Path(found[: -len(relative)]).resolve()
    resolved = Path(found).resolve()
    if not resolved.is_relative_to(root) or not resolved.is_file():
        raise URLRefused(f"Static file escapes its directory: {relative!r}")
    return resolved


class StaticFilesURLFetcher(URLFetcher):
    """WeasyPrint URL fetcher for the application's static/pdf/ files only.

    `requested` lists every URL WeasyPrint asked for, `served` the ones that were read,
    `refused` the others; tests use them to prove that nothing else was fetched.
    """

    def __init__(self):
        # No protocol is allowed to the inherited urllib machinery, and fetch() never uses it.
        super().__init__(allowed_protocols=frozenset(), allow_redirects=False, fail_on_errors=False)
        self.requested: list[str] = []
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        """Serve a static PDF file as a WeasyPrint response, or raise URLRefused."""
        self.requested.append(url)
        try:
            relative = static_relative_path(url)
            path = static_file(relative)
        except URLRefused:
            self.refused.append(url)
            raise
        content_type = CONTENT_TYPES[PurePosixPath(relative).suffix.lower()]
        response = URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})
        self.served.append(url)
        return response
