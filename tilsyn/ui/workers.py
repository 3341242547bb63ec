"""Background work: a plain function run by a QObject worker moved to a QThread.

The function takes ``progress(percent, text)`` and ``is_cancelled()`` keyword callbacks and
knows nothing about Qt. ``progress(percent, text, cancellable=False)`` also says that the work
has passed its point of no return (a commit): a cancel is no longer offered. Results and errors
come back as signals, delivered on the GUI thread. An unexpected error is logged
(services.errorlog) before it is sent; show it with ``errors.error_text``, which names the log,
never with ``str(exc)``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..domain.errors import DomainError
from ..services import errorlog


class Worker(QObject):
    """Runs ``fn(*args, progress=..., is_cancelled=..., **kwargs)`` once, in its thread."""

    progress = Signal(int, str)
    cancellable = Signal(bool)  # False: past the point of no return, a cancel would change nothing
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        # An Event, not a queued slot: the worker's thread is busy and would never see a slot call.
        self._cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(
                *self._args, progress=self._report, is_cancelled=self._cancel.is_set, **self._kwargs
            )
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI as a signal
            if not isinstance(exc, DomainError):
                # Logged here, off the GUI thread and while the traceback is fresh; the view's
                # error_text() finds this incident on the exception and names its log file.
                try:
                    errorlog.record(exc, context=f"baggrundsopgave {getattr(self._fn, '__qualname__', '')}")
                except Exception:  # noqa: BLE001 - logging must not keep the failure from the GUI
                    pass
            self.failed.emit(exc)
        else:
            self.done.emit(result)

    def cancel(self) -> None:
        """Ask the function to stop at its next ``is_cancelled()`` check."""
        self._cancel.set()

    def _report(self, percent: int, text: str = "", *, cancellable: bool | None = None) -> None:
        if cancellable is not None:  # before the text, so the window never offers a dead cancel
            self.cancellable.emit(bool(cancellable))
        self.progress.emit(int(percent), text)


def start(worker: Worker) -> QThread:
    """Move ``worker`` to a new thread and run it; the thread quits when the worker ends.

    Keep a reference to both until ``done`` or ``failed`` arrives.
    """
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe and must not wait in the GUI queue behind slots that wait()
    # for this thread to end.
    worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
