"""Give Adviseur (read, create, edit) and Raadslid (read, download) their exploration permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


# The permissions as they were when this migration was written: the exploration models were part of
# the assessments app then (they moved to the explorations app, content types included, later).
_MODELS = [
    "exploration", "explorationmunicipality", "assignment", "experience", "similarcasedecision",
    "precondition", "frameworkcriterion", "workpoint", "variant", "variantscore",
]
READ = [f"view_{model}" for model in _MODELS] + ["export_exploration_pdf", "view_frameworktemplate"]
WRITE = [f"{action}_{model}" for model in _MODELS for action in ("add", "change", "delete")]
ROLE_PERMISSIONS = {"Raadslid": READ, "Adviseur": READ + WRITE}


def exploration_roles_ensure(group_model, permission_model):
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for codename in codenames:
            group.permissions.add(
                permission_model.objects.get(content_type__app_label="assessments", codename=codename)
            )


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    exploration_roles_ensure(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_default_framework_template"),
        ("cases", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
