"""The care homes list and the care home dialog on a real temp database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tilsyn.domain.people import ResidentInput
from tilsyn.ui.dialogs.care_home_dialog import CareHomeDialog
from tilsyn.ui.views.care_homes_view import (
    COL_ADDRESS,
    COL_KIND,
    COL_NAME,
    COL_RESIDENTS,
    COL_UNITS,
    CareHomesView,
)


def make_view(services, qtbot) -> CareHomesView:
    view = CareHomesView(services.care_homes)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def rows(view: CareHomesView) -> list[list[str]]:
    p = view.proxy
    return [[p.index(r, c).data() for c in range(p.columnCount())] for r in range(p.rowCount())]


def open_new_dialog(view: CareHomesView, qtbot) -> CareHomeDialog:
    qtbot.mouseClick(view.ui.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_lists_homes_with_danish_type_address_residents_and_units(services, qtbot):
    home = services.care_homes.list_care_homes()[0]
    services.residents.save(
        None, ResidentInput("010150-1234", "Anna Jensen", home.id, move_in=dt.date(2024, 3, 1))
    )
    view = make_view(services, qtbot)
    assert rows(view) == [
        ["Bakkegården", "Kommunal", "Bakkevej 1, 7100 Vejle", "1", "Afsnit A, Afsnit B"],
        ["Solgården", "Privat", "Solvej 2, 7120 Vejle Øst", "0", ""],
    ]
    assert [view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in
            (COL_NAME, COL_KIND, COL_ADDRESS, COL_RESIDENTS, COL_UNITS)] == \
        ["Navn", "Type", "Adresse", "Beboere", "Afdelinger"]
    assert view.ui.summary_label.text() == "2 plejecentre, 1 nuværende beboer"


def test_edit_and_delete_need_a_selection(services, qtbot):
    view = make_view(services, qtbot)
    assert not view.ui.edit_button.isEnabled() and not view.ui.delete_button.isEnabled()
    view.ui.homes_table_view.selectRow(1)
    assert view.selected_home().name == "Solgården"
    assert view.ui.edit_button.isEnabled() and view.ui.delete_button.isEnabled()


def test_create_through_the_dialog(services, qtbot):
    view = make_view(services, qtbot)
    dialog = open_new_dialog(view, qtbot)
    assert dialog.windowTitle() == "Nyt plejecenter"
    qtbot.keyClicks(dialog.ui.name_edit, "Åparken")
    dialog.ui.kind_combo.setCurrentIndex(dialog.ui.kind_combo.findText("Friplejehjem"))
    qtbot.keyClicks(dialog.ui.address_edit, "Åvej 3")
    qtbot.keyClicks(dialog.ui.postal_code_edit, "7300")
    qtbot.keyClicks(dialog.ui.city_edit, "Jelling")
    qtbot.keyClicks(dialog.ui.units_edit, "Stuen, 1. sal, stuen")
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)

    saved = [h for h in services.care_homes.list_care_homes() if h.name == "Åparken"]
    assert len(saved) == 1
    home = saved[0]
    assert (home.kind, home.address, home.postal_code, home.city) == ("friplejehjem", "Åvej 3", "7300", "Jelling")
    assert sorted(u.name for u in home.units) == ["1. sal", "Stuen"]
    assert ["Åparken", "Friplejehjem", "Åvej 3, 7300 Jelling", "0", "1. sal, Stuen"] in rows(view)
    assert view.selected_home().name == "Åparken"
    assert view.ui.summary_label.text() == "3 plejecentre, 0 nuværende beboere"


def test_invalid_postal_code_is_shown_under_the_field_and_nothing_is_saved(services, qtbot):
    view = make_view(services, qtbot)
    dialog = open_new_dialog(view, qtbot)
    qtbot.keyClicks(dialog.ui.name_edit, "Åparken")
    qtbot.keyClicks(dialog.ui.postal_code_edit, "73")
    qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    label = dialog.ui.postal_code_error_label
    assert label.isVisible() and label.text() == "Postnummeret skal være 4 cifre."
    assert not dialog.ui.name_error_label.isVisible()
    assert dialog.focusWidget() is dialog.ui.postal_code_edit
    assert [h.name for h in services.care_homes.list_care_homes()] == ["Bakkegården", "Solgården"]

    # Correcting the field clears the message and saves.
    dialog.ui.postal_code_edit.setText("7300")
    qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Åparken" in [h.name for h in services.care_homes.list_care_homes()]


def test_empty_name_and_duplicate_name_are_refused_in_danish(services, qtbot):
    dialog = CareHomeDialog(services.care_homes)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    assert dialog.ui.name_error_label.text() == "Navn skal udfyldes."
    dialog.ui.name_edit.setText("bakkegården")
    dialog.save()
    assert dialog.ui.name_error_label.text() == "Der findes allerede et plejecenter med navnet bakkegården."
    assert dialog.saved is None
    assert len(services.care_homes.list_care_homes()) == 2


def test_enter_saves(services, qtbot):
    view = make_view(services, qtbot)
    dialog = open_new_dialog(view, qtbot)
    qtbot.keyClicks(dialog.ui.name_edit, "Lindehaven")
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(dialog.ui.name_edit, Qt.Key.Key_Return)
    assert "Lindehaven" in [h.name for h in services.care_homes.list_care_homes()]


def test_escape_cancels_and_saves_nothing(services, qtbot):
    view = make_view(services, qtbot)
    dialog = open_new_dialog(view, qtbot)
    qtbot.keyClicks(dialog.ui.name_edit, "Lindehaven")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.ui.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert view.dialog is None
    assert [h.name for h in services.care_homes.list_care_homes()] == ["Bakkegården", "Solgården"]


def test_edit_fills_the_dialog_and_updates_the_home(services, qtbot):
    view = make_view(services, qtbot)
    view.ui.homes_table_view.selectRow(0)
    qtbot.mouseClick(view.ui.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.windowTitle() == "Rediger plejecenter: Bakkegården"
    assert dialog.ui.name_edit.text() == "Bakkegården"
    assert dialog.ui.kind_combo.currentText() == "Kommunal"
    assert dialog.ui.units_edit.text() == "Afsnit A, Afsnit B"
    dialog.ui.units_edit.setText("Afsnit A, Afsnit C")
    dialog.ui.kind_combo.setCurrentIndex(dialog.ui.kind_combo.findData("private"))
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    home = services.care_homes.list_care_homes()[0]
    assert home.kind == "private"
    assert [u.name for u in home.units] == ["Afsnit A", "Afsnit C"]
    assert rows(view)[0][COL_KIND] == "Privat"


def test_dialog_tab_order_follows_the_form(services, qtbot):
    dialog = CareHomeDialog(services.care_homes)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    expected = [ui.name_edit, ui.kind_combo, ui.address_edit, ui.postal_code_edit, ui.city_edit,
                ui.units_edit, ui.save_button, ui.cancel_button]
    chain = [ui.name_edit]
    while len(chain) < len(expected):
        chain.append(chain[-1].nextInFocusChain())
        while chain[-1] not in expected:  # labels and layouts sit in the chain without focus
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == expected


@pytest.mark.parametrize("kind, label", [("municipal", "Kommunal"), ("private", "Privat"),
                                          ("friplejehjem", "Friplejehjem")])
def test_kind_choices_are_danish(services, qtbot, kind, label):
    dialog = CareHomeDialog(services.care_homes)
    qtbot.addWidget(dialog)
    combo = dialog.ui.kind_combo
    assert combo.itemText(combo.findData(kind)) == label
