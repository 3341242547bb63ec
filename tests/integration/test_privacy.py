import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.privacy import PrivacyService
from tilsyn.services.residents import PermitInput, ResidentService

D = dt.date


@pytest.fixture
def data(ctx):
    home = CareHomeService(ctx).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])[0]
    res = ResidentService(ctx)
    old = res.save(None, ResidentInput("010130-1234", "Karen Ødegaard", home.id, move_in=D(2015, 1, 1),
                                       move_out=D(2021, 3, 1)), [RelativeInput("Søren Ødegaard", "søn", "20304050")])
    res.save_permit(old.id, None, PermitInput(("127_retention",), D(2020, 1, 1), D(2020, 12, 31), "Om natten"))
    recent = res.save(None, ResidentInput("020230-1234", "Jens Hansen", home.id, move_out=D(2023, 1, 1)))
    living = res.save(None, ResidentInput("030330-1234", "Bent Berg", home.id))
    return old, recent, living


def test_export_contains_everything_and_is_audited(ctx, data):
    old, _, _ = data
    export = PrivacyService(ctx).export_resident(old.id)
    payload = json.loads(export.json_text)
    assert payload["resident"]["cpr"] == "010130-1234"
    assert payload["relatives"][0]["name"] == "Søren Ødegaard"
    assert payload["permits"][0]["force_types"] == ["127_retention"]
    assert {e["entity_type"] for e in payload["audit_history"]} >= {"resident", "relative", "permit"}
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(export.pdf)).pages)
    assert "Karen Ødegaard" in pdf_text and "Tilbageholdelse i boligen (§ 127)" in pdf_text
    assert "Side 1 af" in pdf_text
    assert AuditService(ctx).history(old.id, "resident")[-1].action == "export"


def test_retention_candidates_use_the_configured_period(ctx, data):
    old, recent, _ = data
    svc = PrivacyService(ctx)
    assert [c.id for c in svc.retention_candidates()] == [old.id]  # moved out > 5 years before 23-11-2026
    svc.set_retention_years(3)
    assert [c.id for c in svc.retention_candidates()] == [old.id, recent.id]


def test_delete_keeps_the_fact_not_the_data_and_chain_verifies(ctx, data):
    old, recent, living = data
    svc = PrivacyService(ctx)
    with pytest.raises(DomainError) as exc:
        svc.apply_retention([living.id], "delete", "Opbevaringsperiode udløbet")
    assert exc.value.code == "retention_not_due"
    with pytest.raises(DomainError):
        svc.apply_retention([old.id], "delete", "")
    result = svc.apply_retention([old.id], "delete", "Opbevaringsperiode udløbet")
    assert result.residents == 1 and result.audit_entries_redacted >= 3
    with ctx.uow_factory() as uow:
        dump = " ".join(str(x) for x in uow.session.execute(text("select changes, reason from audit_entry")).all())
    assert "Ødegaard" not in dump and "0101301234" not in dump
    history = AuditService(ctx).history(old.id, "resident")
    assert history[-1].action == "retention_delete" and history[-1].reason == "Opbevaringsperiode udløbet"
    # Everything before the hashed redaction entry lost its payload; after it, the deletion itself
    # is logged (so the log still folds to the data) without any of the deleted values.
    assert all(e.redacted for e in history[:-2])
    assert [e.action for e in history[-2:]] == ["delete", "retention_delete"]
    assert history[-2].changes == {"id": [old.id, None]}
    redaction = [e for e in AuditService(ctx).latest() if e.action == "redact"]
    assert len(redaction) == 1 and redaction[0].changes["resident"] == old.id
    assert {e.seq for e in history[:-2]} <= set(redaction[0].changes["entries"])
    assert redaction[0].seq < history[-2].seq and redaction[0].reason == "Opbevaringsperiode udløbet"
    assert AuditService(ctx).verify().ok


def test_anonymise(ctx, data):
    old, _, _ = data
    PrivacyService(ctx).apply_retention([old.id], "anonymise", "Opbevaringsperiode udløbet")
    got = ResidentService(ctx).get(old.id)
    assert got.name == "Anonymiseret beboer" and got.relatives == () and "010130" not in got.cpr
    assert got.permits[0].prerequisites == ""
    assert PrivacyService(ctx).retention_candidates() == []
    assert AuditService(ctx).verify().ok


def test_retention_removes_episodes_narratives_and_signatures(ctx, data):
    from zoneinfo import ZoneInfo

    from tilsyn.domain.force import EpisodeInput, StaffInput
    from tilsyn.services.force import ForceService
    from tilsyn.services.users import UserInput, UserService

    old, _, _ = data
    ctx.clock = lambda: dt.datetime(2020, 6, 10, 12, tzinfo=dt.timezone.utc)
    UserService(ctx).create_first_admin("admin", "Anne Admin", "hemmeligt-ord")
    UserService(ctx).login("admin", "hemmeligt-ord")
    ResidentService(ctx).save_permit(old.id, None, PermitInput(("128_belts",), D(2020, 6, 1), D(2020, 6, 30), "x"))
    UserService(ctx).create_user(
        UserInput("pia", "Pia", "staff", care_home_ids=(ResidentService(ctx).get(old.id).care_home_id,)),
        "hemmeligt-ord")
    UserService(ctx).login("pia", "hemmeligt-ord")
    force = ForceService(ctx)
    r = force.register_episode(EpisodeInput(
        old.id, "128_belts", dt.datetime(2020, 6, 9, 12, tzinfo=ZoneInfo("Europe/Copenhagen")),
        description="Hemmelig fortælling om Karen", staff=(StaffInput("Pia", is_writer=True),)))
    force.sign_section(r.form_id, 2, "hemmeligt-ord")
    ctx.clock = lambda: dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)
    UserService(ctx).login("admin", "hemmeligt-ord")
    export = json.loads(PrivacyService(ctx).export_resident(old.id).json_text)
    assert export["episodes"][0]["description"] == "Hemmelig fortælling om Karen"
    PrivacyService(ctx).apply_retention([old.id], "delete", "Opbevaringsperiode udløbet")
    with ctx.uow_factory() as uow:
        dump = " ".join(str(x) for x in uow.session.execute(text("select changes from audit_entry")).all())
        sigs = uow.session.execute(text("select count(*) from signature")).scalar_one()
        eps = uow.session.execute(text("select count(*) from episode")).scalar_one()
    assert "Hemmelig fortælling" not in dump and sigs == 0 and eps == 0
    assert AuditService(ctx).verify().ok
