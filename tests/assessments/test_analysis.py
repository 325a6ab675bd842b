"""/analysis/ over the 45 seed cases: counts against the fixture files, drill-down links, the comparison."""

import re
import tomllib
from collections import Counter
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.choices import Criterion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]

FIXTURES = settings.BASE_DIR / "fixtures" / "cases"
CRITERIA = Criterion.values


def fixture_cases() -> list[dict]:
    """Every seed case as the fixture file says: slug, form, outcome and the five ratings."""
    cases = []
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        check = data.get("assessment", {})
        ratings = {c: check[c]["rating"] for c in CRITERIA} if check else dict.fromkeys(CRITERIA)
        yes = None if not check else sum(rating == "yes" for rating in ratings.values())
        cases.append({**{k: data[k] for k in ("slug", "arrangement_type", "outcome")}, **ratings, "yes": yes})
    return cases


def matches(case: dict, params: dict) -> bool:
    """The filter semantics of a drill-down link, applied to a fixture case."""
    for key, value in params.items():
        if key == "yes_count":
            ok = {"none": case["yes"] is None, "lt5": case["yes"] is not None and case["yes"] < 5}.get(
                value, case["yes"] is not None and str(case["yes"]) == value
            )
        else:
            ok = case[key] == value
        if not ok:
            return False
    return True


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def counted_links(html: str) -> list[tuple[str, int]]:
    """(href, number shown) of every count that links to the case list."""
    pattern = r'<a href="(/cases/\?[^"]*)">(\d+)<span class="visually-hidden">'
    return [(unescape(href), int(count)) for href, count in re.findall(pattern, html)]


@pytest.mark.parametrize("query", [{}, {"arrangement_type": "gastheer"}])
def test_every_count_matches_the_fixture_files(reader, query):
    selected = [case for case in fixture_cases() if matches(case, query)]

    context = reader.get(reverse("analysis"), query).context

    assert context["n"] == len(selected)
    for table in context["criterion_tables"]:
        expected = Counter((case[table.key], case["outcome"]) for case in selected)
        for row in table.rows:
            assert row.total.count == sum(n for (rating, _o), n in expected.items() if rating == row.value)
            for (outcome, _label), cell in zip(table.columns, row.cells, strict=True):
                assert cell.count == expected[(row.value, outcome)], (table.key, row.value, outcome)
    yes = Counter((str(case["yes"]), case["outcome"]) for case in selected)
    for row in context["yes_table"].rows:
        for (outcome, _label), cell in zip(context["yes_table"].columns, row.cells, strict=True):
            assert cell.count == yes[(row.value, outcome)]
            if cell.count:
                assert cell.percent == round(100 * cell.count / row.total.count)


def test_the_essay_comparison_in_plain_dutch(reader):
    selected = fixture_cases()
    five = [case for case in selected if case["yes"] == 5]
    fewer = [case for case in selected if case["yes"] is not None and case["yes"] < 5]

    page = reader.get(reverse("analysis")).content.decode()

    realised = sum(case["outcome"] == "realised" for case in five)
    pct = round(100 * realised / len(five))
    assert (
        f"{len(five)} casussen met alle vijf voorwaarden ‘ja’; daarvan gerealiseerd: {realised} ({pct}%)"
        in page
    )
    realised = sum(case["outcome"] == "realised" for case in fewer)
    pct = round(100 * realised / len(fewer))
    assert (
        f"{len(fewer)} casussen met minder dan vijf keer ‘ja’; daarvan gerealiseerd: {realised} ({pct}%)"
        in page
    )
    assert "p-waarde" not in page and "significant" not in page


def test_every_drill_down_link_lists_exactly_the_counted_cases(reader):
    query = {"arrangement_type": "gastheer"}
    links = counted_links(reader.get(reverse("analysis"), query).content.decode())
    assert len(links) > 30

    for href, shown in links:
        params = dict(parse_qsl(urlsplit(href).query))
        assert params["arrangement_type"] == "gastheer"
        expected = {case["slug"] for case in fixture_cases() if matches(case, params)}
        listed = reader.get(href).context["paginator"].object_list
        assert {case.slug for case in listed} == expected, href
        assert len(expected) == shown, href


def test_the_comparison_links_list_their_groups(reader):
    page = reader.get(reverse("analysis"), {"outcome": ""}).content.decode()
    links = [
        unescape(href) for href in re.findall(r'<a href="(/cases/\?[^"]*)">Bekijk deze casussen</a>', page)
    ]
    assert any("yes_count=lt5" in href for href in links) and any("trust=no" in href for href in links)

    for href in links:
        params = {k: v for k, v in parse_qsl(urlsplit(href).query) if v}
        expected = {case["slug"] for case in fixture_cases() if matches(case, params)}
        assert {case.slug for case in reader.get(href).context["paginator"].object_list} == expected, href
