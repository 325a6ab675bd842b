"""Conflicts a person can read: when two advisors change the same long text, each version is shown
whole with what only it has marked, in every editor with a conflict screen (the core's one screen)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.text import word_diff_marks
from explorations.models import Exploration
from tests.factories import UserFactory
from tests.helpers import page_post_data

pytestmark = pytest.mark.django_db

LONG = (
    "De gemeenten Barendrecht, Albrandswaard en Ridderkerk vormen sinds 2014 een ambtelijke fusie. "
    "De werkorganisatie voert alle taken uit voor de drie besturen, die elk zelfstandig blijven. "
    "De raden sturen op hoofdlijnen via een gezamenlijke commissie en een jaarlijkse evaluatie."
)


def advisor(username: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=username, role="Adviseur"))
    return client


def test_only_the_changed_words_are_marked():
    theirs = LONG.replace("sinds 2014", "sinds 1 januari 2014")
    mine = LONG.replace("jaarlijkse evaluatie", "halfjaarlijkse evaluatie")
    marked_mine = [text for differs, text in word_diff_marks(theirs, mine) if differs]
    marked_theirs = [text for differs, text in word_diff_marks(mine, theirs) if differs]
    assert marked_mine == ["halfjaarlijkse"]
    assert marked_theirs == ["1 januari", "jaarlijkse"]
    assert "".join(text for _, text in word_diff_marks(theirs, mine)) == mine  # whole, nothing cut


def test_two_advisors_change_the_same_long_summary_and_see_the_changed_words(dossier):
    dossier.summary = LONG
    dossier.save()
    anna, bram = advisor("anna"), advisor("bram")
    url = reverse("case-edit", args=[dossier.slug])
    anna_data = page_post_data(anna.get(url).content.decode())
    bram_data = page_post_data(bram.get(url).content.decode())
    anna_data["summary"] = LONG.replace("sinds 2014", "sinds 1 januari 2014")
    assert anna.post(url, anna_data).status_code == 302
    bram_data["summary"] = LONG.replace("jaarlijkse evaluatie", "halfjaarlijkse evaluatie")
    page = bram.post(url, bram_data).content.decode()
    assert "Kies welke versie blijft" in page
    assert "<mark>halfjaarlijkse</mark>" in page
    assert "sinds <mark>1 januari</mark> 2014" in page
    assert "overflow-y" not in page and "max-height" not in page


def test_a_check_conflict_marks_the_changed_words(dossier):
    assessment = dossier.assessments.get()
    assessment.trust_answer = LONG
    assessment.save()
    anna, bram = advisor("anna"), advisor("bram")
    url = reverse("assessment-edit", args=[dossier.slug, assessment.pk])
    anna_data = page_post_data(anna.get(url).content.decode())
    bram_data = page_post_data(bram.get(url).content.decode())
    anna_data["trust_answer"] = LONG.replace("drie besturen", "drie colleges")
    assert anna.post(url, anna_data).status_code == 302
    bram_data["trust_answer"] = LONG.replace("drie besturen", "drie raden")
    page = bram.post(url, bram_data).content.decode()
    assert "drie <mark>raden,</mark> die" in page and "drie <mark>colleges,</mark> die" in page


def test_an_exploration_conflict_marks_the_changed_words():
    exploration = Exploration.objects.create(title="Ede en Wageningen", slug="ede-wageningen", urgency=LONG)
    anna, bram = advisor("anna"), advisor("bram")
    url = reverse("exploration-edit", args=[exploration.slug])
    anna_data = page_post_data(anna.get(url).content.decode())
    bram_data = page_post_data(bram.get(url).content.decode())
    anna_data["urgency"] = LONG.replace("gezamenlijke commissie", "gezamenlijke raadscommissie")
    assert anna.post(url, anna_data).status_code == 302
    bram_data["urgency"] = LONG.replace("gezamenlijke commissie", "gezamenlijke werkgroep")
    page = bram.post(url, bram_data).content.decode()
    assert "<mark>werkgroep</mark>" in page and "<mark>raadscommissie</mark>" in page
    assert page.count('<fieldset class="merge__choice">') == 1  # one radio group, read whole
    assert "overflow-y" not in page and "max-height" not in page


def test_every_editor_shows_choices_through_the_one_conflict_template(settings):
    """One conflict screen: only the core's include renders the choice radios, and every editor
    with choices (dossier, check, the exploration editors) includes it."""
    templates = settings.BASE_DIR / "templates"
    one = "core/includes/merge_choices.html"
    rendering = [
        p.relative_to(templates).as_posix() for p in templates.rglob("*.html") if "resolve-" in p.read_text()
    ]
    assert rendering == [one]
    editors = [
        "cases/case_form.html",
        "assessments/assessment_form.html",
        *(
            f"explorations/{name}.html"
            for name in ("edit", "variant_form", "framework", "matrix", "check_form")
        ),
    ]
    for editor in editors:
        assert f'{{% include "{one}" %}}' in (templates / editor).read_text(), editor
