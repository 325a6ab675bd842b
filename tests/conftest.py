"""Shared pytest fixtures."""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cases.roles import ADVISEUR, RAADSLID
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    EventFactory,
    MunicipalityFactory,
    ParticipationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def dutch():
    """Every test starts in Dutch, whatever language an earlier request left active."""
    with translation.override("nl"):
        yield


@pytest.fixture
def adviseur(db):
    return UserFactory(username="test-adviseur", role=ADVISEUR)


@pytest.fixture
def raadslid(db):
    return UserFactory(username="test-raadslid", role=RAADSLID)


@pytest.fixture
def staff(db):
    return UserFactory(username="test-beheerder", is_staff=True, is_superuser=True)


@pytest.fixture(scope="module")
def seed_cases(django_db_setup, django_db_blocker):
    """The 45 seed cases, loaded once for a module of read-only tests, removed afterwards."""
    from assessments.models import Assessment
    from cases.models import Case, Event, Municipality, Participation, Source, SourceMention

    with django_db_blocker.unblock():
        call_command("load_seed_cases", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        Assessment.objects.all().delete()
        SourceMention.objects.all().delete()
        Case.objects.all().delete()
        Municipality.objects.filter(merged_into__isnull=False).delete()
        Municipality.objects.all().delete()
        Source.objects.all().delete()
        for model in (Assessment, Case, Event, Municipality, Participation, Source, SourceMention):
            model.history.all().delete()


@pytest.fixture
def dossier(db):
    """The BAR-gemeenten: three partners, one event, one check, a two-line narrative."""
    case = CaseFactory(
        title="BAR-gemeenten", slug="bar", start_date="2014", narrative="Eerste regel.\nTweede regel."
    )
    for name in ("Barendrecht", "Albrandswaard", "Ridderkerk"):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name, slug=name.lower()))
    EventFactory(case=case, date="2014-01-01")
    AssessmentFactory(case=case, trust_answer="Ja.")
    return case


@pytest.fixture
def editor(client, adviseur):
    client.force_login(adviseur)
    return client


@pytest.fixture(scope="module")
def seed_explorations(seed_cases, django_db_blocker):
    """The seed exploration of seed 003 on top of the seed cases; removed before the cases go."""
    from assessments.explorations.models import Exploration

    with django_db_blocker.unblock():
        call_command("load_seed_explorations", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        Exploration.objects.all().delete()
        Exploration.history.all().delete()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The Playwright sync API runs an event loop in this thread; the ORM calls in these tests are
# ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright; skipped without it, except on CI."""
    if not os.path.exists(CHROMIUM):
        message = (
            f"Chromium not found at {CHROMIUM}: install Debian's chromium package (make test does as root)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh Dutch browser context and page for one test."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def seeded_db(transactional_db):
    """The seed cases and exploration in a committed database a live server can read."""
    call_command("load_seed_cases", verbosity=0, stdout=StringIO())
    call_command("load_seed_explorations", verbosity=0, stdout=StringIO())
