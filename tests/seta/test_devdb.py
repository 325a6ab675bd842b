"""The project-local PostgreSQL setup: idempotent start and stop on a throwaway cluster."""

import os
import shutil
import socket
import uuid
from pathlib import Path

import pytest

from seta import devdb

pytestmark = pytest.mark.system  # starts real processes (see tests/conftest.py, lanes)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def throwaway_cluster(monkeypatch, tmp_path):
    # As root the server runs as `postgres`, which cannot enter pytest's root-only tmp dir:
    # use the same root-safe parent the real setup uses.
    parent = Path("/var/lib/seta-dev") / f"test-{uuid.uuid4().hex[:8]}" if devdb.is_root() else tmp_path
    data = parent / "pgdata"
    monkeypatch.setenv("SETA_PG_DATA", str(data))
    monkeypatch.setenv("SETA_PG_PORT", str(free_port()))
    yield data
    devdb.stop()
    shutil.rmtree(parent, ignore_errors=True)


def test_start_twice_is_a_no_op_and_stop_twice_too(throwaway_cluster):
    assert "started" in devdb.start()
    assert devdb.running(throwaway_cluster)
    assert "already running" in devdb.start()
    assert "stopped" in devdb.stop()
    assert "not running" in devdb.stop()
    assert "started" in devdb.start()


def test_the_server_listens_on_loopback_and_has_the_app_database(throwaway_cluster):
    devdb.start()
    import psycopg

    with psycopg.connect(devdb.url()) as connection:
        assert connection.execute("select current_database()").fetchone() == ("seta",)


def test_the_default_settings_point_at_this_checkouts_server(settings):
    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is set: the local server is not used")
    database = settings.DATABASES["default"]
    assert (database["HOST"], int(database["PORT"])) == ("127.0.0.1", devdb.port())


def test_as_root_the_data_lives_where_the_server_user_can_enter(monkeypatch):
    monkeypatch.delenv("SETA_PG_DATA", raising=False)
    monkeypatch.setattr(devdb, "is_root", lambda: True)
    assert devdb.data_dir().is_relative_to("/var/lib/seta-dev")
    monkeypatch.setattr(devdb, "is_root", lambda: False)
    assert devdb.data_dir() == devdb.BASE_DIR / ".pgdata"


def test_missing_binaries_give_one_clear_message(monkeypatch):
    monkeypatch.setattr(devdb, "find_bin_dir", lambda: None)
    with pytest.raises(devdb.DevDbError, match="apt-get install postgresql"):
        devdb._bin("initdb")
