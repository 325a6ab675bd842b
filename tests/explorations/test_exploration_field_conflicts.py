"""Two advisors edit an exploration's own fields or a variant at once, through the pages as a browser
posts them: the conflict screen is the core's (signed choices, one per field), a choice round-trips."""

import pytest
from django.urls import reverse

from explorations.services import exploration as services
from tests.factories import ExplorationFactory, VariantFactory
from tests.helpers import page_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant():
    exploration = ExplorationFactory()
    return VariantFactory(
        exploration=exploration, description="Oud.", strengths=["Flexibel"], threats=["Oude dreiging"]
    )


def variant_url(variant) -> str:
    return reverse("variant-edit", args=[variant.exploration.slug, variant.pk])


def loaded(client, url) -> dict:
    return page_post_data(client.get(url).content.decode())


def test_a_variant_conflict_round_trips_with_one_choice_per_field(anna, bram, variant):
    url = variant_url(variant)
    anna_data, bram_data = loaded(anna, url), loaded(bram, url)
    anna_data |= {"description": "Annas beschrijving.", "threats": "Annas dreiging", "needed": "Geld."}
    assert anna.post(url, anna_data).status_code == 302
    bram_data |= {"description": "Brams beschrijving.", "threats": "Brams dreiging"}

    conflict = bram.post(url, bram_data)

    page = conflict.content.decode()
    assert conflict.status_code == 200
    assert "<mark>Brams</mark> beschrijving." in page and "<mark>Annas</mark> beschrijving." in page
    assert [choice.label for choice in conflict.context["choices"]] == ["Beschrijving", "Bedreigingen"]
    assert page.count('value="theirs"') == 2 and "Van de collega overgenomen: Wat nodig is." in page
    variant.refresh_from_db()
    assert (variant.description, variant.threats) == ("Annas beschrijving.", ["Annas dreiging"])

    retry = page_post_data(page)
    assert retry["choices"] and retry["needed"] == "Geld."  # the merged form, with the token
    retry |= {"resolve-0": "theirs", "resolve-1": "yours"}
    assert bram.post(url, retry).status_code == 302
    variant.refresh_from_db()
    assert (variant.description, variant.threats, variant.needed) == (
        "Annas beschrijving.",
        ["Brams dreiging"],
        "Geld.",
    )


def test_an_undecided_variant_conflict_saves_nothing_and_asks_again(anna, bram, variant):
    url = variant_url(variant)
    anna_data, bram_data = loaded(anna, url), loaded(bram, url)
    anna.post(url, anna_data | {"threats": "Annas dreiging"})
    retry = page_post_data(bram.post(url, bram_data | {"threats": "Brams dreiging"}).content.decode())

    page = bram.post(url, retry).content.decode()

    assert (
        "Er is nog niets opgeslagen: kies bij elk verschil hieronder een versie." in page
        and 'value="theirs"' in page
    )
    variant.refresh_from_db()
    assert variant.threats == ["Annas dreiging"]


def test_a_disjoint_variant_edit_is_saved_and_names_what_was_taken(anna, bram, variant):
    url = variant_url(variant)
    anna_data, bram_data = loaded(anna, url), loaded(bram, url)
    anna.post(url, anna_data | {"strengths": "Flexibel\nGoedkoop"})

    response = bram.post(url, bram_data | {"description": "Brams beschrijving."}, follow=True)

    variant.refresh_from_db()
    assert (variant.description, variant.strengths) == ("Brams beschrijving.", ["Flexibel", "Goedkoop"])
    page = response.content.decode()
    assert "De variant is opgeslagen en samengevoegd met de wijzigingen van een collega." in page
    assert "Van de collega overgenomen: Sterktes." in page


def test_a_merge_racing_another_save_asks_to_try_again(anna, bram, monkeypatch):
    exploration = ExplorationFactory(urgency="Oud.", partners="Oud.")
    url = reverse("exploration-edit", args=[exploration.slug])
    anna_data, bram_data = loaded(anna, url), loaded(bram, url)
    anna.post(url, anna_data | {"partners": "Annas partners."})
    real_update, calls = services.exploration_update, []

    def racing_update(**kwargs):
        calls.append(kwargs["expected_version"])
        if len(calls) == 2:  # the merged save: someone else saves just before it
            newer = kwargs["expected_version"] + 1
            services.Exploration.objects.filter(pk=exploration.pk).update(version=newer)
        return real_update(**kwargs)

    monkeypatch.setattr("explorations.views.edit.exploration_update", racing_update)
    response = bram.post(url, bram_data | {"urgency": "Brams urgentie."}, follow=True)

    assert calls == [1, 2]
    assert response.redirect_chain[-1][0] == url
    assert "Er werd opnieuw tegelijk opgeslagen; probeer het nog eens." in response.content.decode()
    exploration.refresh_from_db()
    assert exploration.urgency == "Oud."


def test_without_history_to_start_from_every_difference_is_a_choice(anna, bram):
    exploration = ExplorationFactory(urgency="Oud.", partners="Oud.")
    url = reverse("exploration-edit", args=[exploration.slug])
    anna_data, bram_data = loaded(anna, url), loaded(bram, url)
    anna.post(url, anna_data | {"partners": "Annas partners."})
    exploration.history.filter(version=1).delete()  # the version Bram started from is unknown

    conflict = bram.post(url, bram_data | {"urgency": "Brams urgentie."})

    assert conflict.status_code == 200
    labels = [choice.label for choice in conflict.context["choices"]]
    assert labels == ["Urgentie", "Logische partners"]  # not merged as if Bram had started from Anna's
    exploration.refresh_from_db()
    assert (exploration.urgency, exploration.partners) == ("Oud.", "Annas partners.")
