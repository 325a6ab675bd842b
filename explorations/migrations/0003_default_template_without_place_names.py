"""The default toetsingskader loses what named the places of the 2022 exploration ("positie Losser").

Only items of the default template that still hold the old text change; an item an admin edited
stays as it is. Written against the table names (the tables kept their assessments_ names when
the exploration models moved to this app).
"""

from django.db import migrations

from explorations.default_template import PLACE_SPECIFIC


def texts_update(apps, schema_editor, *, forward=True):
    with schema_editor.connection.cursor() as cursor:
        for kind, field, old, new in PLACE_SPECIFIC:
            before, after = (old, new) if forward else (new, old)
            # `field` is "name" or "explanation", from the constant above, never from input.
            sql = (
                f"UPDATE assessments_frameworktemplateitem SET {field} = %s WHERE kind = %s AND {field} = %s "
                "AND template_id IN (SELECT id FROM assessments_frameworktemplate WHERE is_default)"
            )
            cursor.execute(sql, [after, kind, before])


def texts_restore(apps, schema_editor):
    texts_update(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("explorations", "0002_text_limits")]

    operations = [migrations.RunPython(texts_update, texts_restore)]
