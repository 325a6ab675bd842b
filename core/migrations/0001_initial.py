# core.PdfExport takes over the table of cases.PdfExport (created by cases 0011, altered by
# cases 0012): only Django's state changes here, no data moves.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.pdf.models
from core.migration_operations import SeparateStateRenderedOnce


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        SeparateStateRenderedOnce(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PdfExport",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("token", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("kind", models.CharField(max_length=20, verbose_name="soort")),
                        ("subject_id", models.BigIntegerField(blank=True, db_column="case_id", null=True)),
                        ("query", models.CharField(blank=True, max_length=2000, verbose_name="filters")),
                        ("cache_key", models.CharField(db_index=True, editable=False, max_length=64)),
                        ("status", models.CharField(choices=[("queued", "in de wachtrij"), ("rendering", "wordt opgemaakt"), ("ready", "klaar"), ("failed", "mislukt")], default="queued", max_length=10, verbose_name="status")),
                        ("progress_done", models.PositiveIntegerField(default=0)),
                        ("progress_total", models.PositiveIntegerField(default=0)),
                        ("file", models.FileField(blank=True, storage=core.pdf.models.export_storage, upload_to="exports/%Y/%m/", verbose_name="bestand")),
                        ("filename", models.CharField(max_length=200, verbose_name="bestandsnaam")),
                        ("error", models.TextField(blank=True, verbose_name="foutmelding")),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aangevraagd")),
                        ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="begonnen")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="klaar")),
                        ("requested_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name="aangevraagd door")),
                    ],
                    options={
                        "verbose_name": "PDF-export",
                        "verbose_name_plural": "PDF-exports",
                        "db_table": "cases_pdfexport",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
    ]
