"""Issue 10.6: unlocking and signing share the login's back-off, and every failed try is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tilsyn.domain.throttle import seconds_left, wait_after
from tilsyn.services.users import LoginFailed, LoginThrottled, UserService

FIXED_NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def users(ctx):
    now = [FIXED_NOW]
    ctx.clock = lambda: now[0]
    service = UserService(ctx)
    service.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    service.login("admin", "hemmeligt-ord")
    service.now = now  # the test moves the clock
    return service


def _actions(ctx) -> list[str]:
    with ctx.uow_factory() as uow:
        return list(uow.session.execute(text("select action from audit_entry order by seq")).scalars())


def test_thirty_quick_wrong_passwords_at_the_lock_screen_are_slowed_down(users, ctx):
    outcomes = []
    for _ in range(30):
        try:
            users.verify_current_password("forkert")
        except LoginThrottled:
            outcomes.append("throttled")
        except LoginFailed:
            outcomes.append("failed")
    assert outcomes[:4] == ["failed"] * 4 and set(outcomes[4:]) == {"throttled"}
    # The right password does not work either until the wait is over.
    with pytest.raises(LoginThrottled) as exc:
        users.verify_current_password("hemmeligt-ord")
    assert exc.value.params["seconds"] == 30
    users.now[0] += dt.timedelta(seconds=31)
    users.verify_current_password("hemmeligt-ord")
    # Success resets the counter: the next wrong password is a plain failure again.
    with pytest.raises(LoginFailed):
        users.verify_current_password("forkert")


def test_failed_reauthentications_are_counted_and_audited(users, ctx):
    for _ in range(5):
        with pytest.raises((LoginFailed, LoginThrottled)):
            users.verify_current_password("forkert")
    with pytest.raises(LoginThrottled):
        users.verify_current_password("forkert")
    actions = _actions(ctx)
    assert actions.count("reauth_failed") == 5
    assert actions.count("reauth_throttled") == 1
    with ctx.uow_factory() as uow:
        attempts = uow.session.execute(
            text("select failed_attempts from user_account where username = 'admin'")).scalar_one()
    assert attempts == 5


def test_lock_screen_failures_slow_down_the_login_window_too(users, ctx):
    for _ in range(5):
        with pytest.raises((LoginFailed, LoginThrottled)):
            users.verify_current_password("forkert")
    users.logout()
    with pytest.raises(LoginThrottled):
        users.login("admin", "hemmeligt-ord")


def test_signing_shares_the_back_off(users, ctx):
    from tilsyn.services.signatures import SignatureService

    signer = SignatureService(ctx)
    for _ in range(5):
        with pytest.raises((LoginFailed, LoginThrottled)):
            with ctx.uow_factory() as uow:
                signer.sign(uow, "force_form", "00000000-0000-0000-0000-000000000001", (2, 3, 4), 2,
                            {"x": 1}, "forkert", "vejle-2011")
    with pytest.raises(LoginThrottled):
        with ctx.uow_factory() as uow:
            signer.sign(uow, "force_form", "00000000-0000-0000-0000-000000000001", (2, 3, 4), 2,
                        {"x": 1}, "hemmeligt-ord", "vejle-2011")


def test_the_rule():
    assert [wait_after(n) for n in (0, 4, 5, 6, 7, 30, 10**6)] == [0, 0, 30, 60, 120, 900, 900]
    assert seconds_left(5, FIXED_NOW, FIXED_NOW + dt.timedelta(seconds=10)) == 20
    assert seconds_left(5, FIXED_NOW, FIXED_NOW + dt.timedelta(seconds=31)) == 0
    assert seconds_left(4, FIXED_NOW, FIXED_NOW) == 0
    assert seconds_left(9, None, FIXED_NOW) == 0


def test_only_the_owner_of_accounts_rehashes_a_password_at_login(ctx, monkeypatch):
    """A care-home PC or a laptop holds the hub's accounts: logging in there never rewrites the
    hash (the hub's next file would otherwise meet a conflict per user); without sites it does."""
    from argon2 import PasswordHasher

    from tilsyn.domain.exchange import SiteKind
    from tilsyn.services import users as users_module
    from tilsyn.services.exchange import guard

    service = UserService(ctx)
    service.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")

    def stored():
        with ctx.uow_factory() as uow:
            return uow.session.execute(
                text("select password_hash from user_account where username = 'admin'")).scalar_one()

    old = stored()
    # New hashing parameters, as after an upgrade of the app: the old hash "needs a rehash".
    monkeypatch.setattr(users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024 * 2, parallelism=1))
    real_site_kind = guard.site_kind
    monkeypatch.setattr(guard, "site_kind", lambda session: SiteKind.CARE_HOME)
    service.login("admin", "hemmeligt-ord")
    assert stored() == old
    before = _actions(ctx)
    monkeypatch.setattr(guard, "site_kind", real_site_kind)  # no site here: it reads the database
    service.login("admin", "hemmeligt-ord")
    assert stored() != old
    # The rehash is login bookkeeping: one "login" entry, no field-level "update" of the account.
    assert _actions(ctx)[len(before):] == ["login"]
