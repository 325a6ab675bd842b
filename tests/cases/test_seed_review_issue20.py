"""The four corrections of issue 20 against Korsten (2017): each statement cites the line it rests on.

The cited lines are read from the source text itself (../shared/seeds/ next to the checkout).
"""

from pathlib import Path

import pytest
from django.conf import settings

from cases.models import Case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]

SEED_TEXT = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_65f30098ae6125f4.txt"

# line number -> the words on that line a correction quotes
CITED = {
    1244: "tactisch en operationeel",
    1245: "beleid, beheer en onderhoud van de openbare ruimte",
    1399: "Het Dagelijks Bestuur (DB) wordt gevormd door de burgemeesters van",
    1400: "beide gemeenten en van beide gemeenten een wethouder. De algemeen directeur is de secretaris",
    1407: "De twee",
    1408: "burgemeesters, twee wethouders en de algemeen directeur vormen samen het DB.",
    3134: "binnen 5 jaar een structurele besparing van",
    3195: "Doelstelling was om in 2015 structureel",
    2216: "De bedoeling is dat de ambtelijke fusie 1 januari 2017 een feit is.",
    2366: "Het is afwachten of de ambtelijke fusie ook echt doorgaat",
}


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not checked out next to the project")
@pytest.mark.parametrize(("line", "words"), sorted(CITED.items()))
def test_the_cited_lines_say_so(line, words):
    assert words in SEED_TEXT.read_text(encoding="utf-8").splitlines()[line - 1]


def test_case_7_keeps_tactisch_en_operationeel_and_cites_it():
    case = Case.objects.get(number=7)
    remit = "tactisch en operationeel beleid, beheer en onderhoud van de openbare ruimte"
    assert remit in case.summary
    assert remit in case.source_notes and "regels 1244-1245" in case.source_notes


def test_case_10_notes_the_two_descriptions_of_the_daily_board_and_adopts_neither():
    case = Case.objects.get(number=10)
    assert "De algemeen directeur is de secretaris van het dagelijks bestuur." in case.source_notes
    assert (
        "De twee burgemeesters, twee wethouders en de algemeen directeur vormen samen het DB."
        in case.source_notes
    )
    assert "regels 1399-1401" in case.source_notes and "regels 1407-1408" in case.source_notes
    assert "tegenspreken" in case.source_notes
    assert "twee wethouders en de algemeen directeur" not in case.summary
    assert "op twee manieren" in case.summary


def test_case_44_notes_both_saving_targets():
    case = Case.objects.get(number=44)
    for quoted, lines in (("binnen 5 jaar", "regels 3134-3135"), ("in 2015", "regels 3195-3196")):
        assert quoted in case.source_notes and lines in case.source_notes
        assert quoted in case.summary
    assert "binnen vijf jaar" not in case.summary


@pytest.mark.parametrize(("number", "line"), [(25, "regel 2216"), (27, "regel 2366")])
def test_cases_25_and_27_show_no_start_the_text_calls_intended_or_uncertain(number, line):
    case = Case.objects.get(number=number)
    assert case.start_date == "" and case.planned_start == "2017-01-01"
    assert not case.events.filter(kind="start").exists()
    assert line in case.source_notes


def test_case_27_quotes_het_is_afwachten_on_the_record():
    notes = Case.objects.get(number=27).source_notes
    assert "Het is afwachten of de ambtelijke fusie ook echt doorgaat" in notes
