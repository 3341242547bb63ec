"""The Udveksling page (issue 11, point 7): this site, its peers, what is waiting to go out,
"Gem udvekslingsfil …" and "Indlæs udvekslingsfil …" behind a progress window (the service's
stages, "Annuller" until the commit), and the conflicts
with both versions side by side, each resolved by a person with a reason (audited).

Shown only when this database is a site. The slots read widgets, call one service and show the
result or the Danish text of the refusal; the rules live in tilsyn.services.exchange.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QListWidgetItem, QTableWidgetItem, QWidget

from ...domain.errors import DomainError
from ...messages import SITE_KIND_LABELS, field_label, form_status_label, format_date, format_moment, format_number
from ...services.exchange.progress import ExchangeCancelled, Progress
from ...services.exchange.records import RECORD_LABELS, ConflictDTO
from ...services.exchange.status import waiting_text
from .. import workers
from ..dialogs.progress_dialog import ProgressDialog
from ..errors import ERROR_STYLE, error_text
from ..forms.ui_exchange_view import Ui_ExchangeView
from ..widgets.plain import plain_labels

FILE_FILTER = "Udvekslingsfiler (*.tilsyn);;Alle filer (*)"
PEER_COLUMNS = ("Computer", "Slags", "Sendt", "Modtagelse bekræftet", "Modtaget")
COUNT_WORDS = {  # Applied.summary.counts keys (records / audit appliers) -> Danish phrase
    "indsat": ("ny post", "nye poster"),
    "opdateret": ("ændret post", "ændrede poster"),
    "uændret": ("uændret post", "uændrede poster"),
    "slettet": ("slettet post", "slettede poster"),
    "konflikter": ("konflikt", "konflikter"),
    "revisionsposter": ("historikpost", "historikposter"),
}


# Never shown, whatever a conflict is about: a password hash is a secret (a short marker instead).
SECRET_FIELDS = frozenset({"password_hash", "sign_secret", "box_secret", "cpr"})
MORE_RECORD_LABELS = {"user_account": "Bruger", "care_home": "Plejecenter", "unit": "Afdeling",
                      "relative": "Pårørende", "municipality": "Kommune", "supervision_programme": "Tilsynsplan",
                      "interview_answer": "Interviewsvar", "action_item_comment": "Kommentar til handleplanen",
                      "consultation": "Høring", "episode_staff": "Medarbejder ved magtanvendelse"}
FIELD_NAMES = {"password_hash": "Adgangskode (krypteret)", "planned_on": "Planlagt dato", "status": "Status",
               "conducted_on": "Gennemført dato", "full_name": "Navn", "position": "Stilling", "role": "Rolle"}


# As supervision_visit_view.FLOW_LABELS (not imported: that module is the heavy visit page).
VISIT_FLOW_LABELS = {"planned": "Planlagt", "conducted": "Gennemført", "draft_report": "Rapportudkast",
                     "consultation": "I høring", "final": "Endelig", "follow_up": "Opfølgning"}


def record_label(table: str) -> str:
    return RECORD_LABELS.get(table) or MORE_RECORD_LABELS.get(table) or "Post"


def _n(n: int, one: str, many: str) -> str:
    return f"{format_number(n)} {one if n == 1 else many}"


def kind_label(kind: str) -> str:
    return SITE_KIND_LABELS.get(kind, kind)


def peer_to(name: str, kind: str) -> str:
    return "kommunen" if kind == "hub" else name


def _numbered(seq: int, at) -> str:
    if not seq:
        return "–"
    return f"nr. {format_number(seq)}" + (f", {format_moment(at)}" if at else "")


def packed_text(packed, path: Path) -> str:
    """'Udvekslingsfil nr. 4 til kommunen er gemt i …: 5 poster.'"""
    peer = packed.peer
    rows = packed.kinds.get("records", 0)
    what = _n(rows, "post", "poster") if rows else "ingen nye poster, kun kvittering og historik"
    return (f"Udvekslingsfil nr. {format_number(packed.header.seq)} til {peer_to(peer.name, peer.kind)} er gemt i "
            f"{path}: {what}. Giv filen videre (USB-nøgle eller sikker mail); den kan kun åbnes dér.")


def applied_text(applied) -> str:
    """The Applied summary in Danish: what the file from the peer changed here."""
    sender = applied.sender
    source = f"fil nr. {format_number(applied.seq)} fra {sender.name}"
    if applied.already_loaded:
        return f"Udvekslingsfilen ({source}) var allerede indlæst. Intet er ændret."
    # Unchanged rows are left out: the hub sends what it has, most of it known here already.
    parts = [_n(n, *COUNT_WORDS.get(key, ("post", "poster"))) for key, n in applied.summary.counts.items()
             if n and key != "uændret"]
    text = f"Udvekslingsfilen ({source}) er indlæst: " + (", ".join(parts) if parts else "intet nyt") + "."
    if applied.acknowledged_seq:
        text += (f" {sender.name} har modtaget jeres filer til og med nr. "
                 f"{format_number(applied.acknowledged_seq)}.")
    if applied.summary.counts.get("konflikter"):
        text += " Se konflikterne nedenfor: de skal løses af en person."
    return text


def conflict_title(c: ConflictDTO) -> str:
    return f"{record_label(c.record_type)} · fra {c.peer} · {format_moment(c.detected_at)}"


def field_name(name: str) -> str:
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    label = field_label(name)
    return label if label and label != name else name


def _value(name: str, v: Any, table: str = "") -> str:
    """A stored value as a person reads it: dates and times in Danish, status words translated."""
    if v is None or v == "":
        return "–"
    if isinstance(v, bool):
        return "ja" if v else "nej"
    if isinstance(v, str):
        if name == "status":
            labels = VISIT_FLOW_LABELS if table == "supervision_visit" else {}
            return labels.get(v) or form_status_label(v)
        try:
            if len(v) == 10:
                return format_date(dt.date.fromisoformat(v))
            if len(v) > 18 and v[4] == "-" and v[10] == "T":
                return format_moment(dt.datetime.fromisoformat(v))
        except ValueError:
            pass
    return str(v)


def ask_reason(parent: QWidget, title: str, prompt: str, ok_text: str) -> str | None:
    """The required reason for a resolution (None: cancelled). Tests replace this function."""
    from ..dialogs.sign_dialog import ReasonDialog

    dialog = ReasonDialog(title, prompt, ok_text, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class _ToWorker:
    """The service's Progress over a worker's callbacks: (done, total, stage) as a percentage and
    the stage's text; from the commit on, "Annuller" is withdrawn (``cancellable=False``)."""

    def __init__(self, progress: Callable[..., None], is_cancelled: Callable[[], bool]) -> None:
        self._progress, self._is_cancelled = progress, is_cancelled
        self._final = False

    def report(self, done: int, total: int, stage: str) -> None:
        percent = done * 100 // total if total else 100
        if self._final:
            self._progress(percent, stage, cancellable=False)
        else:
            self._progress(percent, stage)

    def committing(self) -> None:
        self._final = True

    def progress(self) -> Progress:
        return Progress(self.report, self._is_cancelled, self.committing)


def run_pack(exchange, peer: str | None, out: str, *, progress: Callable[..., None],
             is_cancelled: Callable[[], bool]):
    """The pack as a worker function. Cancelled before the commit, nothing is written (no file,
    no number used); from "Gemmer …" on it is finished, so the numbers stay in step."""
    return exchange.pack(peer, out, progress=_ToWorker(progress, is_cancelled).progress())


def run_unpack(exchange, path: str, *, progress: Callable[..., None], is_cancelled: Callable[[], bool]):
    """The unpack as a worker function. Cancelled before the commit, it is rolled back: nothing
    applied, and the same file loads fully later."""
    return exchange.unpack(path, progress=_ToWorker(progress, is_cancelled).progress())


class ExchangeView(QWidget):
    """``exchange`` is services.exchange.status.ExchangeService, ``conflicts`` records.ConflictService."""

    changed = Signal()  # something was packed, loaded or resolved: the status bar's count is stale

    def __init__(self, exchange, conflicts, parent: QWidget | None = None, *,
                 start: Callable[[workers.Worker], object] = workers.start) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeView()
        self.ui.setupUi(self)
        self.exchange = exchange
        self.conflict_service = conflicts
        self._start = start
        self._worker: workers.Worker | None = None
        self._thread = None
        self.progress_dialog: ProgressDialog | None = None
        self._show: Callable[[Any], None] = lambda result: None
        self.overview = None
        self.conflicts: list[ConflictDTO] = []
        table = self.ui.peers_table
        table.setColumnCount(len(PEER_COLUMNS))
        table.setHorizontalHeaderLabels(PEER_COLUMNS)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        ct = self.ui.conflict_table
        ct.setColumnCount(3)
        ct.setHorizontalHeaderLabels(("Felt", "Her", "Fra den anden computer"))
        ct.verticalHeader().setVisible(False)
        ct.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.result_label.setVisible(False)
        self.ui.error_label.setVisible(False)
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.pack_button.clicked.connect(self.save_file)
        self.ui.unpack_button.clicked.connect(self.load_file)
        self.ui.conflicts_list.currentRowChanged.connect(self.show_conflict)
        self.ui.keep_local_button.clicked.connect(lambda: self.resolve("local"))
        self.ui.keep_incoming_button.clicked.connect(lambda: self.resolve("incoming"))
        self.refresh()

    # -- showing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.overview = self.exchange.overview()
            waiting = self.exchange.waiting()
            self.conflicts = self.conflict_service.conflicts()
        except DomainError as exc:
            self._error(exc)
            return
        site = self.overview.site
        if site is None:
            self.ui.site_label.setText("Denne database er ikke med i en udveksling.")
        else:
            self.ui.site_label.setText(
                f"Denne computer: {site.name} ({kind_label(site.kind)}).")
        self.ui.waiting_label.setText("\n".join(waiting_text(w) for w in waiting) or "Ingen at sende til.")
        self._fill_peers()
        self._fill_conflicts()
        plain_labels(self)  # names are user data, never read as markup

    def _fill_peers(self) -> None:
        table = self.ui.peers_table
        peers = self.overview.peers if self.overview else ()
        table.setRowCount(len(peers))
        for row, p in enumerate(peers):
            kind = kind_label(p.kind) + (" (tilbagekaldt)" if p.revoked_at else "")
            cells = (p.name, kind, _numbered(p.last_sent_seq, p.last_sent_at),
                     _numbered(p.last_acked_seq, p.last_acked_at), _numbered(p.last_received_seq, p.last_received_at))
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        if len(peers) == 1:
            table.selectRow(0)

    def _fill_conflicts(self) -> None:
        lst = self.ui.conflicts_list
        lst.blockSignals(True)
        lst.clear()
        for c in self.conflicts:
            lst.addItem(QListWidgetItem(conflict_title(c)))
        lst.blockSignals(False)
        n = len(self.conflicts)
        self.ui.conflicts_label.setText(
            "Ingen konflikter." if not n else
            f"{_n(n, 'post', 'poster')} er ændret både her og på en anden computer. Vælg hvilken version, "
            "der gælder; begrundelsen gemmes i historikken. Indtil da sendes posten ikke videre.")
        self.ui.conflicts_list.setEnabled(bool(n))
        self.ui.conflict_table.setEnabled(bool(n))
        if n:
            lst.setCurrentRow(0)
            self.show_conflict(0)
        else:
            self.show_conflict(-1)

    def selected_conflict(self) -> ConflictDTO | None:
        row = self.ui.conflicts_list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_conflict(self, row: int) -> None:
        c = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        ct = self.ui.conflict_table
        for button in (self.ui.keep_local_button, self.ui.keep_incoming_button):
            button.setEnabled(c is not None)
        if c is None:
            ct.setRowCount(0)
            return
        ct.setHorizontalHeaderLabels(("Felt", "Her", f"Fra {c.peer}"))
        fields = c.fields or tuple(sorted(set(c.local) | set(c.incoming)))
        ct.setRowCount(len(fields))
        for i, name in enumerate(fields):
            ct.setItem(i, 0, QTableWidgetItem(field_name(name)))
            for col, side, gone in ((1, c.local, "(slettet her)"), (2, c.incoming, "(slettet dér)")):
                text = gone if not side else ("(skjult, er ændret)" if name in SECRET_FIELDS
                                              else _value(name, side.get(name), c.record_type))
                ct.setItem(i, col, QTableWidgetItem(text))
        ct.resizeRowsToContents()

    def _error(self, exc: BaseException) -> None:
        self.ui.error_label.setText(error_text(exc))
        self.ui.error_label.setVisible(True)

    def _result(self, text: str) -> None:
        self.ui.error_label.setVisible(False)
        self.ui.result_label.setText(text)
        self.ui.result_label.setVisible(True)

    # -- pack and unpack ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._worker is not None

    def selected_peer(self) -> str | None:
        """The peer chosen in the table; None leaves the choice to the service (the only peer)."""
        peers = self.overview.peers if self.overview else ()
        rows = self.ui.peers_table.selectionModel().selectedRows() if self.ui.peers_table.selectionModel() else []
        if rows and 0 <= rows[0].row() < len(peers):
            return peers[rows[0].row()].id
        return None

    def _default_name(self, peer_id: str | None) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        peers = {p.id: p for p in (self.overview.peers if self.overview else ())}
        p = peers.get(peer_id) if peer_id else (next(iter(peers.values())) if len(peers) == 1 else None)
        seq = (p.last_sent_seq + 1) if p else 1
        name = "".join(ch if ch.isalnum() else "-" for ch in (p.name if p else "udveksling")).strip("-")
        return str(Path(folder) / f"til-{name}-nr-{seq}.tilsyn")

    def save_file(self) -> None:
        """Gem udvekslingsfil …: choose where, then pack in the background."""
        if self.busy:
            return
        peer = self.selected_peer()
        path, _ = QFileDialog.getSaveFileName(self, "Gem udvekslingsfil", self._default_name(peer), FILE_FILTER)
        if not path:
            return
        self._run(run_pack, (self.exchange, peer, path), "Gem udvekslingsfil", "Gemmer udvekslingsfilen …",
                  lambda packed: self._result(packed_text(packed, Path(path))))

    def load_file(self) -> None:
        """Indlæs udvekslingsfil …: choose the file, then check and apply it in the background."""
        if self.busy:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, "Indlæs udvekslingsfil", folder, FILE_FILTER)
        if not path:
            return
        self._run(run_unpack, (self.exchange, path), "Indlæs udvekslingsfil", "Indlæser udvekslingsfilen …",
                  lambda applied: self._result(applied_text(applied)))

    def _run(self, fn, args, title: str, text: str, show: Callable[[Any], None]) -> None:
        self.ui.error_label.setVisible(False)
        self.ui.result_label.setVisible(False)
        for button in (self.ui.pack_button, self.ui.unpack_button):
            button.setEnabled(False)
        worker = workers.Worker(fn, *args)
        # Bound methods of this widget, not lambdas: delivered on the GUI thread (queued).
        self._show = show
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self.progress_dialog = ProgressDialog(worker, title, text, self)
        self._worker = worker
        self.progress_dialog.open()
        self._thread = self._start(worker)

    def cancel(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.cancel()

    def _finish_worker(self) -> None:
        if self._thread is not None and hasattr(self._thread, "wait"):
            self._thread.wait()
        self._worker = None
        self._thread = None
        self.progress_dialog = None
        for button in (self.ui.pack_button, self.ui.unpack_button):
            button.setEnabled(True)

    def _done(self, result: object) -> None:
        show = self._show
        self._finish_worker()
        self.refresh()
        show(result)
        self.changed.emit()

    def _failed(self, exc: object) -> None:
        self._finish_worker()
        self.refresh()
        if isinstance(exc, ExchangeCancelled):
            self._result(error_text(exc))  # the user's own choice, no fault: said plainly, not in red
            return
        self._error(exc if isinstance(exc, BaseException) else RuntimeError("worker"))

    # -- conflicts ------------------------------------------------------------------------------------
    def resolve(self, choice: str) -> None:
        """Keep this site's version (``local``) or take the other one (``incoming``), with a reason."""
        c = self.selected_conflict()
        if c is None:
            return
        record = record_label(c.record_type)
        if choice == "local":
            prompt, ok = "Hvorfor skal versionen her på denne computer gælde?", "Behold vores version"
        else:
            prompt, ok = f"Hvorfor skal versionen fra {c.peer} gælde?", "Tag den anden version"
        reason = ask_reason(self, "Løs konflikt", prompt + " Begrundelsen gemmes i historikken.", ok)
        if reason is None:
            return
        try:
            self.conflict_service.resolve(c.id, choice, reason)
        except DomainError as exc:
            self._error(exc)
            return
        self.refresh()
        which = "versionen her" if choice == "local" else f"versionen fra {c.peer}"
        self._result(f"Konflikten ({record}) er løst: {which} gælder. Løsningen sendes med den næste "
                     "udvekslingsfil.")
        self.changed.emit()
