"""Roles, actions and the one permission table (role x action).

Services call ``check(actor, action, care_home_id)`` before they do anything; the UI asks
``allowed`` only to hide what a role cannot do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .errors import DomainError


class Role(StrEnum):
    STAFF = "staff"
    LEADER = "leader"
    CASEWORKER = "caseworker"
    CONSULTANT = "consultant"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.STAFF: "Medarbejder",
    Role.LEADER: "Nærmeste leder",
    Role.CASEWORKER: "Sagsbehandler",
    Role.CONSULTANT: "Tilsynskonsulent",
    Role.ADMIN: "Administrator",
}

# Roles whose access is limited to the care homes they are attached to.
SCOPED_ROLES = frozenset({Role.STAFF, Role.LEADER})


class Action(StrEnum):
    CARE_HOME_VIEW = "care_home.view"
    CARE_HOME_MANAGE = "care_home.manage"
    RESIDENT_VIEW = "resident.view"
    RESIDENT_MANAGE = "resident.manage"
    PERMIT_VIEW = "permit.view"
    PERMIT_MANAGE = "permit.manage"
    EPISODE_REGISTER = "episode.register"
    EPISODE_READ_NARRATIVE = "episode.read_narrative"
    FORM_SIGN_LEADER = "form.sign_leader"
    FORM_PROCESS = "form.process"
    FORMS_EXPORT = "forms.export"
    VISIT_MANAGE = "visit.manage"
    VISIT_REPLY = "visit.reply"
    VISIT_ACTION_PLAN = "visit.action_plan"  # write the staff's own action plan
    PROTOCOL_INSTALL = "protocol.install"  # install a municipality's own protocol or scale
    FORCE_EXISTS_VIEW = "force.exists_view"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    PRIVACY_EXPORT = "privacy.export"
    PRIVACY_RETENTION = "privacy.retention"
    DATA_IMPORT = "data.import"
    DEMO_LOAD = "demo.load"
    SETTINGS_MANAGE = "settings.manage"


A = Action
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.STAFF: frozenset({
        A.CARE_HOME_VIEW, A.RESIDENT_VIEW, A.PERMIT_VIEW, A.EPISODE_REGISTER, A.EPISODE_READ_NARRATIVE,
    }),
    Role.LEADER: frozenset({
        A.CARE_HOME_VIEW, A.RESIDENT_VIEW, A.RESIDENT_MANAGE, A.PERMIT_VIEW, A.PERMIT_MANAGE,
        A.EPISODE_REGISTER, A.EPISODE_READ_NARRATIVE, A.FORM_SIGN_LEADER, A.FORMS_EXPORT,
        A.VISIT_REPLY,  # reads the draft visit report of their home and replies (høring)
        A.VISIT_ACTION_PLAN,  # writes the staff's own action plan of their home
    }),
    Role.CASEWORKER: frozenset({
        A.CARE_HOME_VIEW, A.RESIDENT_VIEW, A.RESIDENT_MANAGE, A.PERMIT_VIEW, A.PERMIT_MANAGE,
        A.EPISODE_READ_NARRATIVE, A.FORM_PROCESS, A.FORMS_EXPORT, A.DATA_IMPORT, A.AUDIT_VIEW,
    }),
    # The consultant samples and interviews; sees that force exists, never the episodes.
    Role.CONSULTANT: frozenset({A.CARE_HOME_VIEW, A.RESIDENT_VIEW, A.VISIT_MANAGE, A.FORCE_EXISTS_VIEW,
                                A.VISIT_ACTION_PLAN, A.PROTOCOL_INSTALL}),
    Role.ADMIN: frozenset({
        A.CARE_HOME_VIEW, A.CARE_HOME_MANAGE, A.RESIDENT_VIEW, A.RESIDENT_MANAGE, A.PERMIT_VIEW,
        A.PERMIT_MANAGE, A.USER_MANAGE, A.AUDIT_VIEW, A.AUDIT_VERIFY, A.PRIVACY_EXPORT,
        A.PRIVACY_RETENTION, A.DATA_IMPORT, A.DEMO_LOAD, A.SETTINGS_MANAGE, A.PROTOCOL_INSTALL,
    }),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or a built-in actor (``id`` None) for one narrow job.

    ``only`` narrows a built-in actor to the listed actions, whatever its role allows."""

    id: str | None
    username: str
    full_name: str
    role: Role
    care_home_ids: frozenset[str] = field(default_factory=frozenset)
    only: frozenset[Action] | None = None

    @property
    def scoped(self) -> bool:
        return self.role in SCOPED_ROLES

    @property
    def label(self) -> str:
        return f"{self.full_name} ({self.username})"


# Built-in actors. The command line never acts as SYSTEM or SYSTEM_EXPORT: every command that reads
# or changes personal data logs a user in (tilsyn.cli). These two remain for open_app's default in
# tests, benchmarks and the screenshot tool, which fill and read throwaway databases.
SYSTEM = Actor(None, "system", "Kommandolinjen", Role.ADMIN)
SYSTEM_EXPORT = Actor(None, "system", "Kommandolinjen (eksport)", Role.CASEWORKER)
# ``tilsyn verify`` runs without a login: it prints hashes, record ids and masked CPR numbers, never
# personal data, so anyone holding the file (or the authority with a printed chain head) can run it.
VERIFIER = Actor(None, "tilsyn verify", "Kontrollen", Role.ADMIN, only=frozenset({Action.AUDIT_VERIFY}))
# ``tilsyn demo`` fills an empty database, which has nobody to log in as; DemoService lets this
# actor write only into an empty or demo database (the first-run screen fills as the new admin).
DEMO_GENERATOR = Actor(None, "tilsyn demo", "Demogeneratoren", Role.ADMIN, only=frozenset({Action.DEMO_LOAD}))


class PermissionDenied(DomainError):
    code = "permission_denied"


class NotLoggedIn(DomainError):
    code = "not_logged_in"


def allowed(actor: Actor | None, action: Action, care_home_id: str | None = None) -> bool:
    """True when ``actor`` may do ``action`` (on ``care_home_id`` for scoped roles)."""
    if actor is None:
        return False
    if action not in PERMISSIONS[actor.role] or (actor.only is not None and action not in actor.only):
        return False
    if care_home_id is not None and actor.scoped:
        return str(care_home_id) in actor.care_home_ids
    return True


def check(actor: Actor | None, action: Action, care_home_id: str | None = None) -> Actor:
    """Raise PermissionDenied (or NotLoggedIn) unless ``allowed``; return the actor."""
    if actor is None:
        raise NotLoggedIn()
    if not allowed(actor, action, care_home_id):
        raise PermissionDenied(action=action.value, role=ROLE_LABELS[actor.role])
    return actor


def home_scope(actor: Actor) -> frozenset[str] | None:
    """The care homes a list query must be limited to, or None for all."""
    return actor.care_home_ids if actor.scoped else None
