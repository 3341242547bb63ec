"""The main window: navigation on the left, one page per area, status bar with municipality and database.

On an empty database the first-run screen takes the window's place until a municipality exists.
Pages are built the first time they are shown, so the window opens fast.
"""

from __future__ import annotations

from html import escape
from functools import partial
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from .access import hide_forbidden_buttons, page_visible, user_text
from .forms.ui_main_window import Ui_MainWindow
from .services_bundle import Services
from .views.placeholder_view import PLACEHOLDERS, PlaceholderView
from .widgets.plain import plain_labels

PAGES = ("overview", "residents", "force", "supervision", "reports", "settings")
PAGE_OVERVIEW, PAGE_RESIDENTS, PAGE_FORCE, PAGE_SUPERVISION, PAGE_REPORTS, PAGE_SETTINGS = range(len(PAGES))
# Udveksling: a seventh page, only on a database that is a site (then in ``window.page_keys``).
PAGE_EXCHANGE = len(PAGES)
TAB_RESIDENTS, TAB_CARE_HOMES = range(2)

class MainWindow(QMainWindow):
    """``database`` is the location shown to the user (a file path or a URL without password)."""

    def __init__(
        self,
        services: Services,
        database: str = "",
        parent: QWidget | None = None,
        *,
        database_kind: str = "SQLite",
        fill_demo: Callable | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.services = services
        self.database = database
        self.database_kind = database_kind
        if fill_demo is None:
            from .views.first_run_view import fill_demo_database

            fill_demo = partial(fill_demo_database, services.ctx)
        self._fill_demo = fill_demo
        self._pages: dict[int, QWidget] = {}
        self.first_run_view = None
        self.residents_tabs: QTabWidget | None = None
        self.residents_view = None
        self.care_homes_view = None
        self.settings_view = None
        self.dashboard_view = None
        self.force_page = None
        self.reports_view = None
        self.exchange_view = None
        self._add_exchange_page()

        self.municipality_status = QLabel(self)
        self.municipality_status.setObjectName("municipality_status_label")
        self.database_status = QLabel(self)
        self.database_status.setObjectName("database_status_label")
        self.user_status = QLabel(user_text(services.ctx.user), self)
        self.user_status.setObjectName("user_status_label")
        # What is waiting to go out to the other computers (only when this database is a site).
        self.exchange_status = QLabel(self)
        self.exchange_status.setObjectName("exchange_status_label")
        self.exchange_status.setVisible(False)
        self.ui.status_bar.addPermanentWidget(self.exchange_status)
        self.ui.status_bar.addPermanentWidget(self.user_status)
        self.ui.status_bar.addPermanentWidget(self.municipality_status)
        self.ui.status_bar.addPermanentWidget(self.database_status)
        self.database_status.setText(f"Database: {database}")
        for label in (self.municipality_status, self.database_status, self.user_status, self.exchange_status):
            plain_labels(label)  # user data is never read as markup
        self.admin_pages = None
        # The role decides which pages exist; the services refuse the rest anyway.
        self.hidden_pages = {key for key in PAGES if not page_visible(services.ctx.user, key)}
        if not self.is_site:
            self.hidden_pages.add("exchange")  # Udveksling only on a database that is a site
        self.page_keys = PAGES + (("exchange",) if self.is_site else ())
        for index, key in enumerate(self.page_keys):
            self.ui.nav_list.item(index).setHidden(key in self.hidden_pages)
            self._page_actions()[index].setVisible(key not in self.hidden_pages)

        self.ui.nav_list.currentRowChanged.connect(self.show_page)
        actions = (
            self.ui.overview_action, self.ui.residents_action, self.ui.force_action,
            self.ui.supervision_action, self.ui.reports_action, self.ui.settings_action,
        ) + ((self.exchange_action,) if self.is_site else ())
        for index, action in enumerate(actions):
            action.triggered.connect(partial(self.show_page, index))
        self.ui.quit_action.triggered.connect(self.close)
        self.ui.about_action.triggered.connect(self.about)

        if services.care_homes.is_set_up():
            self._show_main()
        else:
            self._show_first_run()

    # -- first run --------------------------------------------------------------------------------
    @property
    def in_first_run(self) -> bool:
        return self.ui.root_stack.currentWidget() is self.ui.first_run_page

    def _show_first_run(self) -> None:
        from .views.first_run_view import FirstRunView

        self.first_run_view = FirstRunView(self.services.care_homes, self._fill_demo, self.database, self)
        self.first_run_view.completed.connect(self._first_run_completed)
        self.ui.first_run_layout.addWidget(self.first_run_view)
        self.ui.root_stack.setCurrentWidget(self.ui.first_run_page)
        for action in self._page_actions():
            action.setEnabled(False)
        self.municipality_status.setText("Ingen kommune oprettet endnu")

    def _first_run_completed(self, message: str) -> None:
        view = self.first_run_view
        self.first_run_view = None
        if view is not None:
            view.hide()
            view.deleteLater()
        for action in self._page_actions():
            action.setEnabled(True)
        self._show_main()
        if message:
            self.ui.status_bar.showMessage(message, 15000)

    def _page_actions(self):
        return (
            self.ui.overview_action, self.ui.residents_action, self.ui.force_action,
            self.ui.supervision_action, self.ui.reports_action, self.ui.settings_action,
        ) + ((self.exchange_action,) if self.is_site else ())

    def _add_exchange_page(self) -> None:
        """The Udveksling page's navigation entry, stack page and menu action (built in code, so
        main_window.ui stays as it is); only when this database is a site."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self.is_site = self.services.exchange.is_site()
        except SQLAlchemyError:  # a database without the exchange tables: no site
            self.is_site = False
        if not self.is_site:
            return
        self.ui.nav_list.addItem(QListWidgetItem("Udveksling"))
        page = QWidget()
        page.setObjectName("exchange_page")
        QVBoxLayout(page)
        self.ui.page_stack.addWidget(page)
        self.exchange_action = QAction("&Udveksling", self)
        self.exchange_action.setObjectName("exchange_action")
        self.exchange_action.setShortcut(QKeySequence("Ctrl+7"))
        self.ui.view_menu.addAction(self.exchange_action)

    # -- pages ------------------------------------------------------------------------------------
    def _show_main(self) -> None:
        self.ui.root_stack.setCurrentWidget(self.ui.main_page)
        self.update_status()
        self.show_page(PAGE_OVERVIEW)
        self.ui.nav_list.setFocus()

    def update_status(self) -> None:
        """Show the municipality's name in the status bar."""
        name = self.services.care_homes.municipality_name()
        self.municipality_status.setText(f"Kommune: {name}" if name else "Ingen kommune oprettet endnu")
        self.update_exchange_status()

    def update_exchange_status(self) -> None:
        """'3 månedsskemaer er ikke sendt til kommunen endnu' in the status bar, on a site."""
        if "exchange" in self.hidden_pages:
            return
        from ..domain.errors import DomainError
        from ..services.exchange.status import waiting_summary

        try:
            text = waiting_summary(self.services.exchange.waiting())
        except DomainError:
            text = ""
        self.exchange_status.setText(text)
        self.exchange_status.setVisible(bool(text))

    def current_page(self) -> int:
        return self.ui.page_stack.currentIndex()

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (0 Overblik … 5 Indstillinger), building it the first time."""
        if self.in_first_run or not 0 <= index < len(self.page_keys) or self.page_keys[index] in self.hidden_pages:
            return
        self.page(index)
        self.ui.page_stack.setCurrentIndex(index)
        if self.ui.nav_list.currentRow() != index:
            self.ui.nav_list.setCurrentRow(index)

    def page(self, index: int) -> QWidget:
        """The view of page ``index``, built on first use."""
        view = self._pages.get(index)
        if view is None:
            view = self._build_page(index)
            self._pages[index] = view
            container = self.ui.page_stack.widget(index)
            container.layout().setContentsMargins(0, 0, 0, 0)
            container.layout().addWidget(view)
        return view

    def _build_page(self, index: int) -> QWidget:
        key = self.page_keys[index]
        if key == "residents":
            return self._build_residents_page()
        if key == "overview":
            from .views.dashboard_view import DashboardView

            self.dashboard_view = DashboardView(self.services, self)
            self.dashboard_view.message.connect(lambda text: self.ui.status_bar.showMessage(text, 15000))
            return self.dashboard_view
        if key == "force":
            from .views.force_page import ForcePage

            self.force_page = ForcePage(self.services, self)
            return self.force_page
        if key == "settings":
            from .views.settings_view import SettingsView

            self.settings_view = SettingsView(self.services.care_homes, self.database, self.database_kind, self)
            self.settings_view.manage_care_homes.connect(self.show_care_homes)
            from .views.admin_pages import add_settings_pages

            self.admin_pages = add_settings_pages(self.settings_view, self.services)
            return self.settings_view
        if key == "reports":
            from .views.reports_view import ReportsView

            self.reports_view = ReportsView(self.services.exports, self.services.care_homes, self)
            return self.reports_view
        if key == "exchange":
            from .views.exchange_view import ExchangeView

            self.exchange_view = ExchangeView(self.services.exchange, self.services.conflicts, self)
            self.exchange_view.changed.connect(self.update_exchange_status)
            return self.exchange_view
        if key == "supervision":
            from .views.supervision_view import SupervisionView

            self.supervision_view = SupervisionView(self.services.supervision, self)
            return self.supervision_view
        return PlaceholderView(PLACEHOLDERS[key], self)

    def _build_residents_page(self) -> QWidget:
        from .views.care_homes_view import CareHomesView

        tabs = QTabWidget(self)
        tabs.setObjectName("residents_tabs")
        tabs.setDocumentMode(True)
        from .views.residents_view import ResidentsView

        self.residents_view = ResidentsView(self.services.residents, self.services.care_homes, tabs)
        # No mnemonics on the tabs: Alt+B and Alt+P belong to the residents view; Ctrl+Tab switches.
        tabs.addTab(self.residents_view, "Beboere")
        self.care_homes_view = CareHomesView(self.services.care_homes, tabs)
        self.care_homes_view.changed.connect(self._care_homes_changed)
        tabs.addTab(self.care_homes_view, "Plejecentre")
        self.residents_tabs = tabs
        hide_forbidden_buttons(self.services.ctx.user, self.residents_view, self.care_homes_view)
        return tabs

    def show_care_homes(self) -> None:
        """Beboere page, tab Plejecentre."""
        self.show_page(PAGE_RESIDENTS)
        assert self.residents_tabs is not None
        self.residents_tabs.setCurrentIndex(TAB_CARE_HOMES)

    def _care_homes_changed(self) -> None:
        refresh = getattr(self.residents_view, "refresh", None)
        if callable(refresh):
            refresh()
        if self.settings_view is not None:
            self.settings_view.refresh()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Om Tilsyn",
            "<b>Tilsyn</b><br>Registrering af magtanvendelse og tilsyn på plejecentre."
            f"<br><br>Database: {escape(self.database)}",
        )
