"""Creating dossiers and municipalities in the app; exact history; a new check starts from the current one."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from cases.history import dossier_history
from cases.models import Case, Municipality
from tests.factories import CaseFactory, MunicipalityFactory, UserFactory
from tests.helpers import submitted

pytestmark = pytest.mark.django_db


def new_case_data(client, **overrides) -> dict:
    data = submitted(client.get(reverse("case-create")))
    for name in ("Houten", "Wijk bij Duurstede", "Bunnik"):
        Municipality.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})
    data |= {
        "title": "Kromme Rijn Gemeenten",
        "arrangement_type": "werkorganisatie",
        "outcome": "realised",
        "participants-0-municipality": "Houten",
        "participants-0-role": "partner",
        "participants-1-municipality": "wijk bij duurstede",  # any capitalisation
        "participants-1-role": "partner",
        "participants-2-municipality": "Bunnik",
        "participants-2-role": "partner",
    }
    return data | overrides


def test_the_new_case_form_offers_enough_rows_for_several_partners_without_javascript(editor):
    page = editor.get(reverse("case-create")).content.decode()
    assert 'name="participants-TOTAL_FORMS" value="4"' in page
    assert 'name="events-TOTAL_FORMS" value="3"' in page
    assert 'list="municipality-names"' in page and '<datalist id="municipality-names">' in page


def test_a_case_with_three_municipalities_and_a_slug_made_from_the_title(editor):
    response = editor.post(reverse("case-create"), new_case_data(editor, slug=""))
    assert response.status_code == 302
    case = Case.objects.get(slug="kromme-rijn-gemeenten")
    assert set(case.participations.values_list("municipality__name", flat=True)) == {
        "Houten",
        "Wijk bij Duurstede",
        "Bunnik",
    }
    # the next one with the same title gets a free slug too
    assert editor.post(reverse("case-create"), new_case_data(editor, slug="")).status_code == 302
    assert Case.objects.filter(slug="kromme-rijn-gemeenten-2").exists()


def test_a_taken_slug_is_an_error_on_the_slug_field(editor):
    CaseFactory(slug="kromme-rijn")
    response = editor.post(reverse("case-create"), new_case_data(editor, slug="kromme-rijn"))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_an_unknown_municipality_is_named_in_a_dutch_error(editor):
    response = editor.post(
        reverse("case-create"), new_case_data(editor, **{"participants-2-municipality": "Atlantis"})
    )
    assert response.status_code == 200
    assert "Onbekende gemeente: “Atlantis”" in response.content.decode()


def test_after_an_invalid_submit_the_error_summary_takes_the_focus(editor):
    page = editor.post(reverse("case-create"), new_case_data(editor, title="")).content.decode()
    assert 'id="error-summary" data-focus-on-load' in page and 'tabindex="-1"' in page
    assert '<a href="#id_title">' in page


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_creates_with_the_same_slug_give_no_server_error():
    user = UserFactory(username="racer", role="Adviseur")
    template = Client()
    template.force_login(user)
    data = new_case_data(template, slug="dezelfde-slug")
    statuses, errors = [], []
    barrier = threading.Barrier(20)

    def create():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        try:
            barrier.wait()
            statuses.append(client.post(reverse("case-create"), data).status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sorted(set(statuses)) == [200, 302]
    assert statuses.count(302) == 1 and Case.objects.filter(slug="dezelfde-slug").count() == 1


def test_a_save_without_changes_records_nothing(editor, dossier):
    before = len(dossier_history(dossier))
    data = submitted(editor.get(reverse("case-edit", args=[dossier.slug])))
    assert "\r\n" in data["narrative"]  # posted as a browser does
    assert editor.post(reverse("case-edit", args=[dossier.slug]), data).status_code == 302
    assert len(dossier_history(dossier)) == before
    dossier.refresh_from_db()
    assert dossier.narrative == "Eerste regel.\nTweede regel."


def test_trailing_spaces_and_blank_lines_are_no_change_either(editor, dossier):
    before = len(dossier_history(dossier))
    data = submitted(editor.get(reverse("case-edit", args=[dossier.slug])))
    data["narrative"] = "\r\nEerste regel.   \r\nTweede regel.\t\r\n\r\n"
    editor.post(reverse("case-edit", args=[dossier.slug]), data)
    assert len(dossier_history(dossier)) == before


def test_a_change_deep_in_a_long_text_shows_as_a_word_diff(editor, dossier):
    long_text = " ".join(f"Zin {number} over de samenwerking." for number in range(150))
    dossier.narrative = long_text
    dossier.save()
    data = submitted(editor.get(reverse("case-edit", args=[dossier.slug])))
    data["narrative"] = long_text.replace("Zin 140 over", "Zin 140 juist over")
    assert editor.post(reverse("case-edit", args=[dossier.slug]), data).status_code == 302
    page = editor.get(reverse("case-history", args=[dossier.slug])).content.decode()
    assert '<ins><span class="visually-hidden">[toegevoegd:] </span>juist </ins>' in page or (
        "juist" in page.split("<ins>", 1)[1].split("</ins>", 1)[0]
    )
    assert "Zin 5 over" not in page.split('class="diff"', 1)[1].split("</td>", 1)[0]  # far context left out


def test_a_new_check_starts_from_the_current_one(editor, dossier):
    from django.utils import timezone

    form = editor.get(reverse("assessment-create", args=[dossier.slug])).context["form"]
    from core.dates import format_partial_date_input

    shown = format_partial_date_input(timezone.localdate().isoformat())  # "28-11-2026", the Dutch way
    assert form["assessed_on"].value() in (timezone.localdate().isoformat(), shown)
    assert form["assessor"].value() == "test-adviseur"
    assert form["trust_answer"].value() == "Ja." and form["trust_rating"].value() == "yes"


def test_an_advisor_adds_a_municipality_on_its_own_page_and_from_the_dialog(editor):
    page = editor.get(reverse("municipality-create"))
    assert page.status_code == 200
    response = editor.post(
        reverse("municipality-create"), {"municipality-name": "Bunnik", "municipality-province": "utrecht"}
    )
    assert response.status_code == 302 and Municipality.objects.get(name="Bunnik").slug == "bunnik"

    answer = editor.post(
        reverse("municipality-create"),
        {"municipality-name": "Houten", "municipality-province": "utrecht"},
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 201 and answer.json()["name"] == "Houten"
    refused = editor.post(
        reverse("municipality-create"),
        {"municipality-name": "Houten", "municipality-province": "utrecht"},
        headers={"Accept": "application/json"},
    )
    assert refused.status_code == 400 and "bestaat al" in " ".join(refused.json()["errors"])


def test_a_council_member_cannot_add_municipalities(client, raadslid):
    client.force_login(raadslid)
    assert client.get(reverse("municipality-create")).status_code == 403
    assert client.post(reverse("municipality-create"), {"municipality-name": "X"}).status_code == 403


@pytest.mark.seed  # loads all 45 seed cases twice
def test_the_loader_shows_as_one_line_per_dossier_and_update_bumps_the_version():
    call_command("load_seed_cases", stdout=StringIO())
    case = Case.objects.get(number=1)
    entries = dossier_history(case)
    assert len(entries) == 1 and entries[0].action == "geladen uit de bronnen"
    case.summary = "In de app gewijzigd."
    case.save()
    call_command("load_seed_cases", "--update", stdout=StringIO())
    case.refresh_from_db()
    assert case.version == 2


def test_the_new_case_page_runs_a_fixed_number_of_queries(editor, django_assert_num_queries):
    MunicipalityFactory.create_batch(30)
    with django_assert_num_queries(6):
        editor.get(reverse("case-create"))
