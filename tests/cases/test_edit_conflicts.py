"""Two advisors (two logged-in clients) edit the same dossier or check: both edits survive."""

import pytest
from django.urls import reverse

from cases.history import dossier_history
from tests.helpers import submitted

pytestmark = pytest.mark.django_db


def edit_url(case) -> str:
    return reverse("case-edit", args=[case.slug])


def opened(client, url) -> dict:
    return submitted(client.get(url))


def row_index(data: dict, prefix: str, field: str, value: str) -> int:
    return next(
        int(key.split("-")[1])
        for key, v in data.items()
        if key.endswith(f"-{field}") and key.startswith(prefix) and v == value
    )


def test_edits_of_different_fields_are_merged_and_saving_again_keeps_both(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    anna_data["summary"] = "Samenvatting van Anna."
    assert anna.post(edit_url(dossier), anna_data).status_code == 302

    bram_data["lessons"] = "Lessen van Bram."
    conflict = bram.post(edit_url(dossier), bram_data)
    page = conflict.content.decode()
    assert conflict.status_code == 200
    assert "Iemand anders heeft dit dossier intussen gewijzigd" in page
    assert "anna" in page and "Kies welke versie blijft" not in page  # nothing to choose
    assert "Samenvatting van Anna.</textarea>" in page and "Lessen van Bram.</textarea>" in page
    dossier.refresh_from_db()
    assert dossier.lessons == ""  # nothing saved yet

    assert bram.post(edit_url(dossier), submitted(conflict)).status_code == 302  # "Opslaan" again
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.lessons, dossier.version) == (
        "Samenvatting van Anna.",
        "Lessen van Bram.",
        3,
    )
    changes = [(e.who, c.new) for e in dossier_history(dossier) for c in e.changes]
    assert ("anna", "Samenvatting van Anna.") in changes and ("bram", "Lessen van Bram.") in changes


def test_a_field_both_changed_is_shown_side_by_side_and_saved_only_after_a_choice(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    anna_data["summary"] = "Versie van Anna."
    assert anna.post(edit_url(dossier), anna_data).status_code == 302
    bram_data["summary"] = "Versie van Bram."
    bram_data["seat"] = "Ridderkerk"
    conflict = bram.post(edit_url(dossier), bram_data)
    page = conflict.content.decode()
    assert "Kies welke versie blijft" in page
    assert (
        'name="resolve-0" value="theirs"' in page
        and "Versie van Anna." in page
        and "Versie van Bram." in page
    )

    undecided = bram.post(edit_url(dossier), submitted(conflict))
    assert undecided.status_code == 200
    assert "kies bij elk verschil hieronder een versie" in undecided.content.decode()
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.seat) == ("Versie van Anna.", "")

    assert bram.post(edit_url(dossier), submitted(undecided) | {"resolve-0": "theirs"}).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.summary, dossier.seat) == ("Versie van Anna.", "Ridderkerk")


def test_choosing_your_own_version(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    anna.post(edit_url(dossier), anna_data | {"title": "BAR (Anna)"})
    conflict = bram.post(edit_url(dossier), bram_data | {"title": "BAR (Bram)"})
    assert bram.post(edit_url(dossier), submitted(conflict) | {"resolve-0": "yours"}).status_code == 302
    dossier.refresh_from_db()
    assert dossier.title == "BAR (Bram)"


def test_rows_deleted_added_and_changed_by_the_other_are_merged(anna, bram, dossier):
    """Anna deletes the event and changes a role; Bram, who opened earlier, changes lessons and a note."""
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    anna_data["events-0-DELETE"] = "on"
    ridderkerk = row_index(anna_data, "participants", "municipality", "Ridderkerk")
    anna_data[f"participants-{ridderkerk}-role"] = "host"
    anna_data |= {
        "events-1-date": "2016",
        "events-1-kind": "evaluation",
        "events-1-description": "Evaluatie.",
    }
    assert anna.post(edit_url(dossier), anna_data).status_code == 302

    barendrecht = row_index(bram_data, "participants", "municipality", "Barendrecht")
    bram_data["lessons"] = "Lessen van Bram."
    bram_data[f"participants-{barendrecht}-note"] = "Grootste partner."
    conflict = bram.post(edit_url(dossier), bram_data)
    page = conflict.content.decode()
    assert conflict.status_code == 200
    assert "verbeter de gemarkeerde velden" not in page
    assert "Gebeurtenis 1 januari 2014 verwijderd" in page  # what the other did, named

    assert bram.post(edit_url(dossier), submitted(conflict)).status_code == 302
    dossier.refresh_from_db()
    roles = dict(dossier.participations.values_list("municipality__name", "role"))
    notes = dict(dossier.participations.values_list("municipality__name", "note"))
    assert roles["Ridderkerk"] == "host" and notes["Barendrecht"] == "Grootste partner."
    assert list(dossier.events.values_list("description", flat=True)) == ["Evaluatie."]
    assert dossier.lessons == "Lessen van Bram."


def test_a_row_the_other_deleted_but_you_changed_is_a_choice_not_an_error(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    assert anna.post(edit_url(dossier), anna_data | {"events-0-DELETE": "on"}).status_code == 302
    conflict = bram.post(edit_url(dossier), bram_data | {"events-0-description": "Start (aangevuld)."})
    page = conflict.content.decode()
    assert "Uw gewijzigde rij bewaren" in page and "verbeter de gemarkeerde velden" not in page
    assert bram.post(edit_url(dossier), submitted(conflict) | {"resolve-0": "yours"}).status_code == 302
    assert list(dossier.events.values_list("description", flat=True)) == ["Start (aangevuld)."]


def test_a_row_you_deleted_and_the_other_changed_can_stay_deleted(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    assert anna.post(edit_url(dossier), anna_data | {"events-0-citation": "p. 12"}).status_code == 302
    conflict = bram.post(edit_url(dossier), bram_data | {"events-0-DELETE": "on"})
    assert "Verwijderen, zoals u deed" in conflict.content.decode()
    assert bram.post(edit_url(dossier), submitted(conflict) | {"resolve-0": "yours"}).status_code == 302
    assert dossier.events.count() == 0


def check_url(dossier) -> str:
    return reverse("assessment-edit", args=[dossier.slug, dossier.assessments.get().pk])


def test_two_corrections_of_a_check_are_merged_and_the_box_says_who_changed_it(anna, bram, dossier):
    anna_data, bram_data = opened(anna, check_url(dossier)), opened(bram, check_url(dossier))
    assert anna.post(check_url(dossier), anna_data | {"trust_answer": "Ja, volgens Anna."}).status_code == 302
    conflict = bram.post(check_url(dossier), bram_data | {"note": "Notitie van Bram."})
    page = conflict.content.decode()
    assert "Nog geen wijzigingen vastgelegd" not in page
    assert "anna" in page and "Ja, volgens Anna." in page
    assert bram.post(check_url(dossier), submitted(conflict)).status_code == 302
    check = dossier.assessments.get()
    assert (check.trust_answer, check.note) == ("Ja, volgens Anna.", "Notitie van Bram.")


def test_the_same_check_answer_changed_twice_needs_a_choice(anna, bram, dossier):
    anna_data, bram_data = opened(anna, check_url(dossier)), opened(bram, check_url(dossier))
    anna.post(check_url(dossier), anna_data | {"trust_answer": "Anna."})
    conflict = bram.post(check_url(dossier), bram_data | {"trust_answer": "Bram."})
    assert bram.post(check_url(dossier), submitted(conflict)).status_code == 200
    assert dossier.assessments.get().trust_answer == "Anna."
    assert bram.post(check_url(dossier), submitted(conflict) | {"resolve-0": "yours"}).status_code == 302
    assert dossier.assessments.get().trust_answer == "Bram."


def test_a_tampered_base_is_treated_as_unknown_so_every_difference_is_a_choice(anna, bram, dossier):
    anna_data, bram_data = opened(anna, edit_url(dossier)), opened(bram, edit_url(dossier))
    anna.post(edit_url(dossier), anna_data | {"summary": "Anna."})
    conflict = bram.post(edit_url(dossier), bram_data | {"base": "vervalst", "lessons": "Bram."})
    assert "Kies welke versie blijft" in conflict.content.decode()
    dossier.refresh_from_db()
    assert dossier.summary == "Anna."


def test_a_new_check_recorded_while_someone_saved_the_dossier_is_kept_and_saved_on_the_second_try(
    anna, bram, dossier
):
    url = reverse("assessment-create", args=[dossier.slug])
    bram_data = opened(bram, url)
    assert (
        anna.post(edit_url(dossier), opened(anna, edit_url(dossier)) | {"seat": "Barendrecht"}).status_code
        == 302
    )
    conflict = bram.post(url, bram_data | {"trust_rating": "limited"})
    assert "anna" in conflict.content.decode() and dossier.assessments.count() == 1
    assert bram.post(url, submitted(conflict)).status_code == 302
    assert dossier.assessments.newest_first().first().trust_rating == "limited"
