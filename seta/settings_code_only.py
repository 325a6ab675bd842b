"""Settings of the commands that read only the code (manage.py makemigrations), without DEBUG.

They sign nothing and serve nobody, so they need none of the production secrets: a missing
SECRET_KEY is a throw-away random one, a missing ALLOWED_HOSTS is "localhost".
Everything else, DEBUG off included, is the real settings, so `makemigrations --check` compares
the models the service runs with. manage.py picks this module for those commands only.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("ALLOWED_HOSTS", "localhost")

from seta.settings import *  # noqa: F403
