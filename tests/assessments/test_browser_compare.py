"""The compare chooser from a filtered list, in a real Chromium: its candidates are the list's
selection, and it leads back to exactly those results."""

import pytest
from playwright.sync_api import expect

from core.roles import RAADSLID
from tests.helpers import urgent_cases_listed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_compare_from_the_selection_of_a_filtered_list_and_back(page, live_server):
    urgent_cases_listed(page, live_server, username="e2e-vergelijk", role=RAADSLID)

    page.get_by_role("link", name="Vergelijken uit deze selectie").click()
    assert "Urgentie: Ja" in page.locator("#compare-selection").inner_text()
    expect(page.get_by_text("2 casussen om toe te voegen.")).to_be_visible()
    assert page.get_by_role("link", name="Niet urgent toevoegen").count() == 0
    page.get_by_role("link", name="Urgent Oost toevoegen").click()
    page.get_by_role("link", name="Urgent West toevoegen").click()
    expect(page.get_by_role("link", name="Urgent West toevoegen")).to_have_count(0)
    expect(page.locator("table.compare-table")).to_be_visible()

    page.get_by_role("link", name="Terug naar de resultaten").click()
    page.wait_for_url(f"{live_server.url}/cases/?urgency=yes")  # the same selection, without empty fields
    page.get_by_text("2 casussen gevonden").wait_for()
    assert page.get_by_label("Urgentie").input_value() == "yes"
