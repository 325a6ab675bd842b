from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """The five-point check with its evidence (analysis, compare, export); builds on cases and core."""

    name = "assessments"
    verbose_name = _("Vijfpuntschecks")

    def ready(self):
        from assessments.case_extensions import case_extensions_register
        from assessments.pdf import register
        from assessments.roles import roles_register

        case_extensions_register()
        register()  # the comparison PDF and the checks' data version (core/pdf/registry.py)
        roles_register()  # what Adviseur and Raadslid may do with checks (core/roles.py)
