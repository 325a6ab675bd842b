"""Two advisors change the same variant in a real browser: the core's conflict screen, read whole and
chosen by keyboard, one field theirs and one field yours."""

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
CLIPPED = """() => [...document.querySelectorAll('.conflict *:not(.visually-hidden)')].filter(el => {
    const style = getComputedStyle(el);
    const scrolls = /(auto|scroll|hidden)/.test(style.overflowY + style.overflowX);
    return scrolls && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map(el => el.className)"""


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
    conflict = page.locator(".conflict")
    heading = "Een collega heeft deze verkenning intussen ook gewijzigd"
    conflict.get_by_role("heading", name=heading).wait_for()
    assert conflict.locator("mark", has_text="halfjaarlijkse").count() == 1
    assert conflict.locator("mark", has_text="vier").count() == 1
    assert page.evaluate(CLIPPED) == []
    if os.environ.get("SETA_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['SETA_SCREENSHOTS']}/variant-conflict-{width}.png", full_page=True)

    radios = conflict.locator("input[type=radio]")
    radios.nth(1).focus()  # description: theirs (the second radio of the first field)
    page.keyboard.press("Space")
    radios.nth(2).focus()  # threats: yours
    page.keyboard.press("Space")
    assert radios.nth(1).is_checked() and radios.nth(2).is_checked()
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("De variant is opgeslagen.").wait_for()
    variant.refresh_from_db()
    assert variant.description == theirs["description"] and variant.threats == ["Mijn dreiging"]
