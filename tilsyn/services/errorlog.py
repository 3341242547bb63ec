"""The last line of defence: an unexpected error becomes a Danish sentence and a private log entry.

Nothing the user sees, and nothing written to the log, may contain SQL parameters or CPR
numbers: a failed INSERT of ten residents would otherwise print their CPR numbers and names.
The details (a redacted traceback with a timestamp and an incident id) go to ``tilsyn-fejl.log``
in the data folder, readable by its owner only; the user gets the log's name and the id.

No Qt here: the command line and the desktop app (sys.excepthook, workers) both use it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DomainError

LOG_NAME = "tilsyn-fejl.log"
# The log is rotated once it passes this size: the current file becomes LOG_NAME + ".1" (the one
# before that is dropped), so a loop of failures cannot fill the disk of a care home's PC.
LOG_MAX_BYTES = 1024 * 1024
_INCIDENT_ATTR = "_tilsyn_incident"

# A CPR number: ten digits, optionally DDMMYY-XXXX (or with a space). \d also matches non-ASCII
# digits, so a CPR number typed in fullwidth or Arabic-Indic digits is masked as well.
_CPR = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")
# SQLAlchemy's rendering of bound parameters, should an exception still carry them.
_PARAMETERS = re.compile(r"\[parameters: .*$", re.MULTILINE)
# PostgreSQL repeats the offending values: "DETAIL:  Key (cpr)=(0101501234) already exists."
_KEY_VALUES = re.compile(r"(Key \([^)]*\))=\((?:[^()]|\([^()]*\))*\)")
_FAILING_ROW = re.compile(r"(Failing row contains) \(.*?\)(?=\.?\s*$)", re.MULTILINE)

_lock = threading.Lock()
_database: str | os.PathLike | None = None


@dataclass(frozen=True)
class Incident:
    """One logged unexpected error: its id and the log file (None when it could not be written)."""

    id: str
    log: Path | None
    reason: str = ""

    def as_error(self) -> DomainError:
        """The DomainError whose Danish text tells the user where the details are."""
        if self.log is not None:
            return DomainError("unexpected_error", path=str(self.log), incident=self.id)
        return DomainError("unexpected_error_unlogged", incident=self.id, reason=self.reason)


def set_database(db: str | os.PathLike | None) -> None:
    """Remember the database the process works on, so the log lands in its folder."""
    global _database
    _database = db


def redact(text: str) -> str:
    """``text`` without SQL parameters, PostgreSQL's repeated key values and CPR numbers."""
    text = _PARAMETERS.sub("[parameters: skjult]", text)
    text = _KEY_VALUES.sub(r"\1=(skjult)", text)
    text = _FAILING_ROW.sub(r"\1 (skjult)", text)
    return _CPR.sub("XXXXXX-XXXX", text)


def _chain(exc: BaseException):
    """``exc``, the driver error inside it, and its causes and contexts, each once."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        orig = getattr(e, "orig", None)
        stack.extend((e.__context__, e.__cause__, orig if isinstance(orig, BaseException) else None))


def hide_parameters(exc: BaseException) -> None:
    """Tell every SQLAlchemy error in the chain to leave its parameters out of str()."""
    try:
        from sqlalchemy.exc import StatementError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return
    for e in _chain(exc):
        if isinstance(e, StatementError):
            e.hide_parameters = True


def format_exception(exc: BaseException) -> str:
    """The traceback of ``exc`` (with its causes), redacted: safe to write to a file."""
    hide_parameters(exc)
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return redact(text)


# SQLite's words for a lock it waited for in vain; PostgreSQL's SQLSTATEs for a lock timeout,
# a deadlock and a serialization failure.
_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")
_BUSY_SQLSTATES = ("55P03", "40P01", "40001")


def is_database_busy(exc: BaseException) -> bool:
    """True when ``exc`` (or the driver error inside it) says another process held a lock too long."""
    for e in _chain(exc):
        if getattr(e, "sqlstate", None) in _BUSY_SQLSTATES:
            return True
        # args[0], not str(e): str() of a SQLAlchemy error would render its parameters.
        first = e.args[0] if e.args else ""
        if type(e).__name__ == "OperationalError" and isinstance(first, str):
            if any(m in first for m in _BUSY_MESSAGES):
                return True
    return False


def log_dir(db: str | os.PathLike | None = None) -> Path:
    """The data folder: beside the SQLite file of ``db`` (or $TILSYN_DB), else the default folder."""
    from ..store.db import default_db_path, resolve_url, sqlite_path

    db = _database if db is None else db
    try:
        path = sqlite_path(resolve_url(db))
    except Exception:  # noqa: BLE001 - a garbled --db must not stop the error from being logged
        path = None
    return (path if path is not None else default_db_path()).parent


def _open_private(path: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    if os.name == "posix":
        try:
            os.fchmod(fd, 0o600)  # an older log written under a looser umask gets tightened
        except OSError:
            pass
    return fd


def _rotate(path: Path) -> None:
    """Move a log over LOG_MAX_BYTES aside (``.1``, replacing the older one); a symlink in its
    place is left alone (``_open_private`` refuses to follow it)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    import stat

    if stat.S_ISREG(st.st_mode) and st.st_size >= LOG_MAX_BYTES:
        os.replace(path, path.with_name(path.name + ".1"))


def _write(folder: Path, entry: str) -> Path:
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    with _lock:
        _rotate(path)
        fd = _open_private(path)
        try:
            os.write(fd, entry.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    return path


def record(exc: BaseException, *, db: str | os.PathLike | None = None, context: str = "") -> Incident:
    """Append the redacted traceback of ``exc`` to the log; the same exception is logged once."""
    known = getattr(exc, _INCIDENT_ATTR, None)
    if isinstance(known, Incident):
        return known
    incident_id = secrets.token_hex(4).upper()
    stamp = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")
    head = f"=== {stamp} hændelse {incident_id} (pid {os.getpid()}"
    head += f", {redact(context)})" if context else ")"
    entry = f"{head}\n{format_exception(exc)}\n"
    folders = [log_dir(db)]
    try:
        from ..store.db import default_db_path

        folders.append(default_db_path().parent)
    except Exception:  # noqa: BLE001
        pass
    incident = None
    reason = ""
    for folder in dict.fromkeys(folders):
        try:
            incident = Incident(incident_id, _write(folder, entry))
            break
        except OSError as err:
            reason = redact(err.strerror or type(err).__name__)
    if incident is None:
        incident = Incident(incident_id, None, reason)
    try:
        setattr(exc, _INCIDENT_ATTR, incident)
    except (AttributeError, TypeError):
        pass
    return incident


def as_domain_error(exc: BaseException, *, db: str | os.PathLike | None = None, context: str = "") -> DomainError:
    """What to show for ``exc``: a DomainError as it is, a lock timeout as ``database_busy``,
    anything else logged (see record) and told as ``unexpected_error`` with the log's name."""
    if isinstance(exc, DomainError):
        return exc
    if is_database_busy(exc):
        return DomainError("database_busy")
    return record(exc, db=db, context=context).as_error()


def report_to_stderr(exc: BaseException, *, db: str | os.PathLike | None = None) -> None:
    """For the outermost handler of a process: one Danish line on stderr, never a traceback."""
    from ..messages import text_for

    try:
        line = text_for(as_domain_error(exc, db=db))
    except Exception:  # noqa: BLE001 - the handler itself must not fail with a traceback
        line = "Der opstod en uventet fejl."
    try:
        print(line, file=sys.stderr)
    except Exception:  # noqa: BLE001 - a closed stderr
        pass


class _ToErrorLog(logging.Handler):
    """Sends a log record that carries an exception (``log.error(..., exc_info=exc)``) to the log
    file, redacted like every other entry: a service that turns a failure into a Danish refusal
    keeps the technical detail this way, and nothing reaches stderr."""

    def emit(self, rec: logging.LogRecord) -> None:
        if not rec.exc_info or rec.exc_info[1] is None:
            return
        try:
            record(rec.exc_info[1], context=rec.getMessage())
        except Exception:  # noqa: BLE001 - logging must never raise into the caller
            pass


def capture_logging(logger_name: str = "tilsyn") -> None:
    """Route the app's exception-carrying log records into the private log (once per process)."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(h, _ToErrorLog) for h in logger.handlers):
        logger.addHandler(_ToErrorLog(level=logging.ERROR))
