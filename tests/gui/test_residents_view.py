"""The residents list on a real temp database: search, filters, sorting, laziness, the dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from residents_support import bulk_residents, close_test_app, open_test_app
from tilsyn.ui.models.resident_table_model import ResidentTableModel as M
from tilsyn.ui.views.residents_view import SEARCH_DELAY_MS, ResidentsView, count_text

D = dt.date


@pytest.fixture
def app(tmp_path):
    a = open_test_app(tmp_path)
    yield a
    close_test_app(a)


@pytest.fixture
def people(app):
    return {
        "anna": app.add("010150-1234", "Anna Jensen", 0, unit="Afsnit A", room="12", move_in=D(2024, 3, 1)),
        "borge": app.add("020250-1234", "Børge Ølgaard", 1, room="7"),
        "karen": app.add("030350-1234", "Karen Holm", 0, move_in=D(2020, 1, 1), move_out=D(2026, 1, 31)),
    }


def make_view(app, qtbot) -> ResidentsView:
    view = ResidentsView(app.residents, app.care_homes)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(view, col=M.COL_NAME) -> list[str]:
    m = view.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_lists_residents_with_masked_cpr_and_a_count(app, people, qtbot):
    view = make_view(app, qtbot)
    assert shown(view) == ["Anna Jensen", "Børge Ølgaard"]  # Karen has moved out
    assert shown(view, M.COL_CPR) == ["010150-xxxx", "020250-xxxx"]
    assert view.ui.count_label.text() == "2 beboere"
    row = view.model.row_of(people["anna"])
    texts = [view.model.data(view.model.index(row, c)) for c in range(7)]
    assert texts == ["Anna Jensen", "010150-xxxx", "Bakkegården", "Afsnit A", "12", "01-03-2024", "Bor her"]


def test_count_text_is_danish():
    assert count_text(0) == "0 beboere"
    assert count_text(1) == "1 beboer"
    assert count_text(10_000) == "10.000 beboere"


def test_moved_out_residents_show_when_asked(app, people, qtbot):
    view = make_view(app, qtbot)
    qtbot.mouseClick(view.ui.show_moved_out_check, Qt.MouseButton.LeftButton)
    assert "Karen Holm" in shown(view)
    karen = view.model.row_of(people["karen"])
    assert view.model.data(view.model.index(karen, M.COL_STATUS)) == "Fraflyttet 31-01-2026"
    assert view.ui.count_label.text() == "3 beboere"


def test_search_is_debounced_and_filters_by_name_room_or_cpr(app, people, qtbot):
    view = make_view(app, qtbot)
    calls = []
    original = app.residents.search_ids
    app.residents.search_ids = lambda *a, **kw: calls.append(a) or original(*a, **kw)
    qtbot.keyClicks(view.ui.resident_search_edit, "ølg")
    assert calls == []  # nothing asked while typing
    qtbot.waitUntil(lambda: shown(view) == ["Børge Ølgaard"], timeout=SEARCH_DELAY_MS * 10)
    assert len(calls) == 1  # one query for three keystrokes
    assert view.ui.count_label.text() == "1 beboer"

    view.ui.resident_search_edit.setText("12")  # the room
    qtbot.waitUntil(lambda: shown(view) == ["Anna Jensen"])
    view.ui.resident_search_edit.setText("020250")  # CPR digits
    qtbot.waitUntil(lambda: shown(view) == ["Børge Ølgaard"])
    view.ui.resident_search_edit.clear()
    qtbot.waitUntil(lambda: len(shown(view)) == 2)


def test_care_home_filter(app, people, qtbot):
    view = make_view(app, qtbot)
    combo = view.ui.care_home_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Alle plejecentre", "Bakkegården", "Solgården"]
    combo.setCurrentIndex(2)
    assert shown(view) == ["Børge Ølgaard"]
    combo.setCurrentIndex(0)
    assert len(shown(view)) == 2


def test_header_click_sorts_in_the_service(app, people, qtbot):
    view = make_view(app, qtbot)
    header = view.ui.resident_table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, M.COL_ROOM))
    assert shown(view, M.COL_ROOM) == ["12", "7"]  # text order, as the database sorts it
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, M.COL_ROOM))
    assert shown(view, M.COL_ROOM) == ["7", "12"]
    assert view.model.sort_order() == (M.COL_ROOM, Qt.SortOrder.DescendingOrder)


def _section_point(header, col):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, header.height() // 2)


def test_only_the_first_page_is_fetched_for_a_thousand_residents(app, qtbot):
    bulk_residents(app, 1000)
    fetched: list[int] = []
    original = app.residents.rows
    app.residents.rows = lambda ids: fetched.append(len(ids)) or original(ids)
    view = make_view(app, qtbot)
    qtbot.wait(50)  # let the table paint
    assert fetched == [200]
    assert view.model.rowCount() == 1000
    assert view.ui.count_label.text() == "1.000 beboere"
    assert view.model.fetched_pages == 1
    assert view.model.cached_pages() == [0]
    # Scrolling to the end fetches the last page only, not the ones in between.
    view.ui.resident_table.scrollToBottom()
    qtbot.wait(50)
    assert view.model.cached_pages() == [0, 4]
    assert fetched == [200, 200]


def test_new_resident_through_the_dialog_appears_selected_in_the_list(app, people, qtbot):
    view = make_view(app, qtbot)
    qtbot.mouseClick(view.ui.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    ui = dialog.ui
    qtbot.keyClicks(ui.cpr_edit, "040450-1234")
    qtbot.keyClicks(ui.name_edit, "Dorte Dam")
    ui.care_home_combo.setCurrentIndex(ui.care_home_combo.findText("Solgården"))
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Dorte Dam" in shown(view)
    assert view.ui.count_label.text() == "3 beboere"
    assert view.model.data(view.model.index(view.model.row_of(view.selected_id()), M.COL_NAME)) == "Dorte Dam"


def test_invalid_cpr_from_the_list_saves_nothing(app, people, qtbot):
    view = make_view(app, qtbot)
    qtbot.mouseClick(view.ui.new_button, Qt.MouseButton.LeftButton)
    ui = view.dialog.ui
    qtbot.keyClicks(ui.cpr_edit, "300252-1234")
    qtbot.keyClicks(ui.name_edit, "Dorte Dam")
    ui.care_home_combo.setCurrentIndex(0)
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert ui.cpr_error_label.text() == "CPR-nummeret har en dato, der ikke findes: 30. februar 1952."
    assert view.ui.count_label.text() == "2 beboere"
    qtbot.keyClick(ui.name_edit, Qt.Key.Key_Escape)
    assert view.dialog is None
    assert shown(view) == ["Anna Jensen", "Børge Ølgaard"]


def test_new_resident_gets_the_filtered_care_home(app, people, qtbot):
    view = make_view(app, qtbot)
    view.ui.care_home_combo.setCurrentIndex(2)
    qtbot.mouseClick(view.ui.new_button, Qt.MouseButton.LeftButton)
    assert view.dialog.ui.care_home_combo.currentText() == "Solgården"


def test_double_click_opens_the_resident(app, people, qtbot):
    view = make_view(app, qtbot)
    table = view.ui.resident_table
    row = view.model.row_of(people["borge"])
    rect = table.visualRect(view.model.index(row, M.COL_NAME))
    # A real double click is a click and then a double-click event; QTest only sends the second.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.dialog is not None
    assert view.dialog.ui.cpr_edit.text() == "020250-1234"


def test_enter_opens_the_selected_resident_and_edits_are_saved(app, people, qtbot):
    view = make_view(app, qtbot)
    assert not view.ui.edit_button.isEnabled()
    view.select(people["anna"])
    assert view.ui.edit_button.isEnabled()
    qtbot.keyClick(view.ui.resident_table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.ui.name_edit.text() == "Anna Jensen"
    dialog.ui.room_edit.setText("14")
    qtbot.keyClick(dialog.ui.room_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    row = view.model.row_of(people["anna"])
    assert view.model.data(view.model.index(row, M.COL_ROOM)) == "14"
    assert view.selected_id() == people["anna"]


def test_refresh_picks_up_changes_made_elsewhere(app, people, qtbot):
    view = make_view(app, qtbot)
    app.add("050550-1234", "Erik Ek", 1)
    assert len(shown(view)) == 2
    view.refresh()
    assert "Erik Ek" in shown(view)
