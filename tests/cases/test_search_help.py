"""Search that helps: typo suggestions, highlighted snippets, year ranges, empty years last."""

import pytest
from django.urls import reverse

from cases.choices import ParticipationRole
from tests.factories import CaseFactory, MunicipalityFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def index_all() -> None:
    """Factories write rows directly; fill the search vectors as the services would."""
    from cases.models import Case
    from cases.services import case_search_refresh

    case_search_refresh(case_ids=Case.objects.values_list("pk", flat=True))


def titles(response) -> list[str]:
    return [case.title for case in response.context["object_list"]]


def test_a_typo_in_a_municipality_offers_the_right_name(reader):
    MunicipalityFactory(name="Barendrecht", slug="barendrecht")
    CaseFactory(title="BAR-gemeenten", summary="Barendrecht, Albrandswaard en Ridderkerk.")
    index_all()
    reader.get(reverse("case-list"))  # warm up
    response = reader.get(reverse("case-list"), {"q": "Barendrect"})
    page = response.content.decode()
    assert response.context["page_obj"].paginator.count == 0
    assert response.context["suggestion"] == "Barendrecht"
    assert "Bedoelde u:" in page and 'href="?q=Barendrecht"' in page
    assert titles(reader.get(reverse("case-list"), {"q": "Barendrecht"})) == ["BAR-gemeenten"]


def test_no_suggestion_when_nothing_is_close(reader):
    MunicipalityFactory(name="Barendrecht", slug="barendrecht")
    response = reader.get(reverse("case-list"), {"q": "xyzzyq"})
    assert response.context["suggestion"] is None
    assert "Bedoelde u" not in response.content.decode()


def test_each_result_shows_why_it_matched_with_user_text_escaped(reader):
    CaseFactory(
        title="Gevaarlijke tekst",
        summary="<script>alert(1)</script> Het samenwerkingsverband & de raad <b>vet</b>.",
    )
    index_all()
    page = reader.get(reverse("case-list"), {"q": "samenwerkingsverband"}).content.decode()
    snippet = page.split('<p class="snippet">', 1)[1].split("</p>", 1)[0]
    assert "<mark>samenwerkingsverband</mark>" in snippet
    assert "&amp;" in snippet and "<script>" not in page and "<b>vet</b>" not in page


def test_a_match_in_the_narrative_is_shown_too(reader):
    CaseFactory(title="Verhaal", summary="Kort.", narrative="Lang verhaal over de ondernemingsraad en meer.")
    index_all()
    page = reader.get(reverse("case-list"), {"q": "ondernemingsraad"}).content.decode()
    assert "<mark>ondernemingsraad</mark>" in page


def test_a_reversed_year_range_is_a_clear_form_error(reader):
    CaseFactory(year=2014)
    response = reader.get(reverse("case-list"), {"year_from": 2017, "year_to": 2012})
    page = response.content.decode()
    assert response.status_code == 200
    assert "ligt vóór" in page and "draai ze om" in page
    assert 'class="field field--error"' in page


@pytest.mark.parametrize("sort", ["year", "-year"])
def test_cases_without_a_year_sort_last_in_both_directions(reader, sort):
    CaseFactory(title="Zonder jaar", year=None)
    CaseFactory(title="Vroeg", year=2005)
    CaseFactory(title="Laat", year=2015)
    found = titles(reader.get(reverse("case-list"), {"sort": sort}))
    assert found[-1] == "Zonder jaar"
    assert found[:2] == (["Vroeg", "Laat"] if sort == "year" else ["Laat", "Vroeg"])


def test_municipality_filter_is_a_text_field_matching_part_of_the_name(reader):
    case = CaseFactory(title="Met Onderbanken")
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Onderbanken", slug="onderbanken"))
    CaseFactory(title="Zonder")
    assert titles(reader.get(reverse("case-list"), {"municipality": "onderb"})) == ["Met Onderbanken"]
    assert titles(reader.get(reverse("case-list"), {"municipality": "onderbanken"})) == ["Met Onderbanken"]


def test_roles_that_are_not_full_partners_are_marked_in_the_list(reader):
    case = CaseFactory()
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Partnerstad"))
    ParticipationFactory(
        case=case, municipality=MunicipalityFactory(name="Twijfeldorp"), role=ParticipationRole.CONSIDERED
    )
    ParticipationFactory(
        case=case, municipality=MunicipalityFactory(name="Afhaakwijk"), role=ParticipationRole.DROPPED_OUT
    )
    page = reader.get(reverse("case-list")).content.decode()
    marked = '<span class="role-minor">{} <span class="role-minor__label">({})</span>'
    assert marked.format("Twijfeldorp", "alleen overwogen") in page
    assert marked.format("Afhaakwijk", "afgehaakt") in page
    assert "<li>Partnerstad</li>" in page
