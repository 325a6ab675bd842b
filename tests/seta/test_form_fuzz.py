"""Every form the app declares takes random and extreme input: no 500, no slow request (issue 19, item 4).

The forms are found, not listed: every URL pattern of the app's own views is reversed with sample
records, every page that answers GET is read for its POST forms (as a browser sees them, the
management forms of formsets and the hidden versions included), and every view that accepts POST
must be reached by one of them. A form added later is covered without editing this file.
"""

import itertools
import os
import time

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    ExplorationFactory,
    ExplorationMunicipalityFactory,
    FrameworkCriterionFactory,
    PreconditionFactory,
    UserFactory,
    VariantFactory,
    bar_dossier,
)
from tests.seed_db import rolled_back_with_the_module
from tests.seta.page_forms import PageForm, page_forms

pytestmark = pytest.mark.django_db

APPS = ("cases", "assessments", "explorations", "core", "seta")
BUDGET_SECONDS = 2.0
NUMBERS = ["abc", "-1", "0", "1", "99999999", "-99999999", "9" * 40, "1e9", "1.5", " 7 ", "٣", "0x10"]
TEXTS = [
    "",
    " ",
    "\x00",
    "x" * 100_000,
    "e" + "\u0301" * 20_000,
    "\r\n" * 20_000,
    "<script>alert(1)</script>",
    "🙂" * 2_000,
    "\u202egnirts",
    "2026-13-45",
    "31-02-2026",
]
EXTREMES = NUMBERS + TEXTS
# One number of each kind a count or a version can be refused or capped for (not a number, a
# fraction, negative, zero, huge, too long, padded, non-ASCII digits): the absurd-count walk.
NUMBER_KINDS = ["abc", "1.5", "-1", "0", "99999999", "9" * 40, " 7 ", "٣"]
COUNT_FIELDS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


def app_patterns(patterns=None, namespace=""):
    """(name, pattern) of every URL pattern whose view lives in one of the app's own packages."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from app_patterns(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "view_class", pattern.callback).__module__
            if module.split(".")[0] in APPS:
                yield pattern.name, pattern


def accepts_post(pattern: URLPattern) -> bool:
    view_class = getattr(pattern.callback, "view_class", None)
    return view_class is not None and hasattr(view_class, "post")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Sample records for every kind of URL argument, an admin who may open every page and the
    forms found on them, made once for the module."""
    with rolled_back_with_the_module(django_db_blocker):
        dossier = bar_dossier()
        exploration = ExplorationFactory(slug="verkenning")
        ExplorationMunicipalityFactory(exploration=exploration)
        PreconditionFactory(exploration=exploration)
        FrameworkCriterionFactory(exploration=exploration)
        FrameworkCriterionFactory(exploration=exploration)
        variant = VariantFactory(exploration=exploration)
        VariantFactory(exploration=exploration)
        check = AssessmentFactory(case=None, exploration=exploration)
        CaseFactory(slug="vergelijkbaar", title=exploration.title, summary=exploration.urgency)
        client = Client()
        client.force_login(UserFactory(username="test-beheerder", is_staff=True, is_superuser=True))
        candidates = {
            "slug": [dossier.slug, exploration.slug, dossier.participations.first().municipality.slug],
            "pk": [dossier.assessments.get().pk, variant.pk, check.pk],
            "case_slug": [dossier.slug, "vergelijkbaar"],
        }
        yield client, candidates, discovered_forms(client, candidates)


def reversed_url(client, name: str, pattern: URLPattern, candidates: dict) -> str | None:
    """The pattern's URL for sample records it shows, or None (no such records, or not a page)."""
    keys = list(pattern.pattern.converters)
    if any(key not in candidates for key in keys):
        return None
    for values in itertools.product(*(candidates[key] for key in keys)):
        url = reverse(name, kwargs=dict(zip(keys, values, strict=True)))
        if client.get(url).status_code == 200:
            return url
    return None


# POST views with no form on a plain page, by design: the comparison PDF's start page needs the
# chosen cases in its query string, and a small dossier's PDF is answered at once by GET (a large
# one shows the start form). Both take no field but the CSRF token.
NO_FORM_BY_DESIGN = {"case-compare-pdf", "case-pdf"}


def discovered_forms(client, candidates) -> tuple[dict[str, PageForm], list[str]]:
    """{action: form} for every POST form on every page, and the POST views no form reaches."""
    forms, names = {}, {name for name, _pattern in app_patterns()}
    for name, pattern in app_patterns():
        url = reversed_url(client, name, pattern, candidates)
        response = client.get(url) if url else None
        if response is not None and response.status_code == 200 and "html" in response["Content-Type"]:
            for form in page_forms(url, response.content.decode()):
                # Django's own views (log out, language) are not the app's forms.
                if resolve(form.action).url_name in names:
                    forms.setdefault(form.action, form)
    reached = {resolve(action).url_name for action in forms}
    unreached = [
        name
        for name, pattern in app_patterns()
        if accepts_post(pattern) and name not in reached | NO_FORM_BY_DESIGN
    ]
    return forms, unreached


def machine_is_busy() -> bool:
    """More runnable processes than the cores this test process has to itself (the suite runs one
    test process per core, pytest-xdist): wall time then measures the neighbours too."""
    processes = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return os.getloadavg()[0] > (os.cpu_count() or 1) / processes


def post_within_budget(client, url: str, data: dict) -> None:
    """Post and roll back (the next post sees the same records); no 500, no request over the budget.

    The request is timed by the clock and by this process's CPU time; on a busy machine (a shared
    CI runner) only the CPU time is held to the budget, as the wall time is mostly waiting there.
    """
    with transaction.atomic():
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.post(url, data)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        transaction.set_rollback(True)
    shown = (url, round(elapsed, 2), round(cpu, 2), {k: str(v)[:80] for k, v in data.items()})
    assert response.status_code < 500, shown
    assert not response.get("Location", "").startswith(reverse("login")), "logged out: the test saw nothing"
    assert cpu < BUDGET_SECONDS, shown
    assert elapsed < BUDGET_SECONDS or machine_is_busy(), shown


@pytest.fixture
def app_forms(world, db):
    """The admin's client and every form found (once for the module), in this test's savepoint."""
    client, _candidates, (forms, _unreached) = world
    return client, forms


def test_every_post_view_is_reached_by_a_form_on_some_page(world, db):
    _client, _candidates, (forms, unreached) = world
    assert unreached == []
    assert len(forms) >= 10


@pytest.mark.parametrize("half", [0, 1])  # two tests the test processes can share
def test_absurd_counts_and_versions_answer_without_a_500_or_a_slow_request(app_forms, half):
    client, forms = app_forms
    for action in sorted(forms)[half::2]:
        form = forms[action]
        numeric = [name for name in form.fields if name.endswith(COUNT_FIELDS) or name == "version"]
        for name, value in itertools.product(numeric, NUMBER_KINDS):
            post_within_budget(client, action, form.fields | {name: [value]})


values = st.one_of(st.sampled_from(EXTREMES), st.text(max_size=200), st.integers().map(str))


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_and_extreme_values_in_any_field_answer_without_a_500_or_a_slow_request(app_forms, data):
    client, forms = app_forms
    action = data.draw(st.sampled_from(sorted(forms)), label="form")
    form = forms[action]
    names = [*sorted(form.fields), "version"]
    changes = data.draw(st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=6))
    post_within_budget(client, action, form.fields | {name: [value] for name, value in changes.items()})
