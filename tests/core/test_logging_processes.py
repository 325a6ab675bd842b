"""Logs for machines in real processes: the worker and gunicorn print only JSON lines; Sentry gets errors."""

import gzip
import json
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from core.request_id import HEADER
from tests.processes import MANAGE, environment, free_port, json_lines, manage, stop, wait_for_http

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]


def test_the_worker_prints_only_json_lines_and_logs_a_job_with_its_id_and_duration():
    from core.pdf.tasks import cleanup_pdf_exports

    job_id = cleanup_pdf_exports.defer(timestamp=0)
    worker = subprocess.Popen(
        [sys.executable, MANAGE, "procrastinate", "worker", "--queues=pdf"],
        env=environment(LOG_FORMAT="json"),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    from procrastinate.contrib.django.models import ProcrastinateJob

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and ProcrastinateJob.objects.get(id=job_id).status != "succeeded":
        time.sleep(0.3)
    out, err = stop(worker)
    lines = json_lines(out) + json_lines(err)  # fails on the first line that is not JSON
    events = [line["event"] for line in lines]
    assert "Launching a worker on pdf" in events  # procrastinate's start-up print, as JSON
    [done] = [line for line in lines if line.get("action") == "job_success" and line.get("job_id") == job_id]
    assert done["task"] == "cases.cleanup_pdf_exports" and done["duration_ms"] >= 0
    assert {"time", "level", "logger"} <= set(done)
    [own] = [line for line in lines if line["event"].startswith("Removed") and line.get("job_id") == job_id]
    assert own["logger"] == "core.pdf.tasks"  # the task's own lines carry the job's id too


# As the image's gunicorn configuration runs it (access log "-", error log "-", threads), plus the helper.
GUNICORN_CONFIG = """
from core.logging import gunicorn_logconfig_dict
worker_class = "gthread"
threads = 2
accesslog = "-"
errorlog = "-"
control_socket_disable = True
logconfig_dict = gunicorn_logconfig_dict(log_format="json")
"""


def test_gunicorn_with_the_core_logconfig_prints_only_json_lines(tmp_path):
    config = tmp_path / "gunicorn.conf.py"
    config.write_text(GUNICORN_CONFIG)
    port = free_port()
    gunicorn = str(settings.BASE_DIR / ".venv" / "bin" / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "-c", str(config), "--workers=1", f"--bind=127.0.0.1:{port}", "seta.wsgi"],
        env=environment(LOG_FORMAT="json", DEBUG="true"),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/accounts/login/", server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as response:
            request_id = response.headers[HEADER]
    finally:
        out, err = stop(server)
    lines = json_lines(out) + json_lines(err)
    assert any(line["event"].startswith("Listening at") for line in lines)  # gunicorn's start-up
    app = [
        line for line in lines if line.get("logger") == "seta.request" and line["request_id"] == request_id
    ]
    access = [line for line in lines if line.get("logger") == "gunicorn.access"]
    assert app and app[-1]["path"] == "/accounts/login/" and app[-1]["status"] == 200
    assert any(line.get("request_id") == request_id and line["status"] == 200 for line in access)
    assert all(line["method"] == "GET" and "duration_ms" in line for line in access)


class _Collector(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli  # WeasyPrint's fonttools brings it, and sentry-sdk then uses it

            body = brotli.decompress(body)
        type(self).received.append((self.path, body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


SENTRY_PROBE = """
from unittest import mock
import sentry_sdk
from django.contrib.auth.views import LoginView
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="localhost")
with mock.patch.object(LoginView, "get", side_effect=RuntimeError("sentry-probe")):
    assert client.get("/accounts/login/").status_code == 500
sentry_sdk.flush(timeout=10)
print("active" if sentry_sdk.get_client().is_active() else "inactive")
"""


def test_errors_go_to_sentry_only_when_a_dsn_is_set():
    _Collector.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_address[1]}/42"
        with_dsn = manage("shell", "-c", SENTRY_PROBE, env=environment(SENTRY_DSN=dsn))
        assert with_dsn.stdout.split()[-1] == "active", with_dsn.stderr
        assert any(
            path == "/api/42/envelope/" and b"sentry-probe" in body for path, body in _Collector.received
        )
        _Collector.received = []
        without = manage("shell", "-c", SENTRY_PROBE, env=environment(SENTRY_DSN=""))
        assert without.stdout.split()[-1] == "inactive", without.stderr
        assert _Collector.received == []
    finally:
        server.shutdown()


def test_json_mode_turns_an_uncaught_error_into_a_json_line():
    result = manage("shell", "-c", "raise SystemError('kapot')", env=environment(LOG_FORMAT="json"))
    assert result.returncode != 0
    lines = json_lines(result.stderr)
    assert any("SystemError: kapot" in json.dumps(line) for line in lines)
