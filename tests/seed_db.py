"""The seed in PostgreSQL template databases: loaded once per session, cloned per module in a second.

Loading the 45 seed cases runs the real loader (about 10,000 queries), so it runs once: into a
template database made from the migrated test database (`<test db>_seed_cases`, and on top of
that `<test db>_seed_explorations` with the seed exploration). A module that asks for the seed
gets its own clone (`CREATE DATABASE … TEMPLATE`, a file copy) and the default connection points
at that clone until the module ends; its tests still run in a rolled-back transaction, and
whatever a module changes dies with its clone, so nothing leaks into another module.

With `--reuse-db` the templates are kept and reused while their fingerprint (the fixtures, the
seed texts and the application code) is unchanged; otherwise they are dropped at the end.
"""

import hashlib
import itertools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection, connections

KINDS = {"cases": None, "explorations": "cases"}  # each template and the one it builds on
LOADERS = {"cases": "load_seed_cases", "explorations": "load_seed_explorations"}
APP_SOURCES = ("assessments", "cases", "core", "explorations", "seta", "fixtures")


def fingerprint() -> str:
    """A digest of everything a template's contents depend on: code, migrations and fixtures."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha1()
    for folder in APP_SOURCES:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".toml", ".txt", ".json"}:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    for path in sorted((base.parent / "shared" / "seeds").glob("*.txt")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@contextmanager
def using_database(name: str) -> Iterator[None]:
    """Point the default connection (and every thread's new one) at another database for a while."""
    previous = connection.settings_dict["NAME"]
    connections.close_all()
    connection.settings_dict["NAME"] = name  # the dict every thread's connection is made from
    try:
        yield
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = previous


class SeedDatabases:
    """Builds the seed templates once and hands out throw-away clones of them."""

    def __init__(self, *, keep: bool, rebuild: bool) -> None:
        self.keep = keep
        self.rebuild = rebuild
        self.test_name = connection.settings_dict["NAME"]
        self.built: set[str] = set()
        self.counter = itertools.count(1)
        self.print = fingerprint() if keep else ""

    def template(self, kind: str) -> str:
        """The name of the template database of `kind`, built on first use."""
        name = f"{self.test_name}_seed_{kind}"
        if kind in self.built:
            return name
        base = KINDS[kind]
        source = self.template(base) if base else self.test_name
        if self.rebuild or not self.keep or self._comment(name) != self.print:
            self._drop(name)
            self._create(name, source)
            with using_database(name):
                call_command(LOADERS[kind], stdout=StringIO())
            self._sql(f"COMMENT ON DATABASE {name} IS '{self.print}'")
        self.built.add(kind)
        return name

    def clone(self, kind: str) -> str:
        """A new database with the contents of the template of `kind`."""
        name = f"{self.test_name}_seed_clone_{next(self.counter)}"
        self._drop(name)
        self._create(name, self.template(kind))
        return name

    def drop(self, name: str) -> None:
        self._drop(name)

    def close(self) -> None:
        if not self.keep:
            for kind in self.built:
                self._drop(f"{self.test_name}_seed_{kind}")

    def _create(self, name: str, template: str) -> None:
        connections.close_all()
        for attempt in range(50):  # a closed session's backend may linger on the template a moment
            try:
                self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                return
            except OperationalError as error:
                if "being accessed by other users" not in str(error) or attempt == 49:
                    raise
                if attempt == 10:
                    self._end_idle_sessions(template)
                time.sleep(0.1)

    def _end_idle_sessions(self, database: str) -> None:
        """End the idle sessions left on this process's own test database (one the test database
        setup leaves open in a context this thread cannot close: a browser test that builds the
        templates first then fails with "being accessed by other users")."""
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND state = 'idle' AND pid <> pg_backend_pid()",
                [database],
            )

    def _drop(self, name: str) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _comment(self, name: str) -> str | None:
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
            )
            row = cursor.fetchone()
        return row[0] if row else None

    def _sql(self, statement: str) -> None:
        with connection._nodb_cursor() as cursor:
            cursor.execute(statement)


@pytest.fixture(scope="session")
def seed_databases(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The session's seed templates (built lazily) and clones."""
    with django_db_blocker.unblock():
        databases = SeedDatabases(keep=django_db_keepdb, rebuild=django_db_createdb)
    yield databases
    with django_db_blocker.unblock():
        databases.close()


@contextmanager
def seeded(databases: SeedDatabases, blocker, kind: str) -> Iterator[None]:
    """Run the enclosed tests against a fresh clone of the template of `kind`."""
    with blocker.unblock():
        name = databases.clone(kind)
    try:
        with using_database(name):
            yield
    finally:
        with blocker.unblock():
            databases.drop(name)


@pytest.fixture(scope="module")
def seed_cases(seed_databases, django_db_blocker):
    """The 45 seed cases, in a clone of the seed template of its own for this module."""
    with seeded(seed_databases, django_db_blocker, "cases"):
        yield


@pytest.fixture(scope="module")
def seed_explorations(seed_databases, django_db_blocker):
    """The seed cases and the seed exploration of seed 003, in a clone of their own for this module."""
    with seeded(seed_databases, django_db_blocker, "explorations"):
        yield


@pytest.fixture
def seeded_db(transactional_db, seed_databases, django_db_blocker):
    """The seed cases and exploration in a committed database a live server can read (one test)."""
    with seeded(seed_databases, django_db_blocker, "explorations"):
        yield
