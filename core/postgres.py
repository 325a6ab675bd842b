"""The PostgreSQL client programs (pg_dump, pg_restore) and how to reach the app's database with them."""

import glob
import os
import shutil
from pathlib import Path

from django.conf import settings

# Newest first: a newer pg_dump reads an older server, never the other way round.
BIN_PATTERNS = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin"]


class PostgresClientMissing(RuntimeError):
    """A client program is not installed; the message says how to get it."""


def _version_key(path: str) -> tuple[int, ...]:
    digits = "".join(ch if ch.isdigit() else " " for ch in path).split()
    return tuple(int(d) for d in digits)


def client_binary(name: str) -> str:
    """Path of `name`: in PG_BIN, else the newest versioned install, else on PATH."""
    candidates = [os.environ.get("PG_BIN", "")]
    for pattern in BIN_PATTERNS:
        candidates.extend(sorted(glob.glob(pattern), key=_version_key, reverse=True))
    for folder in filter(None, candidates):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    found = shutil.which(name)
    if found:
        return found
    raise PostgresClientMissing(
        f"{name} niet gevonden: installeer de PostgreSQL-clientprogramma's "
        "(Debian: apt-get install postgresql-client) of zet PG_BIN op hun map."
    )


def libpq_environment(alias: str = "default") -> dict[str, str]:
    """The environment that points libpq programs at a Django database (no password on a command line)."""
    db = settings.DATABASES[alias]
    values = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGSSLMODE": db.get("OPTIONS", {}).get("sslmode", ""),
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}
