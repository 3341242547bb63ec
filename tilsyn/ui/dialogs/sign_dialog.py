"""Signing with the password typed again, and the short texts a signed form asks for.

``ask_signature``, ``ask_reason`` and ``ask_comment`` are the functions the screens call (through
this module, so tests can answer them without a modal dialog).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ... import messages
from ...domain.errors import DomainError
from ..forms.ui_reason_dialog import Ui_ReasonDialog
from ..forms.ui_sign_dialog import Ui_SignDialog
from ..widgets import grow_to_fit
from ..widgets.plain import plain_labels


# Refusals about the password stay in the dialog; anything else (an incomplete section, the
# signing order) closes it and goes back to the screen, which shows it under the fields.
PASSWORD_CODES = frozenset({"login_failed", "login_throttled"})


class SignDialog(QDialog):
    """Type the password; ``sign(password)`` is called on Underskriv and its result kept in ``result``.

    A wrong password is said under the field and the dialog stays open; any other refusal closes
    the dialog and is kept in ``error``.
    """

    def __init__(self, heading: str, text: str, sign: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._sign = sign
        self.result: Any = None
        self.error: DomainError | None = None
        self.setWindowTitle(heading)
        self.ui.heading_label.setText(heading)
        self.ui.text_label.setText(text)
        self.ui.sign_button.clicked.connect(self.accept)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.password_edit.setFocus()
        grow_to_fit(self)

    def accept(self) -> None:
        self.ui.error_label.show_message(None)
        try:
            self.result = self._sign(self.ui.password_edit.text())
        except DomainError as exc:
            if exc.code not in PASSWORD_CODES:
                self.error = exc
                self.reject()
                return
            # The signer is logged in: only the password can be wrong, no user name was typed.
            if exc.code == "login_failed":
                exc = DomainError("wrong_password")
            self.ui.error_label.show_message(messages.text_for(exc))
            self.ui.password_edit.clear()
            self.ui.password_edit.setFocus()
            grow_to_fit(self)
            return
        super().accept()


class ReasonDialog(QDialog):
    """A required short text: the reason for editing a signed section, or a comment for sending back."""

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None,
                 required_code: str = "reason_required") -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._required_code = required_code
        self.setWindowTitle(title)
        self.ui.prompt_label.setText(prompt)
        self.ui.ok_button.setText(ok_text)
        self.ui.ok_button.clicked.connect(self.accept)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.text_edit.setFocus()
        grow_to_fit(self)

    def text(self) -> str:
        return self.ui.text_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.ui.error_label.show_message(messages.text_for(DomainError(self._required_code)))
            self.ui.text_edit.setFocus()
            return
        super().accept()


def ask_signature(parent: QWidget | None, heading: str, text: str, sign: Callable[[str], Any]) -> Any:
    """Ask for the password and sign; the result of ``sign``, or None when cancelled.

    A refusal other than a wrong password is raised for the screen to show."""
    dialog = SignDialog(heading, text, sign, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result
    if dialog.error is not None:
        raise dialog.error
    return None


def ask_confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """A yes/no question whose default answer is no."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text names residents: never markup
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Annuller", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def ask_reason(parent: QWidget | None, title: str, prompt: str, ok_text: str = "&Gem") -> str | None:
    """The reason for changing signed content (kept in the audit log), or None when cancelled."""
    dialog = ReasonDialog(title, prompt, ok_text, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_comment(parent: QWidget | None, title: str, prompt: str, ok_text: str) -> str | None:
    """The caseworker's comment when sending a form back, or None when cancelled."""
    dialog = ReasonDialog(title, prompt, ok_text, parent, required_code="comment_required")
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
