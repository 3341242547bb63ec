"""What the use-of-force screens share: status chips, signature lines, titles, short texts."""

from __future__ import annotations

from ... import messages
from ...services.force_dto import FormDTO, FormSummary
from ...services.signatures import SignatureDTO
from ..models.force_status import KIND_LABELS, STATUS_COLORS, status_colors, status_icon

__all__ = ["KIND_LABELS", "SECTION_NAMES", "STATUS_COLORS", "status_colors", "status_icon", "status_chip_style",
           "signature_text", "must_sign_text", "form_title", "count_text"]

SECTION_NAMES = {2: "Oplysninger om magtanvendelser", 3: "Nærmeste leders vurdering", 4: "Myndighedens sagsbehandling"}


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
