"""Show domain errors in Danish: inline under form fields, or in a message box.

The wording comes from tilsyn.messages; this module only decides where it goes.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from .. import messages
from ..domain.errors import DomainError, ValidationError
from ..services import errorlog

ERROR_STYLE = "color: #b3261e;"


def error_text(exc: BaseException) -> str:
    """The Danish sentence for ``exc``. An unexpected error is logged (without SQL parameters or
    CPR numbers) and told as "Der opstod en uventet fejl. Detaljerne er gemt i …", never by its str."""
    if isinstance(exc, DomainError):
        return messages.text_for(exc)
    return messages.text_for(errorlog.as_domain_error(exc))


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
    from .widgets.plain import message_box  # here: the widgets package imports this module

    message_box(parent, QMessageBox.Icon.Warning, title, error_text(exc))


def database_error_text(exc: BaseException) -> str:
    """Why the database could not be opened, in Danish (a newer schema, a broken file, no server)."""
    if isinstance(exc, DomainError):
        return messages.text_for(exc)
    if errorlog.is_database_busy(exc):
        return messages.text_for(DomainError("database_busy"))
    # The first line only: SQLAlchemy puts the statement and its parameters on the lines after it.
    reason = errorlog.redact(_first_line(exc))
    return messages.text_for(DomainError("database_unreadable", reason=reason))


def _first_line(exc: BaseException) -> str:
    errorlog.hide_parameters(exc)
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Reporter(QObject):
    """Carries an uncaught error's text to the GUI thread, which shows it in a message box."""

    report = Signal(str)


class ExceptHook:
    """sys.excepthook and threading.excepthook for the desktop app: an uncaught exception is
    logged (errorlog) and shown as a Danish message box, never as a traceback on stderr."""

    def __init__(self, title: str = "Tilsyn") -> None:
        self.title = title
        self._reporter = _Reporter()
        self._reporter.report.connect(self._show)
        self._showing = False
        self._previous = None
        self._previous_threading = None

    def install(self) -> "ExceptHook":
        self._previous, sys.excepthook = sys.excepthook, self.hook
        self._previous_threading, threading.excepthook = threading.excepthook, self._thread_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.hook:
            sys.excepthook = self._previous or sys.__excepthook__
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_threading or threading.__excepthook__

    def hook(self, exc_type, exc, tb) -> None:
        if exc is None or issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        try:
            text = error_text(exc)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            text = "Der opstod en uventet fejl."
        # Emitted, not shown: the hook may run in a worker thread; the box opens in the GUI thread.
        self._reporter.report.emit(text)

    def _thread_hook(self, args) -> None:
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, text: str) -> None:
        if self._showing:  # an error while the box is open: logged, but one box at a time
            return
        self._showing = True
        try:
            from .widgets.plain import message_box

            message_box(QApplication.activeWindow(), QMessageBox.Icon.Critical, self.title, text)
        finally:
            self._showing = False
