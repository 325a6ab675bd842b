"""The way back in a real Chromium: filter the list, open a dossier, edit and save it, and get back
to exactly those results (issue 20, "Done when")."""

import re

import pytest

from core.roles import ADVISEUR
from tests.factories import UserFactory
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_open_edit_save_and_back_to_exactly_those_results(page, live_server, seeded_db):
    UserFactory(username="e2e-terug", role=ADVISEUR)
    log_in(page, live_server, "e2e-terug")
    page.get_by_label("Urgentie").select_option("yes")
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url(re.compile(r"urgency=yes"))
    results_url = page.url
    count = page.locator("#results-count").inner_text()
    assert re.fullmatch(r"\d+ casus(sen)? gevonden", count)
    first = page.locator(".cases__title a").first
    title = first.inner_text()

    first.click()
    page.get_by_role("link", name="Dossier bewerken").click()
    page.get_by_label("Vestiging").fill("Gemeentehuis, Markt 1")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_text("Het dossier is opgeslagen.").wait_for()
    assert page.get_by_role("heading", level=1).inner_text().startswith(title)
    page.get_by_role("link", name="Terug naar de resultaten").click()

    page.wait_for_url(results_url)
    assert page.locator("#results-count").inner_text() == count
    assert page.get_by_label("Urgentie").input_value() == "yes"
    assert "Urgentie: Ja" in page.locator(".chips").inner_text()
