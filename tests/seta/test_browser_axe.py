"""axe-core (WCAG 2.1 A and AA) over every page the app and its admin show, at 320 px and 1280 px.

The pages are every URL pattern the project declares (tests/url_walk.py walks the resolver, the
admin included), filled from the seed; what is not an HTML page (PDF, CSV, XLSX, JSON, POST-only)
is left out by its answer (a download, another content type, 405); the PDF start pages are pages
and are checked. The error and conflict states are reached as a user reaches them. At 320 px no
page may scroll sideways (WCAG 1.4.10), nor the admin's case page at 1280 px. axe-core comes from
the pinned `axe-playwright-python` package.
"""

from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group, Permission
from django.db.models import F
from playwright.sync_api import Error as PlaywrightError

from assessments.models import Assessment
from cases.models import Case, Municipality
from cases.pdf.register import REPORT
from core.pdf.requests import pdf_export_request
from core.roles import RAADSLID, roles_ensure
from explorations.default_template import default_template_ensure
from explorations.models import Exploration, FrameworkTemplate, FrameworkTemplateItem
from tests.factories import AssessmentFactory, UserFactory
from tests.helpers import log_in
from tests.url_walk import Declared, concrete_url, declared_patterns

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = (1280, 320)
CASE_NUMBER = 44  # the admin's widest case page (issue 20)
# The walk in parts, so the test processes share it (pytest-xdist); every pattern is in one part.
PARTS = 6
MUST_CHECK = {"case-detail", "exploration-matrix", "admin:cases_case_change", "admin:index"}
MUST_SKIP = {"case-export-csv", "case-export-xlsx"}


def axe_script() -> str:
    """axe-core as shipped by the pinned axe-playwright-python package."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def new_axe_context(browser):
    """A Dutch browser context whose every page has axe-core loaded (an init script passes the CSP)."""
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(script=axe_script())
    return context


def axe_violations(page) -> list[str]:
    result = page.evaluate(
        "options => axe.run(document, options)", {**WCAG_21_AA, "resultTypes": ["violations"]}
    )
    found = []
    for violation in result["violations"]:
        targets = ", ".join(str(node["target"][0]) for node in violation["nodes"][:4])
        found.append(f"{violation['id']} ({len(violation['nodes'])}): {targets}")
    return found


def sideways_scroll(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def check(page, label: str, problems: list, *, widths=WIDTHS, no_scroll_at=(320,)):
    """axe at each width on the loaded page (resized, not reloaded); collects what it finds."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"{label} @{width}px {found}" for found in axe_violations(page)]
        if width in no_scroll_at and (extra := sideways_scroll(page)) > 0:
            problems.append(f"{label} @{width}px scrolls sideways by {extra}px")


def fail_login(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("axe-beheerder")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    page.locator(".errorlist, .errornote, [role=alert]").first.wait_for()


@pytest.fixture
def seeded(seeded_db):
    """The seed in a committed clone, with what the admin pages show beyond it, and an admin."""
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)  # a flush may have removed the
    roles_ensure(Group, Permission)  # migrations' template and roles, whose admin pages are checked too
    FrameworkTemplate.objects.get(is_default=True).save()  # a history record for the admin to show
    return UserFactory(username="axe-beheerder", is_staff=True, is_superuser=True)


def app_parameters(staff) -> dict:
    case = Case.objects.get(number=CASE_NUMBER)
    exploration = Exploration.objects.order_by("pk").first()
    check_of_case = Assessment.objects.filter(case=case).order_by("-pk").first()
    check_of_exploration = AssessmentFactory(case=None, exploration=exploration)
    # A queued export (and so a procrastinate job for its admin pages), as the report button makes.
    export = pdf_export_request(user=staff, kind=REPORT, filename="seta-selectie.pdf")
    slug, token = {"slug": case.slug}, {"token": export.token}
    at = {"slug": exploration.slug}
    return {
        "case-detail": slug, "case-edit": slug, "case-history": slug, "case-pdf": slug,
        "assessment-create": slug, "assessment-edit": {**slug, "pk": check_of_case.pk},
        "municipality-detail": {"slug": Municipality.objects.get(name="Losser").slug},
        "pdf-export": token, "pdf-export-status": token, "pdf-export-download": token,
        "exploration-detail": at, "exploration-pdf": at, "exploration-edit": at, "exploration-framework": at,
        "exploration-matrix": at, "exploration-check-create": at, "variant-create": at,
        "variant-edit": {**at, "pk": exploration.variants.order_by("pk").first().pk},
        "variant-delete": {**at, "pk": exploration.variants.order_by("pk").first().pk},
        "exploration-check-edit": {**at, "pk": check_of_exploration.pk},
        "exploration-similar-decide": {**at, "case_slug": case.slug},
        "password_reset_confirm": {"uidb64": "MQ", "token": "niet-geldig"},
        "cases.case": case,  # the admin's case pages: the widest case
    }  # fmt: skip


def part_of(index: int) -> int:
    return index % PARTS


def opened_as_page(page, url: str) -> bool:
    """Whether `url` answers an HTML page, then loaded in `page`; not a PDF, CSV, XLSX, JSON or
    POST-only URL, told by the answer itself (each page is asked for once)."""
    try:
        response = page.goto(url)
    except PlaywrightError as error:  # a download, or an error status with no body (405): no page
        if "Download is starting" in str(error):
            return False
        if "net::ERR_HTTP_RESPONSE_CODE_FAILURE" not in str(error):
            raise
        page.wait_for_url("chrome-error://chromewebdata/")  # Chromium's own error page comes next
        return False
    return response.status != 405 and "text/html" in response.headers.get("content-type", "")


def walk(page, live_server, patterns: list[Declared], parameters: dict) -> tuple[list, set, set]:
    """axe over each pattern's page at both widths: (problems, checked names, skipped names)."""
    problems, checked, skipped = [], set(), set()
    for declared in patterns:
        try:
            url = live_server.url + concrete_url(declared, parameters)
        except LookupError as error:
            problems.append(str(error))
            continue
        if not opened_as_page(page, url):
            skipped.add(declared.name)
            continue
        wide = ("admin:cases_case_change",)
        check(page, declared.name, problems, no_scroll_at=(320, 1280) if declared.name in wide else (320,))
        checked.add(declared.name)
    return problems, checked, skipped


@pytest.mark.long
@pytest.mark.parametrize("part", range(PARTS))
def test_every_declared_page_passes_axe_at_320_and_1280_px(browser, live_server, seeded, part):
    parameters = app_parameters(seeded)
    context = new_axe_context(browser)
    page = context.new_page()
    log_in(page, live_server, "axe-beheerder")
    failure = {"username": "onbekend", "ip_address": "192.0.2.1", "user_agent": "axe", "http_accept": "*/*"}
    AccessAttempt.objects.create(**failure, path_info="/accounts/login/", failures_since_start=1)
    AccessFailureLog.objects.create(**failure, path_info="/accounts/login/")
    patterns = [declared for index, declared in enumerate(declared_patterns()) if part_of(index) == part]
    problems, checked, skipped = walk(page, live_server, patterns, parameters)
    context.close()
    names = {declared.name for declared in patterns}
    assert MUST_CHECK & names <= checked
    assert MUST_SKIP & names <= skipped
    assert not problems, "\n".join(problems)


def test_the_parts_hold_every_declared_pattern_and_the_pages_that_must_be_checked():
    names = [declared.name for declared in declared_patterns()]
    parts = [{name for index, name in enumerate(names) if part_of(index) == part} for part in range(PARTS)]
    assert set().union(*parts) == set(names) and sum(map(len, parts)) == len(names)
    assert set(names) >= MUST_CHECK | MUST_SKIP


def test_error_and_conflict_states_pass_axe(browser, live_server, seeded):
    problems = []
    context = new_axe_context(browser)
    page = context.new_page()

    fail_login(page, live_server)
    check(page, "login error", problems)

    log_in(page, live_server, "axe-beheerder")
    page.goto(f"{live_server.url}/cases/bestaat-niet/")
    check(page, "404", problems)

    case = Case.objects.get(number=CASE_NUMBER)
    page.goto(f"{live_server.url}{case.get_absolute_url()}edit/")
    names = page.locator("input[name^='participants-'][name$='-municipality']")
    names.nth(1).fill(names.nth(0).input_value())
    page.get_by_role("button", name="Opslaan").first.click()
    page.locator(".errorlist").first.wait_for()
    check(page, "editor rows error", problems)

    page.goto(f"{live_server.url}{case.get_absolute_url()}edit/")
    long = "Een lange samenvatting die een scherm vult. " * 60  # once shown in a clipped, scrolling box
    Case.objects.filter(pk=case.pk).update(summary=f"Een collega: {long}", version=F("version") + 1)
    page.locator("textarea[name='summary']").fill(f"Ik: {long}")
    page.get_by_role("button", name="Opslaan").first.click()
    page.locator("input[type=radio]").first.wait_for()
    check(page, "case conflict", problems)

    exploration = Exploration.objects.order_by("pk").first()
    page.goto(f"{live_server.url}{exploration.get_absolute_url()}edit/")
    Exploration.objects.filter(pk=exploration.pk).update(
        urgency=f"Een collega: {long}", version=F("version") + 1
    )
    page.locator("textarea[name='urgency']").fill(f"Ik: {long}")
    page.get_by_role("button", name="Opslaan").first.click()
    page.locator("input[type=radio]").first.wait_for()
    check(page, "exploration conflict", problems)
    context.close()

    reader = new_axe_context(browser)
    page = reader.new_page()
    UserFactory(username="axe-raadslid", role=RAADSLID)
    log_in(page, live_server, "axe-raadslid")
    page.goto(f"{live_server.url}{case.get_absolute_url()}edit/")
    check(page, "403", problems)
    reader.close()

    assert not problems, "\n".join(problems)
