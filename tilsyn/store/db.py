"""Engine setup: where the database lives, SQLite pragmas, sessions."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ..domain.errors import DomainError
from . import crypto

ENV_VAR = "TILSYN_DB"
APP_NAME = "Tilsyn"


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
    """False for a SQLite URL whose file does not exist (yet); True for other backends."""
    path = sqlite_path(url)
    return path is None or path.is_file()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlcipher_connect(dbapi_conn, record) -> None:
    # Runs after the pysqlcipher dialect's own on_connect (which sends PRAGMA key): that one is
    # registered inside create_engine, this one afterwards. The key must come first, or the
    # pragmas below would read the file unkeyed; a wrong key shows up here as WrongPassphrase.
    crypto.quiet(dbapi_conn)
    crypto.verify_key(dbapi_conn)
    _sqlite_pragmas(dbapi_conn, record)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    A SQLCipher URL (``sqlite+pysqlcipher://:KEY@/path``) gets the same pragmas after its key,
    and raises WrongPassphrase on connect when the key does not open the file.
    """
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    encrypted = is_encrypted_url(url)
    if encrypted and not make_url(url).password:
        raise crypto.PassphraseRequired(file=str(path or ""))
    options = {}
    if encrypted:
        crypto.driver()
        # The dialect defaults to SingletonThreadPool; pool like plain SQLite files do, which also
        # spares a key derivation (a deliberate ~0.1 s) for every checkout.
        options["poolclass"] = QueuePool
    engine = create_engine(url, future=True, pool_pre_ping=path is None, hide_parameters=True, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlcipher_connect if encrypted else _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)
