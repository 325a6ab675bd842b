"""Shared pytest fixtures."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cases.roles import ADVISEUR, RAADSLID
from tests.factories import UserFactory


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
    from cases.models import Case, Event, Municipality, Participation, Source

    with django_db_blocker.unblock():
        call_command("load_seed_cases", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        Assessment.objects.all().delete()
        Case.objects.all().delete()
        Municipality.objects.filter(merged_into__isnull=False).delete()
        Municipality.objects.all().delete()
        Source.objects.all().delete()
        for model in (Assessment, Case, Event, Municipality, Participation, Source):
            model.history.all().delete()


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
