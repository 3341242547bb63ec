"""Indstillinger: where the database is, the municipality, and the way to the care homes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.care_homes import CareHomeService
from ..widgets.plain import plain_labels


class SettingsView(QWidget):
    """Emits ``manage_care_homes`` when the user wants the care homes administration."""

    manage_care_homes = Signal()

    def __init__(self, care_homes: CareHomeService, database: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_view")
        self._service = care_homes
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 20)
        outer.setSpacing(12)
        title = QLabel("Indstillinger", self)
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        outer.addWidget(title)
        # Administrators get more tabs (Brugere, Historik, Databeskyttelse) through add_tab.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.general_page = QWidget(self.tabs)
        self.general_page.setObjectName("general_page")
        self.tabs.addTab(self.general_page, "Generelt")
        self.tabs.tabBar().setVisible(False)
        layout = QVBoxLayout(self.general_page)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(16)
        self._general_layout = layout
        self.security_box: QGroupBox | None = None

        db_box = QGroupBox("Database", self)
        db_form = QFormLayout(db_box)
        self.database_label = QLabel(database, db_box)
        self.database_label.setObjectName("database_label")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setWordWrap(True)
        db_form.addRow("Placering:", self.database_label)
        self.database_kind_label = QLabel(kind, db_box)
        self.database_kind_label.setObjectName("database_kind_label")
        db_form.addRow("Type:", self.database_kind_label)
        hint = QLabel(
            "Start programmet med <tt>--db STI</tt> eller sæt miljøvariablen <tt>TILSYN_DB</tt> "
            "for at bruge en anden database, f.eks. en fælles PostgreSQL-database.",
            db_box,
        )
        hint.setWordWrap(True)
        db_form.addRow(hint)
        layout.addWidget(db_box)

        home_box = QGroupBox("Kommune og plejecentre", self)
        home_form = QFormLayout(home_box)
        self.municipality_label = QLabel(home_box)
        self.municipality_label.setObjectName("municipality_label")
        home_form.addRow("Kommune:", self.municipality_label)
        self.care_homes_label = QLabel(home_box)
        self.care_homes_label.setObjectName("care_homes_label")
        home_form.addRow("Plejecentre:", self.care_homes_label)
        self.manage_button = QPushButton("&Administrer plejecentre …", home_box)
        self.manage_button.setObjectName("manage_button")
        self.manage_button.clicked.connect(self.manage_care_homes)
        row = QHBoxLayout()
        row.addWidget(self.manage_button)
        row.addStretch(1)
        home_form.addRow("", row)
        layout.addWidget(home_box)
        for box in (db_box, home_box):
            box.setMaximumWidth(820)
        layout.addStretch(1)
        plain_labels(self, hint)  # user data is never read as markup; the hint is rich on purpose
        self.refresh()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another settings page (user administration, history ...); the tab bar appears with it."""
        index = self.tabs.addTab(widget, title)
        self.tabs.tabBar().setVisible(True)
        return index

    def add_box(self, box: QGroupBox) -> None:
        """A group under the others on the Generelt tab (e.g. Sikkerhed)."""
        box.setMaximumWidth(820)
        self._general_layout.insertWidget(self._general_layout.count() - 1, box)

    def refresh(self) -> None:
        """Re-read the municipality name and the number of care homes."""
        self.municipality_label.setText(self._service.municipality_name() or "(ikke oprettet)")
        self.care_homes_label.setText(str(len(self._service.list_care_homes())))
