from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure shared by the apps above it: nothing here is about dossiers."""

    name = "core"
    label = "core"
    verbose_name = _("Basis")
    default_auto_field = "django.db.models.BigAutoField"
