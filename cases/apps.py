from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Casussen")

    def ready(self):
        # The project's middleware connects signal receivers (login time of a session, database
        # errors); connect them at start-up, before the first request loads the middleware.
        import seta.middleware  # noqa: F401
        from cases.pdf.register import register

        register()
