"""User administration and what each role sees."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from tilsyn.domain.roles import Role
from tilsyn.ui.dialogs.user_dialog import ChangePasswordDialog, ResetPasswordDialog, UserDialog
from tilsyn.ui.main_window import (
    PAGE_FORCE,
    PAGE_REPORTS,
    PAGE_SETTINGS,
    PAGE_SUPERVISION,
    PAGES,
    MainWindow,
)
from tilsyn.ui.views.history_view import HistoryView
from tilsyn.ui.views.users_view import COL_ACTIVE, COL_HOMES, COL_LAST_LOGIN, COL_ROLE, UsersView

from security_support import ADMIN, STAFF_PASSWORD, close, open_with_admin


@pytest.fixture
def app(tmp_path):
    a = open_with_admin(tmp_path)
    yield a
    close(a)


@pytest.fixture
def view(app, qtbot) -> UsersView:
    v = UsersView(app.services.users, app.services.care_homes)
    qtbot.addWidget(v)
    v.resize(1100, 500)
    v.show()
    return v


def row_texts(view: UsersView, username: str) -> list[str]:
    model = view.proxy
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == username:
            return [model.index(row, c).data() for c in range(model.columnCount())]
    raise AssertionError(f"{username} not listed")


def test_the_list_shows_danish_roles_and_logins(view):
    cells = row_texts(view, "anne")
    assert cells[1] == "Anne Administrator"
    assert cells[COL_ROLE] == "Administrator"
    assert cells[COL_HOMES] == "Alle"
    assert cells[COL_ACTIVE] == "Ja"
    assert cells[COL_LAST_LOGIN] == "23-11-2026 10:00"  # Danish time of the fixed clock
    assert view.ui.summary_label.text() == "1 bruger, heraf 1 aktiv"


def test_create_user_shows_danish_refusals_then_saves(view, app, qtbot):
    qtbot.mouseClick(view.ui.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, UserDialog) and dialog.windowTitle() == "Ny bruger"
    ui = dialog.ui
    # The role list reads in Danish, most common first.
    assert [ui.role_combo.itemText(i) for i in range(ui.role_combo.count())] == [
        "Medarbejder", "Nærmeste leder", "Sagsbehandler", "Tilsynskonsulent", "Administrator",
    ]
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert ui.username_error_label.text() == "Brugernavn skal udfyldes."
    assert ui.full_name_error_label.text() == "Fulde navn skal udfyldes."
    assert ui.care_home_ids_error_label.text() == "Medarbejdere og ledere skal knyttes til mindst ét plejecenter."
    assert dialog.isVisible()

    ui.username_edit.setText("pia")
    ui.full_name_edit.setText("Pia Medarbejder")
    dialog.set_homes([app.home_ids[1]])
    ui.password_edit.setText("kort")
    ui.password_repeat_edit.setText("kort")
    dialog.save()
    assert ui.password_error_label.text() == "Adgangskoden skal være mindst 8 tegn."
    assert ui.username_error_label.isHidden()

    ui.password_edit.setText(STAFF_PASSWORD)
    ui.password_repeat_edit.setText("noget-andet")
    dialog.save()
    assert ui.password_repeat_error_label.text() == "De to adgangskoder er ikke ens."

    ui.password_repeat_edit.setText(STAFF_PASSWORD)
    with qtbot.waitSignal(view.changed):
        dialog.save()
    cells = row_texts(view, "pia")
    assert cells[COL_ROLE] == "Medarbejder"
    assert cells[COL_HOMES] == "Solgården"
    assert cells[COL_LAST_LOGIN] == ""
    assert view.selected_user().username == "pia"
    app.services.users.login("pia", STAFF_PASSWORD)  # the account works


def test_care_homes_only_apply_to_staff_and_leaders(view, qtbot):
    view.create()
    ui = view.dialog.ui
    assert ui.care_homes_list.isEnabled()
    ui.role_combo.setCurrentIndex(ui.role_combo.findData(Role.CASEWORKER.value))
    assert not ui.care_homes_list.isEnabled()
    view.dialog.reject()


def test_a_taken_username_is_refused_under_the_field(view, app, qtbot):
    view.create()
    dialog = view.dialog
    dialog.ui.username_edit.setText("Anne")
    dialog.ui.full_name_edit.setText("Anne Anden")
    dialog.ui.role_combo.setCurrentIndex(dialog.ui.role_combo.findData(Role.CASEWORKER.value))
    dialog.ui.password_edit.setText("en-god-kode")
    dialog.ui.password_repeat_edit.setText("en-god-kode")
    dialog.save()
    assert dialog.ui.username_error_label.text() == "Brugernavnet »anne« er allerede i brug."
    dialog.reject()


def test_edit_deactivate_and_reset_password(view, app, qtbot):
    app.add_user("pia", "Pia Medarbejder", Role.STAFF.value, homes=(0,))
    view.refresh()
    assert view.select([u for u in app.services.users.list_users() if u.username == "pia"][0].id)

    view.edit_selected()
    dialog = view.dialog
    assert dialog.windowTitle() == "Rediger bruger: Pia Medarbejder"
    assert not dialog.ui.password_edit.isVisibleTo(dialog)  # passwords are reset separately
    dialog.ui.role_combo.setCurrentIndex(dialog.ui.role_combo.findData(Role.LEADER.value))
    dialog.set_homes(app.home_ids)
    dialog.save()
    assert row_texts(view, "pia")[COL_ROLE] == "Nærmeste leder"
    assert row_texts(view, "pia")[COL_HOMES] == "Bakkegården, Solgården"

    assert view.ui.active_button.text() == "&Deaktiver"
    qtbot.mouseClick(view.ui.active_button, Qt.MouseButton.LeftButton)
    assert row_texts(view, "pia")[COL_ACTIVE] == "Nej"
    assert view.ui.active_button.text() == "A&ktivér"

    view.reset_password()
    reset = view.dialog
    assert isinstance(reset, ResetPasswordDialog)
    reset.password_edit.setText("ny-kode-123")
    reset.repeat_edit.setText("ny-kode-124")
    reset.save()
    assert reset.repeat_error.text() == "De to adgangskoder er ikke ens."
    reset.repeat_edit.setText("ny-kode-123")
    reset.save()
    assert reset.result() == ResetPasswordDialog.DialogCode.Accepted


def test_the_last_administrator_cannot_be_deactivated(view, app, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("tilsyn.ui.views.users_view.show_error", lambda parent, err: shown.append(err.code))
    view.select(app.ctx.user.id)
    view.toggle_active()
    assert shown == ["last_admin"]
    assert row_texts(view, "anne")[COL_ACTIVE] == "Ja"


def test_change_own_password(app, qtbot):
    dialog = ChangePasswordDialog(app.services.users)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("forkert-kode")
    dialog.password_edit.setText("helt-ny-kode")
    dialog.repeat_edit.setText("helt-ny-kode")
    dialog.save()
    assert dialog.old_error.text() == "Forkert adgangskode. Prøv igen."
    dialog.old_edit.setText(ADMIN[2])
    dialog.save()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    app.services.users.verify_current_password("helt-ny-kode")


# -- role hiding --------------------------------------------------------------------------------------


def window_as(app, qtbot, username: str | None, role: Role | None = None, homes=(0,)) -> MainWindow:
    if username is not None:
        app.add_user(username, username.capitalize(), role.value, homes=homes if role in (Role.STAFF, Role.LEADER)
                     else ())
        app.login(username, STAFF_PASSWORD)
    w = MainWindow(app.services, "/data/tilsyn.sqlite")
    qtbot.addWidget(w)
    w.show()
    return w


def visible_pages(window: MainWindow) -> list[str]:
    return [key for i, key in enumerate(PAGES) if not window.ui.nav_list.item(i).isHidden()]


def settings_tabs(window: MainWindow) -> list[str]:
    window.show_page(PAGE_SETTINGS)
    tabs = window.settings_view.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_administrator_sees_user_admin_history_and_privacy(app, qtbot):
    window = window_as(app, qtbot, None)
    assert visible_pages(window) == ["overview", "residents", "settings"]
    assert settings_tabs(window) == ["Generelt", "Brugere", "Historik", "Databeskyttelse"]
    assert isinstance(window.admin_pages.history, HistoryView)
    assert window.admin_pages.history.ui.verify_button.isVisibleTo(window.admin_pages.history)
    assert window.admin_pages.security.lock_spin.isEnabled()


def test_staff_does_not_see_user_administration(app, qtbot):
    window = window_as(app, qtbot, "pia", Role.STAFF)
    assert visible_pages(window) == ["overview", "residents", "force", "settings"]
    assert settings_tabs(window) == ["Generelt"]
    assert not window.settings_view.tabs.tabBar().isVisible()
    assert window.admin_pages.users is None and window.admin_pages.history is None
    assert not window.admin_pages.security.lock_spin.isEnabled()
    assert window.admin_pages.security.password_button.isVisibleTo(window.admin_pages.security)
    # Hidden pages do not open by shortcut either.
    assert not window.ui.reports_action.isVisible()
    window.show_page(PAGE_REPORTS)
    assert window.current_page() != PAGE_REPORTS


def test_consultant_sees_supervision_but_not_the_use_of_force_page(app, qtbot):
    window = window_as(app, qtbot, "karl", Role.CONSULTANT)
    assert "supervision" in visible_pages(window)
    assert "force" not in visible_pages(window)
    window.show_page(PAGE_FORCE)
    assert window.current_page() != PAGE_FORCE
    window.show_page(PAGE_SUPERVISION)
    assert window.current_page() == PAGE_SUPERVISION


def test_caseworker_reads_history_but_cannot_verify_or_manage_users(app, qtbot):
    window = window_as(app, qtbot, "sofie", Role.CASEWORKER)
    assert settings_tabs(window) == ["Generelt", "Historik"]
    history = window.admin_pages.history
    assert not history.ui.verify_button.isVisibleTo(history)
    assert shiboken6.isValid(history)


def test_staff_gets_no_buttons_to_create_residents_or_care_homes(app, qtbot):
    window = window_as(app, qtbot, "pia", Role.STAFF)
    window.show_page(PAGES.index("residents"))
    assert not window.residents_view.ui.new_button.isVisibleTo(window.residents_view)
    assert window.residents_view.ui.edit_button.isVisibleTo(window.residents_view)
    assert not window.care_homes_view.ui.new_button.isVisibleTo(window.care_homes_view)
    assert not window.care_homes_view.ui.delete_button.isVisibleTo(window.care_homes_view)


def test_administrator_keeps_every_button_on_the_residents_page(app, qtbot):
    window = window_as(app, qtbot, None)
    window.show_page(PAGES.index("residents"))
    assert window.residents_view.ui.new_button.isVisibleTo(window.residents_view)
    assert window.care_homes_view.ui.delete_button.isVisibleTo(window.care_homes_view)
