"""Similar past cases: plain reasons, an explainable order, a fixed number of queries."""

import pytest
from django.urls import reverse

from cases.choices import ArrangementType, ParticipationRole, Province
from explorations.models import Exploration
from explorations.similarity import similar_cases
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    ExplorationFactory,
    ExplorationMunicipalityFactory,
    MunicipalityFactory,
    ParticipationFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    exploration = ExplorationFactory()
    for name in ("Hof", "Dal", "Berg"):
        municipality = MunicipalityFactory(name=name, province=Province.GELDERLAND)
        ExplorationMunicipalityFactory(exploration=exploration, municipality=municipality)
    VariantFactory(exploration=exploration, arrangement_type=ArrangementType.GASTHEER)
    AssessmentFactory(case=None, exploration=exploration, trust_rating="no", trust_answer="Nee.")
    return exploration


def fetch(exploration):
    return similar_cases(Exploration.objects.with_municipalities().get(pk=exploration.pk))


def case_with(partners, province=Province.ZEELAND, **fields):
    case = CaseFactory(**fields)
    for _ in range(partners):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(province=province))
    return case


def test_each_reason_is_named_and_more_reasons_rank_higher(exploration):
    weak = case_with(2, title="Wantrouwen")
    AssessmentFactory(case=weak, trust_rating="no")
    host = case_with(3, title="Gastheer met drie", arrangement_type=ArrangementType.GASTHEER)
    nearby = case_with(2, province=Province.GELDERLAND, title="Buren")
    case_with(2, title="Niets gemeen")
    result = fetch(exploration)
    reasons = {s.case.title: s.reasons for s in result.suggested}
    assert reasons["Wantrouwen"] == ["zelfde zwak punt: vertrouwen"]
    assert reasons["Gastheer met drie"] == ["ook een gastheerconstructie", "ook drie partners"]
    assert reasons["Buren"] == ["zelfde provincie: Gelderland"]
    assert "Niets gemeen" not in reasons
    assert [s.case for s in result.suggested] == [host, weak, nearby]


def test_a_municipality_that_only_dropped_out_still_counts_as_the_same_municipality(exploration):
    case = case_with(2, title="Zonder Hof")
    hof = exploration.memberships.get(municipality__name="Hof").municipality
    ParticipationFactory(case=case, municipality=hof, role=ParticipationRole.DROPPED_OUT)
    assert fetch(exploration).suggested[0].reasons[0] == "dezelfde gemeente: Hof"


def test_similar_cases_run_a_fixed_number_of_queries(exploration, django_assert_num_queries):
    for n in range(3):
        case_with(3, title=f"Casus {n}", arrangement_type=ArrangementType.GASTHEER)
    loaded = Exploration.objects.with_municipalities().get(pk=exploration.pk)
    with django_assert_num_queries(6):
        similar_cases(loaded)
    for n in range(5):
        case_with(2, province=Province.GELDERLAND, title=f"Meer {n}")
    loaded = Exploration.objects.with_municipalities().get(pk=exploration.pk)
    with django_assert_num_queries(6):
        similar_cases(loaded)


def test_a_case_page_lists_the_explorations_that_became_it(client, raadslid):
    case = CaseFactory(slug="nieuwe-casus")
    exploration = ExplorationFactory(title="Verkenning die casus werd", case=case)
    client.force_login(raadslid)
    page = client.get(reverse("case-detail", args=[case.slug])).content.decode()
    assert "Verkenning die casus werd" in page and exploration.get_absolute_url() in page


def test_the_case_of_the_same_municipalities_ranks_above_any_number_of_shared_weak_points():
    exploration = ExplorationFactory()
    meppel = MunicipalityFactory(name="Meppel", province=Province.DRENTHE)
    westerveld = MunicipalityFactory(name="Westerveld", province=Province.DRENTHE)
    for municipality in (meppel, westerveld):
        ExplorationMunicipalityFactory(exploration=exploration, municipality=municipality)
    weak = {f"{c}_rating": "limited" for c in ("urgency", "benefits", "trust", "images", "partners")}
    AssessmentFactory(case=None, exploration=exploration, **weak)
    same = CaseFactory(title="Meppel en Westerveld", number=7, arrangement_type=ArrangementType.PARTIAL)
    for municipality in (meppel, westerveld):
        ParticipationFactory(case=same, municipality=municipality)
    AssessmentFactory(case=same)  # all "ja": no weak point shared
    one_shared = CaseFactory(title="Meppel en anderen", number=11)
    ParticipationFactory(case=one_shared, municipality=meppel)
    ParticipationFactory(case=one_shared, municipality=MunicipalityFactory(province=Province.DRENTHE))
    elsewhere = case_with(2, province=Province.DRENTHE, title="Ubbergen", number=33)
    AssessmentFactory(case=elsewhere, **weak)

    suggested = fetch(exploration).suggested

    assert [s.case for s in suggested] == [same, one_shared, elsewhere]
    weak_reason = suggested[2].reasons[0]
    assert weak_reason == "zelfde zwakke punten: urgentie, voordelen, vertrouwen, beelden, partners"
    assert len(suggested[2].reasons) == 3  # weak points once, two partners, same province


def test_a_municipality_the_case_only_mentions_is_no_shared_partner(exploration):
    case = case_with(2, title="Noemt Hof")
    hof = exploration.memberships.get(municipality__name="Hof").municipality
    ParticipationFactory(case=case, municipality=hof, role=ParticipationRole.MENTIONED)
    suggestion = next(s for s in fetch(exploration).suggested if s.case == case)
    assert not any(reason.startswith("dezelfde gemeente") for reason in suggestion.reasons)
    assert suggestion.shared == 0
