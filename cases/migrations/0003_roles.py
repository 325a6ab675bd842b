"""Create the groups Adviseur (read and edit) and Raadslid (read and download PDFs)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import ROLE_PERMISSIONS, roles_ensure


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
