"""Create the groups Adviseur (read and edit) and Raadslid (read and download PDFs)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


# The permissions as they were when this migration was written, frozen: a migration must not read
# the live registry in core.roles, which names permissions of apps migrated later.
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
ROLE_PERMISSIONS = {"Raadslid": READ, "Adviseur": READ + WRITE}


def roles_ensure(group_model, permission_model):
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_ensure(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cases", "0002_case_export_permission"),
        ("assessments", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
