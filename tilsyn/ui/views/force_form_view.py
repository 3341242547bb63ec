"""One monthly form (or acute record) on screen: the four sections, their signatures, and the
buttons the user's role may use in the form's state.

Section 1 shows the full CPR number (the form needs it). Section 2 shows all the month's
episodes together. The leader fills section 3 and signs it with the password, then sends the
form; the caseworker fills section 4 and signs it (processed) or sends the form back with a
comment. Editing a signed section asks for the reason and shows who must sign again.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain.errors import DomainError, ValidationError
from ...domain.force import AuthorityInput, LeaderInput
from ...domain.form_workflow import FormAction
from ...services.exports import ExportService
from ...services.force import ForceService
from ...services.force_dto import EpisodeDTO, FormDTO
from ...services.residents import ResidentService
from ..dialogs import sign_dialog as prompts
from ..dialogs.episode_dialog import EpisodeDialog
from ..dialogs.pdf_preview import preview_pdf
from ..errors import clear_field_errors, show_error, show_field_errors
from ..forms.ui_form_view import Ui_FormView
from ..widgets.plain import plain_labels
from .force_common import SECTION_NAMES, form_title, must_sign_text, signature_text, status_chip_style

LEADER_TEXTS = ("necessity", "reflection", "action_plan_updated", "discussed_when", "discussion_plans", "other",
                "leader_name")
AUTHORITY_TEXTS = ("followup_remarks", "processed_by_name", "processed_by_position", "processed_by_municipality")
YES_NO = ("discussed_in_staff_group", "action_plan_exists", "residence_municipality_informed",
          "acting_municipality_informed")
MISMATCH_STYLE = ("QLabel { color: #8b0000; background: #f8d7d7; border: 1px solid #c0392b; border-radius: 3px; "
                  "padding: 4px 6px; font-weight: bold; }")
EPISODE_ROWS = ("location", "purpose", "description", "avoidance", "least_intrusive", "narrative")


class ForceFormView(QWidget):
    """``changed`` is emitted with the form id after anything was saved, signed or sent."""

    changed = Signal(str)
    message = Signal(str)

    def __init__(self, force: ForceService, residents: ResidentService, form_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FormView()
        self.ui.setupUi(self)
        # User data is never read as markup; the permits are a table built with escape().
        plain_labels(self, self.ui.permits_value)
        self._force = force
        self._residents = residents
        self.form_id = form_id
        self.form: FormDTO | None = None
        self.episode_dialog: EpisodeDialog | None = None
        ui = self.ui
        self._groups: dict[str, QButtonGroup] = {}
        for name in YES_NO:
            group = QButtonGroup(self)
            group.addButton(getattr(ui, f"{name}_yes_radio"))
            group.addButton(getattr(ui, f"{name}_no_radio"))
            self._groups[name] = group
        self.error_labels = {
            name: getattr(ui, f"{name}_error_label")
            for name in ("necessity", "reflection", "action_plan_updated", "discussed_in_staff_group",
                         "discussed_when", "discussion_plans", "action_plan_exists", "other", "leader_name",
                         "assessed_on", "followup_remarks", "residence_municipality_informed",
                         "acting_municipality_informed", "processed_by_name", "processed_by_position",
                         "processed_by_municipality", "processed_on")
        }
        ui.episodes_browser.anchorClicked.connect(self._link_clicked)
        # The episodes grow with their text: one scroll bar for the whole form reads better than two.
        ui.episodes_browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.episodes_browser.viewport().installEventFilter(self)
        ui.sign2_button.clicked.connect(self.sign_episodes)
        ui.save3_button.clicked.connect(self.save_leader)
        ui.sign3_button.clicked.connect(self.sign_leader)
        ui.send_button.clicked.connect(self.send)
        ui.save4_button.clicked.connect(self.save_authority)
        ui.sign4_button.clicked.connect(self.sign_authority)
        ui.send_back_button.clicked.connect(self.send_back)
        self._build_workflow_widgets()
        self.reload()

    def _build_workflow_widgets(self) -> None:
        """Issue 12: the marks beside the state chip (for sent, genåbnet, …), the staff's requests
        to reopen with the leader's answer buttons, and the leader's Genåbn button."""
        ui = self.ui
        self.mark_label = QLabel(self)
        self.mark_label.setObjectName("mark_label")
        self.mark_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_label.setStyleSheet(status_chip_style("overdue"))
        ui.title_layout.insertWidget(ui.title_layout.indexOf(ui.status_label) + 1, self.mark_label)
        self.requests_box = QWidget(self)
        self.requests_box.setObjectName("requests_box")
        box = QVBoxLayout(self.requests_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.requests_label = QLabel(self.requests_box)
        self.requests_label.setObjectName("requests_label")
        self.requests_label.setTextFormat(Qt.TextFormat.PlainText)
        self.requests_label.setWordWrap(True)
        self.requests_label.setStyleSheet(ui.returned_label.styleSheet())
        box.addWidget(self.requests_label)
        row = QHBoxLayout()
        self.accept_request_button = QPushButton("&Genåbn og tilføj magtanvendelsen", self.requests_box)
        self.accept_request_button.setObjectName("accept_request_button")
        self.refuse_request_button = QPushButton("&Afvis anmodningen …", self.requests_box)
        self.refuse_request_button.setObjectName("refuse_request_button")
        for b in (self.accept_request_button, self.refuse_request_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        ui.main_layout.insertWidget(ui.main_layout.indexOf(ui.must_sign_label) + 1, self.requests_box)
        self.accept_request_button.clicked.connect(self.accept_request)
        self.refuse_request_button.clicked.connect(self.refuse_request)
        self.reopen_button = QPushButton("Gen&åbn skemaet …", ui.section3_group)
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.setAutoDefault(False)
        self.reopen_button.setToolTip("Tag skemaet tilbage fra myndigheden for at rette det. Kommunen ser det "
                                      "som genåbnet med din begrundelse.")
        ui.signature3_layout.addWidget(self.reopen_button)
        self.reopen_button.clicked.connect(self.reopen)

    # -- showing ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the form again from the service."""
        try:
            form = self._force.get_form(self.form_id)
        except DomainError as exc:
            self.ui.form_error_label.show_message(messages.text_for(exc))
            self.setEnabled(bool(self.form))
            return
        self.show_form(form)

    def show_form(self, form: FormDTO) -> None:
        """Fill every section from ``form`` and show the buttons the user may use now."""
        self.form = form
        ui = self.ui
        ui.title_label.setText(form_title(form))
        # The state comes from the domain on the DTO; the marks stand beside it.
        ui.status_label.setText(messages.form_status_label(form.status))
        ui.status_label.setStyleSheet(status_chip_style(form.status))
        marks = [messages.FORM_MARK_LABELS[m] for m in messages.MARK_ORDER if m in form.marks]
        self.mark_label.setText(" · ".join(m[:1].upper() + m[1:] for m in marks))
        self.mark_label.setVisible(bool(marks))
        ui.meta_label.setText(_meta(form))
        banner = []
        if form.returned_at is not None and form.sent_at is None:
            # Shown whatever the state (also on an overdue form, and when section 2 is voided too).
            banner.append(f"Sendt tilbage af myndigheden {messages.format_moment(form.returned_at)}: "
                          f"»{form.return_comment}«")
        if form.reopened_at is not None and form.sent_at is None:
            banner.append(f"Genåbnet {messages.format_moment(form.reopened_at)}, efter at skemaet var sendt til "
                          f"myndigheden: »{form.reopen_reason}«. Kommunen ser skemaet som genåbnet.")
        ui.returned_label.setText("\n".join(banner))
        ui.returned_label.setVisible(bool(banner))
        self._show_requests(form)
        must = must_sign_text(form)
        ui.must_sign_label.setText(must)
        ui.must_sign_label.setVisible(bool(must))
        self._show_section1(form)
        self._show_episodes(form)
        self._show_leader(form)
        self._show_authority(form)
        for n in (2, 3, 4):
            label = getattr(ui, f"signature{n}_label")
            again = [s for s in form.must_sign_again if s.section == n]
            text = signature_text(form.signature(n))
            if again and form.signature(n) is None:
                text += f" – skal underskrives igen af {again[0].signer} ({again[0].role_label})"
            state = form.section_state(n)
            if state.mismatch:
                # Signed once, but the content has changed since: never shown as signed.
                text = f"{messages.mismatch_text(state.fields)} {text.replace('Underskrevet af', 'Underskrevet før af')}"
            label.setText(text)
            if label.property("base_style") is None:
                label.setProperty("base_style", label.styleSheet())
            label.setStyleSheet(MISMATCH_STYLE if state.mismatch else label.property("base_style"))
        self._apply_rights(form)

    def _show_section1(self, form: FormDTO) -> None:
        s = self.ui
        one = form.section1
        s.cpr_value.setText(one.cpr)
        s.name_value.setText(one.name)
        place = " ".join(p for p in (one.postal_code, one.city) if p)
        s.address_value.setText(", ".join(p for p in (one.address, place) if p) or "–")
        s.center_value.setText(" / ".join(p for p in (one.care_home, one.unit) if p))
        s.acting_value.setText(one.acting_municipality or "–")
        s.residence_value.setText(one.residence_municipality or "–")
        s.contact_value.setText(one.contact_person or "–")
        if not one.permits:
            s.permits_value.setText("Ingen afgørelse om tilladelse dækker måneden.")
            return
        head = ("Type af magtanvendelse der er givet tilladelse til", "Forudsætninger for magtanvendelsen",
                "Periode for tilladelse")
        rows = "".join(
            "<tr>"
            f"<td>{'<br>'.join(escape(t) for t in p.force_type_labels)}</td>"
            f"<td>{escape(p.prerequisites) or '–'}</td>"
            f"<td>{messages.format_date(p.valid_from)} – {messages.format_date(p.valid_to)}</td>"
            "</tr>"
            for p in one.permits
        )
        s.permits_value.setText(
            "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse;' width='100%'>"
            "<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in head) + "</tr>" + rows + "</table>")

    def _show_episodes(self, form: FormDTO) -> None:
        ui = self.ui
        ui.month_value.setText(f"Magtanvendelser for: {messages.month_label(form.year, form.month)}")
        acute = form.kind == "acute"
        ui.not_covered_value.setVisible(acute)
        if acute:
            reason = messages.NOT_COVERED_TEXTS.get(form.not_covered_reason, form.not_covered_reason)
            ui.not_covered_value.setText(f"Registreret som akut / ikke-godkendt magtanvendelse: {reason}")
        can_edit = form.may(FormAction.EDIT_EPISODES)
        ui.episodes_browser.setHtml(episodes_html(form.episodes, can_edit))
        self._fit_episodes()

    def _fit_episodes(self) -> None:
        browser = self.ui.episodes_browser
        doc = browser.document()
        doc.setTextWidth(browser.viewport().width())
        browser.setFixedHeight(max(int(doc.size().height()) + 2 * browser.frameWidth() + 4, 48))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.episodes_browser.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_episodes()
        return super().eventFilter(watched, event)

    def _show_leader(self, form: FormDTO) -> None:
        ui = self.ui
        d = form.leader
        for name in LEADER_TEXTS:
            _set_text(getattr(ui, f"{name}_edit"), getattr(d, name))
        ui.assessed_on_edit.set_date(d.assessed_on)
        self._set_yes_no("discussed_in_staff_group", d.discussed_in_staff_group)
        self._set_yes_no("action_plan_exists", d.action_plan_exists)
        # An empty section starts with the leader's own name and today's date.
        if form.may(FormAction.EDIT_LEADER) and form.signature(3) is None:
            user = self._force.ctx.user
            if not d.leader_name and user is not None:
                ui.leader_name_edit.setText(user.full_name)
            if d.assessed_on is None:
                ui.assessed_on_edit.set_date(self._force.now_local().date())

    def _show_authority(self, form: FormDTO) -> None:
        ui = self.ui
        d = form.authority
        for name in AUTHORITY_TEXTS:
            _set_text(getattr(ui, f"{name}_edit"), getattr(d, name))
        ui.processed_on_edit.set_date(d.processed_on)
        self._set_yes_no("residence_municipality_informed", d.residence_municipality_informed)
        self._set_yes_no("acting_municipality_informed", d.acting_municipality_informed)
        if form.may(FormAction.EDIT_AUTHORITY) and form.signature(4) is None:
            user = self._force.ctx.user
            if not d.processed_by_name and user is not None:
                ui.processed_by_name_edit.setText(user.full_name)
            if d.processed_on is None:
                ui.processed_on_edit.set_date(self._force.now_local().date())

    def _apply_rights(self, form: FormDTO) -> None:
        """Show the actions the domain allows this user now (``form.allowed``); nothing is
        derived here. A leader waiting for section 2 sees the sign button disabled with why."""
        ui = self.ui
        may = form.may
        sent = form.sent_at is not None
        signed = {s.section for s in form.signatures}

        ui.sign2_button.setVisible(may(FormAction.SIGN_EPISODES))
        ui.sign2_button.setEnabled(may(FormAction.SIGN_EPISODES))

        leader_open = may(FormAction.EDIT_LEADER)
        self._set_section_editable(LEADER_TEXTS, ("assessed_on",), ("discussed_in_staff_group", "action_plan_exists"),
                                   leader_open)
        ui.save3_button.setVisible(leader_open)
        ui.sign3_button.setVisible(leader_open and 3 not in signed)
        ui.sign3_button.setEnabled(may(FormAction.SIGN_LEADER))
        ui.sign3_button.setToolTip("" if may(FormAction.SIGN_LEADER) else
                                   "Afsnit 2 skal underskrives af personalet først.")
        ui.send_button.setVisible(leader_open)
        ui.send_button.setEnabled(may(FormAction.SEND))
        self.reopen_button.setVisible(may(FormAction.REOPEN))

        authority_open = may(FormAction.EDIT_AUTHORITY)
        self._set_section_editable(AUTHORITY_TEXTS, ("processed_on",),
                                   ("residence_municipality_informed", "acting_municipality_informed"),
                                   authority_open)
        ui.save4_button.setVisible(authority_open)
        ui.sign4_button.setVisible(may(FormAction.PROCESS))
        ui.send_back_button.setVisible(may(FormAction.SEND_BACK))
        deciding = may(FormAction.DECIDE_REOPEN)
        self.accept_request_button.setVisible(deciding)
        self.refuse_request_button.setVisible(deciding)
        # The authority's section is empty and not editable before the form is sent: say so.
        ui.section4_note_label.setText(
            "Udfyldes af sagsbehandler for magtanvendelse"
            + ("" if sent or 4 in signed else " (når lederen har sendt skemaet)"))

    def _set_section_editable(self, texts, dates, yes_no, editable: bool) -> None:
        ui = self.ui
        for name in texts:
            getattr(ui, f"{name}_edit").setReadOnly(not editable)
        for name in dates:
            getattr(ui, f"{name}_edit").setReadOnly(not editable)
        for name in yes_no:
            for suffix in ("yes", "no"):
                getattr(ui, f"{name}_{suffix}_radio").setEnabled(editable)

    def _set_yes_no(self, name: str, value: bool | None) -> None:
        group = self._groups[name]
        group.setExclusive(False)
        getattr(self.ui, f"{name}_yes_radio").setChecked(value is True)
        getattr(self.ui, f"{name}_no_radio").setChecked(value is False)
        group.setExclusive(True)

    def _yes_no(self, name: str) -> bool | None:
        if getattr(self.ui, f"{name}_yes_radio").isChecked():
            return True
        if getattr(self.ui, f"{name}_no_radio").isChecked():
            return False
        return None

    # -- reading ---------------------------------------------------------------------------------
    def leader_input(self) -> LeaderInput:
        """Section 3 as typed; raises ValidationError for an unreadable date."""
        ui = self.ui
        try:
            assessed = ui.assessed_on_edit.date("assessed_on")
        except DomainError as exc:
            raise ValidationError([exc]) from None
        values = {name: _text(getattr(ui, f"{name}_edit")) for name in LEADER_TEXTS}
        return LeaderInput(**values, discussed_in_staff_group=self._yes_no("discussed_in_staff_group"),
                           action_plan_exists=self._yes_no("action_plan_exists"), assessed_on=assessed)

    def authority_input(self) -> AuthorityInput:
        """Section 4 as typed; raises ValidationError for an unreadable date."""
        ui = self.ui
        try:
            processed = ui.processed_on_edit.date("processed_on")
        except DomainError as exc:
            raise ValidationError([exc]) from None
        values = {name: _text(getattr(ui, f"{name}_edit")) for name in AUTHORITY_TEXTS}
        return AuthorityInput(**values,
                              residence_municipality_informed=self._yes_no("residence_municipality_informed"),
                              acting_municipality_informed=self._yes_no("acting_municipality_informed"),
                              processed_on=processed)

    # -- actions -----------------------------------------------------------------------------------
    def save_leader(self) -> bool:
        """Gem afsnit 3 (asks for a reason when the section is signed)."""
        return self._save(3, "Afsnit 3 er gemt.")

    def save_authority(self) -> bool:
        """Gem afsnit 4 (asks for a reason when the section is signed)."""
        return self._save(4, "Afsnit 4 er gemt.")

    def _save(self, section: int, done_text: str) -> bool:
        save = self._force.save_leader_section if section == 3 else self._force.save_authority_section
        self._clear_errors()
        try:
            data = self.leader_input() if section == 3 else self.authority_input()
            try:
                form = save(self.form_id, data)
            except DomainError as exc:
                if exc.code != "reason_required":
                    raise
                reason = prompts.ask_reason(
                    self, f"Ret afsnit {section}",
                    f"Afsnit {section} er underskrevet. Ændringen ugyldiggør underskriften af afsnit {section} "
                    "og de efterfølgende afsnit. Skriv hvorfor du ændrer det (gemmes i loggen):")
                if reason is None:
                    return False
                form = save(self.form_id, data, reason)
        except DomainError as exc:
            self._show_error(exc)
            return False
        self._done(form, done_text)
        return True

    def sign_episodes(self) -> None:
        """Underskriv afsnit 2 (the staff member who registered)."""
        self._sign(2)

    def sign_leader(self) -> None:
        """Save section 3, then sign it with the password."""
        if self.save_leader():
            self._sign(3)

    def sign_authority(self) -> None:
        """Save section 4, then sign it with the password: the form is processed."""
        if self.save_authority():
            self._sign(4)

    def _sign(self, section: int) -> None:
        form = self.form
        user = self._force.ctx.user
        who = user.label if user else ""
        text = (f"Du underskriver afsnit {section} ({SECTION_NAMES[section]}) af "
                f"{form_title(form).replace('Månedsskema for', 'månedsskemaet for')} som {who}. "
                "Skriv din adgangskode igen for at underskrive.")
        self._clear_errors()
        try:
            signed = prompts.ask_signature(self, f"Underskriv afsnit {section}", text,
                                           lambda password: self._force.sign_section(self.form_id, section, password))
        except DomainError as exc:
            self._show_error(exc)
            return
        if signed is not None:
            done = {2: "Afsnit 2 er underskrevet.", 3: "Afsnit 3 er underskrevet. Skemaet kan nu sendes til myndigheden.",
                    4: "Afsnit 4 er underskrevet. Skemaet er behandlet."}[section]
            self._done(signed, done)

    def send(self) -> None:
        """Send til myndigheden (sections 2 and 3 signed)."""
        if not prompts.ask_confirm(self, "Send til myndigheden",
                                   f"Send {_lower_first(form_title(self.form))} til kommunens sagsbehandler?",
                                   "&Send"):
            return
        self._clear_errors()
        try:
            form = self._force.send_to_authority(self.form_id)
        except DomainError as exc:
            self._show_error(exc)
            return
        self._done(form, "Skemaet er sendt til myndigheden.")

    def send_back(self) -> None:
        """Send tilbage: the caseworker returns the form to the leader with a required comment."""
        comment = prompts.ask_comment(
            self, "Send tilbage til lederen",
            "Skriv til lederen, hvad der skal rettes eller uddybes. Lederens underskrift bliver ugyldig, "
            "og skemaet skal underskrives og sendes igen.", "Send &tilbage")
        if comment is None:
            return
        self._clear_errors()
        try:
            form = self._force.send_back(self.form_id, comment)
        except DomainError as exc:
            self._show_error(exc)
            return
        self._done(form, "Skemaet er sendt tilbage til lederen.")

    def _show_requests(self, form: FormDTO) -> None:
        lines = []
        for q in form.reopen_requests:
            when = messages.format_moment(q.episode_started_at) if q.episode_started_at else ""
            head = (f"{q.requested_by} bad {messages.format_moment(q.requested_at)} om at få skemaet genåbnet for "
                    f"en magtanvendelse {when} ({q.episode_type_label}): »{q.reason}«")
            if q.state == "accepted":
                head += f" – genåbnet af {q.decided_by} {messages.format_moment(q.decided_at)}."
            elif q.state == "refused":
                head += f" – afvist af {q.decided_by} {messages.format_moment(q.decided_at)}: »{q.decision_reason}«"
            else:
                head += " – venter på lederens svar."
            lines.append(head)
        self.requests_label.setText("\n".join(lines))
        self.requests_box.setVisible(bool(lines))

    def _pending_request(self):
        return next((q for q in self.form.reopen_requests if q.state == "pending"), None) if self.form else None

    def reopen(self) -> None:
        """Genåbn skemaet: the leader takes a sent or processed form back, after the question."""
        form = self.form
        params = {"sections": [s for s in (3, 4) if form.signature(s) is not None], "state": form.status}
        reason = prompts.ask_reason(self, "Genåbn skemaet", messages.reopen_question(params, form_title(form)),
                                    "&Genåbn")
        if reason is None:
            return
        self._clear_errors()
        try:
            done = self._force.reopen_form(self.form_id, reason)
        except DomainError as exc:
            self._show_error(exc)
            return
        self._done(done, "Skemaet er genåbnet. Kommunen ser det som genåbnet med din begrundelse.")

    def accept_request(self) -> None:
        """Genåbn og tilføj: the staff member's episode goes on the form, which is reopened."""
        q = self._pending_request()
        if q is None:
            return
        form = self.form
        at_authority = form.status in ("sent", "processed")
        if at_authority:
            params = {"sections": [s for s in (2, 3, 4) if form.signature(s) is not None], "state": form.status}
            text = (messages.reopen_question(params, form_title(form)).rsplit("\n\n", 1)[0]
                    + f"\n\nBegrundelsen bliver medarbejderens: »{q.reason}«.")
        else:
            text = ("Magtanvendelsen kommer på skemaet. Afsnit 2 og 3 skal underskrives igen. "
                    f"Medarbejderens begrundelse: »{q.reason}«.")
        if not prompts.ask_confirm(self, "Genåbn og tilføj magtanvendelsen", text, "&Genåbn og tilføj"):
            return
        self._clear_errors()
        try:
            self._force.accept_reopen_request(q.id)
        except DomainError as exc:
            self._show_error(exc)
            return
        self.reload()
        self.changed.emit(self.form_id)
        self.message.emit("Skemaet er genåbnet, og magtanvendelsen er tilføjet. Afsnit 2 skal underskrives igen.")

    def refuse_request(self) -> None:
        """Afvis: the request stays visible with the leader's reason."""
        q = self._pending_request()
        if q is None:
            return
        reason = prompts.ask_reason(self, "Afvis anmodningen",
                                    f"Skriv til {q.requested_by}, hvorfor skemaet ikke genåbnes. Anmodningen og "
                                    "magtanvendelsen bliver stående med din begrundelse.", "&Afvis")
        if reason is None:
            return
        try:
            self._force.refuse_reopen_request(q.id, reason)
        except DomainError as exc:
            self._show_error(exc)
            return
        self.reload()
        self.changed.emit(self.form_id)
        self.message.emit("Anmodningen er afvist.")

    def edit_episode(self, episode_id: str) -> None:
        """Open the registration dialog on one episode of the form."""
        episode = next((e for e in self.form.episodes if e.id == episode_id), None)
        if episode is None:
            return
        dialog = EpisodeDialog(self._force, self._residents, self, episode=episode)
        dialog.registered.connect(lambda _r: self._after_episode_edit(dialog.result_text))
        dialog.finished.connect(dialog.deleteLater)
        self.episode_dialog = dialog
        dialog.open()

    def _after_episode_edit(self, text: str) -> None:
        self.reload()
        self.changed.emit(self.form_id)
        self.message.emit(text)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "episode":
            self.edit_episode(url.path() or url.host())

    def _done(self, form: FormDTO, text: str) -> None:
        self.show_form(form)
        self.changed.emit(form.id)
        self.message.emit(text)
        self.ui.form_error_label.show_message(None)

    def _clear_errors(self) -> None:
        clear_field_errors(self.error_labels)
        self.ui.form_error_label.show_message(None)

    def _show_error(self, exc: DomainError) -> None:
        shown = show_field_errors(exc, self.error_labels, self.ui.form_error_label)
        if shown:
            target = getattr(self.ui, f"{shown[0]}_edit", None) or getattr(self.ui, f"{shown[0]}_yes_radio", None)
            if target is not None:
                self.ui.scroll_area.ensureWidgetVisible(target)
                target.setFocus()


class ForceFormDialog(QDialog):
    """The form view in its own window, with Luk."""

    def __init__(self, force: ForceService, residents: ResidentService, form_id: str,
                 parent: QWidget | None = None, exports: ExportService | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("force_form_dialog")
        self.view = ForceFormView(force, residents, form_id, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Luk")
        buttons.rejected.connect(self.reject)
        self.pdf_button = buttons.addButton("Vis som &PDF", QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("pdf_button")
        self.pdf_button.clicked.connect(self.show_pdf)
        # The version the municipality had before the form was reopened stays printable as it was.
        self.version_button = buttons.addButton("Vis &udgaven kommunen havde", QDialogButtonBox.ButtonRole.ActionRole)
        self.version_button.setObjectName("version_button")
        self.version_button.clicked.connect(self.show_version_pdf)
        self.view.changed.connect(lambda _id: self._show_version_button())
        self._show_version_button()
        self._exports = exports or ExportService(force.ctx)
        self.preview = None
        layout.addWidget(buttons)
        self.setWindowTitle(self.view.ui.title_label.text() or "Månedsskema")
        self.resize(1000, 740)  # fits a 1280 x 800 screen with a taskbar; the form scrolls

    def _show_version_button(self) -> None:
        form = self.view.form
        self.version_button.setVisible(bool(form and form.versions))
        if form and form.versions:
            v = form.versions[-1]
            self.version_button.setToolTip(
                f"Skemaet, som myndigheden {'behandlede' if v.state == 'processed' else 'modtog'} det, før det blev "
                f"genåbnet {messages.format_moment(v.reopened_at)}.")

    def show_version_pdf(self) -> None:
        """The latest kept version (before the latest reopening), in the PDF preview."""
        form = self.view.form
        if not form or not form.versions:
            return
        try:
            pdf = self._exports.version_pdf(form.versions[-1].id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.preview = preview_pdf(self, pdf, f"{self.windowTitle()} – udgaven kommunen havde")

    def show_pdf(self) -> None:
        """The form as it prints (its own template version), in the PDF preview."""
        try:
            pdf = self._exports.form_pdf(self.view.form_id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.preview = preview_pdf(self, pdf, self.windowTitle())


def _lower_first(text: str) -> str:
    """"Månedsskema for Birthe Laursen" -> "månedsskema for Birthe Laursen": the name keeps its case."""
    return text[:1].lower() + text[1:]


def episodes_html(episodes: tuple[EpisodeDTO, ...], can_edit: bool) -> str:
    """All of a month's episodes, one after the other, with the form's questions as headings."""
    if not episodes:
        return "<p><i>Ingen magtanvendelser registreret.</i></p>"
    parts = []
    for n, e in enumerate(episodes, 1):
        when = escape(messages.format_episode_period(e.started_at, e.ended_at))
        kind = f"{escape(e.type_label)} ({escape(e.paragraph)})"
        if e.situation_label:
            kind += f": {escape(e.situation_label)}"
        head = f"<b>{n}. {when}</b> · {kind}"
        if e.late:
            head += " · <span style='color:#a3221b; font-weight:600;'>Registreret for sent</span>"
        if can_edit:
            head += f" · <a href='episode:{e.id}'>Ret</a>"
        rows = []
        for field in EPISODE_ROWS:
            value = getattr(e, field)
            if value:
                rows.append(f"<tr><td width='34%' valign='top' style='color:#555;'>{escape(messages.field_label(field))}"
                            f"</td><td valign='top'>{_para(value)}</td></tr>")
        staff = "; ".join(
            escape(s.name) + (" (X)" if s.is_writer else "")
            + (f", {escape(s.workplace)}" if s.workplace else "") + (f", {escape(s.position)}" if s.position else "")
            for s in e.staff)
        rows.append("<tr><td valign='top' style='color:#555;'>Medarbejdere (X = skriver indberetningen)</td>"
                    f"<td valign='top'>{staff}</td></tr>")
        if e.late:
            rows.append("<tr><td valign='top' style='color:#555;'>Registreret</td>"
                        f"<td valign='top'>{messages.format_moment(e.registered_at)}"
                        + (f" – begrundelse: {escape(e.late_reason)}" if e.late_reason else "") + "</td></tr>")
        parts.append(f"<p style='margin-top:10px; margin-bottom:2px;'>{head}</p>"
                     f"<table cellspacing='0' cellpadding='2' width='100%'>{''.join(rows)}</table>")
    return "".join(parts)


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _meta(form: FormDTO) -> str:
    parts = [form.care_home]
    if form.due_date:
        parts.append(f"Frist hos myndigheden: {messages.format_date(form.due_date)}")
    if form.sent_at:
        parts.append(f"Sendt {messages.format_moment(form.sent_at)}")
    if form.processed_at:
        parts.append(f"Behandlet {messages.format_moment(form.processed_at)}")
    return " · ".join(parts)


def _text(w) -> str:
    return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()


def _set_text(w, text: str | None) -> None:
    if isinstance(w, QPlainTextEdit):
        w.setPlainText(text or "")
    else:
        w.setText(text or "")


def open_form(parent: QWidget, force: ForceService, residents: ResidentService, form_id: str,
              changed=None, message=None) -> ForceFormDialog:
    """Open one form in its own window (window-modal); ``changed(form_id)`` and ``message(text)``
    are called after saves, signatures and sending."""
    dialog = ForceFormDialog(force, residents, form_id, parent)
    if changed is not None:
        dialog.view.changed.connect(changed)
    if message is not None:
        dialog.view.message.connect(message)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
