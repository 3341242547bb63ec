"""Unit of work: one session, repositories over it, rollback unless committed.

Every change made through it lands in the audit chain with the acting user and the time of
the injected clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy.orm import Session, sessionmaker

from . import audit
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


class SqlUnitOfWork:
    """Use as ``with uow_factory() as uow: ...; uow.commit()``. Leaving without commit rolls back."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Callable[[], tuple[str | None, str]] | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._session_factory = session_factory
        self._actor = actor or (lambda: (None, "ukendt"))
        self._clock = clock
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
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

    def __exit__(self, *exc) -> None:
        assert self.session is not None
        self.session.rollback()
        self.session.close()
        self.session = None

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


UowFactory = Callable[[], SqlUnitOfWork]
