"""Two web processes against one PostgreSQL, no sticky sessions: a user logs in on one and goes on
on the other, and an edit conflict between them is caught whichever process each save reaches."""

import secrets
import subprocess

import pytest
from django.conf import settings

from cases.models import Case
from tests.factories import UserFactory
from tests.http_session import Browser, form_with
from tests.processes import environment, free_port, stop, wait_for_http

# The servers check passwords with the configured hashers, not the tests' fast one.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("production_hasher"),
    pytest.mark.system,
]

PASSWORD = "geheim-wachtwoord-1"  # tests/factories.py


@pytest.fixture
def two_servers():
    """Two gunicorn servers of one worker each, sharing only the database and the SECRET_KEY."""
    env = environment(DEBUG="true", SECRET_KEY=secrets.token_urlsafe(40), ALLOWED_HOSTS="127.0.0.1")
    gunicorn = str(settings.BASE_DIR / ".venv" / "bin" / "gunicorn")
    servers = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [gunicorn, "seta.wsgi", "--workers=1", f"--bind=127.0.0.1:{port}", "--log-level=warning"],
            env=env,
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        servers.append((f"http://127.0.0.1:{port}", process))
    try:
        for base, process in servers:
            wait_for_http(f"{base}/accounts/login/", process)
        yield [base for base, _process in servers]
    finally:
        for _base, process in servers:
            stop(process)


def test_log_in_on_one_process_and_go_on_on_the_other(two_servers, dossier):
    one, other = two_servers
    UserFactory(username="anna", role="Adviseur")
    anna = Browser()
    anna.log_in(one, "anna", PASSWORD)
    status, _headers, page = anna.get(f"{other}/cases/{dossier.slug}/")
    assert status == 200 and "BAR-gemeenten" in page and "anna" in page
    status, headers, _page = Browser().get(f"{other}/cases/{dossier.slug}/")
    assert status == 302 and "/accounts/login/" in headers["location"]  # without the cookie: a login


def test_an_edit_conflict_is_caught_across_processes(two_servers, dossier):
    one, other = two_servers
    for name in ("anna", "bram"):
        UserFactory(username=name, role="Adviseur")
    anna, bram = Browser(), Browser()
    anna.log_in(one, "anna", PASSWORD)
    bram.log_in(other, "bram", PASSWORD)
    edit = f"/cases/{dossier.slug}/edit/"
    anna_form = form_with(anna.get(other + edit)[2], "summary")  # Anna opens the editor on the other
    bram_form = form_with(bram.get(one + edit)[2], "summary")  # and Bram on the first

    bram_form["summary"] = "Versie van Bram."
    status, _headers, _page = bram.post(one + edit, bram_form)
    assert status == 302
    anna_form["summary"] = "Versie van Anna."
    status, _headers, page = anna.post(other + edit, anna_form)
    assert status == 200
    assert "Iemand anders heeft dit dossier intussen gewijzigd" in page and "Kies welke versie blijft" in page
    assert "Versie van Bram." in page and "Versie van Anna." in page
    assert Case.objects.get(pk=dossier.pk).summary == "Versie van Bram."  # nothing of Anna's saved yet
