"""Dates as Dutch users type them: parsed to ISO partial dates, shown back the Dutch way."""

import pytest
from django.core.exceptions import ValidationError

from core.dates import format_partial_date_input, parse_dutch_date_input
from core.fields import PartialDateFormField


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1-1-2010", "2010-01-01"),
        ("20-11-2026", "2026-11-20"),
        ("05-03-2013", "2013-03-05"),
        ("20/11/2026", "2026-11-20"),
        ("2026-11-20", "2026-11-20"),
        ("2026-11", "2026-11"),
        ("11-2026", "2026-11"),
        ("3-2014", "2014-03"),
        ("2026", "2026"),
        (" 2026 ", "2026"),
    ],
)
def test_dutch_input_becomes_an_iso_partial_date(typed, stored):
    assert parse_dutch_date_input(typed) == stored


REFUSED = ["31-02-2020", "1-13-2020", "13-2020", "20-11-26", "gisteren", "2026-1-1-1"]


@pytest.mark.parametrize("typed", REFUSED)
def test_impossible_or_unknown_dates_are_refused(typed):
    with pytest.raises(ValueError):
        parse_dutch_date_input(typed)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2026-11-20", "20-11-2026"),
        ("2026-11", "11-2026"),
        ("2026", "2026"),
        ("", ""),
        ("1-1-20x", "1-1-20x"),
    ],
)
def test_stored_dates_are_shown_the_dutch_way(stored, shown):
    assert format_partial_date_input(stored) == shown


def test_the_form_field_cleans_and_explains_in_dutch():
    field = PartialDateFormField(required=False, max_length=10)
    assert field.clean("1-1-2010") == "2010-01-01"
    assert field.clean("") == ""
    with pytest.raises(ValidationError) as error:
        field.clean("31-02-2020")
    assert "dd-mm-jjjj" in error.value.messages[0]


@pytest.mark.django_db
def test_the_dossier_editor_accepts_and_shows_dutch_dates():
    from cases.forms import EventFormSet
    from tests.factories import CaseFactory, EventFactory

    case = CaseFactory()
    EventFactory(case=case, date="2014-01-02")
    formset = EventFormSet(instance=case, prefix="events")
    assert 'value="02-01-2014"' in str(formset.forms[0]["date"])
