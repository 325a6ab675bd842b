"""Absurd counts and versions posted to the editors answer a Dutch form error, quickly (issue 19, item 4)."""

import time

import pytest
from django.urls import reverse

from core.client_numbers import MAX_FORMSET_ROWS
from tests.factories import ExplorationFactory, FrameworkCriterionFactory, PreconditionFactory, VariantFactory
from tests.seta.page_forms import page_forms

pytestmark = pytest.mark.django_db

VERSION_ERROR = "Het formulier hoort bij een onbekende versie; laad de pagina opnieuw"
TOO_MANY = f"Verstuur maximaal {MAX_FORMSET_ROWS} formulieren."
ROWS_ERRORS = (
    TOO_MANY,
    "ManagementForm-gegevens ontbreken of er is mee geknoeid",  # Django's own, for a count that is no number
    "Het aantal rijen in het formulier is ongeldig; laad de pagina opnieuw",
)


@pytest.fixture
def exploration():
    exploration = ExplorationFactory(slug="verkenning")
    PreconditionFactory(exploration=exploration, name="Draagvlak")
    FrameworkCriterionFactory(exploration=exploration, name="Kwaliteit")
    VariantFactory(exploration=exploration, name="Netwerk")
    return exploration


def as_opened(client, url) -> dict:
    """The page's form as a browser would post it back unchanged."""
    (form,) = [form for form in page_forms(url, client.get(url).content.decode()) if form.action == url]
    return form.fields


def timed_post(client, url, data):
    """The response and the CPU seconds it took (the request runs in this process; the wall time
    on a machine shared with other test processes would measure them too)."""
    started = time.process_time()
    response = client.post(url, data)
    return response, time.process_time() - started


@pytest.mark.parametrize("count", ["abc", "20000000", "-5"])
def test_the_framework_with_absurd_counts_answers_a_form_error(editor, exploration, count):
    url = reverse("exploration-framework", args=[exploration.slug])
    data = as_opened(editor, url) | {"pre-INITIAL_FORMS": [count], "pre-TOTAL_FORMS": [count]}

    response, seconds = timed_post(editor, url, data)

    page = response.content.decode()
    assert response.status_code == 200 and seconds < 2
    assert any(error in page for error in ROWS_ERRORS)
    assert page.count('name="pre-') < 40  # the stored row, the counts and the empty row: not 50 rows
    assert exploration.preconditions.get().name == "Draagvlak"


@pytest.mark.parametrize("prefix", ["participants", "events"])
def test_the_dossier_editor_with_a_huge_row_count_answers_a_form_error_without_building_the_rows(
    editor, dossier, prefix
):
    url = reverse("case-edit", args=[dossier.slug])
    data = as_opened(editor, url) | {f"{prefix}-TOTAL_FORMS": ["99999999"]}

    response, seconds = timed_post(editor, url, data)

    page = response.content.decode()
    assert response.status_code == 200 and seconds < 2
    assert TOO_MANY in page
    assert page.count(f'name="{prefix}-') < 10 * 8  # the stored rows only, not thousands
    dossier.refresh_from_db()
    assert dossier.version == 1


@pytest.mark.parametrize("version", ["abc", "-1", "99999999", "9" * 40])
def test_an_impossible_version_in_the_matrix_answers_a_dutch_form_error(editor, exploration, version):
    url = reverse("exploration-matrix", args=[exploration.slug])
    response = editor.post(url, as_opened(editor, url) | {"version": [version]})

    assert response.status_code == 200
    assert VERSION_ERROR in response.content.decode()


@pytest.mark.parametrize("version", ["abc", "-1", "99999999"])
def test_an_impossible_version_in_the_dossier_editor_answers_a_dutch_form_error(editor, dossier, version):
    url = reverse("case-edit", args=[dossier.slug])
    response = editor.post(url, as_opened(editor, url) | {"version": [version], "summary": ["Nieuw."]})

    assert response.status_code == 200
    assert VERSION_ERROR in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.summary != "Nieuw."


@pytest.mark.parametrize("version", ["abc", "99999999"])
def test_deleting_a_variant_with_an_impossible_version_deletes_nothing_and_says_why(
    editor, exploration, version
):
    variant = exploration.variants.get()
    url = reverse("variant-delete", args=[exploration.slug, variant.pk])

    response = editor.post(url, {"version": version}, follow=True)

    assert response.status_code == 200
    assert VERSION_ERROR in response.content.decode()
    assert exploration.variants.filter(pk=variant.pk).exists()


@pytest.mark.parametrize("name", ["name", "strengths", "description"])
def test_a_nul_character_in_any_variant_field_is_a_form_error_not_a_crash(editor, exploration, name):
    url = reverse("variant-create", args=[exploration.slug])
    response = editor.post(url, as_opened(editor, url) | {"name": ["Regio"], name: ["a\x00b"]})

    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan." in response.content.decode()
    assert not exploration.variants.filter(name="Regio").exists()
