"""Who may do what with explorations: advisors create and edit, council members read and download."""

from core.roles import role_permissions_register
from explorations.parts import PART_MODELS

_MODELS = ["exploration"] + [model._meta.model_name for model in PART_MODELS]
_ACTIONS = ("add", "change", "delete")


def roles_register() -> None:
    """Register the explorations' permissions with the roles (core.roles); from ExplorationsConfig.ready()."""
    role_permissions_register(
        read=[("explorations", f"view_{model}") for model in _MODELS]
        + [("explorations", "export_exploration_pdf"), ("explorations", "view_frameworktemplate")],
        write=[("explorations", f"{action}_{model}") for model in _MODELS for action in _ACTIONS],
    )
