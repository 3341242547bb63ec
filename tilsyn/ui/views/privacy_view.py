"""Databeskyttelse (Indstillinger, administrators): export everything about one resident, and
delete or anonymise residents past the retention period."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import format_date, format_number, text_for
from ...services.privacy import PrivacyService, RetentionCandidate
from ...services.residents import ResidentService
from ..widgets import ErrorLabel, WrappingLabel
from ..widgets.resident_finder import ResidentFinder
from ..widgets.plain import plain_labels

COL_NAME, COL_CPR, COL_HOME, COL_MOVE_OUT = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole

ChooseFolder = Callable[[QWidget], str]


def choose_folder(parent: QWidget) -> str:
    """The folder the user picks for an export ("" when cancelled)."""
    return QFileDialog.getExistingDirectory(parent, "Vælg mappe til udlæsningen")


def _write(folder: Path, stem: str, json_text: str, pdf: bytes) -> tuple[Path, Path]:
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    json_path.write_text(json_text, encoding="utf-8")
    pdf_path.write_bytes(pdf)
    return json_path, pdf_path


class PrivacyView(QWidget):
    """``choose`` picks the export folder (a file dialog; tests pass a function)."""

    def __init__(
        self,
        privacy: PrivacyService,
        residents: ResidentService,
        *,
        can_export: bool = True,
        can_retention: bool = True,
        choose: ChooseFolder = choose_folder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_view")
        self._privacy = privacy
        self._choose = choose
        self.written: tuple[Path, Path] | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(14)

        # -- right of access ---------------------------------------------------------------------
        export_box = QGroupBox("Indsigt: alt om én beboer", self)
        export_layout = QVBoxLayout(export_box)
        export_layout.addWidget(WrappingLabel(
            "Udlæs alt, der er gemt om én beboer: stamdata, pårørende, afgørelser, magtanvendelser og "
            "historik, som en JSON-fil og en læsbar PDF. Udlæsningen skrives i revisionsloggen.", export_box
        ))
        row = QHBoxLayout()
        label = QLabel("&Beboer:", export_box)
        self.find_edit = QLineEdit(export_box)
        self.find_edit.setObjectName("privacy_find_edit")
        self.find_edit.setPlaceholderText("Skriv navn, bolig eller CPR-nummer")
        self.find_edit.setClearButtonEnabled(True)
        label.setBuddy(self.find_edit)
        self.export_button = QPushButton("&Udlæs til mappe …", export_box)
        self.export_button.setObjectName("export_button")
        row.addWidget(label)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.export_button)
        export_layout.addLayout(row)
        self.export_label = WrappingLabel("", export_box)
        self.export_label.setObjectName("export_label")
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_label.setVisible(False)
        export_layout.addWidget(self.export_label)
        self.export_error = ErrorLabel(export_box)
        export_layout.addWidget(self.export_error)
        layout.addWidget(export_box)
        self.finder = ResidentFinder(residents, self.find_edit, self)
        self.finder.failed.connect(lambda err: self.export_error.show_message(text_for(err)))
        self.export_button.clicked.connect(self.export)
        export_box.setVisible(can_export)

        # -- retention ---------------------------------------------------------------------------
        retention_box = QGroupBox("Sletning efter opbevaringsperioden", self)
        rl = QVBoxLayout(retention_box)
        years_row = QHBoxLayout()
        years_label = QLabel("&Opbevaringsperiode:", retention_box)
        self.years_spin = QSpinBox(retention_box)
        self.years_spin.setObjectName("retention_years_spin")
        self.years_spin.setRange(1, 30)
        self.years_spin.setSuffix(" år efter fraflytning")
        years_label.setBuddy(self.years_spin)
        self.save_years_button = QPushButton("Gem &periode", retention_box)
        years_row.addWidget(years_label)
        years_row.addWidget(self.years_spin)
        years_row.addWidget(self.save_years_button)
        years_row.addStretch(1)
        rl.addLayout(years_row)
        self.candidates_label = WrappingLabel("", retention_box)
        self.candidates_label.setObjectName("candidates_label")
        rl.addWidget(self.candidates_label)
        self.table = QTableWidget(0, 4, retention_box)
        self.table.setObjectName("candidates_table")
        self.table.setHorizontalHeaderLabels(["Navn", "CPR-nummer", "Plejecenter", "Fraflyttet"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        rl.addWidget(self.table, 1)
        mode_row = QHBoxLayout()
        self.anonymise_radio = QRadioButton("&Anonymisér (tal og forløb bevares uden navn og CPR)", retention_box)
        self.anonymise_radio.setChecked(True)
        self.delete_radio = QRadioButton("S&let helt", retention_box)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.anonymise_radio)
        self.mode_group.addButton(self.delete_radio)
        mode_row.addWidget(self.anonymise_radio)
        mode_row.addWidget(self.delete_radio)
        mode_row.addStretch(1)
        rl.addLayout(mode_row)
        reason_row = QHBoxLayout()
        reason_label = QLabel("Be&grundelse:", retention_box)
        self.reason_edit = QLineEdit(retention_box)
        self.reason_edit.setObjectName("retention_reason_edit")
        self.reason_edit.setPlaceholderText("F.eks. Årlig sletning efter kommunens retningslinjer")
        reason_label.setBuddy(self.reason_edit)
        self.apply_button = QPushButton("Ud&før for de afkrydsede …", retention_box)
        self.apply_button.setObjectName("apply_retention_button")
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_edit, 1)
        reason_row.addWidget(self.apply_button)
        rl.addLayout(reason_row)
        self.retention_error = ErrorLabel(retention_box)
        rl.addWidget(self.retention_error)
        self.retention_label = WrappingLabel("", retention_box)
        self.retention_label.setObjectName("retention_label")
        rl.addWidget(self.retention_label)
        layout.addWidget(retention_box, 1)
        retention_box.setVisible(can_retention)
        if not can_retention:
            layout.addStretch(1)
        self.save_years_button.clicked.connect(self.save_years)
        self.apply_button.clicked.connect(self.apply_retention)
        if can_retention:
            self.refresh()
        plain_labels(self)  # user data is never read as markup

    # -- export -----------------------------------------------------------------------------------
    def export(self) -> None:
        """Export the chosen resident to JSON and PDF in a folder the user picks."""
        self.export_error.show_message(None)
        row = self.finder.chosen
        if row is None:
            self.export_error.show_message(text_for(DomainError("no_resident_chosen")))
            self.find_edit.setFocus()
            return
        folder = self._choose(self)
        if not folder:
            return
        try:
            result = self._privacy.export_resident(row.id)
            self.written = _write(Path(folder), result.filename_stem, result.json_text, result.pdf)
        except DomainError as err:
            self.export_error.show_message(text_for(err))
            return
        except OSError as exc:
            self.export_error.show_message(
                text_for(DomainError("file_unwritable", path=folder, reason=exc.strerror or str(exc)))
            )
            return
        json_path, pdf_path = self.written
        self.export_label.setText(f"Gemt: {json_path} og {pdf_path.name}")
        self.export_label.setVisible(True)

    # -- retention --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the retention period and the residents past it."""
        try:
            years = self._privacy.retention_years()
            candidates = self._privacy.retention_candidates()
        except DomainError as err:
            self.retention_error.show_message(text_for(err))
            return
        self.years_spin.setValue(years)
        self._show_candidates(candidates, years)

    def _show_candidates(self, candidates: list[RetentionCandidate], years: int) -> None:
        self.table.setRowCount(0)
        for c in candidates:
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = QTableWidgetItem(c.name)
            name.setData(ID_ROLE, c.id)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(r, COL_NAME, name)
            self.table.setItem(r, COL_CPR, QTableWidgetItem(c.cpr_masked))
            self.table.setItem(r, COL_HOME, QTableWidgetItem(c.care_home))
            self.table.setItem(r, COL_MOVE_OUT, QTableWidgetItem(format_date(c.move_out)))
        n = len(candidates)
        if n:
            self.candidates_label.setText(
                f"{format_number(n)} beboer{'' if n == 1 else 'e'} er fraflyttet for mere end {years} år siden. "
                "Sæt hak ved dem, der skal slettes eller anonymiseres."
            )
        else:
            self.candidates_label.setText(f"Ingen beboere er fraflyttet for mere end {years} år siden.")
        self.apply_button.setEnabled(bool(n))

    def set_checked(self, resident_ids: list[str]) -> None:
        """Tick exactly these residents (tests and screenshots, as a user would click)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, COL_NAME)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in resident_ids else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[str]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, COL_NAME)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ID_ROLE))
        return out

    def save_years(self) -> None:
        self.retention_error.show_message(None)
        try:
            self._privacy.set_retention_years(self.years_spin.value())
        except DomainError as err:
            self.retention_error.show_message(text_for(err))
            return
        self.refresh()

    def mode(self) -> str:
        return "delete" if self.delete_radio.isChecked() else "anonymise"

    def apply_retention(self, *, confirm: bool = True) -> None:
        """Delete or anonymise the ticked residents after one confirmation."""
        self.retention_error.show_message(None)
        ids = self.checked_ids()
        if not ids:
            self.retention_error.show_message(text_for(DomainError("nothing_chosen")))
            return
        verb = "slettes helt" if self.mode() == "delete" else "anonymiseres"
        if confirm:
            answer = QMessageBox.question(
                self, "Sletning efter opbevaringsperioden",
                f"{format_number(len(ids))} beboer{'' if len(ids) == 1 else 'e'} {verb}. "
                "Det kan ikke gøres om. Fortsæt?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            result = self._privacy.apply_retention(ids, self.mode(), self.reason_edit.text())
        except DomainError as err:
            self.retention_error.show_message(text_for(err))
            self.reason_edit.setFocus()
            return
        done = "slettet" if result.mode == "delete" else "anonymiseret"
        self.reason_edit.clear()
        self.refresh()
        self.retention_label.setText(
            f"{format_number(result.residents)} beboer{'' if result.residents == 1 else 'e'} er {done}. "
            f"{format_number(result.audit_entries_redacted)} hændelser i revisionsloggen har fået deres indhold "
            "fjernet; at sletningen skete, og hvorfor, står i loggen."
        )
