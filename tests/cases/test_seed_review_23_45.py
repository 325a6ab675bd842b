"""Spot checks of the reviewed seed cases 23-45 against Korsten (2017): statements say what the text says."""

from pathlib import Path

import pytest
from django.conf import settings

from assessments.models import Assessment
from cases.models import Case, Event, Participation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]

SEED_TEXT = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_65f30098ae6125f4.txt"
COOPERATING = {"partner", "host", "joined_later"}


@pytest.mark.parametrize("number", [24, 26, 45])
def test_a_target_date_is_a_planned_start_not_a_start(number):
    case = Case.objects.get(number=number)
    assert (case.start_date, case.planned_start) == ("", "2018-01-01")
    kinds = set(case.events.values_list("kind", flat=True))
    assert "start" not in kinds
    assert case.events.get(date="2018-01-01").kind == "planned"


@pytest.mark.parametrize(("number", "tabel1_row"), [(25, "Tabel 1 (rij 24"), (27, "Tabel 1, rij 25")])
def test_a_start_the_text_gives_only_as_intended_is_no_start_and_the_tables_are_noted(number, tabel1_row):
    case = Case.objects.get(number=number)
    assert (case.start_date, case.planned_start) == ("", "2017-01-01")
    assert case.events.get(date="2017-01-01").kind == "planned"
    assert not case.events.filter(kind="start").exists()
    assert tabel1_row in case.source_notes and "startdatum 2017" in case.source_notes
    assert "alleen op de tabellen" in case.source_notes


def test_case_27_keeps_the_texts_doubt_about_the_fusion():
    case = Case.objects.get(number=27)
    assert "zullen" in case.summary and "afwachten" in case.summary
    assert "zullen" in case.events.get(date="2017-01-01").description


def test_case_41_eijsden_margraten_is_not_a_partner_of_the_fusion():
    roles = dict(Participation.objects.filter(case__number=41).values_list("municipality__name", "role"))
    assert roles["Eijsden-Margraten"] == "mentioned"
    assert roles["Meerssen"] == "mentioned"
    cooperating = {name for name, role in roles.items() if role in COOPERATING}
    assert cooperating == {"Gulpen-Wittem", "Vaals", "Valkenburg aan de Geul"}
    note = Participation.objects.get(case__number=41, municipality__name="Eijsden-Margraten").note
    assert "Lijn 50" in note and "Geen partner" in note


def test_case_41_notes_the_urgency_answer_against_the_narrative():
    case = Case.objects.get(number=41)
    assert Assessment.objects.get(case=case).urgency_answer.startswith("Ja maar aarzelend.")
    assert "Ja maar aarzelend" in case.source_notes and "niet krachtig genoeg" in case.source_notes


def test_case_43_not_intensified_is_no_end():
    event = Event.objects.get(case__number=43, date="2013-03")
    assert event.kind == "other" and "niet wordt geïntensiveerd" in event.description
    assert not Event.objects.filter(case__number=43, kind="end").exists()


def test_undated_or_two_year_steps_stay_off_the_timeline():
    assert not Event.objects.filter(case__number=35).exists()
    assert "2010-2016" in Case.objects.get(number=35).source_notes
    assert not Event.objects.filter(case__number=40, date="2015").exists()
    assert "2015/2016" in Case.objects.get(number=40).summary
    assert "2015/2016" in Case.objects.get(number=40).source_notes


def test_announced_steps_are_planned():
    assert Event.objects.get(case__number=31, date="2016-06-17").kind == "planned"
    assert Event.objects.get(case__number=45, date="2017").kind == "planned"


def test_case_28_lessons_do_not_join_remarks_of_2004_and_2015_and_the_stray_link_is_noted():
    case = Case.objects.get(number=28)
    assert "theoretisch" not in case.lessons.lower()
    assert "2414" in case.source_notes and "casus 27" in case.source_notes
    assert "2414" in Case.objects.get(number=27).source_notes


@pytest.mark.parametrize("number", [29, 30, 42])
def test_printed_benefits_question_of_an_ambtelijke_fusie(number):
    assessment = Assessment.objects.get(case__number=number)
    assert assessment.benefits_question == "Voordelen van ambtelijke fusie worden duidelijk gezien?"
    assert assessment.urgency_question == ""


def test_other_cases_in_the_range_ask_the_standard_questions():
    for assessment in Assessment.objects.filter(case__number__range=(23, 45)).exclude(
        case__number__in=[29, 30, 42]
    ):
        for criterion in ("urgency", "benefits", "trust", "images", "partners"):
            assert getattr(assessment, f"{criterion}_question") == "", (assessment.case.number, criterion)


@pytest.mark.parametrize(
    ("number", "name"),
    [
        (29, "Teylingen"),
        (30, "Wieringen"),
        (30, "Wieringermeer"),
        (30, "Niedorp"),
        (30, "Harenkarspel"),
        (31, "Buren"),
        (31, "Neder-Betuwe"),
        (32, "'s-Hertogenbosch"),
        (32, "Landerd"),
        (32, "Geffen"),
        (32, "Nuland"),
        (36, "Broekhuizen"),
        (36, "Grubbenvorst"),
        (36, "Sevenum"),
        (37, "Heerlen"),
        (38, "Kerkrade"),
        (41, "Meerssen"),
        (43, "Gemert-Bakel"),
        (43, "Helmond"),
        (43, "Laarbeek"),
        (44, "Hengelo"),
        (44, "Almelo"),
        (44, "Borne"),
    ],
)
def test_named_municipalities_are_linked_as_mentioned(number, name):
    participation = Participation.objects.select_related("municipality").get(
        case__number=number, municipality__name=name
    )
    assert participation.role == "mentioned"
    assert participation.municipality.province
    assert "regel" in participation.note


def test_event_citations_of_korstens_lines_name_korstens_text():
    events = Event.objects.filter(case__number__range=(23, 45), citation__contains="regel")
    assert events.exists()
    assert set(events.values_list("source__key", flat=True)) == {"korsten-2017"}


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not checked out next to the project")
@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        (2197, "beoogde ingangsdatum van 1 januari 2018"),
        (2322, "De beoogde"),
        (2323, "fusiedatum is januari 2018"),
        (3241, "De bedoeling is dat de ambtelijke fusie zich voltrekt per 1"),
        (2366, "Het is afwachten of de ambtelijke fusie ook echt doorgaat"),
        (2370, "gaan vormen"),
        (2975, "maar de ambtelijke fusie komt er uiteindelijk niet"),
        (2989, "De aanpak heet ‘Lijn 50’"),
        (2979, "Het urgentiebesef is niet krachtig genoeg aanwezig"),
        (3005, "Ja maar aarzelend"),
        (3047, "De samenwerking tussen de gemeenten Asten en Someren wordt niet"),
        (2739, "in de periode 2010-2016"),
        (2911, "in 2015/2016"),
        (2414, "Noordoost-Friesland"),
        (2584, "start binnenkort met een onderzoek"),
        (2440, "Voordelen van ambtelijke fusie worden duidelijk gezien?"),
        (2477, "Voordelen van ambtelijke fusie worden duidelijk gezien?"),
        (3034, "Voordelen van ambtelijke fusie worden duidelijk gezien?"),
    ],
)
def test_the_cited_lines_say_what_the_corrections_rely_on(line, phrase):
    assert phrase in SEED_TEXT.read_text(encoding="utf-8").splitlines()[line - 1]
