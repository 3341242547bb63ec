"""Tamper suite: edit the database behind the app's back with raw SQL, as a person holding the file
(or the PostgreSQL credentials) would, and check that ``verify`` finds it, naming the record.

Every edit is tried twice where it applies: the append-only triggers refuse it, and when an
attacker has dropped the triggers first, the chain, the fold or the anchor (``--expect-head``)
still finds it. On SQLite and on PostgreSQL (``db_url``).
"""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from tamper_support import drop_guards
from tilsyn.cli import main
from tilsyn.domain.chain import AuditRecord
from tilsyn.domain.force import EpisodeInput, StaffInput
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.users import UserInput, UserService
from tilsyn.store.models import AuditEntry, AuditHead, Signature

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date


@pytest.fixture
def world(ctx):
    """A home, a resident with a relative and a permit, an episode with section 2 signed."""
    ctx.clock = lambda: dt.datetime(2026, 6, 10, 12, tzinfo=dt.timezone.utc)
    home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    users.login("admin", "hemmeligt-ord")
    res = ResidentService(ctx)
    karen = res.save(None, ResidentInput("010130-1234", "Karen Ødegaard", home.id),
                     [RelativeInput("Søren Ødegaard", "søn", "20304050")])
    res.save_permit(karen.id, None, PermitInput(("128_belts",), D(2026, 6, 1), D(2026, 12, 31), "Om natten"))
    users.create_user(UserInput("pia", "Pia Jensen", "staff", care_home_ids=(home.id,)), "pia-kodeord")
    users.login("pia", "pia-kodeord")
    force = ForceService(ctx)
    reg = force.register_episode(EpisodeInput(
        karen.id, "128_belts", dt.datetime(2026, 6, 9, 12, tzinfo=CPH),
        description="Bælte om natten", staff=(StaffInput("Pia Jensen", is_writer=True),)))
    force.sign_section(reg.form_id, 2, "pia-kodeord")
    users.login("admin", "hemmeligt-ord")
    assert AuditService(ctx).verify().ok
    return {"home": home, "karen": ResidentService(ctx).get(karen.id), "form_id": reg.form_id}


def _sql(ctx, statement: str, params: dict | None = None, *, unguarded: bool = False):
    with ctx.uow_factory() as uow:
        conn = uow.session.connection()
        if unguarded:
            drop_guards(conn)
        result = conn.execute(text(statement), params or {})
        rows = result.all() if result.returns_rows else None
        uow.commit()
    return rows


def _uuid_param(ctx, value: str):
    # SQLite stores UUIDs as 32 hex digits, PostgreSQL as uuid.
    return value if ctx.extras["engine"].dialect.name == "postgresql" else value.replace("-", "")


def _refused(ctx, statement: str, params: dict | None = None) -> str:
    with pytest.raises(DatabaseError) as exc:
        _sql(ctx, statement, params)
    return str(exc.value)


def _verify_cli(ctx, *args) -> tuple[int, str]:
    url = ctx.extras["engine"].url.render_as_string(hide_password=False)
    import io
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", "--db", url, *args])
    return code, out.getvalue() + err.getvalue()


def _head_as_printed(ctx) -> str:
    seq, hash_ = AuditService(ctx).head()
    return f"nr. {seq} · {hash_}"  # as services/exports.py prints it on every PDF


# -- point 2: the log equals the data ------------------------------------------------------------


def test_a_name_changed_without_audit_is_named_by_table_record_and_field(ctx, world):
    karen = world["karen"]
    _sql(ctx, "update resident set name = 'Karin Hansen' where id = :i", {"i": _uuid_param(ctx, karen.id)})
    report = AuditService(ctx).verify()
    assert not report.ok and report.chain_faults == ()
    assert [(f.table, f.record, f.field, f.problem) for f in report.data_faults] == [
        ("resident", karen.id, "name", "changed")]
    code, text_ = _verify_cli(ctx)
    assert code == 1
    assert f"Beboer (resident) {karen.id}: feltet »name« er ændret uden om revisionsloggen" in text_
    assert "Karin" not in text_ and "Ødegaard" not in text_  # names the field, never the data


def test_an_episode_text_and_cpr_changed_without_audit_are_found(ctx, world):
    karen = world["karen"]
    _sql(ctx, "update episode set description = 'Intet skete' where resident_id = :i",
         {"i": _uuid_param(ctx, karen.id)})
    _sql(ctx, "update resident set cpr = '0202301234' where id = :i", {"i": _uuid_param(ctx, karen.id)})
    faults = {(f.table, f.field) for f in AuditService(ctx).verify().data_faults}
    assert faults == {("episode", "description"), ("resident", "cpr")}


def test_a_row_inserted_without_audit_is_named(ctx, world):
    karen = world["karen"]
    new_id = "0e0e0e0e-0000-4000-8000-000000000001"
    _sql(ctx, "insert into relative (id, resident_id, name, relation, phone, created_at, updated_at) "
              "values (:i, :r, 'Falsk Pårørende', '', '', :n, :n)",
         {"i": _uuid_param(ctx, new_id), "r": _uuid_param(ctx, karen.id),
          "n": dt.datetime(2026, 6, 10, 12, tzinfo=dt.timezone.utc)})
    report = AuditService(ctx).verify()
    assert [(f.table, f.record, f.field, f.problem) for f in report.data_faults] == [
        ("relative", new_id, None, "inserted")]
    code, text_ = _verify_cli(ctx)
    assert code == 1 and f"Pårørende (relative) {new_id} findes, men er indsat uden om revisionsloggen" in text_


def test_a_row_deleted_without_audit_is_named(ctx, world):
    relative_id = world["karen"].relatives[0].id
    _sql(ctx, "delete from relative where id = :i", {"i": _uuid_param(ctx, relative_id)})
    report = AuditService(ctx).verify()
    assert [(f.table, f.record, f.problem) for f in report.data_faults] == [("relative", relative_id, "deleted")]


def test_a_link_row_deleted_without_audit_is_named(ctx, world):
    permit_id = world["karen"].permits[0].id
    _sql(ctx, "delete from permit_force_type where permit_id = :i", {"i": _uuid_param(ctx, permit_id)})
    report = AuditService(ctx).verify()
    assert [(f.table, f.record, f.problem) for f in report.data_faults] == [
        ("permit_force_type", f"{permit_id}/128_belts", "deleted")]


# -- point 3: append-only in the database itself ------------------------------------------------


def test_triggers_refuse_update_and_delete_of_audit_rows_by_raw_sql(ctx, world):
    assert "append-only" in _refused(ctx, "update audit_entry set actor_name = 'Mallory' where seq = 3")
    assert "append-only" in _refused(ctx, "delete from audit_entry where seq = 3")
    assert "append-only" in _refused(ctx, "delete from audit_entry")
    assert "append-only" in _refused(ctx, "update audit_head set seq = seq - 1, hash = 'x'")
    assert "append-only" in _refused(ctx, "delete from audit_head")
    assert "append-only" in _refused(ctx, "update signature set content = '{}'")
    assert "append-only" in _refused(ctx, "update signature set hash = 'x'")
    assert "append-only" in _refused(ctx, "delete from signature")
    assert AuditService(ctx).verify().ok  # nothing got through


def test_triggers_refuse_update_and_delete_of_audit_rows_through_the_orm(ctx, world):
    for change in (lambda s: setattr(s.get(AuditEntry, 2), "reason", "ingen"),
                   lambda s: s.delete(s.get(AuditEntry, 2)),
                   lambda s: setattr(s.scalars(select(Signature)).first(), "signer_name", "Mallory"),
                   lambda s: s.delete(s.scalars(select(Signature)).first()),
                   lambda s: setattr(s.get(AuditHead, 1), "seq", 1)):
        with ctx.uow_factory() as uow:
            uow.session.info["audit_off"] = True
            change(uow.session)
            with pytest.raises(DatabaseError) as exc:
                uow.commit()
            assert "append-only" in str(exc.value)
    assert AuditService(ctx).verify().ok


def test_truncate_of_the_log_is_refused(ctx, world):
    if ctx.extras["engine"].dialect.name != "postgresql":
        pytest.skip("TRUNCATE exists only on PostgreSQL")
    for table in ("audit_entry", "signature", "audit_head"):
        assert "append-only" in _refused(ctx, f"truncate {table} cascade")


def test_voiding_a_signature_is_the_one_update_allowed(ctx, world):
    with ctx.uow_factory() as uow:
        sig = uow.session.scalars(select(Signature)).one()
        sig.voided_at, sig.voided_by, sig.void_reason = ctx.now(), "Anne Admin", "Rettet"
        uow.session.info["audit_off"] = True
        uow.commit()
    # Once voided, the void itself cannot be changed or undone.
    assert "append-only" in _refused(ctx, "update signature set voided_at = null")
    assert "append-only" in _refused(ctx, "update signature set void_reason = 'andet'")


def test_redacted_with_changes_rewritten_is_refused_and_without_triggers_breaks_the_hash(ctx, world):
    seq = _sql(ctx, "select seq from audit_entry where action = 'create' and entity_type = 'resident'")[0][0]
    forged = '{"name":[null,"Karin Hansen"]}'
    assert "append-only" in _refused(
        ctx, "update audit_entry set redacted = true, changes = :c where seq = :s", {"c": forged, "s": seq})
    # Even the shape retention uses is refused without a hashed redaction entry naming it.
    assert "append-only" in _refused(ctx, "update audit_entry set redacted = true, changes = null where seq = :s",
                                     {"s": seq})
    _sql(ctx, "update audit_entry set redacted = true, changes = :c where seq = :s", {"c": forged, "s": seq},
         unguarded=True)
    report = AuditService(ctx).verify()
    assert report.first_broken.seq == seq
    assert {f.problem for f in report.chain_faults if f.seq == seq} == {"hash", "redacted", "payload"}
    code, text_ = _verify_cli(ctx)
    assert code == 1 and f"Første brudte led er post nr. {seq}" in text_


def test_redacted_with_changes_cleared_without_triggers_is_found(ctx, world):
    seq = _sql(ctx, "select seq from audit_entry where action = 'create' and entity_type = 'resident'")[0][0]
    _sql(ctx, "update audit_entry set redacted = true, changes = null where seq = :s", {"s": seq}, unguarded=True)
    report = AuditService(ctx).verify()
    assert {f.problem for f in report.chain_faults if f.seq == seq} == {"hash", "redacted"}


def test_an_entry_deleted_from_the_middle_is_found(ctx, world):
    assert "append-only" in _refused(ctx, "delete from audit_entry where seq = 5")
    _sql(ctx, "delete from audit_entry where seq = 5", unguarded=True)
    report = AuditService(ctx).verify()
    assert report.first_broken.seq == 6 and {f.problem for f in report.chain_faults} >= {"sequence", "link"}


# -- point 4: the anchor outside the database ------------------------------------------------------


def _events(ctx, n: int) -> None:
    """Explicit events (exports, logins): they leave no trace in the data, so only the anchor can
    tell when they go missing."""
    with ctx.uow_factory() as uow:
        for i in range(n):
            uow.record("export", "force_form", None, {"n": i})
        uow.commit()


def test_the_tail_deleted_and_the_head_fixed_is_found_only_by_the_printed_head(ctx, world):
    _events(ctx, 60)
    printed = _head_as_printed(ctx)
    head_seq = AuditService(ctx).head()[0]
    assert AuditService(ctx).verify(expect_head=(head_seq, AuditService(ctx).head()[1])).ok
    assert _verify_cli(ctx, "--expect-head", printed)[0] == 0
    assert "append-only" in _refused(ctx, "delete from audit_entry where seq > :s", {"s": head_seq - 50})
    _sql(ctx, "delete from audit_entry where seq > :s", {"s": head_seq - 50}, unguarded=True)
    _sql(ctx, "update audit_head set seq = :s, hash = (select hash from audit_entry where seq = :s)",
         {"s": head_seq - 50}, unguarded=True)
    assert AuditService(ctx).verify().ok  # the database alone cannot tell
    code, text_ = _verify_cli(ctx, "--expect-head", printed)
    assert code == 1
    assert f"Kæden indeholder ikke det forventede kædehoved nr. {head_seq}" in text_


def test_a_chain_rewritten_from_an_entry_onward_is_found_by_the_printed_head(ctx, world):
    _events(ctx, 5)
    seq, hash_ = AuditService(ctx).head()
    printed = f"{seq}:{hash_[:16]}"  # the short form verify itself prints
    start = seq - 10
    with ctx.uow_factory() as uow:
        conn = uow.session.connection()
        drop_guards(conn)
        rows = uow.session.scalars(select(AuditEntry).where(AuditEntry.seq >= start).order_by(AuditEntry.seq)).all()
        prev = uow.session.get(AuditEntry, start - 1).hash
        for row in rows:
            if row.seq == start:
                row.actor_name = "Mallory"
            row.prev_hash = prev
            row.hash = AuditRecord(row.seq, row.at, row.actor_id, row.actor_name, row.action, row.entity_type,
                                   row.entity_id, row.changes_digest, row.reason, row.prev_hash).compute_hash()
            prev = row.hash
        uow.session.info["audit_off"] = True
        uow.session.flush()
        conn.execute(text("update audit_head set hash = :h"), {"h": prev})
        uow.commit()
    assert AuditService(ctx).verify().ok  # a consistent rewrite: only the anchor can tell
    report = AuditService(ctx).verify(expect_head=(seq, hash_[:16]))
    assert not report.ok and report.anchor is not None and not report.anchor.found
    assert _verify_cli(ctx, "--expect-head", printed)[0] == 1


def test_an_older_printed_head_still_verifies_while_the_chain_grows(ctx, world):
    printed = _head_as_printed(ctx)
    _events(ctx, 3)
    code, text_ = _verify_cli(ctx, "--expect-head", printed)
    assert code == 0 and "findes i kæden" in text_


def test_retention_still_works_and_is_itself_a_hashed_event(ctx, world):
    from tilsyn.services.privacy import PrivacyService

    karen = world["karen"]
    ctx.clock = lambda: dt.datetime(2033, 6, 10, 12, tzinfo=dt.timezone.utc)
    ResidentService(ctx).save(karen.id, ResidentInput("010130-1234", "Karen Ødegaard", world["home"].id,
                                                      move_in=D(2020, 1, 1), move_out=D(2026, 7, 1)))
    PrivacyService(ctx).apply_retention([karen.id], "delete", "Opbevaringsperiode udløbet")
    report = AuditService(ctx).verify()
    assert report.ok, (report.chain_faults, report.data_faults)
    redaction = _sql(ctx, "select changes, actor_name from audit_entry where action = 'redact'")
    named = json.loads(redaction[0][0])
    assert named["entries"] and len(named["signatures"]) == 1 and redaction[0][1] == "Anne Admin (admin)"
    assert _sql(ctx, "select count(*) from signature")[0][0] == 0


def test_rows_the_database_cascades_are_logged_so_the_log_still_folds(ctx, world):
    """ON DELETE CASCADE / SET NULL change rows the ORM never sees; they are logged too, so a
    legitimate deletion is never reported as tampering."""
    from tilsyn.services.care_homes import CareHomeService

    homes = CareHomeService(ctx)
    spare = homes.create_care_home(CareHomeInput("Solgården", units=("Nord", "Syd")))
    UserService(ctx).create_user(UserInput("ole", "Ole", "staff", care_home_ids=(spare.id, world["home"].id)),
                                 "ole-kodeord")
    res = ResidentService(ctx)
    moved = res.save(None, ResidentInput("050550-1234", "Bo Berg", spare.id, unit="Nord"))
    homes.update_care_home(spare.id, CareHomeInput("Solgården", units=("Syd",)))  # unit Nord goes: SET NULL
    assert res.get(moved.id).unit == ""
    res.delete(moved.id)
    homes.delete_care_home(spare.id)  # the user's scope row goes by CASCADE
    report = AuditService(ctx).verify()
    assert report.ok, report.data_faults
