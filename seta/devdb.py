"""A project-local PostgreSQL server for development and tests.

Stdlib only, so that it runs before the virtualenv exists:

    python3 -m seta.devdb start    # initdb on first use, then start; a no-op when running
    python3 -m seta.devdb stop
    python3 -m seta.devdb status
    python3 -m seta.devdb url      # the DATABASE_URL the default settings use

The server listens on 127.0.0.1 only, on a port derived from the checkout's path (so two
checkouts on one machine do not collide), with trust authentication for the `seta` role.
PostgreSQL refuses to run as root: as root the server runs as the unprivileged `postgres`
user and keeps its data under /var/lib/seta-dev/, which that user can always enter, even
when the checkout sits in a directory only root can enter (such as /root).
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ROLE = "seta"
DATABASE = "seta"
SERVICE_USER = "postgres"
INSTALL_HINT = """\
PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found.
Install them, then run the command again:
  Debian/Ubuntu:  sudo apt-get install postgresql
  Fedora/RHEL:    sudo dnf install postgresql-server
  macOS:          brew install postgresql@15
Or point the app at an existing server: export DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME
(set PG_BIN=/path/to/bin if the binaries are installed somewhere unusual)."""


class DevDbError(RuntimeError):
    """A problem the developer must fix; the message says how."""


def _checkout_id() -> str:
    return hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:12]


def port() -> int:
    """The private port of this checkout's server (override with SETA_PG_PORT)."""
    if os.environ.get("SETA_PG_PORT"):
        return int(os.environ["SETA_PG_PORT"])
    return 20000 + int(_checkout_id(), 16) % 10000


def url() -> str:
    """The DATABASE_URL that reaches this checkout's server."""
    return f"postgres://{ROLE}@127.0.0.1:{port()}/{DATABASE}"


def is_root() -> bool:
    return os.geteuid() == 0


def data_dir() -> Path:
    """Where the cluster lives: in the checkout, or under /var/lib/seta-dev/ as root."""
    if os.environ.get("SETA_PG_DATA"):
        return Path(os.environ["SETA_PG_DATA"])
    if is_root():
        return Path("/var/lib/seta-dev") / _checkout_id() / "pgdata"
    return BASE_DIR / ".pgdata"


def find_bin_dir() -> Path | None:
    """Locate the server binaries: PG_BIN, PATH, then the usual distribution folders."""
    candidates = [os.environ.get("PG_BIN", "")]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    patterns = [
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/opt/homebrew/opt/postgresql@*/bin",
        "/usr/local/opt/postgresql@*/bin",
        "/opt/homebrew/bin",
        "/usr/local/pgsql/bin",
    ]
    for pattern in patterns:
        candidates.extend(sorted(glob.glob(pattern), key=_version_key, reverse=True))
    for candidate in candidates:
        if candidate and all((Path(candidate) / name).exists() for name in ("initdb", "pg_ctl")):
            return Path(candidate)
    return None


def _version_key(path: str) -> tuple[int, ...]:
    digits = "".join(ch if ch.isdigit() else " " for ch in path).split()
    return tuple(int(d) for d in digits)


def _bin(name: str) -> str:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise DevDbError(INSTALL_HINT)
    return str(bin_dir / name)


def _as_server_user(argv: list[str]) -> list[str]:
    if not is_root():
        return argv
    return ["runuser", "-u", SERVICE_USER, "--", *argv]


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    # cwd="/": the server user may not be allowed to enter the checkout
    return subprocess.run(_as_server_user(argv), text=True, capture_output=True, cwd="/", **kwargs)


def _ensure_service_user() -> None:
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )


def _prepare_data_parent(data: Path) -> None:
    data.parent.mkdir(parents=True, exist_ok=True)
    if is_root():
        _ensure_service_user()
        account = pwd.getpwnam(SERVICE_USER)
        os.chown(data.parent, account.pw_uid, account.pw_gid)
        os.chmod(data.parent, 0o700)


def initialised(data: Path) -> bool:
    return (data / "PG_VERSION").exists()


def init_cluster(data: Path) -> None:
    _prepare_data_parent(data)
    result = _run(
        [
            _bin("initdb"),
            "-D",
            str(data),
            "-U",
            ROLE,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ]
    )
    if result.returncode != 0:
        raise DevDbError(f"initdb failed for {data}:\n{result.stdout}{result.stderr}")
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(
            "\n# seta dev server\nlisten_addresses = '127.0.0.1'\n"
            "unix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\n"
        )


def running(data: Path) -> bool:
    if not initialised(data):
        return False
    return _run([_bin("pg_ctl"), "status", "-D", str(data)]).returncode == 0


def start() -> str:
    """Initialise on first use and start the server; a no-op when it already runs."""
    data = data_dir()
    if not initialised(data):
        init_cluster(data)
    if running(data):
        ensure_database()
        return f"PostgreSQL already running on 127.0.0.1:{port()} ({data})"
    result = _run(
        [
            _bin("pg_ctl"),
            "start",
            "-D",
            str(data),
            "-l",
            str(data / "server.log"),
            "-o",
            f"-p {port()}",
            "-w",
            "-t",
            "60",
        ]
    )
    if result.returncode != 0:
        log = data / "server.log"
        tail = _run(["tail", "-n", "20", str(log)]).stdout if log.exists() else ""
        raise DevDbError(
            f"PostgreSQL did not start on port {port()} ({data}).\n{result.stderr}{tail}\n"
            "If the port is taken, set SETA_PG_PORT to a free one."
        )
    ensure_database()
    return f"PostgreSQL started on 127.0.0.1:{port()} ({data})"


def ensure_database() -> None:
    """Create the application database once."""
    psql = [_bin("psql"), "-h", "127.0.0.1", "-p", str(port()), "-U", ROLE, "-d", "postgres", "-tAc"]
    found = _run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"])
    if found.returncode != 0:
        raise DevDbError(f"Cannot query the server on port {port()}:\n{found.stderr}")
    if found.stdout.strip() != "1":
        created = _run([*psql, f'CREATE DATABASE "{DATABASE}"'])
        if created.returncode != 0:
            raise DevDbError(f"Cannot create database {DATABASE}:\n{created.stderr}")


def stop() -> str:
    data = data_dir()
    if not running(data):
        return "PostgreSQL is not running."
    result = _run([_bin("pg_ctl"), "stop", "-D", str(data), "-m", "fast", "-w"])
    if result.returncode != 0:
        raise DevDbError(f"pg_ctl stop failed:\n{result.stderr}")
    return f"PostgreSQL stopped ({data})."


def status() -> str:
    data = data_dir()
    state = "running" if running(data) else "stopped"
    return f"{state}: 127.0.0.1:{port()} data={data} url={url()}"


def main(argv: list[str]) -> int:
    commands = {"start": start, "stop": stop, "status": status, "url": url}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python3 -m seta.devdb {{{'|'.join(commands)}}}", file=sys.stderr)
        return 2
    if os.environ.get("DATABASE_URL") and argv[0] in ("start", "stop"):
        print("DATABASE_URL is set: using that database, no local server needed.")
        return 0
    try:
        print(commands[argv[0]]())
    except DevDbError as error:
        print(f"seta.devdb: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
