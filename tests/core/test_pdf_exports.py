"""PDF exports end to end: request, progress page (queued, rendering, ready, failed), download.

The procrastinate worker runs in the test process (`run_worker(wait=False)`); it starts the real
render process (`manage.py render_pdf_export`), which needs committed data: transactional tests.
"""

import datetime
import re
import sys
import time
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from core.pdf import worker
from core.pdf.models import PdfExport, StoredFile, StoredFileChunk
from core.pdf.progress import pdf_export_progress, pdf_export_started, pdf_exports_cleanup
from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory
from tests.pdf_support import page_texts, pdf_text, run_worker, squash

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]


@pytest.fixture(autouse=True)
def separate_disks(tmp_path, settings, monkeypatch):
    """The render process (the worker's side) has its own temporary and media folders, the test
    (the web side) others: a download works only because the file is in PostgreSQL."""
    worker_tmp, web_media = tmp_path / "worker-tmp", tmp_path / "web-media"
    worker_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(worker_tmp))
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "worker-media"))
    settings.MEDIA_ROOT = web_media


@pytest.fixture
def cases(db):
    made = []
    for number, outcome in enumerate(["realised", "realised", "not_realised"], start=1):
        case = CaseFactory(title=f"Samenwerking {number}", outcome=outcome, number=number)
        for name in (f"Oost {number}", f"West {number}"):
            ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name))
        AssessmentFactory(case=case, urgency_answer=f"Urgentie van samenwerking {number}.")
        made.append(case)
    return made


def request_report(client, query: dict) -> PdfExport:
    response = client.post(f"{reverse('case-report-pdf')}?{urlencode(query, doseq=True)}")
    assert response.status_code == 303
    token = re.search(r"/exports/([0-9a-f-]+)/$", response["Location"]).group(1)
    return PdfExport.objects.get(token=token)


def progress_page(client, export: PdfExport) -> str:
    response = client.get(export.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_report_goes_from_queued_through_rendering_to_a_download(client, raadslid, cases):
    client.force_login(raadslid)

    export = request_report(client, {"outcome": "realised", "page": "2"})
    page = progress_page(client, export)
    assert "In de wachtrij" in page
    assert '<meta http-equiv="refresh"' in page and "js/pdf-export.js" in page
    assert "Download" not in page

    pdf_export_started(export_id=export.pk)
    pdf_export_progress(export_id=export.pk, done=1, total=2)
    assert "Bezig met opmaken: casus 2 van 2." in progress_page(client, export)
    status = client.get(reverse("pdf-export-status", args=[export.token])).json()
    assert status == {"status": "rendering", "finished": False, "done": 1, "total": 2, "text": status["text"]}

    PdfExport.objects.filter(pk=export.pk).update(status=PdfExport.Status.QUEUED)
    run_worker()

    export.refresh_from_db()
    assert export.status == PdfExport.Status.READY, export.error
    page = progress_page(client, export)
    assert "Klaar" in page and "http-equiv" not in page
    head = client.head(reverse("pdf-export-download", args=[export.token]))
    assert head.status_code == 200 and head.content == b""
    download = client.get(reverse("pdf-export-download", args=[export.token]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="seta-selectie-')
    content = b"".join(download.streaming_content)
    assert squash("Uitkomst: Gerealiseerd") in squash(page_texts(content)[0])
    text = pdf_text(content)
    assert "Urgentie van samenwerking 1." in text and "Urgentie van samenwerking 3." not in text


def test_the_same_selection_over_unchanged_data_is_served_from_the_stored_file(client, raadslid, cases):
    client.force_login(raadslid)
    first = request_report(client, {"outcome": "realised"})
    run_worker()

    again = request_report(client, {"outcome": "realised", "page": "3"})
    cases[0].title = "Samenwerking hernoemd"
    cases[0].save()
    changed = request_report(client, {"outcome": "realised"})

    assert again == first
    assert changed != first and changed.status == PdfExport.Status.QUEUED


def test_a_render_over_its_time_budget_fails_with_the_reason(client, raadslid, cases, monkeypatch):
    monkeypatch.setenv("SETA_PDF_PART_SECONDS", "0.001")
    client.force_login(raadslid)
    export = request_report(client, {})

    run_worker()

    export.refresh_from_db()
    assert export.status == PdfExport.Status.FAILED
    page = progress_page(client, export)
    assert "Mislukt: Het opmaken van het overzicht duurde langer dan 0.001 seconden" in page
    assert "Opnieuw proberen" in page
    assert client.get(reverse("pdf-export-download", args=[export.token])).status_code == 302


def test_a_render_over_its_memory_budget_fails_with_the_reason(client, raadslid, cases, monkeypatch):
    monkeypatch.setenv("SETA_PDF_MEMORY_MB", "64")
    client.force_login(raadslid)
    export = request_report(client, {})

    run_worker()

    export.refresh_from_db()
    assert export.status == PdfExport.Status.FAILED
    assert "geheugen" in export.error
    assert "geheugen" in progress_page(client, export)


def test_a_render_stopped_with_its_worker_is_retried(client, raadslid, cases, monkeypatch):

    real = worker.render_command
    attempts = []

    def stopped_first(export_id):
        attempts.append(export_id)
        if len(attempts) == 1:  # the first render process is stopped as by Ctrl-C on the worker
            return [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"]
        return real(export_id)

    monkeypatch.setattr(worker, "render_command", stopped_first)
    client.force_login(raadslid)
    export = request_report(client, {"outcome": "realised"})

    run_worker()
    export.refresh_from_db()
    assert export.status == PdfExport.Status.QUEUED
    assert "onderbroken" in progress_page(client, export) or "wachtrij" in progress_page(client, export)
    time.sleep(2.5)  # the retry is scheduled 2 s later
    run_worker()

    export.refresh_from_db()
    assert len(attempts) == 2
    assert export.status == PdfExport.Status.READY


def test_old_exports_and_their_files_are_cleaned_up(client, raadslid, cases, settings):

    client.force_login(raadslid)
    export = request_report(client, {})
    run_worker()
    export.refresh_from_db()
    name = export.file.name
    assert StoredFile.objects.filter(name=name).exists()

    later = timezone.now() + datetime.timedelta(hours=settings.SETA_PDF_EXPORT_RETENTION_HOURS + 1)
    assert pdf_exports_cleanup(now=later) == 1

    assert not PdfExport.objects.exists()
    assert not StoredFile.objects.exists() and not StoredFileChunk.objects.exists()
