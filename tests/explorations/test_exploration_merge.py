"""Two advisors edit an exploration's toetsingskader, matrix and check at once: both edits survive."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from core.roles import ADVISEUR
from explorations.merge import formset_data
from explorations.models import VariantScore
from tests.factories import (
    AssessmentFactory,
    ExplorationFactory,
    FrameworkCriterionFactory,
    PreconditionFactory,
    UserFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db

PRE = ["name", "judgement", "motivation", "order"]
CRIT = ["name", "explanation", "weight", "order"]


@pytest.fixture
def two_advisors(adviseur):
    clients = []
    for user in (adviseur, UserFactory(username="tweede-adviseur", role=ADVISEUR)):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def framework_post(exploration, version, pre: list[dict], crit: list[dict], **extra):
    data = {"version": str(version), **formset_data("pre", pre, PRE), **formset_data("crit", crit, CRIT)}
    data.update(formset_data("point", [], ["name", "elaboration", "order"]))
    return {**data, **extra}


def rows(queryset, fields, **changes):
    return [
        {"id": obj.pk, **{n: getattr(obj, n) for n in fields}, **changes.get(obj.name, {})}
        for obj in queryset
    ]


@pytest.fixture
def framework():
    exploration = ExplorationFactory()
    PreconditionFactory(exploration=exploration, name="Draagvlak", judgement="open", motivation="", order=1)
    FrameworkCriterionFactory(exploration=exploration, name="Kwaliteit", explanation="", weight=2, order=1)
    return exploration


def test_framework_edits_of_two_advisors_both_survive(two_advisors, framework):
    first, second = two_advisors
    url = reverse("exploration-framework", args=[framework.slug])
    pre, crit = list(framework.preconditions.all()), list(framework.criteria.all())
    mine = framework_post(framework, 1, rows(pre, PRE, Draagvlak={"judgement": "met"}), rows(crit, CRIT))
    theirs = framework_post(
        framework,
        1,
        rows(pre, PRE),
        [
            *rows(crit, CRIT, Kwaliteit={"weight": 5}),
            {"id": None, "name": "Kosten", "explanation": "", "weight": 1, "order": 2},
        ],
    )
    assert first.post(url, theirs).status_code == 302
    response = second.post(url, mine)
    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.preconditions.get().judgement == "met"
    assert framework.criteria.get(name="Kwaliteit").weight == 5
    assert framework.criteria.filter(name="Kosten").exists() and framework.version == 3


def test_a_framework_field_both_changed_waits_for_a_choice(two_advisors, framework):
    first, second = two_advisors
    url = reverse("exploration-framework", args=[framework.slug])
    pre, crit = list(framework.preconditions.all()), list(framework.criteria.all())
    first.post(
        url,
        framework_post(
            framework, 1, rows(pre, PRE, Draagvlak={"motivation": "Hun tekst."}), rows(crit, CRIT)
        ),
    )
    mine = framework_post(
        framework, 1, rows(pre, PRE, Draagvlak={"motivation": "Mijn tekst."}), rows(crit, CRIT)
    )
    response = second.post(url, mine)
    page = strip_tags(response.content.decode())  # the text as read: diff marks split words
    assert response.status_code == 200 and "Mijn tekst." in page and "Hun tekst." in page
    assert framework.preconditions.get().motivation == "Hun tekst."
    retry = framework_post(
        framework, 2, rows(pre, PRE, Draagvlak={"motivation": "Mijn tekst."}), rows(crit, CRIT),
        choices=response.context["choices_token"],
    )  # fmt: skip
    assert "kies bij elk verschil hieronder een versie" in second.post(url, retry).content.decode()
    assert framework.preconditions.get().motivation == "Hun tekst."
    assert second.post(url, {**retry, "resolve-0": "yours"}).status_code == 302
    assert framework.preconditions.get().motivation == "Mijn tekst."


def test_a_forged_choice_writes_nothing(two_advisors, framework):
    """Choices come back signed: a hand-made one (as the old JSON field allowed) is ignored."""
    second = two_advisors[1]
    url = reverse("exploration-framework", args=[framework.slug])
    pre, crit = list(framework.preconditions.all()), list(framework.criteria.all())
    forged = (
        '[{"label": "x", "theirs": "Vervalst.", "yours": "", "overrides": {"pre-0-motivation": "Vervalst."}}]'
    )
    response = second.post(
        url,
        {
            **framework_post(framework, 1, rows(pre, PRE), rows(crit, CRIT)),
            "choices": forged,
            "resolve-0": "theirs",
        },
    )
    assert response.status_code == 302
    assert framework.preconditions.get().motivation != "Vervalst."


def test_a_row_the_colleague_deleted_is_named(two_advisors, framework):
    first, second = two_advisors
    url = reverse("exploration-framework", args=[framework.slug])
    pre, crit = list(framework.preconditions.all()), list(framework.criteria.all())
    first.post(url, framework_post(framework, 1, rows(pre, PRE), []))
    response = second.post(
        url,
        framework_post(framework, 1, rows(pre, PRE), rows(crit, CRIT, Kwaliteit={"weight": 3})),
        follow=True,
    )
    assert "“Kwaliteit” is intussen door een collega verwijderd." in response.content.decode()
    assert not framework.criteria.exists()


@pytest.fixture
def matrix(framework):
    criterion = framework.criteria.get()
    one, two = (
        VariantFactory(exploration=framework, name="A"),
        VariantFactory(exploration=framework, name="B"),
    )
    return framework, [f"{one.pk}_{criterion.pk}", f"{two.pk}_{criterion.pk}"]


def cells(version, **values):
    return {"version": str(version), **values}


def test_matrix_edits_of_two_advisors_both_survive(two_advisors, matrix):
    (first, second), (exploration, (a, b)) = two_advisors, matrix
    url = reverse("exploration-matrix", args=[exploration.slug])
    assert (
        first.post(url, cells(1, **{f"score_{a}": "+", f"motivation_{a}": "Hun reden."})).status_code == 302
    )
    assert (
        second.post(url, cells(1, **{f"score_{b}": "--", f"motivation_{b}": "Mijn reden."})).status_code
        == 302
    )
    stored = {(s.variant.name, s.score, s.motivation) for s in VariantScore.objects.all()}
    assert stored == {("A", "+", "Hun reden."), ("B", "--", "Mijn reden.")}


def test_a_matrix_cell_both_changed_waits_for_a_choice(two_advisors, matrix):
    (first, second), (exploration, (a, _b)) = two_advisors, matrix
    url = reverse("exploration-matrix", args=[exploration.slug])
    first.post(url, cells(1, **{f"score_{a}": "+", f"motivation_{a}": "Hun reden."}))
    response = second.post(url, cells(1, **{f"score_{a}": "+", f"motivation_{a}": "Mijn reden."}))
    page = strip_tags(response.content.decode())  # the text as read: diff marks split words
    assert response.status_code == 200 and "Mijn reden." in page and "Hun reden." in page
    assert VariantScore.objects.get().motivation == "Hun reden."
    retry = cells(
        2,
        choices=response.context["choices_token"],
        **{f"score_{a}": "+", f"motivation_{a}": "Mijn reden."},
    )
    assert "kies bij elk verschil hieronder een versie" in second.post(url, retry).content.decode()
    assert VariantScore.objects.get().motivation == "Hun reden."
    assert second.post(url, {**retry, "resolve-0": "yours"}).status_code == 302
    assert VariantScore.objects.get().motivation == "Mijn reden."
    assert exploration.history.count() >= 3


@pytest.mark.parametrize("version", [1, 0], ids=["current", "stale"])
def test_a_too_long_motivation_is_a_dutch_form_error_not_a_failed_save(two_advisors, matrix, version):
    """Found by the form fuzzer: the matrix form took any length, the model refused it on save (500)."""
    (first, _second), (exploration, (a, _b)) = two_advisors, matrix
    url = reverse("exploration-matrix", args=[exploration.slug])

    response = first.post(url, cells(version, **{f"score_{a}": "+", f"motivation_{a}": "x" * 2001}))

    assert response.status_code == 200
    assert "Deze tekst is te lang: hoogstens 2000 tekens, het zijn er nu 2001." in response.content.decode()
    assert not VariantScore.objects.exists()


@pytest.fixture
def check(framework):
    return AssessmentFactory(case=None, exploration=framework, urgency_answer="Oud.", note="Oud.")


def check_post(check, version, **changes):
    fields = [
        f"{c}_{p}"
        for c in ("urgency", "benefits", "trust", "images", "partners")
        for p in ("rating", "answer")
    ]
    data = {name: getattr(check, name) for name in fields}
    data.update(assessed_on="2026", assessor=check.assessor, note=check.note, version=str(version))
    return {**data, **changes}


def test_check_corrections_of_two_advisors_both_survive(two_advisors, check):
    (first, second), exploration = two_advisors, check.exploration
    url = reverse("exploration-check-edit", args=[exploration.slug, check.pk])
    assert first.get(url).status_code == 200
    assert first.post(url, check_post(check, 1, note="Hun notitie.")).status_code == 302
    assert second.post(url, check_post(check, 1, urgency_answer="Mijn antwoord.")).status_code == 302
    check.refresh_from_db()
    assert (check.note, check.urgency_answer) == ("Hun notitie.", "Mijn antwoord.")
    assert check.history.count() == 3 and check.history.first().history_user.username == "tweede-adviseur"


def test_a_check_field_both_changed_waits_for_a_choice(two_advisors, check):
    (first, second), exploration = two_advisors, check.exploration
    url = reverse("exploration-check-edit", args=[exploration.slug, check.pk])
    first.post(url, check_post(check, 1, note="Hun notitie."))
    response = second.post(url, check_post(check, 1, note="Mijn notitie."))
    page = strip_tags(response.content.decode())  # the text as read: diff marks split words
    assert response.status_code == 200 and "Mijn notitie." in page and "Hun notitie." in page
    check.refresh_from_db()
    assert check.note == "Hun notitie."
    retry = check_post(check, 2, note="Mijn notitie.", choices=response.context["choices_token"])
    assert "kies bij elk verschil hieronder een versie" in second.post(url, retry).content.decode()
    assert second.post(url, {**retry, "resolve-0": "yours"}).status_code == 302
    check.refresh_from_db()
    assert check.note == "Mijn notitie."


def test_a_raadslid_may_not_correct_a_check(client, raadslid, check):
    client.force_login(raadslid)
    url = reverse("exploration-check-edit", args=[check.exploration.slug, check.pk])
    assert client.get(url).status_code == 403 and client.post(url, {}).status_code == 403
    missing = reverse("exploration-check-edit", args=["bestaat-niet", 999])
    assert client.get(missing).status_code == 403
