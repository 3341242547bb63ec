import datetime as dt

import pytest
from sqlalchemy import text

from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput
from tamper_support import drop_guards
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.signatures import SignatureService
from tilsyn.services.users import LoginFailed, UserInput, UserService

SECTIONS = (2, 3, 4)
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def people(ctx):
    home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    users.login("admin", "hemmeligt-ord")
    users.create_user(UserInput("pia", "Pia Jensen", "staff", care_home_ids=(home.id,)), "pia-kodeord")
    users.create_user(UserInput("lene", "Lene Leder", "leader", care_home_ids=(home.id,)), "lene-kodeord")
    users.create_user(UserInput("sofie", "Sofie Sag", "caseworker"), "sofie-kodeord")
    return users


def sign(ctx, users, who, pw, section, content, entity="form-1"):
    users.login(who, pw)
    svc = SignatureService(ctx)
    with ctx.uow_factory() as uow:
        dto = svc.sign(uow, "test_form", entity, SECTIONS, section, content, pw, "vejle-2011")
        uow.commit()
    return dto


def test_sections_are_signed_in_turn_with_password(ctx, people):
    with pytest.raises(DomainError) as exc:
        sign(ctx, people, "lene", "lene-kodeord", 3, {"assessment": "Nødvendig"})
    assert exc.value.code == "signing_order"
    s2 = sign(ctx, people, "pia", "pia-kodeord", 2, {"episodes": ["a"]})
    assert s2.signer == "Pia Jensen" and s2.role == "staff" and s2.template_version == "vejle-2011"
    assert len(s2.hash) == 64
    people.login("lene", "lene-kodeord")
    with pytest.raises(LoginFailed):
        with ctx.uow_factory() as uow:
            SignatureService(ctx).sign(uow, "test_form", "form-1", SECTIONS, 3, {}, "forkert", "vejle-2011")
    s3 = sign(ctx, people, "lene", "lene-kodeord", 3, {"assessment": "Nødvendig"})
    assert s3.hash != s2.hash
    with pytest.raises(DomainError) as exc:
        sign(ctx, people, "lene", "lene-kodeord", 3, {"assessment": "igen"})
    assert exc.value.code == "already_signed"


def test_edit_voids_that_signature_and_later_ones_and_tells_who_signs_again(ctx, people):
    sign(ctx, people, "pia", "pia-kodeord", 2, {"episodes": ["a"]})
    sign(ctx, people, "lene", "lene-kodeord", 3, {"assessment": "Nødvendig"})
    sign(ctx, people, "sofie", "sofie-kodeord", 4, {"remarks": "OK"})
    svc = SignatureService(ctx)
    with ctx.uow_factory() as uow:
        with pytest.raises(DomainError) as exc:
            svc.void_from(uow, "test_form", "form-1", 3, "  ")
        assert exc.value.code == "reason_required"
        voided = svc.void_from(uow, "test_form", "form-1", 3, "Rettet dato for handleplan")
        uow.commit()
    assert [v.section for v in voided] == [3, 4]
    with ctx.uow_factory() as uow:
        assert [s.section for s in svc.signatures(uow, "test_form", "form-1")] == [2]
        again = svc.must_sign_again(uow, "test_form", "form-1")
    assert [(s.section, s.signer) for s in again] == [(3, "Lene Leder"), (4, "Sofie Sag")]
    sign(ctx, people, "lene", "lene-kodeord", 3, {"assessment": "Nødvendig, rettet"})
    with ctx.uow_factory() as uow:
        assert [s.section for s in svc.must_sign_again(uow, "test_form", "form-1")] == [4]
    actions = [e.action for e in AuditService_as_admin(ctx, people).history("form-1", "test_form")]
    assert actions == ["sign", "sign", "sign", "void", "sign"]


def AuditService_as_admin(ctx, people):
    people.login("admin", "hemmeligt-ord")
    return AuditService(ctx)


def test_verify_recomputes_signature_hashes(ctx, people):
    sign(ctx, people, "pia", "pia-kodeord", 2, {"episodes": ["a"]})
    people.login("admin", "hemmeligt-ord")
    assert AuditService(ctx).verify().ok
    with ctx.uow_factory() as uow:
        drop_guards(uow.session.connection())  # the append-only triggers refuse this edit
        uow.session.execute(text("""update signature set content = '{"episodes":["b"]}'"""))
        uow.commit()
    report = AuditService(ctx).verify()
    assert report.chain_faults == () and len(report.signature_faults) == 1
    assert report.signature_faults[0][1] == "hash"
