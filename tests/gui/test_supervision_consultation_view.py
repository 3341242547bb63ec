"""Issue 13 (points 7, 9, 10) in the real windows: the leader's inbox says "besvaret" and shows the
thread and the action plan; the leader adds an item; the consultant's buttons follow the DTO's
allowed actions and the consultant comments; free text is marked for the report in the findings
tab; the consultant's Overblik lists the homes due for a visit; the pending list never cuts names."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_supervision_view import D, interviewed_visit, make_view, texts, w  # noqa: F401 - fixture
from tilsyn.ui.views.dashboard_view import DashboardView
from tilsyn.ui.views.supervision_dialogs import ActionItemDialog, StepDialog
from tilsyn.ui.views.supervision_visit_view import TAB_FINDINGS


def _in_consultation(w):
    visit = interviewed_visit(w)
    w.svc.set_conclusions(visit.id, ["Godt besøg"])
    w.svc.start_report(visit.id)
    w.svc.send_for_consultation(visit.id, D(2026, 3, 20))
    return visit


def test_the_inbox_shows_besvaret_the_thread_and_lets_the_leader_write_the_plan(qtbot, w):
    visit = _in_consultation(w)
    w.login("lene")
    w.at(D(2026, 3, 12))
    leader = make_view(qtbot, w)
    assert leader.inbox_model.HEADERS == ("Plejecenter", "Besøg", "Høringsfrist", "Svar", "Seneste svar")
    assert texts(leader.inbox_model, 3) == ["afventer svar"]
    assert leader.ui.reply_button.isEnabled() and leader.ui.inbox_add_action_button.isEnabled()
    for reply in ("Vi er enige.", "Og gåturene starter i april."):
        leader.reply_to_consultation()
        leader.dialog.ui.text_edit.setPlainText(reply)
        leader.dialog.save()
    assert texts(leader.inbox_model, 3) == ["besvaret (2 svar)"]
    thread = leader.ui.inbox_thread_browser.toPlainText()
    assert "Vi er enige." in thread and "Og gåturene starter i april. " not in thread  # html, newest first
    assert thread.index("Og gåturene starter i april.") < thread.index("Vi er enige.")
    assert "(bruges i den endelige rapport)" in thread
    leader.add_leader_action()
    dialog = leader.dialog
    assert isinstance(dialog, ActionItemDialog)
    dialog.ui.action_edit.setPlainText("Fast gåtur efter middagen")
    dialog.ui.responsible_edit.setText("Kontaktpersonerne")
    dialog.save()
    assert "Fast gåtur efter middagen – Kontaktpersonerne" in leader.ui.inbox_thread_browser.toPlainText()
    assert "(skrevet af plejecentret)" in leader.ui.inbox_thread_browser.toPlainText()

    # The consultant sees the whole thread, comments on the leader's item, and may now finalise.
    w.login("karl")
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    label = vv.ui.consultation_label.text()
    assert "Vi er enige." in label and "Og gåturene starter i april." in label
    assert vv.ui.finalise_button.isEnabled() and not vv.ui.send_button.isEnabled()
    assert not vv.ui.add_action_button.isEnabled()  # the consultant does not rewrite the plan now
    vv.ui.action_table.selectRow(0)
    assert vv.ui.comment_action_button.isEnabled()
    vv.comment_action()
    step = vv.dialog
    assert isinstance(step, StepDialog)
    step.ui.text_edit.setPlainText("Husk at følge op i juni.")
    step.save()
    [item] = w.svc.action_plan(visit.id)
    assert [c.text for c in item.comments] == ["Husk at følge op i juni."]


def test_free_text_is_marked_for_the_report_in_the_findings_tab(qtbot, w):
    _, visit, draw = w.planned_visit()
    w.at(D(2026, 3, 10))
    i = w.svc.start_interview(visit.id, member_id=draw.members[0].id)
    w.svc.record_consent(i.id, True)
    w.svc.save_answer(i.id, "dialog", "nogen_grad", "De lytter, når jeg siger noget")
    w.svc.finish_interview(i.id)
    w.svc.mark_conducted(visit.id)
    assert w.svc.visit_report_data(visit.id).quotes == ()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    vv.ui.visit_tabs.setCurrentIndex(TAB_FINDINGS)
    [(check, t)] = vv.findings_tab.free_text_checks
    assert check.text() == "B1: »De lytter, når jeg siger noget«" and not check.isChecked() and check.isEnabled()
    check.setChecked(True)
    [group] = w.svc.visit_report_data(visit.id).quotes
    assert group.quotes == (("B1", "De lytter, når jeg siger noget"),)
    assert w.svc.findings(visit.id).free_texts[0].in_report
    assert "Jens" not in check.text()


def test_the_consultants_overblik_lists_the_homes_due_for_a_visit(qtbot, w):
    dash = DashboardView(w.services)
    qtbot.addWidget(dash)
    dash.show()
    assert dash.supervision_group.isVisible() and not dash.ui.scroll_area.isVisible()
    lines = dash.supervision_texts()
    assert len(lines) == 2 and lines[0].startswith("Bakkegården — Skal besøges nu · næste besøg senest")
    assert "aldrig besøgt" in lines[0]
    assert dash.supervision_group.title() == "Plejecentre, der skal have tilsyn (2)"
    assert dash.ui.summary_label.text() == "2 plejecentre skal have tilsyn nu."


def test_the_pending_list_wraps_and_carries_the_whole_line(qtbot, w):
    _, visit, _ = w.planned_visit()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    pending = view.visit_view.ui.pending_list
    assert pending.wordWrap() and pending.textElideMode() == Qt.TextElideMode.ElideNone
    item = pending.item(0)
    assert item.toolTip() == item.text() and item.text().startswith("Beboer nr. 1: ")


def test_a_share_is_written_one_way_with_a_space_before_the_sign(qtbot):
    from tilsyn.messages import format_percent, format_score
    from tilsyn.reports.visit_report import fmt_score, fmt_share
    from tilsyn.ui.dialogs.progress_dialog import ProgressDialog
    from tilsyn.ui.models.supervision_models import score_text, share_text

    assert [format_percent(x) for x in (0, 0.0, 75, 66.666, 12.5, None)] == [
        "0 %", "0 %", "75 %", "66,67 %", "12,5 %", "–"]
    assert [fmt_share(x) for x in (0, 66.67)] == [share_text(x) for x in (0, 66.67)] == ["0 %", "66,67 %"]
    assert (format_score(66.666), fmt_score(62.5), score_text(62.5)) == ("66,67", "62,50", "62,5")
    from tilsyn.ui.workers import Worker

    dialog = ProgressDialog(Worker(lambda **_kw: None), "Arbejder", "Et øjeblik")
    qtbot.addWidget(dialog)
    dialog.set_progress(0, "")
    assert dialog.progress_bar.text() == "0 %"
