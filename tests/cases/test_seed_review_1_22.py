"""Spot checks of the corrected statements of seed cases 1-22 against Korsten (2017).

Each check names the line of the source text it rests on; `test_the_quoted_lines_say_so` reads
those lines from the source file itself when it is there (../shared/seeds/ next to the checkout).
"""

from pathlib import Path

import pytest
from django.conf import settings

from assessments.choices import Criterion
from assessments.models import Assessment
from cases.models import Case, Event, Municipality, Participation

SOURCE_FILE = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_65f30098ae6125f4.txt"

# line number -> the words on that line a correction rests on
QUOTED_LINES = {
    736: "herindelingsdiscussie over Muiden en Bussum startte",
    767: "De verwachting was dat het ssc kon starten per 1 januari 2013",
    781: "Ja, maar niet beperkt.",
    805: "De twee gemeenten zouden graag een derde en eventueel vierde partnergemeente toevoegen",
    813: "de voorkeur geeft aan een fusie met Amsterdam",
    908: "blijkbaar in dit dossier onvoldoende bestuurlijk overleg",
    904: "Aptroot, burgemeester",
    976: "gemeenten Den Ham en Holten",
    990: "voormalige gemeenten Hardenberg, Avereest en Gramsbergen",
    1146: "Voordelen van fusie werden duidelijk gezien?",
    1155: "samenvoeging van Weerselo, Ootmarsum en Denekamp tot gemeente Dinkelland",
    1175: "aan de raden wordt voorgelegd",
    1367: "Urgentie tot (partiële) ambtelijke fusie aanwezig?",
    1491: "gesteld is hier dat dit een representatief beeld is",
    1552: "Urgentie tot ambtelijke fusie was aanwezig?",
    1566: "Veghel gaven aan een bestuurlijke fusie",
    1567: "aan per 1 jan. 2017 te willen. Nieuwe naam Meierijstad.",
    1703: "De evaluatie zou pas in 2018",
    1795: "De burgemeesters en een van de wethouders uit de drie",
    1870: "gemeenteraadsverkiezingen van 2014",
    1983: "rond 2002/ 2003",
    2017: "bleek eerst rond 2012-2014",
    2130: "Urgentie tot ambtelijke fusie in 2013/ 2014 aanwezig?",
    2133: "Vertrouwen tussen besturen van partnergemeenten in 2014 en daarna?",
}

# "Tot Salland rekenen we de gemeenten ..." (972-976), with two former municipalities
SALLAND = {
    *("Zwolle", "Kampen", "Zwartewaterland", "Staphorst", "Dalfsen", "Raalte", "Olst-Wijhe"),
    *("Deventer", "Hellendoorn", "Twenterand", "Rijssen-Holten", "Den Ham", "Holten"),
}

PRINTED_QUESTIONS = {
    (5, Criterion.BENEFITS): QUOTED_LINES[1146],
    (9, Criterion.URGENCY): QUOTED_LINES[1367],
    (11, Criterion.URGENCY): QUOTED_LINES[1552],
    (22, Criterion.URGENCY): QUOTED_LINES[2130],
    (22, Criterion.TRUST): QUOTED_LINES[2133],
}


@pytest.mark.parametrize(("line", "words"), sorted(QUOTED_LINES.items()))
def test_the_quoted_lines_say_so(line, words):
    if not SOURCE_FILE.exists():
        pytest.skip(f"source text not present at {SOURCE_FILE}")
    lines = SOURCE_FILE.read_text(encoding="utf-8").splitlines()
    assert words in lines[line - 1]


def _kinds(number):
    return dict(Event.objects.filter(case__number=number).values_list("date", "kind"))


@pytest.mark.parametrize(
    ("number", "date"),
    [
        (2, "2013-01-01"),  # "De verwachting was dat het ssc kon starten per 1 januari 2013" (767)
        (6, "2011"),  # the stappenplan "wordt ... voorgelegd" (1175)
        (12, "2017-01-01"),  # Meierijstad: "gaven aan ... te willen" (1566-1567)
        (15, "2016-09"),  # own research that "moet zijn afgerond" in September (1690-1691)
        (15, "2018"),  # "De evaluatie zou pas in 2018 plaatsvinden" (1703)
        (15, "2021-01-01"),  # contract "loopt tot 1 januari 2021" (1719)
        (18, "2014"),  # "wilden graag dat alles in kannen en kruiken was" (1869-1870)
    ],
)
@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_intended_steps_are_planned_not_done(number, date):
    assert _kinds(number)[date] == "planned"


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_meierijstad_is_an_intention_and_only_mentioned():
    assert "merger" not in _kinds(12).values()
    roles = dict(Participation.objects.filter(case__number=12).values_list("municipality__name", "role"))
    assert roles["Meierijstad"] == "mentioned"
    assert roles["Boxtel"] == roles["Sint-Michielsgestel"] == "partner"
    assert "zegt de tekst niet" in Case.objects.get(number=12).summary


@pytest.mark.parametrize(
    ("number", "names"),
    [
        (1, {"Muiden", "Bussum"}),  # 736
        (2, {"Eemsmond", "Ten Boer", "Groningen", "Veendam", "Pekela"}),  # 745-746, 777
        (3, {"Amsterdam"}),  # 813
        (4, {"Zoetermeer"}),  # 904-905
        (5, {"Avereest", "Gramsbergen", "Ten Boer", "Groningen", *SALLAND}),  # 972-976, 990, 1081
        (6, {"Weerselo", "Ootmarsum", "Denekamp", "Enschede"}),  # 1155, 1189
        (11, {"Hardenberg", "Ommen", "Meppel", "Westerveld", "Aa en Hunze", "Emmen", "Assen"}),  # 1497-1541
        (12, {"Meierijstad"}),  # 1567
        (17, {"Molenwaard"}),  # 1840
        (21, {"Ten Boer", "Enschede", "Losser"}),  # 2020, 2040
    ],
)
@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_municipalities_the_story_names_are_linked_as_mentioned(number, names):
    mentioned = Participation.objects.filter(case__number=number, role="mentioned")
    assert set(mentioned.values_list("municipality__name", flat=True)) == names
    assert all(p.note for p in mentioned)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_former_municipalities_of_case_5_point_at_their_successor():
    merged = dict(
        Municipality.objects.filter(name__in=["Den Ham", "Holten", "Avereest"]).values_list(
            "name", "merged_into__name"
        )
    )
    assert merged == {"Den Ham": "Twenterand", "Holten": "Rijssen-Holten", "Avereest": "Hardenberg"}


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_check_questions_as_printed_and_only_where_they_differ():
    for assessment in Assessment.objects.filter(case__number__lte=22).select_related("case"):
        for criterion in Criterion:
            printed = PRINTED_QUESTIONS.get((assessment.case.number, criterion), "")
            assert getattr(assessment, f"{criterion.value}_question") == printed, (assessment.case, criterion)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_case_22_shows_its_printed_question():
    questions = {q["criterion"]: q for q in Assessment.objects.get(case__number=22).criteria()}
    assert questions[Criterion.URGENCY]["question"] == "Urgentie tot ambtelijke fusie in 2013/ 2014 aanwezig?"
    assert questions[Criterion.URGENCY]["question_as_printed"] is True
    assert questions[Criterion.BENEFITS]["question_as_printed"] is False


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_dates_no_more_precise_than_the_text():
    # case 20: "rond 2002/ 2003" (1983) and "rond 2012-2014" (2017) fit no single date
    assert set(_kinds(20)) == {"2005-07-04", "2008"}
    notes = Case.objects.get(number=20).source_notes
    assert "rond 2002/ 2003" in notes and "rond 2012-2014" in notes
    # case 4: "Rond januari 2013" (845-846)
    assert _kinds(4)["2013"] == "start" and "2013-01" not in _kinds(4)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_a_signalement_is_not_an_evaluation():
    # case 5: an "attenderend signalement" from a few officials (1048-1050); case 11 (1490-1491)
    assert _kinds(5)["2017"] == "other"
    assert _kinds(11)["2017"] == "other"
    assert "uitdrukkelijk niet" not in Case.objects.get(number=11).summary


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_no_lessons_the_text_does_not_draw():
    lessons = dict(Case.objects.filter(number__lte=22).values_list("number", "lessons"))
    assert "twee kleine gemeenten" not in lessons[3]  # 805-806 speaks of Oostzaan and Wormerland only
    assert "in dit dossier" in lessons[4]  # 908: the azc dossier, not overleg in general
    assert "Zonder dat perspectief" not in lessons[19]  # 1965-1966 draws no such rule
    assert "niet helder genoeg" not in lessons[11]  # a finding of the signalement (1493-1494)
    # the images answer (1826-1827) is not the reason for the urgency answer (1823)
    assert 'moest in een aantal jaren groeien ("geen liefde' not in lessons[16]


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_garbled_urgency_answer_of_case_2_is_kept_rated_and_noted():
    assessment = Assessment.objects.get(case__number=2)
    assert assessment.urgency_answer == QUOTED_LINES[781]
    assert assessment.urgency_rating == "yes_with_reservations"
    assert "Ja, maar niet beperkt." in Case.objects.get(number=2).source_notes


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_cases")
def test_summaries_keep_the_texts_words():
    summaries = dict(Case.objects.filter(number__lte=22).values_list("number", "summary"))
    assert QUOTED_LINES[1795] in summaries[16]  # not "een wethouder uit elk"
    assert "zou de samenwerking Beemster structureel 369.000 euro" in summaries[22]  # "zou" (2070)
    assert "volgens gemeentesecretaris Alex Damer" in summaries[6]  # "vertelde ... Damer" (1153)
