"""Encryption at rest with SQLCipher, for SQLite files on laptops that leave the building.

The driver (``sqlcipher3``) is imported lazily so a plain SQLite or PostgreSQL set-up never
needs it. Every driver failure a user can cause (wrong passphrase, file in use) is translated
into a DomainError with a stable code; the Danish text lives in tilsyn.messages.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

from ..domain.errors import DomainError

SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_MODE = 0o600  # encrypted copies are still nobody else's business

# SQLCipher raises this for a wrong key: the first page does not decrypt into a SQLite header.
_WRONG_KEY_MESSAGE = "file is not a database"


class WrongPassphrase(DomainError):
    code = "wrong_passphrase"


class PassphraseRequired(DomainError):
    code = "passphrase_required"


class NotEncrypted(DomainError):
    code = "not_encrypted"


class AlreadyEncrypted(DomainError):
    code = "already_encrypted"


class DatabaseInUse(DomainError):
    code = "database_in_use"


class EncryptionUnavailable(DomainError):
    code = "encryption_unavailable"


def driver():
    """The SQLCipher DB-API module; EncryptionUnavailable when the wheel is not installed."""
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - the wheel is a dependency
        raise EncryptionUnavailable() from exc
    return sqlcipher3


def is_encrypted(path: str | os.PathLike) -> bool:
    """True when ``path`` is a non-empty file that does not start with the plain SQLite header."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        # Missing, a directory, or unreadable: not ours to report here; opening it will say why.
        return False
    # An empty file is what SQLite creates lazily: it becomes whatever the first writer makes it.
    return bool(head) and head != SQLITE_HEADER


def expect_encryption(path: Path | None, passphrase: str | None) -> None:
    """Refuse a mismatch between the file and the passphrase before the driver gives a vaguer error.

    Raises PassphraseRequired for an encrypted file without a passphrase and NotEncrypted for a
    plain SQLite file opened with one. A missing or empty file fits either (it will be created).
    """
    if path is None:
        return
    if is_encrypted(path):
        if not passphrase:
            raise PassphraseRequired(file=str(path))
    elif passphrase and path.exists() and path.stat().st_size > 0:
        raise NotEncrypted(file=str(path))


def is_wrong_key_error(exc: BaseException) -> bool:
    """True when a driver error means the key does not decrypt the file."""
    return _WRONG_KEY_MESSAGE in str(exc)


def _quote(passphrase: str) -> str:
    # PRAGMA key takes no bound parameters; a SQL string literal keeps any character intact.
    return "'" + passphrase.replace("'", "''") + "'"


def quiet(dbapi_conn) -> None:
    """Stop SQLCipher from printing its own decrypt errors to stderr; we report them in Danish."""
    dbapi_conn.execute("PRAGMA cipher_log_level = NONE")


def verify_key(dbapi_conn) -> None:
    """Read the first page through an already keyed connection; WrongPassphrase if it fails."""
    sqlcipher = driver()
    try:
        dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        if is_wrong_key_error(exc):
            raise WrongPassphrase() from None
        raise


def connect(path: str | os.PathLike, passphrase: str, *, timeout: float = 5.0):
    """A raw SQLCipher connection with the key applied and checked. The caller closes it."""
    if not passphrase:
        raise PassphraseRequired(file=str(path))
    conn = driver().connect(str(path), timeout=timeout)
    try:
        quiet(conn)
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        verify_key(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_encrypted(path: str | os.PathLike, passphrase: str) -> None:
    """Create an empty encrypted database file (WAL mode) at ``path``; refuse an existing one."""
    p = Path(path)
    if p.exists() and p.stat().st_size > 0:
        raise DomainError("file_exists", file=str(p))
    p.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(p, passphrase)) as conn:
        # Setting WAL writes page 1, so the file exists encrypted from this moment on.
        conn.execute("PRAGMA journal_mode = WAL").fetchone()


def check_passphrase(path: str | os.PathLike, passphrase: str) -> None:
    """Raise WrongPassphrase unless ``passphrase`` opens the encrypted file at ``path``."""
    p = Path(path)
    if not is_encrypted(p):
        raise NotEncrypted(file=str(p))
    with closing(connect(p, passphrase)):
        pass


def rekey(path: str | os.PathLike, old: str, new: str) -> None:
    """Change the passphrase of an encrypted file. The old one is checked first.

    Needs the file to itself: leaving WAL mode takes an exclusive lock, which fails while any
    other connection (another window, a pooled engine) is open, and that is refused as
    DatabaseInUse rather than re-encrypting under a connection that still holds the old key.
    """
    if not new:
        raise DomainError("required", field="new_passphrase")
    if not is_encrypted(path):
        raise NotEncrypted(file=str(path))
    sqlcipher = driver()
    with closing(connect(path, old, timeout=0.5)) as conn:
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlcipher.OperationalError as exc:
            raise DatabaseInUse(file=str(path)) from exc
        if str(mode).lower() != "delete":
            raise DatabaseInUse(file=str(path))
        conn.execute(f"PRAGMA rekey = {_quote(new)}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()


def encrypt_existing(
    plain_path: str | os.PathLike, encrypted_path: str | os.PathLike, passphrase: str
) -> None:
    """Write an encrypted copy of the plain SQLite file ``plain_path`` to ``encrypted_path``.

    The plain file is left untouched (deleting it is the user's decision). The copy is built
    under a temporary name and renamed into place only once it opens with the passphrase, so
    a failure never leaves a half-written database behind.
    """
    src = Path(plain_path)
    dst = Path(encrypted_path)
    if not passphrase:
        raise DomainError("required", field="passphrase")
    if not src.exists():
        raise DomainError("not_found", what=f"Databasen {src}")
    if is_encrypted(src):
        raise AlreadyEncrypted(file=str(src))
    if dst.exists():
        raise DomainError("file_exists", file=str(dst))
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    _remove_sqlite_files(tmp)
    try:
        # Created empty and private first: SQLite takes an empty file as a new database, and
        # gives its WAL and SHM files the same mode, so nothing is ever readable by others.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
        with closing(driver().connect(str(src))) as conn:
            quiet(conn)
            conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(tmp), passphrase))
            conn.execute("SELECT sqlcipher_export('encrypted')").fetchall()
            # sqlcipher_export copies schema and rows; user_version is the one header field
            # applications keep state in, so carry it over too.
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            conn.commit()
            conn.execute("DETACH DATABASE encrypted")
        with closing(connect(tmp, passphrase)) as check:
            result = check.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DomainError("database_unreadable", reason=result)
            check.execute("PRAGMA journal_mode = WAL").fetchone()
        _remove_sqlite_files(Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm"))
        if os.name == "posix":
            os.chmod(tmp, PRIVATE_MODE)  # whatever the umask made of it
        os.replace(tmp, dst)
    finally:
        _remove_sqlite_files(tmp)


def remove_database_files(path: str | os.PathLike) -> list[Path]:
    """Delete a SQLite file and its WAL, SHM and journal files; return those that were there."""
    removed = []
    p = Path(path)
    for f in (p, Path(str(p) + "-wal"), Path(str(p) + "-shm"), Path(str(p) + "-journal")):
        try:
            f.unlink()
        except FileNotFoundError:
            continue
        removed.append(f)
    return removed


def _remove_sqlite_files(*paths: Path) -> None:
    for path in paths:
        for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm"), Path(str(path) + "-journal")):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
