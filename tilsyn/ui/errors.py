"""Show domain errors in Danish: inline under form fields, or in a message box.

The wording comes from tilsyn.messages; this module only decides where it goes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from .. import messages
from ..domain.errors import DomainError, ValidationError

ERROR_STYLE = "color: #b3261e;"


def error_text(exc: BaseException) -> str:
    """The Danish sentence for ``exc``; an unexpected error gets a generic Danish sentence."""
    if isinstance(exc, DomainError):
        return messages.text_for(exc)
    return f"Der opstod en uventet fejl: {exc}"


def field_texts(err: DomainError) -> dict[str, str]:
    """Field name -> Danish text, the first fault per field ("" holds faults without a field)."""
    if isinstance(err, ValidationError):
        return {name: messages.text_for(e) for name, e in err.by_field().items()}
    return {err.field or "": messages.text_for(err)}


def clear_field_errors(labels: Mapping[str, QLabel]) -> None:
    """Empty and hide every error label of a form."""
    for label in labels.values():
        label.clear()
        label.setVisible(False)


def show_field_errors(err: DomainError, labels: Mapping[str, QLabel], general: QLabel | None = None) -> list[str]:
    """Put each fault under its field; faults without a label go to ``general``.

    Returns the fields that got a message, in the order of ``labels`` (the first is focused).
    """
    clear_field_errors(labels)
    rest: list[str] = []
    shown: list[str] = []
    texts = field_texts(err)
    for name, text in texts.items():
        label = labels.get(name)
        if label is None:
            rest.append(text)
            continue
        label.setText(text)
        label.setVisible(True)
    shown = [name for name in labels if name in texts]
    if general is not None:
        general.setText("\n".join(rest))
        general.setVisible(bool(rest))
    return shown


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Tilsyn") -> None:
    """A modal warning with the Danish text of ``exc``."""
    QMessageBox.warning(parent, title, error_text(exc))


def database_error_text(exc: BaseException) -> str:
    """Why the database could not be opened, in Danish (a newer schema, a broken file, no server)."""
    if isinstance(exc, DomainError):
        return messages.text_for(exc)
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return messages.text_for(DomainError("database_unreadable", reason=reason))
