"""The test suite's own promises: one lane per test, the seed cloned without leaks, a fast hasher,
browser assertions that wait for the page they mean."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import get_hasher

from assessments.models import Assessment
from cases.models import Case
from tests.seed_db import using_database

LANES = {"unit", "db", "seed", "system", "browser"}


def test_every_test_runs_in_exactly_one_lane(request):
    lanes = {
        item.nodeid: {m.name for m in item.iter_markers() if m.name in LANES}
        for item in request.session.items
    }
    assert {nodeid: found for nodeid, found in lanes.items() if len(found) != 1} == {}


def test_a_test_without_database_is_in_the_unit_lane_and_may_not_touch_it(request):
    assert request.node.get_closest_marker("unit")
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Case.objects.count()


def test_passwords_are_hashed_fast_in_tests():
    assert get_hasher().algorithm == "md5"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_a_module_without_the_seed_sees_an_empty_database(request):
    assert request.node.get_closest_marker("db")
    assert Case.objects.count() == 0


def test_what_one_module_does_to_its_seed_clone_no_other_clone_sees(seed_databases, django_db_blocker):
    with django_db_blocker.unblock():
        first = seed_databases.clone("cases")
        try:
            with using_database(first):
                assert Case.objects.count() == 45
                Case.objects.update(title="Gewist")
                Assessment.objects.all().delete()
        finally:
            seed_databases.drop(first)
        second = seed_databases.clone("cases")
        try:
            with using_database(second):
                assert not Case.objects.filter(title="Gewist").exists()
                assert Assessment.objects.count() > 0
        finally:
            seed_databases.drop(second)


# Read once, at once: right after a click these may still see the page being left (or none).
UNWAITED_READS = {"title", "is_visible", "is_hidden"}


def test_browser_tests_read_a_new_page_through_expect_which_waits_for_it():
    found = []
    for module in sorted(Path(__file__).parents[1].rglob("test_browser*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            called = (
                node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else ""
            )
            if called in UNWAITED_READS and not node.args:
                found.append(f"{module.name}:{node.lineno} .{called}()")
    assert found == [], "use playwright's expect(...).to_have_title / to_be_visible, which retry"
