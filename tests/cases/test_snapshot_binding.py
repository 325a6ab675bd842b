"""The editors' signed snapshots are bound to their record and version (issue 19, item 5).

A snapshot taken elsewhere must never serve as the merge's base: if it did, the other advisor's
change would look like the starting point and be reverted silently by the stale form.
"""

import pytest
from django.urls import reverse

from tests.factories import AssessmentFactory, CaseFactory
from tests.helpers import submitted

pytestmark = pytest.mark.django_db

CHOICE = "Kies welke versie blijft"


def edit_url(case) -> str:
    return reverse("case-edit", args=[case.slug])


def test_a_snapshot_of_another_case_is_no_base_so_the_others_change_is_a_choice(anna, bram, dossier):
    # Another dossier whose summary happens to read what Anna is about to save.
    other = CaseFactory(slug="ander", summary="Anna.")
    foreign_base = submitted(bram.get(edit_url(other)))["base"]
    bram_data = submitted(bram.get(edit_url(dossier)))
    anna.post(edit_url(dossier), submitted(anna.get(edit_url(dossier))) | {"summary": "Anna."})

    conflict = bram.post(edit_url(dossier), bram_data | {"base": foreign_base, "lessons": "Bram."})

    assert CHOICE in conflict.content.decode()  # not merged as if Anna's summary were the start
    assert bram.post(edit_url(dossier), submitted(conflict)).status_code == 200  # undecided: nothing saved
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.lessons) == ("Anna.", "")


def test_a_newer_snapshot_of_the_same_case_posted_with_a_stale_form_is_no_base(anna, bram, dossier):
    bram_data = submitted(bram.get(edit_url(dossier)))
    anna.post(edit_url(dossier), submitted(anna.get(edit_url(dossier))) | {"summary": "Anna."})
    newer_base = submitted(bram.get(edit_url(dossier)))["base"]  # taken after Anna's save

    conflict = bram.post(edit_url(dossier), bram_data | {"base": newer_base, "lessons": "Bram."})

    page = conflict.content.decode()
    assert CHOICE in page and "Anna." in page
    dossier.refresh_from_db()
    assert dossier.summary == "Anna."


def test_the_snapshot_the_form_was_loaded_with_still_merges_without_choices(anna, bram, dossier):
    bram_data = submitted(bram.get(edit_url(dossier)))
    anna.post(edit_url(dossier), submitted(anna.get(edit_url(dossier))) | {"summary": "Anna."})

    conflict = bram.post(edit_url(dossier), bram_data | {"lessons": "Bram."})

    assert CHOICE not in conflict.content.decode()
    assert bram.post(edit_url(dossier), submitted(conflict)).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.lessons) == ("Anna.", "Bram.")


def test_a_snapshot_of_another_check_is_no_base_for_a_check_correction(anna, bram, dossier):
    check = dossier.assessments.get()
    other = AssessmentFactory(case=CaseFactory(slug="ander"), trust_answer="Anna.")
    url = reverse("assessment-edit", args=[dossier.slug, check.pk])
    foreign_base = submitted(bram.get(reverse("assessment-edit", args=["ander", other.pk])))["base"]
    bram_data = submitted(bram.get(url))
    anna.post(url, submitted(anna.get(url)) | {"trust_answer": "Anna."})

    conflict = bram.post(url, bram_data | {"base": foreign_base, "note": "Bram."})

    assert CHOICE in conflict.content.decode()
    check.refresh_from_db()
    assert check.trust_answer == "Anna."
