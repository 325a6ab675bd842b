"""The municipality list: by name, searchable, by province and status, paged, with case counts."""

import pytest
from django.urls import reverse

from cases.choices import Province
from tests.factories import CaseFactory, MunicipalityFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


@pytest.fixture
def municipalities():
    zwolle = MunicipalityFactory(
        name="Zwolle", slug="zwolle", province=Province.OVERIJSSEL, cbs_code="GM0193"
    )
    onderbanken = MunicipalityFactory(name="Onderbanken", slug="onderbanken", province=Province.LIMBURG)
    beekdaelen = MunicipalityFactory(name="Beekdaelen", slug="beekdaelen", province=Province.LIMBURG)
    onderbanken.merged_into = beekdaelen
    onderbanken.save()
    for _ in range(2):
        ParticipationFactory(case=CaseFactory(), municipality=onderbanken)
    return zwolle, onderbanken, beekdaelen


def names(response) -> list[str]:
    return [m.name for m in response.context["object_list"]]


def test_sorted_by_name_with_the_number_of_cases(reader, municipalities):
    response = reader.get(reverse("municipality-list"))
    assert names(response) == ["Beekdaelen", "Onderbanken", "Zwolle"]
    counts = {m.name: m.case_count for m in response.context["object_list"]}
    assert counts == {"Beekdaelen": 0, "Onderbanken": 2, "Zwolle": 0}
    assert "3 gemeenten gevonden" in response.content.decode()


def test_search_by_part_of_the_name_or_cbs_code(reader, municipalities):
    assert names(reader.get(reverse("municipality-list"), {"q": "banken"})) == ["Onderbanken"]
    assert names(reader.get(reverse("municipality-list"), {"q": "gm0193"})) == ["Zwolle"]


def test_filter_by_province_and_by_still_existing_or_merged(reader, municipalities):
    url = reverse("municipality-list")
    assert names(reader.get(url, {"province": "limburg"})) == ["Beekdaelen", "Onderbanken"]
    assert names(reader.get(url, {"status": "merged"})) == ["Onderbanken"]
    assert names(reader.get(url, {"status": "exists", "province": "limburg"})) == ["Beekdaelen"]


def test_paged_by_fifty_in_a_fixed_number_of_queries(reader, django_assert_num_queries):
    MunicipalityFactory.create_batch(120)
    with django_assert_num_queries(5):
        response = reader.get(reverse("municipality-list"), {"page": 2})
    assert len(response.context["object_list"]) == 50
    assert response.context["page_obj"].paginator.num_pages == 3
