"""Production mode as a municipality's IT runs it, in subprocesses: the settings fail safe, and the
documented command (gunicorn -c deploy/gunicorn.conf.py) serves hashed static files with far-future
caching and answers readiness 503 while PostgreSQL is down or unmigrated, 200 otherwise."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from seta import devdb

pytestmark = pytest.mark.system  # starts real processes (see tests/conftest.py, lanes)

BASE_DIR = devdb.BASE_DIR  # the checkout
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SECRET = "a-long-random-production-secret-key-for-this-test-0123456789-abcdefghij"


def production_env(**overrides: str) -> dict[str, str]:
    """This process's environment without the test settings' DEBUG, key and hosts, plus `overrides`."""
    dropped = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "STATIC_ROOT"}
    kept = {k: v for k, v in os.environ.items() if k not in dropped}
    return kept | {"DJANGO_SETTINGS_MODULE": "seta.settings"} | overrides


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS must be set when DEBUG is off"),
        ({"ALLOWED_HOSTS": "dossiers.example.nl"}, "SECRET_KEY must be set when DEBUG is off"),
        ({"SECRET_KEY": SECRET, "DEBUG": "false"}, "ALLOWED_HOSTS must be set when DEBUG is off"),
    ],
)
def test_without_debug_manage_py_refuses_to_start_in_one_line(environment, missing):
    result = manage("check", env=production_env(**environment))

    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"SETA cannot start: {missing} ") and "docs/configuration.md" in line


def test_the_check_for_missing_migrations_runs_without_the_secrets():
    """`makemigrations --check` reads only the code: it runs where no production secret is set
    (a CI step, a before-commit hook), with the real settings and DEBUG off."""
    result = manage("makemigrations", "--check", "--dry-run", env=production_env())

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_gunicorn_refuses_to_start_without_a_secret_key_in_one_line():
    result = subprocess.run(
        [GUNICORN, "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{free_port()}"],
        cwd=BASE_DIR,
        env=production_env(ALLOWED_HOSTS="dossiers.example.nl"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "SETA cannot start" in line]
    assert len(errors) == 1 and errors[0].startswith("SETA cannot start: SECRET_KEY must be set when DEBUG")
    assert "Traceback" not in result.stderr and "Booting worker" not in result.stderr


@pytest.mark.parametrize("command", [["manage.py", "check"], ["gunicorn"]])
def test_with_json_logs_the_refusal_is_one_json_line(command):
    argv = [GUNICORN, "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{free_port()}"]
    if command[0] == "manage.py":
        argv = [sys.executable, *command]
    result = subprocess.run(
        argv, cwd=BASE_DIR, env=production_env(LOG_FORMAT="json"), capture_output=True, text=True, timeout=60
    )

    assert result.returncode != 0
    refusals = [json.loads(line) for line in result.stderr.splitlines() if "SETA cannot start" in line]
    assert len(refusals) == 1
    assert refusals[0]["level"] == "critical" and refusals[0]["logger"] == "seta.startup"
    assert refusals[0]["event"].startswith("SETA cannot start: SECRET_KEY and ALLOWED_HOSTS must be set")


def test_debug_is_off_unless_the_environment_turns_it_on():
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    env = production_env(SECRET_KEY=SECRET, ALLOWED_HOSTS="dossiers.example.nl")
    off = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    on = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env | {"DEBUG": "true"},
        capture_output=True,
        text=True,
    )
    assert (off.stdout.strip(), on.stdout.strip()) == ("False", "True")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One request, redirects not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def throwaway_cluster(monkeypatch, tmp_path):
    """A PostgreSQL server of its own (seta/devdb.py), so stopping it harms no other test."""
    parent = Path("/var/lib/seta-dev") / f"test-{uuid.uuid4().hex[:8]}" if devdb.is_root() else tmp_path
    monkeypatch.setenv("SETA_PG_DATA", str(parent / "pgdata"))
    monkeypatch.setenv("SETA_PG_PORT", str(free_port()))
    devdb.start()
    yield devdb.url()
    devdb.stop()
    shutil.rmtree(parent, ignore_errors=True)


def wait_for(url: str, status: int, seconds: float = 60) -> tuple[int, dict[str, str], bytes]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            answer = get(url)
            if answer[0] == status or time.monotonic() > deadline:
                return answer
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def test_the_production_server_serves_static_files_for_ever_and_tells_when_it_is_ready(
    throwaway_cluster, tmp_path
):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = production_env(
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=throwaway_cluster,
        STATIC_ROOT=str(tmp_path / "static"),
        SETA_BEHIND_PROXY="true",
        GUNICORN_WORKERS="1",
        GUNICORN_GRACEFUL_TIMEOUT="10",
    )
    collected = manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    assert not list((tmp_path / "static" / "pdf" / "fonts").glob("*.ttf.br"))  # WeasyPrint's, not served
    server = subprocess.Popen(
        [GUNICORN, "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(f"{base}/healthz/live", 200)[2] == b"ok\n"
        # A fresh database: PostgreSQL answers, but nothing is migrated yet.
        assert get(f"{base}/healthz/ready")[::2] == (503, b"unavailable\n")
        migrated = manage("migrate", "--noinput", env=env)
        assert migrated.returncode == 0, migrated.stderr
        assert get(f"{base}/healthz/ready")[::2] == (200, b"ok\n")

        # The login page over plain HTTP goes to https; behind the proxy it links hashed static files.
        assert get(f"{base}/accounts/login/")[1]["Location"].startswith("https://")
        status, _, page = get(f"{base}/accounts/login/", **{"X-Forwarded-Proto": "https"})
        manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
        assert status == 200 and f'/static/{manifest["css/app.css"]}"'.encode() in page
        status, headers, css = get(
            f"{base}/static/{manifest['css/app.css']}", **{"X-Forwarded-Proto": "https"}
        )
        assert status == 200 and css == (BASE_DIR / "static" / "css" / "app.css").read_bytes()
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
        brotli = {"X-Forwarded-Proto": "https", "Accept-Encoding": "br"}
        compressed = get(f"{base}/static/{manifest['css/app.css']}", **brotli)
        assert compressed[1]["Content-Encoding"] == "br"  # collectstatic wrote brotli files (pinned)

        # PostgreSQL stops: not ready (the process itself lives); it starts again: ready again.
        devdb.stop()
        assert get(f"{base}/healthz/ready")[::2] == (503, b"unavailable\n")
        assert get(f"{base}/healthz/live")[0] == 200
        devdb.start()
        assert wait_for(f"{base}/healthz/ready", 200, seconds=30)[0] == 200
    finally:
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert server.returncode == 0 and time.monotonic() - started < 10, output
    assert "Shutting down: Master" in output
