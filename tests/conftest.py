"""Shared pytest fixtures, the test lanes and the fast password hasher."""

import os
import shutil
from copy import copy

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.test import client as test_client
from django.test.utils import ContextList
from django.utils import translation

from core.roles import ADVISEUR, RAADSLID
from tests.chromium import CHROMIUM, Chromium
from tests.factories import UserFactory, bar_dossier

pytest_plugins = ["tests.seed_db"]

SEED_FIXTURES = {"seed_cases", "seed_explorations", "seeded_db", "seed_databases"}
BROWSER_FIXTURES = {"browser", "live_server"}  # a real `page` fixture brings `browser`
DB_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def needs_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db") or fixtures & (DB_FIXTURES | SEED_FIXTURES))


def lane(item: pytest.Item) -> str:
    """The one lane a test runs in, read from the fixtures it uses (see the README's "Tests").

    An explicit `seed` marks a test that runs the seed loader over all fixtures itself; an
    explicit `system` one that starts real processes (workers, servers, PostgreSQL clusters)."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if item.get_closest_marker("browser") or fixtures & BROWSER_FIXTURES:
        return "browser"
    if item.get_closest_marker("system"):
        return "system"
    if item.get_closest_marker("seed") or fixtures & SEED_FIXTURES:
        return "seed"
    return "db" if needs_database(item) else "unit"


# The system lane first: its longest tests need no database, so they run while another test
# process builds the template databases (tests/seed_db.py) that the browser and seed lanes wait for.
SLOWEST_FIRST = ("system", "browser", "seed", "db", "unit")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its lane; run the files of the slow lanes first, so with several test
    processes (pytest-xdist, work stealing) the long tests start early and no process is left
    alone with one at the end; within a lane, the files with a `long` test first, then those
    that need no database. A file's tests stay together and in their order."""
    rank: dict[str, tuple[int, bool, bool]] = {}
    for item in items:
        name = lane(item)
        if not item.get_closest_marker(name):
            item.add_marker(name)
        own = (SLOWEST_FIRST.index(name), not item.get_closest_marker("long"), needs_database(item))
        rank[item.fspath] = min(rank.get(item.fspath, own), own)
    items.sort(key=lambda item: rank[item.fspath])


PRODUCTION_HASHERS = list(settings.PASSWORD_HASHERS)


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """MD5 instead of PBKDF2's million rounds: every test user logs in without burning CPU."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def production_hasher(settings):
    """The configured hashers again, for users who log in to a server process of their own."""
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS


def store_page_context(store, signal, sender, template, context, **kwargs):
    """The test client's record of a rendered template, copying only the page's own context.

    Django's copies the context of every template rendered, includes too: a few hundred copies
    per editor page. A test reads `response.context` for what the view passed, which the first
    template rendered (the page's own) holds; `response.templates` still lists them all."""
    store.setdefault("templates", []).append(template)
    if "context" not in store:
        store["context"] = ContextList([copy(context)])


@pytest.fixture(scope="session", autouse=True)
def page_context_only():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(test_client, "store_rendered_templates", store_page_context)
        yield


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


@pytest.fixture
def dossier(db):
    """The BAR-gemeenten (tests.factories.bar_dossier)."""
    return bar_dossier()


@pytest.fixture
def fixture_copy(tmp_path, settings):
    """A copy of the seed fixtures/ folder that a test may break."""
    target = tmp_path / "fixtures"
    shutil.copytree(settings.BASE_DIR / "fixtures", target)
    return target


def logged_in_advisor(username: str) -> Client:
    """A browser of its own for one advisor, logged in."""
    client = Client()
    client.force_login(UserFactory(username=username, role=ADVISEUR))
    return client


@pytest.fixture
def anna(db):
    """One of two advisors editing the same record (conflict tests)."""
    return logged_in_advisor("anna")


@pytest.fixture
def bram(db):
    """The other advisor."""
    return logged_in_advisor("bram")


@pytest.fixture
def editor(client, adviseur):
    client.force_login(adviseur)
    return client


# The Playwright sync API runs an event loop in this thread; the ORM calls in these tests are
# ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM_PROCESS = Chromium()


@pytest.fixture
def browser():
    """Debian's headless Chromium through Playwright (tests/chromium.py); skipped without it,
    except on CI."""
    if not os.path.exists(CHROMIUM):
        message = (
            f"Chromium not found at {CHROMIUM}: install Debian's chromium-headless-shell package"
            " (make test does as root)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM_PROCESS.browser()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Chromium stops after the last of a stretch of browser tests (after their fixtures' teardown)."""
    if nextitem is None or not nextitem.get_closest_marker("browser"):
        CHROMIUM_PROCESS.stop()


@pytest.fixture
def page(browser):
    """A fresh Dutch browser context and page for one test."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
