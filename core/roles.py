"""The application's roles: which group may do what. Created by migration cases.0002."""

ADVISEUR = "Adviseur"
RAADSLID = "Raadslid"

_MODELS = [
    ("cases", "case"),
    ("cases", "municipality"),
    ("cases", "participation"),
    ("cases", "event"),
    ("cases", "source"),
    ("assessments", "assessment"),
]

READ = [(app, f"view_{model}") for app, model in _MODELS] + [("cases", "export_pdf")]
WRITE = [(app, f"{action}_{model}") for app, model in _MODELS for action in ("add", "change")] + [
    ("cases", "delete_participation"),
    ("cases", "delete_event"),
]

ROLE_PERMISSIONS = {
    RAADSLID: READ,
    ADVISEUR: READ + WRITE,
}


def roles_ensure(group_model, permission_model) -> None:
    """Create the groups with their permissions (used by migration 0003 and after test flushes)."""
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
