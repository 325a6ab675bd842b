"""What stays flat as the data grows: query counts, page sizes, the dossier after many edits."""

import subprocess
import sys

import pytest
from django.urls import reverse

from assessments.synthetic import synthetic_cases_create
from cases.models import Case

pytestmark = pytest.mark.django_db

LIST_QUERIES = 5  # session, user, permissions, count, page (participant names included)
DOSSIER_QUERIES = 8
QUERIES = [
    {},
    {"arrangement_type": "werkorganisatie"},
    {"municipality": "e", "sort": "-year", "page": 2},
]


@pytest.fixture
def reader(client, adviseur):
    client.force_login(adviseur)
    return client


@pytest.mark.parametrize("query", QUERIES)
def test_list_queries_and_page_size_stay_flat_from_45_to_a_few_hundred_cases(
    reader, query, django_assert_num_queries
):
    synthetic_cases_create(count=45, seed=3)
    with django_assert_num_queries(LIST_QUERIES):
        small = reader.get(reverse("case-list"), {"sort": "number", **query})
    synthetic_cases_create(count=300, seed=4)
    with django_assert_num_queries(LIST_QUERIES):
        large = reader.get(reverse("case-list"), {"sort": "number", **query})
    assert large.context["page_obj"].paginator.count > small.context["page_obj"].paginator.count
    if len(small.context["object_list"]) == len(large.context["object_list"]):
        assert len(large.content) < 1.3 * len(small.content)
    assert large.content.decode().count("page=") <= 12  # elided pagination: not one link per page


def test_search_runs_a_fixed_number_of_queries(reader, django_assert_num_queries):
    synthetic_cases_create(count=300, seed=5)
    # the search adds its transaction (begin, SET LOCAL, commit) and the snippets of the page
    with django_assert_num_queries(LIST_QUERIES + 4):
        response = reader.get(reverse("case-list"), {"q": "samenwerking"})
    assert response.context["page_obj"].paginator.count > 250
    assert "<mark>" in response.content.decode()


def test_the_dossier_runs_at_most_eight_queries(reader, django_assert_num_queries):
    synthetic_cases_create(count=5, seed=6)
    case = Case.objects.filter(slug__startswith="syn6-").first()
    with django_assert_num_queries(DOSSIER_QUERIES):
        response = reader.get(case.get_absolute_url())
    assert response.status_code == 200


def test_a_dossier_with_200_history_entries_stays_within_1_3_times_a_fresh_one(reader, adviseur):
    synthetic_cases_create(count=1, seed=7)
    case = Case.objects.get(slug="syn7-1")
    case._history_user = adviseur
    case.save()
    fresh = len(reader.get(case.get_absolute_url()).content)
    for edit in range(200):
        case.version += 1
        case.summary = f"{case.summary[:200]} (bewerking {edit})"
        case._history_user = adviseur
        case.save()
    page = reader.get(case.get_absolute_url()).content
    assert Case.history.filter(id=case.pk).count() == 201
    assert len(page) <= 1.3 * fresh
    history = reader.get(reverse("case-history", args=[case.slug]))
    assert history.context["page_obj"].paginator.count == 201
    assert len(history.context["page_obj"].object_list) == 25
    newest = history.content.decode().split("<ins>", 1)[1].split("</ins>", 1)[0]
    assert "199" in newest  # the newest change comes first, as a highlighted diff


def test_the_urlconf_does_not_import_weasyprint():
    code = (
        "import os, sys, django\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'seta.settings')\n"
        "django.setup()\nfrom django.urls import resolve\nresolve('/cases/')\n"
        "print('weasyprint' in sys.modules)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "False"


def test_a_word_in_very_many_dossiers_is_ranked_per_page(reader, monkeypatch):
    monkeypatch.setattr("cases.search.RANK_ALL_LIMIT", 10)
    synthetic_cases_create(count=60, seed=8)
    response = reader.get(reverse("case-list"), {"q": "samenwerking"})
    assert response.context["ranked_within_page"]
    ranks = [case.rank for case in response.context["object_list"]]
    assert ranks == sorted(ranks, reverse=True)
    assert "per pagina de beste treffers eerst" in response.content.decode()
