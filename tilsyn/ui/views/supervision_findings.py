"""The "Fund og konklusioner" tab of a visit: the scores computed from the answers (per group,
quality goal, question and sub-item, with the share satisfied), the staff evaluation of the
monthly form and the dialogue meeting; and what the consultant writes: the overall rating, the
measured level and summary per quality goal, the joint conclusions and the development areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import format_moment, text_for
from ...services.supervision.dto import GoalDTO, GroupFindings, ScaleOptionDTO, VisitDTO, VisitFindings
from ...services.supervision.service import SupervisionService
from ..models.supervision_models import score_text, share_text
from ..widgets.plain import plain_tooltip

TREE_HEADERS = ("Gruppe, kvalitetsmål og spørgsmål", "Score", "Andel tilfredse", "Svar", "Ved ikke")
GROUP_LABELS = {"resident": "Beboere", "relative": "Pårørende", "staff_dialogue": "Dialogmøde med personalet",
                "staff_evaluation": "Personalets evaluering af månedsskemaet"}


@dataclass
class GoalEditor:
    """The rating combo and summary box of one quality goal."""

    goal: GoalDTO
    rating: QComboBox
    summary: QPlainTextEdit
    measured: QLabel


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class FindingsTab(QObject):
    """Fills and saves the findings widgets of the visit form (``ui`` is Ui_SupervisionVisitView)."""

    #: Something was saved (the report tab and the overview show the result).
    saved = Signal()

    def __init__(self, supervision: SupervisionService, ui, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._svc = supervision
        self.ui = ui
        self.visit: VisitDTO | None = None
        self.findings: VisitFindings | None = None
        self.goal_editors: list[GoalEditor] = []
        self.free_text_checks: list[tuple[QCheckBox, object]] = []  # (check box, FreeTextDTO)
        self._ratings: list[ScaleOptionDTO] | None = None
        self._shown: dict[str, object] = {}
        tree = ui.scores_tree
        tree.setColumnCount(len(TREE_HEADERS))
        tree.setHeaderLabels(list(TREE_HEADERS))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = tree.fontMetrics()
        for col, sample in ((1, "Score  "), (2, "Andel tilfredse"), (3, "Svar  "), (4, "Ved ikke")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            tree.setColumnWidth(col, metrics.horizontalAdvance(sample) + 20)
        ui.findings_splitter.setStretchFactor(0, 3)
        ui.findings_splitter.setStretchFactor(1, 2)
        ui.findings_splitter.setSizes([600, 420])
        ui.findings_error_label.setVisible(False)
        ui.save_findings_button.clicked.connect(self.save)

    # -- loading ----------------------------------------------------------------------------------
    def ratings(self) -> list[ScaleOptionDTO]:
        if self._ratings is None:
            self._ratings = self._svc.rating_options()
        return self._ratings

    def load(self, visit: VisitDTO) -> None:
        """Read the findings of ``visit`` and fill both halves of the tab."""
        self.visit = visit
        findings = self._svc.findings(visit.id)
        goals = self._svc.visit_goals(visit.id)
        self.show(findings, goals)

    def show(self, findings: VisitFindings, goals: list[GoalDTO]) -> None:
        self.findings = findings
        self._fill_tree(findings, {g.id: g.short_title or g.title for g in goals})
        self._fill_writing(findings, goals)
        allowed = self.visit.allowed_actions if self.visit is not None else ()
        editable = "write_findings" in allowed
        for check, _ in self.free_text_checks:
            check.setEnabled("flag_free_text" in allowed)
        for widget in (self.ui.result_combo, self.ui.result_summary_edit, self.ui.conclusions_edit,
                       self.ui.areas_edit, self.ui.save_findings_button):
            widget.setEnabled(editable)
        for editor in self.goal_editors:
            editor.rating.setEnabled(editable)
            editor.summary.setEnabled(editable)
        if not editable and self.visit is not None:
            note = ("Vurdering og konklusioner skrives, når besøget er gennemført."
                    if self.visit.status == "planned" else
                    f"Låst, fordi besøget har status »{self.visit.status_label}«.")
            self.ui.findings_saved_label.setText(note)
        else:
            self.ui.findings_saved_label.setText("")
        self.ui.findings_error_label.setVisible(False)

    def _fill_tree(self, f: VisitFindings, short_titles: dict[str, str]) -> None:
        summary = (f"<b>Samlet score for plejecentret: {score_text(f.home_score)}</b> (skala 0–100)"
                   f" &nbsp;·&nbsp; Andel tilfredse: <b>{share_text(f.home_share_satisfied)}</b>")
        if not f.groups:
            summary = "Der er endnu ingen besvarede interview. Scorerne beregnes ud fra svarene."
        self.ui.score_summary_label.setText(summary)
        tree = self.ui.scores_tree
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        for group in f.groups:
            top = self._item(tree, [f"{group.kind_label} ({_respondents(group)})", score_text(group.score), "", "", ""])
            for c in range(len(TREE_HEADERS)):
                top.setFont(c, bold)
            for goal in group.goals:
                g = self._item(top, [short_titles.get(goal.goal_id, goal.title), score_text(goal.score),
                                     share_text(goal.share_satisfied), str(goal.answers), ""])
                g.setToolTip(0, plain_tooltip(goal.title))
                g.setFont(0, bold)
                for q in goal.questions:
                    qi = self._item(g, [q.text, score_text(q.score), share_text(q.share_satisfied), str(q.answers),
                                        str(q.no_score) if q.no_score else ""])
                    for item in (i for i in q.items if i.item_id):
                        self._item(qi, [item.text, score_text(item.score), "", str(item.answers),
                                        str(item.no_score) if item.no_score else ""])
        tree.expandAll()
        parts = []
        s = f.staff_evaluation
        if s is not None:
            rows = " · ".join(f"mål {i}: {share_text(r.share)}" for i, r in enumerate(s.rows, start=1))
            verdict = "opfyldt" if s.met else "ikke opfyldt"
            parts.append(f"<b>Personalets evaluering af månedsskemaet</b> ({s.participants} deltagere), andel "
                         f"»{escape(s.option_label)}«: {rows}. {escape(s.success_text)} – <b>{verdict}</b>.")
        if f.dialogue:
            parts.append("<b>Dialogmøde med personalet</b>")
            parts += [f"{escape(d.respondent_code)} · <i>{escape(d.text)}</i> {escape(d.answer)}" for d in f.dialogue]
        self.ui.staff_evaluation_label.setText("<br>".join(parts))
        self.ui.staff_evaluation_label.setVisible(bool(parts))

    @staticmethod
    def _item(parent, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setToolTip(0, plain_tooltip(texts[0]))
        for c in range(1, len(texts)):
            item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _fill_writing(self, f: VisitFindings, goals: list[GoalDTO]) -> None:
        combo = self.ui.result_combo
        combo.clear()
        combo.addItem("Ikke vurderet endnu", "")
        for option in self.ratings():
            combo.addItem(option.label, option.code)
        combo.setCurrentIndex(max(combo.findData(f.result), 0))
        self.ui.result_summary_edit.setPlainText(f.result_summary)
        self.ui.conclusions_edit.setPlainText("\n".join(s.text for s in f.conclusions))
        self.ui.areas_edit.setPlainText("\n".join(s.text for s in f.development_areas))
        self._build_goal_editors(f, goals)
        self._shown = self._state()

    def _build_goal_editors(self, f: VisitFindings, goals: list[GoalDTO]) -> None:
        layout: QVBoxLayout = self.ui.goals_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # deleted later, but must not be painted meanwhile
                item.widget().deleteLater()
        self.goal_editors = []
        notes = {n.goal_id: n for n in f.goal_notes}
        for goal in goals:
            box = QWidget(self.ui.goals_group)
            box.setObjectName(f"goal_{goal.id}_editor")
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 4, 0, 4)
            v.setSpacing(4)
            row = QHBoxLayout()
            title = QLabel(f"<b>{escape(goal.short_title or goal.title)}</b>", box)
            title.setToolTip(plain_tooltip(goal.description or goal.title))
            row.addWidget(title, 1)
            rating = QComboBox(box)
            rating.setObjectName(f"goal_{goal.id}_rating_combo")
            rating.addItem("Ikke vurderet", "")
            for option in self.ratings():
                rating.addItem(option.label, option.code)
            note = notes.get(goal.id)
            rating.setCurrentIndex(max(rating.findData(note.rating if note else ""), 0))
            rating.setAccessibleName(f"Vurdering af {goal.short_title or goal.title}")
            row.addWidget(rating)
            v.addLayout(row)
            measured = QLabel(_measured(f, goal.id), box)
            measured.setStyleSheet("color: #555555;")
            measured.setWordWrap(True)
            v.addWidget(measured)
            summary = QPlainTextEdit(box)
            summary.setObjectName(f"goal_{goal.id}_summary_edit")
            summary.setPlaceholderText("Kvalitativ sammenfatning af interviewene om målet")
            summary.setTabChangesFocus(True)
            summary.setFixedHeight(54)
            summary.setPlainText(note.summary if note else "")
            v.addWidget(summary)
            title.setBuddy(rating)
            layout.addWidget(box)
            self.goal_editors.append(GoalEditor(goal, rating, summary, measured))
        self._build_free_texts(f)

    def _build_free_texts(self, f: VisitFindings) -> None:
        """One check box per free-text answer of residents and relatives: checked, it appears in the
        report by respondent code (never by name). Saved at once, like the interview answers."""
        layout: QVBoxLayout = self.ui.goals_layout
        self.free_text_checks = []
        head = QLabel("<b>Fritekstsvar i rapporten</b><br><span style='color:#555555'>Kun de markerede "
                      "kommer med i rapporten, med respondentens kode (B1, P1 ...).</span>", self.ui.goals_group)
        head.setWordWrap(True)
        head.setObjectName("free_texts_label")
        layout.addWidget(head)
        if not f.free_texts:
            empty = QLabel("Ingen beboere eller pårørende har svaret med fritekst endnu.", self.ui.goals_group)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        for t in f.free_texts:
            shown = t.text if len(t.text) <= 110 else t.text[:109].rstrip() + "…"
            check = QCheckBox(f"{t.respondent_code}: »{shown}«", self.ui.goals_group)
            check.setObjectName(f"free_text_{t.respondent_code}_{t.question_id}_{t.item_id or 'svar'}_check")
            check.setToolTip(plain_tooltip(f"{t.question_text}\n{t.text}"))
            check.setAccessibleName(f"Fritekst fra {t.respondent_code} i rapporten")
            check.setChecked(t.in_report)
            check.toggled.connect(lambda on, t=t: self.flag_free_text(t, on))
            layout.addWidget(check)
            self.free_text_checks.append((check, t))

    def flag_free_text(self, t, include: bool) -> None:
        try:
            self.findings = self._svc.flag_free_text(t.interview_id, t.question_id, include, item_id=t.item_id)
        except DomainError as err:
            self.ui.findings_error_label.show_message(text_for(err))
            return
        self.ui.findings_error_label.show_message(None)
        self.saved.emit()

    # -- saving -----------------------------------------------------------------------------------
    def _state(self) -> dict[str, object]:
        state: dict[str, object] = {
            "result": (self.ui.result_combo.currentData() or "", self.ui.result_summary_edit.toPlainText().strip()),
            "conclusions": _lines(self.ui.conclusions_edit.toPlainText()),
            "areas": _lines(self.ui.areas_edit.toPlainText()),
        }
        for e in self.goal_editors:
            state[f"goal:{e.goal.id}"] = (e.rating.currentData() or "", e.summary.toPlainText().strip())
        return state

    def is_dirty(self) -> bool:
        return self._state() != self._shown

    def save(self) -> bool:
        """Save what changed since it was shown: rating, goals, conclusions, development areas."""
        if self.visit is None:
            return False
        now, before = self._state(), self._shown
        visit_id = self.visit.id
        try:
            result = None
            if now["result"] != before.get("result") and now["result"][0]:
                result = self._svc.set_result(visit_id, *now["result"])
            for e in self.goal_editors:
                key = f"goal:{e.goal.id}"
                if now[key] != before.get(key):
                    rating, summary = now[key]
                    result = self._svc.save_goal_finding(visit_id, e.goal.id, summary, rating)
            if now["conclusions"] != before.get("conclusions"):
                result = self._svc.set_conclusions(visit_id, now["conclusions"])
            if now["areas"] != before.get("areas"):
                result = self._svc.set_development_areas(visit_id, now["areas"])
        except DomainError as err:
            self.ui.findings_error_label.show_message(text_for(err))
            return False
        self.ui.findings_error_label.show_message(None)
        if result is not None:
            self.findings = result
            self._shown = now
            # format_moment: "DD-MM-ÅÅÅÅ kl. TT.MM" in Danish time; the day is today.
            self.ui.findings_saved_label.setText(f"✓ Gemt {format_moment(self._svc.ctx.now()).split(' ', 1)[1]}")
            self.saved.emit()
        else:
            self.ui.findings_saved_label.setText("Intet at gemme – ingen ændringer.")
        return True


def _respondents(group: GroupFindings) -> str:
    return "1 interview" if group.respondents == 1 else f"{group.respondents} interview"


def _measured(f: VisitFindings, goal_id: str) -> str:
    """"Målt: Beboere 58,3 (60 % tilfredse) · Pårørende 75" for one goal across the groups."""
    parts = []
    for group in f.groups:
        for goal in group.goals:
            if goal.goal_id == goal_id and goal.answers:
                parts.append(f"{GROUP_LABELS.get(group.kind, group.kind_label)} {score_text(goal.score)}"
                             f" ({share_text(goal.share_satisfied)} tilfredse)")
    return "Målt niveau: " + (" · ".join(parts) if parts else "ingen svar endnu")
