"""One supervision visit: Stikprøve, Interview, Fund og konklusioner, Handleplan, Rapport og høring.

The view shows the VisitDTO it got from the service and re-reads it after every change; the
buttons that move the visit on are enabled from the DTO's ``next_statuses``, and the service
refuses anything else anyway.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QTableView, QWidget

from ...domain.errors import DomainError, ValidationError
from ...messages import format_date, format_moment
from ...services.supervision.dto import DrawDTO, InterviewDTO, VisitDTO
from ...services.supervision.service import SupervisionService
from ..dialogs.interview_dialog import InterviewDialog
from ..dialogs.pdf_preview import preview_pdf
from ..errors import error_text
from ..forms.ui_supervision_visit import Ui_SupervisionVisitView
from ..models.supervision_models import VISIT_FLOW, ActionItemModel, InterviewTableModel
from ..widgets.plain import plain_tooltip
from .supervision_dialogs import ActionItemDialog, StepDialog, StepInput
from .supervision_findings import FindingsTab
from .supervision_sample import DrawPanel

TAB_SAMPLE, TAB_INTERVIEWS, TAB_FINDINGS, TAB_ACTIONS, TAB_REPORT = range(5)
FLOW_LABELS = {"planned": "Planlagt", "conducted": "Gennemført", "draft_report": "Rapportudkast",
               "consultation": "I høring", "final": "Endelig", "follow_up": "Opfølgning"}
NEXT_STEP = {
    "planned": "Udtræk stikprøven, og gennemfør interviewene på besøgsdagen. Markér derefter besøget som gennemført.",
    "conducted": "Skriv vurdering, konklusioner og udviklingsområder under Fund og konklusioner, og start rapporten.",
    "draft_report": "Rapportudkastet kan stadig rettes. Send det i høring hos plejecentrets leder, når det er klar.",
    "consultation": "Rapporten er i høring. Den kan gøres endelig, når lederen har svaret, eller fristen er udløbet.",
    "final": "Rapporten er endelig. Planlæg et opfølgende besøg, hvis handleplanen skal følges op.",
    "follow_up": "Der er planlagt et opfølgende besøg. Handleplanens status kan stadig følges op.",
}
MEMBER_ROLE = Qt.ItemDataRole.UserRole
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


def _setup_table(table: QTableView, widths: dict[int, str]) -> None:
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
    for col, sample in widths.items():
        table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)


class SupervisionVisitView(QWidget):
    """Shows the visit given to ``open_visit``; ``back_requested`` returns to the overview."""

    back_requested = Signal()
    #: The visit changed in a way the overview shows (status, result, sample).
    changed = Signal()

    def __init__(self, supervision: SupervisionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionVisitView()
        self.ui.setupUi(self)
        self._svc = supervision
        self.visit: VisitDTO | None = None
        self.draws: list[DrawDTO] = []
        self._default_seed = ""
        #: The open interview or step dialog, if any (tests reach it here).
        self.dialog = None
        self.ui.back_button.clicked.connect(self.back_requested)
        self.ui.move_visit_button.clicked.connect(self.move_visit)
        self.ui.cancel_visit_button.clicked.connect(self.cancel_visit)

        self.resident_panel = DrawPanel(supervision, "resident", self.ui.sample_splitter)
        self.relative_panel = DrawPanel(supervision, "relative", self.ui.sample_splitter)
        self.ui.sample_splitter.addWidget(self.resident_panel)
        self.ui.sample_splitter.addWidget(self.relative_panel)
        self.ui.sample_splitter.setStretchFactor(0, 3)
        self.ui.sample_splitter.setStretchFactor(1, 2)
        for panel in (self.resident_panel, self.relative_panel):
            panel.changed.connect(self._sample_changed)

        self.interview_model = InterviewTableModel(self)
        self.ui.interviews_table.setModel(self.interview_model)
        _setup_table(self.ui.interviews_table, {0: "Kode", 1: "Telefoninterview med pårørende",
                                                2: "Ikke registreret", 3: "Besvaret"})
        self.ui.interviews_row_layout.setStretch(0, 2)
        self.ui.interviews_row_layout.setStretch(1, 3)
        # Big rows: the list is used on a laptop on the day, often standing up.
        self.ui.pending_list.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px; }")
        # Long names wrap instead of being cut off; each line also carries its whole text as a tooltip.
        self.ui.pending_list.setWordWrap(True)
        self.ui.pending_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.ui.pending_list.setResizeMode(self.ui.pending_list.ResizeMode.Adjust)
        self.ui.start_member_button.clicked.connect(self.start_selected_member)
        self.ui.pending_list.itemActivated.connect(lambda _item: self.start_selected_member())
        self.ui.open_interview_button.clicked.connect(self.open_selected_interview)
        self.ui.interviews_table.doubleClicked.connect(lambda _index: self.open_selected_interview())
        self.ui.staff_dialogue_button.clicked.connect(lambda: self.start_staff("staff_dialogue"))
        self.ui.staff_evaluation_button.clicked.connect(lambda: self.start_staff("staff_evaluation"))

        self.findings_tab = FindingsTab(supervision, self.ui, self)
        self.findings_tab.saved.connect(self._findings_saved)

        self.action_model = ActionItemModel(self)
        self.ui.action_table.setModel(self.action_model)
        _setup_table(self.ui.action_table, {0: "Fast gåtur efter middagen hver dag i ugen", 1: "Kontaktpersonerne",
                                            2: "00-00-0000 "})
        self.ui.add_action_button.clicked.connect(self.add_action)
        self.ui.edit_action_button.clicked.connect(self.edit_action)
        self.ui.action_table.doubleClicked.connect(lambda _index: self.edit_action())
        self.ui.remove_action_button.clicked.connect(self.remove_action)
        self.ui.comment_action_button.clicked.connect(self.comment_action)
        self.ui.action_table.selectionModel().selectionChanged.connect(self._update_action_buttons)

        self.ui.conduct_button.clicked.connect(self.mark_conducted)
        self.ui.start_report_button.clicked.connect(self.start_report)
        self.ui.send_button.clicked.connect(self.send_for_consultation)
        self.ui.return_button.clicked.connect(self.return_to_draft)
        self.ui.finalise_button.clicked.connect(self.finalise)
        self.ui.follow_up_button.clicked.connect(self.plan_follow_up)
        self.ui.show_report_button.clicked.connect(self.show_report)

    # -- loading ----------------------------------------------------------------------------------
    def show_message(self, err: BaseException | None) -> None:
        """A refusal in Danish above the tabs (no modal box: the consultant keeps the context)."""
        self.ui.visit_error_label.show_message(error_text(err) if err is not None else None)

    def open_visit(self, visit_id: str, default_seed: str = "") -> None:
        """Show the visit ``visit_id`` (tab Stikprøve first); ``default_seed`` is proposed for a draw."""
        self._default_seed = default_seed
        self.resident_panel.ui.seed_edit.clear()
        self.relative_panel.ui.seed_edit.clear()
        self._show_visit(self._svc.visit(visit_id))
        self.ui.visit_tabs.setCurrentIndex(TAB_SAMPLE)

    def reload(self) -> None:
        """Re-read the visit, its draws and findings from the service."""
        if self.visit is not None:
            self._show_visit(self._svc.visit(self.visit.id))

    def _show_visit(self, visit: VisitDTO) -> None:
        self.visit = visit
        self.show_message(None)
        self._fill_header(visit)
        self.draws = self._svc.draws(visit.id, include_superseded=True)
        self.resident_panel.load(visit, self.draws, self._default_seed)
        self.relative_panel.load(visit, self.draws, self._default_seed)
        self._fill_interviews(visit)
        self.findings_tab.load(visit)
        self._fill_actions()
        self._fill_report(visit)

    def _fill_header(self, visit: VisitDTO) -> None:
        self.ui.visit_title_label.setText(
            f"{visit.care_home_name} – tilsynsbesøg {format_date(visit.planned_on)}"
            + (" (opfølgning)" if visit.follow_up_of_id else ""))
        details = [f"Status: <b>{escape(visit.status_label)}</b>",
                   "uanmeldt" if visit.unannounced else "anmeldt"]
        if visit.conducted_on:
            details.append(f"gennemført {format_date(visit.conducted_on)}")
        if visit.consultants:
            names = ", ".join(c.full_name for c in visit.consultants)
            details.append(("konsulent: " if len(visit.consultants) == 1 else "konsulenter: ") + escape(names))
        details.append(f"tilsynsprogram {visit.year}")
        if visit.result_label:
            details.append(f"resultat: {escape(visit.result_label)}")
        if visit.cancel_reason:
            details.append(f"aflyst {format_moment(visit.cancelled_at)}: »{escape(visit.cancel_reason)}«")
        self.ui.visit_details_label.setText(" · ".join(details))
        # A visit is moved or cancelled only while it may still be cancelled (planned).
        open_for_change = "cancelled" in visit.next_statuses
        self.ui.move_visit_button.setEnabled(open_for_change)
        self.ui.cancel_visit_button.setEnabled(open_for_change)

    def _sample_changed(self) -> None:
        self.reload()
        self.changed.emit()

    # -- interviews -------------------------------------------------------------------------------
    def _fill_interviews(self, visit: VisitDTO) -> None:
        self.interview_model.set_rows(visit.interviews)
        pending = self.ui.pending_list
        pending.clear()
        # Residents first: they are interviewed on the day; relatives are phoned afterwards.
        for draw in sorted(self.draws, key=lambda d: d.kind != "resident"):
            if not draw.current:
                continue
            for m in draw.members:
                if m.status != "drawn" or m.interview_id:
                    continue
                if draw.kind == "resident":
                    person = f"{m.name}, bolig {m.room}" if m.room else m.name
                    text = f"Beboer nr. {m.rank}: {person}" + (f" ({m.unit})" if m.unit else "")
                else:
                    person = f"pårørende til {m.name}"
                    text = f"Pårørende nr. {m.rank}: {person} – telefoninterview"
                item = QListWidgetItem(text, pending)
                item.setToolTip(plain_tooltip(text))  # the whole line, also where the list is narrow
                item.setData(MEMBER_ROLE, m.id)
                item.setData(PERSON_ROLE, person)
        if pending.count():
            pending.setCurrentRow(0)
        self.ui.pending_group.setTitle(f"Udtrukne uden interview ({pending.count()})")
        can_interview = "interview" in visit.allowed_actions
        self.ui.start_member_button.setEnabled(can_interview and pending.count() > 0)
        self.ui.staff_dialogue_button.setEnabled(can_interview)
        self.ui.staff_evaluation_button.setEnabled(can_interview)
        self.ui.open_interview_button.setEnabled(bool(visit.interviews))

    def _person_of_interview(self, interview_id: str) -> str:
        for draw in self.draws:
            for m in draw.members:
                if m.interview_id == interview_id:
                    if draw.kind == "resident":
                        return f"{m.name}, bolig {m.room}" if m.room else m.name
                    return f"pårørende til {m.name}"
        return ""

    def start_selected_member(self) -> None:
        """Start the interview with the chosen resident or relative."""
        item = self.ui.pending_list.currentItem()
        if item is None or self.visit is None:
            return
        try:
            interview = self._svc.start_interview(self.visit.id, member_id=item.data(MEMBER_ROLE))
        except DomainError as err:
            self.show_message(err)
            return
        self._open_interview(interview, item.data(PERSON_ROLE))

    def start_staff(self, kind: str) -> None:
        """Start the staff dialogue meeting or one staff member's evaluation of the monthly form."""
        if self.visit is None:
            return
        try:
            interview = self._svc.start_interview(self.visit.id, kind=kind)
        except DomainError as err:
            self.show_message(err)
            return
        self._open_interview(interview, "")

    def open_selected_interview(self) -> None:
        rows = self.ui.interviews_table.selectionModel().selectedRows()
        summary = self.interview_model.row_at(rows[0].row()) if rows else None
        if summary is None:
            return
        try:
            interview = self._svc.interview(summary.id)
        except DomainError as err:
            self.show_message(err)
            return
        self._open_interview(interview, self._person_of_interview(summary.id))

    def _open_interview(self, interview: InterviewDTO, person: str) -> None:
        dialog = InterviewDialog(self._svc, interview, self, person=person)
        dialog.finished.connect(self._interview_closed)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _interview_closed(self) -> None:
        closed = self.dialog
        self.dialog = None
        self.reload()
        if isinstance(closed, InterviewDialog):
            row = self.interview_model.row_of(closed.interview.id)
            if row >= 0:
                self.ui.interviews_table.selectionModel().setCurrentIndex(
                    self.interview_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.changed.emit()

    # -- findings and action plan -----------------------------------------------------------------
    def _findings_saved(self) -> None:
        self.visit = self._svc.visit(self.visit.id) if self.visit else None
        if self.visit is not None:
            self._fill_header(self.visit)
            self._fill_report(self.visit)
        self.changed.emit()

    def _fill_actions(self) -> None:
        findings = self.findings_tab.findings
        self.action_model.set_rows(findings.action_items if findings else ())
        self._update_action_buttons()

    def _selected_action(self):
        rows = self.ui.action_table.selectionModel().selectedRows()
        return self.action_model.row_at(rows[0].row()) if rows else None

    def _update_action_buttons(self, *_args) -> None:
        allowed = self.visit.allowed_actions if self.visit else ()
        selected = self._selected_action() is not None
        self.ui.add_action_button.setEnabled("action_plan" in allowed)
        self.ui.edit_action_button.setEnabled(selected and "action_plan" in allowed)
        self.ui.remove_action_button.setEnabled(selected and "remove_action" in allowed)
        self.ui.comment_action_button.setEnabled(selected and "comment_action" in allowed)

    def add_action(self) -> None:
        if self.visit is not None:
            self._open_dialog(ActionItemDialog(self._svc, self.visit.id, None, self))

    def edit_action(self) -> None:
        item = self._selected_action()
        if item is not None and self.visit is not None:
            self._open_dialog(ActionItemDialog(self._svc, self.visit.id, item, self))

    def comment_action(self) -> None:
        """The consultant's comment on a line of the staff's own plan (each comment is kept)."""
        item = self._selected_action()
        if item is None or self.visit is None:
            return
        visit_id = self.visit.id
        self._open_dialog(StepDialog(
            "Kommentér handling",
            f"Tilsynets kommentar til handlingen »{escape(item.action)}«. Kommentaren står under handlingen "
            "i handleplanen og i rapporten; plejecentret kan læse den.",
            lambda s: self._svc.comment_action_item(visit_id, item.id, s.text), self,
            ok_text="Gem kommentar", text_label="&Kommentar:"))

    def remove_action(self) -> None:
        item = self._selected_action()
        if item is None or self.visit is None:
            return
        try:
            self._svc.remove_action_item(self.visit.id, item.id)
        except DomainError as err:
            self.show_message(err)
            return
        self.reload()

    # -- the report and the visit's flow ----------------------------------------------------------
    def _fill_report(self, visit: VisitDTO) -> None:
        current = VISIT_FLOW.index(visit.status) if visit.status in VISIT_FLOW else -1
        steps = []
        for i, status in enumerate(VISIT_FLOW):
            label = FLOW_LABELS[status]
            if i < current:
                steps.append(f"<span style='color:#1e6b30'>✓ {label}</span>")
            elif i == current:
                steps.append(f"<span style='background:#0b4f8a; color:white; font-weight:600'>&nbsp;{label}&nbsp;</span>")
            else:
                steps.append(f"<span style='color:#777777'>{label}</span>")
        self.ui.flow_label.setText(" &nbsp;→&nbsp; ".join(steps))
        self.ui.next_step_label.setText(NEXT_STEP.get(visit.status, ""))
        # What may be done comes from the visit's DTO (domain.supervision.consultation), not the status.
        allowed = visit.allowed_actions
        self.ui.conduct_button.setEnabled("mark_conducted" in allowed)
        self.ui.start_report_button.setEnabled("start_report" in allowed)
        self.ui.send_button.setEnabled("send_for_consultation" in allowed)
        self.ui.return_button.setEnabled("return_to_draft" in allowed)
        self.ui.finalise_button.setEnabled("finalise" in allowed)
        self.ui.follow_up_button.setEnabled("plan_follow_up" in allowed)
        c = visit.consultation
        if c is None:
            self.ui.consultation_label.setText("Rapporten er ikke sendt i høring endnu.")
        else:
            text = (f"Sendt {format_moment(c.sent_at)} af {escape(c.sent_by)} med frist "
                    f"<b>{format_date(c.deadline)}</b>.<br>")
            if c.replies:
                # The whole thread, newest first; the newest is the one the final report uses.
                for n, r in enumerate(reversed(c.replies)):
                    mark = " (bruges i den endelige rapport)" if n == 0 and len(c.replies) > 1 else ""
                    text += (f"Svar fra {escape(r.replied_by)} {format_moment(r.replied_at)}{mark}:<br>"
                             f"<i>»{escape(r.text)}«</i><br>")
            else:
                text += "Plejecentret har ikke svaret endnu."
            self.ui.consultation_label.setText(text)
        if visit.follow_up_visit_ids:
            self.ui.next_step_label.setText(self.ui.next_step_label.text()
                                            + " Det opfølgende besøg står i listen over besøg.")

    def _step(self, title: str, message: str, run, **kwargs) -> None:
        self._open_dialog(StepDialog(title, message, run, self, **kwargs))

    def _open_dialog(self, dialog) -> None:
        dialog.accepted.connect(self._step_done)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _step_done(self) -> None:
        self.dialog = None
        self.reload()
        self.changed.emit()

    def mark_conducted(self) -> None:
        visit = self.visit
        if visit is None:
            return
        self._step("Markér besøget som gennemført",
                   "Besøget er gennemført den dato, du skriver (normalt i dag). Derefter kan der ikke udtrækkes "
                   "ny stikprøve, men interview kan stadig afsluttes.",
                   lambda s: self._svc.mark_conducted(visit.id, s.day),
                   ok_text="Markér som gennemført", date_label="&Besøgsdato:",
                   date=min(self._svc.ctx.today(), visit.planned_on))

    def move_visit(self) -> None:
        """Move the planned visit to another working day of the programme year (reason logged)."""
        visit = self.visit
        if visit is None:
            return
        drawn = any(d.current for d in self.draws)
        note = (" Stikprøven er trukket og beholder sin dato; træk om, hvis rammen skal følge den nye dato."
                if drawn else " Stikprøven er ikke trukket: rammen følger den nye dato.")
        self._step("Flyt tilsynsbesøget",
                   "Besøget flyttes til en anden hverdag i programåret. Skriv gerne hvorfor; begrundelsen logges."
                   + note,
                   lambda s: self._svc.update_visit(visit.id, planned_on=_required_day(s.day), reason=s.text),
                   ok_text="Flyt besøg", date_label="&Ny dato:", date=visit.planned_on,
                   text_label="&Begrundelse:")

    def cancel_visit(self) -> None:
        """Cancel the planned visit; the reason is required and logged, the draws are kept."""
        visit = self.visit
        if visit is None:
            return
        self._step("Aflys tilsynsbesøget",
                   f"Besøget på {escape(visit.care_home_name)} {format_date(visit.planned_on)} aflyses. "
                   "Skriv hvorfor; begrundelsen logges, og stikprøverne gemmes.",
                   lambda s: self._svc.cancel_visit(visit.id, s.text),
                   ok_text="Aflys besøg", text_label="&Begrundelse:")

    def start_report(self) -> None:
        if self.visit is not None:
            self._call(self._svc.start_report, self.visit.id)

    def send_for_consultation(self) -> None:
        visit = self.visit
        if visit is None:
            return
        deadline = self._svc.ctx.today() + dt.timedelta(days=14)
        self._step("Send rapporten i høring",
                   f"Rapportudkastet sendes til lederen af {escape(visit.care_home_name)}, som kan svare inden "
                   "fristen. Mens rapporten er i høring, kan den ikke ændres.",
                   lambda s: self._svc.send_for_consultation(visit.id, s.day),
                   ok_text="Send i høring", date_label="&Høringsfrist:", date=deadline)

    def return_to_draft(self) -> None:
        visit = self.visit
        if visit is None:
            return
        self._step("Tag rapporten tilbage til udkast",
                   "Rapporten tages ud af høring, så den kan rettes. Skriv hvorfor; begrundelsen logges.",
                   lambda s: self._svc.return_to_draft(visit.id, s.text),
                   ok_text="Tilbage til udkast", text_label="&Begrundelse:")

    def finalise(self) -> None:
        if self.visit is not None:
            self._call(self._svc.finalise, self.visit.id)

    def plan_follow_up(self) -> None:
        visit = self.visit
        if visit is None:
            return

        def run(s: StepInput):
            if s.day is None:
                raise ValidationError([DomainError("required", field="planned_on")])
            return self._svc.plan_follow_up(visit.id, s.day, unannounced=s.unannounced)

        self._step("Planlæg opfølgende besøg",
                   "Handleplanen følges op ved et nyt besøg på plejecentret. Rapporten får status Opfølgning.",
                   run, ok_text="Planlæg opfølgning", date_label="&Dato for opfølgning:",
                   date=self._svc.ctx.today() + dt.timedelta(days=90), unannounced=True)

    def _call(self, fn, *args) -> None:
        try:
            fn(*args)
        except DomainError as err:
            self.show_message(err)
            return
        self.reload()
        self.changed.emit()

    def show_report(self) -> None:
        """The visit report as PDF in the preview (pseudonymous; respondent codes only)."""
        visit = self.visit
        if visit is None:
            return
        try:
            pdf = self._svc.visit_report_pdf(visit.id)
        except DomainError as err:
            self.show_message(err)
            return
        title = f"Tilsynsrapport {visit.care_home_name} {format_date(visit.conducted_on or visit.planned_on)}"
        self.preview = preview_pdf(self, pdf, title)


def _required_day(day: dt.date | None) -> dt.date:
    if day is None:
        raise ValidationError([DomainError("required", field="planned_on")])
    return day
