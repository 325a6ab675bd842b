"""Login throttling per client address, directly and behind trusted reverse proxies (issue 19, item 1)."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from seta.settings import env_proxy_count
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PROXY = "172.16.0.10"  # the nginx in front of the app: every request arrives from it


def log_in(client, username, password="fout", *, socket=PROXY, forwarded_for=None):
    headers = {"REMOTE_ADDR": socket}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def good_login(client, **address):
    return log_in(client, "collega", "geheim-wachtwoord-1", **address)


def fail_five_times(client, *, username_prefix="gok", **address):
    statuses = [log_in(client, f"{username_prefix}-{attempt}", **address).status_code for attempt in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks


@pytest.fixture
def one_nginx(settings):
    """One nginx that appends the client's address (`$proxy_add_x_forwarded_for`)."""
    settings.SETA_TRUSTED_PROXIES = 1
    return settings


def test_five_failures_from_one_client_behind_the_proxy_do_not_lock_another_client(client, one_nginx):
    UserFactory(username="collega")
    fail_five_times(client, forwarded_for="203.0.113.66")

    colleague = good_login(client, forwarded_for="198.51.100.7")
    assert colleague.status_code == 302


def test_a_client_cannot_escape_its_lock_by_writing_its_own_forwarded_for(client, one_nginx):
    UserFactory(username="collega")
    for attempt in range(5):
        # Whatever the client sends itself stands left of what nginx appends.
        log_in(client, f"gok-{attempt}", forwarded_for=f"10.9.9.{attempt}, 203.0.113.66")

    assert good_login(client, forwarded_for="1.2.3.4, 203.0.113.66").status_code == 429
    assert good_login(client, forwarded_for="198.51.100.7").status_code == 302


def test_an_unclosed_quote_cannot_hide_the_address_nginx_appended(client, one_nginx):
    # A quote-aware parser would read `1.2.3.<n>, "x, 203.0.113.66` as one address and a broken token.
    UserFactory(username="collega")
    for attempt in range(5):
        log_in(client, f"gok-{attempt}", forwarded_for=f'1.2.3.{attempt}, "x, 203.0.113.66')

    assert good_login(client, forwarded_for="203.0.113.66").status_code == 429
    assert good_login(client, forwarded_for="1.2.3.9").status_code == 302


def test_two_proxies_vouch_for_the_second_entry_from_the_right(client, settings):
    settings.SETA_TRUSTED_PROXIES = 2  # a load balancer, then nginx (which appends the balancer's address)
    UserFactory(username="collega")
    fail_five_times(client, forwarded_for="6.6.6.6, 203.0.113.66, 10.0.0.2")

    assert good_login(client, forwarded_for="203.0.113.66, 10.0.0.2").status_code == 429
    assert good_login(client, forwarded_for="198.51.100.7, 10.0.0.2").status_code == 302


def test_a_spoofed_header_from_a_direct_client_changes_nothing(client, settings):
    settings.SETA_TRUSTED_PROXIES = 0
    UserFactory(username="collega")
    for attempt in range(5):
        log_in(client, f"gok-{attempt}", socket="203.0.113.66", forwarded_for=f"198.51.100.{attempt}")

    # Locked under its own socket address, whatever it claimed; nobody else's address was blamed.
    assert log_in(client, "collega", "geheim-wachtwoord-1", socket="203.0.113.66").status_code == 429
    assert log_in(client, "collega", "geheim-wachtwoord-1", socket="198.51.100.0").status_code == 302


def test_a_good_login_does_not_reset_the_address_count_of_other_accounts(client):
    UserFactory(username="insider")
    UserFactory(username="collega")
    for victim in ("wethouder", "griffier", "burgemeester", "secretaris"):
        log_in(client, victim, socket="10.0.0.5")
    assert log_in(client, "insider", "geheim-wachtwoord-1", socket="10.0.0.5").status_code == 302
    client.logout()

    assert log_in(client, "raadsgriffier", socket="10.0.0.5").status_code == 429  # the fifth failure
    assert log_in(client, "collega", "geheim-wachtwoord-1", socket="10.0.0.5").status_code == 429


def test_a_good_login_forgives_the_users_own_mistypes_from_that_address(client):
    UserFactory(username="collega")
    for _attempt in range(4):
        log_in(client, "collega", socket="10.0.0.5")
    assert log_in(client, "collega", "geheim-wachtwoord-1", socket="10.0.0.5").status_code == 302
    client.logout()

    for _attempt in range(4):
        assert log_in(client, "collega", socket="10.0.0.5").status_code == 200
    assert log_in(client, "collega", "geheim-wachtwoord-1", socket="10.0.0.5").status_code == 302


def test_someone_elses_good_login_does_not_forgive_an_attackers_failures_on_that_account(client):
    UserFactory(username="wethouder")
    for _attempt in range(4):
        log_in(client, "wethouder", socket="203.0.113.66")
    assert log_in(client, "wethouder", "geheim-wachtwoord-1", socket="10.0.0.5").status_code == 302
    client.logout()

    assert log_in(client, "wethouder", socket="203.0.113.66").status_code == 429


def settings_value(name: str, **environment) -> subprocess.CompletedProcess:
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    env = {"DJANGO_SETTINGS_MODULE": "seta.settings", "DEBUG": "true", "PATH": "/usr/bin:/bin", **environment}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    "value, proxies", [(None, 0), ("false", 0), ("0", 0), ("true", 1), ("1", 1), (" 2 ", 2), ("9", 9)]
)
def test_seta_behind_proxy_is_the_number_of_trusted_proxies(monkeypatch, value, proxies):
    monkeypatch.delenv("SETA_BEHIND_PROXY", raising=False)
    if value is not None:
        monkeypatch.setenv("SETA_BEHIND_PROXY", value)
    assert env_proxy_count("SETA_BEHIND_PROXY") == proxies


@pytest.mark.parametrize(
    "environment", [{"SETA_BEHIND_PROXY": "nginx"}, {"SETA_BEHIND_PROXY": "10"}, {"SETA_PROXY_COUNT": "2"}]
)
def test_a_proxy_setting_that_is_not_a_count_is_refused_by_name(monkeypatch, environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match="SETA_BEHIND_PROXY"):
        env_proxy_count("SETA_BEHIND_PROXY")


def test_the_settings_take_the_count_and_a_wrong_one_stops_the_app_with_a_clear_error():
    """The settings module itself, in a process of its own, as the app starts."""
    assert settings_value("SETA_TRUSTED_PROXIES", SETA_BEHIND_PROXY="2").stdout.strip() == "2"
    refused = settings_value("SETA_TRUSTED_PROXIES", SETA_BEHIND_PROXY="nginx")
    assert refused.returncode != 0
    assert "SETA_BEHIND_PROXY" in refused.stderr
