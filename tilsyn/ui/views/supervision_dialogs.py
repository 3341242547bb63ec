"""The small dialogs of the Tilsyn screens: plan a visit, the year's programme, a refusal in the
sample, a redraw, leaving residents out of the frame, an action item, and one step of the visit's
flow (a date and/or a text).

Each dialog reads its fields, makes one SupervisionService call on OK, keeps the returned DTO in
``result`` and closes; a refusal stays open with the Danish message under the field it concerns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QListWidgetItem, QWidget

from ...domain.errors import DomainError, ValidationError
from ...domain.supervision.protocols import KINDS as PROTOCOL_KINDS
from ...domain.supervision.visits import ACTION_STATUS_LABELS, ACTION_STATUSES
from ...messages import format_date, text_for
from ...services.supervision.dto import (
    ActionItemDTO,
    DrawDTO,
    FrameCandidateDTO,
    PlanCheck,
    PlanningRow,
    ProgrammeDTO,
    SampleMemberDTO,
)
from ...services.supervision.service import SupervisionService
from ..errors import clear_field_errors, show_field_errors
from ..forms.ui_supervision_action_dialog import Ui_ActionItemDialog
from ..forms.ui_supervision_exclude_dialog import Ui_ExcludeDialog
from ..forms.ui_supervision_plan_dialog import Ui_PlanVisitDialog
from ..forms.ui_supervision_programme_dialog import Ui_ProgrammeDialog
from ..forms.ui_supervision_redraw_dialog import Ui_RedrawDialog
from ..forms.ui_supervision_refuse_dialog import Ui_RefuseDialog
from ..forms.ui_supervision_step_dialog import Ui_StepDialog
from ..widgets import grow_to_fit


class _ServiceDialog(QDialog):
    """OK runs ``save``; errors go under their fields (``error_labels``) or at the bottom."""

    error_labels: Mapping[str, QLabel] = {}
    general_error_label: QLabel

    def _wire(self, ok_text: str) -> None:
        box: QDialogButtonBox = self.ui.button_box
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuller")
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        clear_field_errors(self.error_labels)
        self.ui.general_error_label.setVisible(False)
        self.result = None

    def save(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def _run(self, call: Callable[[], object]) -> bool:
        """Run one service call; on a DomainError show it and stay open."""
        try:
            self.result = call()
        except DomainError as err:
            show_field_errors(err, self.error_labels, self.ui.general_error_label)
            grow_to_fit(self)
            return False
        self.accept()
        return True


# -- plan a visit ------------------------------------------------------------------------------------


class PlanVisitDialog(_ServiceDialog):
    """Plan a visit in ``programme``: care home, date, unannounced and the consultants."""

    def __init__(self, supervision: SupervisionService, programme: ProgrammeDTO, homes: list[PlanningRow],
                 parent: QWidget | None = None, *, care_home_id: str | None = None,
                 planned_on: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanVisitDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self._programme = programme
        self._homes = {h.care_home_id: h for h in homes}
        self.setWindowTitle(f"Planlæg tilsynsbesøg – {programme.title or programme.year}")
        for home in sorted(homes, key=lambda h: h.care_home_name.casefold()):
            self.ui.care_home_combo.addItem(home.care_home_name, home.care_home_id)
        if care_home_id:
            self.ui.care_home_combo.setCurrentIndex(max(self.ui.care_home_combo.findData(care_home_id), 0))
        me = supervision.ctx.user.id if supervision.ctx.user else None
        for consultant in supervision.consultants():
            item = QListWidgetItem(f"{consultant.full_name} ({consultant.username})", self.ui.consultants_list)
            item.setData(Qt.ItemDataRole.UserRole, consultant.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if consultant.id == me else Qt.CheckState.Unchecked)
        self.error_labels = {"planned_on": self.ui.planned_on_error_label,
                             "consultants": self.ui.consultants_error_label}
        self._wire("Planlæg besøg")
        self.ui.care_home_combo.currentIndexChanged.connect(self._show_due)
        self._show_due()
        if planned_on is not None:
            self.ui.planned_on_edit.set_date(planned_on)
        self.ui.care_home_combo.setFocus()

    def _show_due(self) -> None:
        row = self._homes.get(self.ui.care_home_combo.currentData())
        if row is None:
            self.ui.due_label.clear()
            return
        last = f"seneste besøg {format_date(row.last_visit_on)}" if row.last_visit_on else "aldrig besøgt"
        text = f"Næste besøg senest {format_date(row.due_on)} ({row.status_label.lower()}; {last})."
        if row.planned_on:
            text += f" Der er allerede planlagt et besøg {format_date(row.planned_on)}."
        self.ui.due_label.setText(text)

    def consultant_ids(self) -> list[str]:
        out = []
        for i in range(self.ui.consultants_list.count()):
            item = self.ui.consultants_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def save(self) -> None:
        def call():
            day = self.ui.planned_on_edit.date("planned_on")
            if day is None:
                raise ValidationError([DomainError("required", field="planned_on")])
            return self._svc.plan_visit(self._programme.id, self.ui.care_home_combo.currentData(), day,
                                        unannounced=self.ui.unannounced_check.isChecked(),
                                        consultant_ids=self.consultant_ids())

        self._run(call)


# -- the programme ------------------------------------------------------------------------------------


# Short row labels for the protocol choice (the kinds' full names are the tooltips).
PROTOCOL_ROW_LABELS = {"resident": "Beboere", "relative": "Pårørende", "staff_dialogue": "Dialogmøde",
                       "staff_evaluation": "Evaluering af skemaet"}


class ProgrammeDialog(_ServiceDialog):
    """Create the year's programme (theme and sampling plan), or change an existing one's plan."""

    def __init__(self, supervision: SupervisionService, year: int, programme: ProgrammeDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgrammeDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self._year = year
        self._programme = programme
        self.ui.year_value_label.setText(str(year))
        themes: dict[str, tuple[int, str]] = {}
        for protocol in supervision.protocols():
            for theme in protocol.themes:
                themes.setdefault(theme.id, (theme.year, theme.title))
        for theme_id, (theme_year, title) in sorted(themes.items(), key=lambda t: t[1][0]):
            self.ui.theme_combo.addItem(f"{theme_year}: {title}", theme_id)
        #: kind -> the combo choosing that kind's protocol version ("id@version" as item data).
        self.protocol_combos: dict[str, QComboBox] = self._protocol_rows(supervision.protocols(), programme)
        if programme is None:
            self.setWindowTitle(f"Opret tilsynsprogram for {year}")
            self.ui.intro_label.setText(
                "Programmet samler årets interviewguider (valgt blandt de installerede; standarden er "
                "foreslået), temaet for magtanvendelse og stikprøveplanen. Interviewguiderne og temaet kan "
                "ikke ændres, når programmet er oprettet.")
            # The year's own theme, else the newest before it (themes repeat the latest principle).
            best = max((t for t in themes.items() if t[1][0] <= year), key=lambda t: t[1][0], default=None)
            if best is not None:
                self.ui.theme_combo.setCurrentIndex(self.ui.theme_combo.findData(best[0]))
            self.ui.total_spin.setValue(120)
            self.ui.min_spin.setValue(3)
            self.ui.max_spin.setValue(6)
            self.ui.relatives_spin.setValue(2)
            ok = "Opret program"
        else:
            self.setWindowTitle(f"Stikprøveplan for {programme.title or year}")
            self.ui.intro_label.setText(
                "Stikprøveplanen fordeler det samlede antal beboere på plejecentrene efter størrelse, "
                "inden for mindst og højst pr. plejecenter. Allerede udtrukne stikprøver ændres ikke.")
            index = self.ui.theme_combo.findData(programme.theme_id)
            if index < 0:
                self.ui.theme_combo.addItem(programme.theme_title, programme.theme_id)
                index = self.ui.theme_combo.count() - 1
            self.ui.theme_combo.setCurrentIndex(index)
            self.ui.theme_combo.setEnabled(False)
            self.ui.total_spin.setValue(programme.sample_total)
            self.ui.min_spin.setValue(programme.sample_min)
            self.ui.max_spin.setValue(programme.sample_max)
            self.ui.relatives_spin.setValue(programme.relatives_per_home)
            ok = "Gem"
            if programme.plan_fixed:
                # Once there are draws the plan and seed are fixed (the service refuses a change too).
                self.ui.intro_label.setText(
                    f"Der er trukket stikprøver i programmet (frø {_html(programme.seed)}), så stikprøveplanen "
                    "ligger fast. Et besøgs stikprøve kan trækkes om med en begrundelse under besøgets Stikprøve.")
                for spin in (self.ui.total_spin, self.ui.min_spin, self.ui.max_spin, self.ui.relatives_spin):
                    spin.setEnabled(False)
        self.error_labels = {}
        self._wire(ok)
        for spin in (self.ui.total_spin, self.ui.min_spin, self.ui.max_spin, self.ui.relatives_spin):
            spin.valueChanged.connect(self.check_plan)
        #: The last PlanCheck shown (tests read it).
        self.plan_check: PlanCheck | None = None
        self.check_plan()

    def _protocol_rows(self, protocols, programme: ProgrammeDTO | None) -> dict[str, QComboBox]:
        """One row per protocol kind after the theme: the installed versions of that kind, the
        kind's default chosen for a new programme; an existing programme's choice shown, fixed."""
        by_kind: dict[str, list] = {}
        for p in protocols:
            by_kind.setdefault(p.kind, []).append(p)
        chosen = set(programme.protocols) if programme is not None else set()
        combos: dict[str, QComboBox] = {}
        form = self.ui.form_layout
        row = 2  # after year and theme
        if by_kind:
            head = QLabel("<b>Interviewguider</b>", self)
            head.setObjectName("protocols_heading_label")
            form.insertRow(row, head)
            row += 1
        for kind in sorted(by_kind, key=lambda k: PROTOCOL_KINDS.index(k) if k in PROTOCOL_KINDS else 99):
            items = sorted(by_kind[kind], key=lambda p: (not p.default, p.installed, p.id, -p.version))
            combo = QComboBox(self)
            combo.setObjectName(f"protocol_{kind}_combo")
            for p in items:
                marks = [m for m, on in (("standard", p.default), ("kommunens egen", p.installed)) if on]
                combo.addItem(f"{p.title} (version {p.version})" + (f" – {', '.join(marks)}" if marks else ""),
                              p.key)
            current = next((i for i, p in enumerate(items) if p.key in chosen), None)
            if programme is not None and current is None:
                continue  # the programme has no protocol of this kind
            combo.setCurrentIndex(current or 0)
            combo.setEnabled(programme is None)
            label = QLabel(f"{PROTOCOL_ROW_LABELS.get(kind, items[0].kind_label)}:", self)
            label.setToolTip(items[0].kind_label)
            label.setBuddy(combo)
            form.insertRow(row, label, combo)
            row += 1
            combos[kind] = combo
        if combos:
            # Wide enough for the longest label and version name side by side: the form layout
            # would otherwise squeeze the label column ("Tema for magtanvendelse:" cut off).
            self.resize(max(self.width(), self.sizeHint().width(), 640), self.height())
        return combos

    def chosen_protocols(self) -> list[str]:
        """The protocol versions chosen, one "id@version" per kind."""
        return [combo.currentData() for combo in self.protocol_combos.values()]

    def check_plan(self, *_args) -> None:
        """Say at once what the typed plan reaches over the care homes (and if it cannot be met)."""
        try:
            check = self._svc.check_sampling_plan(
                self._year, sample_total=self.ui.total_spin.value(), sample_min=self.ui.min_spin.value(),
                sample_max=self.ui.max_spin.value(), relatives_per_home=self.ui.relatives_spin.value())
        except DomainError as err:
            self.ui.plan_check_label.setText(text_for(err))
            return
        self.plan_check = check
        self.ui.plan_check_label.setText(plan_check_text(check))
        self.ui.plan_check_label.setStyleSheet("" if check.feasible else "color: #8c1d18; font-weight: 600;")

    def save(self) -> None:
        plan = dict(sample_total=self.ui.total_spin.value(), sample_min=self.ui.min_spin.value(),
                    sample_max=self.ui.max_spin.value(), relatives_per_home=self.ui.relatives_spin.value())
        if self._programme is None:
            self._run(lambda: self._svc.create_programme(self._year, theme_id=self.ui.theme_combo.currentData(),
                                                         protocols=self.chosen_protocols(), **plan))
        else:
            self._run(lambda: self._svc.update_sampling_plan(self._programme.id, **plan))


# -- sample: refusal and redraw --------------------------------------------------------------------


class RefuseDialog(_ServiceDialog):
    """Why a drawn resident (or relative) is not interviewed; by default the next in rank replaces."""

    def __init__(self, supervision: SupervisionService, member: SampleMemberDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RefuseDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self._member = member
        self.ui.member_label.setText(
            f"Nr. {member.rank}: <b>{_html(member.name)}</b>"
            + (f", bolig {_html(member.room)}" if member.room else "")
            + "<br>Afslaget logges med årsag. Erstatningen er den næste i den udtrukne rækkefølge, så "
              "stikprøven stadig kan efterprøves.")
        for code, label in supervision.refusal_reasons():
            self.ui.reason_combo.addItem(label, code)
        self.error_labels = {"reason": self.ui.note_error_label}
        self._wire("Registrér afslag")

    def save(self) -> None:
        self._run(lambda: self._svc.refuse_member(self._member.id, self.ui.reason_combo.currentData(),
                                                  self.ui.note_edit.text(),
                                                  replace=self.ui.replace_check.isChecked()))


class RedrawDialog(_ServiceDialog):
    """Draw the whole sample again with a new seed and its own size; the reason is required and logged."""

    def __init__(self, supervision: SupervisionService, draw: DrawDTO, parent: QWidget | None = None, *,
                 size: int | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RedrawDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self._draw = draw
        self.setWindowTitle(f"Træk stikprøven om – {draw.kind_label.lower()}")
        self.ui.seed_edit.setPlaceholderText(f"fx {int(draw.seed) + 1 if draw.seed.isdigit() else 4711}")
        # The old draw's size (the number asked for), else the size proposed for the visit.
        self.ui.size_spin.setValue(draw.size if draw.size >= 1 else (size or 1))
        self.error_labels = {"seed": self.ui.seed_error_label, "reason": self.ui.reason_error_label,
                             "size": self.ui.size_error_label}
        self._wire("Træk om")

    def save(self) -> None:
        self._run(lambda: self._svc.redraw(self._draw.id, self.ui.seed_edit.text(),
                                           self.ui.reason_edit.toPlainText(), size=self.ui.size_spin.value()))


class ExcludeDialog(_ServiceDialog):
    """Leave residents of the frame out before the draw, each with a reason (recorded with the
    draw). OK keeps the choice in ``exclusions`` (resident id -> (code, note)); nothing is stored
    until the sample is drawn."""

    def __init__(self, supervision: SupervisionService, candidates: list[FrameCandidateDTO],
                 exclusions: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExcludeDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self.exclusions = dict(exclusions)
        self.ui.intro_label.setText(
            "Marker de beboere, der ikke skal med i rammen, og vælg årsagen. Udeladelserne gemmes med "
            "stikprøven, så den stadig kan efterprøves.")
        for code, label in supervision.exclusion_reasons():
            self.ui.reason_combo.addItem(label, code)
        for c in candidates:
            text = c.name + (f", bolig {c.room}" if c.room else "") + (f" ({c.unit})" if c.unit else "")
            item = QListWidgetItem(text, self.ui.candidates_list)
            item.setData(Qt.ItemDataRole.UserRole, c.resident_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.resident_id in exclusions else Qt.CheckState.Unchecked)
        self.error_labels = {"reason": self.ui.note_error_label}
        self._wire("Udelad")

    def checked_ids(self) -> list[str]:
        out = []
        for i in range(self.ui.candidates_list.count()):
            item = self.ui.candidates_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def save(self) -> None:
        def call():
            code, note = self.ui.reason_combo.currentData(), self.ui.note_edit.text()
            from ...domain.supervision.sampling import check_exclusion

            why = check_exclusion(code, note)
            ids = set(self.checked_ids())
            kept = {r: w for r, w in self.exclusions.items() if r in ids}
            for rid in ids - set(kept):
                kept[rid] = why
            self.exclusions = kept
            return kept

        self._run(call)


# -- action plan -----------------------------------------------------------------------------------


class ActionItemDialog(_ServiceDialog):
    """A new action (``item`` None) or a change to one, including its follow-up status."""

    def __init__(self, supervision: SupervisionService, visit_id: str, item: ActionItemDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionItemDialog()
        self.ui.setupUi(self)
        self._svc = supervision
        self._visit_id = visit_id
        self._item = item
        for status in ACTION_STATUSES:
            self.ui.status_combo.addItem(ACTION_STATUS_LABELS[status], status)
        if item is None:
            self.setWindowTitle("Ny handling i handleplanen")
            self.ui.status_label.setVisible(False)
            self.ui.status_combo.setVisible(False)
        else:
            self.setWindowTitle("Ret handling i handleplanen")
            self.ui.action_edit.setPlainText(item.action)
            self.ui.responsible_edit.setText(item.responsible)
            self.ui.due_on_edit.set_date(item.due_on)
            self.ui.status_combo.setCurrentIndex(max(self.ui.status_combo.findData(item.status), 0))
        self.error_labels = {"action": self.ui.action_error_label, "due_on": self.ui.due_on_error_label}
        self._wire("Gem")
        self.ui.action_edit.setFocus()

    def save(self) -> None:
        def call():
            due = self.ui.due_on_edit.date("due_on")
            action, responsible = self.ui.action_edit.toPlainText(), self.ui.responsible_edit.text()
            if self._item is None:
                return self._svc.add_action_item(self._visit_id, action, responsible, due)
            return self._svc.update_action_item(self._visit_id, self._item.id, action=action,
                                                responsible=responsible, due_on=due,
                                                status=self.ui.status_combo.currentData())

        self._run(call)


# -- one step of the visit's flow -------------------------------------------------------------------


@dataclass(frozen=True)
class StepInput:
    """What a step dialog's fields say."""

    day: dt.date | None
    unannounced: bool
    text: str


class StepDialog(_ServiceDialog):
    """One step (mark conducted, send for consultation, back to draft, reply, follow-up): a short
    explanation and the fields the step needs; OK runs ``run(StepInput)`` (one service call)."""

    DATE_FIELDS = ("conducted_on", "deadline", "planned_on", "date")
    TEXT_FIELDS = ("reason", "reply_text", "text")

    def __init__(self, title: str, message: str, run: Callable[[StepInput], object], parent: QWidget | None = None,
                 *, ok_text: str = "OK", date_label: str | None = None, date: dt.date | None = None,
                 unannounced: bool | None = None, text_label: str | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_StepDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self._run_step = run
        self.ui.message_label.setText(message)
        has_date, has_text = date_label is not None, text_label is not None
        for widget in (self.ui.date_label, self.ui.date_edit):
            widget.setVisible(has_date)
        if has_date:
            self.ui.date_label.setText(date_label)
            self.ui.date_edit.set_date(date)
        self.ui.unannounced_check.setVisible(unannounced is not None)
        self.ui.unannounced_check.setChecked(bool(unannounced))
        for widget in (self.ui.text_label, self.ui.text_edit):
            widget.setVisible(has_text)
        if has_text:
            self.ui.text_label.setText(text_label)
            self.ui.text_edit.setPlainText(text)
        labels = {name: self.ui.date_error_label for name in self.DATE_FIELDS}
        labels.update({name: self.ui.text_error_label for name in self.TEXT_FIELDS})
        self.error_labels = labels
        self._wire(ok_text)
        (self.ui.date_edit if has_date else self.ui.text_edit if has_text else self).setFocus()

    def save(self) -> None:
        def call():
            day = self.ui.date_edit.date("date") if self.ui.date_edit.isVisibleTo(self) else None
            return self._run_step(StepInput(day, self.ui.unannounced_check.isChecked(),
                                            self.ui.text_edit.toPlainText()))

        self._run(call)


def plan_check_text(check: PlanCheck) -> str:
    """What a plan reaches, in Danish: the refusal, the statement of an infeasible plan, or the count."""
    if check.errors:
        return "\n".join(text_for(e) for e in check.errors)
    if check.warning is not None:
        return text_for(check.warning)
    homes = "1 plejecenter" if check.homes == 1 else f"{check.homes} plejecentre"
    return f"Planen kan nås: {check.reachable} beboere fordelt på {homes}."


def _html(text: str) -> str:
    from html import escape

    return escape(text or "")
