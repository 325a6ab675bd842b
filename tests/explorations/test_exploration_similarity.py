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
