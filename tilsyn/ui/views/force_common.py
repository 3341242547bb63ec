"""What the use-of-force screens share: status colours and icons, signature lines, short texts.

Every status has a label (tilsyn.messages.form_status_label), a colour and a round icon, so a
status reads the same in the month overview, the inbox, the dashboard and the form.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ... import messages
from ...services.force_dto import FormDTO, FormSummary
from ...services.signatures import SignatureDTO

# Background and text colours per status (light tints: readable in light and dark row colours).
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "none": ("#eeeeee", "#555555"),
    "draft": ("#e3eefc", "#1d4f91"),
    "awaiting_leader": ("#fff3cd", "#7a5b00"),
    "sent": ("#dff3f7", "#0b6375"),
    "processed": ("#dcf2e0", "#1e6b32"),
    "returned": ("#ffe5cc", "#8a4100"),
    "overdue": ("#fbe0df", "#a3221b"),
}
SECTION_NAMES = {2: "Oplysninger om magtanvendelser", 3: "Nærmeste leders vurdering", 4: "Myndighedens sagsbehandling"}
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


def status_chip_style(status: str) -> str:
    bg, fg = STATUS_COLORS.get(status, ("#eeeeee", "#333333"))
    return (f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 9px; "
            "padding: 2px 10px; font-weight: 600; }")


def signature_text(sig: SignatureDTO | None) -> str:
    """'Underskrevet af Pia Jensen (Medarbejder) 20-03-2026 kl. 10.00 · kontrolsum 1a2b3c4d5e6f'."""
    if sig is None:
        return "Ikke underskrevet"
    return (f"Underskrevet af {sig.signer} ({sig.role_label}) {messages.format_moment(sig.signed_at)}"
            f" · kontrolsum {sig.short_hash}")


def must_sign_text(form: FormDTO) -> str:
    """'Skal underskrives igen af: afsnit 2 Pia Jensen (Medarbejder); …' or ''."""
    if not form.must_sign_again:
        return ""
    parts = [f"afsnit {s.section} {s.signer} ({s.role_label})" for s in form.must_sign_again]
    reasons = {s.void_reason for s in form.must_sign_again if s.void_reason}
    text = "Skal underskrives igen af: " + "; ".join(parts) + "."
    if reasons:
        text += " Begrundelse: " + " / ".join(sorted(reasons))
    return text


def form_title(form: FormDTO | FormSummary) -> str:
    month = messages.month_label(form.year, form.month)
    if form.kind == "acute":
        return f"Akut / ikke-godkendt magtanvendelse – {form.resident_name}, {month}"
    return f"Månedsskema for {form.resident_name}, {month}"


def count_text(n: int, one: str, many: str) -> str:
    """'1 beboer', '2 beboere' with Danish thousands separators."""
    return f"{messages.format_number(n)} {one if n == 1 else many}"
