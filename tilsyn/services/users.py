"""Local accounts: first admin, login with slow-down, re-authentication, user administration."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.limits import length_errors, nfc
from ..domain.roles import ROLE_LABELS, Action, Actor, Role
from ..domain.throttle import seconds_left, wait_after
from ..store.models import User, UserCareHome
from ..store.repositories import as_uuid
from .context import AppContext

MIN_PASSWORD = 8
DEFAULT_LOCK_MINUTES = 10

_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserDTO:
    id: str
    username: str
    full_name: str
    role: str
    role_label: str
    position: str
    active: bool
    care_home_ids: tuple[str, ...]
    last_login_at: dt.datetime | None


@dataclass(frozen=True)
class UserInput:
    username: str
    full_name: str
    role: str
    position: str = ""
    care_home_ids: tuple[str, ...] = ()
    active: bool = True


class LoginFailed(DomainError):
    code = "login_failed"


class LoginThrottled(DomainError):
    code = "login_throttled"


def _dto(u: User) -> UserDTO:
    return UserDTO(
        str(u.id), u.username, u.full_name, u.role, ROLE_LABELS[Role(u.role)], u.position, u.active,
        tuple(sorted(u.care_home_ids)), u.last_login_at,
    )


def actor_of(u: User) -> Actor:
    return Actor(str(u.id), u.username, u.full_name, Role(u.role), u.care_home_ids)


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError([DomainError("password_too_short", field="password", min=MIN_PASSWORD)])


def _validate(data: UserInput) -> UserInput:
    username = nfc(data.username.strip().lower())
    full_name = nfc(" ".join(data.full_name.split()))
    position = nfc(data.position.strip())
    errors: list[DomainError] = list(length_errors({"username": username, "full_name": full_name,
                                                    "position": position}))
    if not username:
        errors.append(DomainError("required", field="username"))
    elif not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        errors.append(DomainError("username_chars", field="username"))
    if not full_name:
        errors.append(DomainError("required", field="full_name"))
    try:
        role = Role(data.role)
    except ValueError:
        errors.append(DomainError("unknown_role", field="role", value=data.role))
        role = None
    if role in (Role.STAFF, Role.LEADER) and not data.care_home_ids:
        errors.append(DomainError("user_needs_home", field="care_home_ids"))
    if errors:
        raise ValidationError(errors)
    return UserInput(username, full_name, data.role, position, tuple(sorted(set(data.care_home_ids))), data.active)


class UserService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- first run and login ------------------------------------------------------------------
    def needs_first_admin(self) -> bool:
        with self.ctx.uow_factory() as uow:
            return uow.users.count() == 0

    def create_first_admin(self, username: str, full_name: str, password: str) -> UserDTO:
        """Only on a database without users: the first account is an administrator."""
        _check_password(password)
        clean = _validate(UserInput(username, full_name, Role.ADMIN.value))
        with self.ctx.uow_factory() as uow:
            if uow.users.count() > 0:
                raise DomainError("admin_exists")
            uow.act_as(None, f"{clean.full_name} ({clean.username})")
            u = User(username=clean.username, full_name=clean.full_name, role=Role.ADMIN.value,
                     password_hash=_hasher.hash(password))
            uow.users.add(u)
            uow.commit()
            return _dto(u)

    def login(self, username: str, password: str) -> Actor:
        """Check the password; on success the context's user is set. Failed tries are audited and
        slow further tries down after five in a row."""
        now = self.ctx.now()
        with self.ctx.uow_factory() as uow:
            u = uow.users.by_username(username or "")
            if u is None or not u.active:
                uow.act_as(None, (username or "").strip()[:60] or "ukendt")
                uow.record("login_failed", "user_account", str(u.id) if u else None,
                           {"username": (username or "").strip()[:60]})
                uow.commit()
                raise LoginFailed()
            left = seconds_left(u.failed_attempts, u.last_failed_at, now)
            if left:
                raise LoginThrottled(seconds=left)
            uow.act_as(str(u.id), f"{u.full_name} ({u.username})")
            if not _verify(u.password_hash, password):
                u.failed_attempts += 1
                u.last_failed_at = now
                uow.session.info["audit_off"] = True  # the counter is not worth a field entry
                uow.record("login_failed", "user_account", str(u.id), {"attempt": u.failed_attempts})
                uow.commit()
                if wait_after(u.failed_attempts):
                    raise LoginThrottled(seconds=wait_after(u.failed_attempts))
                raise LoginFailed()
            # The login's own bookkeeping is not worth field entries; set before any change, since
            # the site lookup below may flush them.
            uow.session.info["audit_off"] = True
            u.failed_attempts = 0
            u.last_login_at = now
            # Accounts are the hub's (issue 11): a care-home PC or a laptop never rewrites a hash
            # it was sent, or the hub's next file would meet a conflict for every user who logged in.
            if _hasher.check_needs_rehash(u.password_hash) and _owns_accounts(uow.session):
                u.password_hash = _hasher.hash(password)
            uow.record("login", "user_account", str(u.id))
            uow.commit()
            actor = actor_of(u)
        self.ctx.user = actor
        return actor

    def logout(self) -> None:
        if self.ctx.user is not None and self.ctx.user.id is not None:
            with self.ctx.uow_factory() as uow:
                uow.record("logout", "user_account", self.ctx.user.id)
                uow.commit()
        self.ctx.user = None

    def verify_current_password(self, password: str) -> None:
        """Re-authentication for unlocking and signing; raises LoginFailed or LoginThrottled.

        Shares the login's back-off: the same per-account counter, so wrong passwords typed at the
        lock screen or when signing slow down every later try, and each one is audited."""
        user = self.ctx.user
        if user is None or user.id is None:
            raise LoginFailed()
        now = self.ctx.now()
        with self.ctx.uow_factory() as uow:
            u = uow.users.get(user.id)
            if u is None or not u.active:
                uow.record("reauth_failed", "user_account", user.id)
                uow.commit()
                raise LoginFailed()
            left = seconds_left(u.failed_attempts, u.last_failed_at, now)
            if left:
                uow.record("reauth_throttled", "user_account", user.id, {"attempt": u.failed_attempts})
                uow.commit()
                raise LoginThrottled(seconds=left)
            if not _verify(u.password_hash, password):
                u.failed_attempts += 1
                u.last_failed_at = now
                uow.session.info["audit_off"] = True  # the counter is not worth a field entry
                uow.record("reauth_failed", "user_account", user.id, {"attempt": u.failed_attempts})
                uow.commit()
                if wait_after(u.failed_attempts):
                    raise LoginThrottled(seconds=wait_after(u.failed_attempts))
                raise LoginFailed()
            if u.failed_attempts:
                u.failed_attempts = 0
                uow.session.info["audit_off"] = True
                uow.commit()

    def change_own_password(self, old: str, new: str) -> None:
        self.verify_current_password(old)
        _check_password(new)
        with self.ctx.uow_factory() as uow:
            u = uow.users.get(self.ctx.user.id)
            u.password_hash = _hasher.hash(new)
            uow.commit()

    def lock_minutes(self) -> int:
        with self.ctx.uow_factory() as uow:
            return int(uow.settings.get("lock_minutes", str(DEFAULT_LOCK_MINUTES)))

    def set_lock_minutes(self, minutes: int) -> None:
        self.ctx.require(Action.SETTINGS_MANAGE)
        if not 1 <= int(minutes) <= 240:
            raise ValidationError([DomainError("lock_minutes", field="lock_minutes")])
        with self.ctx.uow_factory() as uow:
            uow.settings.set("lock_minutes", str(int(minutes)))
            uow.commit()

    # -- administration -----------------------------------------------------------------------
    def list_users(self) -> list[UserDTO]:
        self.ctx.require(Action.USER_MANAGE)
        with self.ctx.uow_factory() as uow:
            return [_dto(u) for u in uow.users.list_all()]

    def create_user(self, data: UserInput, password: str) -> UserDTO:
        self.ctx.require(Action.USER_MANAGE)
        clean = _validate(data)
        _check_password(password)
        with self.ctx.uow_factory() as uow:
            if uow.users.by_username(clean.username):
                raise ValidationError([DomainError("username_taken", field="username", username=clean.username)])
            u = User(username=clean.username, full_name=clean.full_name, role=clean.role, position=clean.position,
                     active=clean.active, password_hash=_hasher.hash(password))
            u.care_homes = [UserCareHome(care_home_id=as_uuid(h)) for h in clean.care_home_ids]
            uow.users.add(u)
            uow.commit()
            return _dto(u)

    def update_user(self, user_id: str, data: UserInput) -> UserDTO:
        self.ctx.require(Action.USER_MANAGE)
        clean = _validate(data)
        with self.ctx.uow_factory() as uow:
            u = uow.users.get(user_id)
            if u is None:
                raise NotFound(what="Brugeren")
            other = uow.users.by_username(clean.username)
            if other is not None and other.id != u.id:
                raise ValidationError([DomainError("username_taken", field="username", username=clean.username)])
            losing_admin = u.role == Role.ADMIN.value and (clean.role != Role.ADMIN.value or not clean.active)
            if losing_admin and uow.users.count_active_admins() <= 1:
                raise DomainError("last_admin")
            u.username, u.full_name, u.role = clean.username, clean.full_name, clean.role
            u.position, u.active = clean.position, clean.active
            wanted = {as_uuid(h) for h in clean.care_home_ids}
            u.care_homes[:] = [x for x in u.care_homes if x.care_home_id in wanted]
            have = {x.care_home_id for x in u.care_homes}
            u.care_homes.extend(UserCareHome(care_home_id=h) for h in sorted(wanted - have))
            uow.commit()
            return _dto(u)

    def reset_password(self, user_id: str, password: str) -> None:
        self.ctx.require(Action.USER_MANAGE)
        _check_password(password)
        with self.ctx.uow_factory() as uow:
            u = uow.users.get(user_id)
            if u is None:
                raise NotFound(what="Brugeren")
            u.password_hash = _hasher.hash(password)
            u.failed_attempts = 0
            uow.commit()


def _owns_accounts(session) -> bool:
    """True where user accounts may be changed: a database that is no site, or the hub."""
    from ..domain.exchange import SiteKind
    from .exchange.guard import site_kind

    return site_kind(session) in (None, SiteKind.HUB)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
