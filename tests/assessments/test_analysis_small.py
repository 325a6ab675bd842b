"""/analysis/ over a few factory cases: small numbers, cases without a check, charts, queries."""

import re

import pytest
from django.urls import reverse

from assessments.choices import Rating
from tests.factories import AssessmentFactory, CaseFactory

from .test_analysis import counted_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def test_small_numbers_are_flagged_and_n_is_shown(reader):
    for outcome in ("realised", "realised", "not_realised"):
        AssessmentFactory(case=CaseFactory(outcome=outcome))

    page = reader.get(reverse("analysis")).content.decode()

    assert "Deze selectie telt 3 casussen." in page
    assert "(n = 3)" in page
    assert "(67%*)" in page  # the realised column total rests on 3 cases too
    assert "Minder dan 5 casussen: een aanwijzing, geen bewijs." in page
    assert "* Deze rij rust op minder dan 5 casussen: het percentage zegt weinig." in page


def test_a_case_without_a_check_has_its_own_row_and_link(reader):
    AssessmentFactory(case=CaseFactory(slug="met-check"))
    CaseFactory(slug="zonder-check", outcome="exploring")

    response = reader.get(reverse("analysis"))
    page = response.content.decode()

    assert "Geen vijfpuntscheck" in page
    href = next(href for href, _n in counted_links(page) if "yes_count=none" in href and "outcome" in href)
    assert [case.slug for case in reader.get(href).context["object_list"]] == ["zonder-check"]


def test_the_charts_are_accessible_svg_with_patterns_and_counts(reader):
    AssessmentFactory(case=CaseFactory(outcome="realised"), trust_rating=Rating.NO)
    AssessmentFactory(case=CaseFactory(outcome="ended"))

    page = reader.get(reverse("analysis")).content.decode()

    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 6
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        assert "<pattern" in svg and "url(#" in svg
        assert "Gerealiseerd" in svg and "Beëindigd of ontvlochten" in svg  # legend in words
        assert not re.search(r'="\d+,\d+"', svg), "numbers in SVG attributes must not be localised"
    assert page.count('<table class="crosstab"') == 6


def test_an_invalid_filter_is_a_clear_message(reader):
    response = reader.get(reverse("analysis"), {"year_from": "abc"})
    assert response.status_code == 400
    assert "ongeldig filter" in response.content.decode()


def test_the_analysis_runs_a_fixed_number_of_queries(reader, django_assert_num_queries):
    AssessmentFactory(case=CaseFactory())
    with django_assert_num_queries(4):  # session, user, permissions (one query), the cases
        reader.get(reverse("analysis"))
    for _ in range(5):
        AssessmentFactory(case=CaseFactory())
    with django_assert_num_queries(4):
        reader.get(reverse("analysis"))
