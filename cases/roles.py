"""What the roles may do with the dossiers: council members read and download, advisors also edit."""

from core.roles import role_permissions_register

_MODELS = ["case", "municipality", "participation", "event", "source"]


def roles_register() -> None:
    """Register the dossiers' permissions with the roles (core.roles); from CasesConfig.ready()."""
    role_permissions_register(
        read=[("cases", f"view_{model}") for model in _MODELS] + [("cases", "export_pdf")],
        write=[("cases", f"{action}_{model}") for model in _MODELS for action in ("add", "change")]
        + [("cases", "delete_participation"), ("cases", "delete_event")],
    )
