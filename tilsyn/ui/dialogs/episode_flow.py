"""The registration dialog's steps around the service's answer (issue 12, points 1, 2 and 5).

* A registration that would change a form the municipality has is refused by the service with
  ``form_reopen_needs_reason``: ``reopen_or_request`` asks the question (which sections must be
  signed again, that the municipality sees the form as reopened) and registers with the reason.
* Staff on a month the leader has signed get ``month_closed``: the episode is kept in a request to
  the leader with the staff member's reason (``ForceService.request_reopen``).
* After a registration the success step offers »Underskriv afsnit 2 nu« (``offer_signing``).

The questions go through this module (``ask_sign_now``) and ``sign_dialog`` so tests can answer them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import messages
from ...domain.errors import DomainError
from ...domain.force import COPENHAGEN
from ...services.force_dto import RegistrationResult
from . import sign_dialog as prompts


def reopen_or_request(parent: QWidget, force, data, exc: DomainError, resident_name: str):
    """The result after asking, or None when the user declined. Raises ``exc`` if it is neither."""
    local = data.started_at.astimezone(COPENHAGEN)
    title = f"Månedsskemaet for {resident_name}, {messages.month_label(local.year, local.month)}"
    if exc.code == "form_reopen_needs_reason":
        reason = prompts.ask_reason(parent, "Genåbn skemaet", messages.reopen_question(exc.params, title),
                                    "&Genåbn og registrér")
        if reason is None:
            return None
        return force.register_episode(data, reopen_reason=reason)
    if exc.code == "month_closed" and exc.params.get("can_request"):
        reason = prompts.ask_reason(
            parent, "Bed lederen om at genåbne skemaet",
            f"Lederen har underskrevet {title[0].lower() + title[1:]}, så du kan ikke selv sætte "
            "magtanvendelsen på. Den gemmes i en anmodning til lederen, som genåbner skemaet og tilføjer "
            "den, eller svarer med en begrundelse. Intet går tabt.\n\nSkriv hvorfor magtanvendelsen "
            "registreres nu (lederen ser begrundelsen):", "&Send anmodningen")
        if reason is None:
            return None
        return force.request_reopen(data, reason)
    raise exc


def ask_sign_now(parent: QWidget, text: str) -> bool:
    """The success step: sign section 2 now (default) or later."""
    box = QMessageBox(QMessageBox.Icon.Information, "Magtanvendelsen er registreret", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    now = box.addButton("Underskriv afsnit &2 nu", QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton("&Senere", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.setEscapeButton(later)
    box.exec()
    return box.clickedButton() is now


def offer_signing(parent: QWidget, force, result: RegistrationResult, text: str) -> str:
    """Offer to sign section 2 at once when the user may; returns the status text afterwards."""
    if not isinstance(result, RegistrationResult) or not result.may_sign_episodes:
        return text
    question = text + "\n\nAfsnit 2 skal underskrives, før lederen kan vurdere måneden."
    if not ask_sign_now(parent, question):
        return text + " Afsnit 2 mangler din underskrift."
    user = force.ctx.user
    try:
        signed = prompts.ask_signature(
            parent, "Underskriv afsnit 2",
            f"Du underskriver afsnit 2 (Oplysninger om magtanvendelser) som {user.label if user else ''}. "
            "Skriv din adgangskode igen for at underskrive.",
            lambda password: force.sign_section(result.form_id, 2, password))
    except DomainError as exc:
        return text + " Afsnit 2 er ikke underskrevet: " + messages.text_for(exc)
    if signed is None:
        return text + " Afsnit 2 mangler din underskrift."
    return _without_sign_again(text) + " Afsnit 2 er underskrevet."


def _without_sign_again(text: str) -> str:
    """The registration text without »Afsnit 2 skal underskrives igen.« once it has been signed."""
    for part in (" Afsnit 2 skal underskrives igen.",):
        text = text.replace(part, "")
    return text.replace("Afsnit 2, 3 skal underskrives igen.", "Afsnit 3 skal underskrives igen.").replace(
        "Afsnit 2, 3, 4 skal underskrives igen.", "Afsnit 3, 4 skal underskrives igen.")


def request_text(resident_name: str) -> str:
    return (f"Magtanvendelsen over for {resident_name} er gemt i en anmodning til lederen om at genåbne "
            "månedsskemaet. Lederen ser den på sit overblik.")
