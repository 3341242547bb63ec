"""The main window (navigation, shortcuts, status bar, placeholders) and the start-up code."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTabWidget

from tilsyn.store.migrate import DatabaseNewer
from tilsyn.ui import app as gui_app
from tilsyn.ui.errors import database_error_text
from tilsyn.ui.main_window import (
    PAGES,
    PAGE_OVERVIEW,
    PAGE_RESIDENTS,
    PAGE_SETTINGS,
    TAB_CARE_HOMES,
    MainWindow,
)
from tilsyn.ui.views.care_homes_view import CareHomesView
from tilsyn.ui.views.placeholder_view import PLACEHOLDERS, PlaceholderView
from tilsyn.ui.views.residents_view import ResidentsView
from tilsyn.ui.views.settings_view import SettingsView

NAV = ["Overblik", "Beboere", "Magtanvendelse", "Tilsyn", "Rapporter", "Indstillinger"]


@pytest.fixture
def window(services, qtbot) -> MainWindow:
    w = MainWindow(services, "/data/tilsyn.sqlite", database_kind="SQLite (fil på denne computer)")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def nav_texts(window) -> list[str]:
    nav = window.ui.nav_list
    return [nav.item(i).text() for i in range(nav.count())]


def test_builds_with_danish_navigation_and_status_bar(window):
    assert nav_texts(window) == NAV
    assert window.windowTitle() == "Tilsyn"
    assert window.current_page() == PAGE_OVERVIEW
    assert window.ui.nav_list.currentRow() == PAGE_OVERVIEW
    assert window.municipality_status.text() == "Kommune: Vejle Kommune"
    assert window.database_status.text() == "Database: /data/tilsyn.sqlite"


def test_clicking_the_navigation_switches_pages(window, qtbot):
    nav = window.ui.nav_list
    rect = nav.visualItemRect(nav.item(PAGE_SETTINGS))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == PAGE_SETTINGS
    assert isinstance(window.page(PAGE_SETTINGS), SettingsView)


def test_ctrl_number_switches_pages(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == PAGE_RESIDENTS
    assert window.ui.nav_list.currentRow() == PAGE_RESIDENTS
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == PAGE_SETTINGS
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == PAGE_OVERVIEW


def test_arrow_keys_in_the_navigation_switch_pages(window, qtbot):
    window.ui.nav_list.setFocus()
    qtbot.keyClick(window.ui.nav_list, Qt.Key.Key_Down)
    assert window.current_page() == PAGE_RESIDENTS


def test_navigation_is_in_the_tab_chain(window):
    nav = window.ui.nav_list
    assert nav.focusPolicy() & Qt.FocusPolicy.TabFocus
    widget, seen = nav.nextInFocusChain(), set()
    while widget is not nav and id(widget) not in seen:
        seen.add(id(widget))
        widget = widget.nextInFocusChain()
    assert widget is nav  # Tab from anywhere comes round to the navigation


def test_pages_are_built_on_first_use(window):
    assert window.residents_view is None and window.care_homes_view is None
    window.show_page(PAGE_RESIDENTS)
    assert isinstance(window.residents_view, ResidentsView)
    assert isinstance(window.care_homes_view, CareHomesView)


def test_overview_is_the_dashboard(window):
    from tilsyn.ui.views.dashboard_view import DashboardView

    view = window.page(PAGE_OVERVIEW)
    assert isinstance(view, DashboardView)
    assert view.ui.title_label.text() == "Overblik"
    assert view.ui.permits_group.title().startswith("Tilladelser, der udløber inden for 30 dage")


@pytest.mark.parametrize(
    "key, title, words",
    [
        ("overview", "Overblik", "Her kommer dagens overblik"),
        ("force", "Magtanvendelse", "Her kommer registrering af magtanvendelse og månedsskemaer."),
        ("supervision", "Tilsyn", "uanmeldte tilsynsbesøg"),
        ("reports", "Rapporter", "PDF"),
    ],
)
def test_placeholders_say_in_danish_what_will_come(qtbot, key, title, words):
    view = PlaceholderView(PLACEHOLDERS[key])
    qtbot.addWidget(view)
    assert view.title_label.text() == title
    assert words in view.summary_label.text() + view.items_label.text()
    assert len(PLACEHOLDERS[key].items) >= 3


def test_every_page_the_role_may_see_opens_with_content(window):
    # The fixture's context acts as the command line's administrator, who sees no episodes.
    pages = [i for i, key in enumerate(PAGES) if key not in getattr(window, "hidden_pages", ())]
    assert {PAGE_OVERVIEW, PAGE_RESIDENTS, PAGE_SETTINGS} <= set(pages)
    for page in pages:
        window.show_page(page)
        assert window.current_page() == page
        view = window.page(page)
        assert view.isVisible() and view.parent() is window.ui.page_stack.widget(page)


def test_residents_page_has_residents_and_care_homes_tabs(window):
    window.show_page(PAGE_RESIDENTS)
    tabs = window.page(PAGE_RESIDENTS)
    assert isinstance(tabs, QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Beboere", "Plejecentre"]


def test_settings_shows_database_and_leads_to_the_care_homes(window, qtbot):
    window.show_page(PAGE_SETTINGS)
    settings = window.page(PAGE_SETTINGS)
    assert settings.database_label.text() == "/data/tilsyn.sqlite"
    assert settings.database_kind_label.text() == "SQLite (fil på denne computer)"
    assert settings.municipality_label.text() == "Vejle Kommune"
    assert settings.care_homes_label.text() == "2"
    qtbot.mouseClick(settings.manage_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == PAGE_RESIDENTS
    assert window.residents_tabs.currentIndex() == TAB_CARE_HOMES


def test_a_new_care_home_refreshes_settings_and_the_residents_filter(window, services, qtbot):
    from tilsyn.domain.people import CareHomeInput

    window.show_page(PAGE_SETTINGS)
    window.show_care_homes()
    services.care_homes.create_care_home(CareHomeInput("Lindehaven"))
    window.care_homes_view.changed.emit()
    assert window.page(PAGE_SETTINGS).care_homes_label.text() == "3"
    combo = window.residents_view.ui.care_home_combo
    assert "Lindehaven" in [combo.itemText(i) for i in range(combo.count())]


# -- start-up --------------------------------------------------------------------------------------


def test_args_take_db_and_leave_qt_options_alone():
    ns = gui_app.parse_args(["-style", "fusion", "--db", "/tmp/x.sqlite", "-platform", "offscreen"])
    assert ns.db == "/tmp/x.sqlite"
    assert gui_app.parse_args([]).db is None


def test_display_detection():
    assert not gui_app.has_display({}, "linux")
    assert gui_app.has_display({"DISPLAY": ":0"}, "linux")
    assert gui_app.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert gui_app.has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert gui_app.has_display({}, "win32")
    assert gui_app.has_display({}, "darwin")


def test_no_display_gives_a_bilingual_hint_and_exit_code_2(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_app.sys, "platform", "linux")
    assert gui_app.run_gui([]) == 2
    err = capsys.readouterr().err
    assert "xvfb-run -a tilsyn" in err
    assert "Ingen skærm" in err or "ingen skærm" in err
    assert "no display" in err


def test_database_location_hides_a_password():
    assert gui_app.display_location("postgresql+psycopg://tilsyn:hemmelig@db.kommune.dk/tilsyn", None) == (
        "postgresql+psycopg://tilsyn:***@db.kommune.dk/tilsyn"
    )


def test_open_errors_are_danish():
    assert database_error_text(DatabaseNewer(revision="9999")) == (
        "Databasen er lavet af en nyere version af Tilsyn (revision 9999). Opdater programmet, før du åbner den."
    )
    assert database_error_text(RuntimeError("file is not a database")) == (
        "Databasen kan ikke åbnes: file is not a database"
    )


def test_a_broken_database_file_gives_a_danish_message_box_not_a_traceback(tmp_path, qapp, monkeypatch):
    broken = tmp_path / "broken.sqlite"
    # A plain SQLite header (so not taken for an encrypted file), then rubbish.
    broken.write_bytes(b"SQLite format 3\x00" + b"rubbish, not pages" * 500)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    assert gui_app.run_gui(["--db", str(broken)]) == 1
    assert shown and shown[0][0] == "Tilsyn kan ikke starte"
    assert shown[0][1].startswith("Databasen kan ikke åbnes: ")


def test_a_newer_database_is_refused_in_danish(tmp_path, qapp, monkeypatch):
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('from_the_future')")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_app.run_gui(["--db", str(path)]) == 1
    assert shown == [
        "Databasen er lavet af en nyere version af Tilsyn (revision from_the_future). "
        "Opdater programmet, før du åbner den."
    ]


def test_application_is_danish(qapp):
    gui_app.make_application([])
    assert qapp.applicationName() == "Tilsyn"
    assert not qapp.windowIcon().isNull()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    texts = [box.button(b).text().replace("&", "") for b in (
        QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
        QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No)]
    assert texts == ["OK", "Annuller", "Ja", "Nej"]
    from PySide6.QtCore import QLocale

    assert QLocale().language() == QLocale.Language.Danish


def test_an_encrypted_file_asks_for_the_passphrase_and_cancel_quits(tmp_path, qapp, monkeypatch):
    locked = tmp_path / "locked.sqlite"
    locked.write_bytes(bytes(range(256)) * 64)  # no SQLite header: looks like a SQLCipher file
    monkeypatch.delenv("TILSYN_DB_PASSPHRASE", raising=False)
    asked = []
    monkeypatch.setattr(gui_app, "ask_passphrase", lambda problem: asked.append(problem))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail("no error box after a cancel"))
    assert gui_app.run_gui(["--db", str(locked)]) == 1
    assert asked == [""]


def test_a_wrong_passphrase_is_explained_and_asked_again(tmp_path, monkeypatch):
    from tilsyn.domain.errors import DomainError
    from tilsyn.store import crypto

    path = tmp_path / "enc.sqlite"
    try:
        crypto.create_encrypted(path, "rigtig-kode-123")
    except DomainError as exc:
        pytest.skip(f"no SQLCipher driver here: {exc.code}")
    monkeypatch.delenv("TILSYN_DB_PASSPHRASE", raising=False)
    answers, asked = ["forkert-kode-1", None], []

    def ask(problem):
        asked.append(problem)
        return answers.pop(0)

    assert gui_app.open_database(gui_app.parse_args(["--db", str(path)]), ask) is None
    assert asked == ["", "Adgangskoden til databasen er forkert. Prøv igen."]


def test_passphrase_from_the_environment(monkeypatch):
    from tilsyn.domain.errors import DomainError

    ns = gui_app.parse_args(["--passphrase-env", "MIN_KODE"])
    assert gui_app.passphrase_from_env(ns, {"MIN_KODE": "hemmelig-kode"}) == "hemmelig-kode"
    with pytest.raises(DomainError) as exc:
        gui_app.passphrase_from_env(ns, {})
    assert exc.value.code == "passphrase_env_missing"
    assert gui_app.passphrase_from_env(gui_app.parse_args([]), {"TILSYN_DB_PASSPHRASE": "x" * 9}) == "x" * 9
