# The PDF export model moved to core (core.PdfExport, same table "cases_pdfexport"): its link to
# the case becomes a plain column (subject_id, db_column "case_id") and its kind takes any
# registered document; then cases forgets the model without touching the table.

import django.db.models.deletion
from django.db import migrations, models

from core.migration_operations import SeparateStateRenderedOnce


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_pdf_export_and_text_length_limits"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pdfexport",
            name="case",
            field=models.ForeignKey(
                blank=True,
                null=True,
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                to="cases.case",
                verbose_name="casus",
            ),
        ),
        migrations.AlterField(
            model_name="pdfexport",
            name="kind",
            field=models.CharField(max_length=20, verbose_name="soort"),
        ),
        SeparateStateRenderedOnce(
            state_operations=[migrations.DeleteModel(name="PdfExport")],
            database_operations=[],
        ),
    ]
