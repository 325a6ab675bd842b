from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The infrastructure app (label `core`); the other apps build on it, never the other way round."""

    name = "core"
    verbose_name = "Core"
