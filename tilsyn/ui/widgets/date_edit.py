"""A date field that takes Danish dates (DD-MM-ÅÅÅÅ) and may be left empty."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from ... import messages
from ...domain.errors import DomainError

PLACEHOLDER = "DD-MM-ÅÅÅÅ"
# "01022024" typed without separators is common and unambiguous with a four-digit year.
_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


class DanishDateEdit(QLineEdit):
    """Free text in, ``datetime.date | None`` out.

    Unlike QDateEdit it can be empty (no move-out yet) and takes what people type: 1-2-2024,
    01.02.2024, 01022024. A readable date is rewritten as DD-MM-ÅÅÅÅ when the field is left.
    A small calendar button opens a month view for those who prefer to click.
    """

    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(PLACEHOLDER)
        self.setMaxLength(10)
        self.setClearButtonEnabled(False)
        self.editingFinished.connect(self._normalise)
        self._calendar_action = QAction(_calendar_icon(self.palette().text().color()), "Vælg dato i kalender", self)
        self._calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._popup: _CalendarPopup | None = None

    # -- value ------------------------------------------------------------------------------
    def date(self, field: str | None = None) -> dt.date | None:
        """The typed date, None when empty; raises DomainError ``date_format`` (for ``field``)."""
        return messages.parse_date(_expand(self.text()), field)

    def set_date(self, day: dt.date | None) -> None:
        self.setText(messages.format_date(day))

    def is_valid(self) -> bool:
        """True when the text is empty or a readable date."""
        try:
            self.date()
        except DomainError:
            return False
        return True

    def _normalise(self) -> None:
        try:
            day = self.date()
        except DomainError:  # left as typed for the user to correct; saving reports it
            return
        if day is not None:
            self.set_date(day)

    # -- calendar ---------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """Open a month view under the field; picking a day fills the field."""
        try:
            current = self.date()
        except DomainError:  # an unreadable text just starts the calendar at today
            current = None
        self._popup = _CalendarPopup(self)
        if current is not None:
            self._popup.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self._popup.calendar.clicked.connect(self._picked)
        self._popup.calendar.activated.connect(self._picked)
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._popup.calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        if self._popup is not None:
            self._popup.close()
        self.setFocus()
        self.date_picked.emit()


class _CalendarPopup(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        layout.addWidget(self.calendar)


def _expand(text: str) -> str:
    raw = (text or "").strip()
    m = _DIGITS_ONLY.match(raw)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else raw


def _calendar_icon(color: QColor) -> QIcon:
    """A drawn calendar glyph, so the field needs no icon file and follows the text colour."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 2.5)
    p.setPen(pen)
    p.drawRoundedRect(QRectF(4, 7, 24, 21), 3, 3)
    p.fillRect(QRectF(4, 7, 24, 6), color)
    p.drawLine(10, 3, 10, 9)
    p.drawLine(22, 3, 22, 9)
    for row in range(2):
        for col in range(3):
            p.fillRect(QRectF(8 + col * 6.5, 16 + row * 5.5, 3.5, 3), color)
    p.end()
    return QIcon(pix)
