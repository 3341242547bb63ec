"""Unit of work: one session, repositories over it, rollback unless committed.

Every change made through it lands in the audit chain with the acting user and the time of
the injected clock. A database that stays locked (SQLite busy timeout, PostgreSQL deadlock or
serialization failure) leaves it as DatabaseBusy; ``retrying`` runs a whole use case again.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import time
from typing import Callable, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DomainError
from . import audit
from .db import READ_ONLY_OPTION
from .repositories import (
    AuditRepository,
    CareHomeRepository,
    MunicipalityRepository,
    PermitRepository,
    ResidentRepository,
    SettingRepository,
    SignatureRepository,
    UserRepository,
)
from .repositories_force import DraftRepository, EpisodeRepository, FormRepository
from .repositories_supervision import SupervisionRepositories
from .types import utcnow

T = TypeVar("T")

RETRY_ATTEMPTS = 4
# SQLite result codes SQLITE_BUSY and SQLITE_LOCKED (the low byte of an extended code).
_SQLITE_BUSY_CODES = {5, 6}
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
_PG_RETRY_STATES = {"40001", "40P01", "55P03"}


class DatabaseBusy(DomainError):
    """Another user (process) holds the database longer than we wait; the work was not saved."""

    code = "database_busy"


class DatabaseConflict(DomainError):
    """Another user saved a conflicting record at the same moment (a unique key raced)."""

    code = "database_conflict"


def is_busy_error(exc: BaseException) -> bool:
    """True for a lock timeout or a lost race that is worth running the unit of work again for."""
    if not isinstance(exc, DBAPIError) or isinstance(exc, IntegrityError):
        return False
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in _PG_RETRY_STATES:
        return True
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _SQLITE_BUSY_CODES
    text = str(orig).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


def retrying(fn: Callable[..., T] | None = None, *, attempts: int = RETRY_ATTEMPTS):
    """Decorate a use case that opens its own unit of work: when the database was busy, run it
    again (short random pause, at most ``attempts`` times), then let DatabaseBusy through.

    Only for functions whose every effect is inside the unit of work, so a second run is safe.
    """
    def wrap(func: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(func)
        def run(*args, **kwargs) -> T:
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except DatabaseBusy:
                    if attempt == attempts:
                        raise
                    time.sleep(random.uniform(0.02, 0.1) * attempt)
            raise AssertionError("unreachable")
        return run

    return wrap(fn) if fn is not None else wrap


class SqlUnitOfWork:
    """Use as ``with uow_factory() as uow: ...; uow.commit()``. Leaving without commit rolls back."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Callable[[], tuple[str | None, str]] | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
        *,
        read_only: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self._actor = actor or (lambda: (None, "ukendt"))
        self._clock = clock
        self._read_only = read_only
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        if self._read_only:
            # A long read (verify, a PDF batch) on SQLite then takes no write lock: plain BEGIN.
            self.session.connection(execution_options={READ_ONLY_OPTION: True})
        self.session.info["audit_actor"] = self._actor()
        self.session.info["audit_clock"] = self._clock
        audit.install(self.session)
        self.municipalities = MunicipalityRepository(self.session)
        self.care_homes = CareHomeRepository(self.session)
        self.residents = ResidentRepository(self.session)
        self.permits = PermitRepository(self.session)
        self.users = UserRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.signatures = SignatureRepository(self.session)
        self.settings = SettingRepository(self.session)
        self.forms = FormRepository(self.session)
        self.episodes = EpisodeRepository(self.session)
        self.drafts = DraftRepository(self.session)
        self.supervision = SupervisionRepositories(self.session)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
            self.session.close()
        finally:
            self.session = None
        # Raw driver errors carry SQL and its parameters (CPR numbers): never let the two kinds a
        # user can cause by working at the same time as a colleague reach them that way.
        if exc is not None and is_busy_error(exc):
            raise DatabaseBusy() from None
        if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
            raise DatabaseConflict() from None

    def add_unique(self, obj: T, find: Callable[[], T | None]) -> tuple[T, bool]:
        """Insert ``obj``, whose unique key another process may be inserting at the same moment.

        The insert runs in a savepoint; when it loses the race, the savepoint is rolled back and
        the winner's row, ``find()``, is returned instead. Returns (row, created).
        """
        assert self.session is not None
        try:
            with self.session.begin_nested():
                self.session.add(obj)
        except IntegrityError:
            existing = find()
            if existing is None:
                raise
            return existing, False
        return obj, True

    @property
    def reason(self) -> str:
        assert self.session is not None
        return self.session.info.get("audit_reason", "")

    @reason.setter
    def reason(self, text: str) -> None:
        """The reason recorded on every audit entry of this unit of work (edits of signed data)."""
        assert self.session is not None
        self.session.info["audit_reason"] = text

    def act_as(self, actor_id: str | None, name: str) -> None:
        """Record later changes under another actor (login: the user who just proved who they are)."""
        assert self.session is not None
        self.session.info["audit_actor"] = (actor_id, name)

    def record(self, action: str, entity_type: str, entity_id: str | None, changes: dict | None = None,
               reason: str = "") -> str:
        """Append an explicit event (login, sign, export ...) to the audit chain."""
        assert self.session is not None
        self.session.flush()
        return audit.append(self.session, [audit.Event(action, entity_type, entity_id, changes or {}, reason)])[0]

    def audit_off(self) -> None:
        """Stop the automatic field-level audit in this unit of work (retention must not copy the
        data it deletes into the log); the caller records its own entry instead."""
        assert self.session is not None
        self.session.info["audit_off"] = True

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()

    def flush(self) -> None:
        assert self.session is not None
        self.session.flush()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()


def _is_unique_violation(exc: IntegrityError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    return state == "23505" or "unique constraint failed" in str(exc.orig).lower()


UowFactory = Callable[[], SqlUnitOfWork]
