"""Cases side by side at /cases/compare/ (2 to 6) and as PDF; the entry points on list and dossier."""

import pytest
from django.urls import reverse

from assessments.choices import Rating
from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory
from tests.pdf_support import pdf_reader, pdf_text, squash, start_and_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def make_cases(count: int) -> list:
    cases = []
    for n in range(count):
        case = CaseFactory(slug=f"casus-{n}", title=f"Casus nummer {n}", organisation_name=f"Organisatie {n}")
        ParticipationFactory(
            case=case, municipality=MunicipalityFactory(name=f"Gemeente {n}"), role="host" if n else "partner"
        )
        AssessmentFactory(case=case, trust_rating=Rating.NO, trust_answer=f"Wantrouwen in casus {n}.")
        cases.append(case)
    return cases


def compare(client, cases, name="case-compare"):
    return client.get(reverse(name), {"case": [case.slug for case in cases]})


@pytest.mark.parametrize("count", [2, 6])
def test_two_to_six_cases_side_by_side_in_the_order_given(reader, count):
    cases = list(reversed(make_cases(count)))

    response = compare(reader, cases)
    page = response.content.decode()

    assert response.status_code == 200
    assert [case.slug for case in response.context["cases"]] == [case.slug for case in cases]
    positions = [page.index(f">{case.title}</a>") for case in cases]
    assert positions == sorted(positions)
    for case in cases:
        assert case.organisation_name in page
        assert f"Wantrouwen in casus {case.slug[-1]}." in page
    assert "Gemeente 1 (Gastheer)" in page and "Gemeente 0 (Partner)" in page
    trust = next(row for row in response.context["criteria"] if row.label == "Vertrouwen")
    assert [cell["label"] for cell in trust.cells] == ["Nee"] * count
    assert "Kies ten" not in page


def test_too_many_cases_get_a_clear_message(reader):
    response = compare(reader, make_cases(7))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies ten hoogste 6 casussen om te vergelijken (nu: 7)." in page
    assert "compare-table" not in page
    assert compare(reader, make_cases(0) or [], "case-compare-pdf").status_code == 400


@pytest.mark.parametrize("count", [0, 1])
def test_a_comparison_being_started_shows_what_is_chosen_without_an_error(reader, count):
    cases = make_cases(count)
    page = compare(reader, cases).content.decode()
    assert "error-summary" not in page and "nu: " not in page and "compare-table" not in page
    assert 'id="compare-find"' in page
    if cases:
        assert "Gekozen:" in page and f">{cases[0].title}</a>" in page


def test_a_case_named_twice_counts_once_and_an_unknown_slug_is_named(reader):
    one, _two = make_cases(2)
    response = reader.get(reverse("case-compare"), {"case": [one.slug, one.slug]})
    assert "Gekozen:" in response.content.decode()
    response = reader.get(reverse("case-compare"), {"case": [one.slug, "bestaat-niet"]})
    assert "Deze casus bestaat niet (meer): bestaat-niet." in response.content.decode()


def test_the_comparison_as_pdf(reader):
    cases = make_cases(3)

    page = compare(reader, cases, "case-compare-pdf")
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert all(case.title in page.content.decode() for case in cases)  # what will be made

    content = start_and_render(reader, page.request["PATH_INFO"] + "?" + page.request["QUERY_STRING"])

    text = squash(pdf_text(content))
    for n, case in enumerate(cases):
        assert squash(case.title) in text
        assert squash(f"Wantrouwen in casus {n}.") in text
    assert squash("Casussen naast elkaar") in text
    assert pdf_reader(content).trailer["/Root"]["/Lang"] == "nl"


def test_an_invalid_pdf_selection_says_why(reader):
    response = compare(reader, make_cases(1), "case-compare-pdf")
    assert response.status_code == 400
    assert "Kies ten minste 2 casussen" in response.content.decode()


def test_the_list_has_checkboxes_and_the_dossier_a_compare_with_form(reader):
    one, two = make_cases(2)
    page = reader.get(reverse("case-list")).content.decode()
    assert 'id="compare-form" method="get" action="/cases/compare/"' in page
    assert f'name="case" value="{one.slug}" form="compare-form"' in page

    dossier = reader.get(one.get_absolute_url()).content.decode()
    assert f'href="/cases/compare/?case={one.slug}"' in dossier
    chooser = reader.get(reverse("case-compare"), {"case": one.slug, "find": two.title}).content.decode()
    assert f"?case={one.slug}&amp;case={two.slug}" in chooser


def test_the_dossier_pages_still_work_beside_compare(reader):
    case = CaseFactory(slug="compare-me")
    assert reader.get(case.get_absolute_url()).status_code == 200
    assert reader.get(reverse("case-detail", args=["onbekend"])).status_code == 404


def test_compare_runs_a_fixed_number_of_queries(reader, django_assert_num_queries):
    cases = make_cases(6)
    with django_assert_num_queries(7):
        compare(reader, cases[:2])
    with django_assert_num_queries(7):
        compare(reader, cases)


def test_the_chooser_finds_cases_to_add_instead_of_listing_every_case(client, adviseur, seed_cases):
    client.force_login(adviseur)
    page = client.get("/cases/compare/", {"case": "bel-gemeenten"}).content.decode()
    assert "<select" not in page  # no list of every case, however many there are
    found = client.get("/cases/compare/", {"case": "bel-gemeenten", "find": "ten boer"}).content.decode()
    assert "?case=bel-gemeenten&amp;case=ten-boer-groningen" in found
    by_number = client.get("/cases/compare/", {"case": "bel-gemeenten", "find": "8"}).content.decode()
    assert "case=bar-gemeenten" in by_number
    nothing = client.get("/cases/compare/", {"case": "bel-gemeenten", "find": "zzzz"}).content.decode()
    assert "Geen andere casus gevonden" in nothing


def test_a_dossier_links_to_the_chooser_with_itself_chosen(client, adviseur, seed_cases):
    client.force_login(adviseur)
    page = client.get("/cases/bel-gemeenten/").content.decode()
    assert 'href="/cases/compare/?case=bel-gemeenten"' in page


def test_the_list_and_the_analysis_offer_to_compare_from_their_selection(reader):
    make_cases(2)
    query = "outcome=realised&year_from=2000"
    for url in (f"/cases/?{query}&page=1", f"/analysis/?{query}"):
        page = reader.get(url).content.decode()
        assert 'href="/cases/compare/?outcome=realised&amp;year_from=2000"' in page, url
        assert "Vergelijken uit deze selectie" in page
    assert "Vergelijken uit deze selectie" not in reader.get("/cases/").content.decode()
    listing = reader.get(f"/cases/?{query}").content.decode()
    assert '<input type="hidden" name="outcome" value="realised">' in listing  # the compare form


def test_the_chooser_offers_the_cases_of_the_selection(reader):
    one, two, three = make_cases(3)
    CaseFactory(slug="anders", title="Casus anders", outcome="ended", year=1951)
    for case in (one, two, three):
        case.outcome, case.year = "realised", 1951
        case.save()
    selection = {"outcome": "realised", "year_to": "1951"}  # the seed cases (other tests) are later years

    response = reader.get("/cases/compare/", {"case": one.slug} | selection)
    page = response.content.decode()

    assert response.status_code == 200
    assert [c.case.slug for c in response.context["candidates"].shown] == [two.slug, three.slug]
    assert f'href="?case={one.slug}&amp;case={two.slug}&amp;outcome=realised&amp;year_to=1951"' in page
    assert "Casus anders" not in page and "2 casussen om toe te voegen." in page
    assert "Kandidaten uit de selectie:" in page and "Uitkomst: " in page
    assert 'href="/cases/?outcome=realised&amp;year_to=1951">terug naar deze resultaten</a>' in page
    assert '<input type="hidden" name="outcome" value="realised">' in page  # the search keeps it
    found = reader.get("/cases/compare/", {"case": one.slug, "find": "nummer 2"} | selection)
    assert [c.case.slug for c in found.context["candidates"].shown] == [three.slug]
    compared = reader.get("/cases/compare/", {"case": [one.slug, two.slug, three.slug]} | selection)
    removal = f'href="?case={two.slug}&amp;case={three.slug}&amp;outcome=realised&amp;year_to=1951"'
    assert removal in compared.content.decode()


def test_a_capped_chooser_says_how_many_it_shows(reader):
    for case in make_cases(12):
        case.year = 1951
        case.save()
    response = reader.get("/cases/compare/", {"sort": "-number", "year_to": "1951"})
    assert len(response.context["candidates"].shown) == 10
    assert "10 van 12 getoond; verfijn met zoeken." in response.content.decode()


def test_an_invalid_selection_is_the_analysis_error_not_a_500(reader):
    one, _two = make_cases(2)
    query = {"case": one.slug, "year_from": "2015", "year_to": "2010"}
    response = reader.get("/cases/compare/", query)
    analysis = reader.get("/analysis/", query)
    page = response.content.decode()
    assert response.status_code == analysis.status_code == 400
    assert response.context["selection"].errors == analysis.context["filter"].errors
    assert "Deze selectie bevat een ongeldig filter" in page and "ligt vóór" in page
    assert f'href="/cases/compare/?case={one.slug}">Vergelijken zonder deze selectie' in page
    assert 'href="/cases/?year_from=2015&amp;year_to=2010"' in page


@pytest.mark.parametrize("find", ["9" * 30, "a\x00b", "\x00"])
def test_a_search_on_a_huge_number_or_a_nul_is_no_500(reader, find):
    make_cases(2)
    for extra in ({}, {"outcome": "realised"}):
        assert reader.get("/cases/compare/", {"find": find} | extra).status_code == 200


def test_the_chooser_from_a_selection_runs_a_fixed_number_of_queries(reader, django_assert_num_queries):
    """Capped candidates and their count; the comparison's own queries stay as pinned above."""
    cases = make_cases(12)
    query = {"case": cases[0].slug, "trust": "no", "find": "Casus"}
    with django_assert_num_queries(6):  # session, user, perms, picked, candidates, count
        reader.get("/cases/compare/", query)
    with django_assert_num_queries(9):
        reader.get("/cases/compare/", query | {"case": [case.slug for case in cases[:2]], "find": ""})
