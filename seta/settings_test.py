"""Settings of the test suite (pyproject.toml): the development settings.

DEBUG=true at import selects the development defaults the tests are written against (the
insecure key, local hosts, plain static files, no https redirect); pytest-django still runs
each test with DEBUG off. The production settings are tested in subprocesses
(tests/seta/test_production.py). Subprocesses started by tests inherit DEBUG=true.
"""

import os

os.environ["DEBUG"] = "true"

from seta.settings import *  # noqa: F403

# pytest-django runs the tests with DEBUG off, and WhiteNoise then indexes every file under
# STATIC_ROOT each time a test client builds its middleware: a tenth of `make test-fast`'s CPU once
# a collectstatic has filled var/staticfiles (`make benchmark-web` does). With autorefresh it looks
# a file up when it is asked for, as in development.
WHITENOISE_AUTOREFRESH = True
