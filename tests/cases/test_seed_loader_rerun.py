"""load_seed_cases run again over the loaded seed: idempotent, respectful of advisors' edits.

The module starts from a clone of the seed template, which the same loader made from the same
fixtures (`tests/seed_db.py`), instead of loading them again in every test."""

import re

import pytest
from django.core.management import CommandError

from assessments.models import Assessment
from cases.models import Case

from .test_seed_loader import edit, load, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]


def test_second_run_changes_nothing_and_says_so():
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "casussen: 0 aangemaakt, 0 bijgewerkt, 45 ongewijzigd" in output
    assert "Niets gewijzigd" in output


def test_an_advisors_edit_survives_a_rerun_and_update_overwrites_it():
    case = Case.objects.get(number=8)
    case.summary = "Door een adviseur herschreven."
    case.save()
    output = load()
    case.refresh_from_db()
    assert case.summary == "Door een adviseur herschreven."
    assert "behouden: 8." in output
    load("--update")
    case.refresh_from_db()
    assert case.summary != "Door een adviseur herschreven."


def test_an_advisors_corrected_check_answer_survives_a_rerun():
    load()
    assessment = Assessment.objects.get(case__number=4)
    assessment.trust_answer = "Gecorrigeerd."
    assessment.save()
    load()
    assessment.refresh_from_db()
    assert assessment.trust_answer == "Gecorrigeerd."


def test_a_corrected_fixture_is_applied_where_nobody_edited_the_case(fixture_copy):
    file = next((fixture_copy / "cases").glob("14-*.toml"))
    edit(file, 'title = "', 'title = "Gecorrigeerd: ')
    output = load("--fixtures", str(fixture_copy))
    assert Case.objects.get(number=14).title.startswith("Gecorrigeerd: ")
    assert "casussen: 0 aangemaakt, 1 bijgewerkt, 44 ongewijzigd" in output


@pytest.mark.parametrize(
    ("case", "old", "new", "message"),
    [
        ("05", "\nsummary = ", "\nsummary_typo = ", r"casus 5, veld summary_typo: onbekend veld"),
        ("05", 'title = "', 'titel = "', r"casus 5, veld titel: onbekend veld"),
        (
            "08",
            'municipality = "Ridderkerk"',
            'municipality = "Riderkerk"',
            r"casus 8, veld participants\[\d\]\.municipality: onbekende gemeente 'Riderkerk'",
        ),
        (
            "04",
            'rating = "yes"',
            'rating = "misschien"',
            r"casus 4, veld assessment\.\w+\.rating: 'misschien'",
        ),
        ("12", "number = 12", "number = 11", r"casus 11, veld number: number 11 staat ook in"),
        ("23", 'start = "', 'start = "2017-13', r"casus 23, veld start: '2017-13"),
    ],
)
def test_a_broken_fixture_fails_with_its_message_and_leaves_the_database_unchanged(
    fixture_copy, case, old, new, message
):
    Case.objects.filter(number=3).update(title="Door adviseur gewijzigd")
    before = snapshot()
    file = next((fixture_copy / "cases").glob(f"{case}-*.toml"))
    edit(file, old, new)
    with pytest.raises(CommandError) as error:
        load("--fixtures", str(fixture_copy), "--update")
    assert re.search(message, str(error.value)), str(error.value)
    assert file.name in str(error.value)
    assert snapshot() == before
    assert Case.objects.get(number=3).title == "Door adviseur gewijzigd"
