"""Shared fixtures: a fresh database per test, on SQLite and on a throwaway PostgreSQL cluster.

The PostgreSQL cluster runs when ``CI=true`` or ``TILSYN_PG=1``; then a cluster that cannot
start fails the tests that need it. Otherwise those tests are skipped.
"""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile as _tempfile

# Nothing a test does may land in the real user's data folder (default database, error log):
# platformdirs reads XDG_DATA_HOME, so point it at a private folder for the whole session.
os.environ["XDG_DATA_HOME"] = _tempfile.mkdtemp(prefix="tilsyn-test-data-")

import glob
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests are reproducible in CI: a fixed derivation of examples and a bounded count.
# `--hypothesis-profile=explore` (or HYPOTHESIS_PROFILE=explore) searches wider and at random.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("explore", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PG_SKIP_REASON = "PostgreSQL tests need TILSYN_PG=1 or CI=true"
_PG_STARTUP: list[float] = []  # seconds initdb + start took, for the summary


def pg_enabled() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("TILSYN_PG") == "1"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a not yet existing SQLite file in the test's temp dir."""
    return f"sqlite:///{tmp_path / 'tilsyn.sqlite'}"


# --- PostgreSQL --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PgCluster:
    """A running throwaway cluster, reachable only through its unix socket as ``postgres``."""

    socket_dir: str
    port: int
    user: str = "postgres"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def connect(self, dbname: str = "postgres"):
        import psycopg

        return psycopg.connect(
            host=self.socket_dir, port=self.port, user=self.user, dbname=dbname, autocommit=True
        )


def _pg_bindir() -> Path:
    """Directory holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/N/bin."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    candidates = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").exists()),
        key=lambda p: (p.parent.name != "15", -int(p.parent.name) if p.parent.name.isdigit() else 0),
    )
    if not candidates:
        raise RuntimeError(
            "initdb/pg_ctl not found (PATH, /usr/lib/postgresql/*/bin); "
            "run `bash scripts/ensure-system-deps.sh` (Debian package postgresql-15)"
        )
    return candidates[0]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_cluster_owner(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; as root, run it as the system user `postgres`.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str], what: str, log: Path | None = None) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode != 0:
        detail = (proc.stdout + proc.stderr).strip()
        if log is not None and log.exists():
            detail += "\n--- server log ---\n" + log.read_text(errors="replace")[-4000:]
        raise RuntimeError(f"{what} failed ({proc.returncode}): {' '.join(cmd)}\n{detail}")


def _start_cluster(base: Path) -> PgCluster:
    bindir = _pg_bindir()
    data, sock, log = base / "data", base / "sock", base / "server.log"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        shutil.chown(sock, "postgres", "postgres")
    port = _free_port()
    _run(
        _as_cluster_owner(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync", "--no-instructions"]
        ),
        "initdb",
    )
    options = (
        f"-c port={port} -c listen_addresses='' -c unix_socket_directories={sock} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=50 -c shared_buffers=32MB"
    )
    _run(
        _as_cluster_owner(
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
             "start"]
        ),
        "pg_ctl start",
        log,
    )
    return PgCluster(socket_dir=str(sock), port=port)


def _stop_cluster(base: Path) -> None:
    try:
        bindir = _pg_bindir()
        subprocess.run(
            _as_cluster_owner([str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> PgCluster:
    """A PostgreSQL cluster in a temp dir for the whole session (fsync off, trust auth)."""
    if not pg_enabled():
        pytest.skip(PG_SKIP_REASON)
    # /tmp rather than $TMPDIR: as root the server runs as `postgres`, which must reach the
    # folder (not so under /root), and a socket path must stay under ~100 characters.
    base = Path(tempfile.mkdtemp(prefix="tilsyn-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    started = time.monotonic()
    error = None
    try:
        cluster = _start_cluster(base)
    except Exception as exc:  # noqa: BLE001 - any failure must surface as a test failure
        error = str(exc)
    if error is not None:
        _stop_cluster(base)
        pytest.fail(f"could not start the PostgreSQL test cluster: {error}", pytrace=False)
    _PG_STARTUP.append(time.monotonic() - started)
    try:
        yield cluster
    finally:
        _stop_cluster(base)


def _create_pg_database(cluster: PgCluster) -> str:
    name = f"t_{uuid.uuid4().hex}"
    with cluster.connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def _drop_pg_database(cluster: PgCluster, name: str) -> None:
    with cluster.connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of a fresh, empty database: a SQLite file, or a new database on the test cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tilsyn.sqlite'}"
        return
    if not pg_enabled():
        pytest.skip(PG_SKIP_REASON)
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = _create_pg_database(cluster)
    try:
        yield cluster.url(name)
    finally:
        _drop_pg_database(cluster, name)


@pytest.fixture
def engine(db_url: str):
    """An engine on ``db_url`` with the schema migrated to head."""
    from tilsyn.store.db import make_engine
    from tilsyn.store.migrate import upgrade

    eng = make_engine(db_url)
    try:
        upgrade(eng, backup=False)
        yield eng
    finally:
        eng.dispose()


def pytest_terminal_summary(terminalreporter) -> None:
    for seconds in _PG_STARTUP:
        terminalreporter.write_line(f"PostgreSQL test cluster: initdb + start took {seconds:.2f} s")


# -- the command line logs in (issue 10, point 5) -------------------------------------------------


@pytest.fixture(autouse=True)
def _no_cli_login_from_the_environment(monkeypatch):
    """A developer's own TILSYN_USER / TILSYN_PASSWORD never log a test in."""
    monkeypatch.delenv("TILSYN_USER", raising=False)
    monkeypatch.delenv("TILSYN_PASSWORD", raising=False)


def add_cli_user(db: str, username: str, role: str, password: str, homes: tuple[str, ...] = ()) -> str:
    """Create a user in ``db`` (an admin creates it), scoped to the care homes named in ``homes``;
    returns its id."""
    from tilsyn.services.app import close_app, open_app
    from tilsyn.services.care_homes import CareHomeService
    from tilsyn.services.users import UserInput, UserService

    opened = open_app(db)
    try:
        ids = {h.name: h.id for h in CareHomeService(opened.context).list_care_homes()}
        user = UserService(opened.context).create_user(
            UserInput(username, f"{username.title()} Testbruger", role, care_home_ids=tuple(ids[h] for h in homes)),
            password,
        )
        return user.id
    finally:
        close_app(opened.context)


@pytest.fixture
def cli_login(monkeypatch):
    """``cli_login(username, password=None, *, db=None, role=None, homes=())`` logs the command line
    in as a script would: TILSYN_USER and TILSYN_PASSWORD. The demo's users (admin, sagsbehandler,
    konsulent, leder1, medarbejder1 ...) have the demo password, the default; with ``role`` the user
    is first created in ``db``."""
    from tilsyn.services.demo_force import DEMO_PASSWORD

    def login(username: str, password: str | None = None, *, db: str | None = None, role: str | None = None,
              homes: tuple[str, ...] = ()) -> None:
        password = password or DEMO_PASSWORD
        if role is not None:
            add_cli_user(db, username, role, password, homes)
        monkeypatch.setenv("TILSYN_USER", username)
        monkeypatch.setenv("TILSYN_PASSWORD", password)

    return login
