"""Issue #17, "one of each", for explorations: their period, their current check and their parts
are read through the same single source as everywhere else."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from assessments.current import current_check, with_checks
from core.dates import format_period
from core.roles import ADVISEUR
from explorations.history import HISTORY_PARTS, exploration_history
from explorations.merge import formset_data
from explorations.models import Exploration
from explorations.parts import FRAMEWORK_PARTS, PARTS
from explorations.pdf import exploration_html
from explorations.reads import exploration_for_page
from tests.factories import AssessmentFactory, ExplorationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("start", "end"), [("2019-03", "2021"), ("2020", ""), ("", "2016-05-01")])
def test_the_page_and_the_pdf_show_the_period_of_format_period(client, raadslid, start, end):
    exploration = ExplorationFactory(start_date=start, end_date=end)
    expected = format_period(start, end)
    client.force_login(raadslid)
    page = html.unescape(client.get(reverse("exploration-detail", args=[exploration.slug])).content.decode())
    pdf = html.unescape(exploration_html(exploration_for_page().get(pk=exploration.pk)))
    assert f"<dd>{expected}</dd>" in page
    assert f"<td>{expected}</td>" in pdf


def test_an_explorations_current_check_is_read_by_the_one_reader(client, adviseur):
    """Latest by date, then by id: the page, the PDF's context and a new check's form agree with
    `current_check`, read on its own or prefetched, and a case's check follows the same rule."""
    exploration = ExplorationFactory()
    checks = {
        answer: AssessmentFactory(case=None, exploration=exploration, assessed_on=date, trust_answer=answer)
        for date, answer in [("2021-03", "Eerste van maart."), ("2019", "Oud."), ("2021-03", "Laatste.")]
    }
    AssessmentFactory(assessed_on="2030")  # a case's check is not the exploration's
    latest = checks["Laatste."]
    assert current_check(exploration) == latest
    assert current_check(with_checks(Exploration.objects).get(pk=exploration.pk)) == latest
    client.force_login(adviseur)
    page = client.get(reverse("exploration-detail", args=[exploration.slug]))
    assert page.context["current_check"] == latest
    new = client.get(reverse("exploration-check-create", args=[exploration.slug]))
    assert new.context["form"].initial["trust_answer"] == "Laatste."
    case_check = AssessmentFactory(assessed_on="2021-03")
    AssessmentFactory(case=case_check.case, assessed_on="2019")
    assert current_check(case_check.case) == case_check


def framework_post(exploration, version: int, **changes: dict) -> dict:
    """The framework page's data for the stored rows of every part, with `changes` per prefix."""
    data = {"version": str(version)}
    for part in FRAMEWORK_PARTS:
        fields = list(part.framework_fields)
        stored = part.model.objects.filter(exploration=exploration)
        rows = [
            {"id": obj.pk, **{n: getattr(obj, n) for n in fields}, **changes.get(part.framework_prefix, {})}
            for obj in stored
        ]
        data |= formset_data(part.framework_prefix, rows, fields)
    return data


def test_every_framework_part_is_edited_merged_and_in_the_history(adviseur):
    """Derived from explorations.parts: adding a part there puts it in the editor, merge and history."""
    assert FRAMEWORK_PARTS and {part.model for part in PARTS} <= {model for model, _label in HISTORY_PARTS}
    exploration = ExplorationFactory()
    for part in FRAMEWORK_PARTS:
        part.model.objects.create(exploration=exploration, name=f"Rij {part.framework_prefix}", order=1)
    first, second = Client(), Client()
    first.force_login(adviseur)
    second.force_login(UserFactory(username="tweede-adviseur", role=ADVISEUR))
    url = reverse("exploration-framework", args=[exploration.slug])

    formsets = second.get(url).context["formsets"]
    assert [(str(title), formset.prefix, formset.model) for title, formset in formsets] == [
        (str(part.framework_title), part.framework_prefix, part.model) for part in FRAMEWORK_PARTS
    ]
    for part, (_title, formset) in zip(FRAMEWORK_PARTS, formsets, strict=True):
        assert set(part.framework_fields) <= set(formset.empty_form.fields)

    theirs = {part.framework_prefix: {"order": 5} for part in FRAMEWORK_PARTS}
    mine = {part.framework_prefix: {"name": f"Mijn {part.framework_prefix}"} for part in FRAMEWORK_PARTS}
    assert first.post(url, framework_post(exploration, 1, **theirs)).status_code == 302
    assert second.post(url, framework_post(exploration, 1, **mine)).status_code == 302  # merged
    subjects = {entry.subject for entry in exploration_history(exploration)}
    for part in FRAMEWORK_PARTS:
        row = part.model.objects.get(exploration=exploration)
        assert (row.name, row.order) == (f"Mijn {part.framework_prefix}", 5)
        assert f"{part.label} Mijn {part.framework_prefix}" in subjects
