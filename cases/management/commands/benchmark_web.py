"""`manage.py benchmark_web` (`make benchmark-web`): the app's pages against the Django admin's.

Builds a separate database (`seta_bench` on the same server) with the seed cases plus 10,000
synthetic ones, serves it with gunicorn (the same settings for the app and the admin, DEBUG off),
and measures requests per second of four pairs of pages with a bounded load from this process,
interleaved over several rounds. Prints each ratio app/admin as the median with its range, and
the number of queries of the dossier page. Not a test: numbers to compare between versions.
"""

import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.webbench import fetch, login, requests_per_second

BENCH_DATABASE = "seta_bench"
TARGETS = {"lijst": 3.0, "gefilterde lijst": 3.0, "zoeken": 3.0, "dossier": 4.0}
MAX_DOSSIER_QUERIES = 8


def bench_database_url() -> str:
    """The URL of the benchmark database: the app's server, another database name."""
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{BENCH_DATABASE}"


def pairs(slug: str, pk: int) -> list[tuple[str, str, str]]:
    """(label, app path, admin path): the same question asked of both."""
    return [
        ("lijst", "/cases/", "/admin/cases/case/"),
        (
            "gefilterde lijst",
            "/cases/?arrangement_type=werkorganisatie&outcome=realised",
            "/admin/cases/case/?arrangement_type__exact=werkorganisatie&outcome__exact=realised",
        ),
        ("zoeken", "/cases/?q=samenwerking", "/admin/cases/case/?q=samenwerking"),
        ("dossier", f"/cases/{slug}/", f"/admin/cases/case/{pk}/change/"),
    ]


# Accounts of the benchmark database only (the demo accounts cannot log in with DEBUG off): an
# advisor for the app and a superuser for the admin, with this run's random password.
BENCH_ACCOUNTS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from core.roles import ADVISEUR
User = get_user_model()
for name, staff in (("bench-adviseur", False), ("bench-beheerder", True)):
    user, _ = User.objects.get_or_create(username=name)
    user.is_staff = user.is_superuser = staff
    user.set_password("{password}")
    user.save()
    if not staff:
        user.groups.add(Group.objects.get(name=ADVISEUR))
"""


class Command(BaseCommand):
    help = "Requests per second of the case list, filtered list, search and dossier versus the admin."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=10_000, help="synthetic cases (default 10000)")
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--seconds", type=float, default=5.0, help="load per page per round")
        parser.add_argument("--connections", type=int, default=2)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--port", type=int, default=8190)

    def handle(self, *args, **options):
        url = bench_database_url()
        self.create_database(url)
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "true", "SECURE_SSL_REDIRECT": "false"}
        self.manage(env, "migrate", "--noinput", "-v0")
        self.manage(env, "load_seed_cases")
        self.manage(env, "create_synthetic_cases", f"--count={options['cases']}")
        password = secrets.token_urlsafe(16)
        self.manage(env, "shell", "-c", BENCH_ACCOUNTS.format(password=password))
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")  # statistics and visibility map as in a settled database
        serve_env = {**env, "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(40)}
        serve_env["ALLOWED_HOSTS"] = "127.0.0.1"
        self.manage(serve_env, "collectstatic", "--noinput", "-v0")  # the manifest DEBUG=false needs
        slug, pk, total = self.dossier(url)
        queries = self.dossier_queries(serve_env, slug)
        server = self.serve(serve_env, options)
        try:
            base = f"http://127.0.0.1:{options['port']}"
            cookies = {
                "app": login(base, "bench-adviseur", password),
                "admin": login(base, "bench-beheerder", password),
            }
            results = self.measure(base, cookies, pairs(slug, pk), options)
        finally:
            server.terminate()
            server.wait(timeout=30)
        self.report(results, total, queries, options)

    def create_database(self, url: str) -> None:
        parts = urlsplit(url)
        server_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(server_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
                self.stdout.write(f"Database {BENCH_DATABASE} aangemaakt.")

    def manage(self, env: dict, *argv: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *argv], env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise CommandError(f"manage.py {argv[0]} mislukte:\n{result.stderr[-3000:]}")
        return result.stdout

    def dossier(self, url: str) -> tuple[str, int, int]:
        """A synthetic dossier in the middle of the data, and the number of cases."""
        with psycopg.connect(url) as connection:
            total = connection.execute("SELECT count(*) FROM cases_case").fetchone()[0]
            pk, slug = connection.execute(
                "SELECT id, slug FROM cases_case WHERE slug LIKE 'syn1-%%' ORDER BY id OFFSET %s LIMIT 1",
                [total // 2],
            ).fetchone()
        return slug, pk, total

    def dossier_queries(self, env: dict, slug: str) -> int:
        code = (
            "from django.test.utils import setup_test_environment, CaptureQueriesContext\n"
            "from django.db import connection\nfrom django.test import Client\n"
            "from django.contrib.auth import get_user_model\nsetup_test_environment()\n"
            "client = Client()\nclient.force_login(get_user_model().objects.get(username='bench-adviseur'))\n"
            f"client.get('/cases/{slug}/')\n"
            "with CaptureQueriesContext(connection) as queries:\n"
            f"    assert client.get('/cases/{slug}/').status_code == 200\n"
            "print(len(queries))\n"
        )
        return int(self.manage(env, "shell", "-c", code).strip().splitlines()[-1])

    def serve(self, env: dict, options: dict) -> subprocess.Popen:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        argv = [str(gunicorn), "seta.wsgi", f"--workers={options['workers']}"]
        argv += [f"--bind=127.0.0.1:{options['port']}", "--log-level=warning"]
        server = subprocess.Popen(argv, env=env)
        for _attempt in range(100):
            try:
                fetch(f"http://127.0.0.1:{options['port']}/accounts/login/")
                return server
            except OSError:
                time.sleep(0.2)
        server.terminate()
        raise CommandError("gunicorn startte niet.")

    def measure(self, base: str, cookies: dict, pages: list, options: dict) -> dict:
        """Requests per second per page and side, rounds interleaved, the side going first alternating."""
        for label, app, admin in pages:
            for side, path in (("app", app), ("admin", admin)):
                status, _headers, _body = fetch(base + path, cookies[side])
                if status != 200:
                    raise CommandError(f"{label} ({side}) {path} gaf status {status}.")
        results = {label: {"app": [], "admin": []} for label, _app, _admin in pages}
        for round_number in range(options["rounds"]):
            for label, app, admin in pages:
                order = [("app", app), ("admin", admin)]
                for side, path in order if round_number % 2 == 0 else order[::-1]:
                    rate = requests_per_second(
                        base + path,
                        cookies[side],
                        seconds=options["seconds"],
                        connections=options["connections"],
                    )
                    results[label][side].append(rate)
        return results

    def report(self, results: dict, total: int, queries: int, options: dict) -> None:
        self.stdout.write(
            f"\n{total} casussen, gunicorn {options['workers']} workers, {options['connections']} "
            f"verbindingen, {options['rounds']} rondes van {options['seconds']:.0f} s per pagina\n"
        )
        header = f"{'pagina':18} {'app req/s':>10} {'admin req/s':>12} {'app/admin':>10}  spreiding  doel"
        self.stdout.write(header)
        for label, sides in results.items():
            ratios = [a / b for a, b in zip(sides["app"], sides["admin"], strict=True)]
            met = "gehaald" if statistics.median(ratios) >= TARGETS[label] else "NIET gehaald"
            app, admin = statistics.median(sides["app"]), statistics.median(sides["admin"])
            self.stdout.write(
                f"{label:18} {app:10.1f} {admin:12.1f} "
                f"{statistics.median(ratios):9.2f}x  {min(ratios):.2f}–{max(ratios):.2f}x  "
                f"≥ {TARGETS[label]:.0f}x {met}"
            )
        verdict = "gehaald" if queries <= MAX_DOSSIER_QUERIES else "NIET gehaald"
        self.stdout.write(f"dossier: {queries} queries (doel ≤ {MAX_DOSSIER_QUERIES}: {verdict})")
