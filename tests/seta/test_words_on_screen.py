"""Words people use: no "fixtures", "slug" or "---------" on screen; one "Gegenereerd op" per PDF page;
403 and 404 pages of a logged-in user keep the app's menu."""

import re

import pytest
from django.urls import reverse

from assessments.models import Assessment
from core.seed.actions import CHANGE_REASON as LOADER_REASON
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    ExplorationFactory,
    FrameworkCriterionFactory,
    PreconditionFactory,
    VariantFactory,
)
from tests.helpers import page_post_data
from tests.pdf_support import page_texts

pytestmark = pytest.mark.django_db

JARGON = ["---------", "fixtures", "Slug", "slug"]


@pytest.fixture
def exploration(db):
    exploration = ExplorationFactory()
    PreconditionFactory(exploration=exploration)
    FrameworkCriterionFactory(exploration=exploration)
    VariantFactory(exploration=exploration)
    AssessmentFactory(case=None, exploration=exploration)
    return exploration


def editor_urls(case, exploration) -> list[str]:
    check = Assessment.objects.get(exploration=exploration)
    return [
        reverse("case-create"),
        reverse("case-edit", args=[case.slug]),
        reverse("assessment-create", args=[case.slug]),
        reverse("assessment-edit", args=[case.slug, case.assessments.get().pk]),
        reverse("municipality-create"),
        reverse("exploration-create"),
        reverse("exploration-edit", args=[exploration.slug]),
        reverse("exploration-framework", args=[exploration.slug]),
        reverse("variant-create", args=[exploration.slug]),
        reverse("variant-edit", args=[exploration.slug, exploration.variants.get().pk]),
        reverse("exploration-matrix", args=[exploration.slug]),
        reverse("exploration-check-create", args=[exploration.slug]),
        reverse("exploration-check-edit", args=[exploration.slug, check.pk]),
    ]


def visible_text(html: str) -> str:
    """The page without attribute values and the hidden parts a reader never sees (names, ids, URLs)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_no_jargon_in_any_editor(editor, dossier, exploration):
    for url in editor_urls(dossier, exploration):
        text = visible_text(editor.get(url).content.decode())
        found = [word for word in JARGON if word in text]
        assert not found, f"{url} shows {found}"


def test_the_slug_is_called_a_web_address_with_help(editor, dossier):
    page = editor.get(reverse("case-edit", args=[dossier.slug])).content.decode()
    assert re.search(r"<label for=\"id_slug\">Webadres\b", page) and "Deel van het webadres" in page
    other = CaseFactory(slug="andere")
    data = page_post_data(page) | {"slug": other.slug}
    response = editor.post(reverse("case-edit", args=[dossier.slug]), data)
    assert "Er is al een casus met dit webadres" in response.content.decode()


def test_a_seeded_dossier_says_where_it_came_from_in_words(editor):
    case = CaseFactory.build(slug="geladen")
    case._change_reason = LOADER_REASON  # as the seed loader writes it
    case.save()
    page = visible_text(editor.get(case.get_absolute_url()).content.decode())
    assert "fixtures" not in page
    assert "geladen uit de bronnen" in page


@pytest.mark.parametrize("path", ["/cases/bestaat-niet/", "/geen-pagina/"])
def test_a_404_of_a_logged_in_user_keeps_the_menu(editor, path):
    response = editor.get(path)
    page = response.content.decode()
    assert response.status_code == 404
    assert 'aria-label="Hoofdmenu"' in page and "Gemeenten</a>" in page and "Uitloggen" in page
    assert "Deze pagina bestaat niet" in page


def test_a_403_of_a_logged_in_user_keeps_the_menu(client, raadslid, dossier):
    client.force_login(raadslid)
    response = client.get(reverse("case-edit", args=[dossier.slug]))
    page = response.content.decode()
    assert response.status_code == 403
    assert 'aria-label="Hoofdmenu"' in page and "Uitloggen" in page
    assert "U mag deze pagina niet openen" in page and f'href="/cases/{dossier.slug}/"' in page


def test_an_anonymous_404_still_renders_without_the_menu(client):
    response = client.get("/login/bestaat-niet/")
    assert response.status_code in (302, 404)


def test_one_generated_line_per_pdf_page(editor, dossier):
    pdf = editor.get(reverse("case-pdf", args=[dossier.slug])).content
    for number, text in enumerate(page_texts(pdf), start=1):
        assert text.count("Gegenereerd op") == 1, f"page {number}: {text}"


def test_one_generated_line_per_page_of_the_report(dossier):
    from tests.cases.test_pdf_documents import render_report

    for number, text in enumerate(page_texts(render_report()), start=1):
        assert text.count("Gegenereerd op") == 1, f"page {number}: {text}"
