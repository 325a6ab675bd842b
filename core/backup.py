"""Backups that restore: the database as a pg_dump custom-format archive plus the stored files.

A backup is a folder `seta-backup-<UTC time>/` with `database.pgdump` (pg_dump -Fc: every table,
the history, the versions, the job queue, PDFs kept in the database), `media.tar.gz` (the files
under MEDIA_ROOT, when there are any) and `manifest.json` (what it holds, with SHA-256 checksums).
It is written under a temporary name and renamed when complete, so a folder with the final name
is a whole backup. A restore checks the checksums, refuses a database that is not empty, restores
in one transaction, puts the files back and then migrates, so a backup of an older version comes
back on the current one. `manage.py backup` and `manage.py restore` run these; see docs/operations.md.
"""

import datetime
import hashlib
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from core.postgres import client_binary, libpq_environment

FORMAT = 1
DATABASE_FILE = "database.pgdump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; the message names the file or database and why."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run(argv: list[str], what: str) -> None:
    result = subprocess.run(argv, env=libpq_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{what} mislukte (exit {result.returncode}):\n{result.stderr.strip()[-3000:]}")


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def backup_create(*, destination: Path) -> Path:
    """Write a complete backup folder under `destination` and return its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = Path(destination) / f"seta-backup-{stamp}"
    partial = Path(destination) / f".seta-backup-{stamp}.partial"
    partial.mkdir(parents=True)
    try:
        _run(
            [
                client_binary("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={partial / DATABASE_FILE}",
            ],
            "pg_dump",
        )
        media_root = Path(settings.MEDIA_ROOT)
        files = _media_files(media_root)
        if files:
            with tarfile.open(partial / MEDIA_FILE, "w:gz") as archive:
                for path in files:
                    archive.add(path, arcname=str(path.relative_to(media_root)))
        manifest = {
            "format": FORMAT,
            "created": stamp,
            "database": settings.DATABASES["default"]["NAME"],
            "media_files": len(files),
            "checksums": {path.name: _sha256(path) for path in sorted(partial.iterdir())},
        }
        (partial / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise BackupError(f"{path}: geen manifest; dit is geen (volledige) back-up.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BackupError(f"{path}: onleesbaar manifest ({error}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: onbekend back-upformaat {manifest.get('format')!r}.")
    for name, expected in manifest.get("checksums", {}).items():
        file = folder / name
        if not file.is_file():
            raise BackupError(f"{file}: ontbreekt in de back-up.")
        if _sha256(file) != expected:
            raise BackupError(f"{file}: de controlesom klopt niet; het bestand is beschadigd.")
    if DATABASE_FILE not in manifest.get("checksums", {}):
        raise BackupError(f"{path}: de back-up bevat geen database.")
    return manifest


def database_relations() -> int:
    """Tables, sequences and views outside PostgreSQL's own schemas: 0 for an empty database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%%' "
            "AND n.nspname NOT LIKE 'pg_temp%%' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')"
        )
        return cursor.fetchone()[0]


def backup_restore(*, folder: Path, stdout=None) -> dict:
    """Restore the backup in `folder` into the (empty) database and MEDIA_ROOT, then migrate."""
    folder = Path(folder)
    manifest = _read_manifest(folder)
    name = settings.DATABASES["default"]["NAME"]
    relations = database_relations()
    if relations:
        raise BackupError(
            f"Database {name} is niet leeg ({relations} tabellen en reeksen): herstel alleen in een lege "
            "database (maak een nieuwe aan, of leeg deze bewust met DROP SCHEMA public CASCADE)."
        )
    connection.close()  # the restore changes the schema under any open session
    _run(
        [
            client_binary("pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            f"--dbname={name}",
            str(folder / DATABASE_FILE),
        ],
        f"pg_restore van {folder / DATABASE_FILE} in {name}",
    )
    if (folder / MEDIA_FILE).is_file():
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            archive.extractall(media_root, filter="data")
    call_command("migrate", interactive=False, verbosity=1, stdout=stdout)
    return manifest
