"""Who may do what with explorations: advisors create and edit, council members read and download."""

from core.roles import ADVISEUR, RAADSLID
from explorations.parts import PART_MODELS

_MODELS = ["exploration"] + [model._meta.model_name for model in PART_MODELS]

READ = [("explorations", f"view_{model}") for model in _MODELS] + [
    ("explorations", "export_exploration_pdf"),
    ("explorations", "view_frameworktemplate"),
]
WRITE = [("explorations", f"{action}_{model}") for model in _MODELS for action in ("add", "change", "delete")]

EXPLORATION_ROLE_PERMISSIONS = {RAADSLID: READ, ADVISEUR: READ + WRITE}


def exploration_roles_ensure(group_model, permission_model) -> None:
    """Give the groups their exploration permissions (after test flushes; first granted by a migration)."""
    for name, permissions in EXPLORATION_ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
