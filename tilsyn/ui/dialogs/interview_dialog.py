"""One interview on the laptop: consent first, then every question of the protocol with large
answer buttons and a free-text box; each change is saved at once (SupervisionService.save_answer
commits per answer), so a closed lid or a crash loses nothing.

The respondent is shown by code (B1, P1, M1). A name may appear in the header for the consultant
on the day; it never leaves the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import format_moment, text_for
from ...services.supervision.dto import InterviewDTO, QuestionDTO
from ...services.supervision.service import SupervisionService
from ..forms.ui_interview import Ui_InterviewDialog
from ..widgets.error_label import WrappingLabel

#: Free text is saved this long after the last key press (and always when the dialog closes).
FREE_TEXT_DELAY_MS = 700
OPTION_STYLE = (
    "QRadioButton { font-size: 13pt; padding: 6px 14px 6px 6px; spacing: 10px; }"
    "QRadioButton::indicator { width: 26px; height: 26px; }"
)
CONSENT_STYLE = (
    "QCheckBox { font-size: 13pt; font-weight: 600; spacing: 12px; padding: 4px; }"
    "QCheckBox::indicator { width: 26px; height: 26px; }"
)
QUESTION_STYLE = "QFrame#question_frame { border: 1px solid #c9ced6; border-radius: 6px; background: palette(base); }"


@dataclass
class _Question:
    """The widgets of one question: a button group per answer slot and the free-text box."""

    dto: QuestionDTO
    groups: dict[str, QButtonGroup] = field(default_factory=dict)
    codes: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, QLabel] = field(default_factory=dict)
    text_edit: QPlainTextEdit | None = None

    @property
    def text_slot(self) -> str:
        """The answer slot the question's free text is stored with (its first sub-item)."""
        return self.dto.slots[0]

    def option(self, slot: str) -> str | None:
        group = self.groups.get(slot)
        if group is None or group.checkedId() < 0:
            return None
        return self.codes[slot][group.checkedId()]


class InterviewDialog(QDialog):
    """``interview`` as returned by start_interview or interview(); ``person`` is screen-only text."""

    #: The interview was changed (answers, consent or finished): the visit screen re-reads it.
    changed = Signal()

    def __init__(self, supervision: SupervisionService, interview: InterviewDTO, parent: QWidget | None = None,
                 *, person: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_InterviewDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self.interview = interview
        self._questions: dict[str, _Question] = {}
        self._pending_text: set[str] = set()
        self._loading = True
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(FREE_TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.save_pending_text)

        code = interview.respondent_code
        self.setWindowTitle(f"Interview {code} – {interview.protocol_title}")
        self.ui.code_label.setText(code)
        self.ui.code_label.setAccessibleName(f"Respondentkode {code}")
        self.ui.kind_label.setText(interview.protocol_title)
        self.ui.protocol_label.setText(
            f"Respondent {code} · interviewguide {interview.protocol_key} · startet {format_moment(interview.started_at)}")
        self.ui.person_label.setText(
            f"Kun på skærmen: {person}. I rapporten står der {code}." if person else
            f"I rapporten optræder respondenten kun som {code}.")
        self.ui.consent_text_label.setText(interview.consent_text or "Spørg om samtykke, før interviewet begynder.")
        self.ui.error_label.setVisible(False)
        self.ui.consent_check.setStyleSheet(CONSENT_STYLE)
        self.ui.decline_button.setStyleSheet("font-size: 11pt; padding: 6px 12px;")
        self.ui.header_layout.setStretch(1, 1)
        for button in (self.ui.finish_button, self.ui.close_button):
            button.setStyleSheet("font-size: 11pt; padding: 6px 14px;")
        self.ui.progress_label.setStyleSheet("font-size: 11pt;")
        self.ui.questions_widget.setStyleSheet(QUESTION_STYLE)
        self._build_questions()

        self.ui.consent_check.toggled.connect(self._consent_toggled)
        self.ui.decline_button.clicked.connect(self.decline)
        self.ui.finish_button.clicked.connect(self.finish)
        self.ui.close_button.clicked.connect(self.reject)
        self.ui.finish_button.setDefault(False)
        self.ui.finish_button.setAutoDefault(False)
        self.ui.close_button.setAutoDefault(False)
        self._show(interview)
        self._loading = False
        self.resize(1000, 740)  # fits a 1280 x 800 screen with a taskbar

    # -- building -------------------------------------------------------------------------------
    def _build_questions(self) -> None:
        layout: QVBoxLayout = self.ui.questions_layout
        number = 1
        for goal in self.interview.goals:
            heading = QLabel(goal.title, self.ui.questions_widget)
            heading.setObjectName(f"goal_{goal.id}_label")
            heading.setStyleSheet("font-size: 14pt; font-weight: 600; margin-top: 6px;")
            heading.setWordWrap(True)
            layout.addWidget(heading)
            for question in goal.questions:
                number += 1
                layout.addWidget(self._question_frame(question, number))
        layout.addStretch(1)

    def _question_frame(self, question: QuestionDTO, number: int) -> QFrame:
        frame = QFrame(self.ui.questions_widget)
        frame.setObjectName("question_frame")
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 12, 14, 12)
        box.setSpacing(8)
        title = WrappingLabel(f"{number}. {question.text}", frame)
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        box.addWidget(title)
        q = _Question(question)
        self._questions[question.id] = q
        if question.scale is not None:
            for slot in question.slots:
                if slot:
                    item_text = next(i.text for i in question.items if i.id == slot)
                    item_label = QLabel(item_text, frame)
                    item_label.setStyleSheet("font-size: 12pt; font-weight: 600; color: #333333; margin-top: 4px;")
                    box.addWidget(item_label)
                box.addWidget(self._options(q, slot, frame))
                note = QLabel(frame)
                note.setStyleSheet("color: #555555; font-style: italic;")
                note.setWordWrap(True)
                note.setVisible(False)
                q.notes[slot] = note
                box.addWidget(note)
        prompt = QLabel(question.free_text_prompt or "Bemærkninger", frame)
        prompt.setStyleSheet("font-size: 11pt; color: #333333;")
        box.addWidget(prompt)
        edit = QPlainTextEdit(frame)
        edit.setObjectName(f"free_text_{question.id}")
        edit.setTabChangesFocus(True)
        edit.setStyleSheet("font-size: 12pt;")
        edit.setFixedHeight(78 if question.scale is not None else 120)
        edit.setAccessibleName(f"Fritekst til spørgsmål {number}")
        prompt.setBuddy(edit)
        edit.textChanged.connect(lambda qid=question.id: self._text_edited(qid))
        q.text_edit = edit
        box.addWidget(edit)
        return frame

    def _options(self, q: _Question, slot: str, parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        options = q.dto.scale.options if q.dto.scale else ()
        columns = len(options) if len(options) <= 3 else 2 if len(options) == 4 else 3
        group = QButtonGroup(holder)
        group.setExclusive(True)
        q.groups[slot] = group
        q.codes[slot] = []
        for i, option in enumerate(options):
            button = QRadioButton(option.label, holder)
            button.setObjectName(f"option_{q.dto.id}_{slot or 'svar'}_{option.code}")
            button.setStyleSheet(OPTION_STYLE)
            group.addButton(button, i)
            q.codes[slot].append(option.code)
            grid.addWidget(button, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        group.idToggled.connect(lambda index, checked, qid=q.dto.id, s=slot: checked and self._option_chosen(qid, s))
        return holder

    # -- showing the stored state -----------------------------------------------------------------
    def _show(self, dto: InterviewDTO) -> None:
        was_loading, self._loading = self._loading, True
        try:
            self.ui.consent_check.setChecked(dto.consent is True)
            for q in self._questions.values():
                for slot, group in q.groups.items():
                    answer = dto.answer(q.dto.id, slot)
                    code = answer.option_code if answer else ""
                    if code in q.codes[slot]:
                        group.button(q.codes[slot].index(code)).setChecked(True)
                    note = q.notes.get(slot)
                    # Free text stored on another sub-item (older data) stays visible, read-only.
                    if note is not None and slot != q.text_slot and answer is not None and answer.free_text:
                        note.setText(f"Bemærkning: {answer.free_text}")
                        note.setVisible(True)
                first = dto.answer(q.dto.id, q.text_slot)
                if q.text_edit is not None and q.dto.id not in self._pending_text:
                    q.text_edit.setPlainText(first.free_text if first else "")
        finally:
            self._loading = was_loading
        self._update_state(dto)

    def _update_state(self, dto: InterviewDTO) -> None:
        finished = dto.finished_at is not None
        open_ = not finished
        self.ui.consent_check.setEnabled(open_)
        self.ui.decline_button.setEnabled(open_ and dto.consent is not False)
        self.ui.questions_widget.setEnabled(open_ and dto.consent is True)
        self.ui.finish_button.setEnabled(open_)
        total = sum(len(q.dto.slots) for q in self._questions.values())
        answered = sum(1 for a in dto.answers if a.option_code or a.free_text)
        text = f"Besvaret: {answered} af {total}"
        if finished:
            text = f"Interviewet blev afsluttet {format_moment(dto.finished_at)}. {text}"
        elif dto.consent is False:
            text = ("Respondenten ønsker ikke at deltage. Registrér afslaget under Stikprøve, så den næste i "
                    "rækken træder til.")
        elif dto.consent is None:
            text = "Spørg om samtykke først. Spørgsmålene kan besvares, når samtykket er registreret."
        self.ui.progress_label.setText(text)

    # -- saving ---------------------------------------------------------------------------------
    def _call(self, fn, *args, **kwargs) -> InterviewDTO | None:
        """One service call; the stored state comes back, or the Danish refusal is shown."""
        try:
            dto = fn(*args, **kwargs)
        except DomainError as err:
            self.ui.error_label.show_message(text_for(err))
            self.ui.save_status_label.setText("Ikke gemt")
            self.ui.save_status_label.setStyleSheet("color: #b3261e; font-size: 11pt;")
            return None
        self.ui.error_label.show_message(None)
        self.interview = dto
        # format_moment gives "DD-MM-ÅÅÅÅ kl. TT.MM" in Danish time; the day is today.
        self.ui.save_status_label.setText(f"✓ Gemt {format_moment(self._svc.ctx.now()).split(' ', 1)[1]}")
        self.ui.save_status_label.setStyleSheet("color: #1e6b30; font-size: 11pt;")
        self._update_state(dto)
        self.changed.emit()
        return dto

    def _consent_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if not checked and self.interview.consent is not True:
            return
        if self._call(self._svc.record_consent, self.interview.id, checked) is None:
            self._show(self.interview)
        elif checked:
            self.ui.questions_scroll.setFocus()

    def decline(self) -> None:
        """The respondent does not want to take part: consent refused (no answers can be given)."""
        if self._call(self._svc.record_consent, self.interview.id, False, "Ønsker ikke at deltage") is not None:
            self._show(self.interview)

    def _option_chosen(self, question_id: str, slot: str) -> None:
        if self._loading:
            return
        q = self._questions[question_id]
        if slot == q.text_slot:
            self._pending_text.discard(question_id)
            text = q.text_edit.toPlainText() if q.text_edit else ""
        else:
            stored = self.interview.answer(question_id, slot)
            text = stored.free_text if stored else ""
        self._call(self._svc.save_answer, self.interview.id, question_id, q.option(slot), text, item_id=slot)

    def _text_edited(self, question_id: str) -> None:
        if self._loading:
            return
        self._pending_text.add(question_id)
        self._text_timer.start()

    def save_pending_text(self) -> None:
        """Save the free texts typed since the last save (runs by itself shortly after typing)."""
        self._text_timer.stop()
        for question_id in sorted(self._pending_text):
            q = self._questions[question_id]
            text = q.text_edit.toPlainText() if q.text_edit else ""
            stored = self.interview.answer(question_id, q.text_slot)
            if stored is None and not text.strip():
                self._pending_text.discard(question_id)
                continue
            if self._call(self._svc.save_answer, self.interview.id, question_id, q.option(q.text_slot), text,
                          item_id=q.text_slot) is not None:
                self._pending_text.discard(question_id)

    def finish(self) -> None:
        """Save what is typed, mark the interview finished and close."""
        self.save_pending_text()
        if self._pending_text:
            return
        if self._call(self._svc.finish_interview, self.interview.id) is not None:
            self.accept()

    def reject(self) -> None:
        """Close; typed text is saved first, so the interview can be continued later."""
        if self.interview.finished_at is None and self.interview.consent is True:
            self.save_pending_text()
        super().reject()

    # -- for tests and keyboard users --------------------------------------------------------------
    def option_button(self, question_id: str, option_code: str, item_id: str = "") -> QAbstractButton:
        """The answer button of ``option_code`` for ``question_id`` (sub-item ``item_id``)."""
        q = self._questions[question_id]
        return q.groups[item_id].button(q.codes[item_id].index(option_code))

    def free_text_edit(self, question_id: str) -> QPlainTextEdit:
        edit = self._questions[question_id].text_edit
        assert edit is not None
        return edit
