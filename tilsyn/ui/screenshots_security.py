"""Documentation screenshots of login, lock screen, user administration and record history.

Registered in tilsyn.ui.screenshots (SHOT_MODULES). All use their own demo database, because
they log people in and out of it.
"""

from __future__ import annotations

from .screenshots import SHOWN_DATABASE, SHOWN_KIND, WINDOW_SIZE, Studio, shot

DB = "security"


def _services(studio: Studio, username: str | None):
    from ..services.demo_force import DEMO_PASSWORD

    services = studio.services(DB)
    if services.ctx.user is None or services.ctx.user.username != username:
        services.ctx.user = None
        if username is not None:
            services.users.login(username, DEMO_PASSWORD)
    return services


def _window(studio: Studio, services):
    from .main_window import MainWindow

    window = MainWindow(services, SHOWN_DATABASE, database_kind=SHOWN_KIND)
    window.resize(*WINDOW_SIZE)
    window.show()
    studio._keep.append(window)
    studio.settle()
    return window


@shot("login.png")
def login(studio: Studio):
    from .login import LoginWindow

    services = _services(studio, None)
    window = LoginWindow(services.users, SHOWN_DATABASE)
    window.show_start()
    window.show()
    studio._keep.append(window)
    view = window.login_view
    view.ui.username_edit.setText("sagsbehandler")
    view.ui.password_edit.setText("forkert")
    view.login()  # refused: the Danish message under the fields
    studio.settle()
    return window


@shot("lock-screen.png")
def lock_screen(studio: Studio):
    from .lock import InactivityLock
    from .main_window import PAGE_RESIDENTS

    services = _services(studio, "sagsbehandler")
    window = _window(studio, services)
    window.show_page(PAGE_RESIDENTS)
    studio.settle()
    lock = InactivityLock(services.users, window, 60 * 60_000)
    lock.lock_now()
    lock.panel.password_edit.setText("forkert")
    lock.unlock()  # the wrong password keeps it locked and says so
    studio.settle()
    return window


@shot("users.png")
def users(studio: Studio):
    from .main_window import PAGE_SETTINGS

    window = _window(studio, _services(studio, "admin"))
    window.show_page(PAGE_SETTINGS)
    view = window.admin_pages.users
    window.settings_view.tabs.setCurrentWidget(view)
    studio.settle()
    view.ui.users_table_view.selectRow(3)
    studio.settle()
    return window


@shot("record-history.png")
def record_history(studio: Studio):
    from .main_window import PAGE_SETTINGS

    services = _services(studio, "admin")
    residents = services.residents
    row = residents.rows(residents.search_ids("", include_moved_out=False)[:1])[0]
    detail = residents.get(row.id)
    if detail.room != "Bolig 2.14":
        # An ordinary edit by the administrator: new room and contact person.
        from ..domain.people import ResidentInput

        data = ResidentInput(
            detail.cpr, detail.name, detail.care_home_id, detail.address, detail.postal_code, detail.city,
            detail.unit, "Bolig 2.14", detail.move_in, detail.move_out, detail.acting_municipality,
            detail.residence_municipality, "Datter: Lone Sørensen",
        )
        residents.save(detail.id, data)
    window = _window(studio, services)
    window.show_page(PAGE_SETTINGS)
    view = window.admin_pages.history
    window.settings_view.tabs.setCurrentWidget(view)
    view.refresh()
    view.show_record(detail.id, "resident", f"Beboer: {detail.name}")
    view.ui.find_edit.setText(detail.name)
    view.ui.history_table.scrollToBottom()
    studio.settle()
    return window
