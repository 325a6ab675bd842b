"""Issue #17, "one of each", for explorations: their period, their current check and their parts
are read through the same single source as everywhere else."""

import html

import pytest
from django.urls import reverse

from assessments.current import current_check, with_checks
from core.dates import format_period
from explorations.models import Exploration
from explorations.pdf import exploration_html
from explorations.reads import exploration_for_page
from tests.factories import AssessmentFactory, ExplorationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("start", "end"), [("2019-03", "2021"), ("2020", ""), ("", "2016-05-01")])
def test_the_page_and_the_pdf_show_the_period_of_format_period(client, raadslid, start, end):
    exploration = ExplorationFactory(start_date=start, end_date=end)
    expected = format_period(start, end)
    client.force_login(raadslid)
    page = html.unescape(client.get(reverse("exploration-detail", args=[exploration.slug])).content.decode())
    pdf = html.unescape(exploration_html(exploration_for_page().get(pk=exploration.pk)))
    assert f"<dd>{expected}</dd>" in page
    assert f"<td>{expected}</td>" in pdf


def test_an_explorations_current_check_is_read_by_the_one_reader(client, adviseur):
    """Latest by date, then by id: the page, the PDF's context and a new check's form agree with
    `current_check`, read on its own or prefetched, and a case's check follows the same rule."""
    exploration = ExplorationFactory()
    checks = {
        answer: AssessmentFactory(case=None, exploration=exploration, assessed_on=date, trust_answer=answer)
        for date, answer in [("2021-03", "Eerste van maart."), ("2019", "Oud."), ("2021-03", "Laatste.")]
    }
    AssessmentFactory(assessed_on="2030")  # a case's check is not the exploration's
    latest = checks["Laatste."]
    assert current_check(exploration) == latest
    assert current_check(with_checks(Exploration.objects).get(pk=exploration.pk)) == latest
    client.force_login(adviseur)
    page = client.get(reverse("exploration-detail", args=[exploration.slug]))
    assert page.context["current_check"] == latest
    new = client.get(reverse("exploration-check-create", args=[exploration.slug]))
    assert new.context["form"].initial["trust_answer"] == "Laatste."
    case_check = AssessmentFactory(assessed_on="2021-03")
    AssessmentFactory(case=case_check.case, assessed_on="2019")
    assert current_check(case_check.case) == case_check
