"""Issue 20's "Done when" flows in a real Chromium: the selection PDF of a filtered list, a Dutch
date in a new exploration, and two advisors changing the same long summary."""

from pathlib import Path

import pytest

from core.roles import ADVISEUR
from explorations.default_template import default_template_ensure
from explorations.models import FrameworkTemplate, FrameworkTemplateItem
from tests.factories import (
    CaseFactory,
    MunicipalityFactory,
    ParticipationFactory,
    UserFactory,
)
from tests.helpers import log_in, urgent_cases_listed
from tests.pdf_support import download_when_ready, pdf_text, squash, work_in_background

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_selection_pdf_of_a_list_filtered_on_urgency(page, live_server):
    urgent_cases_listed(page, live_server, username="e2e-pdf", role=ADVISEUR)
    page.get_by_role("link", name="Download selectie als PDF").click()
    page.get_by_role("button", name="Maak de PDF").click()
    page.get_by_text("In de wachtrij").wait_for()
    work_in_background()
    download = download_when_ready(page, "Download seta-")

    text = squash(pdf_text(Path(download.path()).read_bytes()))
    assert squash("Urgent Oost") in text and squash("Urgent West") in text
    assert squash("Niet urgent") not in text


def test_a_dutch_date_in_a_new_exploration(page, live_server):
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)  # the flush removed the migration's
    MunicipalityFactory(name="Ede")
    MunicipalityFactory(name="Wageningen")
    UserFactory(username="e2e-datum", role=ADVISEUR)
    log_in(page, live_server, "e2e-datum")

    page.goto(f"{live_server.url}/explorations/new/")
    page.get_by_label("Titel").fill("Ede en Wageningen")
    page.get_by_label("Begin", exact=True).fill("1-2-2027")
    page.get_by_label("Verkennende gemeente 1", exact=True).fill("Ede")
    page.get_by_label("Verkennende gemeente 2", exact=True).fill("Wageningen")
    page.get_by_role("button", name="Verkenning aanmaken").click()

    page.get_by_text("De verkenning is aangemaakt.").wait_for()
    assert "1 februari 2027" in page.get_by_role("main").inner_text()


LONG = " ".join(f"Zin {n}: de gemeenten bespraken de begroting en de raad keek mee." for n in range(1, 40))


def test_two_advisors_change_the_same_long_summary_and_see_the_changed_words(page, browser, live_server):
    case = CaseFactory(title="Lange samenvatting", summary=LONG)
    ParticipationFactory.create_batch(2, case=case)
    for name in ("e2e-anna", "e2e-bram"):
        UserFactory(username=name, role=ADVISEUR)
    other = browser.new_context(locale="nl-NL").new_page()
    log_in(page, live_server, "e2e-anna")
    log_in(other, live_server, "e2e-bram")
    edit = f"{live_server.url}/cases/{case.slug}/edit/"
    page.goto(edit)
    other.goto(edit)

    summary = page.get_by_label("Samenvatting")
    summary.fill(summary.input_value().replace("Zin 7: de gemeenten", "Zin 7: de drie gemeenten"))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het dossier is opgeslagen.").wait_for()
    theirs = other.get_by_label("Samenvatting")
    theirs.fill(theirs.input_value().replace("Zin 30: de gemeenten", "Zin 30: alle gemeenten"))
    other.get_by_role("button", name="Opslaan").click()

    other.get_by_text("Iemand anders heeft dit dossier intussen gewijzigd").wait_for()
    changed = other.locator(".conflict").inner_text()
    assert "drie" in other.locator(".conflict ins").first.inner_text()
    assert "Zin 25" not in changed  # the unchanged middle of the long text is left out
    choice = other.locator(".merge__choice", has_text="Samenvatting")
    assert "drie" in choice.locator(".merge__side").first.locator("mark").all_inner_texts()[0]
    assert "alle" in " ".join(choice.locator(".merge__side").last.locator("mark").all_inner_texts())
    other.context.close()
