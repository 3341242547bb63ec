"""Labels that wrap their text properly in form layouts; the red one shows refused input."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..errors import ERROR_STYLE


class WrappingLabel(QLabel):
    """A word-wrapped label whose size hint is the height its text needs at its real width.

    QLabel's own hint wraps at a narrow guessed width, so a form layout (which does not ask
    heightForWidth) reserves several lines for a one-line text, or cuts a long one.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._laid_out_width = 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.text():
            hint.setHeight(self._needed_height())
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.text():
            hint.setHeight(self._needed_height())
        return hint

    def _needed_height(self) -> int:
        if self._laid_out_width > 0:
            return self.heightForWidth(self._laid_out_width)
        # Not placed yet: claim one line per paragraph; the first resize corrects it upwards.
        # Guessing high instead would grow the window for good.
        margins = self.contentsMargins()
        lines = self.text().count("\n") + 1
        return self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and self.width() != self._laid_out_width:
            self._laid_out_width = self.width()
            self.updateGeometry()


class ErrorLabel(WrappingLabel):
    """Hidden until it has a message (red, under its field).

    tilsyn.ui.errors.show_field_errors fills and shows it; ``show_message`` does the same for
    one message (live checks).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_message(self, text: str | None) -> None:
        """Show ``text``, or hide the label when there is nothing to say."""
        self.setText(text or "")
        self.setVisible(bool(text))
