"""Fair PDF queues (issue 19): starting is a CSRF-protected POST, one user's exports are bounded,
the queue as a whole is bounded, and a colleague's report is not stuck behind one user's flood."""

import html

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from procrastinate.contrib.django import app

from core.pdf import tasks
from core.pdf.models import PdfExport
from tests.factories import CaseFactory, UserFactory
from tests.pdf_support import run_worker


def report_url(year: int) -> str:
    return f"{reverse('case-report-pdf')}?year_from={year}"


@pytest.fixture
def selections(db):
    for year in range(2000, 2012):
        CaseFactory(year=year, number=year)


@pytest.fixture
def empty_queue(transactional_db):
    """No job of another test: the queue's tables (procrastinate's, unmanaged) outlive the flush
    after each test, and a `--reuse-db` run finds the last run's jobs in them."""
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE procrastinate_jobs, procrastinate_workers CASCADE")


@pytest.fixture
def colleague(raadslid):
    user = UserFactory(username="collega")
    user.groups.set(raadslid.groups.all())
    return user


@pytest.mark.django_db
def test_a_get_queues_nothing_and_a_post_without_csrf_token_is_refused(raadslid, selections):
    client = Client(enforce_csrf_checks=True)
    client.force_login(raadslid)

    page = client.get(report_url(2000))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    assert client.post(report_url(2000)).status_code == 403
    assert not PdfExport.objects.exists()


@pytest.mark.django_db
def test_one_user_may_have_a_few_exports_pending_then_gets_a_dutch_message(
    client, raadslid, colleague, selections, settings
):
    settings.SETA_PDF_USER_PENDING_LIMIT = 3
    client.force_login(raadslid)
    for year in (2000, 2001, 2002):
        assert client.post(report_url(year)).status_code == 303

    refused = client.post(report_url(2003))

    assert refused.status_code == 429
    assert "U heeft al 3 PDF's in de wachtrij of in bewerking." in html.unescape(refused.content.decode())
    assert PdfExport.objects.count() == 3
    assert client.post(report_url(2000)).status_code == 303  # the same selection is the queued one
    other = Client()
    other.force_login(colleague)
    assert other.post(report_url(2003)).status_code == 303


@pytest.mark.django_db
def test_the_whole_queue_is_bounded(client, raadslid, colleague, selections, settings):
    settings.SETA_PDF_QUEUE_LIMIT = 2
    client.force_login(raadslid)
    client.post(report_url(2000))
    client.post(report_url(2001))
    other = Client()
    other.force_login(colleague)

    refused = other.post(report_url(2002))

    assert refused.status_code == 429
    assert "De wachtrij voor PDF's is vol." in html.unescape(refused.content.decode())


@pytest.mark.django_db(transaction=True)
def test_a_colleagues_report_is_rendered_before_the_rest_of_one_users_flood(
    empty_queue, client, raadslid, colleague, selections, monkeypatch
):
    """The real worker takes the jobs from PostgreSQL in its order; the render is replaced by a log."""
    rendered = []
    monkeypatch.setattr(tasks, "render_in_subprocess", rendered.append)
    client.force_login(raadslid)
    flood = []
    for year in (2000, 2001, 2002):
        client.post(report_url(year))
        flood.append(PdfExport.objects.latest("created_at").pk)
    other = Client()
    other.force_login(colleague)
    other.post(report_url(2005))
    mine = PdfExport.objects.get(requested_by=colleague).pk

    run_worker()

    assert rendered == [flood[0], mine, flood[1], flood[2]]
    assert not app.job_manager.list_jobs(status="todo")
