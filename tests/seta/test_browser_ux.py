"""In a real browser: after a save the message is in view and has the focus; the way back from a
dossier to the filtered results; filter chips that remove themselves alone."""

import os

import pytest
from django.urls import reverse

from core.roles import ADVISEUR
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    ExplorationFactory,
    FrameworkCriterionFactory,
    MunicipalityFactory,
    ParticipationFactory,
    UserFactory,
    VariantFactory,
)
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SETA_SCREENSHOTS", "")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=False)


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
        return {tag: el.tagName, id: el.id, text: el.innerText || "",
                inView: box.top >= 0 && box.bottom <= window.innerHeight}; }"""
    )


def a_case(title="Samen sterk", **fields):
    case = CaseFactory(title=title, **fields)
    for name in ("Ede", "Wageningen"):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=f"{name} {title}"))
    return case


def test_after_saving_a_check_the_message_is_in_view_and_has_the_focus(page, live_server):
    case = a_case(summary="Lang verhaal. " * 300)
    AssessmentFactory(case=case)
    UserFactory(username="e2e-focus", role=ADVISEUR)
    log_in(page, live_server, "e2e-focus")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    page.get_by_role("link", name="Nieuwe check vastleggen").click()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De vijfpuntscheck is opgeslagen.").wait_for()
    assert "#" not in page.url
    page.wait_for_function("document.activeElement.id === 'messages'")
    now = focused(page)
    shot(page, "focus-after-check")
    assert now["tag"] != "BODY" and "De vijfpuntscheck is opgeslagen." in now["text"] and now["inView"]


def test_after_saving_the_matrix_the_message_has_the_focus(page, live_server):
    exploration = ExplorationFactory(title="Ede en Wageningen")
    criterion = FrameworkCriterionFactory(exploration=exploration, name="Kwaliteit")
    VariantFactory(exploration=exploration, name="Ambtelijke fusie")
    UserFactory(username="e2e-matrix", role=ADVISEUR)
    log_in(page, live_server, "e2e-matrix")
    page.goto(f"{live_server.url}/explorations/{exploration.slug}/matrix/")
    page.get_by_label(f"Score: Ambtelijke fusie × {criterion.name}").select_option("+")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De vergelijking is opgeslagen.").wait_for()
    assert "#matrix" not in page.url
    page.wait_for_function("document.activeElement.id === 'messages'")
    assert focused(page)["inView"]


def test_from_filtered_results_to_a_dossier_and_back_and_chips(page, live_server):
    a_case("Samen sterk", outcome="realised", year=2012)
    a_case("Samen zwak", outcome="realised", year=2008)
    a_case("Apart", outcome="ended", year=2013)
    UserFactory(username="e2e-terug", role=ADVISEUR)
    log_in(page, live_server, "e2e-terug")
    page.get_by_label("Uitkomst").select_option("realised")
    page.get_by_label("Jaar vanaf").fill("2010")
    page.get_by_role("button", name="Toepassen").click()
    page.get_by_text("1 casus gevonden").wait_for()
    results = page.url
    page.get_by_role("link", name="Samen sterk").click()
    page.get_by_role("heading", level=1, name="Samen sterk").wait_for()
    shot(page, "dossier-way-back")
    page.get_by_role("link", name="Terug naar de resultaten").click()
    page.get_by_text("1 casus gevonden").wait_for()
    assert page.url == results

    chips = page.locator(".chips a.chip")
    assert chips.count() == 2
    shot(page, "chips")
    page.get_by_role("link", name="Jaar vanaf: 2010 — filter weghalen").click()
    page.get_by_text("2 casussen gevonden").wait_for()
    assert "outcome=realised" in page.url and "year_from" not in page.url
    assert page.locator(".chips a.chip").count() == 1


def test_a_reversed_year_range_says_so_where_the_results_would_be(page, live_server):
    a_case("Samen sterk", year=2012)
    UserFactory(username="e2e-jaren", role=ADVISEUR)
    log_in(page, live_server, "e2e-jaren")
    page.get_by_label("Jaar vanaf").fill("2016")
    page.get_by_label("Jaar tot en met").fill("2010")
    page.get_by_role("button", name="Toepassen").click()
    summary = page.locator(".results .errorsummary")
    summary.wait_for()
    shot(page, "filter-error")
    assert "ligt vóór" in summary.inner_text()
    assert page.get_by_text("Probeer minder filters").count() == 0
    summary.get_by_role("link", name="Jaar tot en met").click()
    assert page.evaluate("document.activeElement.id") == "id_year_to"


LONG = (
    "De gemeenten werken sinds 2014 samen in één werkorganisatie. De werkorganisatie voert alle "
    "taken uit voor de drie besturen, die elk zelfstandig blijven. De raden sturen op hoofdlijnen "
    "via een gezamenlijke commissie en een jaarlijkse evaluatie. "
) * 6


def test_two_advisors_change_the_same_long_summary_and_the_conflict_reads(page, live_server):
    from cases.models import CASE_EDITABLE_FIELDS
    from cases.services import EVENT_FIELDS, PARTICIPATION_FIELDS, case_update

    case = a_case(summary=LONG)
    colleague = UserFactory(username="e2e-collega", role=ADVISEUR)
    UserFactory(username="e2e-conflict", role=ADVISEUR)
    log_in(page, live_server, "e2e-conflict")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/cases/{case.slug}/edit/")
    rows = lambda objects, fields: [{"id": o.pk, **{f: getattr(o, f) for f in fields}} for o in objects]  # noqa: E731
    theirs = LONG.replace("jaarlijkse", "halfjaarlijkse", 1)
    case_update(  # the colleague saves first
        case_id=case.pk,
        user=colleague,
        expected_version=case.version,
        data={n: getattr(case, n) for n in CASE_EDITABLE_FIELDS} | {"summary": theirs},
        participants=rows(case.participations.all(), PARTICIPATION_FIELDS),
        events=rows(case.events.all(), EVENT_FIELDS),
    )
    page.get_by_label("Samenvatting").fill(LONG.replace("drie besturen", "drie colleges", 1))
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_role("heading", name="Kies welke versie blijft").wait_for()
    merge = page.locator("#merge")
    assert merge.locator("mark", has_text="halfjaarlijkse").count() == 1
    assert merge.locator("mark", has_text="colleges").count() == 1
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('#merge *')].filter(el => {
             const style = getComputedStyle(el);
             const scrolls = /(auto|scroll)/.test(style.overflowY + style.overflowX);
             return scrolls && el.scrollHeight > el.clientHeight + 1;
           }).length"""
    )
    assert clipped == 0
    shot(page, "conflict")
    mine = merge.get_by_label("Uw versie")
    mine.focus()
    page.keyboard.press("Space")
    assert mine.is_checked()
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("Het dossier is opgeslagen.").wait_for()
    case.refresh_from_db()
    assert "drie colleges" in case.summary


def test_the_footer_sits_at_the_bottom_of_a_short_page(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_role("button", name="Inloggen").wait_for()
    bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom")
    shot(page, "login-footer")
    assert abs(bottom - 900) <= 1
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_after_a_refused_exploration_save_the_summary_has_the_focus(page, live_server):
    """As in the dossier's editors: the summary of what to correct is in view and has the focus."""
    UserFactory(username="e2e-refused", role=ADVISEUR)
    log_in(page, live_server, "e2e-refused")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}{reverse('exploration-create')}")
    page.get_by_label("Begin").fill("31-2-2027")
    page.get_by_role("button", name="Verkenning aanmaken").click()
    page.locator(".errorsummary").wait_for()
    page.wait_for_load_state()  # the deferred static/js/messages.js has run
    now = focused(page)
    assert "De verkenning is niet aangemaakt" in now["text"] and now["inView"], now
