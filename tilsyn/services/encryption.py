"""Encryption at rest, as the UI and the CLI use it: ask, change, convert.

Opening an encrypted file is ``open_app(db, passphrase=...)``. These functions work on the file
itself, so the caller closes the app (close_app) before changing the passphrase of the open
database; a file still open elsewhere is refused with ``database_in_use``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.errors import DomainError
from ..store.crypto import (
    AlreadyEncrypted,
    NotEncrypted,
    PassphraseRequired,
    encrypt_existing,
    is_encrypted,
    rekey,
    remove_database_files,
)
from ..store.db import resolve_url, sqlite_path

MIN_PASSPHRASE_LENGTH = 8


def validate_new_passphrase(passphrase: str | None, *, field: str = "passphrase") -> None:
    """Refuse an empty passphrase or one shorter than MIN_PASSPHRASE_LENGTH characters."""
    if not passphrase:
        raise DomainError("required", field=field)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise DomainError("passphrase_too_short", field=field, min_length=MIN_PASSPHRASE_LENGTH)


def database_needs_passphrase(db: str | os.PathLike | None = None) -> bool:
    """True when the database behind ``db`` (as open_app resolves it) is an encrypted file."""
    path = sqlite_path(resolve_url(db))
    return path is not None and is_encrypted(path)


def change_passphrase(db: str | os.PathLike | None, old: str, new: str) -> None:
    """Re-encrypt the file behind ``db`` under ``new`` after checking ``old``.

    Raises WrongPassphrase, NotEncrypted, DatabaseInUse, or passphrase_too_short for ``new``.
    """
    path = rekeyable_file(db)
    if not old:
        raise PassphraseRequired(field="passphrase")
    validate_new_passphrase(new, field="new_passphrase")
    rekey(path, old, new)


def encrypt_database(db: str | os.PathLike | None, new_path: str | os.PathLike, passphrase: str) -> Path:
    """Write an encrypted copy of the plain database behind ``db`` to ``new_path``; return its path.

    The plain file stays where it is: the caller tells the user to delete it once the copy works.
    """
    src = encryptable_file(db)
    validate_new_passphrase(passphrase)
    dst = Path(new_path).expanduser().resolve()
    if dst == src.resolve():
        raise DomainError("file_exists", field="new_path", file=str(dst))
    encrypt_existing(src, dst, passphrase)
    return dst


def plain_backups(db: str | os.PathLike | None) -> list[Path]:
    """The unencrypted backup copies (``NAME.backup-*``, made before each migration) beside the
    SQLite file behind ``db``: after ``encrypt`` they would still hold everything in plain text."""
    path = database_file(db)
    pattern = f"{path.stem}.backup-*{path.suffix}"
    return sorted(p for p in path.parent.glob(pattern) if p.is_file() and not is_encrypted(p))


def encrypted_backup_path(backup: Path, source: Path, encrypted: Path) -> Path:
    """Where the encrypted copy of ``backup`` (of ``source``) goes: beside ``encrypted``, named
    like it (``laptop.backup-0004-…sqlite`` for ``tilsyn.backup-0004-…sqlite``)."""
    rest = backup.name[len(f"{source.stem}.backup-"):]
    if source.suffix and rest.endswith(source.suffix):
        rest = rest[: -len(source.suffix)]
    return encrypted.with_name(f"{encrypted.stem}.backup-{rest}{encrypted.suffix}")


def encrypt_backups(
    db: str | os.PathLike | None, encrypted: str | os.PathLike, passphrase: str, backups: list[Path]
) -> list[tuple[Path, Path]]:
    """Encrypt each plain backup beside ``encrypted`` under ``passphrase``, then delete the plain one.

    Every target is checked before anything is written (``file_exists``); a plain backup is only
    deleted once its encrypted copy has opened with the passphrase. Returns (plain, encrypted) pairs.
    """
    source = database_file(db)
    validate_new_passphrase(passphrase)
    dst = Path(encrypted).expanduser().resolve()
    pairs = [(b, encrypted_backup_path(b, source, dst)) for b in backups]
    for _plain, target in pairs:
        if target.exists():
            raise DomainError("file_exists", file=str(target))
    for plain, target in pairs:
        encrypt_existing(plain, target, passphrase)
        remove_database_files(plain)
    return pairs


def remove_plain_files(paths: list[Path]) -> list[Path]:
    """Delete unencrypted SQLite files (with their WAL/SHM); an encrypted one is refused untouched."""
    for p in paths:
        if is_encrypted(p):
            raise AlreadyEncrypted(file=str(p))
    removed: list[Path] = []
    for p in paths:
        removed += remove_database_files(p)
    return removed


def encryptable_file(db: str | os.PathLike | None) -> Path:
    """The plain SQLite file behind ``db``, checked before anyone is asked for a passphrase."""
    path = database_file(db)
    if not path.exists():
        raise DomainError("not_found", what=f"Databasen {path}")
    if is_encrypted(path):
        raise AlreadyEncrypted(file=str(path))
    return path


def rekeyable_file(db: str | os.PathLike | None) -> Path:
    """The encrypted SQLite file behind ``db``; NotEncrypted for a plain or missing one."""
    path = database_file(db)
    if not is_encrypted(path):
        raise NotEncrypted(file=str(path))
    return path


def database_file(db: str | os.PathLike | None) -> Path:
    """The SQLite file behind ``db``; ``encryption_sqlite_only`` for PostgreSQL."""
    path = sqlite_path(resolve_url(db))
    if path is None:
        raise DomainError("encryption_sqlite_only")
    return path
