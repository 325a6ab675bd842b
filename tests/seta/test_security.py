"""Production hardening: throttled logins, demo accounts, login before lookups, caching, outages."""

import subprocess
import sys

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse

from core.accounts import DEMO_ACCOUNTS
from tests.factories import CaseFactory, ExplorationFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_repeated_wrong_passwords_lock_the_account_for_a_while_with_a_dutch_message(client, settings):
    UserFactory(username="wethouder")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wethouder", "fout").status_code == 200

    locked = log_in(client, "wethouder", "fout")
    right_password = log_in(client, "wethouder", "geheim-wachtwoord-1", address="10.0.0.2")

    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()
    assert "Probeer het over 15 minuten opnieuw" in locked.content.decode()
    assert right_password.status_code == 429  # the account, from another address too
    assert "_auth_user_id" not in client.session


def test_repeated_failures_from_one_address_lock_that_address(client, settings):
    UserFactory(username="griffier")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"gok-{attempt}", "fout", address="10.0.0.9")

    assert log_in(client, "griffier", "geheim-wachtwoord-1", address="10.0.0.9").status_code == 429
    assert log_in(client, "griffier", "geheim-wachtwoord-1", address="10.0.0.3").status_code == 302


def test_an_admin_unlocks_with_axes_reset(client, settings):
    UserFactory(username="wethouder")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wethouder", "fout")

    call_command("axes_reset_username", "wethouder")
    call_command("axes_reset_ip", "10.0.0.1")

    assert log_in(client, "wethouder", "geheim-wachtwoord-1").status_code == 302


@pytest.mark.parametrize("path", [LOGIN, "/admin/login/"])
def test_an_overlong_username_is_a_form_error_not_a_500(client, path):
    """Django's login forms show a maximum length but never check it: an overlong name reached
    axes, whose failure log holds 255 characters, and the login answered 500 (the form fuzzer)."""
    response = client.post(path, {"username": "x" * 100_000, "password": "fout"}, REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 200
    assert "niet meer dan 150 tekens" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert log_in(client, "x" * 150, "fout").status_code == 200  # the longest name is still tried


@pytest.mark.parametrize("debug, logged_in", [(True, True), (False, False)])
def test_demo_accounts_log_in_only_when_debug_is_on(client, settings, debug, logged_in):
    account = DEMO_ACCOUNTS[0]
    user = UserFactory(username=account.username)
    user.set_password(account.password)
    user.save()
    settings.DEBUG = debug

    response = log_in(client, account.username, account.password)

    assert ("_auth_user_id" in client.session) is logged_in
    if not logged_in:
        assert "Voer een juiste gebruikersnaam en wachtwoord in." in response.content.decode()


def test_a_demo_session_ends_when_debug_is_turned_off(client, settings):
    client.force_login(UserFactory(username=DEMO_ACCOUNTS[1].username))
    settings.DEBUG = False

    assert client.get(reverse("case-list"))["Location"].startswith(LOGIN)


def test_remove_demo_accounts():
    for account in DEMO_ACCOUNTS:
        UserFactory(username=account.username)
    UserFactory(username="echte-gebruiker")

    call_command("ensure_demo_accounts", "--remove", stdout=open("/dev/null", "w"))  # noqa: SIM115

    from django.contrib.auth import get_user_model

    assert list(get_user_model().objects.values_list("username", flat=True)) == ["echte-gebruiker"]


@pytest.mark.parametrize(
    "path",
    [
        "/cases/{slug}/",
        "/cases/{slug}/edit/",
        "/cases/{slug}/pdf/",
        "/cases/{slug}/checks/new/",
        "/municipalities/{slug}/",
    ],
)
def test_anonymous_visitors_learn_nothing_about_which_slugs_exist(client, path):
    CaseFactory(slug="bestaat")
    MunicipalityFactory(slug="bestaat")

    existing = client.get(path.format(slug="bestaat"))
    missing = client.get(path.format(slug="bestaat-niet"))

    assert existing.status_code == missing.status_code == 302
    assert existing["Location"].startswith(LOGIN) and missing["Location"].startswith(LOGIN)


def test_logged_in_pages_are_private_and_never_stored(client, raadslid):
    client.force_login(raadslid)

    for url in (reverse("case-list"), reverse("municipality-list")):
        assert client.get(url)["Cache-Control"] == "private, no-store"


def test_password_reset_is_offered_only_with_a_mail_backend(client, settings):
    settings.PASSWORD_RESET_ENABLED = False
    assert client.get("/accounts/password_reset/").status_code == 404
    assert "Wachtwoord vergeten" not in client.get(LOGIN).content.decode()

    settings.PASSWORD_RESET_ENABLED = True
    assert client.get("/accounts/password_reset/").status_code == 200
    assert "Wachtwoord vergeten" in client.get(LOGIN).content.decode()


def test_an_unreachable_database_gives_a_styled_503_and_the_app_recovers(client, raadslid, monkeypatch):
    client.raise_request_exception = False
    client.force_login(raadslid)

    def unreachable(self, *args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(SessionStore, "load", unreachable)
        response = client.get(reverse("case-list"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "<title>Tijdelijk niet beschikbaar — SETA dossiers</title>" in page
    assert "css/app.css" in page and "de database antwoordt niet" in page
    assert client.get(reverse("case-list")).status_code == 200


def test_idle_sessions_expire_after_the_configured_timeout(client, raadslid, settings):
    client.force_login(raadslid)
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT * 60
    session = client.session
    session["seta_seen"] = 0  # last activity long ago: the next request renews the expiry
    session.save()

    client.get(reverse("case-list"))

    assert client.session["seta_seen"] > 0
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_TIMEOUT * 60


def settings_value(name: str, **environment) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    env = {"DJANGO_SETTINGS_MODULE": "seta.settings", "PATH": "/usr/bin:/bin", "DEBUG": "true", **environment}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout


def test_the_proxy_header_is_trusted_only_behind_a_configured_proxy():
    assert settings_value("SECURE_PROXY_SSL_HEADER").strip() == "None"
    behind = settings_value("SECURE_PROXY_SSL_HEADER", SETA_BEHIND_PROXY="true")
    assert behind.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_check_deploy_with_the_production_settings_warns_only_about_hsts_preload():
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "-a-long-and-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "dossiers.example.nl",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], env=env, capture_output=True, text=True
    )
    assert "security.W021" in result.stderr + result.stdout
    assert "identified 1 issue" in result.stderr + result.stdout


def test_head_on_any_pdf_url_answers_without_rendering(client, raadslid, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("HEAD rendered a PDF")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", refuse)
    monkeypatch.setattr("weasyprint.HTML.render", refuse)
    first, second = CaseFactory(slug="een"), CaseFactory(slug="twee")
    ExplorationFactory(slug="een-verkenning")
    urls = [
        f"{reverse('case-compare-pdf')}?case={first.slug}&case={second.slug}",
        reverse("exploration-pdf", args=["een-verkenning"]),
    ]
    for url in urls:
        assert client.head(url)["Location"].startswith(LOGIN)
    client.force_login(UserFactory(username="zonder-rol"))
    for url in urls:
        assert client.head(url).status_code == 403
    client.force_login(raadslid)
    for url in urls:
        response = client.head(url)
        assert response.status_code == 200 and response.content == b""
    assert client.head(reverse("exploration-pdf", args=["bestaat-niet"])).status_code == 404
