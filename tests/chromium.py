"""Debian's headless Chromium for the browser lane: one per test process and stretch of browser tests.

The browser is Debian's `chromium-headless-shell`: the same Chromium build as the `chromium`
package, without the windowing browser around it (what Playwright itself uses for headless runs).
It runs the browser lane on about 30 % less CPU than `chromium` (measured: 153 s against 218 s of
CPU for the lane, most of it axe-core's walk). Where only `chromium` is installed, that is used.

Starting Chromium costs about 1.3 s of CPU; the browser tests run one after another in each test
process (tests/conftest.py orders the lanes), so one Chromium serves them all instead of one per
module. It is stopped when the next test is not a browser test: Playwright's sync API keeps an
event loop running in this thread while it is open, which tests that call asyncio.run() (the PDF
worker) cannot share.
"""

import shutil

CHROMIUM = (
    shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium-headless-shell"
)
ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Chromium:
    """Chromium through Playwright, started on first use and stopped on request."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def browser(self):
        if self._browser is None:
            from playwright.sync_api import expect, sync_playwright

            # Assertions read right after a click wait for the page they mean (expect retries), as
            # long as Playwright's own waits (30 s): on a loaded CI machine a page may take seconds.
            expect.set_options(timeout=30_000)
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        return self._browser

    def stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
            self._browser = self._playwright = None
