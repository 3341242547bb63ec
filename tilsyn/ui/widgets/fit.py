"""Keep a window tall enough for word-wrapped text that appeared after it was sized."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Grow ``window`` (never shrink it) to the height its layout needs at its current width.

    Qt sizes a window by its layout's minimum, which ignores height-for-width: a wrapped error
    message or help text could be squeezed to one cut-off line. Runs now and once more after
    pending layout requests, when the labels know their real widths.
    """

    def grow() -> None:
        layout = window.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), needed)

    grow()
    QTimer.singleShot(0, window, grow)
