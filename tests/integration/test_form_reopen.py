"""Issue 12, points 1, 2, 5 and 6: a change to a form the municipality has is never silent, staff
can keep a late-found episode in a request to the leader, states and lists (SQLite and PostgreSQL)."""

import datetime as dt

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.services.audit import AuditService
from tilsyn.services.exports import ExportService
from test_force_service import CPH, PW, as_, episode, fill_authority, fill_leader, w  # noqa: F401

LATE = dt.datetime(2026, 3, 20, 7, 0, tzinfo=CPH)


def processed_form(w):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    lene.sign_section(fid, 3, PW["lene"])
    lene.send_to_authority(fid)
    sofie = as_(w, "sofie")
    fill_authority(sofie, fid)
    sofie.sign_section(fid, 4, PW["sofie"])
    return fid


def test_a_leader_registration_on_a_processed_form_asks_for_a_reason_first(w):
    fid = processed_form(w)
    lene = as_(w, "lene")
    with pytest.raises(DomainError) as exc:
        lene.register_episode(episode(w, when=LATE))
    assert exc.value.code == "form_reopen_needs_reason"
    assert exc.value.params["sections"] == [2, 3, 4] and exc.value.params["state"] == "processed"
    form = lene.get_form(fid)
    assert form.status == "processed" and len(form.episodes) == 1 and len(form.signatures) == 3  # nothing changed
    r = lene.register_episode(episode(w, when=LATE), reopen_reason="Episode fundet i vagtbogen")
    assert r.reopened and r.voided_sections == (2, 3, 4)
    form = lene.get_form(fid)
    assert form.status == "awaiting_staff" and "reopened" in form.marks
    assert form.reopen_reason == "Episode fundet i vagtbogen" and len(form.episodes) == 2
    assert [s.section for s in form.must_sign_again] == [2, 3, 4]
    # The caseworker's inbox shows the reopened form with the reason.
    sofie = as_(w, "sofie")
    row = next(s for s in sofie.inbox() if s.id == fid)
    assert row.status == "awaiting_staff" and "reopened" in row.marks
    assert row.reopen_reason == "Episode fundet i vagtbogen"
    as_(w, "admin")
    assert AuditService(w["svc"].ctx).verify().ok


def test_the_processed_version_stays_printable_as_it_was(w):
    fid = processed_form(w)
    lene = as_(w, "lene")
    lene.register_episode(episode(w, when=LATE), reopen_reason="Episode fundet i vagtbogen")
    form = lene.get_form(fid)
    assert [(v.state, v.voided_sections, v.reason) for v in form.versions] == [
        ("processed", (2, 3, 4), "Episode fundet i vagtbogen")]
    data, version = lene.version_report(form.versions[0].id)
    assert len(data.episodes) == 1 and data.status_label == "Behandlet"
    assert [s.signed for s in data.signatures] == [True, True, True]
    assert "Sofie Sag" in data.processed_date_signature
    pdf = ExportService(lene.ctx).version_pdf(version.id)
    assert pdf.startswith(b"%PDF")


def test_a_sent_form_reopened_by_the_leader_names_the_sections(w):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    lene.sign_section(fid, 3, PW["lene"])
    lene.send_to_authority(fid)
    with pytest.raises(DomainError) as exc:
        lene.reopen_form(fid, "")
    assert exc.value.code == "form_reopen_needs_reason" and exc.value.params["sections"] == [3]
    form = lene.reopen_form(fid, "Vurderingen skal uddybes")
    assert form.status == "awaiting_leader" and form.signature(2) is not None and form.sent_at is None
    assert [v.state for v in form.versions] == ["sent"]


def test_staff_keep_a_late_found_episode_in_a_request_and_the_leader_accepts(w):
    fid = processed_form(w)
    pia = as_(w, "pia")
    with pytest.raises(DomainError) as exc:
        pia.register_episode(episode(w, when=LATE))
    assert exc.value.code == "month_closed" and exc.value.params["form"] == fid
    req = pia.request_reopen(episode(w, when=LATE), "Fandt episoden i vagtbogen")
    form = pia.get_form(fid)
    assert "reopen_requested" in form.marks and form.reopen_requests[0].state == "pending"
    assert form.reopen_requests[0].reason == "Fandt episoden i vagtbogen" and len(form.episodes) == 1
    lene = as_(w, "lene")
    dash = lene.dashboard()
    assert [(q.id, q.reason, q.requested_by) for q in dash.reopen_requests] == [
        (req.request_id, "Fandt episoden i vagtbogen", "Pia Jensen")]
    assert "decide_reopen" in lene.get_form(fid).allowed
    result = lene.accept_reopen_request(req.request_id)
    form = lene.get_form(fid)
    assert len(form.episodes) == 2 and result.reopened and "reopened" in form.marks
    added = next(e for e in form.episodes if e.id == result.episode_id)
    assert added.started_at == LATE and not added.late  # judged by the request's time
    assert "Fandt episoden i vagtbogen" in form.reopen_reason
    assert form.reopen_requests[0].state == "accepted" and form.reopen_requests[0].episode_id == result.episode_id
    with pytest.raises(DomainError) as exc:
        lene.accept_reopen_request(req.request_id)
    assert exc.value.code == "reopen_request_decided"
    as_(w, "admin")
    assert AuditService(w["svc"].ctx).verify().ok


def test_a_refused_request_stays_visible_with_the_leaders_reason(w):
    fid = processed_form(w)
    pia = as_(w, "pia")
    req = pia.request_reopen(episode(w, when=LATE), "Fandt episoden i vagtbogen")
    lene = as_(w, "lene")
    with pytest.raises(DomainError):
        lene.refuse_reopen_request(req.request_id, " ")
    lene.refuse_reopen_request(req.request_id, "Episoden står allerede på skemaet")
    form = as_(w, "pia").get_form(fid)
    q = form.reopen_requests[0]
    assert (q.state, q.decision_reason, q.decided_by) == ("refused", "Episoden står allerede på skemaet", "Lene Leder")
    assert len(form.episodes) == 1 and form.status == "processed"
    assert [x.id for x in as_(w, "pia").dashboard().reopen_requests] == [req.request_id]


def test_staff_may_not_request_on_an_open_month(w):
    w["svc"].register_episode(episode(w))
    with pytest.raises(DomainError) as exc:
        w["svc"].request_reopen(episode(w, when=LATE), "Glemt")
    assert exc.value.code == "reopen_not_needed"


def test_the_chip_is_ready_to_send_once_the_leader_has_signed(w):
    pia = w["svc"]
    r = pia.register_episode(episode(w))
    assert r.may_sign_episodes  # point 5: the dialog can offer to sign section 2 at once
    pia.sign_section(r.form_id, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, r.form_id)
    form = lene.sign_section(r.form_id, 3, PW["lene"])
    assert form.status == "ready_to_send" and "send" in form.allowed


def test_returned_forms_are_listed_with_the_comment_on_one_line(w, ctx):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    lene.sign_section(fid, 3, PW["lene"])
    lene.send_to_authority(fid)
    as_(w, "sofie").send_back(fid, "Uddyb vurderingen.")
    ctx.clock = lambda: dt.datetime(2026, 4, 8, 8, 0, tzinfo=dt.timezone.utc)
    dash = as_(w, "lene").dashboard()
    assert [(s.id, s.status, s.return_comment, s.marks) for s in dash.returned] == [
        (fid, "returned", "Uddyb vurderingen.", frozenset({"overdue"}))]
    assert dash.leader_pending == () and dash.awaiting_staff == ()


def test_a_staff_signature_missing_is_on_the_dashboard(w, ctx):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    pia.register_episode(episode(w, when=LATE))  # voids section 2
    ctx.clock = lambda: dt.datetime(2026, 4, 2, 8, 0, tzinfo=dt.timezone.utc)
    dash = as_(w, "lene").dashboard()
    assert [(s.id, s.status) for s in dash.awaiting_staff] == [(fid, "awaiting_staff")]
