"""A save that changes nothing changes nothing: no new version, no history line, no needless conflict.

Each editor is opened and posted back exactly as a browser would (textareas with \\r\\n)."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from tests.factories import (
    AssessmentFactory,
    ExplorationFactory,
    FrameworkCriterionFactory,
    PreconditionFactory,
    VariantFactory,
)
from tests.helpers import page_post_data

pytestmark = pytest.mark.django_db


def post_back_unchanged(client, url: str):
    data = page_post_data(client.get(url).content.decode())
    assert "version" in data, "the editor form was not found"
    return client.post(url, data)


def history_size(*objects) -> int:
    return sum(obj.history.count() for obj in objects)


def test_an_unchanged_dossier_keeps_its_version_and_history(editor, dossier):
    before = history_size(dossier, *dossier.participations.all(), *dossier.events.all())
    response = post_back_unchanged(editor, reverse("case-edit", args=[dossier.slug]))
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier.refresh_from_db()
    assert dossier.version == 1
    assert history_size(dossier, *dossier.participations.all(), *dossier.events.all()) == before
    page = editor.get(dossier.get_absolute_url()).content.decode()
    assert "opgeslagen als versie" not in page
    assert "U wijzigde niets" in page


def test_a_colleague_who_saved_nothing_causes_no_conflict(editor, dossier, client):
    url = reverse("case-edit", args=[dossier.slug])
    mine = page_post_data(editor.get(url).content.decode())
    post_back_unchanged(editor, url)  # a colleague opens and saves without changing anything
    mine["title"] = "BAR-gemeenten (herzien)"
    assert editor.post(url, mine).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.title, dossier.version) == ("BAR-gemeenten (herzien)", 2)


def test_a_real_change_still_counts(editor, dossier):
    url = reverse("case-edit", args=[dossier.slug])
    data = page_post_data(editor.get(url).content.decode())
    data["events-0-description"] = "Een nieuwe beschrijving"
    assert editor.post(url, data).status_code == 302
    dossier.refresh_from_db()
    assert dossier.version == 2 and dossier.events.get().description == "Een nieuwe beschrijving"


def test_an_unchanged_check_correction_keeps_the_dossiers_version(editor, dossier):
    assessment = dossier.assessments.get()
    before = history_size(dossier, assessment)
    response = post_back_unchanged(editor, reverse("assessment-edit", args=[dossier.slug, assessment.pk]))
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.version == 1 and history_size(dossier, assessment) == before


@pytest.fixture
def exploration(db):
    exploration = ExplorationFactory(urgency="Eerste regel.\nTweede regel.")
    PreconditionFactory(exploration=exploration)
    criterion = FrameworkCriterionFactory(exploration=exploration)
    variant = VariantFactory(exploration=exploration, strengths=["Sterk", "Dichtbij"])
    variant.scores.create(criterion=criterion, score="+", motivation="Omdat.\nEn daarom.")
    AssessmentFactory(case=None, exploration=exploration, trust_answer="Ja.\nMaar.")
    return exploration


@pytest.mark.parametrize(
    "page", ["exploration-edit", "exploration-framework", "variant-edit", "exploration-matrix", "check-edit"]
)
def test_an_unchanged_exploration_part_keeps_the_version(editor, exploration, page):
    args = {
        "variant-edit": [exploration.slug, exploration.variants.get().pk],
        "check-edit": [exploration.slug, Assessment.objects.get(exploration=exploration).pk],
    }.get(page, [exploration.slug])
    name = "exploration-check-edit" if page == "check-edit" else page
    response = post_back_unchanged(editor, reverse(name, args=args))
    assert response.status_code == 302, response.content.decode()[:3000]
    exploration.refresh_from_db()
    assert exploration.version == 1
    assert exploration.history.count() == 1


def test_pinning_a_pinned_case_again_records_nothing(editor, exploration, dossier):
    url = reverse("exploration-similar-decide", args=[exploration.slug, dossier.slug])
    editor.post(url, {"decision": "pinned"})
    editor.post(url, {"decision": "pinned"})
    assert exploration.case_decisions.get().history.count() == 1
