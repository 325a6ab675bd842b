"""An exploration's five-point check: a new one starts from the last; the comparison says when n is small."""

import re

import pytest
from django.urls import reverse

from tests.factories import AssessmentFactory, CaseFactory, ExplorationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor_client(client, adviseur):
    client.force_login(adviseur)
    return client


def test_a_new_check_starts_from_the_last_one_dated_today_by_the_advisor(advisor_client, adviseur):
    exploration = ExplorationFactory()
    AssessmentFactory(
        case=None, exploration=exploration, assessed_on="2025", trust_rating="no", trust_answer="Nee."
    )
    AssessmentFactory(
        case=None,
        exploration=exploration,
        assessed_on="2026-03",
        trust_rating="limited",
        trust_answer="Beperkt.",
    )

    form = advisor_client.get(reverse("exploration-check-create", args=[exploration.slug])).context["form"]

    assert form.initial["trust_rating"] == "limited" and form.initial["trust_answer"] == "Beperkt."
    assert form.initial["urgency_answer"] == "Ja."
    assert form.initial["assessor"] == adviseur.get_username()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", form.initial["assessed_on"])
    assert form.initial["version"] == exploration.version


def test_the_first_check_starts_empty_but_for_date_and_advisor(advisor_client):
    exploration = ExplorationFactory()
    form = advisor_client.get(reverse("exploration-check-create", args=[exploration.slug])).context["form"]
    assert "trust_rating" not in form.initial and form.initial["assessor"]


def test_the_comparison_warns_when_a_rating_rests_on_fewer_than_five_cases(advisor_client):
    exploration = ExplorationFactory()
    AssessmentFactory(case=None, exploration=exploration, trust_rating="no", trust_answer="")
    for _ in range(5):
        AssessmentFactory(case=CaseFactory())  # five cases rated "ja" on everything
    AssessmentFactory(case=CaseFactory(), trust_rating="no")  # one case with "nee" on trust

    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    rows = dict(re.findall(r'<tr><th scope="row">(\w+)</th><td>[^<]*</td><td>([^<]*)</td>', page))

    assert rows["Urgentie"] == "6" and rows["Vertrouwen"] == "1 *"
    assert "* Minder dan 5 casussen: een aanwijzing, geen bewijs." in page


def test_no_warning_when_every_rating_rests_on_five_cases_or_more(advisor_client):
    exploration = ExplorationFactory()
    AssessmentFactory(case=None, exploration=exploration)
    for _ in range(5):
        AssessmentFactory(case=CaseFactory())
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "Minder dan 5 casussen" not in page


def test_an_empty_answer_reads_geen_antwoord_not_empty_quotes(advisor_client):
    exploration = ExplorationFactory()
    AssessmentFactory(case=None, exploration=exploration, trust_answer="", urgency_answer="Ja, groot.")
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "<q></q>" not in page
    assert '<span class="muted">geen antwoord</span>' in page and "<q>Ja, groot.</q>" in page
