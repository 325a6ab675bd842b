"""Jobs that survive (issues 18 and 19), with real worker processes (`manage.py procrastinate
worker`) on the test database: a worker killed with `kill -9` mid-render leaves no render running
and its job is finished by another worker within two minutes, the progress page telling the truth
meanwhile; a SIGTERM lets the running render finish and does not requeue it; a render process
that outlives its deadline kills itself. The workers render a slow test document
(tests/slow_pdf/), so a render can be stopped midway.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from core.pdf.models import PdfExport
from core.pdf.requests import pdf_export_request
from core.pdf.worker import database_url, render_command
from tests.slow_pdf.apps import SLOW, register

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]


# Workers and this process's progress page agree on when a silent worker is gone; short, so the
# test sees the whole hand-over in seconds (production: 60 s, settings.SETA_PDF_STALLED_SECONDS).
STALLED_SECONDS = 8


@pytest.fixture(autouse=True)
def slow_document(settings):
    register()  # in this process too, for the request service and the progress page
    settings.SETA_PDF_STALLED_SECONDS = STALLED_SECONDS


def worker_environment(tmp_path: Path, name: str) -> dict:
    """Each worker with its own temporary folder: the download cannot come from a shared disk."""
    folder = tmp_path / name
    folder.mkdir()
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "tests.pdf_worker_settings",
        "TMPDIR": str(folder),
        "MEDIA_ROOT": str(folder),
        "SETA_PDF_STALLED_SECONDS": str(STALLED_SECONDS),
    }


def start_worker(tmp_path: Path, name: str) -> subprocess.Popen:
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "procrastinate", "worker"]
    return subprocess.Popen(
        [*command, "--queues", "pdf", "--name", name],
        env=worker_environment(tmp_path, name),
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds} s: {what}")


def export_now(export: PdfExport) -> PdfExport:
    export.refresh_from_db()
    return export


def render_processes(export: PdfExport) -> list[int]:
    """Pids of render processes of `export` still running on this machine."""
    wanted = "\0".join(render_command(export.pk)[-2:]).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if wanted in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def progress_text(client, export: PdfExport) -> str:
    return client.get(reverse("pdf-export-status", args=[export.token])).json()["text"]


def says_stopped(client, export: PdfExport) -> bool:
    return "reageert niet meer" in progress_text(client, export)


def test_a_worker_killed_mid_render_leaves_no_orphan_and_another_worker_finishes_the_job(
    client, raadslid, tmp_path
):
    export = pdf_export_request(user=raadslid, kind=SLOW, filename="traag.pdf")
    first = start_worker(tmp_path, "first")
    second = None
    try:
        wait_for(lambda: export_now(export).progress_done >= 2, 60, "the first worker renders")
        assert render_processes(export)
        first.send_signal(signal.SIGKILL)
        first.wait()

        wait_for(lambda: not render_processes(export), 5, "the render dies with its worker")
        done = export_now(export).progress_done
        time.sleep(1.5)
        assert export_now(export).progress_done == done  # nothing renders on in the background
        client.force_login(raadslid)
        assert "Bezig met opmaken" in progress_text(client, export)  # its heartbeat is still recent
        wait_for(lambda: says_stopped(client, export), 2 * STALLED_SECONDS, "the page says so")
        assert client.get(reverse("pdf-export-download", args=[export.token])).status_code == 302

        killed_at = time.monotonic()
        second = start_worker(tmp_path, "second")
        wait_for(lambda: export_now(export).status == PdfExport.Status.READY, 150, "the second worker")
        assert time.monotonic() - killed_at < 150
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait()

    assert export.attempts == 2
    download = client.get(reverse("pdf-export-download", args=[export.token]))
    content = b"".join(download.streaming_content)
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    # The finishing worker cleaned up; what the killed one wrote stays in its own temporary folder.
    assert not any((tmp_path / "second").iterdir())


def test_sigterm_lets_the_running_render_finish_and_does_not_requeue_it(raadslid, tmp_path):
    export = pdf_export_request(user=raadslid, kind=SLOW, filename="traag.pdf")
    worker = start_worker(tmp_path, "stopping")
    try:
        wait_for(lambda: export_now(export).progress_done >= 2, 60, "the worker renders")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=60) == 0
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGKILL)

    export = export_now(export)
    assert export.status == PdfExport.Status.READY and export.attempts == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status FROM procrastinate_jobs WHERE args ->> 'export_id' = %s", [str(export.pk)]
        )
        assert [row[0] for row in cursor.fetchall()] == ["succeeded"]


def test_a_render_process_past_its_deadline_kills_itself_and_says_why(raadslid, settings):
    export = pdf_export_request(user=raadslid, kind=SLOW, filename="traag.pdf")
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "tests.pdf_worker_settings",
        "SETA_PDF_DEADLINE": str(time.time() + 2),
        "SETA_PDF_JOB_SECONDS": "2",
    }
    started = time.monotonic()

    process = subprocess.run(render_command(export.pk), env=environment, cwd=settings.BASE_DIR, check=False)

    assert process.returncode == -signal.SIGKILL
    assert time.monotonic() - started < 8
    export = export_now(export)
    assert export.status == PdfExport.Status.FAILED and "duurde langer dan" in export.error
    assert not export.file
