from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure shared by every app: dates, texts, merging, history, roles, registries."""

    name = "core"
    verbose_name = _("Kern")

    def ready(self):
        # The middleware connects signal receivers (login time of a session, database errors);
        # connect them at start-up, before the first request loads the middleware.
        import core.middleware  # noqa: F401
