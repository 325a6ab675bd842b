"""Dates are typed and shown the Dutch way everywhere: explorations, the dossier editor, the PDFs."""

import pytest
from django.urls import reverse

from explorations.models import Exploration
from tests.factories import AssessmentFactory, CaseFactory, ExplorationFactory, MunicipalityFactory
from tests.pdf_support import pdf_text, start_and_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor_client(client, adviseur):
    client.force_login(adviseur)
    return client


def test_a_new_exploration_accepts_a_dutch_date(advisor_client):
    a, b = MunicipalityFactory(name="Ede"), MunicipalityFactory(name="Wageningen")
    response = advisor_client.post(
        reverse("exploration-create"),
        {"title": "Ede en Wageningen", "start_date": "1-2-2027", "partners_0": a.name, "partners_1": b.name},
    )
    assert response.status_code == 302, response.content.decode()
    exploration = Exploration.objects.get(title="Ede en Wageningen")
    assert exploration.start_date == "2027-02-01"
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "1 februari 2027" in page


def test_a_new_exploration_explains_a_wrong_date_the_dutch_way(advisor_client):
    a, b = MunicipalityFactory(name="Ede"), MunicipalityFactory(name="Wageningen")
    response = advisor_client.post(
        reverse("exploration-create"),
        {"title": "Ede", "start_date": "31-2-2027", "partners_0": a.name, "partners_1": b.name},
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Exploration.objects.exists()
    assert "Geef een datum als dd-mm-jjjj" in page
    assert "JJJJ-MM-DD" not in page
    assert 'value="31-2-2027"' in page


def test_the_exploration_editor_shows_its_dates_the_dutch_way(advisor_client):
    exploration = ExplorationFactory(start_date="2027-02-01", end_date="2027-11")
    page = advisor_client.get(reverse("exploration-edit", args=[exploration.slug])).content.decode()
    assert 'value="01-02-2027"' in page and 'value="11-2027"' in page
    assert "2027-02-01" not in page


def test_every_date_hint_of_the_dossier_editor_is_dutch(advisor_client):
    case = CaseFactory()
    page = advisor_client.get(reverse("case-edit", args=[case.slug])).content.decode()
    assert "JJJJ-MM-DD" not in page and "JJJJ-MM" not in page
    assert page.count("dd-mm-jjjj") >= 4  # begin, planned begin, end, state of the source


def test_the_exploration_pdf_shows_no_iso_date(advisor_client):
    exploration = ExplorationFactory(start_date="2027-02-01", end_date="2027-11")
    pdf = start_and_render(advisor_client, reverse("exploration-pdf", args=[exploration.slug]))
    text = " ".join(pdf_text(pdf).split())
    assert "1 februari 2027 – november 2027" in text
    assert "2027-02-01" not in text and "2027-11" not in text


def test_the_history_shows_dates_the_dutch_way(advisor_client):
    case = CaseFactory(start_date="2014")
    case.start_date = "2014-06-01"
    case.save()
    page = advisor_client.get(reverse("case-history", args=[case.slug])).content.decode()
    assert "1 juni 2014" in page and "2014-06-01" not in page


def test_the_exploration_pdf_shows_the_checks_date_in_words(advisor_client):
    exploration = ExplorationFactory()
    AssessmentFactory(case=None, exploration=exploration, assessed_on="2022-03")
    pdf = start_and_render(advisor_client, reverse("exploration-pdf", args=[exploration.slug]))
    text = " ".join(pdf_text(pdf).split())
    assert "maart 2022" in text and "2022-03" not in text
