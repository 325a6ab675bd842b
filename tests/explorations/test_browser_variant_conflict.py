"""Two advisors change the same variant in a real browser: the core's conflict screen, read whole and
chosen by keyboard, one field theirs and one field yours; at 320 px no label breaks inside a word."""

import os

import pytest

from core.roles import ADVISEUR
from explorations.services.exploration import VARIANT_FIELDS, variant_save
from tests.factories import ExplorationFactory, UserFactory, VariantFactory
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = (
    "De drie gemeenten brengen hun ambtelijke organisaties onder in één werkorganisatie, die alle "
    "taken uitvoert voor de besturen; de raden blijven zelfstandig en sturen via een gezamenlijke "
    "commissie op hoofdlijnen, met een jaarlijkse evaluatie van kosten, kwaliteit en kwetsbaarheid."
)
CLIPPED = """() => [...document.querySelectorAll('#merge *:not(.visually-hidden)')].filter(el => {
    const style = getComputedStyle(el);
    const scrolls = /(auto|scroll|hidden)/.test(style.overflowY + style.overflowX);
    return scrolls && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map(el => el.className)"""
# Words of the legends and labels that the browser split over two lines (each word's own rectangles).
BROKEN_WORDS = """() => [...document.querySelectorAll('#merge legend, #merge label')].flatMap(el => {
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return [];
    const broken = [];
    for (const match of text.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
    }
    return broken;
})"""


@pytest.mark.parametrize("width", [1280, 320])
def test_a_variant_conflict_is_read_whole_and_chosen_by_keyboard(page, live_server, width):
    variant = VariantFactory(exploration=ExplorationFactory(), description=LONG, threats=["Oud"])
    colleague = UserFactory(username="e2e-collega", role=ADVISEUR)
    UserFactory(username="e2e-variant", role=ADVISEUR)
    log_in(page, live_server, "e2e-variant")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/explorations/{variant.exploration.slug}/variants/{variant.pk}/edit/")
    theirs = {name: getattr(variant, name) for name in VARIANT_FIELDS}
    theirs |= {"description": LONG.replace("jaarlijkse", "halfjaarlijkse"), "threats": ["Hun dreiging"]}
    variant_save(  # the colleague saves first
        exploration_id=variant.exploration_id,
        user=colleague,
        expected_version=1,
        variant_id=variant.pk,
        data=theirs,
    )
    page.get_by_label("Beschrijving").fill(LONG.replace("drie gemeenten", "vier gemeenten"))
    page.get_by_label("Bedreigingen").fill("Mijn dreiging")
    page.get_by_role("button", name="Opslaan").first.click()
    conflict = page.locator("#merge")
    heading = "Een collega heeft deze verkenning intussen ook gewijzigd"
    conflict.get_by_role("heading", name=heading).wait_for()
    assert conflict.locator("mark", has_text="halfjaarlijkse").count() == 1
    assert conflict.locator("mark", has_text="vier").count() == 1
    assert page.evaluate(CLIPPED) == []
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if os.environ.get("SETA_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['SETA_SCREENSHOTS']}/variant-conflict-{width}.png", full_page=True)

    theirs_description = conflict.get_by_role("group", name="Beschrijving").get_by_label(
        "Versie van de ander"
    )
    yours_threats = conflict.get_by_role("group", name="Bedreigingen").get_by_label("Uw versie")
    for radio in (theirs_description, yours_threats):
        radio.focus()
        page.keyboard.press("Space")
    assert theirs_description.is_checked() and yours_threats.is_checked()
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("De variant is opgeslagen.").wait_for()
    variant.refresh_from_db()
    assert variant.description == theirs["description"] and variant.threats == ["Mijn dreiging"]
