"""Unit of work: one session, repositories over it, rollback unless committed."""

from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import Session, sessionmaker

from .repositories import CareHomeRepository, MunicipalityRepository, PermitRepository, ResidentRepository


class SqlUnitOfWork:
    """Use as ``with uow_factory() as uow: ...; uow.commit()``. Leaving without commit rolls back."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        self.municipalities = MunicipalityRepository(self.session)
        self.care_homes = CareHomeRepository(self.session)
        self.residents = ResidentRepository(self.session)
        self.permits = PermitRepository(self.session)
        return self

    def __exit__(self, *exc) -> None:
        assert self.session is not None
        self.session.rollback()
        self.session.close()
        self.session = None

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
