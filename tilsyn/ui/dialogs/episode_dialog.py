"""Register one use of force (or correct one), built for speed at 3 a.m.

Type part of the resident's name, room or CPR number and press Enter; only the types the
resident's permits allow are offered; the date and time start at now; colleagues from the last
shifts are ready to tick. Everything typed is saved as a draft (``ForceService.save_draft``)
300 ms after the last keystroke and whenever a field loses focus, and comes back when the dialog
opens again: a killed app loses at most the field being typed. An episode the permit does not
cover is offered as an acute / unpermitted record, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from ... import messages
from ...domain.errors import DomainError, ValidationError
from ...domain.force import COPENHAGEN, EpisodeNotCovered
from ...services.force import ForceService
from ...services.force_dto import EpisodeDTO, RegistrationResult, ReopenRequestResult, TypeChoice
from ...services.residents import ResidentService
from ..errors import clear_field_errors, field_texts, show_field_errors
from ..forms.ui_episode_dialog import Ui_EpisodeDialog
from ...domain.times import ends_next_day, episode_times, parse_time
from ..models.force_inputs import DRAFT_TEXT_KEYS, episode_input, format_time
from ..models.force_resident_completer import ResidentCompleter
from . import episode_flow
from . import sign_dialog as prompts
from ..widgets.plain import plain_labels

AUTOSAVE_MS = 300
DRAFT_KIND = "episode"
TEXT_FIELDS = ("location", "purpose", "description", "avoidance", "least_intrusive", "narrative")
NOT_PERMITTED_SUFFIX = " (ikke omfattet af tilladelsen)"

# What the user chose when closing a dialog with input.
CLOSE_KEEP, CLOSE_DISCARD, CLOSE_CONTINUE = "keep", "discard", "continue"


class EpisodeDialog(QDialog):
    """A new registration, or with ``episode`` the correction of a registered one.

    After a new registration ``result`` holds the RegistrationResult and ``result_text`` the
    Danish sentence for the status bar; after a correction ``result`` is the EpisodeDTO.
    """

    registered = Signal(object)

    def __init__(
        self,
        force: ForceService,
        residents: ResidentService,
        parent: QWidget | None = None,
        *,
        resident_id: str | None = None,
        episode: EpisodeDTO | None = None,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EpisodeDialog()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._force = force
        self._episode = episode
        self.draft_kind = f"{DRAFT_KIND}:{episode.id}" if episode else DRAFT_KIND
        self.result: RegistrationResult | EpisodeDTO | None = None
        self.result_text = ""
        self._types: dict[str, TypeChoice] = {}
        self._permitted: set[str] = set()
        self._staff_rows: list[dict[str, QWidget]] = []
        self._writer_group = QButtonGroup(self)
        self._restoring = False
        self._dirty = False
        self._closing = False
        ui = self.ui

        for name in TEXT_FIELDS + ("late_reason",):
            getattr(ui, f"{name}_label").setText(messages.field_label(name))
        self.setWindowTitle("Ret magtanvendelse" if episode else "Registrér magtanvendelse")
        ui.title_label.setText(self.windowTitle())
        ui.draft_label.setVisible(False)
        ui.acute_frame.setVisible(False)
        ui.late_group.setVisible(False)
        ui.overnight_label.setVisible(False)
        self._show_situations(())

        self.completer = ResidentCompleter(residents, ui.resident_edit, self)
        self.completer.picked.connect(self._resident_picked)
        self.completer.cleared.connect(self._resident_cleared)
        self.completer.failed.connect(self._show_general_error)

        self.error_labels = {
            "resident_id": ui.resident_error_label,
            "force_type": ui.force_type_error_label,
            "situation": ui.situation_error_label,
            "started_at": ui.started_at_error_label,
            "ended_at": ui.ended_at_error_label,
            "late_reason": ui.late_reason_error_label,
            **{name: getattr(ui, f"{name}_error_label") for name in TEXT_FIELDS},
            "staff": ui.staff_error_label,
        }
        self._inputs: dict[str, QWidget] = {
            "resident_id": ui.resident_edit,
            "force_type": ui.force_type_combo,
            "situation": ui.situation_combo,
            "started_at": ui.date_edit,
            "ended_at": ui.end_time_edit,
            "late_reason": ui.late_reason_edit,
            **{name: getattr(ui, f"{name}_edit") for name in TEXT_FIELDS},
        }

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(autosave_ms)
        self._autosave_timer.timeout.connect(self.save_draft_now)

        ui.start_time_edit.textChanged.connect(self._show_overnight)
        ui.end_time_edit.textChanged.connect(self._show_overnight)
        ui.date_edit.textChanged.connect(self._show_overnight)
        ui.ended_next_day_check.toggled.connect(self._show_overnight)
        ui.force_type_combo.currentIndexChanged.connect(self._type_changed)
        ui.all_types_check.toggled.connect(self._reload_types)
        ui.date_edit.editingFinished.connect(self._reload_types)
        ui.date_edit.date_picked.connect(self._reload_types)
        ui.add_staff_button.clicked.connect(self._add_staff_clicked)
        ui.save_button.clicked.connect(self.save)
        ui.cancel_button.clicked.connect(self.reject)
        ui.acute_button.clicked.connect(self.register_acute)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.save)
        self._watch_changes()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._watching_focus_done = False

        self._start(resident_id)

    # -- opening -------------------------------------------------------------------------------
    def _start(self, resident_id: str | None) -> None:
        ui = self.ui
        draft = self._load_draft()
        self._restoring = True
        try:
            if self._episode is not None:
                self._fill_episode(self._episode)
            else:
                now = self._force.now_local()
                ui.date_edit.set_date(now.date())
                ui.start_time_edit.setText(format_time(now))
                self._fill_staff_defaults()
                if resident_id:
                    self.completer.choose_id(resident_id)
            if draft:
                self._fill_draft(draft)
                ui.draft_label.setText(
                    "Din kladde fra sidst er hentet frem. Vælg Annuller og »Kassér kladden« for at starte forfra."
                )
                ui.draft_label.setVisible(True)
        finally:
            self._restoring = False
        if self._episode is not None:
            ui.resident_edit.setReadOnly(True)
            ui.force_type_combo.setFocus()
        elif self.completer.chosen is None:
            ui.resident_edit.setFocus()
        else:
            ui.force_type_combo.setFocus()

    def _load_draft(self) -> dict | None:
        try:
            return self._force.load_draft(self.draft_kind)
        except DomainError:
            return None

    def _fill_episode(self, e: EpisodeDTO) -> None:
        ui = self.ui
        self.completer.choose_id(e.resident_id)
        self._select_type(e.force_type)
        self._select_situation(e.situation)
        local = e.started_at.astimezone(COPENHAGEN)
        ui.date_edit.set_date(local.date())
        ui.start_time_edit.setText(format_time(e.started_at))
        ui.end_time_edit.setText(format_time(e.ended_at))
        ui.ended_next_day_check.setChecked(ends_next_day(e.started_at, e.ended_at))
        for name in TEXT_FIELDS:
            _set_text(getattr(ui, f"{name}_edit"), getattr(e, name))
        if e.late:
            ui.late_group.setVisible(True)
            ui.late_reason_edit.setPlainText(e.late_reason)
        self._clear_staff()
        for s in e.staff:
            self._add_staff_row(True, s.name, s.workplace, s.position, s.is_writer)
        self._add_staff_row()

    def _fill_draft(self, d: dict) -> None:
        ui = self.ui
        if self._episode is None and d.get("resident_id"):
            if not self.completer.choose_id(d["resident_id"]):
                ui.resident_edit.setText(d.get("resident_text", ""))
        elif self._episode is None:
            ui.resident_edit.setText(d.get("resident_text", ""))
        ui.all_types_check.setChecked(bool(d.get("all_types")))
        self._reload_types()
        self._select_type(d.get("force_type") or "")
        self._select_situation(d.get("situation") or "")
        ui.date_edit.setText(d.get("date", ""))
        ui.start_time_edit.setText(d.get("start", ""))
        ui.end_time_edit.setText(d.get("end", ""))
        ui.ended_next_day_check.setChecked(bool(d.get("ended_next_day")))
        for name in TEXT_FIELDS:
            _set_text(getattr(ui, f"{name}_edit"), d.get(name, ""))
        if d.get("late_reason"):
            ui.late_group.setVisible(True)
            ui.late_reason_edit.setPlainText(d["late_reason"])
        if d.get("staff"):
            self._clear_staff()
            for r in d["staff"]:
                self._add_staff_row(bool(r.get("on")), r.get("name", ""), r.get("workplace", ""),
                                    r.get("position", ""), bool(r.get("writer")))
            self._ensure_blank_staff_row()

    # -- resident and type ---------------------------------------------------------------------
    def _resident_picked(self, _row) -> None:
        self.ui.resident_error_label.show_message(None)
        self._reload_types()
        self._changed()
        if not self._restoring:
            self.ui.force_type_combo.setFocus()

    def _resident_cleared(self) -> None:
        self.ui.resident_info_label.setText("")
        self._fill_types([])

    def _reload_types(self, *_args) -> None:
        """Offer the types the resident's permits allow on the typed date (all types if asked)."""
        ui = self.ui
        rid = self.completer.resident_id
        if rid is None:
            self._fill_types([])
            return
        try:
            day = ui.date_edit.date()
        except DomainError:
            day = None
        try:
            permitted = self._force.permitted_types(rid, day)
            everything = self._force.all_types(day)
        except DomainError as exc:
            self._show_general_error(exc)
            return
        self._permitted = {t.code for t in permitted}
        if not permitted:
            ui.resident_info_label.setText(
                "Beboeren har ingen aktiv tilladelse til magtanvendelse den dag. Vælg typen blandt alle typer: "
                "magtanvendelsen registreres som akut / ikke-godkendt, så intet går tabt."
            )
            if not ui.all_types_check.isChecked():
                ui.all_types_check.blockSignals(True)
                ui.all_types_check.setChecked(True)
                ui.all_types_check.blockSignals(False)
        else:
            names = ", ".join(t.display for t in permitted)
            ui.resident_info_label.setText(f"Tilladelsen omfatter: {names}.")
        offered = list(permitted)
        if ui.all_types_check.isChecked():
            offered += [t for t in everything if t.code not in self._permitted]
        self._fill_types(offered)

    def _fill_types(self, types: list[TypeChoice]) -> None:
        combo = self.ui.force_type_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Vælg type …", None)
        self._types = {}
        for t in types:
            text = t.display if t.code in self._permitted else t.display + NOT_PERMITTED_SUFFIX
            combo.addItem(text.replace("&", "&&"), t.code)
            self._types[t.code] = t
        # One permitted type: nothing to choose at 3 a.m.
        if keep and combo.findData(keep) >= 0:
            combo.setCurrentIndex(combo.findData(keep))
        elif len(self._permitted) == 1 and len(types) >= 1 and not self._restoring:
            combo.setCurrentIndex(1)
        else:
            combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self._type_changed()

    def _select_type(self, code: str) -> None:
        combo = self.ui.force_type_combo
        if code and combo.findData(code) < 0 and self.completer.resident_id:
            # The stored type is no longer offered by default (a draft, an old episode): show all.
            self.ui.all_types_check.setChecked(True)
            self._reload_types()
        index = combo.findData(code) if code else 0
        combo.setCurrentIndex(max(index, 0))

    def _type_changed(self, *_args) -> None:
        t = self._types.get(self.ui.force_type_combo.currentData() or "")
        self._show_situations(t.situations if t else ())
        self._changed()

    def _show_situations(self, situations: tuple[tuple[str, str], ...]) -> None:
        ui = self.ui
        combo = ui.situation_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Vælg situation …", None)
        for code, label in situations:
            combo.addItem(label, code)
        if keep and combo.findData(keep) >= 0:
            combo.setCurrentIndex(combo.findData(keep))
        combo.blockSignals(False)
        for w in (ui.situation_label, combo):
            w.setVisible(bool(situations))
        if not situations:
            ui.situation_error_label.show_message(None)

    def _select_situation(self, code: str) -> None:
        index = self.ui.situation_combo.findData(code) if code else 0
        self.ui.situation_combo.setCurrentIndex(max(index, 0))

    # -- an end before the start: ended the next day? ------------------------------------------
    def _show_overnight(self, *_args) -> None:
        """Ask, as soon as the end is typed before the start, whether it ended the next day; once
        ticked, say which day it ended. Nothing is decided for the user."""
        ui = self.ui
        label = ui.overnight_label
        try:
            day = ui.date_edit.date()
            start = parse_time(ui.start_time_edit.text())
            end = parse_time(ui.end_time_edit.text())
        except DomainError:
            day = start = end = None
        text, asking = "", False
        if day is not None and start is not None and end is not None:
            next_day = messages.format_date(day + dt.timedelta(days=1))
            if ui.ended_next_day_check.isChecked():
                text = f"Magtanvendelsen sluttede næste dag, {next_day} kl. {end:%H.%M}."
            elif end < start:
                asking = True
                text = (f"Sluttidspunktet {end:%H.%M} er før starttidspunktet {start:%H.%M}. Sluttede "
                        f"magtanvendelsen næste dag, {next_day}? Sæt i så fald flueben i »Sluttede næste dag«.")
        label.setText(text)
        label.setStyleSheet("color: #a35a00; font-weight: 600;" if asking else "")
        label.setVisible(bool(text))

    # -- staff ---------------------------------------------------------------------------------
    def _fill_staff_defaults(self) -> None:
        """The user first (as writer), then colleagues from the last registrations, then a blank row."""
        user = self._force.ctx.user
        try:
            colleagues = self._force.recent_colleagues()
        except DomainError:
            colleagues = []
        me = user.full_name if user else ""
        mine = next((c for c in colleagues if c.name.casefold() == me.casefold()), None)
        if me:
            self._add_staff_row(True, me, mine.workplace if mine else "", mine.position if mine else "", True)
        for c in colleagues:
            if c.name.casefold() != me.casefold():
                self._add_staff_row(False, c.name, c.workplace, c.position, False)
        self._add_staff_row()

    def _clear_staff(self) -> None:
        for row in self._staff_rows:
            for w in row.values():
                if isinstance(w, QRadioButton):
                    self._writer_group.removeButton(w)
                w.deleteLater()
        self._staff_rows = []

    def _add_staff_clicked(self) -> None:
        row = self._add_staff_row()
        row["name"].setFocus()

    def _add_staff_row(self, on: bool = False, name: str = "", workplace: str = "", position: str = "",
                       writer: bool = False) -> dict[str, QWidget]:
        parent = self.ui.staff_group
        grid = self.ui.staff_grid
        n = len(self._staff_rows)
        row = {
            "on": QCheckBox(parent),
            "name": QLineEdit(parent),
            "workplace": QLineEdit(parent),
            "position": QLineEdit(parent),
            "writer": QRadioButton("X", parent),
        }
        row["on"].setToolTip("Var med ved magtanvendelsen")
        row["on"].setAccessibleName(f"Medarbejder {n + 1} var med")
        row["name"].setPlaceholderText("Navn")
        row["workplace"].setPlaceholderText("Arbejdssted")
        row["position"].setPlaceholderText("Stilling")
        row["writer"].setToolTip("Sæt X ved den, som skriver indberetningen")
        row["writer"].setAccessibleName(f"Medarbejder {n + 1} skriver indberetningen")
        for key, w in row.items():
            w.setObjectName(f"staff_{key}_{n}")
        row["on"].setChecked(on)
        row["name"].setText(name)
        row["workplace"].setText(workplace)
        row["position"].setText(position)
        self._writer_group.addButton(row["writer"])
        row["writer"].setChecked(writer)
        for col, key in enumerate(("on", "name", "workplace", "position", "writer")):
            grid.addWidget(row[key], n + 1, col)
        self._staff_rows.append(row)
        row["name"].textEdited.connect(lambda text, r=row: self._staff_name_typed(r, text))
        row["writer"].toggled.connect(lambda checked, r=row: checked and r["on"].setChecked(True))
        for key in ("name", "workplace", "position"):
            row[key].textChanged.connect(self._changed)
        row["on"].toggled.connect(self._changed)
        row["writer"].toggled.connect(self._changed)
        self._chain_staff_tab_order()
        return row

    def _staff_name_typed(self, row: dict, text: str) -> None:
        if text.strip():
            row["on"].setChecked(True)
            self._ensure_blank_staff_row()

    def _ensure_blank_staff_row(self) -> None:
        if not self._staff_rows or self._staff_rows[-1]["name"].text().strip():
            self._add_staff_row()

    def _chain_staff_tab_order(self) -> None:
        previous: QWidget = self.ui.narrative_edit
        for row in self._staff_rows:
            for key in ("on", "name", "workplace", "position", "writer"):
                QWidget.setTabOrder(previous, row[key])
                previous = row[key]
        QWidget.setTabOrder(previous, self.ui.add_staff_button)

    def staff_rows(self) -> list[dict]:
        """The staff table as plain values (also the draft's ``staff``)."""
        return [
            {"on": r["on"].isChecked(), "name": r["name"].text(), "workplace": r["workplace"].text(),
             "position": r["position"].text(), "writer": r["writer"].isChecked()}
            for r in self._staff_rows
        ]

    # -- autosave ------------------------------------------------------------------------------
    def _watch_changes(self) -> None:
        ui = self.ui
        for edit in (ui.resident_edit, ui.date_edit, ui.start_time_edit, ui.end_time_edit, ui.location_edit,
                     ui.purpose_edit):
            edit.textChanged.connect(self._changed)
        for edit in (ui.description_edit, ui.avoidance_edit, ui.least_intrusive_edit, ui.narrative_edit,
                     ui.late_reason_edit):
            edit.textChanged.connect(self._changed)
        ui.situation_combo.currentIndexChanged.connect(self._changed)
        ui.all_types_check.toggled.connect(self._changed)
        ui.ended_next_day_check.toggled.connect(self._changed)

    def _changed(self, *_args) -> None:
        if self._restoring or self._closing:
            return
        self._dirty = True
        self._autosave_timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.save_draft_now()

    def draft_payload(self) -> dict:
        """Everything on the screen as plain values: what the draft stores."""
        ui = self.ui
        values = {
            "resident_id": self.completer.resident_id or "",
            "resident_text": ui.resident_edit.text(),
            "force_type": ui.force_type_combo.currentData() or "",
            "situation": ui.situation_combo.currentData() or "" if ui.situation_combo.isVisibleTo(self) else "",
            "date": ui.date_edit.text(),
            "start": ui.start_time_edit.text(),
            "end": ui.end_time_edit.text(),
            "ended_next_day": ui.ended_next_day_check.isChecked(),
            "late_reason": ui.late_reason_edit.toPlainText(),
            "all_types": ui.all_types_check.isChecked(),
            "staff": self.staff_rows(),
        }
        for name in TEXT_FIELDS:
            values[name] = _text(getattr(ui, f"{name}_edit"))
        assert set(DRAFT_TEXT_KEYS) <= set(values)
        return values

    def save_draft_now(self) -> None:
        """Store the draft now (the timer and focus changes call this)."""
        self._autosave_timer.stop()
        if not self._dirty or self._closing:
            return
        try:
            self._force.save_draft(self.draft_kind, self.draft_payload())
        except DomainError as exc:
            self.ui.autosave_label.setText("Kladden kunne ikke gemmes: " + messages.text_for(exc))
            return
        self._dirty = False
        self.ui.autosave_label.setText(f"Kladde gemt kl. {format_time(self._force.now_local())}")

    def _discard_draft(self) -> None:
        self._autosave_timer.stop()
        self._dirty = False
        try:
            self._force.discard_draft(self.draft_kind)
        except DomainError:
            pass

    # -- saving --------------------------------------------------------------------------------
    def read_input(self):
        """The screen as EpisodeInput; raises ValidationError for a missing resident or an unreadable
        date or time (the service checks everything else)."""
        ui = self.ui
        values = self.draft_payload()
        errors: list[DomainError] = []
        rid = self.completer.resident_id
        if not rid:
            code = "resident_not_chosen" if ui.resident_edit.text().strip() else "required"
            errors.append(DomainError(code, field="resident_id"))
        day = start = end = None
        try:
            day = ui.date_edit.date("started_at")
        except DomainError as exc:
            errors.append(exc)
        try:
            start = parse_time(values["start"], "started_at")
        except DomainError as exc:
            errors.append(exc)
        try:
            end = parse_time(values["end"], "ended_at")
        except DomainError as exc:
            errors.append(exc)
        times = None
        try:
            times = episode_times(day, start, end, values["ended_next_day"])
        except ValidationError as exc:
            errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        started, ended = (times.started_at, times.ended_at) if times else (None, None)
        return episode_input(rid or "", values, started, ended)

    def save(self) -> None:
        """Gem: register the episode (or the correction); refusals appear under their fields."""
        self._submit(as_acute=False)

    def register_acute(self) -> None:
        """Record what the permit does not cover as an acute / unpermitted episode."""
        self._submit(as_acute=True)

    def _submit(self, as_acute: bool) -> None:
        self._clear_errors()
        try:
            data = self.read_input()
            if self._episode is not None:
                result = self._update(data)
                if result is None:
                    return
            else:
                result = self._force.register_episode(data, as_acute=as_acute)
        except EpisodeNotCovered as exc:
            self._offer_acute(exc)
            return
        except DomainError as exc:
            if exc.code not in ("form_reopen_needs_reason", "month_closed") or self._episode is not None:
                self._show_errors(exc)
                return
            try:  # issue 12: ask before reopening a form, or keep the episode in a request
                result = episode_flow.reopen_or_request(self, self._force, data, exc, self._resident_name())
            except DomainError as again:
                self._show_errors(again)
                return
            if result is None:
                return
        self._finish(result, data)

    def _resident_name(self) -> str:
        return self.completer.chosen.name if self.completer.chosen else ""

    def _update(self, data):
        try:
            return self._force.update_episode(self._episode.id, data)
        except DomainError as exc:
            if exc.code != "reason_required":
                raise
        reason = prompts.ask_reason(self, "Ret underskrevet afsnit",
                            "Afsnit 2 er underskrevet. Rettelsen ugyldiggør underskrifterne fra afsnit 2 og frem. "
                            "Skriv hvorfor du retter:")
        if reason is None:
            return None
        return self._force.update_episode(self._episode.id, data, reason=reason)

    def _finish(self, result, data) -> None:
        self._discard_draft()
        self._closing = True
        self.result = result
        name = self.completer.chosen.name if self.completer.chosen else ""
        if isinstance(result, RegistrationResult):
            local = data.started_at.astimezone(COPENHAGEN)
            month = messages.month_label(local.year, local.month)
            if result.kind == "acute":
                text = f"Magtanvendelsen over for {name} er registreret som akut / ikke-godkendt magtanvendelse."
            else:
                text = f"Magtanvendelsen er registreret på månedsskemaet for {name}, {month}."
            if result.late:
                text += " Den er markeret »registreret for sent«."
            if result.voided_sections:
                sections = ", ".join(str(s) for s in result.voided_sections)
                text += f" Afsnit {sections} skal underskrives igen."
            text = episode_flow.offer_signing(self, self._force, result, text)  # issue 12, point 5
        elif isinstance(result, ReopenRequestResult):
            text = episode_flow.request_text(name)
        else:
            text = f"Rettelsen af magtanvendelsen over for {name} er gemt."
        self.result_text = text
        self.registered.emit(result)
        super().accept()

    def _clear_errors(self) -> None:
        clear_field_errors(self.error_labels)
        self.ui.form_error_label.show_message(None)
        self.ui.acute_frame.setVisible(False)

    def _show_errors(self, exc: DomainError) -> None:
        exc = self._with_moments(exc)
        if "late_reason" in field_texts(exc):
            self.ui.late_group.setVisible(True)
        shown = show_field_errors(exc, self.error_labels, self.ui.form_error_label)
        if "ended_at" in shown:  # the refusal under the end time says it all: no question twice
            self.ui.overnight_label.setVisible(False)
        if shown:
            self._focus_field(shown[0])

    def _with_moments(self, exc: DomainError) -> DomainError:
        """The service's »in the future« said with the moment and the clock (start_in_future /
        end_in_future from the domain), so the user sees which time is wrong and why."""
        faults = exc.errors if isinstance(exc, ValidationError) else [exc]
        if not any(f.code == "episode_in_future" for f in faults):
            return exc
        ui = self.ui
        try:
            episode_times(ui.date_edit.date(), parse_time(ui.start_time_edit.text()),
                          parse_time(ui.end_time_edit.text()), ui.ended_next_day_check.isChecked(),
                          now=self._force.now_local())
            return exc
        except ValidationError as detail:
            by_field = {f.field: f for f in detail.errors if f.code in ("start_in_future", "end_in_future")}
        except DomainError:
            return exc
        return ValidationError([by_field.get(f.field, f) if f.code == "episode_in_future" else f for f in faults])

    def _show_general_error(self, exc: DomainError) -> None:
        self.ui.form_error_label.show_message(messages.text_for(exc))

    def _focus_field(self, name: str) -> None:
        target = self._inputs.get(name)
        if name == "staff" and self._staff_rows:
            target = self._staff_rows[0]["name"]
        if target is not None:
            self.ui.scroll_area.ensureWidgetVisible(target)
            target.setFocus()

    def _offer_acute(self, exc: EpisodeNotCovered) -> None:
        ui = self.ui
        reason = messages.NOT_COVERED_TEXTS.get(exc.params.get("reason", ""), "")
        label = self.error_labels.get(exc.field or "")
        if label is not None and reason:
            label.show_message(reason)
        ui.acute_label.setText(messages.text_for(exc))
        ui.acute_frame.setVisible(True)
        ui.acute_button.setFocus()

    # -- closing -------------------------------------------------------------------------------
    def has_input(self) -> bool:
        """Anything typed beyond the defaults (resident, type, texts, added staff)?"""
        ui = self.ui
        if ui.resident_edit.text().strip() or ui.force_type_combo.currentData():
            return True
        if any(_text(getattr(ui, f"{n}_edit")).strip() for n in TEXT_FIELDS):
            return True
        return bool(ui.late_reason_edit.toPlainText().strip())

    def ask_close(self) -> str:
        """Esc / Annuller with input: keep the draft, discard it, or go on typing."""
        box = QMessageBox(QMessageBox.Icon.Question, "Luk registreringen?",
                          "Det, du har skrevet, er gemt som kladde og kommer frem igen, næste gang du "
                          "registrerer magtanvendelse.", parent=self)
        keep = box.addButton("&Behold kladden og luk", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Kassér kladden", QMessageBox.ButtonRole.DestructiveRole)
        go_on = box.addButton("&Fortsæt registreringen", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)
        box.setEscapeButton(go_on)
        box.exec()
        clicked = box.clickedButton()
        return CLOSE_KEEP if clicked is keep else CLOSE_DISCARD if clicked is discard else CLOSE_CONTINUE

    def reject(self) -> None:
        if self._closing:
            super().reject()
            return
        if self.has_input():
            choice = self.ask_close()
            if choice == CLOSE_CONTINUE:
                return
            if choice == CLOSE_DISCARD:
                self._discard_draft()
            else:
                self._dirty = True
                self.save_draft_now()
        else:
            self._discard_draft()
        self._closing = True
        super().reject()

    def done(self, r: int) -> None:
        if not self._watching_focus_done:
            self._watching_focus_done = True
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
        super().done(r)


def _text(w) -> str:
    return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()


def _set_text(w, text: str) -> None:
    if isinstance(w, QPlainTextEdit):
        w.setPlainText(text or "")
    else:
        w.setText(text or "")
