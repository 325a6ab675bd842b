from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The dossiers: municipalities, cases, participations, events, sources, seed loading and PDFs."""

    name = "cases"
    verbose_name = _("Casussen")

    def ready(self):
        from cases.pdf.register import register
        from cases.roles import roles_register
        from core.registry import MENU_ITEMS, MenuItem

        MENU_ITEMS.register(MenuItem(_("Casussen"), "case-list", "", "/cases/"))
        MENU_ITEMS.register(MenuItem(_("Gemeenten"), "municipality-list", "", "/municipalities/"))
        register()  # the dossier and report PDFs (core/pdf/registry.py)
        roles_register()  # what Adviseur and Raadslid may do with dossiers (core/roles.py)
