"""Issue 13, points 6, 7, 9 and 10 through the real service on a migrated database: the
consultation thread, the inbox's "besvaret", the leader's action plan and the consultant's
comments, free text in the report only where marked, the programme's own protocols (installed
into the database) and the rule the report states, and the allowed actions on the visit's DTO."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from supervision_support import D, NAMES, RESIDENT_ANSWERS, answer, build, full_visit
from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.roles import PermissionDenied
from tilsyn.domain.supervision.protocols import protocol_dir


@pytest.fixture
def w(ctx):
    return build(ctx)


def to_consultation(w):
    """full_visit up to the draft in consultation (no reply yet): returns the ids."""
    svc = w.svc
    ids = full_visit_until_sent(w)
    return svc, ids


def full_visit_until_sent(w):
    # full_visit replies and finalises; take a visit of our own to the consultation instead.
    svc = w.svc
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = svc.create_programme(2026, sample_total=5, sample_min=2, sample_max=3)
    v = svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
    d = svc.draw_sample(v.id, 2011, size=2)
    w.at(D(2026, 3, 10))
    i = svc.start_interview(v.id, member_id=d.members[0].id)
    svc.record_consent(i.id, True)
    answer(svc, i.id, RESIDENT_ANSWERS["B1"] + [("dialog", "", "nogen_grad", "Jens Hansen siger, at de lytter")])
    svc.finish_interview(i.id)
    svc.mark_conducted(v.id, D(2026, 3, 10))
    w.at(D(2026, 3, 11))
    svc.set_conclusions(v.id, ["Beboerne oplever respekt."])
    svc.start_report(v.id)
    svc.send_for_consultation(v.id, D(2026, 3, 25))
    return {"visit": v.id, "interview": i.id}


def test_a_second_reply_is_kept_beside_the_first_and_the_final_report_uses_the_newest(w):
    svc = w.svc
    ids = full_visit_until_sent(w)
    w.login("lene")
    w.at(D(2026, 3, 15))
    svc.reply_to_consultation(ids["visit"], "Vi er enige.")
    w.at(D(2026, 3, 16))
    v = svc.reply_to_consultation(ids["visit"], "Tilføjelse: gåturene starter i april.")
    assert [r.text for r in v.consultation.replies] == ["Vi er enige.", "Tilføjelse: gåturene starter i april."]
    assert v.consultation.reply_text == "Tilføjelse: gåturene starter i april."
    assert (v.consultation.reply_state, v.consultation.reply_state_label) == ("answered", "besvaret")
    w.login("karl")
    w.at(D(2026, 3, 17))
    svc.finalise(ids["visit"])
    d = svc.visit_report_data(ids["visit"])
    assert dict(d.consultation)["Svar fra plejecentret"] == "Tilføjelse: gåturene starter i april."
    assert dict(d.consultation)["Svar i alt"].startswith("2")
    assert [(r.who, r.text) for r in d.reply_history] == [("Lene Leder", "Vi er enige.")]
    assert [r.text for r in svc.visit(ids["visit"]).consultation.replies] == [
        "Vi er enige.", "Tilføjelse: gåturene starter i april."]
    with pytest.raises(DomainError) as exc:
        w.login("lene")
        svc.reply_to_consultation(ids["visit"], "For sent")
    assert exc.value.code == "consultation_not_open"


def test_replies_in_the_same_minute_keep_the_order_they_were_written(w):
    svc = w.svc
    ids = full_visit_until_sent(w)
    w.login("lene")
    w.at(D(2026, 3, 15))  # the clock stands still: both replies carry the same moment
    svc.reply_to_consultation(ids["visit"], "Første svar")
    v = svc.reply_to_consultation(ids["visit"], "Andet svar")
    assert [r.text for r in v.consultation.replies] == ["Første svar", "Andet svar"]
    assert v.consultation.reply_text == "Andet svar"
    d = svc.visit_report_data(ids["visit"])
    assert dict(d.consultation)["Svar fra plejecentret"] == "Andet svar"
    assert [r.text for r in d.reply_history] == ["Første svar"]


def test_the_inbox_says_besvaret_once_the_leader_replied(w):
    svc = w.svc
    ids = full_visit_until_sent(w)
    w.login("lene")
    w.at(D(2026, 3, 15))
    [row] = svc.consultation_inbox()
    assert (row.id, row.reply_state_label, row.replies, row.deadline) == (ids["visit"], "afventer svar", 0,
                                                                          D(2026, 3, 25))
    svc.reply_to_consultation(ids["visit"], "Vi er enige.")
    [row] = svc.consultation_inbox()
    assert (row.reply_state_label, row.replies, row.last_reply_at is not None) == ("besvaret", 1, True)
    w.at(D(2026, 3, 26))
    w.login("lars")  # the other home's leader sees nothing
    assert svc.consultation_inbox() == []


def test_the_leader_writes_the_staffs_own_plan_and_the_consultant_comments(w):
    svc = w.svc
    ids = full_visit_until_sent(w)
    w.login("lene")
    w.at(D(2026, 3, 15))
    v = svc.consultation_visit(ids["visit"])
    assert v.allowed_actions == ("reply", "action_plan", "remove_action")
    item = svc.add_action_item(ids["visit"], "Fast gåtur efter middagen", "Kontaktpersonerne", D(2026, 5, 1))
    assert (item.written_by_side, item.written_by) == ("leader", "Lene Leder")
    w.login("lars")
    with pytest.raises(PermissionDenied):
        svc.add_action_item(ids["visit"], "Andet hjems plan", "", None)
    w.login("pia")
    with pytest.raises(PermissionDenied):
        svc.add_action_item(ids["visit"], "Medarbejderens plan", "", None)
    w.login("karl")
    w.at(D(2026, 3, 16))
    commented = svc.comment_action_item(ids["visit"], item.id, "Godt – husk at følge op i juni.")
    assert [(c.text, c.written_by) for c in commented.comments] == [("Godt – husk at følge op i juni.", "Karl Konsulent")]
    with pytest.raises(ValidationError):
        svc.comment_action_item(ids["visit"], item.id, "   ")
    # While out for consultation the consultant does not rewrite the staff's plan.
    with pytest.raises(DomainError) as exc:
        svc.add_action_item(ids["visit"], "Konsulentens egen", "", None)
    assert exc.value.code == "visit_locked_action_plan"
    d = svc.visit_report_data(ids["visit"])
    [row] = d.action_plan
    assert (row.action, row.written_by) == ("Fast gåtur efter middagen", "plejecentrets leder")
    assert row.comments == ("16-03-2026 Karl Konsulent: Godt – husk at følge op i juni.",)
    w.login("lene")
    assert [a.comments[0].text for a in svc.action_plan(ids["visit"])] == ["Godt – husk at følge op i juni."]


def test_free_text_reaches_the_report_only_where_marked_and_by_code(w):
    svc = w.svc
    w.login("karl")
    w.at(D(2026, 3, 2))
    p = svc.create_programme(2026, sample_total=5, sample_min=2, sample_max=3)
    v = svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    d = svc.draw_sample(v.id, 2011, size=2)
    w.at(D(2026, 3, 10))
    i = svc.start_interview(v.id, member_id=d.members[0].id)
    svc.record_consent(i.id, True)
    answer(svc, i.id, RESIDENT_ANSWERS["B1"] + [("dialog", "", "nogen_grad", "De lytter til mig")])
    svc.finish_interview(i.id)
    f = svc.findings(v.id)
    assert [(t.respondent_code, t.text, t.in_report) for t in f.free_texts] == [
        ("B1", "Personalet er søde", False), ("B1", "De lytter til mig", False)]
    assert svc.visit_report_data(v.id).quotes == ()  # nothing is quoted unless marked
    svc.mark_conducted(v.id, D(2026, 3, 10))
    f = svc.flag_free_text(i.id, "dialog", True)
    assert [t.in_report for t in f.free_texts] == [False, True]
    [group] = svc.visit_report_data(v.id).quotes
    assert group.question.startswith("Oplever du en imødekommende") and group.quotes == (("B1", "De lytter til mig"),)
    pdf_text = _pdf_text(svc.visit_report_pdf(v.id))
    assert "De lytter til mig" in pdf_text and "Personalet er søde" not in pdf_text
    assert not any(name in pdf_text for name in NAMES)
    with pytest.raises(DomainError) as exc:
        svc.flag_free_text(i.id, "forstaaelse", True)  # no free text there
    assert exc.value.code == "free_text_missing"
    svc.flag_free_text(i.id, "dialog", False)
    assert svc.visit_report_data(v.id).quotes == ()


def _pdf_text(pdf: bytes) -> str:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(pg.extract_text() for pg in reader.pages).split())


def _vejle_protocol() -> str:
    text = (protocol_dir() / "resident-2023.toml").read_text(encoding="utf-8")
    return text.replace('id = "resident-2023"', 'id = "resident-vejle"').replace(
        'title = "Interview med beboer (2023-model)"', 'title = "Vejles beboerinterview"')


def test_a_programme_chooses_an_installed_protocol_and_the_report_states_its_rule(w):
    svc = w.svc
    w.login("karl")
    installed = svc.install_definition(_vejle_protocol())
    assert (installed.kind, installed.id, installed.version, len(installed.sha256)) == ("protocol", "resident-vejle", 1, 64)
    keys = {p.key: (p.default, p.installed) for p in svc.protocols()}
    assert keys["resident-vejle@1"] == (False, True) and keys["resident-2011@1"] == (True, False)
    with pytest.raises(DomainError) as exc:
        svc.install_definition(_vejle_protocol().replace("Hvor tilfreds", "Hvor glad"))
    assert exc.value.code == "definition_exists"
    w.at(D(2026, 3, 2))
    p = svc.create_programme(2026, protocols=["resident-vejle@1", "relative-phone-2011@1",
                                             "staff-dialogue-2011@1", "staff-evaluation-monthly-form-2011@1"],
                             sample_total=5, sample_min=2, sample_max=3)
    assert "resident-vejle@1" in p.protocols
    v = svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10))
    d = svc.draw_sample(v.id, 2011, size=1)
    w.at(D(2026, 3, 10))
    i = svc.start_interview(v.id, member_id=d.members[0].id)
    assert i.protocol_key == "resident-vejle@1"
    svc.record_consent(i.id, True)
    # Ved ikke = 0 on the 2023 model's scales: (100 + 0) / 2 = 50; 66.67 keeps its decimals.
    answer(svc, i.id, [("tilfredshed", "personlige", "meget_tilfreds", ""), ("tilfredshed", "praktiske", "ved_ikke", ""),
                       ("dialog", "", "nogen_grad", "")])
    svc.finish_interview(i.id)
    f = svc.findings(v.id)
    goals = {g.goal_id: g.score for g in f.groups[0].goals}
    assert goals == {"hjaelp": 50.0, "forstaaelse": None, "dialog": 66.67}
    d = svc.visit_report_data(v.id)
    assert any("»Ved ikke« 0 point" in r for r in d.score_rules)
    assert not any("indgår ikke" in r for r in d.score_rules)
    assert d.share_rule == ("Andel tilfredse: svar »Meget tilfreds« eller »Tilfreds« (Tilfredshed (2023-model)); "
                            "»Ja, i høj grad« eller »Ja, i nogen grad« (Oplevelse (i høj grad ... slet ikke) "
                            "(2023-model)) blandt svarene med score.")
    text_ = _pdf_text(svc.visit_report_pdf(v.id))
    assert "»Ved ikke« 0 point" in text_ and "»Ved ikke« indgår ikke" not in text_ and "66,67" in text_
    assert "to bedste kategorier" not in text_


def test_the_default_rule_and_a_one_category_scale_are_worded_from_the_data(w):
    ids = full_visit(w)
    d = w.svc.visit_report_data(ids["visit"])
    assert any(r.startswith("Tilfredshed: »Meget tilfreds« 100, »Tilfreds« 75") and
               r.endswith("»Ved ikke« indgår ikke i gennemsnittene.") for r in d.score_rules)
    # The relatives' principle questions use a scale where only the top category is satisfied.
    assert "»Tilfredsstillende« (Tilfredsstillende / delvis / ikke / ved ikke)" in d.share_rule
    annual = w.svc.annual_evaluation_data(2026)
    assert not any("»Ved ikke« indgår ikke)" in m for m in annual.method)
    assert any(m.endswith("»Ved ikke« indgår ikke i gennemsnittene.") for m in annual.method)


def test_the_visit_dto_says_what_may_be_done(w):
    svc = w.svc
    ids = full_visit_until_sent(w)
    w.login("karl")
    w.at(D(2026, 3, 15))
    v = svc.visit(ids["visit"])
    assert "finalise" not in v.allowed_actions and "return_to_draft" in v.allowed_actions
    w.at(D(2026, 3, 26))  # the deadline has passed without a reply
    assert "finalise" in svc.visit(ids["visit"]).allowed_actions
    assert svc.finalise(ids["visit"]).status == "final"
    assert svc.visit(ids["visit"]).consultation.reply_state == "closed"


def test_migration_0007_copies_every_reply_into_the_thread_and_logs_it(db_url):
    """A database at 0006 with a consultation that has a reply: after the upgrade the reply is the
    thread's first entry, and the audit log's create entry folds to the new row."""
    from tilsyn.services.app import close_app, open_app
    from tilsyn.services.audit import AuditService
    from tilsyn.store.db import make_engine
    from tilsyn.store.migrate import upgrade

    engine = make_engine(db_url)
    pg = engine.dialect.name == "postgresql"

    def key(u):
        return u if pg else u.hex

    try:
        upgrade(engine, "0006", backup=False)
        now = dt.datetime(2026, 3, 15, 12, 0, tzinfo=dt.timezone.utc)
        m, h, p, v, c = (uuid.uuid4() for _ in range(5))
        with engine.begin() as conn:
            conn.execute(text("insert into municipality (id, name, code, created_at, updated_at) "
                              "values (:i, 'Vejle Kommune', '', :n, :n)"), {"i": key(m), "n": now})
            conn.execute(text("insert into care_home (id, municipality_id, name, kind, address, postal_code, city, "
                              "created_at, updated_at) values (:i, :m, 'Bakkegården', 'municipal', '', '', '', :n, :n)"),
                         {"i": key(h), "m": key(m), "n": now})
            conn.execute(text("insert into supervision_programme (id, year, title, protocols, theme_id, sample_total, "
                              "sample_min, sample_max, relatives_per_home, seed, created_at, updated_at) values "
                              "(:i, 2026, 'Tilsyn 2026', '[]', '', 5, 2, 3, 2, '', :n, :n)"), {"i": key(p), "n": now})
            conn.execute(text("insert into supervision_visit (id, programme_id, care_home_id, planned_on, unannounced, "
                              "status, result, result_summary, created_at, updated_at) values "
                              "(:i, :p, :h, :d, true, 'consultation', '', '', :n, :n)"),
                         {"i": key(v), "p": key(p), "h": key(h), "d": dt.date(2026, 3, 10), "n": now})
            conn.execute(text("insert into consultation (id, visit_id, sent_at, sent_by, deadline, reply_text, "
                              "replied_at, replied_by, created_at, updated_at) values "
                              "(:i, :v, :n, 'Karl', :d, 'Vi er enige.', :n, 'Lene Leder', :n, :n)"),
                         {"i": key(c), "v": key(v), "d": dt.date(2026, 3, 25), "n": now})
        upgrade(engine, backup=False)
        with engine.connect() as conn:
            rows = conn.execute(text("select text, replied_by from consultation_reply")).all()
            entries = conn.execute(text("select action, actor_name from audit_entry "
                                        "where entity_type = 'consultation_reply'")).all()
        assert [tuple(r) for r in rows] == [("Vi er enige.", "Lene Leder")]
        assert [tuple(e) for e in entries] == [("create", "Migrering 0007 (høringssvar flyttet til tråden)")]
    finally:
        engine.dispose()
    opened = open_app(db_url)
    try:
        from tilsyn.domain.roles import SYSTEM

        opened.context.user = SYSTEM
        report = AuditService(opened.context).verify()
        assert not [f for f in report.data_faults if f.table == "consultation_reply"]
    finally:
        close_app(opened.context)
