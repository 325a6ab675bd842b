from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExplorationsConfig(AppConfig):
    """Explorations (verkenningen) of new cooperations; builds on assessments, cases and core."""

    name = "explorations"
    verbose_name = _("Verkenningen")

    def ready(self):
        from explorations.case_extensions import case_extensions_register
        from explorations.pdf import register
        from explorations.roles import roles_register

        case_extensions_register()
        register()  # the exploration PDF (core/pdf/registry.py)
        roles_register()  # what Adviseur and Raadslid may do with explorations (core/roles.py)
