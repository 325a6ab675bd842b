"""What issue 13 added to a dossier: a planned start, printed questions, mentioned municipalities, the
date of the source, on the page and in the PDF."""

import pytest
from django.urls import reverse

from cases.pdf.rendering import case_pdf
from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory
from tests.pdf_support import pdf_text, squash

pytestmark = pytest.mark.django_db

PRINTED = "Urgentie tot ambtelijke fusie in 2013/2014 aanwezig?"


@pytest.fixture
def case():
    case = CaseFactory(title="Beoogde fusie", slug="beoogde-fusie", planned_start="2018-01-01", as_of="2017")
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Eerstedorp"))
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Tweededorp"))
    ParticipationFactory(
        case=case,
        municipality=MunicipalityFactory(name="Buurstad", slug="buurstad"),
        role="mentioned",
        note="Eerder overwogen door anderen.",
    )
    AssessmentFactory(case=case, urgency_question=PRINTED)
    return case


def page(client, user, case) -> str:
    client.force_login(user)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_planned_start_is_shown_as_planned_not_as_a_start(client, raadslid, case):
    html = page(client, raadslid, case)
    assert "Gepland begin" in html
    assert "1 januari 2018 (gepland)" in html
    assert "vanaf 1 januari 2018" not in html


def test_the_printed_question_replaces_the_standard_one(client, raadslid, case):
    html = page(client, raadslid, case)
    assert PRINTED in html
    assert "Urgentie tot ambtelijke fusie aanwezig?" not in html
    assert "Voordelen van fusie worden duidelijk gezien?" in html  # standard where none was printed
    assert "(vraag zoals gedrukt)" in html


def test_a_mentioned_municipality_is_shown_apart_from_the_partners(client, raadslid, case):
    html = page(client, raadslid, case)
    table, _sep, rest = html.partition("Alleen genoemd in de bron")
    assert "Eerstedorp" in table and "Buurstad" not in table
    assert "Buurstad" in rest and "Eerder overwogen door anderen." in rest
    assert reverse("municipality-detail", args=["buurstad"]) in rest


def test_the_case_list_names_only_the_municipalities_that_take_part(client, raadslid, case):
    client.force_login(raadslid)
    html = client.get(reverse("case-list")).content.decode()
    rows = html.partition("<tbody>")[2]
    assert "Eerstedorp" in rows and "Buurstad" not in rows


def test_the_date_of_the_source_is_on_the_page(client, raadslid, case):
    assert "Stand van de bron: 2017." in page(client, raadslid, case)


def test_the_pdf_shows_planned_start_printed_question_mentioned_and_date_of_the_source(case):
    text = squash(pdf_text(case_pdf(case)))
    assert squash("Gepland begin 1 januari 2018 (gepland)") in text
    assert squash("Stand van de bron: 2017.") in text
    assert squash(PRINTED) in text
    assert squash("Alleen genoemd in de bron Buurstad") in text
    assert squash("Gemeenten Eerstedorp, Tweededorp") in text


def test_the_check_editor_shows_the_printed_question_read_only(client, adviseur, case):
    client.force_login(adviseur)
    assessment = case.assessments.get()
    html = client.get(reverse("assessment-edit", args=[case.slug, assessment.pk])).content.decode()
    assert PRINTED in html
    assert 'name="urgency_question"' not in html


def test_mentions_cost_a_fixed_number_of_queries(client, raadslid, case, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cases.models import SourceMention
    from tests.factories import SourceFactory

    municipality = case.participations.get(role="mentioned").municipality
    client.force_login(raadslid)
    urls = [case.get_absolute_url(), municipality.get_absolute_url()]
    counts = []
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    for line in range(1, 6):
        mention = SourceMention.objects.create(
            source=SourceFactory(), first_line=line, last_line=line, passage=f"Passage {line}."
        )
        mention.cases.add(case)
        mention.municipalities.add(municipality)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            html = client.get(url).content.decode()
        assert "Ook genoemd in" in html and "Passage 5." in html


def test_a_mentioned_municipality_does_not_place_the_case_in_its_province(client, raadslid, case):
    client.force_login(raadslid)
    case.participations.filter(role="mentioned").update(municipality=MunicipalityFactory(province="limburg"))
    in_limburg = client.get(reverse("case-list"), {"province": "limburg"}).content.decode()
    in_utrecht = client.get(reverse("case-list"), {"province": "utrecht"}).content.decode()
    assert "Beoogde fusie" not in in_limburg.partition("<tbody>")[2]
    assert "Beoogde fusie" in in_utrecht.partition("<tbody>")[2]
