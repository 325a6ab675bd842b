"""A request id on every request: in the response header, in every log line, in one line per request."""

import re
import time
import uuid

import structlog
from django.utils.functional import SimpleLazyObject, empty

HEADER = "X-Request-ID"
# An id from a proxy or load balancer in front is kept when it is harmless: letters, digits and
# `. _ : -`, 8 to 128 of them (UUIDs, nginx's $request_id, trace ids); anything else gets a new one.
WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,128}")

logger = structlog.get_logger("seta.request")


def request_id_from(request) -> str:
    """The incoming X-Request-ID when it is well-formed, else a new random one."""
    incoming = request.headers.get(HEADER, "")
    if WELL_FORMED.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def _user_id(request) -> int | None:
    """The user's id if the request looked the user up; never a database query of its own."""
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestIdMiddleware:
    """Outermost middleware: binds `request_id` for the request's log lines, sets the response
    header and logs one line per request with method, path (without the query, which may hold
    search terms), status, duration in ms and the user's id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            logger.info(
                "request",
                method=request.method,
                path=request.path,
                status=response.status_code,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                user_id=_user_id(request),
            )
            return response
        finally:
            structlog.contextvars.clear_contextvars()
