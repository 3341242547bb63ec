"""The registration dialog on a temp database, as a care worker on the night shift (03.10)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from force_support import CPH, close_world, cheap_hashing, open_world
from tilsyn.ui.dialogs import episode_dialog as module
from tilsyn.ui.dialogs.episode_dialog import CLOSE_DISCARD, CLOSE_KEEP, EpisodeDialog
from tilsyn.ui.models.force_resident_completer import SEARCH_DELAY_MS


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    # Closing a dialog with input asks first; at teardown nobody is there to answer.
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: CLOSE_KEEP)
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


def open_dialog(world, qtbot, autosave_ms=50, **kw) -> EpisodeDialog:
    dialog = EpisodeDialog(world.force, world.services.residents, autosave_ms=autosave_ms, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def pick_resident(dialog, qtbot, text: str) -> None:
    qtbot.keyClicks(dialog.ui.resident_edit, text)
    qtbot.wait(SEARCH_DELAY_MS + 50)
    qtbot.keyClick(dialog.ui.resident_edit, Qt.Key.Key_Return)
    assert dialog.completer.chosen is not None


def type_texts(dialog, qtbot, **texts) -> None:
    for name, text in texts.items():
        edit = getattr(dialog.ui, f"{name}_edit")
        edit.setFocus()
        qtbot.keyClicks(edit, text)


def combo_items(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_whole_episode_by_keyboard_makes_the_monthly_form(world, qtbot):
    dialog = open_dialog(world, qtbot)
    assert dialog.focusWidget() is dialog.ui.resident_edit
    assert dialog.ui.date_edit.text() == "20-03-2026" and dialog.ui.start_time_edit.text() == "03.10"
    pick_resident(dialog, qtbot, "jens")  # part of the name + Enter
    assert dialog.focusWidget() is dialog.ui.force_type_combo
    assert dialog.result is None and not dialog.ui.description_error_label.isVisible()  # Enter did not save
    qtbot.keyClicks(dialog.ui.force_type_combo, "Til")  # type-ahead in the combo
    assert dialog.ui.force_type_combo.currentData() == "127_retention"
    assert not dialog.ui.situation_combo.isVisible()
    dialog.ui.start_time_edit.clear()
    type_texts(dialog, qtbot, start_time="0140", end_time="01.55", location="Ved hoveddøren",
               purpose="Forhindre at Jens gik ud i kulden", description="Jens ville gå ud i nattøj",
               avoidance="Tilbød kaffe", least_intrusive="Fulgte ham roligt tilbage",
               narrative="Faldt til ro efter musik")
    # The user is the writer; a colleague is typed into the blank row.
    rows = dialog._staff_rows
    assert rows[0]["name"].text() == "Pia Jensen" and rows[0]["writer"].isChecked()
    rows[1]["name"].setFocus()
    qtbot.keyClicks(rows[1]["name"], "Ole Hansen")
    assert rows[1]["on"].isChecked() and len(dialog._staff_rows) == 3  # a new blank row
    dialog.ui.narrative_edit.setFocus()
    with qtbot.waitSignal(dialog.registered):
        qtbot.keyClick(dialog.ui.narrative_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result.kind == "monthly" and not dialog.result.late
    assert dialog.result_text == ("Magtanvendelsen er registreret på månedsskemaet for Jens Hansen, marts 2026. "
                                  "Afsnit 2 mangler din underskrift.")
    form = world.force.get_form(dialog.result.form_id)
    (ep,) = form.episodes
    assert ep.description == "Jens ville gå ud i nattøj" and ep.force_type == "127_retention"
    assert ep.started_at == dt.datetime(2026, 3, 20, 1, 40, tzinfo=CPH)
    assert ep.ended_at == dt.datetime(2026, 3, 20, 1, 55, tzinfo=CPH)
    assert [(s.name, s.is_writer) for s in ep.staff] == [("Pia Jensen", True), ("Ole Hansen", False)]
    assert world.force.load_draft("episode") is None  # the draft is gone once registered


def test_only_the_permitted_types_are_offered_with_the_126a_situations(world, qtbot):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "010130")  # by CPR
    combo = dialog.ui.force_type_combo
    assert combo_items(combo) == [None, "126a_hygiene", "127_retention"]
    combo.setCurrentIndex(combo.findData("126a_hygiene"))
    assert dialog.ui.situation_combo.isVisible()
    situations = [dialog.ui.situation_combo.itemText(i) for i in range(dialog.ui.situation_combo.count())]
    assert situations[1:3] == ["Tandbørstning", "Barbering"] and len(situations) == 8
    dialog.ui.all_types_check.setChecked(True)
    assert "128_belts" in combo_items(combo)
    assert combo.itemText(combo.findData("128_belts")).endswith("(ikke omfattet af tilladelsen)")
    assert combo.currentData() == "126a_hygiene"  # the choice survives


def test_refused_rules_are_said_in_danish_under_their_fields(world, qtbot):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.start_time_edit.setText("23.00")  # tonight: in the future
    dialog._staff_rows[0]["on"].setChecked(False)  # nobody involved
    dialog.save()
    assert dialog.result is None
    ui = dialog.ui
    assert ui.started_at_error_label.text().startswith(
        "Starttidspunktet 20-03-2026 kl. 23.00 ligger i fremtiden (klokken er nu 03.10).")
    assert ui.description_error_label.text() == "Beskriv magtanvendelsen kort skal udfyldes."
    assert ui.staff_error_label.text() == "Angiv mindst én medarbejder, der var involveret."
    assert world.force.monthly_form_for(world.ids["jens"], 2026, 3) is None
    ui.start_time_edit.setText("25.99")
    dialog.save()
    assert ui.started_at_error_label.text() == "Klokkeslættet »25.99« skal skrives som TT.MM, fx 23.10."


def test_two_writers_are_refused(world, qtbot):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.description_edit.setPlainText("Ville gå ud")
    dialog._staff_rows[0]["writer"].setChecked(False)
    dialog._writer_group.setExclusive(False)
    dialog._staff_rows[0]["writer"].setChecked(False)
    dialog.save()
    assert "Sæt X ved præcis én medarbejder" in dialog.ui.staff_error_label.text()


def test_outside_the_permit_offers_the_acute_record_and_keeps_everything(world, qtbot):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "bo ek")
    assert "ingen aktiv tilladelse" in dialog.ui.resident_info_label.text()
    assert dialog.ui.all_types_check.isChecked()  # every type, since none is permitted
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("126_holding"))
    dialog.ui.description_edit.setPlainText("Bo slog ud efter en medbeboer")
    dialog.save()
    assert dialog.ui.acute_frame.isVisible()
    assert dialog.ui.acute_label.text().startswith("Magtanvendelsen kan ikke komme på månedsskemaet: Der er ingen aktiv")
    assert dialog.ui.started_at_error_label.text() == (
        "Der er ingen aktiv tilladelse til magtanvendelse over for beboeren den dag.")
    assert dialog.focusWidget() is dialog.ui.acute_button
    with qtbot.waitSignal(dialog.registered):
        qtbot.keyClick(dialog.ui.acute_button, Qt.Key.Key_Space)
    assert dialog.result.kind == "acute"
    form = world.force.get_form(dialog.result.form_id)
    assert form.kind == "acute" and form.not_covered_reason == "no_active_permit"
    assert form.episodes[0].description == "Bo slog ud efter en medbeboer"
    assert "akut / ikke-godkendt" in dialog.result_text


def test_a_type_the_permit_does_not_cover_offers_the_acute_record(world, qtbot):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.all_types_check.setChecked(True)
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("128_belts"))
    dialog.ui.description_edit.setPlainText("Fastspændt i kørestolen")
    dialog.save()
    assert dialog.ui.force_type_error_label.text() == "Tilladelsen omfatter ikke denne type magtanvendelse."
    dialog.register_acute()
    assert world.force.get_form(dialog.result.form_id).not_covered_reason == "type_not_permitted"


def test_a_late_registration_asks_for_the_reason(world, qtbot):
    dialog = open_dialog(world, qtbot)
    assert not dialog.ui.late_group.isVisibleTo(dialog)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.date_edit.setText("17-03-2026")
    dialog.ui.start_time_edit.setText("21.00")
    dialog.ui.description_edit.setPlainText("Ville gå ud")
    dialog.save()
    assert dialog.ui.late_group.isVisible()
    assert dialog.ui.late_reason_error_label.text().startswith("Registreringen er for sen:")
    assert dialog.focusWidget() is dialog.ui.late_reason_edit
    qtbot.keyClicks(dialog.ui.late_reason_edit, "Glemt ved vagtskifte")
    dialog.save()
    assert dialog.result.late
    assert dialog.result_text.endswith("Den er markeret »registreret for sent«. Afsnit 2 mangler din underskrift.")
    (ep,) = world.force.get_form(dialog.result.form_id).episodes
    assert ep.late and ep.late_reason == "Glemt ved vagtskifte"


def test_a_name_without_a_pick_is_refused(world, qtbot):
    dialog = open_dialog(world, qtbot)
    dialog.ui.resident_edit.setText("Ukendt Person")
    dialog.save()
    assert dialog.ui.resident_error_label.text().startswith("Vælg beboeren på listen")


def test_the_draft_comes_back_and_escape_asks_first(world, qtbot, monkeypatch):
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("126a_hygiene"))
    dialog.ui.situation_combo.setCurrentIndex(dialog.ui.situation_combo.findData("shaving"))
    dialog.ui.description_edit.setFocus()
    qtbot.keyClicks(dialog.ui.description_edit, "Jens ville ikke barberes")
    qtbot.waitUntil(lambda: (world.force.load_draft("episode") or {}).get("description") == "Jens ville ikke barberes")
    asked = []
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: asked.append(1) or CLOSE_KEEP)
    qtbot.keyClick(dialog.ui.description_edit, Qt.Key.Key_Escape)
    assert asked and not dialog.isVisible()

    again = open_dialog(world, qtbot)
    assert again.ui.draft_label.isVisible()
    assert again.completer.resident_id == world.ids["jens"]
    assert again.ui.force_type_combo.currentData() == "126a_hygiene"
    assert again.ui.situation_combo.currentData() == "shaving"
    assert again.ui.description_edit.toPlainText() == "Jens ville ikke barberes"
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: CLOSE_DISCARD)
    again.reject()
    assert world.force.load_draft("episode") is None
    fresh = open_dialog(world, qtbot)
    assert fresh.ui.description_edit.toPlainText() == "" and not fresh.ui.draft_label.isVisibleTo(fresh)


def test_escape_on_an_untouched_dialog_closes_without_asking(world, qtbot, monkeypatch):
    dialog = open_dialog(world, qtbot)
    asked = []
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: asked.append(1) or CLOSE_KEEP)
    dialog.reject()
    assert not dialog.isVisible() and asked == []


def test_leaving_a_field_saves_the_draft_at_once(world, qtbot):
    dialog = open_dialog(world, qtbot, autosave_ms=60_000)
    dialog.ui.location_edit.setFocus()
    qtbot.keyClicks(dialog.ui.location_edit, "Gangen")
    assert world.force.load_draft("episode") is None  # the timer has not run
    dialog.ui.purpose_edit.setFocus()
    assert world.force.load_draft("episode")["location"] == "Gangen"


def test_colleagues_from_the_last_shift_are_ready_to_tick(world, qtbot):
    world.force.register_episode(world.episode(when=dt.datetime(2026, 3, 19, 22, 0, tzinfo=CPH)))
    dialog = open_dialog(world, qtbot)
    rows = dialog.staff_rows()
    assert [(r["name"], r["on"], r["writer"]) for r in rows] == [
        ("Pia Jensen", True, True), ("Ole Hansen", False, False), ("", False, False)]
    assert rows[1]["position"] == "SSH"


def test_a_closed_month_is_refused_with_the_reason(world, qtbot, monkeypatch):
    from force_support import LEADER, PW

    fid = world.signed_by_staff()
    world.login("lene")
    world.force.save_leader_section(fid, LEADER)
    world.force.sign_section(fid, 3, PW["lene"])
    world.login("pia")
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.description_edit.setPlainText("Igen")
    asked = []
    monkeypatch.setattr(module.prompts, "ask_reason", lambda *a, **k: asked.append(a) or None)
    dialog.save()
    # Issue 12, point 2: the staff member is offered to keep the episode in a request to the leader.
    (_parent, title, prompt) = asked[0][:3]
    assert title == "Bed lederen om at genåbne skemaet"
    assert prompt.startswith("Lederen har underskrevet månedsskemaet for Jens Hansen, marts 2026")
    assert dialog.result is None and world.force.get_form(fid).reopen_requests == ()  # declined: nothing stored
    monkeypatch.setattr(module.prompts, "ask_reason", lambda *a, **k: "Fandt den i vagtbogen")
    with qtbot.waitSignal(dialog.registered):
        dialog.save()
    assert dialog.result_text.startswith("Magtanvendelsen over for Jens Hansen er gemt i en anmodning til lederen")
    (req,) = world.force.get_form(fid).reopen_requests
    assert req.state == "pending" and req.reason == "Fandt den i vagtbogen" and req.episode_description == "Igen"
    assert world.force.load_draft("episode") is None  # kept in the request, not in a draft


def test_a_leader_registering_on_a_processed_form_is_asked_first(world, qtbot, monkeypatch):
    from force_support import AUTHORITY, PW

    fid = world.sent_form()
    world.login("sofie")
    world.force.save_authority_section(fid, AUTHORITY)
    world.force.sign_section(fid, 4, PW["sofie"])
    world.login("lene")
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.description_edit.setPlainText("Fundet i vagtbogen")
    asked = []
    monkeypatch.setattr(module.prompts, "ask_reason", lambda *a, **k: asked.append(a) or None)
    dialog.save()
    prompt = asked[0][2]
    assert prompt.startswith("Månedsskemaet for Jens Hansen, marts 2026 er behandlet af kommunen.")
    assert "afsnit 2, 3 og 4 skal underskrives igen (af personalet, lederen og sagsbehandleren)" in prompt
    assert "kommunen ser skemaet som genåbnet" in prompt
    assert world.force.get_form(fid).status == "processed" and dialog.result is None  # declined: unchanged
    monkeypatch.setattr(module.prompts, "ask_reason", lambda *a, **k: "Episode fundet i vagtbogen")
    with qtbot.waitSignal(dialog.registered):
        dialog.save()
    form = world.force.get_form(fid)
    assert form.reopen_reason == "Episode fundet i vagtbogen" and len(form.episodes) == 2
    assert [v.state for v in form.versions] == ["processed"]


def test_the_success_step_signs_section_2_in_the_same_flow(world, qtbot, monkeypatch):
    from force_support import PW
    from tilsyn.ui.dialogs import episode_flow

    fid = world.signed_by_staff()
    questions = []
    monkeypatch.setattr(episode_flow, "ask_sign_now", lambda parent, text: questions.append(text) or True)
    monkeypatch.setattr(episode_flow.prompts, "ask_signature",
                        lambda parent, heading, text, sign: sign(PW["pia"]))
    dialog = open_dialog(world, qtbot)
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.description_edit.setPlainText("Ville gå ud igen")
    with qtbot.waitSignal(dialog.registered):
        dialog.save()
    assert questions and "Afsnit 2 skal underskrives, før lederen kan vurdere måneden." in questions[0]
    form = world.force.get_form(fid)
    assert len(form.episodes) == 2 and form.signature(2) is not None and form.status == "awaiting_leader"
    assert dialog.result_text == ("Magtanvendelsen er registreret på månedsskemaet for Jens Hansen, marts 2026. "
                                  "Afsnit 2 er underskrevet.")


def test_correcting_a_signed_episode_asks_for_the_reason(world, qtbot, monkeypatch):
    fid = world.signed_by_staff()
    episode = world.force.get_form(fid).episodes[0]
    dialog = open_dialog(world, qtbot, episode=episode)
    assert dialog.ui.resident_edit.isReadOnly() and dialog.ui.description_edit.toPlainText() == episode.description
    dialog.ui.description_edit.setPlainText("Rettet beskrivelse")
    monkeypatch.setattr(module.prompts, "ask_reason", lambda *a, **k: "Stavefejl")
    dialog.save()
    form = world.force.get_form(fid)
    assert form.episodes[0].description == "Rettet beskrivelse"
    assert form.signature(2) is None and [s.section for s in form.must_sign_again] == [2]


# -- issue 12, point 3: an end before the start is asked about, never guessed -------------------------

def _night_episode(dialog, qtbot, date: str, start: str, end: str) -> None:
    pick_resident(dialog, qtbot, "jens")
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.date_edit.setText(date)
    dialog.ui.start_time_edit.setText(start)
    dialog.ui.end_time_edit.setText(end)
    dialog.ui.description_edit.setPlainText("Ville gå ud")


def test_an_end_before_the_start_asks_whether_it_ended_the_next_day(world, qtbot):
    dialog = open_dialog(world, qtbot)
    ui = dialog.ui
    assert not ui.overnight_label.isVisible() and not ui.ended_next_day_check.isChecked()
    _night_episode(dialog, qtbot, "19-03-2026", "23.10", "00.20")
    assert ui.overnight_label.isVisible()
    assert ui.overnight_label.text() == (
        "Sluttidspunktet 00.20 er før starttidspunktet 23.10. Sluttede magtanvendelsen næste dag, "
        "20-03-2026? Sæt i så fald flueben i »Sluttede næste dag«.")
    dialog.save()  # not guessed: refused with the question
    assert dialog.result is None
    assert ui.ended_at_error_label.text().startswith("Sluttidspunktet 00.20 ligger før starttidspunktet 23.10.")
    assert world.force.monthly_form_for(world.ids["jens"], 2026, 3) is None
    ui.ended_next_day_check.setChecked(True)
    assert ui.overnight_label.text() == "Magtanvendelsen sluttede næste dag, 20-03-2026 kl. 00.20."
    dialog.save()
    (ep,) = world.force.get_form(dialog.result.form_id).episodes
    assert ep.started_at == dt.datetime(2026, 3, 19, 23, 10, tzinfo=CPH)
    assert ep.ended_at == dt.datetime(2026, 3, 20, 0, 20, tzinfo=CPH)
    # Opened again for a correction, the choice is shown.
    again = open_dialog(world, qtbot, episode=ep)
    assert again.ui.ended_next_day_check.isChecked() and again.ui.end_time_edit.text() == "00.20"


def test_the_issue_slip_on_todays_date_is_the_question_not_the_future(world, qtbot):
    # 20-03-2026 at 03.10: 02.00 til 01.00 today is a slip; ticking the next day puts the end in the future.
    dialog = open_dialog(world, qtbot)
    _night_episode(dialog, qtbot, "20-03-2026", "02.00", "01.00")
    dialog.save()
    assert dialog.ui.ended_at_error_label.text().startswith("Sluttidspunktet 01.00 ligger før starttidspunktet 02.00.")
    dialog.ui.ended_next_day_check.setChecked(True)
    dialog.save()
    assert dialog.result is None
    assert dialog.ui.ended_at_error_label.text() == (
        "Sluttidspunktet 21-03-2026 kl. 01.00 ligger i fremtiden (klokken er nu 03.10). "
        "Ret sluttidspunktet, eller lad det stå tomt.")


def test_a_date_that_does_not_exist_is_said_so(world, qtbot):
    dialog = open_dialog(world, qtbot)
    _night_episode(dialog, qtbot, "31-11-2025", "23.10", "23.20")
    dialog.save()
    assert dialog.ui.started_at_error_label.text() == "Datoen 31-11-2025 findes ikke: november 2025 har kun 30 dage."


def test_the_draft_keeps_the_next_day_choice(world, qtbot):
    dialog = open_dialog(world, qtbot)
    _night_episode(dialog, qtbot, "19-03-2026", "23.10", "00.20")
    dialog.ui.ended_next_day_check.setChecked(True)
    dialog.save_draft_now()
    assert world.force.load_draft("episode")["ended_next_day"] is True
    dialog.reject()
    again = open_dialog(world, qtbot)
    assert again.ui.ended_next_day_check.isChecked()


def test_the_form_view_shows_the_end_date_of_a_night_episode(world, qtbot):
    from tilsyn.ui.views.force_form_view import episodes_html

    dialog = open_dialog(world, qtbot)
    _night_episode(dialog, qtbot, "19-03-2026", "23.10", "00.20")
    dialog.ui.ended_next_day_check.setChecked(True)
    dialog.save()
    form = world.force.get_form(dialog.result.form_id)
    assert "19-03-2026 kl. 23.10 – 20-03-2026 kl. 00.20" in episodes_html(form.episodes, False)


# -- issue 12, point 9: an ordinary episode in at most 8 inputs, by keyboard only ----------------------

def test_an_ordinary_episode_takes_at_most_eight_inputs_by_keyboard(world, qtbot):
    """The path in the README's user section, driven with the keyboard only. An input is one field
    typed into (with the key that confirms it) or one command key; Tab presses only move on."""
    dialog = open_dialog(world, qtbot)
    inputs, tabs = [], 0

    def focus(widget) -> None:
        nonlocal tabs
        for _ in range(30):
            if dialog.focusWidget() is widget:
                return
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
            tabs += 1
        raise AssertionError(f"Tab never reached {widget.objectName()}")

    def type_into(widget, text: str, what: str) -> None:
        focus(widget)
        qtbot.keyClicks(widget, text)
        inputs.append(what)

    ui = dialog.ui
    assert dialog.focusWidget() is ui.resident_edit  # the dialog opens on the resident
    qtbot.keyClicks(ui.resident_edit, "jens")
    qtbot.wait(SEARCH_DELAY_MS + 50)
    qtbot.keyClick(ui.resident_edit, Qt.Key.Key_Return)
    inputs.append("beboer: »jens« Enter")
    assert dialog.focusWidget() is ui.force_type_combo
    qtbot.keyClicks(ui.force_type_combo, "Til")
    inputs.append("type: »Til«")
    type_into(ui.start_time_edit, "0140", "start: »0140«")  # Tab into a field selects what it holds
    type_into(ui.end_time_edit, "0155", "slut: »0155«")
    type_into(ui.description_edit, "Jens ville gå ud i nattøj", "kort beskrivelse")
    colleague = dialog._staff_rows[1]["name"]
    type_into(colleague, "Ole Hansen", "kollega: »Ole Hansen«")
    with qtbot.waitSignal(dialog.registered):
        qtbot.keyClick(colleague, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    inputs.append("Ctrl+Enter: gem")
    assert len(inputs) <= 8, inputs
    assert len(inputs) == 7, (inputs, tabs)
    (ep,) = world.force.get_form(dialog.result.form_id).episodes
    assert ep.force_type == "127_retention" and ep.description == "Jens ville gå ud i nattøj"
    assert ep.started_at == dt.datetime(2026, 3, 20, 1, 40, tzinfo=CPH)
    assert ep.ended_at == dt.datetime(2026, 3, 20, 1, 55, tzinfo=CPH)
    assert [(s.name, s.is_writer) for s in ep.staff] == [("Pia Jensen", True), ("Ole Hansen", False)]
