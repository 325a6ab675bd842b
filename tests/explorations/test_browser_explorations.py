"""An advisor starts an exploration from the template in a real browser, scores, pins, downloads."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import ADVISEUR
from explorations.default_template import default_template_ensure
from explorations.models import FrameworkTemplate, FrameworkTemplateItem
from tests.factories import CaseFactory, MunicipalityFactory, ParticipationFactory, UserFactory
from tests.helpers import log_in
from tests.pdf_support import download_when_ready, work_in_background

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_advisor_creates_an_exploration_from_the_template_scores_and_pins(page, live_server):
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)  # the flush removed the migration's
    ede = MunicipalityFactory(name="Ede")
    MunicipalityFactory(name="Wageningen")
    ParticipationFactory(
        case=CaseFactory(title="Ede en Barneveld", lessons="Neem de tijd."), municipality=ede
    )
    UserFactory(username="e2e-verkenner", role=ADVISEUR)
    log_in(page, live_server, "e2e-verkenner")

    page.get_by_role("link", name="Verkenningen").click()
    page.get_by_role("link", name="Nieuwe verkenning").click()
    expect(page).to_have_title(re.compile("^Nieuwe verkenning"))
    page.get_by_label("Titel").fill("Ede en Wageningen")
    page.get_by_label("Verkennende gemeente 1", exact=True).fill("Ede")  # typed, suggested from the datalist
    page.get_by_label("Verkennende gemeente 2", exact=True).fill("wageningen")
    page.get_by_role("button", name="Verkenning aanmaken").click()
    page.get_by_text("De verkenning is aangemaakt.").wait_for()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ede en Wageningen")
    assert page.get_by_text("mogelijke versterking strategisch vermogen organisaties").count() >= 1
    expect(page.get_by_role("heading", name="Vorm 4 Ambtelijke fusie")).to_be_visible()

    page.get_by_role("link", name="Scores bewerken").click()
    page.get_by_label(
        "Score: Vorm 3 Gezamenlijke taakuitvoering × mogelijke efficiencyvoordelen en -nadelen"
    ).select_option("+")
    page.get_by_label(
        "Motivering: Vorm 3 Gezamenlijke taakuitvoering × mogelijke efficiencyvoordelen en -nadelen"
    ).fill("Inkoop samen.")
    page.get_by_label(
        "Score: Vorm 4 Ambtelijke fusie × mogelijke efficiencyvoordelen en -nadelen"
    ).select_option("++")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De vergelijking is opgeslagen.").wait_for()
    matrix = page.locator("table.matrix")
    assert "Inkoop samen." in matrix.inner_text() and "++" in matrix.inner_text()
    assert "Gewogen totaal" not in matrix.inner_text()

    page.get_by_role("button", name="Vastzetten").click()
    page.get_by_text("Uw keuze over “Ede en Barneveld” is opgeslagen.").wait_for()
    expect(page.get_by_text("Vastgezet", exact=True)).to_be_visible()
    page.get_by_role("link", name="Download raads-PDF").click()
    page.get_by_role("button", name="Maak de PDF").click()
    page.get_by_text("In de wachtrij").wait_for()
    work_in_background()
    download = download_when_ready(page, "Download seta-verkenning-")
    assert download.suggested_filename.startswith("seta-verkenning-ede-en-wageningen-")
