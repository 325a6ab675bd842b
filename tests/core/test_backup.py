"""Backups that restore: back up, wipe, restore, and every dossier, check, exploration, stored PDF,
history line and version is back, byte for byte; an older backup is migrated on restore."""

import hashlib
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from cases.models import Case
from core.pdf.models import PdfExport
from tests.factories import ExplorationFactory, ExplorationMunicipalityFactory, MunicipalityFactory
from tests.processes import database_url

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.system]

PDF_BYTES = b"%PDF-1.7\n% a stored report\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def snapshot(media_root: Path) -> dict:
    """A checksum of every table's rows, every sequence and every stored file."""
    sums = {}
    with psycopg.connect(database_url()) as db:
        tables = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        for (table,) in tables:
            rows = "string_agg(t::text, '|' ORDER BY t::text)"
            sums[table] = db.execute(
                f"SELECT count(*), md5(coalesce({rows}, '')) FROM \"{table}\" t"
            ).fetchone()
        for name, value in db.execute("SELECT sequencename, last_value FROM pg_sequences").fetchall():
            sums[f"sequence {name}"] = value
    for path in sorted(media_root.rglob("*")) if media_root.exists() else []:
        if path.is_file():
            sums[f"file {path.relative_to(media_root)}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def wipe(media_root: Path) -> None:
    """Everything gone: the database's schema with all it holds, and the stored files."""
    connection.close()
    with psycopg.connect(database_url(), autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@pytest.fixture
def council_data(dossier, adviseur):
    """A dossier with checks and three saves, an exploration, and a finished PDF in storage."""
    for edit in range(2):
        dossier.version += 1
        dossier.summary = f"Samenvatting, bewerking {edit}."
        dossier._history_user = adviseur
        dossier.save()
    exploration = ExplorationFactory(title="Verkenning Oost")
    for name in ("Oosterhout", "Dongen"):
        ExplorationMunicipalityFactory(exploration=exploration, municipality=MunicipalityFactory(name=name))
    export = PdfExport.objects.create(
        kind="dossier",
        subject_id=dossier.pk,
        requested_by=adviseur,
        filename="seta-bar.pdf",
        status=PdfExport.Status.READY,
    )
    export.file.save("seta-bar.pdf", ContentFile(PDF_BYTES))
    return export


def test_backup_wipe_restore_brings_everything_back_identical(media, council_data, tmp_path):
    before = snapshot(media)
    assert before["cases_historicalcase"][0] >= 3 and before["cases_pdfexport"][0] == 1
    assert before["core_storedfilechunk"][0] == 1  # the PDF itself is stored in PostgreSQL

    printed = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=printed)
    [folder] = (tmp_path / "backups").iterdir()
    assert printed.getvalue().strip() == str(folder)
    # No media files: the stored PDFs are in the database dump (core/pdf/storage.py).
    assert sorted(p.name for p in folder.iterdir()) == ["database.pgdump", "manifest.json"]

    wipe(media)
    assert snapshot(media) == {}

    out = StringIO()
    call_command("restore", str(folder), stdout=out)
    assert "Hersteld" in out.getvalue()
    connection.close()
    assert snapshot(media) == before
    restored = Case.objects.get(slug="bar")
    assert (restored.version, restored.summary) == (3, "Samenvatting, bewerking 1.")
    assert restored.history.count() == 3
    export = PdfExport.objects.get()
    with export.file.storage.open(export.file.name) as handle:
        assert handle.read() == PDF_BYTES


def test_restore_refuses_a_database_that_is_not_empty(media, council_data, tmp_path):
    call_command("backup", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    before = snapshot(media)
    with pytest.raises(CommandError, match="is niet leeg"):
        call_command("restore", str(folder), stdout=StringIO())
    assert snapshot(media) == before


def test_restore_refuses_a_damaged_backup_before_touching_anything(
    media, council_data, tmp_path, seed_databases
):
    call_command("backup", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    with open(folder / "database.pgdump", "r+b") as dump:
        dump.seek(100)
        dump.write(b"\x00\x01\x02")
    wipe(media)
    with pytest.raises(CommandError, match=r"database\.pgdump: de controlesom klopt niet"):
        call_command("restore", str(folder), stdout=StringIO())
    assert snapshot(media) == {}
    seed_databases.create_test_database()  # the wiped test database again as the other tests expect it


def test_a_backup_of_an_older_version_is_migrated_on_restore(media, tmp_path):
    call_command("migrate", "sessions", "zero", verbosity=0)  # as if the backup predates the sessions app
    try:
        call_command("backup", str(tmp_path / "backups"), stdout=StringIO())
        [folder] = (tmp_path / "backups").iterdir()
        wipe(media)
        out = StringIO()
        call_command("restore", str(folder), stdout=out)
        assert "Applying sessions.0001_initial" in out.getvalue()
    finally:
        call_command("migrate", verbosity=0)
    connection.close()
    with psycopg.connect(database_url()) as db:
        assert db.execute("SELECT to_regclass('django_session')").fetchone()[0] == "django_session"
