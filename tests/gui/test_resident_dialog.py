"""The resident dialog on a real temp database: typing, saving, refusals in Danish, keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from residents_support import bulk_residents, close_test_app, open_test_app  # noqa: F401
from tilsyn.ui.dialogs.resident_dialog import ResidentDialog


@pytest.fixture
def app(tmp_path):
    a = open_test_app(tmp_path)
    yield a
    close_test_app(a)


@pytest.fixture
def new_dialog(app, qtbot):
    dialog = ResidentDialog(app.residents, app.care_homes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_master_data(qtbot, dialog, cpr="010150-1234", name="Anna Jensen"):
    ui = dialog.ui
    qtbot.keyClicks(ui.cpr_edit, cpr)
    qtbot.keyClicks(ui.name_edit, name)
    qtbot.keyClicks(ui.address_edit, "Solvej 2")
    qtbot.keyClicks(ui.postal_code_edit, "7100")
    qtbot.keyClicks(ui.city_edit, "Vejle")
    ui.care_home_combo.setCurrentIndex(ui.care_home_combo.findText("Bakkegården"))
    ui.unit_combo.setCurrentIndex(ui.unit_combo.findText("Afsnit B"))
    qtbot.keyClicks(ui.room_edit, "12")
    qtbot.keyClicks(ui.move_in_edit, "1-3-2024")
    qtbot.keyClicks(ui.acting_municipality_edit, "Vejle")
    qtbot.keyClicks(ui.residence_municipality_edit, "Vejle")
    qtbot.keyClicks(ui.contact_person_edit, "Mette")


def test_typed_resident_is_saved(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    with qtbot.waitSignal(new_dialog.saved) as saved:
        qtbot.mouseClick(new_dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert new_dialog.result() == ResidentDialog.DialogCode.Accepted
    r = app.residents.get(saved.args[0])
    assert (r.cpr, r.name, r.address, r.postal_code, r.city) == ("010150-1234", "Anna Jensen", "Solvej 2", "7100", "Vejle")
    assert (r.care_home, r.unit, r.room, r.move_in, r.move_out) == ("Bakkegården", "Afsnit B", "12", dt.date(2024, 3, 1), None)
    assert (r.acting_municipality, r.residence_municipality, r.contact_person) == ("Vejle", "Vejle", "Mette")


def test_invalid_cpr_is_explained_under_the_field_and_nothing_is_saved(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog, cpr="300252-1234")
    qtbot.mouseClick(new_dialog.ui.save_button, Qt.MouseButton.LeftButton)
    label = new_dialog.ui.cpr_error_label
    assert label.isVisible()
    assert label.text() == "CPR-nummeret har en dato, der ikke findes: 30. februar 1952."
    assert new_dialog.isVisible()  # stays open for the correction
    assert app.residents.count() == 0
    assert new_dialog.focusWidget() is new_dialog.ui.cpr_edit


def test_every_fault_is_shown_at_once(app, qtbot, new_dialog):
    ui = new_dialog.ui
    ui.care_home_combo.setCurrentIndex(-1)
    qtbot.keyClicks(ui.postal_code_edit, "71")
    qtbot.keyClicks(ui.move_in_edit, "01-03-2024")
    qtbot.keyClicks(ui.move_out_edit, "01-02-2024")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert ui.cpr_error_label.text() == "CPR-nummer skal udfyldes."
    assert ui.name_error_label.text() == "Navn skal udfyldes."
    assert ui.postal_code_error_label.text() == "Postnummeret skal være 4 cifre."
    assert ui.care_home_error_label.text() == "Plejecenter skal udfyldes."
    assert ui.move_out_error_label.text() == "Fraflytning kan ikke ligge før indflytning."
    assert not ui.city_error_label.isVisible()
    assert app.residents.count() == 0


def test_cpr_is_checked_when_the_field_is_left(app, qtbot, new_dialog):
    app.add("010150-1234", "Anna Jensen")
    ui = new_dialog.ui
    qtbot.keyClicks(ui.cpr_edit, "010150-1234")
    ui.cpr_edit.editingFinished.emit()  # what leaving the field does
    assert ui.cpr_error_label.text() == "Der findes allerede en beboer med CPR-nummer 010150-xxxx."
    ui.cpr_edit.clear()
    qtbot.keyClicks(ui.cpr_edit, "011350-1234")
    ui.cpr_edit.editingFinished.emit()
    assert ui.cpr_error_label.text() == "CPR-nummeret har en ugyldig måned (13). Måneden skal være 01-12."
    ui.cpr_edit.clear()
    qtbot.keyClicks(ui.cpr_edit, "0201501234")
    ui.cpr_edit.editingFinished.emit()
    assert not ui.cpr_error_label.isVisible()


def test_unreadable_date_is_refused_before_the_service_is_asked(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    new_dialog.ui.move_in_edit.setText("1. marts")
    qtbot.mouseClick(new_dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert new_dialog.ui.move_in_error_label.text() == "Datoen »1. marts« skal skrives som DD-MM-ÅÅÅÅ."
    assert app.residents.count() == 0


def test_date_field_takes_common_spellings_and_may_be_empty(qtbot, new_dialog):
    edit = new_dialog.ui.move_out_edit
    assert edit.date() is None
    for typed in ("5-1-2026", "05.01.2026", "05012026", "2026-01-05"):
        edit.setText(typed)
        assert edit.date() == dt.date(2026, 1, 5)
    edit.setText("5-1-2026")
    edit.editingFinished.emit()
    assert edit.text() == "05-01-2026"


def type_here(qtbot, text):
    """Type into whatever has focus, one key at a time (focus moves as the table starts editing)."""
    for ch in text:
        qtbot.keyClicks(QApplication.focusWidget(), ch)


def test_relatives_are_typed_in_the_table_and_saved_with_the_resident(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    ui = new_dialog.ui
    ui.tabs.setCurrentIndex(1)
    new_dialog.activateWindow()
    qtbot.waitUntil(new_dialog.isActiveWindow)
    qtbot.mouseClick(ui.add_relative_button, Qt.MouseButton.LeftButton)
    # The new row's name cell is being edited; Tab goes on to Relation and Telefon.
    type_here(qtbot, "Jens Jensen")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_here(qtbot, "Søn")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_here(qtbot, "+45 12 34 56 78")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.mouseClick(ui.add_relative_button, Qt.MouseButton.LeftButton)  # left empty: not saved
    qtbot.mouseClick(ui.add_relative_button, Qt.MouseButton.LeftButton)
    type_here(qtbot, "Lise Hansen")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_here(qtbot, "Datter")
    with qtbot.waitSignal(new_dialog.saved) as saved:
        qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    relatives = app.residents.get(saved.args[0]).relatives
    assert sorted((r.name, r.relation, r.phone) for r in relatives) == [
        ("Jens Jensen", "Søn", "+45 12 34 56 78"),
        ("Lise Hansen", "Datter", ""),
    ]


def test_relative_faults_are_shown_by_row_and_nothing_is_saved(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    ui = new_dialog.ui
    new_dialog.add_relative(("Jens Jensen", "Søn", "12345678"), edit=False)
    new_dialog.add_relative(("", "", ""), edit=False)  # empty: skipped, so row 3 is relative 2
    new_dialog.add_relative(("Lise Hansen", "Datter", "12 34"), edit=False)
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert ui.tabs.currentIndex() == 1  # the fault is on this tab
    assert ui.relatives_error_label.isVisible()
    assert ui.relatives_error_label.text() == (
        "Pårørende 3, Telefon: Telefonnummeret skal være 8 cifre (evt. med +45)."
    )
    assert ui.relatives_table.item(2, 2).toolTip() == "Telefonnummeret skal være 8 cifre (evt. med +45)."
    assert app.residents.count() == 0


def test_editing_keeps_relatives_and_removing_one_removes_it(app, qtbot):
    from tilsyn.domain.people import RelativeInput, ResidentInput

    saved = app.residents.save(
        None,
        ResidentInput("010150-1234", "Anna Jensen", app.homes[0].id, unit="Afsnit A"),
        [RelativeInput("Jens Jensen", "Søn"), RelativeInput("Lise Hansen", "Datter")],
    )
    dialog = ResidentDialog(app.residents, app.care_homes, saved.id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.cpr_edit.text() == "010150-1234"  # in full: this screen needs it
    assert ui.unit_combo.currentText() == "Afsnit A"
    assert dialog.windowTitle() == "Beboer: Anna Jensen (010150-xxxx)"
    assert ui.relatives_table.rowCount() == 2
    ui.relatives_table.selectRow(0)
    qtbot.mouseClick(ui.remove_relative_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in app.residents.get(saved.id).relatives] == ["Lise Hansen"]


def test_units_follow_the_chosen_care_home(app, qtbot, new_dialog):
    ui = new_dialog.ui
    ui.care_home_combo.setCurrentIndex(ui.care_home_combo.findText("Bakkegården"))
    assert [ui.unit_combo.itemText(i) for i in range(ui.unit_combo.count())] == [
        "(ingen afdeling)", "Afsnit A", "Afsnit B",
    ]
    ui.care_home_combo.setCurrentIndex(ui.care_home_combo.findText("Solgården"))
    assert ui.unit_combo.count() == 1 and not ui.unit_combo.isEnabled()


def test_escape_cancels_without_saving(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    qtbot.keyClick(new_dialog.ui.name_edit, Qt.Key.Key_Escape)
    assert new_dialog.result() == ResidentDialog.DialogCode.Rejected
    assert not new_dialog.isVisible()
    assert app.residents.count() == 0


def test_annuller_cancels_without_saving(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    qtbot.mouseClick(new_dialog.ui.cancel_button, Qt.MouseButton.LeftButton)
    assert not new_dialog.isVisible()
    assert app.residents.count() == 0


def test_enter_saves(app, qtbot, new_dialog):
    type_master_data(qtbot, new_dialog)
    assert new_dialog.ui.save_button.isDefault()
    with qtbot.waitSignal(new_dialog.saved):
        qtbot.keyClick(new_dialog.ui.room_edit, Qt.Key.Key_Return)
    assert app.residents.count() == 1
    assert not new_dialog.isVisible()


def test_focus_starts_in_cpr_and_tab_walks_the_form_in_reading_order(qtbot, new_dialog):
    ui = new_dialog.ui
    ui.care_home_combo.setCurrentIndex(0)  # a home with units, so the unit combo takes part
    new_dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.cpr_edit)
    order = [ui.cpr_edit]
    for _ in range(13):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert [w.objectName() for w in order] == [
        "cpr_edit", "name_edit", "address_edit", "postal_code_edit", "city_edit",
        "acting_municipality_edit", "residence_municipality_edit",
        "care_home_combo", "unit_combo", "room_edit", "move_in_edit", "move_out_edit", "contact_person_edit",
        "save_button",
    ]


def test_permits_wait_until_the_resident_is_saved(app, qtbot, new_dialog):
    ui = new_dialog.ui
    ui.tabs.setCurrentIndex(2)
    assert ui.permits_hint_frame.isVisible()
    assert ui.permits_hint_label.text().startswith("Gem beboeren først")
    assert not ui.new_permit_button.isEnabled()
    type_master_data(qtbot, new_dialog)
    qtbot.mouseClick(ui.save_first_button, Qt.MouseButton.LeftButton)
    # Saved without closing, so the permit can be recorded right away.
    assert new_dialog.isVisible()
    assert app.residents.count() == 1
    assert not ui.permits_hint_frame.isVisible()
    assert ui.new_permit_button.isEnabled()
    assert new_dialog.resident_id() is not None
