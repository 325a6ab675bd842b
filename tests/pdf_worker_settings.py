"""Settings of the worker processes the worker tests start: the app's, plus a slow test document."""

from seta.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.slow_pdf"]  # noqa: F405
