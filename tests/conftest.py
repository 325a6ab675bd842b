"""Shared pytest fixtures."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from core.roles import ADVISEUR, RAADSLID
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
    from explorations.models import Exploration

    with django_db_blocker.unblock():
        call_command("load_seed_explorations", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        Exploration.objects.all().delete()
        Exploration.history.all().delete()
