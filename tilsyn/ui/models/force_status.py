"""Status colours and icons of monthly forms, shared by tables and screens.

Every workflow state (tilsyn.domain.form_workflow, carried on the DTOs as ``status``) has a
label (tilsyn.messages.form_status_label), a colour and a round icon, so a state reads the same
in the month overview, the inbox, the dashboard and the form. "overdue" is a mark beside the state
(for sent), drawn in its own red chip.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

# Background and text colours per status (light tints: readable in light and dark row colours).
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "none": ("#eeeeee", "#555555"),
    "draft": ("#e3eefc", "#1d4f91"),
    "awaiting_staff": ("#f3e5f5", "#6a1b7a"),
    "awaiting_leader": ("#fff3cd", "#7a5b00"),
    "ready_to_send": ("#e8f0d8", "#3d5a14"),
    "sent": ("#dff3f7", "#0b6375"),
    "processed": ("#dcf2e0", "#1e6b32"),
    "returned": ("#ffe5cc", "#8a4100"),
    "overdue": ("#fbe0df", "#a3221b"),
}
KIND_LABELS = {"monthly": "Månedsskema", "acute": "Akut / ikke-godkendt"}


def status_colors(status: str) -> tuple[QColor, QColor]:
    """(background, text) of a status."""
    bg, fg = STATUS_COLORS.get(status, ("#eeeeee", "#333333"))
    return QColor(bg), QColor(fg)


@lru_cache(maxsize=None)
def status_icon(status: str) -> QIcon:
    """A filled circle in the status's text colour: colour is never the only sign (the label is there too)."""
    _bg, fg = status_colors(status)
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    if status == "none":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(fg)
    p.drawEllipse(QRectF(2.5, 2.5, 11, 11))
    p.end()
    return QIcon(pix)
