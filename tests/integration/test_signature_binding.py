"""Signatures bind the live data (issue 10, point 1), and exports are anchored (point 4, export side).

Raw SQL edits a signed form behind the app's back, as a person holding the database file (or the
PostgreSQL credentials) would; ``verify`` then names the form, the resident (masked CPR), the
section and the field, the form's PDF does not show the section as signed, and the monthly export
refuses the form and writes nothing. On SQLite and on PostgreSQL (``db_url``).
"""

import contextlib
import datetime as dt
import hashlib
import io
import json
import subprocess
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from tamper_support import drop_guards
from tilsyn.cli import main
from tilsyn.domain.chain import canonical_json, signature_hash
from tilsyn.domain.errors import DomainError
from tilsyn.domain.force import AuthorityInput, EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService, signed_content
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.signatures import _meta
from tilsyn.services.users import UserInput, UserService
from tilsyn.store.models import Signature
from tilsyn.store.models_force import ForceForm

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
PW = {"admin": "hemmeligt-ord", "pia": "pia-kodeord", "lene": "lene-kodeord", "sofie": "sofie-kodeord"}
MISMATCH = "Indholdet svarer ikke længere til underskriften"


@pytest.fixture
def world(ctx):
    """Karen's June form with all three sections signed and processed, and an acute record for Bo
    with section 2 signed."""
    ctx.clock = lambda: dt.datetime(2026, 7, 2, 10, tzinfo=dt.timezone.utc)
    home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", PW["admin"])
    users.login("admin", PW["admin"])
    res = ResidentService(ctx)
    karen = res.save(None, ResidentInput("010130-1234", "Karen Ødegaard", home.id, address="Bakkevej 1",
                                         postal_code="7100", city="Vejle"))
    bo = res.save(None, ResidentInput("030330-1234", "Bo Ek", home.id))
    res.save_permit(karen.id, None, PermitInput(("128_belts",), D(2026, 6, 1), D(2026, 12, 31), "Om natten"))
    users.create_user(UserInput("pia", "Pia Jensen", "staff", care_home_ids=(home.id,)), PW["pia"])
    users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (home.id,)), PW["lene"])
    users.create_user(UserInput("sofie", "Sofie Sag", "caseworker", "Sagsbehandler"), PW["sofie"])
    force = ForceService(ctx)
    users.login("pia", PW["pia"])
    reg = force.register_episode(EpisodeInput(
        karen.id, "128_belts", dt.datetime(2026, 6, 9, 22, tzinfo=CPH), ended_at=dt.datetime(2026, 6, 9, 22, 20, tzinfo=CPH),
        description="Bælte om natten", avoidance="Tilbød te", least_intrusive="Kun blødt bælte",
        staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", is_writer=True),), late_reason="Glemt"))
    acute = force.register_episode(EpisodeInput(
        bo.id, "126_holding", dt.datetime(2026, 6, 20, 9, tzinfo=CPH), description="Holdt i armen",
        staff=(StaffInput("Pia Jensen", is_writer=True),), late_reason="Glemt"), as_acute=True)
    force.sign_section(reg.form_id, 2, PW["pia"])
    force.sign_section(acute.form_id, 2, PW["pia"])
    users.login("lene", PW["lene"])
    for form_id in (reg.form_id, acute.form_id):
        force.save_leader_section(form_id, LeaderInput(
            necessity="Karen var i fare for at falde ud af sengen.", reflection="Gennemgået på personalemøde.",
            action_plan_updated="15-06-2026", discussed_in_staff_group=True, discussed_when="16-06-2026",
            action_plan_exists=True, leader_name="Lene Leder", assessed_on=D(2026, 7, 1)))
        force.sign_section(form_id, 3, PW["lene"])
        force.send_to_authority(form_id)
    users.login("sofie", PW["sofie"])
    force.save_authority_section(reg.form_id, AuthorityInput(
        followup_remarks="Ingen bemærkninger.", residence_municipality_informed=True,
        acting_municipality_informed=True, processed_by_name="Sofie Sag", processed_by_position="Sagsbehandler",
        processed_by_municipality="Vejle Kommune", processed_on=D(2026, 7, 2)))
    force.sign_section(reg.form_id, 4, PW["sofie"])
    users.login("admin", PW["admin"])
    report = AuditService(ctx).verify()
    assert report.ok, (report.chain_faults, report.data_faults, report.binding_faults)
    users.login("sofie", PW["sofie"])  # the caseworker reads, prints and exports
    form = force.get_form(reg.form_id)
    return {"ctx": ctx, "home": home, "karen": karen, "bo": bo, "form_id": reg.form_id, "acute_id": acute.form_id,
            "episode_id": form.episodes[0].id, "force": force, "users": users}


# -- helpers ----------------------------------------------------------------------------------------


def _sql(ctx, statement: str, params: dict | None = None, *, unguarded: bool = False):
    with ctx.uow_factory() as uow:
        conn = uow.session.connection()
        if unguarded:
            drop_guards(conn)
        result = conn.execute(text(statement), params or {})
        rows = result.all() if result.returns_rows else None
        uow.commit()
    return rows


def _id(ctx, value: str):
    # SQLite stores UUIDs as 32 hex digits, PostgreSQL as uuid.
    return value if ctx.extras["engine"].dialect.name == "postgresql" else value.replace("-", "")


def _verify_cli(ctx, *args) -> tuple[int, str]:
    url = ctx.extras["engine"].url.render_as_string(hide_password=False)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", "--db", url, *args])
    return code, out.getvalue() + err.getvalue()


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def _report(world):
    """verify as the administrator (the one role that may), then back to the caseworker."""
    world["users"].login("admin", PW["admin"])
    try:
        return AuditService(world["ctx"]).verify()
    finally:
        world["users"].login("sofie", PW["sofie"])


def _faults(world):
    return {(f.form_id, f.cpr_masked, f.section, f.field, f.problem) for f in _report(world).binding_faults}


def _tree(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} \
        if root.exists() else {}


def _assert_export_refused(world, tmp_path, form_id: str, what: str) -> None:
    out = tmp_path / "ud"
    out.mkdir()
    (out / "gammel.txt").write_text("før")
    before = _tree(out)
    with pytest.raises(DomainError) as exc:
        ExportService(world["ctx"]).export_month("2026-06", out_dir=out)
    assert exc.value.code == "export_signature_mismatch" and exc.value.params["form"] == form_id
    from tilsyn.messages import text_for

    message = text_for(exc.value)
    assert what in message and "kan ikke eksporteres" in message and "ingen filer er skrevet" in message
    assert _tree(out) == before and not [p for p in tmp_path.rglob(".tilsyn-*")]


# -- the untouched form -----------------------------------------------------------------------------


def test_an_untouched_signed_form_verifies_and_shows_every_section_as_signed(world):
    form = world["force"].get_form(world["form_id"])
    assert [(s.section, s.status) for s in form.section_states] == [
        (1, "signed_valid"), (2, "signed_valid"), (3, "signed_valid"), (4, "signed_valid")]
    assert form.section1_as_signed and form.section1.name == "Karen Ødegaard"
    text_ = _pdf_text(ExportService(world["ctx"]).form_pdf(world["form_id"]))
    assert MISMATCH not in text_ and "kontrolsum" in text_
    assert _verify_cli(world["ctx"])[0] == 0


def test_section_1_is_signed_with_section_2_and_printed_as_signed(world):
    """A later, logged change of the resident leaves the signed form as it was signed."""
    ctx, karen = world["ctx"], world["karen"]
    ResidentService(ctx).save(karen.id, ResidentInput("010130-1234", "Karen Hansen", world["home"].id,
                                                      address="Havnevej 9", postal_code="7100", city="Vejle"))
    form = world["force"].get_form(world["form_id"])
    assert form.section1.name == "Karen Ødegaard" and form.section1.address == "Bakkevej 1"
    assert form.section_state(2).status == "signed_valid"
    text_ = _pdf_text(ExportService(ctx).form_pdf(world["form_id"]))
    assert "Karen Ødegaard" in text_ and "Karen Hansen" not in text_
    assert _report(world).ok
    with ctx.uow_factory() as uow:
        signed = json.loads(uow.session.scalars(select(Signature).where(
            Signature.entity_id == world["form_id"], Signature.section == 2)).one().content)
    assert signed["content_version"] == 2 and signed["section1"]["name"] == "Karen Ødegaard"
    assert signed["section1"]["permits"][0]["force_types"] == ["128_belts"]


# -- section 2 ------------------------------------------------------------------------------------------


def test_a_signed_episode_description_changed_by_sql_is_named_not_shown_signed_and_not_exported(world, tmp_path):
    ctx, form_id, ep = world["ctx"], world["form_id"], world["episode_id"]
    _sql(ctx, "update episode set description = 'Intet skete' where id = :i", {"i": _id(ctx, ep)})
    assert (form_id, "010130-xxxx", 2, f"episodes.{ep}.description", "mismatch") in _faults(world)
    code, out = _verify_cli(ctx)
    assert code == 1
    assert (f"Månedsskemaet {form_id} (beboer 010130-xxxx), afsnit 2 (magtanvendelserne): feltet »Beskriv "
            f"magtanvendelsen kort (magtanvendelse {ep[:8]})« svarer ikke længere til underskriften.") in out
    assert "Intet skete" not in out and "Ødegaard" not in out and "1234" not in out
    form = world["force"].get_form(form_id)
    assert form.section_state(2).mismatch and form.section_state(2).fields == (f"episodes.{ep}.description",)
    assert form.section_state(3).status == form.section_state(4).status == "signed_valid"
    text_ = " ".join(_pdf_text(ExportService(ctx).form_pdf(form_id)).split())
    assert f"{MISMATCH} (ændret: Beskriv magtanvendelsen kort (magtanvendelse {ep[:8]}))" in text_
    assert "gælder ikke det, der står her" in text_
    _assert_export_refused(world, tmp_path, form_id, "Karen Ødegaard (010130-xxxx), juni 2026")


def test_an_episode_added_by_sql_to_a_signed_form_is_named(world):
    ctx, form_id = world["ctx"], world["form_id"]
    new = "0e0e0e0e-0000-4000-8000-000000000002"
    _sql(ctx, "insert into episode (id, resident_id, form_id, catalogue_version, force_type, situation, started_at, "
              "location, purpose, description, avoidance, least_intrusive, narrative, registered_at, late, "
              "late_reason, created_at, updated_at) select :n, resident_id, form_id, catalogue_version, force_type, "
              "situation, started_at, '', '', 'Ekstra', '', '', '', registered_at, late, '', created_at, updated_at "
              "from episode where id = :i", {"n": _id(ctx, new), "i": _id(ctx, world["episode_id"])})
    assert (form_id, "010130-xxxx", 2, f"episodes.{new}", "mismatch") in _faults(world)


# -- section 1: the resident and the permit --------------------------------------------------------------


def test_a_resident_name_and_cpr_changed_by_sql_are_named_with_the_form_and_not_printed_as_signed(world):
    ctx, karen, form_id = world["ctx"], world["karen"], world["form_id"]
    _sql(ctx, "update resident set name = 'Karin Hansen', cpr = '0202301234' where id = :i", {"i": _id(ctx, karen.id)})
    faults = _faults(world)
    # Named by the CPR as signed (the live one is the forged one).
    assert {(form_id, "010130-xxxx", 1, "section1.name", "unlogged"),
            (form_id, "010130-xxxx", 1, "section1.cpr", "unlogged")} <= faults
    code, out = _verify_cli(ctx)
    assert code == 1
    assert (f"Månedsskemaet {form_id} (beboer 010130-xxxx), afsnit 1 (beboer og afgørelse): feltet »Navn« i "
            "beboerens eller afgørelsens data er ændret uden om revisionsloggen") in out
    assert "Karin" not in out and "0202301234" not in out
    # The form prints section 1 as it was signed: the forged name is not shown as signed.
    text_ = _pdf_text(ExportService(ctx).form_pdf(form_id))
    assert "Karin Hansen" not in text_ and "Karen Ødegaard" in text_ and "010130-1234" in text_


def test_section_1_as_stored_changed_by_sql_is_named_not_shown_signed_and_not_exported(world, tmp_path):
    ctx, form_id = world["ctx"], world["form_id"]
    with ctx.uow_factory() as uow:
        snap = json.loads(uow.session.get(ForceForm, __import__("uuid").UUID(form_id)).section1_snapshot)
    snap.update(name="Karin Hansen", cpr="0202301234")
    snap["permits"][0]["valid_to"] = "2027-12-31"
    _sql(ctx, "update force_form set section1_snapshot = :s where id = :i",
         {"s": canonical_json(snap), "i": _id(ctx, form_id)})
    pid = snap["permits"][0]["id"]
    assert {(form_id, "010130-xxxx", 1, "section1.name", "mismatch"),
            (form_id, "010130-xxxx", 1, "section1.cpr", "mismatch"),
            (form_id, "010130-xxxx", 1, f"section1.permits.{pid}.valid_to", "mismatch")} <= _faults(world)
    code, out = _verify_cli(ctx)
    assert code == 1 and "afsnit 1 (beboer og afgørelse): feltet »Navn« svarer ikke længere til underskriften" in out
    form = world["force"].get_form(form_id)
    assert form.section_state(1).mismatch and form.section_state(2).mismatch
    text_ = " ".join(_pdf_text(ExportService(ctx).form_pdf(form_id)).split())
    assert f"{MISMATCH} (ændret: CPR-nummer; Navn; Periode (afgørelse {pid[:8]}))" in text_
    _assert_export_refused(world, tmp_path, form_id, "afsnit 2")


# -- sections 3 and 4 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("section, column, label", [
    (3, "necessity", "Hvordan var magtanvendelsen/ magtanvendelserne nødvendige?"),
    (4, "followup_remarks", "Bemærkninger vedrørende opfølgning"),
])
def test_section_3_and_4_values_changed_by_sql_are_named(world, tmp_path, section, column, label):
    ctx, form_id = world["ctx"], world["form_id"]
    _sql(ctx, f"update force_form set {column} = 'Andet' where id = :i", {"i": _id(ctx, form_id)})
    assert (form_id, "010130-xxxx", section, column, "mismatch") in _faults(world)
    code, out = _verify_cli(ctx)
    assert code == 1 and f"afsnit {section} " in out and f"feltet »{label}« svarer ikke længere" in out
    form = world["force"].get_form(form_id)
    assert form.section_state(section).mismatch and form.section_state(2).status == "signed_valid"
    text_ = " ".join(_pdf_text(ExportService(ctx).form_pdf(form_id)).split())
    assert f"Afsnit {section}: {MISMATCH} (ændret: {label})." in text_
    _assert_export_refused(world, tmp_path, form_id, f"afsnit {section}")


def test_acute_records_are_bound_the_same_way(world, tmp_path):
    ctx, acute = world["ctx"], world["acute_id"]
    _sql(ctx, "update episode set description = 'Intet' where form_id = :i", {"i": _id(ctx, acute)})
    faults = _faults(world)
    assert any(f[0] == acute and f[1] == "030330-xxxx" and f[2] == 2 and f[3].endswith(".description") for f in faults)
    code, out = _verify_cli(ctx)
    assert code == 1 and f"Den akutte registrering {acute} (beboer 030330-xxxx), afsnit 2" in out
    assert MISMATCH in _pdf_text(ExportService(ctx).form_pdf(acute))
    _assert_export_refused(world, tmp_path, acute, "Den akutte registrering for Bo Ek (030330-xxxx)")


# -- the signature itself -----------------------------------------------------------------------------


def _rewrite_signature(ctx, form_id: str, section: int, change) -> None:
    """Change a signature's content and recompute its hash, with the triggers dropped."""
    with ctx.uow_factory() as uow:
        drop_guards(uow.session.connection())
        sig = uow.session.scalars(select(Signature).where(Signature.entity_id == form_id,
                                                          Signature.section == section)).one()
        content = json.loads(sig.content)
        change(content)
        sig.content = canonical_json(content)
        sig.hash = signature_hash(content, json.loads(sig.earlier_hashes), _meta(sig))
        uow.session.info["audit_off"] = True
        uow.commit()


def test_a_signature_content_and_hash_changed_together_are_named(world, tmp_path):
    ctx, form_id, ep = world["ctx"], world["form_id"], world["episode_id"]
    _rewrite_signature(ctx, form_id, 2, lambda c: c["episodes"][0].update(description="Intet skete"))
    faults = _faults(world)
    assert (form_id, "010130-xxxx", 2, f"episodes.{ep}.description", "mismatch") in faults
    # The hash is not the one the audit log recorded when the section was signed.
    assert (form_id, "010130-xxxx", 2, "signature", "mismatch") in faults
    assert _report(world).signature_faults == ()  # the stored hash fits its stored content
    assert _verify_cli(ctx)[0] == 1
    assert MISMATCH in _pdf_text(ExportService(ctx).form_pdf(form_id))
    _assert_export_refused(world, tmp_path, form_id, "afsnit 2")


def test_the_data_and_the_signature_forged_together_are_still_found(world):
    """Episode text and signature rewritten to agree: the log recorded another hash at signing."""
    ctx, form_id, ep = world["ctx"], world["form_id"], world["episode_id"]
    _sql(ctx, "update episode set description = 'Intet skete' where id = :i", {"i": _id(ctx, ep)})
    _rewrite_signature(ctx, form_id, 2, lambda c: c["episodes"][0].update(description="Intet skete"))
    faults = _faults(world)
    assert (form_id, "010130-xxxx", 2, "signature", "mismatch") in faults
    assert not any(f[3].endswith(".description") for f in faults)  # data and signature agree
    code, out = _verify_cli(ctx)
    assert code == 1 and "afsnit 2 (magtanvendelserne): feltet »selve underskriften" in out
    form = world["force"].get_form(form_id)
    assert form.section_state(2).mismatch
    # Later signatures chain to the forged one's predecessor: they no longer fit either.
    assert form.section_state(3).mismatch and form.section_state(3).fields == ("signature",)


# -- old signatures: their own rule ----------------------------------------------------------------------


def test_signatures_made_by_content_version_1_still_verify_by_their_own_rule(world):
    """A database from before migration 0008: signatures over the section's own fields only and no
    section 1 stored with the form. They verify, show as signed, and are still bound."""
    ctx, form_id, ep = world["ctx"], world["form_id"], world["episode_id"]
    with ctx.uow_factory() as uow:
        conn = uow.session.connection()
        drop_guards(conn)
        form = uow.session.get(ForceForm, __import__("uuid").UUID(form_id))
        prev: list[str] = []
        for sig in uow.session.scalars(select(Signature).where(Signature.entity_id == form_id)
                                       .order_by(Signature.section)).all():
            content = signed_content(form, sig.section, 1)
            sig.content, sig.earlier_hashes = canonical_json(content), json.dumps(prev)
            sig.hash = signature_hash(content, prev, _meta(sig))
            prev = [*prev, sig.hash]
        uow.session.info["audit_off"] = True
        uow.session.flush()
        conn.execute(text("update force_form set section1_snapshot = null where id = :i"), {"i": _id(ctx, form_id)})
        # The log of such a database recorded these hashes when the sections were signed.
        from tilsyn.store import audit as store_audit

        for sig in uow.session.scalars(select(Signature).where(Signature.entity_id == form_id)).all():
            store_audit.append(uow.session, [store_audit.Event("sign", "force_form", form_id,
                                                               {"section": sig.section, "hash": sig.hash})])
        conn.execute(text("delete from audit_entry where entity_type = 'force_form' and action = 'update' "
                          "and changes like '%section1_snapshot%'"))
        uow.commit()
    faults = _faults(world)
    assert not [f for f in faults if f[0] == form_id], faults
    form = world["force"].get_form(form_id)
    assert [s.status for s in form.section_states] == ["unsigned", "signed_valid", "signed_valid", "signed_valid"]
    assert not form.section1_as_signed
    _sql(ctx, "update episode set narrative = 'Andet' where id = :i", {"i": _id(ctx, ep)})
    assert (form_id, "010130-xxxx", 2, f"episodes.{ep}.narrative", "mismatch") in _faults(world)


# -- point 4, the export side: per-form anchor, identical re-exports, the receipt -------------------------


def test_re_exporting_an_unchanged_form_gives_the_same_pdf_and_json(world, tmp_path):
    ctx = world["ctx"]
    first = ExportService(ctx).export_month("2026-06", out_dir=tmp_path / "a")
    # Other work goes on in the log between the exports.
    ResidentService(ctx).save(world["bo"].id, ResidentInput("030330-1234", "Bo Ek", world["home"].id, room="7"))
    second = ExportService(ctx).export_month("2026-06", out_dir=tmp_path / "b")
    assert second.audit_head[0] > first.audit_head[0]
    for a, b in zip(first.form_pdfs + first.json_files, second.form_pdfs + second.json_files):
        assert a.read_bytes() == b.read_bytes(), a.name
    doc = json.loads(first.json_files[0].read_text(encoding="utf-8"))
    seq, hash_ = doc["audit_entry"]["seq"], doc["audit_entry"]["hash"]
    assert seq < first.audit_head[0] and "audit_head" not in doc
    # The entry printed is the form's own latest change: verify accepts it as an anchor.
    assert _verify_cli(ctx, "--expect-head", f"{seq}:{hash_}")[0] == 0
    assert f"nr. {seq} · {hash_}" in " ".join(_pdf_text(first.form_pdfs[0].read_bytes()).split())


def test_the_receipt_holds_the_head_and_every_file_hash_and_anchors_verify(world, tmp_path):
    ctx = world["ctx"]
    result = ExportService(ctx).export_month("2026-06", out_dir=tmp_path / "ud")
    receipt_path = tmp_path / "ud" / "2026-06_kvittering.json"
    assert result.receipt_file == receipt_path and receipt_path in result.files
    assert receipt_path.stat().st_mode & 0o777 == 0o600
    receipt = json.loads(receipt_path.read_text(encoding="utf-8"))
    assert receipt["format"] == "tilsyn-kvittering/1" and receipt["month"] == "2026-06"
    written = {str(p.relative_to(tmp_path / "ud")) for p in result.files if p != receipt_path}
    assert {f["name"] for f in receipt["files"]} == written
    for f in receipt["files"]:
        assert hashlib.sha256((tmp_path / "ud" / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    head = receipt["audit_head"]
    assert (head["seq"], head["hash"]) == AuditService(ctx).head() == result.audit_head
    code, out = _verify_cli(ctx, "--expect-head", head["expect_head"])
    assert code == 0 and f"Det forventede kædehoved nr. {head['seq']}" in out
    # Truncate the chain and fix the head row (triggers dropped, as an attacker with the file would).
    cut = head["seq"] - 3
    _sql(ctx, "delete from audit_entry where seq > :s", {"s": cut}, unguarded=True)
    _sql(ctx, "update audit_head set seq = :s, hash = (select hash from audit_entry where seq = :s)", {"s": cut},
         unguarded=True)
    assert _report(world).chain_faults == ()  # the database alone cannot tell
    code, out = _verify_cli(ctx, "--expect-head", head["expect_head"])
    assert code == 1 and f"Kæden indeholder ikke det forventede kædehoved nr. {head['seq']}" in out


def test_the_export_audit_entries_carry_each_file_hash(world, tmp_path):
    ctx = world["ctx"]
    result = ExportService(ctx).export_month("2026-06", out_dir=tmp_path / "ud")
    rows = _sql(ctx, "select changes from audit_entry where action = 'export' order by seq")
    logged = {json.loads(c)["file"]: json.loads(c)["sha256"] for (c,) in rows}
    for pdf in result.form_pdfs:
        rel = str(pdf.relative_to(tmp_path / "ud"))
        assert logged[rel] == hashlib.sha256(pdf.read_bytes()).hexdigest()


# -- signing and sending refused over an earlier section that no longer matches ----------------------


def _returned_acute(world):
    """The acute record sent back by the caseworker (section 3 voided), the leader logged in."""
    force, users = world["force"], world["users"]
    force.send_back(world["acute_id"], "Uddyb nødvendigheden")
    users.login("lene", PW["lene"])
    return force.get_form(world["acute_id"]).episodes[0].id


def test_signing_after_an_earlier_section_changed_by_sql_is_refused_naming_it(world):
    from tilsyn.messages import text_for

    ctx, force, acute = world["ctx"], world["force"], world["acute_id"]
    ep = _returned_acute(world)
    _sql(ctx, "update episode set description = 'Intet skete' where id = :i", {"i": _id(ctx, ep)})
    with pytest.raises(DomainError) as exc:
        force.sign_section(acute, 3, PW["lene"])
    assert exc.value.code == "signed_section_changed" and exc.value.params == {"section": 2, "target": 3}
    assert text_for(exc.value).startswith("Afsnit 2 er ændret, efter det blev underskrevet")
    assert "Afsnit 3 kan ikke underskrives" in text_for(exc.value)
    assert force.get_form(acute).section_state(3).status == "unsigned"


def test_sending_after_a_signed_section_changed_by_sql_is_refused_naming_it(world):
    from tilsyn.messages import text_for

    ctx, force, acute = world["ctx"], world["force"], world["acute_id"]
    _returned_acute(world)
    force.sign_section(acute, 3, PW["lene"])
    _sql(ctx, "update force_form set necessity = 'Andet' where id = :i", {"i": _id(ctx, acute)})
    with pytest.raises(DomainError) as exc:
        force.send_to_authority(acute)
    assert exc.value.code == "signed_section_changed_send" and exc.value.params == {"section": 3}
    assert "Skemaet kan ikke sendes, før afsnit 3 er underskrevet igen" in text_for(exc.value)
    assert force.get_form(acute).sent_at is None
    # The form's DTO no longer offers what the service refuses: no "Send" button for the leader.
    assert "send" not in force.get_form(acute).allowed


def test_sending_after_section_1_as_stored_changed_by_sql_is_refused_naming_section_1(world):
    ctx, force, acute = world["ctx"], world["force"], world["acute_id"]
    _returned_acute(world)
    force.sign_section(acute, 3, PW["lene"])
    with ctx.uow_factory() as uow:
        snap = json.loads(uow.session.get(ForceForm, __import__("uuid").UUID(acute)).section1_snapshot)
    snap.update(name="Karin Hansen")
    _sql(ctx, "update force_form set section1_snapshot = :s where id = :i",
         {"s": canonical_json(snap), "i": _id(ctx, acute)})
    with pytest.raises(DomainError) as exc:
        force.send_to_authority(acute)
    assert exc.value.code == "signed_section_changed_send" and exc.value.params == {"section": 1}
