"""Ask for the passphrase of an encrypted database at start (SQLCipher), in Danish.

"Åbn" tries it, Esc or "Afslut" quits. A wrong passphrase comes back with the message above
the field; the caller keeps asking until it opens or the user gives up.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..widgets import ErrorLabel, WrappingLabel
from ..widgets.plain import plain_labels


class PassphraseDialog(QDialog):
    """``problem`` (e.g. the wrong-passphrase text) is shown in red above the field."""

    def __init__(self, problem: str = "", database: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle("Tilsyn: krypteret database")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.intro_label = WrappingLabel("Databasen er krypteret. Skriv adgangskoden til databasen.", self)
        layout.addWidget(self.intro_label)
        if database:
            place = QLabel(f"Database: {database}", self)
            place.setWordWrap(True)
            place.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(place)
        self.error_label = ErrorLabel(self)
        self.error_label.setObjectName("passphrase_error_label")
        self.error_label.show_message(problem or None)
        layout.addWidget(self.error_label)
        grid = QGridLayout()
        label = QLabel("&Adgangskode:", self)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(self.passphrase_edit)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.passphrase_edit, 0, 1)
        layout.addLayout(grid)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton("Å&bn", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.quit_button = self.buttons.addButton("Afs&lut", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.passphrase_edit.setFocus()
        plain_labels(self)  # user data is never read as markup

    def passphrase(self) -> str:
        return self.passphrase_edit.text()


def ask_passphrase(problem: str = "", database: str = "") -> str | None:
    """A modal prompt; the typed passphrase, or None when the user quits (Esc, Afslut)."""
    dialog = PassphraseDialog(problem, database)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
