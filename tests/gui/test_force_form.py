"""The form screen as staff, leader and caseworker: sections, signatures, send, process, send back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from force_support import AUTHORITY, CPH, PW, cheap_hashing, close_world, open_world
from tilsyn.ui.dialogs import sign_dialog
from tilsyn.ui.dialogs.sign_dialog import SignDialog
from tilsyn.ui.views.force_form_view import ForceFormView


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


@pytest.fixture
def answers(monkeypatch):
    """Answer the modal prompts: the password the test says, reasons, comments, confirmations."""
    given = {"password": None, "reason": None, "comment": None, "confirm": True, "asked": []}

    def signature(parent, heading, text, sign):
        given["asked"].append(("sign", heading, text))
        return sign(given["password"])

    def reason(parent, title, prompt, ok_text="&Gem"):
        given["asked"].append(("reason", title, prompt))
        return given["reason"]

    def comment(parent, title, prompt, ok_text):
        given["asked"].append(("comment", title, prompt))
        return given["comment"]

    def confirm(parent, title, text, ok_text):
        given["asked"].append(("confirm", title, text))
        return given["confirm"]

    monkeypatch.setattr(sign_dialog, "ask_signature", signature)
    monkeypatch.setattr(sign_dialog, "ask_reason", reason)
    monkeypatch.setattr(sign_dialog, "ask_comment", comment)
    monkeypatch.setattr(sign_dialog, "ask_confirm", confirm)
    return given


def make_view(world, qtbot, form_id) -> ForceFormView:
    view = ForceFormView(world.force, world.services.residents, form_id)
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def fill_leader(ui, discussed=True) -> None:
    ui.necessity_edit.setPlainText("Jens var i fare for at gå ud i frostvejret.")
    ui.reflection_edit.setPlainText("Gennemgået på personalemøde.")
    ui.action_plan_updated_edit.setText("15-03-2026")
    (ui.discussed_in_staff_group_yes_radio if discussed else ui.discussed_in_staff_group_no_radio).setChecked(True)
    ui.discussed_when_edit.setText("16-03-2026")
    ui.action_plan_exists_yes_radio.setChecked(True)


def test_section_1_shows_the_full_cpr_and_the_permit(world, qtbot):
    fid = world.signed_by_staff()
    view = make_view(world, qtbot, fid)
    ui = view.ui
    assert ui.cpr_value.text() == "010130-1234"
    assert ui.address_value.text() == "Bakkevej 1, 7100 Vejle"
    assert "Om natten" in ui.permits_value.text() and "01-01-2026 – 31-03-2026" in ui.permits_value.text()
    assert ui.title_label.text() == "Månedsskema for Jens Hansen, marts 2026"
    assert ui.status_label.text() == "Afventer leder"
    assert ui.meta_label.text() == "Bakkegården · Frist hos myndigheden: 05-04-2026"
    assert ui.signature2_label.text().startswith("Underskrevet af Pia Jensen (Medarbejder) 20-03-2026 kl. 03.10 · kontrolsum ")


def test_staff_signs_section_2_and_cannot_touch_section_3(world, qtbot, answers):
    fid = world.force.register_episode(world.episode()).form_id
    view = make_view(world, qtbot, fid)
    ui = view.ui
    text = ui.episodes_browser.toPlainText()
    assert "19-03-2026 kl. 23.10–23.20" in text and "Tilbageholdelse i boligen (§ 127)" in text
    assert "Pia Jensen (X), Bakkegården, SSA" in text
    assert ui.sign2_button.isVisible() and ui.signature2_label.text() == "Ikke underskrevet"
    assert not ui.save3_button.isVisible() and not ui.sign3_button.isVisible() and ui.necessity_edit.isReadOnly()
    assert not ui.sign4_button.isVisible() and not ui.send_back_button.isVisible()
    answers["password"] = "forkert"
    ui.sign2_button.click()
    assert ui.form_error_label.text() == "Forkert brugernavn eller adgangskode."
    answers["password"] = PW["pia"]
    ui.sign2_button.click()
    assert ui.signature2_label.text().startswith("Underskrevet af Pia Jensen (Medarbejder)")
    assert ui.status_label.text() == "Afventer leder" and not ui.sign2_button.isVisible()
    assert "afsnit 2 (Oplysninger om magtanvendelser)" in answers["asked"][-1][2]


def test_leader_fills_section_3_signs_and_sends(world, qtbot, answers):
    fid = world.signed_by_staff()
    world.login("lene")
    view = make_view(world, qtbot, fid)
    ui = view.ui
    messages = []
    view.message.connect(messages.append)
    assert ui.leader_name_edit.text() == "Lene Leder" and ui.assessed_on_edit.text() == "20-03-2026"
    assert ui.send_button.isVisible() and not ui.send_button.isEnabled()
    # Signing an incomplete section: the missing answers are said under their questions.
    answers["password"] = PW["lene"]
    ui.sign3_button.click()
    assert ui.necessity_error_label.text() == (
        "Hvordan var magtanvendelsen/ magtanvendelserne nødvendige? skal udfyldes.")
    assert ui.discussed_in_staff_group_error_label.text() == "Behandlet i medarbejdergruppen skal udfyldes."
    assert view.form.signature(3) is None
    fill_leader(ui)
    ui.sign3_button.click()
    form = view.form
    assert form.leader.necessity.startswith("Jens var i fare") and form.leader.discussed_in_staff_group is True
    assert form.signature(3).signer == "Lene Leder"
    assert ui.signature3_label.text().startswith("Underskrevet af Lene Leder (Nærmeste leder)")
    assert ui.send_button.isEnabled()
    ui.send_button.click()
    assert view.form.status == "sent" and ui.status_label.text() == "Sendt"
    assert messages[-1] == "Skemaet er sendt til myndigheden."
    assert not ui.save3_button.isVisible() and ui.necessity_edit.isReadOnly()
    assert "Sendt 20-03-2026 kl. 03.10" in ui.meta_label.text()


def test_editing_a_signed_leader_section_asks_why_and_shows_who_signs_again(world, qtbot, answers):
    fid = world.signed_by_staff()
    world.login("lene")
    view = make_view(world, qtbot, fid)
    fill_leader(view.ui)
    answers["password"] = PW["lene"]
    view.ui.sign3_button.click()
    view.ui.other_edit.setPlainText("Tilføjet efter underskrift")
    answers["reason"] = None  # cancelled: nothing changes
    assert not view.save_leader()
    assert world.force.get_form(fid).leader.other == ""
    answers["reason"] = "Supplerende oplysning"
    assert view.save_leader()
    form = world.force.get_form(fid)
    assert form.leader.other == "Tilføjet efter underskrift" and form.signature(3) is None
    assert view.ui.must_sign_label.isVisible()
    assert view.ui.must_sign_label.text() == (
        "Skal underskrives igen af: afsnit 3 Lene Leder (Nærmeste leder). Begrundelse: Supplerende oplysning")
    assert view.ui.signature3_label.text() == (
        "Ikke underskrevet – skal underskrives igen af Lene Leder (Nærmeste leder)")


def test_caseworker_processes_a_sent_form(world, qtbot, answers):
    fid = world.sent_form()
    world.login("sofie")
    view = make_view(world, qtbot, fid)
    ui = view.ui
    assert ui.necessity_edit.isReadOnly() and not ui.sign3_button.isVisible() and not ui.sign2_button.isVisible()
    assert ui.sign4_button.isVisible() and ui.send_back_button.isVisible()
    assert ui.processed_by_name_edit.text() == "Sofie Sag"
    ui.followup_remarks_edit.setPlainText(AUTHORITY.followup_remarks)
    ui.residence_municipality_informed_yes_radio.setChecked(True)
    ui.acting_municipality_informed_no_radio.setChecked(True)
    ui.processed_by_position_edit.setText("Sagsbehandler")
    ui.processed_by_municipality_edit.setText("Vejle Kommune")
    answers["password"] = PW["sofie"]
    ui.sign4_button.click()
    form = view.form
    assert form.status == "processed" and ui.status_label.text() == "Behandlet"
    assert form.authority.acting_municipality_informed is False
    assert form.signature(4).role_label == "Sagsbehandler"
    assert not ui.sign4_button.isVisible() and not ui.send_back_button.isVisible()
    assert world.force.inbox() == []


def test_caseworker_sends_back_with_a_comment(world, qtbot, answers):
    fid = world.sent_form()
    world.login("sofie")
    view = make_view(world, qtbot, fid)
    answers["comment"] = None
    view.ui.send_back_button.click()
    assert world.force.get_form(fid).status == "sent"
    answers["comment"] = "Uddyb hvordan magten var mindst indgribende."
    view.ui.send_back_button.click()
    form = view.form
    assert form.status == "returned" and form.signature(3) is None and form.signature(2) is not None
    world.login("lene")
    leader = make_view(world, qtbot, fid)
    assert leader.ui.returned_label.isVisible()
    assert leader.ui.returned_label.text().endswith("»Uddyb hvordan magten var mindst indgribende.«")
    assert leader.ui.status_label.text() == "Sendt tilbage"
    assert leader.ui.sign3_button.isVisible() and not leader.ui.necessity_edit.isReadOnly()
    assert "afsnit 3 Lene Leder" in leader.ui.must_sign_label.text()


def test_acute_record_says_why_it_is_not_on_the_monthly_form(world, qtbot):
    fid = world.force.register_episode(world.episode(resident="bo", force_type="126_holding"), as_acute=True).form_id
    view = make_view(world, qtbot, fid)
    assert view.ui.title_label.text() == "Akut / ikke-godkendt magtanvendelse – Bo Ek, marts 2026"
    assert view.ui.not_covered_value.text() == (
        "Registreret som akut / ikke-godkendt magtanvendelse: "
        "Der er ingen aktiv tilladelse til magtanvendelse over for beboeren den dag.")


def test_the_sign_dialog_keeps_a_wrong_password_and_returns_other_refusals(world, qtbot):
    fid = world.force.register_episode(world.episode()).form_id
    dialog = SignDialog("Underskriv afsnit 2", "tekst", lambda pw: world.force.sign_section(fid, 2, pw))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.password_edit, "forkert")
    dialog.ui.sign_button.click()
    assert dialog.isVisible() and dialog.ui.error_label.text() == "Forkert adgangskode. Prøv igen."
    assert dialog.ui.password_edit.text() == ""
    qtbot.keyClicks(dialog.ui.password_edit, PW["pia"])
    dialog.ui.sign_button.click()
    assert not dialog.isVisible() and dialog.result.signature(2) is not None
    again = SignDialog("Underskriv afsnit 2", "tekst", lambda pw: world.force.sign_section(fid, 2, pw))
    qtbot.addWidget(again)
    again.show()
    again.ui.password_edit.setText(PW["pia"])
    again.ui.sign_button.click()
    assert not again.isVisible() and again.error.code == "already_signed"


def test_the_sign_dialog_is_throttled_like_the_login(world, qtbot):
    """Issue 10.6: five wrong passwords when signing make the next tries wait, the right one too."""
    fid = world.force.register_episode(world.episode()).form_id
    dialog = SignDialog("Underskriv afsnit 2", "tekst", lambda pw: world.force.sign_section(fid, 2, pw))
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        qtbot.keyClicks(dialog.ui.password_edit, "forkert")
        dialog.ui.sign_button.click()
    assert dialog.ui.error_label.text() == "For mange forkerte forsøg. Vent 30 sekunder, og prøv igen."
    qtbot.keyClicks(dialog.ui.password_edit, PW["pia"])
    dialog.ui.sign_button.click()
    assert dialog.isVisible() and dialog.ui.error_label.text().startswith("For mange forkerte forsøg.")
    assert world.force.get_form(fid).signature(2) is None


def test_a_section_changed_behind_the_apps_back_is_not_shown_as_signed(world, qtbot, tmp_path):
    """A signed episode's text changed with raw SQL: the signature label says, in Danish, that
    the content no longer matches the signature (issue 10, point 1)."""
    from sqlalchemy import text

    fid = world.signed_by_staff()
    form = world.force.get_form(fid)
    ep = form.episodes[0].id
    with world.ctx.uow_factory() as uow:
        uow.session.connection().execute(text("update episode set description = 'Intet skete' where id = :i"),
                                         {"i": ep.replace("-", "")})
        uow.commit()
    view = make_view(world, qtbot, fid)
    view.resize(1280, 800)
    label = view.ui.signature2_label.text()
    assert label.startswith("Indholdet svarer ikke længere til underskriften (ændret: Beskriv magtanvendelsen "
                            f"kort (magtanvendelse {ep[:8]})).")
    assert "Underskrevet før af Pia Jensen" in label and not label.startswith("Underskrevet af")
    assert "#f8d7d7" in view.ui.signature2_label.styleSheet()
    assert view.ui.signature3_label.text() == "Ikke underskrevet"
    view.grab().save(str(tmp_path / "form_mismatch.png"))


# -- issue 12, points 1, 2, 6 and 7 -------------------------------------------------------------------
import dataclasses  # noqa: E402
import datetime as dt  # noqa: E402

from tilsyn.domain.form_workflow import FormAction as FA, WorkflowFacts, WorkflowState as WS  # noqa: E402
from tilsyn.domain.form_workflow import allowed_actions  # noqa: E402
from tilsyn.domain.roles import Role  # noqa: E402

FACTS = {
    WS.DRAFT: WorkflowFacts(frozenset(), 1, False, False, month_over=False),
    WS.AWAITING_STAFF: WorkflowFacts(frozenset(), 1, False, False, month_over=True),
    WS.AWAITING_LEADER: WorkflowFacts(frozenset({2}), 1, False, False, month_over=True),
    WS.READY_TO_SEND: WorkflowFacts(frozenset({2, 3}), 1, False, False, month_over=True),
    WS.SENT: WorkflowFacts(frozenset({2, 3}), 1, True, False, month_over=True),
    WS.RETURNED: WorkflowFacts(frozenset({2}), 1, False, True, month_over=True),
    WS.PROCESSED: WorkflowFacts(frozenset({2, 3, 4}), 1, True, False, month_over=True, reopen_requested=True),
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("state", list(WS))
def test_the_views_buttons_follow_the_dtos_allowed_actions(world, qtbot, state, role):
    """Point 7: whatever the user's role, the buttons are exactly the DTO's allowed actions."""
    fid = world.signed_by_staff()
    view = make_view(world, qtbot, fid)
    allowed = frozenset(a.value for a in allowed_actions(FACTS[state], role))
    form = dataclasses.replace(view.form, status=state.value, allowed=allowed)
    if FA.DECIDE_REOPEN in allowed:
        form = dataclasses.replace(world.force.get_form(fid), status=state.value, allowed=allowed)
    view.show_form(form)
    ui = view.ui
    shown = {
        FA.SIGN_EPISODES: not ui.sign2_button.isHidden(),
        FA.EDIT_LEADER: not ui.save3_button.isHidden() and not ui.necessity_edit.isReadOnly(),
        FA.SIGN_LEADER: not ui.sign3_button.isHidden() and ui.sign3_button.isEnabled(),
        FA.SEND: not ui.send_button.isHidden() and ui.send_button.isEnabled(),
        FA.REOPEN: not view.reopen_button.isHidden(),
        FA.EDIT_AUTHORITY: not ui.save4_button.isHidden() and not ui.followup_remarks_edit.isReadOnly(),
        FA.PROCESS: not ui.sign4_button.isHidden(),
        FA.SEND_BACK: not ui.send_back_button.isHidden(),
        FA.DECIDE_REOPEN: not view.accept_request_button.isHidden() and not view.refuse_request_button.isHidden(),
        FA.EDIT_EPISODES: "href=\"episode:" in ui.episodes_browser.toHtml(),
    }
    assert {a.value for a, on in shown.items() if on} == allowed - {FA.REQUEST_REOPEN.value}


def test_the_chip_says_ready_to_send_after_the_leader_signs(world, qtbot, answers):
    fid = world.signed_by_staff()
    world.login("lene")
    view = make_view(world, qtbot, fid)
    fill_leader(view.ui)
    answers["password"] = PW["lene"]
    view.ui.sign3_button.click()
    assert view.ui.status_label.text() == "Klar til afsendelse" and view.ui.send_button.isEnabled()


def test_an_overdue_returned_form_shows_the_state_the_mark_and_the_comment(world, qtbot):
    fid = world.sent_form()
    world.login("sofie")
    world.force.send_back(fid, "Uddyb vurderingen.")
    world.set_now(dt.datetime(2026, 4, 8, 8, 0, tzinfo=dt.timezone.utc))
    world.login("lene")
    view = make_view(world, qtbot, fid)
    assert view.ui.status_label.text() == "Sendt tilbage"
    assert view.mark_label.isVisible() and view.mark_label.text() == "For sent"
    assert view.ui.returned_label.isVisible() and "»Uddyb vurderingen.«" in view.ui.returned_label.text()


def test_the_leader_reopens_a_processed_form_after_the_question(world, qtbot, answers):
    fid = world.sent_form()
    world.login("sofie")
    world.force.save_authority_section(fid, AUTHORITY)
    world.force.sign_section(fid, 4, PW["sofie"])
    world.login("lene")
    view = make_view(world, qtbot, fid)
    assert view.reopen_button.isVisible() and not view.ui.save3_button.isVisible()
    answers["reason"] = None
    view.reopen_button.click()
    assert world.force.get_form(fid).status == "processed"
    kind, title, prompt = answers["asked"][-1]
    assert kind == "reason" and title == "Genåbn skemaet"
    assert prompt.startswith("Månedsskema for Jens Hansen, marts 2026 er behandlet af kommunen.")
    assert "afsnit 3 og 4 skal underskrives igen (af lederen og sagsbehandleren)" in prompt
    assert "kommunen ser skemaet som genåbnet" in prompt
    answers["reason"] = "Vurderingen skal uddybes"
    view.reopen_button.click()
    assert view.form.status == "awaiting_leader" and view.ui.status_label.text() == "Afventer leder"
    assert view.mark_label.text() == "Genåbnet"
    assert "»Vurderingen skal uddybes«" in view.ui.returned_label.text()
    dialog_cls = __import__("tilsyn.ui.views.force_form_view", fromlist=["ForceFormDialog"]).ForceFormDialog
    dialog = dialog_cls(world.force, world.services.residents, fid)
    qtbot.addWidget(dialog)
    assert not dialog.version_button.isHidden()


def test_the_leader_answers_a_staff_request_in_the_form(world, qtbot, answers):
    fid = world.sent_form()
    world.login("pia")
    late = dt.datetime(2026, 3, 20, 1, 0, tzinfo=CPH)
    world.force.request_reopen(world.episode(when=late), "Fandt den i vagtbogen")
    world.login("lene")
    view = make_view(world, qtbot, fid)
    assert view.requests_box.isVisible() and view.accept_request_button.isVisible()
    assert "Pia Jensen bad" in view.requests_label.text() and "»Fandt den i vagtbogen«" in view.requests_label.text()
    view.accept_request_button.click()
    assert len(view.form.episodes) == 2 and view.form.status == "awaiting_staff"
    assert "genåbnet af Lene Leder" in view.requests_label.text() and not view.accept_request_button.isVisible()


def test_the_caseworkers_inbox_shows_a_reopened_form_with_the_reason(world, qtbot):
    from tilsyn.ui.models.force_tables import FormSummaryModel
    from tilsyn.ui.views.force_inbox_view import ForceInboxView

    fid = world.sent_form()
    world.force.reopen_form(fid, "Vurderingen skal uddybes")
    world.login("sofie")
    view = ForceInboxView(world.force, world.services.residents)
    qtbot.addWidget(view)
    assert view.form_ids() == [fid]
    index = view.proxy.index(0, FormSummaryModel.COL_STATUS)
    assert index.data() == "Afventer leder · genåbnet: »Vurderingen skal uddybes«"
    assert "Genåbnet: »Vurderingen skal uddybes«" in index.data(Qt.ItemDataRole.ToolTipRole)
