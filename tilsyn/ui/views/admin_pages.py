"""The parts of Indstillinger that depend on the role: Sikkerhed on the Generelt tab, and the
tabs Brugere, Historik and Databeskyttelse. Built only for roles that may use them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.roles import Action
from ...messages import text_for
from ..access import can
from ..services_bundle import Services
from ..widgets import ErrorLabel, WrappingLabel
from .settings_view import SettingsView
from ..widgets.plain import plain_labels


class SecurityBox(QGroupBox):
    """Lock time (administrators) and the user's own password."""

    def __init__(self, services: Services, can_manage: bool, parent: QWidget | None = None) -> None:
        super().__init__("Sikkerhed", parent)
        self.setObjectName("security_box")
        self._users = services.users
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel("&Lås skærmen efter:", self)
        self.lock_spin = QSpinBox(self)
        self.lock_spin.setObjectName("lock_minutes_spin")
        self.lock_spin.setRange(1, 240)
        self.lock_spin.setSuffix(" minutter uden aktivitet")
        label.setBuddy(self.lock_spin)
        self.save_button = QPushButton("&Gem", self)
        self.save_button.setObjectName("save_lock_button")
        row.addWidget(label)
        row.addWidget(self.lock_spin)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.saved_label = WrappingLabel("", self)
        self.saved_label.setVisible(False)
        layout.addWidget(self.saved_label)
        self.error_label = ErrorLabel(self)
        layout.addWidget(self.error_label)
        self.lock_spin.setValue(self._users.lock_minutes())
        for widget in (label, self.lock_spin, self.save_button):
            widget.setEnabled(can_manage)
        self.save_button.clicked.connect(self.save)
        own = QHBoxLayout()
        self.password_button = QPushButton("Skift din adgangs&kode …", self)
        self.password_button.setObjectName("change_password_button")
        self.password_button.clicked.connect(self.change_password)
        own.addWidget(self.password_button)
        own.addStretch(1)
        layout.addLayout(own)
        user = services.ctx.user
        self.password_button.setVisible(user is not None and user.id is not None)
        plain_labels(self)  # user data is never read as markup

    def save(self) -> None:
        self.error_label.show_message(None)
        try:
            self._users.set_lock_minutes(self.lock_spin.value())
        except DomainError as err:
            self.error_label.show_message(text_for(err))
            return
        self.saved_label.setVisible(True)
        self.saved_label.setText(f"Gemt: skærmen låses efter {self.lock_spin.value()} minutter uden aktivitet.")

    def _said(self, text: str) -> None:
        self.saved_label.setText(text)
        self.saved_label.setVisible(True)

    def change_password(self) -> None:
        from ..dialogs.user_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self._users, self)
        dialog.accepted.connect(lambda: self._said("Din adgangskode er skiftet."))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


@dataclass
class AdminPages:
    security: SecurityBox
    users: QWidget | None = None
    history: QWidget | None = None
    privacy: QWidget | None = None


def add_settings_pages(view: SettingsView, services: Services) -> AdminPages:
    """Add what the logged-in user's role may use to the settings page."""
    actor = services.ctx.user
    pages = AdminPages(SecurityBox(services, can(actor, Action.SETTINGS_MANAGE), view))
    view.add_box(pages.security)
    if can(actor, Action.USER_MANAGE):
        from .users_view import UsersView

        pages.users = UsersView(services.users, services.care_homes, view.tabs)
        view.add_tab(pages.users, "Brugere")
    if can(actor, Action.AUDIT_VIEW):
        from .history_view import HistoryView

        from .history_view import place_names

        names = place_names(services.care_homes.list_care_homes())
        pages.history = HistoryView(services.audit, services.residents, names,
                                    can_verify=can(actor, Action.AUDIT_VERIFY), parent=view.tabs)
        view.add_tab(pages.history, "Historik")
        history = pages.history
        view.tabs.currentChanged.connect(lambda i: view.tabs.widget(i) is history and history.refresh())
    if can(actor, Action.PRIVACY_EXPORT) or can(actor, Action.PRIVACY_RETENTION):
        from .privacy_view import PrivacyView

        pages.privacy = PrivacyView(services.privacy, services.residents,
                                    can_export=can(actor, Action.PRIVACY_EXPORT),
                                    can_retention=can(actor, Action.PRIVACY_RETENTION), parent=view.tabs)
        view.add_tab(pages.privacy, "Databeskyttelse")
    return pages
