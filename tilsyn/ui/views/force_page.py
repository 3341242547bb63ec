"""The Magtanvendelse page: the registration button and one tab per job the user's role has.

Staff register and see the month overview; the leader also has the queue of forms to assess
and send; the caseworker has the inbox. Every role that sees permits has the per-resident
overview over time. What a role cannot do is not shown (the services refuse it anyway).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ...domain.roles import Action, allowed
from ..dialogs.episode_dialog import EpisodeDialog
from ..forms.ui_force_page import Ui_ForcePage
from ..services_bundle import Services
from .force_inbox_view import MODE_INBOX, MODE_QUEUE, ForceInboxView
from .force_month_view import MonthOverviewView
from .force_resident_view import ResidentForceView
from ..widgets.plain import plain_labels

TAB_MONTH, TAB_QUEUE, TAB_INBOX, TAB_HISTORY = "month", "queue", "inbox", "history"
TAB_TITLES = {
    TAB_MONTH: "Månedsoversigt",
    TAB_QUEUE: "Til lederens vurdering",
    TAB_INBOX: "Indbakke",
    TAB_HISTORY: "Beboerens magtanvendelse over tid",
}


class ForcePage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ForcePage()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._services = services
        self.episode_dialog: EpisodeDialog | None = None
        self.views: dict[str, QWidget] = {}
        self.ui.register_button.clicked.connect(self.register)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.register)
        self.rebuild()

    def rebuild(self) -> None:
        """Build the tabs for the logged-in user's role (call again after another user logs in)."""
        ui = self.ui
        user = self._services.ctx.user
        while ui.tabs.count():
            widget = ui.tabs.widget(0)
            ui.tabs.removeTab(0)
            widget.deleteLater()
        self.views = {}
        ui.register_button.setVisible(allowed(user, Action.EPISODE_REGISTER))
        if user is None:
            ui.status_label.setText("Log ind for at registrere og se magtanvendelse.")
            return
        s = self._services
        if allowed(user, Action.PERMIT_VIEW):
            month = MonthOverviewView(s.force, s.care_homes, s.residents, self)
            month.history_requested.connect(self.show_history)
            self._add(TAB_MONTH, month)
        if allowed(user, Action.FORM_SIGN_LEADER):
            self._add(TAB_QUEUE, ForceInboxView(s.force, s.residents, MODE_QUEUE, self))
        if allowed(user, Action.FORM_PROCESS):
            self._add(TAB_INBOX, ForceInboxView(s.force, s.residents, MODE_INBOX, self))
        if allowed(user, Action.PERMIT_VIEW):
            self._add(TAB_HISTORY, ResidentForceView(s.force, s.residents, parent=self))
        if not self.views:
            ui.status_label.setText("Din rolle har ikke adgang til magtanvendelse.")

    def _add(self, key: str, view: QWidget) -> None:
        self.views[key] = view
        self.ui.tabs.addTab(view, TAB_TITLES[key])
        if hasattr(view, "form_changed"):
            view.form_changed.connect(self._form_changed)
        if hasattr(view, "message"):
            view.message.connect(self.show_message)

    def show_tab(self, key: str) -> QWidget | None:
        view = self.views.get(key)
        if view is not None:
            self.ui.tabs.setCurrentWidget(view)
        return view

    def show_history(self, resident_id: str) -> None:
        """The resident's force over time (from the month overview)."""
        view = self.show_tab(TAB_HISTORY)
        if view is not None:
            view.completer.choose_id(resident_id)

    def show_message(self, text: str) -> None:
        self.ui.status_label.setText(text)

    def _form_changed(self, _form_id: str) -> None:
        for view in self.views.values():
            refresh = getattr(view, "refresh", None)
            if callable(refresh):
                refresh()

    def register(self) -> None:
        """Registrér magtanvendelse: open the registration dialog (the draft comes back if there is one)."""
        if not self.ui.register_button.isVisible():
            return
        s = self._services
        # No resident preselected from a list: at night a stray selection must not pick the resident.
        dialog = EpisodeDialog(s.force, s.residents, self)
        dialog.registered.connect(lambda _r: self._registered(dialog.result_text))
        dialog.finished.connect(dialog.deleteLater)
        self.episode_dialog = dialog
        dialog.open()

    def _registered(self, text: str) -> None:
        self.show_message(text)
        self._form_changed("")
