"""Ways back: a dossier leads back to the exact results it was opened from; each filter is a chip
that removes itself alone; a filter error shows where the results would be."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from cases.back import case_list_return_url
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def test_the_dossier_leads_back_to_the_filtered_results(reader):
    case = CaseFactory(title="Samen sterk", outcome="realised", year=2012)
    listed = "/cases/?outcome=realised&year_from=2010&sort=-year"
    page = reader.get(listed).content.decode()
    link = (
        f"{case.get_absolute_url()}?back=%2Fcases%2F%3Foutcome%3Drealised%26year_from%3D2010%26sort%3D-year"
    )
    assert f'href="{link}"' in page
    dossier = reader.get(link).content.decode()
    assert 'href="/cases/?outcome=realised&amp;year_from=2010&amp;sort=-year"' in dossier
    assert "Terug naar de resultaten" in dossier


def test_without_results_to_return_to_the_dossier_leads_to_all_cases(reader):
    case = CaseFactory()
    page = reader.get(case.get_absolute_url()).content.decode()
    assert "Terug naar de resultaten" not in page and "Alle casussen" in page


@pytest.mark.parametrize(
    "back",
    [
        "https://evil.example/cases/",
        "//evil.example/cases/",
        "/\\evil.example/cases/",
        "javascript:alert(1)",
        "/admin/",
        "/cases/compare/",
        "/cases/../admin/",
        "x" * 3000,
    ],
)
def test_a_way_back_elsewhere_is_refused(reader, back):
    assert case_list_return_url(back) == ""
    case = CaseFactory()
    page = reader.get(case.get_absolute_url(), {"back": back}).content.decode()
    assert "Terug naar de resultaten" not in page


def test_a_way_back_has_its_query_re_encoded():
    assert case_list_return_url('/cases/?q="><script>') == "/cases/?q=%22%3E%3Cscript%3E"
    assert case_list_return_url("/cases/") == "/cases/"


def test_each_filter_chip_removes_only_itself(reader):
    CaseFactory(outcome="realised", year=2012)
    page = reader.get("/cases/", {"outcome": "realised", "year_from": "2010", "q": "samen", "page": "1"})
    chips = page.context["filter"].active_filter_chips()
    assert [chip["label"] for chip in chips] == ["Zoeken", "Uitkomst", "Jaar vanaf"]
    remaining = {chip["label"]: parse_qs(chip["remove"]) for chip in chips}
    assert remaining["Uitkomst"] == {"year_from": ["2010"], "q": ["samen"]}
    assert remaining["Jaar vanaf"] == {"outcome": ["realised"], "q": ["samen"]}
    html = page.content.decode()
    assert html.count('class="chip"') == 3 and "filter weghalen" in html


def test_a_reversed_year_range_shows_its_error_where_the_results_would_be(reader):
    CaseFactory(year=2012)
    page = reader.get("/cases/", {"year_from": "2016", "year_to": "2010"}).content.decode()
    results = page[page.index('class="results"') :]
    assert "Deze filters kloppen niet" in results
    assert "ligt vóór" in results and 'href="#id_year_to"' in results
    assert "Probeer minder filters" not in page
    assert page.count('class="chip"') == 2  # both ends of the range can be removed


def test_an_empty_selection_offers_no_pdf(reader):
    CaseFactory(outcome="realised")
    assert "Download selectie als PDF" in reader.get("/cases/").content.decode()
    assert "Download selectie als PDF" not in reader.get("/cases/", {"outcome": "ended"}).content.decode()


def test_compare_with_from_a_dossier_shows_the_case_already_chosen(reader):
    case = CaseFactory(title="Samen sterk")
    page = reader.get(reverse("case-compare"), {"case": case.slug}).content.decode()
    assert "nu: 1" not in page and 'role="alert"' not in page
    assert "Gekozen:" in page and "Samen sterk</a>" in page
    assert f'<input type="hidden" name="case" value="{case.slug}">' in page
    assert urlsplit(reverse("case-compare")).path == "/cases/compare/"
