"""The Django admin and the app share one version guard: no save overwrites another silently."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import admin_submitted, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(staff):
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def app(adviseur):
    client = Client()
    client.force_login(adviseur)
    return client


def case_admin_url(case) -> str:
    return reverse("admin:cases_case_change", args=[case.pk])


def check_admin_url(check) -> str:
    return reverse("admin:assessments_assessment_change", args=[check.pk])


def test_an_admin_save_bumps_the_version_so_an_earlier_app_editor_merges_instead_of_overwriting(
    admin_client_, app, dossier
):
    app_data = submitted(app.get(reverse("case-edit", args=[dossier.slug])))
    admin_data = admin_submitted(admin_client_.get(case_admin_url(dossier)))
    admin_data["lessons"] = "Lessen van de beheerder."
    response = admin_client_.post(case_admin_url(dossier), admin_data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    dossier.refresh_from_db()
    assert dossier.version == 2

    app_data["summary"] = "Samenvatting van de adviseur."
    conflict = app.post(reverse("case-edit", args=[dossier.slug]), app_data)
    assert "test-beheerder" in conflict.content.decode()
    assert app.post(reverse("case-edit", args=[dossier.slug]), submitted(conflict)).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.lessons, dossier.summary) == ("Lessen van de beheerder.", "Samenvatting van de adviseur.")


def test_an_app_save_after_the_admin_opened_the_case_gets_a_clear_admin_error(admin_client_, app, dossier):
    admin_data = admin_submitted(admin_client_.get(case_admin_url(dossier)))
    app_data = submitted(app.get(reverse("case-edit", args=[dossier.slug])))
    assert (
        app.post(reverse("case-edit", args=[dossier.slug]), app_data | {"summary": "Van de app."}).status_code
        == 302
    )

    response = admin_client_.post(case_admin_url(dossier), admin_data | {"lessons": "Van de beheerder."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Niet opgeslagen: test-adviseur heeft dit dossier" in page
    assert "Van de beheerder." in page  # what the staff member typed is still on the page
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.lessons, dossier.version) == ("Van de app.", "", 2)


def test_a_check_saved_in_the_admin_is_not_lost_to_an_earlier_app_editor(admin_client_, app, dossier):
    check = dossier.assessments.get()
    app_url = reverse("assessment-edit", args=[dossier.slug, check.pk])
    app_data = submitted(app.get(app_url))
    admin_data = admin_submitted(admin_client_.get(check_admin_url(check)))
    assert (
        admin_client_.post(check_admin_url(check), admin_data | {"note": "Van de beheerder."}).status_code
        == 302
    )

    conflict = app.post(app_url, app_data | {"trust_answer": "Van de adviseur."})
    assert conflict.status_code == 200
    assert app.post(app_url, submitted(conflict)).status_code == 302
    check.refresh_from_db()
    assert (check.note, check.trust_answer) == ("Van de beheerder.", "Van de adviseur.")


def test_a_stale_admin_check_save_is_refused(admin_client_, app, dossier):
    check = dossier.assessments.get()
    admin_data = admin_submitted(admin_client_.get(check_admin_url(check)))
    app_url = reverse("assessment-edit", args=[dossier.slug, check.pk])
    assert app.post(app_url, submitted(app.get(app_url)) | {"note": "App."}).status_code == 302
    response = admin_client_.post(check_admin_url(check), admin_data | {"note": "Beheer."})
    assert response.status_code == 200 and "Niet opgeslagen" in response.content.decode()
    check.refresh_from_db()
    assert check.note == "App."


def test_a_participation_edited_on_its_own_in_the_admin_counts_as_a_version(admin_client_, dossier):
    participation = dossier.participations.first()
    url = reverse("admin:cases_participation_change", args=[participation.pk])
    data = admin_submitted(admin_client_.get(url)) | {"note": "Via beheer."}
    assert admin_client_.post(url, data).status_code == 302
    dossier.refresh_from_db()
    assert dossier.version == 2
