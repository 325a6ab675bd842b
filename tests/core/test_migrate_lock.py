"""Two `migrate` commands started at once on an empty database: one waits, neither fails."""

import subprocess
import sys
import time
import uuid

import psycopg
import pytest
from django.conf import settings

from core.management.commands.migrate import MIGRATE_LOCK
from tests.processes import MANAGE, database_url, environment, manage

pytestmark = pytest.mark.system  # starts real processes (see tests/conftest.py, lanes)


@pytest.fixture
def empty_database():
    name = f"seta_migrate_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def waiting_for_lock(db) -> int:
    return db.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database())"
    ).fetchone()[0]


def test_two_migrates_at_once_run_one_after_the_other(empty_database):
    url = database_url(empty_database)
    env = environment(DATABASE_URL=url)
    with psycopg.connect(url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])  # a third migrate, still running
        both = [
            subprocess.Popen(
                [sys.executable, MANAGE, "migrate", "--noinput"],
                env=env,
                cwd=settings.BASE_DIR,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + 90
        while waiting_for_lock(holder) < 2 and time.monotonic() < deadline:
            assert all(process.poll() is None for process in both), [p.communicate() for p in both]
            time.sleep(0.2)
        assert waiting_for_lock(holder) == 2
        tables = holder.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
        assert tables == 0  # nothing ran while the lock was held
        holder.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
    results = [process.communicate(timeout=300) for process in both]
    assert [process.returncode for process in both] == [0, 0], results
    for _out, err in results:
        assert "Een andere migrate draait op deze database" in err
    applied = [out.count("... OK") for out, _err in results]
    assert min(applied) == 0 and max(applied) > 50  # the first did all the work, the second found none
    with psycopg.connect(url) as db:
        rows, distinct = db.execute(
            "SELECT count(*), count(DISTINCT (app, name)) FROM django_migrations"
        ).fetchone()
    assert rows == distinct
    assert manage("migrate", "--check", env=env).returncode == 0
