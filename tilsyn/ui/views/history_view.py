"""Record history (Indstillinger -> Historik, administrators and caseworkers).

The latest audit entries on top; below, every entry about one record (a resident chosen by
name, or the record of the entry chosen above): time, user, action, field, old and new value,
reason. Administrators can verify the whole chain in the background.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from ...domain.cpr import mask
from ...domain.errors import DomainError
from ...domain.roles import ROLE_LABELS, Role
from ...messages import care_home_kind_label, field_label, format_number, text_for, verify_fault_lines
from ...services.audit import AuditEntryDTO, AuditService, VerifyReport
from ...services.context import COPENHAGEN
from ...services.residents import ResidentService
from .. import workers
from ..errors import error_text
from ..forms.ui_history_view import Ui_HistoryView
from ..widgets.resident_finder import ResidentFinder
from ..widgets.plain import plain_labels, plain_tooltip

ACTION_LABELS = {
    "create": "Oprettet",
    "update": "Ændret",
    "delete": "Slettet",
    "sign": "Underskrevet",
    "void": "Underskrift annulleret",
    "export": "Udlæst",
    "send": "Sendt",
    "login": "Logget ind",
    "logout": "Logget ud",
    "login_failed": "Log ind afvist",
    "reauth_failed": "Forkert adgangskode",
    "retention_delete": "Slettet efter opbevaringsperioden",
    "retention_anonymise": "Anonymiseret efter opbevaringsperioden",
}
ENTITY_LABELS = {
    "resident": "Beboer",
    "relative": "Pårørende",
    "permit": "Afgørelse",
    "permit_force_type": "Afgørelse",
    "care_home": "Plejecenter",
    "unit": "Afdeling",
    "municipality": "Kommune",
    "user_account": "Bruger",
    "user_care_home": "Bruger",
    "force_form": "Månedsskema",
    "episode": "Magtanvendelse",
    "episode_staff": "Magtanvendelse",
    "draft": "Kladde",
    "setting": "Indstilling",
    "supervision_programme": "Tilsynsprogram",
    "supervision_visit": "Tilsynsbesøg",
    "visit_consultant": "Tilsynsbesøg",
    "visit_statement": "Tilsynsbesøg",
    "goal_finding": "Tilsynsbesøg",
    "sample_draw": "Stikprøve",
    "sample_member": "Stikprøve",
    "interview": "Interview",
    "interview_answer": "Interview",
    "action_item": "Handleplan",
    "consultation": "Høring",
}
EXTRA_FIELD_LABELS = {
    "password_hash": "Adgangskode",
    "last_login_at": "Sidst logget ind",
    "failed_attempts": "Forkerte forsøg",
    "last_failed_at": "Sidste forkerte forsøg",
    "attempt": "Forsøg nr.",
    "format": "Format",
    "section": "Afsnit",
    "sections": "Afsnit",
    "hash": "Kontrolsum",
    "template_version": "Skabelon",
    "to": "Til",
    "key": "Indstilling",
    "value": "Værdi",
}
# Bookkeeping columns that say nothing to a reader.
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at"})
FIRST_FIELDS = ("name", "full_name", "username", "cpr")
REDACTED_TEXT = "(slettet efter opbevaringsperioden)"
EMPTY_TEXT = "(tom)"
HIDDEN_TEXT = "(skjult)"
LATEST_LIMIT = 500


def moment_text(moment: dt.datetime) -> str:
    """DD-MM-ÅÅÅÅ TT:MM in Danish time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return f"{moment.astimezone(COPENHAGEN):%d-%m-%Y %H:%M}"


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity_type: str) -> str:
    return ENTITY_LABELS.get(entity_type, entity_type)


def history_field_label(name: str) -> str:
    return EXTRA_FIELD_LABELS.get(name) or field_label(name)


def value_text(name: str, value: Any, names: dict[str, str] | None = None) -> str:
    """One stored value as a reader wants it: dates in Danish, CPR masked, ids as names."""
    if value is None or value == "":
        return EMPTY_TEXT
    if value == "***" or name == "password_hash":
        return HIDDEN_TEXT
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, list):
        return ", ".join(value_text(name, v, names) for v in value) or EMPTY_TEXT
    if isinstance(value, dict):
        return ", ".join(f"{history_field_label(k)}: {value_text(k, v, names)}" for k, v in value.items())
    text = str(value)
    if name == "cpr":
        return mask(text)
    if name == "role":
        try:
            return ROLE_LABELS[Role(text)]
        except ValueError:
            return text
    if name == "kind":
        return care_home_kind_label(text)
    if names and text in names:
        return names[text]
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text).strftime("%d-%m-%Y")
        except ValueError:
            return text
    if len(text) > 18 and text[4] == "-" and "T" in text:
        try:
            return moment_text(dt.datetime.fromisoformat(text))
        except ValueError:
            return text
    return text


def place_names(care_homes) -> dict[str, str]:
    """Care home and unit ids -> names, so the history reads "Bakkegården", not an id."""
    return {h.id: h.name for h in care_homes} | {u.id: u.name for h in care_homes for u in h.units}


@dataclass(frozen=True)
class HistoryLine:
    """One line of the history table: one field of one entry (or the entry itself)."""

    seq: int
    at: str
    actor: str
    action: str
    field: str
    old: str
    new: str
    reason: str


def history_lines(entries: Sequence[AuditEntryDTO], names: dict[str, str] | None = None) -> list[HistoryLine]:
    """Entries (oldest first) as table lines, one per changed field."""
    out: list[HistoryLine] = []
    for e in entries:
        base = dict(seq=e.seq, at=moment_text(e.at), actor=e.actor, action=action_label(e.action), reason=e.reason)
        if e.redacted:
            out.append(HistoryLine(field="", old="", new=REDACTED_TEXT, **base))
            continue
        changes = e.changes or {}
        # The stored order is alphabetical; a reader looks for the name first.
        fields = sorted((k for k in changes if k not in HIDDEN_FIELDS), key=lambda k: k not in FIRST_FIELDS)
        pairs = all(isinstance(changes[k], list) and len(changes[k]) == 2 for k in fields)
        if not fields:
            out.append(HistoryLine(field="", old="", new="", **base))
            continue
        for key in fields:
            value = changes[key]
            label = history_field_label(key)
            if e.action in ("create", "update", "delete") and pairs:
                old, new = value
                out.append(HistoryLine(
                    field=label,
                    old="" if e.action == "create" else value_text(key, old, names),
                    new="" if e.action == "delete" else value_text(key, new, names),
                    **base,
                ))
            else:
                out.append(HistoryLine(field=label, old="", new=value_text(key, value, names), **base))
    return out


def record_name(e: AuditEntryDTO) -> str:
    """The record's name as the entry itself tells it (name, full name or username), if at all."""
    changes = e.changes or {}
    for key in ("name", "full_name", "username"):
        value = changes.get(key)
        if isinstance(value, list) and len(value) == 2:
            value = value[1] or value[0]
        if isinstance(value, str) and value:
            return value
    return ""


def record_title(e: AuditEntryDTO) -> str:
    """"Beboer: Jens Hansen" or "Beboer (id 1a2b3c4d)"."""
    name = record_name(e)
    if not name and e.entity_type == "user_account":
        # Logins are written by the user themselves: the actor is the record.
        name = e.actor
    if name:
        return f"{entity_label(e.entity_type)}: {name}"
    short = (e.entity_id or "")[:8]
    return f"{entity_label(e.entity_type)} (id {short})" if short else entity_label(e.entity_type)


def verify_text(report: VerifyReport) -> str:
    """The result of verify() in Danish: one paragraph when all is well, else the count and every
    fault on its own line, the same lines ``tilsyn verify`` prints (messages.verify_fault_lines)."""
    counted = (
        f"{format_number(report.entries)} hændelser og {format_number(report.signatures)} underskrifter "
        "er kontrolleret."
    )
    if report.ok:
        return f"Revisionsloggen er i orden: {counted} Seneste kontrolsum: {report.head_hash[:16]}…"
    lines = verify_fault_lines(report)
    if len(lines) > VERIFY_LINES_SHOWN:
        rest = len(lines) - VERIFY_LINES_SHOWN
        lines = lines[:VERIFY_LINES_SHOWN] + [f"… og {format_number(rest)} linjer mere: kør »tilsyn verify« for "
                                              "hele listen."]
    return "\n".join([f"Revisionsloggen er IKKE i orden. {counted}", *lines])


# The page shows this many fault lines; the command line prints them all.
VERIFY_LINES_SHOWN = 20


# -- models ------------------------------------------------------------------------------------------


class LinesModel(QAbstractTableModel):
    """Read-only rows of text under fixed headers."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[tuple[str, ...]] = []
        self._payload: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[str]], payload: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._payload = list(payload) if payload is not None else [None] * len(self._rows)
        self.endResetModel()

    def payload(self, row: int) -> Any:
        return self._payload[row]

    def text(self, row: int, col: int) -> str:
        return self._rows[row][col]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.FontRole and self._rows[index.row()][index.column()] == REDACTED_TEXT:
            font = QFont()
            font.setItalic(True)
            return font
        return None


HISTORY_HEADERS = ("Tidspunkt", "Bruger", "Handling", "Felt", "Gammel værdi", "Ny værdi", "Begrundelse")
H_AT, H_ACTOR, H_ACTION, H_FIELD, H_OLD, H_NEW, H_REASON = range(7)
LATEST_HEADERS = ("Tidspunkt", "Bruger", "Handling", "Post")


def history_model_rows(lines: Sequence[HistoryLine]) -> list[tuple[str, ...]]:
    return [(x.at, x.actor, x.action, x.field, x.old, x.new, x.reason) for x in lines]


def _setup_table(table: QTableView, model: LinesModel, widths: dict[int, str]) -> None:
    table.setModel(model)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
    for col, sample in widths.items():
        table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)


def _stretch_values(table: QTableView) -> None:
    # Old and new value share what is left: no sideways scrolling. A long reason shows in full
    # as a tooltip.
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for col in (H_OLD, H_NEW):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)


HISTORY_WIDTHS = {
    # Narrow enough that the values get most of the width; longer texts show in full as tooltips.
    H_AT: "00-00-0000 00:00", H_ACTOR: "Anne Administrator (admin)", H_ACTION: "Underskrevet",
    H_FIELD: "Opholdskommune", H_REASON: "Årlig oprydning",
}


class HistoryView(QWidget):
    """``can_verify`` shows "Kontrollér revisionsloggen" (administrators)."""

    verified = Signal(object)  # VerifyReport

    def __init__(
        self,
        audit: AuditService,
        residents: ResidentService | None = None,
        care_home_names: dict[str, str] | None = None,
        *,
        can_verify: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._audit = audit
        self._names = dict(care_home_names or {})
        self._worker: workers.Worker | None = None
        self._thread = None
        self.record: tuple[str, str | None] | None = None
        self.latest_model = LinesModel(LATEST_HEADERS, self)
        self.history_model = LinesModel(HISTORY_HEADERS, self)
        _setup_table(self.ui.latest_table, self.latest_model,
                     {0: "00-00-0000 00:00", 1: "Sofie Sagsbehandler (sagsbehandler)", 2: "Underskrift annulleret"})
        self._residents = residents
        _setup_table(self.ui.history_table, self.history_model, HISTORY_WIDTHS)
        _stretch_values(self.ui.history_table)
        self.ui.splitter.setSizes([260, 400])
        self.ui.latest_table.selectionModel().currentRowChanged.connect(self._latest_chosen)
        self.ui.refresh_button.clicked.connect(self.refresh)
        self.ui.verify_button.setVisible(can_verify)
        self.ui.verify_label.setVisible(can_verify)
        self.ui.verify_button.clicked.connect(self.verify)
        self.finder: ResidentFinder | None = None
        if residents is not None:
            self.finder = ResidentFinder(residents, self.ui.find_edit, self)
            self.finder.picked.connect(lambda row: self.show_record(row.id, "resident", f"Beboer: {row.name}"))
            self.finder.failed.connect(lambda err: self._show_problem(err))
        else:
            for widget in (self.ui.find_label, self.ui.find_edit):
                widget.setVisible(False)
        self.refresh()

    # -- the log ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the latest entries (newest first) and the chosen record's history."""
        try:
            entries = self._audit.latest(LATEST_LIMIT)
        except DomainError as err:
            self._show_problem(err)
            return
        names = self._resident_names(entries)
        rows = [
            (moment_text(e.at), e.actor, action_label(e.action),
             f"Beboer: {names[e.entity_id]}" if e.entity_id in names else record_title(e))
            for e in entries
        ]
        self.latest_model.set_rows(rows, entries)
        if self.record is not None:
            self.show_record(self.record[0], self.record[1], self._title)

    def _resident_names(self, entries: Sequence[AuditEntryDTO]) -> dict[str, str]:
        """Names of the residents an entry does not name itself (an edit of the room, say)."""
        if self._residents is None:
            return {}
        ids = sorted({e.entity_id for e in entries if e.entity_type == "resident" and e.entity_id
                      and not e.redacted and not record_name(e)})
        if not ids:
            return {}
        try:
            return {row.id: row.name for row in self._residents.rows(ids)}
        except DomainError:
            return {}

    def _latest_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry: AuditEntryDTO = self.latest_model.payload(current.row())
        if entry.entity_id:
            self.show_record(entry.entity_id, entry.entity_type, self.latest_model.text(current.row(), 3))

    # -- one record -------------------------------------------------------------------------------
    def show_record(self, entity_id: str, entity_type: str | None, title: str) -> None:
        """Every entry about one record, oldest first."""
        self.record = (entity_id, entity_type)
        self._title = title
        try:
            entries = self._audit.history(entity_id, entity_type)
        except DomainError as err:
            self._show_problem(err)
            return
        self.history_model.set_rows(history_model_rows(history_lines(entries, self._names)))
        count = len(entries)
        self.ui.record_label.setText(
            f"&Historik for {title.replace('&', '&&')} – {count} hændelse{'' if count == 1 else 'r'}"
        )
        if self.history_model.rowCount():
            self.ui.history_table.scrollToBottom()

    def _show_problem(self, err: BaseException) -> None:
        self.ui.record_label.setText(error_text(err).replace("&", "&&"))

    # -- verify -----------------------------------------------------------------------------------
    def verify(self) -> None:
        """Recompute the whole chain and every signature in a worker; the result appears beside."""
        if self._worker is not None:
            return
        self.ui.verify_button.setEnabled(False)
        self.ui.verify_label.setStyleSheet("")
        self.ui.verify_label.setText("Kontrollerer revisionsloggen …")
        audit = self._audit

        def run(*, progress, is_cancelled):
            return audit.verify(lambda n: progress(0, f"{format_number(n)} hændelser kontrolleret …"))

        self._worker = workers.Worker(run)
        self._worker.progress.connect(lambda _p, text: self.ui.verify_label.setText(text))
        self._worker.done.connect(self._verified)
        self._worker.failed.connect(self._verify_failed)
        self._thread = workers.start(self._worker)

    @property
    def verifying(self) -> bool:
        return self._worker is not None

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._worker = None
        self._thread = None
        self.ui.verify_button.setEnabled(True)

    def _verified(self, report: VerifyReport) -> None:
        self._finish()
        self.ui.verify_label.setText(verify_text(report))
        self.ui.verify_label.setStyleSheet("" if report.ok else "color: #b3261e; font-weight: 600;")
        self.verified.emit(report)

    def _verify_failed(self, exc: object) -> None:
        self._finish()
        self.ui.verify_label.setStyleSheet("color: #b3261e;")
        self.ui.verify_label.setText(text_for(exc) if isinstance(exc, DomainError) else error_text(exc))


class HistoryDialog(QDialog):
    """The history of one record in its own window (e.g. from a resident's dialog)."""

    def __init__(
        self, audit: AuditService, entity_id: str, title: str, entity_type: str | None = None,
        names: dict[str, str] | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(f"Historik: {title}")
        layout = QVBoxLayout(self)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.model = LinesModel(HISTORY_HEADERS, self)
        _setup_table(self.table, self.model, HISTORY_WIDTHS)
        _stretch_values(self.table)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 480)
        self.model.set_rows(history_model_rows(history_lines(audit.history(entity_id, entity_type), names)))
