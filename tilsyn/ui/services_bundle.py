"""The services one running window shares, built once from the app context (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

from ..services.audit import AuditService
from ..services.care_homes import CareHomeService
from ..services.context import AppContext
from ..services.exports import ExportService
from ..services.force import ForceService
from ..services.privacy import PrivacyService
from ..services.residents import ResidentService
from ..services.supervision import SupervisionService
from ..services.users import UserService


@dataclass(frozen=True)
class Services:
    """Passed to the main window, which hands each view the services it needs."""

    ctx: AppContext
    care_homes: CareHomeService
    residents: ResidentService
    force: ForceService
    exports: ExportService
    users: UserService
    audit: AuditService
    privacy: PrivacyService
    supervision: SupervisionService

    @classmethod
    def build(cls, ctx: AppContext) -> Services:
        """One instance of each service over ``ctx``."""
        return cls(ctx=ctx, care_homes=CareHomeService(ctx), residents=ResidentService(ctx), force=ForceService(ctx),
                   exports=ExportService(ctx), users=UserService(ctx), audit=AuditService(ctx),
                   privacy=PrivacyService(ctx), supervision=SupervisionService(ctx))
