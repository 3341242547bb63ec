"""The permit dialog: types from the catalogue data, inline refusals, save, and the permits tab."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from residents_support import close_test_app, open_test_app
from tilsyn.services.residents import PermitInput, force_types
from tilsyn.ui.dialogs.permit_dialog import PermitDialog
from tilsyn.ui.dialogs.resident_dialog import ResidentDialog

D = dt.date


def tick(qtbot, box):
    """Click the box itself (a wide checkbox does not react to clicks right of its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()


@pytest.fixture
def app(tmp_path):
    a = open_test_app(tmp_path)
    yield a
    close_test_app(a)


@pytest.fixture
def resident_id(app):
    return app.add("010150-1234", "Anna Jensen")


@pytest.fixture
def dialog(app, resident_id, qtbot):
    d = PermitDialog(app.residents, resident_id)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_checkboxes_are_built_from_the_catalogue(dialog):
    types = force_types("2010")
    assert [c.text() for c in dialog.type_checks.values()] == [t.display for t in types]
    assert list(dialog.type_checks) == [t.code for t in types]
    assert dialog.ui.catalogue_label.text() == "Lovgrundlag: Serviceloven 2010 (§§ 125-128)"
    assert dialog.ui.resident_label.text() == "Beboer: Anna Jensen (010150-xxxx)"


def test_hygiene_situations_are_listed_under_their_type_for_information(dialog):
    from PySide6.QtWidgets import QLabel

    hygiene = next(t for t in force_types("2010") if t.situations)
    label = dialog.findChild(QLabel, "situations_label")
    assert label is not None and label.isVisible()
    for _code, text in hygiene.situations:
        assert text in label.text()
    # Information only: no extra checkboxes for the situations.
    assert len(dialog.type_checks) == len(force_types("2010"))


def test_permit_with_two_types_is_saved(app, resident_id, qtbot, dialog):
    ui = dialog.ui
    tick(qtbot, dialog.type_checks["125_alarm"])
    tick(qtbot, dialog.type_checks["126a_hygiene"])
    qtbot.keyClicks(ui.prerequisites_edit, "Kun når beboeren er urolig.")
    qtbot.keyClicks(ui.valid_from_edit, "01-01-2026")
    qtbot.keyClicks(ui.valid_to_edit, "31-12-2026")
    qtbot.keyClicks(ui.decision_reference_edit, "27.36.04-G01-12-26")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PermitDialog.DialogCode.Accepted
    [p] = app.residents.get(resident_id).permits
    assert set(p.force_types) == {"125_alarm", "126a_hygiene"}
    assert (p.valid_from, p.valid_to) == (D(2026, 1, 1), D(2026, 12, 31))
    assert p.prerequisites == "Kun når beboeren er urolig."
    assert p.decision_reference == "27.36.04-G01-12-26"
    assert p.catalogue_version == "2010"
    assert dialog.saved == p


def test_faults_are_shown_under_their_fields_and_nothing_is_saved(app, resident_id, qtbot, dialog):
    ui = dialog.ui
    qtbot.keyClicks(ui.valid_from_edit, "01-06-2026")
    qtbot.keyClicks(ui.valid_to_edit, "01-01-2026")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert ui.force_types_error_label.text() == "Vælg mindst én type af magtanvendelse."
    assert ui.valid_to_error_label.text() == "Slutdatoen kan ikke ligge før startdatoen."
    assert ui.prerequisites_error_label.text() == "Forudsætninger skal udfyldes."
    assert not ui.valid_from_error_label.isVisible()
    assert dialog.isVisible()
    assert app.residents.get(resident_id).permits == ()


def test_unreadable_dates_are_refused(app, resident_id, qtbot, dialog):
    qtbot.keyClicks(dialog.ui.valid_from_edit, "1/13/2026")
    qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.valid_from_error_label.text() == "Datoen 1/13/2026 findes ikke (dag 01-31, måned 01-12)."
    assert app.residents.get(resident_id).permits == ()


def test_editing_shows_the_permit_and_saves_the_change(app, resident_id, qtbot):
    saved = app.residents.save_permit(
        resident_id, None, PermitInput(("127_retention",), D(2026, 1, 1), D(2026, 6, 30), "Ved uro om natten")
    )
    d = PermitDialog(app.residents, resident_id, saved.id)
    qtbot.addWidget(d)
    assert d.windowTitle() == "Rediger tilladelse"
    assert [c for c, box in d.type_checks.items() if box.isChecked()] == ["127_retention"]
    assert d.ui.valid_to_edit.text() == "30-06-2026"
    assert d.ui.prerequisites_edit.toPlainText() == "Ved uro om natten"
    d.ui.valid_to_edit.setText("31-12-2026")
    qtbot.mouseClick(d.ui.save_button, Qt.MouseButton.LeftButton)
    [p] = app.residents.get(resident_id).permits
    assert p.id == saved.id and p.valid_to == D(2026, 12, 31)


def test_escape_cancels_the_permit(app, resident_id, qtbot, dialog):
    tick(qtbot, dialog.type_checks["125_alarm"])
    qtbot.keyClick(dialog.ui.decision_reference_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert app.residents.get(resident_id).permits == ()


# -- the permits tab of the resident dialog -------------------------------------------------------


@pytest.fixture
def resident_dialog(app, resident_id, qtbot):
    d = ResidentDialog(app.residents, app.care_homes, resident_id)
    qtbot.addWidget(d)
    d.show()
    d.ui.tabs.setCurrentIndex(2)
    return d


def test_permit_created_from_the_resident_dialog_appears_in_its_list(app, resident_id, qtbot, resident_dialog):
    ui = resident_dialog.ui
    assert not ui.permits_hint_frame.isVisible()
    qtbot.mouseClick(ui.new_permit_button, Qt.MouseButton.LeftButton)
    permit = resident_dialog.permit_dialog
    assert permit is not None and permit.isVisible()
    tick(qtbot, permit.type_checks["125_door"])
    tick(qtbot, permit.type_checks["128_belts"])
    qtbot.keyClicks(permit.ui.prerequisites_edit, "Ved risiko for fald")
    qtbot.keyClicks(permit.ui.valid_from_edit, "01-01-2026")
    qtbot.keyClicks(permit.ui.valid_to_edit, "10-12-2026")
    qtbot.mouseClick(permit.ui.save_button, Qt.MouseButton.LeftButton)
    table = ui.permits_table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(4)]
    assert cells == [
        "Særlige døråbnere (§ 125)\nFastspænding med bløde stofseler (§ 128)",
        "01-01-2026 – 10-12-2026",
        "Udløber snart",  # the test clock says 23 November 2026
        "Serviceloven 2010 (§§ 125-128)",
    ]


@pytest.mark.parametrize(
    "period, status",
    [
        ((D(2026, 1, 1), D(2027, 12, 31)), "Aktiv"),
        ((D(2025, 1, 1), D(2025, 12, 31)), "Udløbet"),
        ((D(2027, 1, 1), D(2027, 12, 31)), "Fremtidig"),
    ],
)
def test_permit_status_texts(app, resident_id, qtbot, period, status):
    app.residents.save_permit(resident_id, None, PermitInput(("125_alarm",), *period, "x"))
    d = ResidentDialog(app.residents, app.care_homes, resident_id)
    qtbot.addWidget(d)
    assert d.ui.permits_table.item(0, 2).text() == status


def test_delete_asks_first_and_annuller_keeps_the_permit(app, resident_id, qtbot):
    app.residents.save_permit(resident_id, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2027, 1, 1), "x"))
    d = ResidentDialog(app.residents, app.care_homes, resident_id)
    qtbot.addWidget(d)
    d.show()
    d.ui.tabs.setCurrentIndex(2)
    d.ui.permits_table.selectRow(0)
    assert d.ui.delete_permit_button.isEnabled()

    qtbot.mouseClick(d.ui.delete_permit_button, Qt.MouseButton.LeftButton)
    box = d.confirm_box
    assert box is not None and box.text() == "Vil du slette tilladelsen?"
    assert {b.text() for b in box.buttons()} == {"Slet", "Annuller"}
    keep = next(b for b in box.buttons() if b.text() == "Annuller")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert len(app.residents.get(resident_id).permits) == 1

    d.ui.permits_table.selectRow(0)
    qtbot.mouseClick(d.ui.delete_permit_button, Qt.MouseButton.LeftButton)
    delete = next(b for b in d.confirm_box.buttons() if b.text() == "Slet")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert app.residents.get(resident_id).permits == ()
    assert d.ui.permits_table.rowCount() == 0


def test_permit_deleted_elsewhere_is_explained_and_dropped_from_the_list(app, resident_id, qtbot):
    p = app.residents.save_permit(resident_id, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2027, 1, 1), "x"))
    d = ResidentDialog(app.residents, app.care_homes, resident_id)
    qtbot.addWidget(d)
    d.show()
    d.ui.tabs.setCurrentIndex(2)
    app.residents.delete_permit(p.id)  # someone else, meanwhile
    d.ui.permits_table.selectRow(0)
    qtbot.mouseClick(d.ui.edit_permit_button, Qt.MouseButton.LeftButton)
    assert d.permit_dialog is None
    assert d.ui.permits_error_label.text() == "Tilladelsen findes ikke (længere)."
    assert d.ui.permits_table.rowCount() == 0
