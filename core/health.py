"""Health probes for load balancers, Kubernetes and the stack test.

    GET /healthz/live   200 "ok" while the process answers requests
    GET /healthz/ready  200 "ok" when PostgreSQL answers and every migration is applied,
                        503 "unavailable" otherwise

The middleware answers them first, before anything else runs: no login, no session, no
https redirect (probes speak plain HTTP to the pod) and any Host header (a probe addresses
the pod by its IP, which is not in ALLOWED_HOSTS). The answer is one word, revealing nothing
else; every other path keeps all the checks.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse

LIVE_PATH = "/healthz/live"
READY_PATH = "/healthz/ready"

# Migrations on disk do not change while the process runs: once all are applied, they stay so.
_migrations_complete = False


def database_ready() -> bool:
    """PostgreSQL answers and no migration is unapplied."""
    global _migrations_complete
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_complete:
            executor = MigrationExecutor(connection)
            _migrations_complete = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        # A broken connection would fail the next probe too, even with PostgreSQL back.
        connection.close_if_unusable_or_obsolete()
        return False
    return _migrations_complete


def _answer(ready: bool) -> HttpResponse:
    response = HttpResponse(
        "ok\n" if ready else "unavailable\n", status=200 if ready else 503, content_type="text/plain"
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers GET/HEAD on the probe paths; outermost middleware (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            path = request.path_info.rstrip("/")
            if path == LIVE_PATH:
                return _answer(True)
            if path == READY_PATH:
                return _answer(database_ready())
        return self.get_response(request)
