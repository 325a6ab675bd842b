"""Editing dossiers: validation in Dutch, optimistic locking, history."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from cases.models import Case
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    EventFactory,
    MunicipalityFactory,
    ParticipationFactory,
)
from tests.helpers import submitted

pytestmark = pytest.mark.django_db


def edit_page(client, case):
    return client.get(reverse("case-edit", args=[case.slug]))


def test_an_advisor_edits_a_dossier_and_it_lands_in_the_history(editor, dossier, adviseur):
    data = submitted(edit_page(editor, dossier))
    data["title"] = "BAR-gemeenten (herzien)"
    response = editor.post(reverse("case-edit", args=[dossier.slug]), data)
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.title == "BAR-gemeenten (herzien)"
    assert dossier.version == 2
    assert "opgeslagen als versie 2" in editor.get(dossier.get_absolute_url()).content.decode()
    page = editor.get(reverse("case-history", args=[dossier.slug])).content.decode()
    assert "test-adviseur" in page
    assert "<del>BAR-gemeenten</del>" in page and "<ins>BAR-gemeenten (herzien)</ins>" in page


def test_adding_and_removing_participants(editor, dossier):
    data = submitted(edit_page(editor, dossier))
    newcomer = MunicipalityFactory(name="Zwijndrecht")
    data["participants-3-municipality"] = newcomer.name
    data["participants-3-role"] = "joined_later"
    data["participants-0-DELETE"] = "on"
    assert editor.post(reverse("case-edit", args=[dossier.slug]), data).status_code == 302
    names = set(dossier.participations.values_list("municipality__name", flat=True))
    assert names == {"Barendrecht", "Ridderkerk", "Zwijndrecht"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"participants-1-DELETE": "on", "participants-2-DELETE": "on"},
            "minstens twee samenwerkende gemeenten",
        ),
        ({"end_date": "2013"}, "Het einde mag niet vóór het begin liggen."),
        ({"year": "202"}, "minstens 1950"),
        ({"start_date": "31-2-2014"}, "Geef een datum als dd-mm-jjjj, mm-jjjj of jjjj"),
        ({"title": ""}, "Dit veld is verplicht."),
    ],
)
def test_invalid_input_gets_a_dutch_message_and_changes_nothing(editor, dossier, change, message):
    data = submitted(edit_page(editor, dossier)) | change
    response = editor.post(reverse("case-edit", args=[dossier.slug]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    dossier.refresh_from_db()
    assert (dossier.title, dossier.version, dossier.participations.count()) == ("BAR-gemeenten", 1, 3)


def test_a_municipality_twice_is_refused(editor, dossier):
    data = submitted(edit_page(editor, dossier))
    data["participants-3-municipality"] = dossier.participations.first().municipality.name
    data["participants-3-role"] = "partner"
    response = editor.post(reverse("case-edit", args=[dossier.slug]), data)
    assert response.status_code == 200
    assert dossier.participations.count() == 3


def editor_post_ok(client, case, data) -> bool:
    return client.post(reverse("case-edit", args=[case.slug]), data).status_code == 302


def test_a_new_case_with_participants(editor):
    page = editor.get(reverse("case-create"))
    data = submitted(page)
    a, b = MunicipalityFactory(name="Houten"), MunicipalityFactory(name="Wijk bij Duurstede")
    data |= {
        "title": "Houten en Wijk bij Duurstede",
        "slug": "houten-wijk",
        "arrangement_type": "werkorganisatie",
        "outcome": "exploring",
        "year": "2018",
        "participants-0-municipality": a.name,
        "participants-0-role": "partner",
        "participants-1-municipality": b.name,
        "participants-1-role": "partner",
        "participants-TOTAL_FORMS": "2",
    }
    response = editor.post(reverse("case-create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get(slug="houten-wijk")
    assert case.participations.count() == 2
    assert case.history.first().history_user.username == "test-adviseur"


def check_data(version, **overrides) -> dict:
    data = {"version": version, "assessed_on": "2026-11", "assessor": "Adviseur"}
    for criterion in ("urgency", "benefits", "trust", "images", "partners"):
        data[f"{criterion}_rating"] = "yes"
        data[f"{criterion}_answer"] = "Ja."
    return data | overrides


def test_a_new_check_becomes_the_current_one(editor, dossier):
    response = editor.post(
        reverse("assessment-create", args=[dossier.slug]), check_data(1, trust_rating="no")
    )
    assert response.status_code == 302
    assert Assessment.objects.filter(case=dossier).newest_first().first().trust_rating == "no"
    page = editor.get(dossier.get_absolute_url()).content.decode()
    assert "1 eerdere check" in page


def test_correcting_a_check_answer_shows_in_the_history(editor, dossier):
    assessment = dossier.assessments.get()
    url = reverse("assessment-edit", args=[dossier.slug, assessment.pk])
    data = check_data(
        1,
        assessed_on="2017",
        assessor="Korsten",
        trust_answer="Ja, maar kan beter.",
        trust_rating="yes_with_reservations",
    )
    assert editor.post(url, data).status_code == 302
    page = editor.get(reverse("case-history", args=[dossier.slug])).content.decode()
    assert "<del>Ja.</del>" in page and "<ins>Ja, maar kan beter.</ins>" in page


def test_a_check_needs_a_rating_for_every_criterion(editor, dossier):
    data = check_data(1)
    del data["images_rating"]
    response = editor.post(reverse("assessment-create", args=[dossier.slug]), data)
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert dossier.assessments.count() == 1


def test_a_stale_check_correction_is_refused(editor, dossier):
    dossier.version = 5
    dossier.save()
    assessment = dossier.assessments.get()
    url = reverse("assessment-edit", args=[dossier.slug, assessment.pk])
    response = editor.post(url, check_data(4, trust_answer="Te laat."))
    assert response.status_code == 200
    assert "Iemand anders heeft dit dossier intussen gewijzigd" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.trust_answer == "Ja."


def test_user_text_is_escaped(editor):
    case = CaseFactory(title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>")
    for _ in range(2):
        ParticipationFactory(case=case)
    page = editor.get(case.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_the_dossier_runs_a_fixed_number_of_queries(editor, django_assert_num_queries):
    small = CaseFactory()
    ParticipationFactory.create_batch(2, case=small)
    AssessmentFactory(case=small)
    big = CaseFactory()
    ParticipationFactory.create_batch(9, case=big)
    EventFactory.create_batch(8, case=big)
    AssessmentFactory.create_batch(4, case=big)
    big.title = "Gewijzigd"
    big.save()
    editor.get(small.get_absolute_url())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small_queries:
        editor.get(small.get_absolute_url())
    with django_assert_num_queries(len(small_queries)):
        editor.get(big.get_absolute_url())


def test_the_editor_runs_a_fixed_number_of_queries(editor, dossier, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few_rows:
        edit_page(editor, dossier)
    EventFactory.create_batch(6, case=dossier)
    ParticipationFactory.create_batch(5, case=dossier)
    with django_assert_num_queries(len(few_rows)):
        edit_page(editor, dossier)
