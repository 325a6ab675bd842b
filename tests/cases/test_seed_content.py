"""The seed cases say what Korsten (2017) says: counts, verbatim answers, participants, years."""

from collections import Counter

import pytest

from assessments.models import Assessment
from cases.models import Case, Municipality, Participation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]


def test_all_45_cases_each_with_a_five_point_check():
    assert sorted(Case.objects.values_list("number", flat=True)) == list(range(1, 46))
    assert Assessment.objects.values("case").distinct().count() == 45


def test_outcomes_follow_our_reading_of_tabel_2_and_the_case_sections():
    assert Counter(Case.objects.values_list("outcome", flat=True)) == {
        "realised": 21,
        "not_realised": 10,
        "partial": 5,
        "merged": 5,
        "exploring": 4,
    }


def test_arrangement_types_follow_our_reading_of_tabel_2_and_the_case_sections():
    assert Counter(Case.objects.values_list("arrangement_type", flat=True)) == {
        "werkorganisatie": 33,
        "gastheer": 8,
        "partial": 4,
    }


@pytest.mark.parametrize(
    ("number", "criterion", "answer"),
    [
        (2, "urgency", "Ja, maar niet beperkt."),
        (3, "images", "Ja, maar ze waren aanvankelijk nog niet voldoende uitgekristalliseerd."),
        (4, "benefits", "Ja maar dit kan volgens de stand van zaken begin 2017 beter."),
        (10, "trust", "Ja, maar met ‘moeite’."),
        (16, "images", "Ja, maar het was ook ‘geen liefde op het eerste gezicht’."),
        (20, "images", "Ja (het grondexploitatieprobleem van Ten boer bleek eerst rond 2012-2014)."),
        (29, "partners", "Niet van toepassing."),
        (31, "urgency", "Urgentie is er wel maar die is niet groot genoeg."),
        (35, "partners", "Weet niet."),
        (
            41,
            "images",
            "Ja, onvoldoende positief. Bestuurlijk Valkenburg a.d. Geul waant zich de "
            "centrumgemeente van het Heuvelland en politiek Gulpen-Wittem denkt dat deze gemeente "
            "teveel naar de pijpen van politiek Valkenburg moet dansen.",
        ),
        (43, "images", "Nee, ‘ruis op de lijnen’."),
        (44, "partners", "Geen probleem. Uitbreiding wellicht mogelijk."),
    ],
)
def test_check_answers_are_verbatim(number, criterion, answer):
    assessment = Assessment.objects.get(case__number=number)
    assert getattr(assessment, f"{criterion}_answer") == answer


@pytest.mark.parametrize(
    ("number", "criterion", "rating"),
    [
        (1, "trust", "yes"),
        (29, "partners", "not_applicable"),
        (35, "partners", "unknown"),
        (43, "urgency", "no"),
        (4, "trust", "yes_with_reservations"),
    ],
)
def test_ratings_read_the_answers_on_the_scale(number, criterion, rating):
    assert getattr(Assessment.objects.get(case__number=number), f"{criterion}_rating") == rating


@pytest.mark.parametrize(
    ("number", "partners"),
    [
        (1, {"Blaricum", "Eemnes", "Laren"}),
        (8, {"Barendrecht", "Albrandswaard", "Ridderkerk"}),
        (23, {"Bergen (NH)", "Castricum", "Uitgeest", "Heiloo"}),
        (13, {"Cuijk", "Grave", "Mill en Sint Hubert"}),
    ],
)
def test_partners(number, partners):
    names = Participation.objects.filter(case__number=number, role="partner").values_list(
        "municipality__name", flat=True
    )
    assert set(names) == partners


def test_dropouts_and_hosts_are_kept():
    roles = dict(Participation.objects.filter(case__number=25).values_list("municipality__name", "role"))
    assert roles["Noordwijk"] == roles["Noordwijkerhout"] == "dropped_out"
    assert Participation.objects.get(case__number=20, municipality__name="Groningen").role == "host"


def test_years_and_dates():
    years = dict(Case.objects.filter(number__in=[1, 5, 10, 21, 33]).values_list("number", "year"))
    assert years == {1: 2008, 5: 2012, 10: 2011, 21: 2013, 33: None}
    case = Case.objects.get(number=33)
    assert (case.start_date, case.end_date) == ("2009", "2014-12-31")


def test_municipalities_in_several_cases():
    for name in ("Onderbanken", "Gennep", "Brunssum", "Landgraaf"):
        assert Participation.objects.filter(municipality__name=name).count() >= 2, name


def test_former_municipalities_point_at_their_successor():
    assert Municipality.objects.get(name="Millingen aan de Rijn").merged_into.name == "Berg en Dal"
    assert Municipality.objects.get(name="Warnsveld").merged_into.name == "Zutphen"


def test_contradictions_in_the_source_are_recorded_on_the_case():
    assert "Uitgeest" in Case.objects.get(number=23).source_notes
    assert "Noord-Holland" in Case.objects.get(number=1).source_notes


def test_provenance_names_the_line_range():
    case = Case.objects.get(number=1)
    assert case.provenance_source.key == "korsten-2017"
    assert case.provenance_location.startswith("regels 715–743")
