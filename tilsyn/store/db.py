"""Engine setup: where the database lives, SQLite pragmas and transactions, file modes, sessions.

SQLite write transactions start with ``BEGIN IMMEDIATE``: a unit of work takes the write lock
before its first read, so two processes cannot both read "no form yet" and then both insert
one; the second waits (busy timeout) instead. The database folder is 0700 and the files 0600
on POSIX, created so before SQLite first opens them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from ..domain import collation
from ..domain.errors import DomainError
from . import crypto

ENV_VAR = "TILSYN_DB"
APP_NAME = "Tilsyn"
BUSY_TIMEOUT_MS = 5000
# Execution option of a connection whose transactions only read: plain (deferred) BEGIN, so a
# long read does not hold the write lock. SqlUnitOfWork(read_only=True) sets it.
READ_ONLY_OPTION = "tilsyn_read_only"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


#: The collation every SQLite connection gets (tilsyn.domain.collation.compare).
SQLITE_DANISH_COLLATION = "da"

def default_db_path() -> Path:
    """The embedded database in the user's data directory (platformdirs)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "tilsyn.sqlite"


def resolve_url(db: str | os.PathLike | None = None, *, passphrase: str | None = None) -> str:
    """Turn ``--db`` (a path or a URL), else ``$TILSYN_DB``, else the default file, into a URL.

    With ``passphrase`` the SQLite file is opened through SQLCipher (see encrypted_url).
    """
    value = str(db) if db else os.environ.get(ENV_VAR, "")
    if not value:
        value = str(default_db_path())
    if "://" in value:
        url = value
    else:
        url = f"sqlite:///{Path(value).expanduser().resolve()}"
    return encrypted_url(url, passphrase) if passphrase else url


def encrypted_url(url: str, passphrase: str) -> str:
    """The SQLCipher URL for the SQLite file behind ``url``, the passphrase URL-quoted.

    Raises DomainError ``encryption_sqlite_only`` for PostgreSQL and in-memory databases.
    """
    path = sqlite_path(url)
    if path is None:
        raise DomainError("encryption_sqlite_only")
    # quote(safe="") escapes ':', '@', '/', '%' and non-ASCII, which make_url() unquotes again.
    return f"sqlite+pysqlcipher://:{quote(passphrase, safe='')}@/{path}"


def is_encrypted_url(url: str) -> bool:
    """True for a SQLCipher URL."""
    return make_url(url).get_driver_name() == "pysqlcipher"


def display_url(url: str) -> str:
    """``url`` without its passphrase, safe to show, log or keep in the context."""
    if not is_encrypted_url(url):
        return url
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    u = make_url(url)
    if not u.get_backend_name().startswith("sqlite") or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def database_exists(url: str) -> bool:
    """False when ``url`` (a URL or a path) names a SQLite file that is missing or empty.

    Never creates anything. PostgreSQL and in-memory databases always count as existing; a
    zero-byte file holds no database (SQLite would silently start a new one in it).
    """
    path = sqlite_path(url if "://" in str(url) else resolve_url(url))
    if path is None:
        return True
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _posix() -> bool:
    return os.name == "posix"


def _tighten(path: Path, mode: int) -> None:
    """Drop group and other permissions from a file or folder the current user owns."""
    if not _posix():
        return
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass


def private_folder(folder: Path) -> None:
    """Create ``folder`` as 0700 (parents as usual); the app's own data folder is tightened too."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if _posix():
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
    elif folder.resolve() == default_db_path().parent.resolve():
        _tighten(folder, PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> bool:
    """Create an empty file readable by its owner only, unless it exists. True if created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def secure_sqlite_files(path: Path) -> None:
    """0600 for the database file and its WAL, SHM and journal, if any of them is looser."""
    for p in (path, *(Path(str(path) + suffix) for suffix in SQLITE_COMPANIONS)):
        _tighten(p, PRIVATE_FILE_MODE)


def read_only_engine(url) -> Engine:
    """An engine that opens the SQLite file behind ``url`` read-only (``mode=ro``): for looking at
    a database, e.g. its revision, before anything may change it. No pragma that writes is sent.
    A SQLCipher URL keeps its key (WrongPassphrase on connect when it does not fit)."""
    u = make_url(url) if isinstance(url, str) else url
    path = sqlite_path(u.render_as_string(hide_password=False))
    if path is None:
        raise ValueError("read_only_engine needs a SQLite file")
    # SQLite URI filename: '%', '?' and '#' in the path must be percent-encoded.
    ro = u.set(database="file:" + quote(str(path), safe="/"),
               query={**u.query, "mode": "ro", "uri": "true"})
    encrypted = u.get_driver_name() == "pysqlcipher"
    if encrypted:
        crypto.driver()
    engine = create_engine(ro, poolclass=NullPool)
    if encrypted:
        event.listen(engine, "connect", _sqlcipher_checked)
    return engine


def _sqlite_pragmas(dbapi_conn, _record, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    # The driver's own transaction handling is off: _begin below emits BEGIN (IMMEDIATE) itself,
    # which also makes SAVEPOINT and transactional DDL behave (SQLAlchemy's recipe for pysqlite).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlcipher_checked(dbapi_conn, _record) -> None:
    # Runs after the pysqlcipher dialect's own on_connect (which sends PRAGMA key): that one is
    # registered inside create_engine, this one afterwards. The key must come first, or the
    # pragmas would read the file unkeyed; a wrong key shows up here as WrongPassphrase.
    crypto.quiet(dbapi_conn)
    crypto.verify_key(dbapi_conn)


def _begin(conn) -> None:
    """Start every SQLite transaction ourselves: IMMEDIATE (take the write lock now, waiting up to
    the busy timeout) unless the connection is marked read-only or autocommit."""
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and raw.isolation_level is not None:
        # Resetting a pooled connection's isolation level hands control back to the driver.
        raw.isolation_level = None
    conn.exec_driver_sql("BEGIN" if options.get(READ_ONLY_OPTION) else "BEGIN IMMEDIATE")


def make_engine(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and BEGIN IMMEDIATE.

    A SQLCipher URL (``sqlite+pysqlcipher://:KEY@/path``) gets the same pragmas after its key,
    and raises WrongPassphrase on connect when the key does not open the file. A new SQLite file
    is created 0600 in a 0700 folder before SQLite opens it; its WAL and SHM files inherit that.
    No connection is opened here, so a caller can look at the file read-only first.
    """
    path = sqlite_path(url)
    encrypted = is_encrypted_url(url)
    if encrypted and not make_url(url).password:
        raise crypto.PassphraseRequired(file=str(path or ""))
    if path is not None:
        private_folder(path.parent)
        create_private_file(path)
    options = {}
    if encrypted:
        crypto.driver()
        # The dialect defaults to SingletonThreadPool; pool like plain SQLite files do, which also
        # spares a key derivation (a deliberate ~0.1 s) for every checkout.
        options["poolclass"] = QueuePool
    engine = create_engine(url, future=True, pool_pre_ping=path is None, hide_parameters=True, **options)
    if engine.dialect.name == "sqlite":
        def on_connect(dbapi_conn, record) -> None:
            if encrypted:
                _sqlcipher_checked(dbapi_conn, record)
            _sqlite_pragmas(dbapi_conn, record, busy_timeout_ms)
            # Danish alphabetical order for ORDER BY ... COLLATE da (tilsyn.domain.collation).
            dbapi_conn.create_collation(SQLITE_DANISH_COLLATION, collation.compare)

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", _begin)
        if path is not None:
            # A file made by an older version (or copied in) may be 0644: tighten it once the
            # first real connection is made, i.e. after the caller has accepted its revision.
            event.listen(engine, "first_connect", lambda *_: secure_sqlite_files(path))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)
