"""Ship the toetsingskader of the 2022 Oldenzaal–Noaberkracht exploration as the default template."""

from django.db import migrations

from explorations.default_template import default_template_ensure


def create_default(apps, schema_editor):
    default_template_ensure(
        apps.get_model("assessments", "FrameworkTemplate"), apps.get_model("assessments", "FrameworkTemplateItem")
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_explorations")]

    operations = [migrations.RunPython(create_default, migrations.RunPython.noop)]
