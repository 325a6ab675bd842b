from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Vijfpuntschecks")

    def ready(self):
        # The check's and the explorations' PDFs, registered with the core (core/pdf/registry.py).
        from assessments.explorations.pdf import register as register_exploration_pdf
        from assessments.pdf import register

        register()
        register_exploration_pdf()
