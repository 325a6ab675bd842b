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
