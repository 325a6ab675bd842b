"""End to end in a real headless Chromium (Debian's package), driven by Playwright."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import ADVISEUR, RAADSLID
from tests.factories import UserFactory
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_advisor_filters_opens_edits_a_check_answer_and_sees_it_in_the_history(page, live_server, seeded_db):
    UserFactory(username="e2e-adviseur", role=ADVISEUR)
    log_in(page, live_server, "e2e-adviseur")
    expect(page).to_have_title("Casussen — SETA dossiers")

    page.get_by_label("Vorm van samenwerking").select_option("gastheer")
    page.get_by_role("button", name="Toepassen").click()
    page.get_by_text("8 casussen gevonden").wait_for()
    assert "arrangement_type=gastheer" in page.url

    page.get_by_role("link", name="Ten Boer").first.click()
    expect(page).to_have_title(re.compile("Ten Boer"))
    page.get_by_role("link", name="Huidige check corrigeren").click()
    answer = page.get_by_label("Vertrouwen: antwoord")
    answer.fill("Ja, bij cruciale actoren (gecorrigeerd).")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_text("De vijfpuntscheck is opgeslagen.").wait_for()
    recent = page.locator("section", has=page.get_by_role("heading", name="Laatste wijzigingen"))
    assert "e2e-adviseur" in recent.inner_text()
    recent.get_by_role("link", name="Alle wijzigingen met wat er veranderde").click()
    page.wait_for_url(re.compile(r"/history/"))
    history = page.get_by_role("main")
    assert "Ja, bij cruciale actoren (gecorrigeerd)." in history.locator("ins").first.inner_text()
    assert "e2e-adviseur" in history.inner_text()


def test_search_barendrecht_with_the_keyboard(page, live_server, seeded_db):
    UserFactory(username="e2e-raadslid", role=RAADSLID)
    log_in(page, live_server, "e2e-raadslid")
    page.get_by_role("textbox", name="Zoeken", exact=True).fill("Barendrecht")
    page.keyboard.press("Enter")
    page.get_by_text("1 casus gevonden").wait_for()
    page.get_by_role("link", name="BAR-gemeenten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^BAR-gemeenten"))
    assert page.get_by_role("link", name="Dossier bewerken").count() == 0


def test_advisor_creates_a_case_with_three_municipalities_by_adding_rows(page, live_server, transactional_db):
    from cases.models import Case, Municipality

    UserFactory(username="e2e-maker", role=ADVISEUR)
    for name in ("Houten", "Wijk bij Duurstede"):
        Municipality.objects.create(name=name, slug=name.lower().replace(" ", "-"), province="utrecht")
    log_in(page, live_server, "e2e-maker")
    page.goto(f"{live_server.url}/cases/new/")

    page.get_by_label("Titel").fill("Kromme Rijn Gemeenten")
    assert page.get_by_label("Webadres").input_value() == "kromme-rijn-gemeenten"  # proposed while typing
    page.get_by_label("Vorm van samenwerking").select_option("werkorganisatie")
    page.get_by_label("Uitkomst").select_option("realised")
    page.get_by_label("Gemeente, rij 1", exact=True).fill("Houten")
    page.get_by_label("Rol, rij 1", exact=True).select_option("partner")
    page.get_by_label("Gemeente, rij 2", exact=True).fill("Wijk bij Duurstede")
    page.get_by_label("Rol, rij 2", exact=True).select_option("partner")
    for _ in range(3):
        page.get_by_role("button", name="Gemeente toevoegen").click()
    row = page.get_by_label("Gemeente, rij 7", exact=True)
    assert row.evaluate("element => element === document.activeElement")  # the new row has the focus

    # A municipality that does not exist yet: added in the dialog without leaving the editor.
    page.get_by_role("link", name="Nieuwe gemeente toevoegen").click()
    dialog = page.get_by_role("dialog", name="Nieuwe gemeente")
    dialog.get_by_label("Naam").fill("Bunnik")
    dialog.get_by_label("Provincie").select_option("utrecht")
    dialog.get_by_role("button", name="Gemeente toevoegen").click()
    page.get_by_text("Gemeente Bunnik is toegevoegd").wait_for()
    assert page.get_by_label("Gemeente, rij 3", exact=True).input_value() == "Bunnik"
    page.get_by_label("Gemeente, rij 3", exact=True).fill("")
    row.fill("Bunnik")
    page.get_by_label("Rol, rij 7", exact=True).select_option("partner")
    assert page.get_by_label("Titel").input_value() == "Kromme Rijn Gemeenten"  # nothing typed was lost

    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het dossier is opgeslagen.").wait_for()
    case = Case.objects.get(slug="kromme-rijn-gemeenten")
    names = set(case.participations.values_list("municipality__name", flat=True))
    assert names == {"Houten", "Wijk bij Duurstede", "Bunnik"}


def test_after_an_invalid_submit_the_focus_is_on_the_error_summary(page, live_server, transactional_db):
    UserFactory(username="e2e-hasty", role=ADVISEUR)
    log_in(page, live_server, "e2e-hasty")
    page.goto(f"{live_server.url}/cases/new/")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "error-summary"


def test_a_typo_leads_to_the_bar_dossier_through_did_you_mean(page, live_server, seeded_db):
    UserFactory(username="e2e-raadslid", role=RAADSLID)
    log_in(page, live_server, "e2e-raadslid")
    page.get_by_role("textbox", name="Zoeken", exact=True).fill("Barendrect")
    page.keyboard.press("Enter")
    page.get_by_text("0 casussen gevonden").wait_for()
    page.get_by_role("link", name="Barendrecht").click()
    page.get_by_text("1 casus gevonden").wait_for()
    assert page.locator(".snippet mark").first.inner_text().lower().startswith("barendrecht")
    page.get_by_role("link", name="BAR-gemeenten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^BAR-gemeenten"))


REFLOW_PAGES = [
    "/cases/",
    "/cases/?q=samenwerking",
    "/cases/bar-gemeenten/",
    "/cases/bar-gemeenten/history/",
    "/cases/bar-gemeenten/edit/",
    "/municipalities/",
    "/municipalities/barendrecht/",
    "/cases/bestaat-niet/",
    "/analysis/?arrangement_type=gastheer",
    "/cases/compare/?case=bel-gemeenten&case=ten-boer-groningen&case=bar-gemeenten",
    "/explorations/",
    "/explorations/oldenzaal-noaberkracht-2022/",
]
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", [320, 1280])
def test_no_page_scrolls_sideways(browser, live_server, seeded_db, width):
    UserFactory(username="e2e-adviseur", role=ADVISEUR)
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_server, "e2e-adviseur")
        for path in REFLOW_PAGES:
            page.goto(f"{live_server.url}{path}")
            assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways at {width} px"
        if width >= 1280:
            page.goto(f"{live_server.url}/cases/")
            scroller = page.locator(".table-scroll").first
            assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth"), "the list table scrolls"
            last_light = page.locator(".lights").first.locator("li").last.bounding_box()
            assert last_light["x"] + last_light["width"] <= width
    finally:
        context.close()
