"""End to end: from the filtered list to the analysis, a count, and cases side by side (Chromium)."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import RAADSLID
from tests.factories import UserFactory
from tests.helpers import list_filtered, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "/tmp/seta-h10"


def no_horizontal_scroll(browser_page) -> bool:
    return browser_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_from_gastheer_cases_to_the_analysis_and_back_to_exactly_those_cases(page, live_server, seeded_db):
    UserFactory(username="e2e-raadslid", role=RAADSLID)
    log_in(page, live_server, "e2e-raadslid")
    list_filtered(page, "Vorm van samenwerking", "gastheer", "8 casussen gevonden")

    page.get_by_role("link", name="Analyse van deze selectie").click()
    expect(page).to_have_title("Analyse van de vijfpuntscheck — SETA dossiers")
    assert "arrangement_type=gastheer" in page.url
    assert page.locator("svg[role=img] title").count() == 6
    page.screenshot(path=f"{SHOTS}-analysis-1280.png", full_page=True)

    trust = page.locator("#tabel-trust")
    link = trust.locator("tbody a").first
    shown = int(re.match(r"\d+", link.inner_text()).group())
    link.click()
    page.wait_for_url(re.compile(r"/cases/\?"))
    assert "trust=" in page.url and "outcome=" in page.url and "arrangement_type=gastheer" in page.url
    expected = f"{shown} casus gevonden" if shown == 1 else f"{shown} casussen gevonden"
    page.get_by_text(expected).wait_for()

    analysis_url = page.url.split("?")[0].replace("/cases/", "/analysis/") + "?arrangement_type=gastheer"
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(analysis_url)
    page.wait_for_load_state("load")
    assert no_horizontal_scroll(page)
    page.screenshot(path=f"{SHOTS}-analysis-320.png", full_page=True)


def test_compare_three_cases_chosen_on_the_list(page, live_server, seeded_db):
    UserFactory(username="e2e-raadslid", role=RAADSLID)
    log_in(page, live_server, "e2e-raadslid")
    for title in ("BEL-gemeenten", "Ten Boer", "BAR-gemeenten"):
        page.get_by_role("checkbox", name=re.compile(f"Vergelijk {title}")).check()
    page.get_by_role("button", name="Vergelijk geselecteerde casussen").click()

    page.wait_for_url(re.compile(r"/cases/compare/\?case="))
    assert page.url.count("case=") == 3
    headers = page.locator(".compare-table thead th").all_inner_texts()
    assert len(headers) == 3 and headers[0].startswith("BEL-gemeenten")
    expect(page.get_by_role("link", name="Download vergelijking als PDF")).to_be_visible()
    page.screenshot(path=f"{SHOTS}-compare-1280.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    assert no_horizontal_scroll(page)
    page.screenshot(path=f"{SHOTS}-compare-320.png", full_page=True)


def test_compare_with_from_a_dossier(page, live_server, seeded_db):
    UserFactory(username="e2e-raadslid", role=RAADSLID)
    log_in(page, live_server, "e2e-raadslid")
    page.goto(f"{live_server.url}/cases/bel-gemeenten/")
    page.get_by_role("link", name="Vergelijk met…").click()
    page.get_by_label("Zoek een casus om toe te voegen").fill("Ten Boer")
    page.keyboard.press("Enter")
    page.get_by_role(
        "link", name="Ten Boer-Groningen: overheveling van ambtenaren naar Groningen toevoegen"
    ).click()
    page.wait_for_url(re.compile(r"case=bel-gemeenten&case=ten-boer-groningen"))
    assert page.locator(".compare-table thead th").count() == 2
