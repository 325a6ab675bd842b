"""Issue #17, "one of each", for explorations: their period, their current check and their parts
are read through the same single source as everywhere else."""

import html

import pytest
from django.urls import reverse

from core.dates import format_period
from explorations.pdf import exploration_html
from explorations.reads import exploration_for_page
from tests.factories import ExplorationFactory

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
