"""The first-run screen: shown on an empty database, creates the municipality or loads the demo."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from tilsyn.domain.errors import DomainError
from tilsyn.domain.people import CareHomeInput
from tilsyn.services.demo import DemoService
from tilsyn.ui.main_window import PAGE_OVERVIEW, MainWindow
from tilsyn.ui.views.first_run_view import fill_demo_database


def make_window(services, qtbot, fill_demo=None) -> MainWindow:
    window = MainWindow(services, "/tmp/gui.sqlite", fill_demo=fill_demo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_form(window, qtbot):
    view = window.first_run_view
    qtbot.mouseClick(view.ui.create_button, Qt.MouseButton.LeftButton)
    assert view.ui.step_stack.currentWidget() is view.ui.form_page
    return view


def test_empty_database_opens_on_the_first_run_screen(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    assert window.in_first_run
    view = window.first_run_view
    assert view.isVisible()
    assert view.ui.create_button.text() == "Opret kommune og plejecentre"
    assert view.ui.demo_button.text() == "Indlæs demodata"
    assert window.municipality_status.text() == "Ingen kommune oprettet endnu"
    # The pages are not reachable before a municipality exists.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.in_first_run
    assert not window.ui.residents_action.isEnabled()


def test_set_up_database_skips_the_first_run_screen(services, qtbot):
    window = make_window(services, qtbot)
    assert not window.in_first_run
    assert window.first_run_view is None


def test_create_municipality_with_two_homes_through_the_form(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    view = open_form(window, qtbot)
    qtbot.keyClicks(view.ui.municipality_edit, "Vejle Kommune")
    view.set_row(0, CareHomeInput("Bakkegården", "municipal", "Bakkevej 1", "7100", "Vejle", ("Afsnit A", "Afsnit B")))
    view.set_row(1, CareHomeInput("Solgården", "friplejehjem", "", "", "", ()))
    # The third row stays blank and is left out.
    qtbot.mouseClick(view.ui.create_save_button, Qt.MouseButton.LeftButton)

    assert not window.in_first_run
    assert window.first_run_view is None
    assert window.current_page() == PAGE_OVERVIEW
    assert window.municipality_status.text() == "Kommune: Vejle Kommune"
    assert window.statusBar().currentMessage() == "Kommunen er oprettet med 2 plejecentre."
    homes = empty_services.care_homes.list_care_homes()
    assert [(h.name, h.kind, h.postal_code) for h in homes] == [
        ("Bakkegården", "municipal", "7100"),
        ("Solgården", "friplejehjem", ""),
    ]
    assert [u.name for u in homes[0].units] == ["Afsnit A", "Afsnit B"]
    assert empty_services.care_homes.municipality_name() == "Vejle Kommune"


def test_empty_municipality_name_shows_the_danish_message_and_writes_nothing(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    view = open_form(window, qtbot)
    view.set_row(0, CareHomeInput("Bakkegården"))
    qtbot.mouseClick(view.ui.create_save_button, Qt.MouseButton.LeftButton)

    assert window.in_first_run
    label = view.ui.municipality_error_label
    assert label.isVisible() and label.text() == "Kommune skal udfyldes."
    assert not view.ui.homes_error_label.isVisible()
    assert view.focusWidget() is view.ui.municipality_edit
    assert not empty_services.care_homes.is_set_up()
    assert empty_services.care_homes.list_care_homes() == []


def test_faults_in_rows_point_at_the_row_and_cell(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    view = open_form(window, qtbot)
    view.ui.municipality_edit.setText("Vejle Kommune")
    view.set_row(0, CareHomeInput("Bakkegården", postal_code="7100"))
    view.set_row(2, CareHomeInput("Solgården", postal_code="71"))  # row 2 (table row 1) blank
    view.set_row(3, CareHomeInput("bakkegården"))
    view.create()

    assert view.ui.homes_error_label.text().splitlines() == [
        "Række 3: Postnummeret skal være 4 cifre.",
        "Række 4: Der findes allerede et plejecenter med navnet bakkegården.",
    ]
    assert view.ui.homes_table.item(2, 3).toolTip() == "Postnummeret skal være 4 cifre."
    assert view.ui.homes_table.item(0, 3).toolTip() == ""
    assert not empty_services.care_homes.is_set_up()

    # Fixing the rows clears the marks and creates everything.
    view.set_row(2, CareHomeInput("Solgården", postal_code="7120"))
    view.ui.homes_table.removeRow(3)
    view.create()
    assert not window.in_first_run
    assert [h.name for h in empty_services.care_homes.list_care_homes()] == ["Bakkegården", "Solgården"]


def test_enter_in_the_name_field_creates(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    view = open_form(window, qtbot)
    qtbot.keyClicks(view.ui.municipality_edit, "Kolding Kommune")
    qtbot.keyClick(view.ui.municipality_edit, Qt.Key.Key_Return)
    assert not window.in_first_run
    assert empty_services.care_homes.municipality_name() == "Kolding Kommune"


def test_add_and_remove_rows(empty_services, qtbot):
    window = make_window(empty_services, qtbot)
    view = open_form(window, qtbot)
    table = view.ui.homes_table
    start = table.rowCount()
    qtbot.mouseClick(view.ui.add_home_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == start + 1
    assert table.cellWidget(start, 1).currentText() == "Kommunal"
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(view.ui.remove_home_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == start


def test_demo_runs_in_a_worker_with_a_busy_screen_then_opens_the_main_window(empty_services, qtbot):
    started, release = threading.Event(), threading.Event()
    threads = []

    def fake_fill(*, progress, is_cancelled):
        threads.append(threading.current_thread())
        progress(0, "Opretter kommune …")
        started.set()
        release.wait(5)
        empty_services.care_homes.set_up_municipality("Demo Kommune", [CareHomeInput("Demohjemmet")])
        return "Demodata indlæst: 1 plejecenter."

    window = make_window(empty_services, qtbot, fill_demo=fake_fill)
    view = window.first_run_view
    qtbot.mouseClick(view.ui.demo_button, Qt.MouseButton.LeftButton)
    assert started.wait(5)
    qtbot.waitUntil(lambda: view.ui.busy_detail_label.text() == "Opretter kommune …")
    assert view.ui.step_stack.currentWidget() is view.ui.busy_page
    assert view.busy and window.in_first_run
    release.set()

    qtbot.waitUntil(lambda: not window.in_first_run, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.municipality_status.text() == "Kommune: Demo Kommune"
    assert window.statusBar().currentMessage() == "Demodata indlæst: 1 plejecenter."


def test_demo_failure_is_shown_in_danish_and_stays_on_the_first_run_screen(empty_services, qtbot):
    def refusing_fill(*, progress, is_cancelled):
        raise DomainError("database_not_empty")

    window = make_window(empty_services, qtbot, fill_demo=refusing_fill)
    view = window.first_run_view
    qtbot.mouseClick(view.ui.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.demo_error_label.isVisible(), timeout=5000)
    assert view.ui.demo_error_label.text() == (
        "Demodata kunne ikke indlæses. Databasen er ikke tom. Brug --force for at tilføje demodata alligevel."
    )
    assert window.in_first_run and not view.busy
    assert view.ui.step_stack.currentWidget() is view.ui.choice_page


def test_fill_demo_database_fills_and_reports_in_danish(empty_services):
    steps = []
    text = fill_demo_database(
        empty_services.ctx, progress=lambda p, t: steps.append(p), is_cancelled=lambda: False,
        homes=2, residents_per_home=3,
    )
    assert steps == [0, 100]
    assert text.startswith("Demodata indlæst: 2 plejecentre, 6 beboere og ")
    assert empty_services.care_homes.is_set_up()
    assert not DemoService(empty_services.ctx).is_empty()
