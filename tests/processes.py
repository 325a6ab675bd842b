"""Helpers for tests that run the app in real processes: servers, workers, manage.py commands."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def database_url(dbname: str | None = None) -> str:
    """The URL of the test database (or another database on the same server)."""
    params = connection.get_connection_params()
    user, password = params.get("user", ""), params.get("password", "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host, port = params.get("host") or "localhost", params.get("port") or 5432
    return f"postgres://{credentials}{host}:{port}/{dbname or params['dbname']}"


def environment(**overrides: str) -> dict:
    """The environment of a child process on the test database; overrides win."""
    env = {**os.environ, "DATABASE_URL": database_url(), "CONN_MAX_AGE": "0"}
    env.pop("LOG_FORMAT", None)
    env.update(overrides)
    return env


def manage(*argv: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, MANAGE, *argv],
        env=env or environment(),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until `url` answers at all (any status), or fail with what the process printed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"server exited with {process.returncode}:\n{out}\n{err}")
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen, seconds: float = 30) -> tuple[str, str]:
    """SIGTERM, wait, and return what the process printed."""
    if process.poll() is None:
        process.terminate()
    try:
        return process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def json_lines(text: str) -> list[dict]:
    """Every non-empty line parsed as a JSON object; fails naming the first line that is not one."""
    parsed = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise AssertionError(f"not a JSON line: {line!r}") from error
        assert isinstance(record, dict), line
        parsed.append(record)
    return parsed
