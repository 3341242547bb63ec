import datetime as dt

import pytest
from sqlalchemy import text

from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.domain.roles import Role
from tamper_support import drop_guards
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.residents import ResidentService
from tilsyn.domain.throttle import wait_after
from tilsyn.services.users import LoginFailed, LoginThrottled, UserInput, UserService

FIXED_NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def home(ctx):
    return CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]


def test_first_admin_only_once(ctx):
    users = UserService(ctx)
    assert users.needs_first_admin()
    with pytest.raises(ValidationError):
        users.create_first_admin("admin", "Anne Admin", "kort")
    users.create_first_admin("Admin", "Anne Admin", "hemmeligt-ord")
    assert not users.needs_first_admin()
    with pytest.raises(DomainError) as exc:
        users.create_first_admin("admin2", "Bo", "hemmeligt-ord")
    assert exc.value.code == "admin_exists"
    actor = users.login("admin", "hemmeligt-ord")
    assert actor.role == Role.ADMIN and ctx.user == actor


def test_password_is_stored_as_argon2_hash(ctx):
    UserService(ctx).create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    with ctx.uow_factory() as uow:
        stored = uow.session.execute(text("select password_hash from user_account")).scalar_one()
    assert stored.startswith("$argon2id$") and "hemmeligt-ord" not in stored


def test_wrong_passwords_slow_down_after_five(ctx):
    now = [FIXED_NOW]
    ctx.clock = lambda: now[0]
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    for _ in range(4):
        with pytest.raises(LoginFailed):
            users.login("admin", "forkert")
    with pytest.raises(LoginThrottled) as exc:
        users.login("admin", "forkert")
    assert exc.value.params["seconds"] == 30
    # Even the right password waits until the time is up.
    now[0] += dt.timedelta(seconds=10)
    with pytest.raises(LoginThrottled) as exc:
        users.login("admin", "hemmeligt-ord")
    assert exc.value.params["seconds"] == 20
    now[0] += dt.timedelta(seconds=21)
    users.login("admin", "hemmeligt-ord")
    assert wait_after(4) == 0 and wait_after(5) == 30 and wait_after(6) == 60 and wait_after(30) == 900


def test_login_and_failed_login_are_audited(ctx):
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    with pytest.raises(LoginFailed):
        users.login("admin", "forkert")
    with pytest.raises(LoginFailed):
        users.login("ukendt", "forkert")
    users.login("admin", "hemmeligt-ord")
    actions = [e.action for e in AuditService(ctx).latest()][::-1]
    assert actions[-3:] == ["login_failed", "login_failed", "login"]


def test_scoped_staff_sees_only_own_home(ctx):
    homes = CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune", [CareHomeInput("Bakkegården"), CareHomeInput("Solgården")]
    )
    res = ResidentService(ctx)
    a = res.save(None, ResidentInput("010150-1234", "Jens Hansen", homes[0].id)).id
    b = res.save(None, ResidentInput("020250-1234", "Anna Berg", homes[1].id)).id
    users = UserService(ctx)
    users.create_user(UserInput("pia", "Pia Jensen", "staff", care_home_ids=(homes[0].id,)), "hemmeligt-ord")
    users.login("pia", "hemmeligt-ord")
    assert res.search_ids() == [a]
    assert [r.id for r in res.rows([a, b])] == [a]
    assert [h.name for h in CareHomeService(ctx).list_care_homes()] == ["Bakkegården"]
    with pytest.raises(DomainError) as exc:
        res.get(b)
    assert exc.value.code == "permission_denied"
    with pytest.raises(DomainError):
        res.save(a, ResidentInput("010150-1234", "Jens H", homes[0].id))  # staff may not edit residents


def test_user_admin_rules(ctx, home):
    users = UserService(ctx)
    admin = users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    users.login("admin", "hemmeligt-ord")
    with pytest.raises(ValidationError) as exc:
        users.create_user(UserInput("pia", "Pia", "leader"), "hemmeligt-ord")
    assert exc.value.errors[0].code == "user_needs_home"
    u = users.create_user(UserInput("pia", "Pia Jensen", "leader", care_home_ids=(home.id,)), "hemmeligt-ord")
    with pytest.raises(ValidationError):
        users.create_user(UserInput("PIA", "Pia 2", "consultant"), "hemmeligt-ord")
    with pytest.raises(DomainError) as exc:
        users.update_user(admin.id, UserInput("admin", "Anne Admin", "caseworker"))
    assert exc.value.code == "last_admin"
    users.update_user(u.id, UserInput("pia", "Pia Jensen", "leader", care_home_ids=(home.id,), active=False))
    with pytest.raises(LoginFailed):
        users.login("pia", "hemmeligt-ord")


def test_audit_records_who_what_old_and_new(ctx, home):
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    users.login("admin", "hemmeligt-ord")
    res = ResidentService(ctx)
    rid = res.save(None, ResidentInput("010150-1234", "Jens Hansen", home.id)).id
    res.save(rid, ResidentInput("010150-1234", "Jens Peter Hansen", home.id, room="7"))
    history = AuditService(ctx).history(rid, "resident")
    assert [e.action for e in history] == ["create", "update"]
    assert history[0].changes["name"] == [None, "Jens Hansen"]
    assert history[1].changes == {"name": ["Jens Hansen", "Jens Peter Hansen"], "room": ["", "7"]}
    assert history[1].actor == "Anne Admin (admin)"
    assert history[1].at == FIXED_NOW


def test_password_hash_never_in_audit(ctx):
    UserService(ctx).create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    with ctx.uow_factory() as uow:
        payloads = uow.session.execute(text("select changes from audit_entry")).scalars().all()
    assert any('"password_hash":[null,"***"]' in p for p in payloads)
    assert not any("argon2" in p for p in payloads)


def test_verify_finds_a_row_changed_behind_the_apps_back(ctx, home):
    res = ResidentService(ctx)
    rid = res.save(None, ResidentInput("010150-1234", "Jens Hansen", home.id)).id
    res.save(rid, ResidentInput("010150-1234", "Jens Peter Hansen", home.id))
    report = AuditService(ctx).verify()
    assert report.ok and report.entries >= 4 and report.head_seq == report.entries
    with ctx.uow_factory() as uow:
        drop_guards(uow.session.connection())  # the triggers refuse this edit (test_tamper.py)
        seq = uow.session.execute(
            text("select seq from audit_entry where action = 'update' and entity_type = 'resident'")
        ).scalar_one()
        uow.session.execute(
            text("update audit_entry set changes = :c where seq = :s"),
            {"c": '{"name":["Jens Hansen","Someone Else"]}', "s": seq},
        )
        uow.commit()
    report = AuditService(ctx).verify()
    assert not report.ok
    assert report.first_broken.seq == seq and report.first_broken.problem == "payload"


def test_verify_finds_a_deleted_entry_and_a_rewritten_hash(ctx, home):
    res = ResidentService(ctx)
    rid = res.save(None, ResidentInput("010150-1234", "Jens Hansen", home.id)).id
    res.save(rid, ResidentInput("010150-1234", "Jens Peter Hansen", home.id))
    with ctx.uow_factory() as uow:
        drop_guards(uow.session.connection())  # the triggers refuse this edit (test_tamper.py)
        uow.session.execute(text("update audit_entry set actor_name = 'Nogen' where seq = 2"))
        uow.commit()
    report = AuditService(ctx).verify()
    assert report.first_broken.seq == 2 and report.first_broken.problem == "hash"
    with ctx.uow_factory() as uow:
        uow.session.execute(text("delete from audit_entry where seq = 2"))
        uow.commit()
    report = AuditService(ctx).verify()
    assert report.first_broken.seq == 3 and {f.problem for f in report.chain_faults} >= {"sequence", "link"}
