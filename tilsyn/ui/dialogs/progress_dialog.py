"""A window over a running ``workers.Worker``: what is being done, a bar, and "Annuller".

The dialog does not own the work: the caller starts the worker and handles ``done`` / ``failed``;
the dialog closes itself when either arrives. Cancelling asks the worker to stop (a
threading.Event) and waits for it, so the caller always learns how the work ended. When the work
says it is past its point of no return (``Worker.cancellable`` False), "Annuller" is disabled and
Esc or closing the window no longer cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..workers import Worker
from ..widgets.plain import plain_labels


class ProgressDialog(QDialog):
    """Window-modal progress for ``worker``; ``text`` says what runs ("Danner udtræk for …")."""

    def __init__(self, worker: Worker, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_dialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.worker = worker
        self.cancelled = False
        self.can_cancel = True
        self._ended = False

        self.text_label = QLabel(text, self)
        self.text_label.setObjectName("text_label")
        self.text_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.setFormat("%p %")  # Danish: a space before the sign, as messages.format_percent
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("detail_label")
        self.cancel_button = QPushButton("&Annuller", self)
        self.cancel_button.setObjectName("cancel_button")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

        self.cancel_button.clicked.connect(self.cancel)
        worker.progress.connect(self.set_progress)
        worker.cancellable.connect(self.set_cancellable)
        worker.done.connect(self._finished)
        worker.failed.connect(self._finished)

    def set_progress(self, percent: int, text: str = "") -> None:
        """Show ``percent`` (0–100) and a line of detail."""
        if self.cancelled:
            return
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(max(0, min(100, percent)))
        self.detail_label.setText(text)
        plain_labels(self)  # user data is never read as markup

    def set_cancellable(self, can: bool) -> None:
        """False: the work can no longer be stopped (it is saving); "Annuller" is disabled."""
        self.can_cancel = bool(can)
        if not self.cancelled:
            self.cancel_button.setEnabled(self.can_cancel)

    def cancel(self) -> None:
        """Ask the work to stop; the window stays until it has."""
        if self.cancelled or not self.can_cancel:
            return
        self.cancelled = True
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.detail_label.setText("Afbryder …")

    def reject(self) -> None:
        # Esc and the window's close button cancel; the window closes when the worker has ended.
        self.cancel()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._ended:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _finished(self, _result: object) -> None:
        self._ended = True
        self.done(QDialog.DialogCode.Accepted)
