"""Give Adviseur (read, create, edit) and Raadslid (read, download) their exploration permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from assessments.explorations.roles import exploration_roles_ensure


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
