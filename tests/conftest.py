"""Shared pytest fixtures."""

import pytest

from cases.roles import ADVISEUR, RAADSLID
from tests.factories import UserFactory


@pytest.fixture
def adviseur(db):
    return UserFactory(username="test-adviseur", role=ADVISEUR)


@pytest.fixture
def raadslid(db):
    return UserFactory(username="test-raadslid", role=RAADSLID)


@pytest.fixture
def staff(db):
    return UserFactory(username="test-beheerder", is_staff=True, is_superuser=True)
