"""The seed in PostgreSQL template databases: loaded once per run, cloned per module in a second.

Loading the 45 seed cases runs the real loader (about 10,000 queries), so it runs once per test
run, whatever the number of test processes (pytest-xdist), into template databases built under a
lock the other processes wait on: `test_seta_seed_migrated` (the migrations only, made apart from
the test databases, which their own sessions keep busy), `test_seta_seed_cases` on top of it and
`test_seta_seed_explorations` with the seed exploration on top of that. A module that asks for
the seed gets its own clone (`CREATE DATABASE … TEMPLATE`, a file copy) and the default
connection points at that clone until the module ends; its tests still run in a rolled-back
transaction, and whatever a module changes dies with its clone, so nothing leaks into another
module.

A template is tagged with its fingerprint (the fixtures, the seed texts and the application code)
and the id of the run that built it: `--reuse-db` reuses it while the code is unchanged, whichever
run built it; a run with fresh test databases builds it once. The templates stay in the development
cluster.
"""

import fcntl
import hashlib
import itertools
import os
import re
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import OperationalError, connection, connections, transaction
from django.test.utils import setup_databases

KINDS = {"migrated": None, "cases": "migrated", "explorations": "cases"}  # each and what it builds on
LOADERS = {"migrated": "migrate", "cases": "load_seed_cases", "explorations": "load_seed_explorations"}
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
    ContentType.objects.clear_cache()  # its ids are another database's
    try:
        yield
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = previous
        ContentType.objects.clear_cache()


# The same for every process of one run (pytest-xdist sets it), new for every run.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex


@contextmanager
def exclusive(name: str) -> Iterator[None]:
    """One test process at a time on this machine (a lock file named after the database and the
    user, whose test processes share one PostgreSQL server)."""
    with open(Path(tempfile.gettempdir()) / f"{name}-{os.getuid()}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class SeedDatabases:
    """Builds the seed templates once per run and hands out throw-away clones of them."""

    def __init__(self, *, test_name: str, keep: bool, rebuild: bool) -> None:
        self.test_name = test_name
        self.shared_name = re.sub(r"_gw\d+$", "", self.test_name)  # without pytest-xdist's suffix
        self.built: set[str] = set()
        self.counter = itertools.count(1)
        self.print = fingerprint()
        self.fresh = not keep or rebuild  # built in this run, whatever is there

    def template(self, kind: str) -> str:
        """The name of the template database of `kind`, built on first use in this run."""
        name = f"{self.shared_name}_seed_{kind}"
        if kind in self.built:
            return name
        base = KINDS[kind]
        source = self.template(base) if base else None
        with exclusive(name):
            if not self._usable(name):
                self._drop(name)
                self._create(name, source)
                with using_database(name):
                    call_command(LOADERS[kind], verbosity=0, stdout=StringIO())
                self._sql(f"COMMENT ON DATABASE {name} IS '{self.print}-{RUN_ID}'")
        self.built.add(kind)
        return name

    def _usable(self, name: str) -> bool:
        """Whether the template `name` holds what this code makes: built from the same fingerprint,
        and in this very run when the run wants fresh databases."""
        built_from, _, run = (self._comment(name) or "").partition("-")
        return built_from == self.print and (run == RUN_ID or not self.fresh)

    def exists(self, name: str) -> bool:
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None

    def create_test_database(self) -> None:
        """This process's test database, a clone of the migrated template."""
        self._drop(self.test_name)
        self._create(self.test_name, self.template("migrated"))

    def clone(self, kind: str) -> str:
        """A new database with the contents of the template of `kind`."""
        name = f"{self.test_name}_seed_clone_{next(self.counter)}"
        self._drop(name)
        self._create(name, self.template(kind))
        return name

    def drop(self, name: str) -> None:
        self._drop(name)

    def _create(self, name: str, template: str | None) -> None:
        connections.close_all()
        statement = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        for attempt in range(50):  # a closed session's backend may linger on the template a moment
            try:
                self._sql(statement)
                return
            except OperationalError as error:
                if "being accessed by other users" not in str(error) or attempt == 49:
                    raise
                time.sleep(0.1)

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
def template_databases(django_db_blocker, django_db_keepdb, django_db_createdb, django_db_modify_db_settings):
    """The run's template databases (built lazily) and the clones made of them."""
    with django_db_blocker.unblock():
        return SeedDatabases(
            test_name=connection.creation._get_test_db_name(),
            keep=django_db_keepdb,
            rebuild=django_db_createdb,
        )


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb,
                    template_databases):  # fmt: skip
    """pytest-django's test database, made as a clone of the migrated template: one `migrate` per
    run for all test processes. With `--reuse-db` an existing test database is kept and migrated
    forward (Django's own keepdb), and it stays; otherwise it is dropped at the end."""
    keep = django_db_keepdb and not django_db_createdb
    name, original = template_databases.test_name, connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        if keep and template_databases.exists(name):
            setup_databases(verbosity=0, interactive=False, keepdb=True, serialized_aliases=set())
        else:
            template_databases.create_test_database()
            connections.close_all()
            settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = name
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            connections.close_all()
            settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = original
            template_databases.drop(name)


@pytest.fixture(scope="session")
def seed_databases(django_db_setup, template_databases):
    """The session's seed templates (built lazily) and clones."""
    return template_databases


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


@contextmanager
def rolled_back_with_the_module(blocker) -> Iterator[None]:
    """Database access for a module-scoped fixture's data, in a transaction rolled back when the
    module ends: the module's tests run in savepoints of it (pytest-django's own transactions
    nest), so each sees the data as made and what a test changes is gone for the next."""
    with blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


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
