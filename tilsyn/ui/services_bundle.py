"""The services one running window shares, built once from the app context (no Qt here)."""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services.context import AppContext
    from ..services.audit import AuditService
    from ..services.care_homes import CareHomeService
    from ..services.exchange.records import ConflictService
    from ..services.exchange.status import ExchangeService
    from ..services.exports import ExportService
    from ..services.force import ForceService
    from ..services.privacy import PrivacyService
    from ..services.residents import ResidentService
    from ..services.supervision import SupervisionService
    from ..services.users import UserService


class _Lazy:
    """A service made (and its module imported) the first time a page asks for it: the login
    window needs only the users service, so the start never pays for reportlab, the supervision
    service and the rest (issue 14, cold start)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.cls = module, name

    def __set_name__(self, owner, attr: str) -> None:
        self.attr = attr

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        made = obj._made
        if self.attr not in made:
            with obj._lock:
                if self.attr not in made:
                    cls = getattr(importlib.import_module(self.module, __package__), self.cls)
                    made[self.attr] = cls(obj.ctx)
        return made[self.attr]


class Services:
    """Passed to the main window, which hands each view the services it needs."""

    care_homes: CareHomeService = _Lazy("..services.care_homes", "CareHomeService")
    residents: ResidentService = _Lazy("..services.residents", "ResidentService")
    force: ForceService = _Lazy("..services.force", "ForceService")
    exports: ExportService = _Lazy("..services.exports", "ExportService")
    users: UserService = _Lazy("..services.users", "UserService")
    audit: AuditService = _Lazy("..services.audit", "AuditService")
    privacy: PrivacyService = _Lazy("..services.privacy", "PrivacyService")
    supervision: SupervisionService = _Lazy("..services.supervision", "SupervisionService")
    exchange: ExchangeService = _Lazy("..services.exchange.status", "ExchangeService")
    conflicts: ConflictService = _Lazy("..services.exchange.records", "ConflictService")

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._made: dict[str, object] = {}
        self._lock = threading.Lock()

    @classmethod
    def build(cls, ctx: AppContext) -> Services:
        """The services over ``ctx``; each one is made when first used."""
        return cls(ctx)

    def __setattr__(self, name: str, value) -> None:
        if isinstance(getattr(type(self), name, None), _Lazy):
            raise AttributeError(f"Services.{name} is read-only")  # as the frozen dataclass was
        super().__setattr__(name, value)
