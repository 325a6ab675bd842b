"""Health probes (core/health.py) and the worker's liveness command, in process."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection

PROBE_HOST = "10.42.0.17:8000"  # a pod IP, as a Kubernetes probe sends it


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz/live", "/healthz/ready", "/healthz/ready/"])
def test_probes_answer_plain_http_from_any_host_without_login(client, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["dossiers.example.nl"]

    response = client.get(path, HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
def test_other_pages_keep_the_host_check_and_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["dossiers.example.nl"]

    assert client.get("/accounts/login/", HTTP_HOST=PROBE_HOST).status_code == 400
    response = client.get("/accounts/login/", HTTP_HOST="dossiers.example.nl")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    # Only GET and HEAD are probes; to anything else the path is an ordinary, unknown URL.
    assert client.post("/healthz/ready", HTTP_HOST="dossiers.example.nl", secure=True).status_code == 404


@pytest.mark.django_db
def test_readiness_once_migrated_costs_one_query(client, django_assert_num_queries):
    assert client.get("/healthz/ready").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/healthz/ready").status_code == 200


def set_heartbeats(*ages_in_seconds: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_workers")
        for age in ages_in_seconds:
            cursor.execute(
                "INSERT INTO procrastinate_workers (last_heartbeat)"
                " VALUES (now() - %s * interval '1 second')",
                [age],
            )


@pytest.mark.django_db
def test_worker_health_fails_without_any_worker():
    set_heartbeats()
    with pytest.raises(CommandError, match="Geen achtergrondverwerker actief: geen enkele hartslag"):
        call_command("worker_health", stdout=StringIO())


@pytest.mark.django_db
def test_worker_health_fails_when_the_last_heartbeat_is_old():
    set_heartbeats(300, 120)
    with pytest.raises(CommandError, match="laatste hartslag 120 s geleden"):
        call_command("worker_health", stdout=StringIO())
    output = StringIO()
    call_command("worker_health", "--max-age", "600", stdout=output)
    assert "laatste hartslag 120 s geleden" in output.getvalue()


@pytest.mark.django_db
def test_worker_health_counts_a_worker_as_gone_after_the_stall_period():
    """The probe and the hand-over of a silent worker's jobs share SETA_PDF_STALLED_SECONDS."""
    set_heartbeats(50)
    call_command("worker_health", stdout=StringIO())  # within the default 60 s
    set_heartbeats(70)
    with pytest.raises(CommandError, match="laatste hartslag 70 s geleden \\(grens 60 s\\)"):
        call_command("worker_health", stdout=StringIO())


@pytest.mark.django_db
def test_worker_health_succeeds_with_a_recent_heartbeat():
    set_heartbeats(300, 2)
    output = StringIO()
    call_command("worker_health", stdout=output)
    assert output.getvalue().startswith("Achtergrondverwerker actief: laatste hartslag")


@pytest.mark.django_db
def test_wait_for_database_returns_at_once_when_it_answers():
    call_command("wait_for_database", "--timeout", "0")


def test_wait_for_database_gives_up_after_its_timeout(settings, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    with pytest.raises(CommandError, match="De database antwoordde niet binnen 0 s: connection refused"):
        call_command("wait_for_database", "--timeout", "0")
