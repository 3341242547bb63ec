"""Table models and display texts for the Tilsyn screens.

The models hold the service's DTOs as they came (a visit's sample has a handful of members, a
municipality a few dozen care homes and visits), so they are plain lists; sorting goes through a
QSortFilterProxyModel on ``SortRole``. The text helpers turn the services' codes and numbers
into the Danish a consultant reads.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Generic, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...messages import format_date, format_decimal, format_moment, format_percent
from ..widgets.plain import plain_tooltip
from ...services.supervision.dto import (
    ActionItemDTO,
    DrawDTO,
    InterviewSummary,
    PlanningRow,
    SampleMemberDTO,
    VerifyResult,
    VisitSummary,
)

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

#: Danish texts of the statuses a consultant works through, in order.
VISIT_FLOW = ("planned", "conducted", "draft_report", "consultation", "final", "follow_up")
OVERDUE_BACKGROUND = QColor("#fde7e4")
DUE_NOW_BACKGROUND = QColor("#fff4d6")
URGENT_FOREGROUND = QColor("#8c1d18")
MUTED_FOREGROUND = QColor("#6b6b6b")


# -- texts -----------------------------------------------------------------------------------------


def score_text(score: float | None) -> str:
    """A score 0-100 with up to two decimals ("66,67", "63,9", "75"); "–" when nothing was scored."""
    return "–" if score is None else format_decimal(score, 2, trim=True)


def share_text(share: float | None) -> str:
    """A percentage ("73,33 %", "0 %": messages.format_percent); "–" when nobody answered with a score."""
    return format_percent(share)


def yes_no(value: bool | None) -> str:
    return "Ja" if value else "Nej"


def _rule_date(text: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(text))
    except ValueError:
        return text


def frame_rule_lines(draw: DrawDTO) -> list[str]:
    """The recorded frame rules in Danish, one sentence each: who could be drawn (the order and the
    replacements are the same for every draw, see ORDER_TEXT)."""
    rules = dict(draw.frame_rules)
    lines: list[str] = []
    day = _rule_date(rules.get("visit_date", draw.visit_date.isoformat()))
    if rules.get("living_in_home_on_visit_date") == "true":
        lines.append(f"Beboere, der bor på plejecentret på besøgsdagen {day}.")
    if "registered_force_between" in rules:
        try:
            start, end = json.loads(rules["registered_force_between"])
            lines.append(
                f"Kun beboere med registreret magtanvendelse mellem {_rule_date(start)} og {_rule_date(end)} "
                "(kun det forhold – ingen episoder vises)."
            )
        except (ValueError, TypeError):
            lines.append("Kun beboere med registreret magtanvendelse inden for det seneste år.")
    if rules.get("needs_registered_relative") == "true":
        lines.append("Kun beboere med mindst én registreret pårørende.")
    return lines


ORDER_TEXT = ("Rækkefølgen er SHA-256 af frø, program og beboer-id: de første udtrækkes, og ved afslag træder den "
              "næste i rækken til. Alle kan genberegne stikprøven ud fra frøet og den gemte ramme.")


def draw_heading(draw: DrawDTO) -> str:
    """One line about a draw: seed, size, frame and who drew it when."""
    return (
        f"Frø: {draw.seed}   ·   {draw.size} udtrukket af {draw.frame_size} mulige   ·   "
        f"trukket {format_moment(draw.drawn_at)} af {draw.drawn_by or 'ukendt'}"
    )


def exclusion_lines(draw: DrawDTO) -> list[str]:
    """Residents left out of the frame, by reason (no names: the count and the reasons suffice)."""
    counts: dict[str, int] = {}
    for e in draw.exclusions:
        label = e.reason_label + (f" ({e.note})" if e.note and e.note != e.reason_label else "")
        counts[label] = counts.get(label, 0) + 1
    return [f"{n} udeladt: {label}." for label, n in counts.items()]


def verify_text(result: VerifyResult) -> str:
    """The outcome of recomputing a draw, in Danish."""
    if result.match:
        frame = ("Rammen er uændret." if result.frame_unchanged
                 else "Bemærk: beboerlisten har ændret sig siden, men den gemte ramme giver samme resultat.")
        return f"Stikprøven stemmer: genberegnet fra frø {result.seed} giver præcis de samme udtrukne. {frame}"
    ranks = ", ".join(str(rank) for rank, _, _ in result.mismatches)
    return (f"Stikprøven stemmer IKKE med en genberegning fra frø {result.seed}: "
            f"forskel på nr. {ranks}. Kontakt systemansvarlig.")


# -- a small base for read-only list models ------------------------------------------------------


class _RowsModel(QAbstractTableModel, Generic[T]):
    HEADERS: tuple[str, ...] = ()
    SortRole = Qt.ItemDataRole.UserRole
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == self.SortRole:
            return self.sort_value(row, index.column())
        if role == self.IdRole:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(row, index.column()))
        return self.style(row, index.column(), role)

    def text(self, row: T, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: T, column: int) -> Any:
        return self.text(row, column)

    def tooltip(self, row: T, column: int) -> Any:
        return None

    def style(self, row: T, column: int, role: int) -> Any:
        return None


def _date_key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# -- planning ---------------------------------------------------------------------------------------


class PlanningTableModel(_RowsModel[PlanningRow]):
    """Care homes with their last visit and when the next is due; overdue rows are tinted."""

    COL_HOME, COL_LAST, COL_RESULT, COL_DUE, COL_STATUS, COL_PLANNED, COL_REASON = range(7)
    HEADERS = ("Plejecenter", "Seneste besøg", "Resultat", "Næste besøg senest", "Status", "Planlagt besøg",
               "Begrundelse")

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.care_home_id == row_id), -1)

    def text(self, row: PlanningRow, column: int) -> str:
        if column == self.COL_HOME:
            return row.care_home_name
        if column == self.COL_LAST:
            return format_date(row.last_visit_on) if row.last_visit_on else "Aldrig besøgt"
        if column == self.COL_RESULT:
            return row.last_result_label or "–"
        if column == self.COL_DUE:
            return format_date(row.due_on)
        if column == self.COL_STATUS:
            return row.status_label
        if column == self.COL_REASON:
            return row.reason_label
        if column == self.COL_PLANNED:
            return format_date(row.planned_on) if row.planned_on else "Ikke planlagt"
        return ""

    def sort_value(self, row: PlanningRow, column: int) -> Any:
        if column == self.COL_LAST:
            return _date_key(row.last_visit_on)
        if column == self.COL_DUE:
            return _date_key(row.due_on)
        if column == self.COL_PLANNED:
            return _date_key(row.planned_on) or "9999"
        if column == self.COL_STATUS:
            return ("overdue", "due_now", "due_soon", "ok").index(row.status) if row.status in (
                "overdue", "due_now", "due_soon", "ok") else 9
        return self.text(row, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == self.IdRole and index.isValid():
            row = self.row_at(index.row())
            return row.care_home_id if row else None
        return super().data(index, role)

    def style(self, row: PlanningRow, column: int, role: int) -> Any:
        urgent = row.status in ("overdue", "due_now")
        if role == Qt.ItemDataRole.BackgroundRole and urgent:
            return QBrush(OVERDUE_BACKGROUND if row.status == "overdue" else DUE_NOW_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and urgent and column in (self.COL_DUE, self.COL_STATUS):
            return QBrush(URGENT_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and urgent and column == self.COL_STATUS:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def tooltip(self, row: PlanningRow, column: int) -> Any:
        if column == self.COL_REASON:
            return row.reason_label
        if row.status == "overdue":
            return f"Besøget skulle have været senest {format_date(row.due_on)}."
        if row.status == "due_now":
            return "Plejecentret har aldrig haft tilsynsbesøg og skal besøges nu."
        return None


# -- visits -----------------------------------------------------------------------------------------


class VisitTableModel(_RowsModel[VisitSummary]):
    COL_HOME, COL_PLANNED, COL_CONDUCTED, COL_STATUS, COL_UNANNOUNCED, COL_RESULT, COL_CONSULTANTS = range(7)
    HEADERS = ("Plejecenter", "Planlagt", "Gennemført", "Status", "Uanmeldt", "Resultat", "Konsulenter")

    def text(self, row: VisitSummary, column: int) -> str:
        if column == self.COL_HOME:
            return row.care_home_name + (" (opfølgning)" if row.follow_up_of_id else "")
        if column == self.COL_PLANNED:
            return format_date(row.planned_on)
        if column == self.COL_CONDUCTED:
            return format_date(row.conducted_on) if row.conducted_on else ""
        if column == self.COL_STATUS:
            return row.status_label
        if column == self.COL_UNANNOUNCED:
            return yes_no(row.unannounced)
        if column == self.COL_RESULT:
            return row.result_label
        if column == self.COL_CONSULTANTS:
            return ", ".join(c.full_name for c in row.consultants)
        return ""

    def sort_value(self, row: VisitSummary, column: int) -> Any:
        if column == self.COL_PLANNED:
            return _date_key(row.planned_on)
        if column == self.COL_CONDUCTED:
            return _date_key(row.conducted_on)
        if column == self.COL_STATUS:
            return VISIT_FLOW.index(row.status) if row.status in VISIT_FLOW else 9
        return self.text(row, column).casefold()


class InboxTableModel(_RowsModel):
    """The leader's consultation inbox: one visit a row, with the state of the reply."""

    COL_HOME, COL_VISIT, COL_DEADLINE, COL_REPLY, COL_LAST = range(5)
    HEADERS = ("Plejecenter", "Besøg", "Høringsfrist", "Svar", "Seneste svar")

    def text(self, row, column: int) -> str:
        if column == self.COL_HOME:
            return row.care_home_name
        if column == self.COL_VISIT:
            return format_date(row.conducted_on or row.planned_on)
        if column == self.COL_DEADLINE:
            return format_date(row.deadline) if row.deadline else ""
        if column == self.COL_REPLY:
            n = row.replies
            return row.reply_state_label + (f" ({n} svar)" if n > 1 else "")
        if column == self.COL_LAST:
            return format_moment(row.last_reply_at) if row.last_reply_at else ""
        return ""

    def tooltip(self, row, column: int) -> Any:
        return row.care_home_name if column == self.COL_HOME else None

    def style(self, row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_REPLY and row.reply_state == "overdue":
            return QBrush(URGENT_FOREGROUND)
        return None


# -- the sample -------------------------------------------------------------------------------------


class SampleMemberModel(_RowsModel[SampleMemberDTO]):
    """The drawn residents by rank. Names and rooms are for finding people on the day; everything
    that leaves the screen uses the respondent code."""

    COL_RANK, COL_CODE, COL_NAME, COL_UNIT, COL_ROOM, COL_STATUS, COL_REASON = range(7)
    HEADERS = ("Nr.", "Kode", "Navn (kun på skærmen)", "Afdeling", "Bolig", "Status", "Årsag")

    def text(self, row: SampleMemberDTO, column: int) -> str:
        if column == self.COL_RANK:
            return str(row.rank)
        if column == self.COL_CODE:
            return row.respondent_code or "–"
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_UNIT:
            return row.unit
        if column == self.COL_ROOM:
            return row.room
        if column == self.COL_STATUS:
            if row.replaces_id:
                replaced = next((m for m in self._rows if m.id == row.replaces_id), None)
                if replaced is not None:
                    return f"{row.status_label} (erstatter nr. {replaced.rank})"
            return row.status_label
        if column == self.COL_REASON:
            return " – ".join(x for x in (row.reason_label, row.reason_note) if x)
        return ""

    def sort_value(self, row: SampleMemberDTO, column: int) -> Any:
        if column == self.COL_RANK:
            return row.rank
        return self.text(row, column).casefold()

    def style(self, row: SampleMemberDTO, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("replaced", "refused"):
            return QBrush(MUTED_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_CODE and row.respondent_code:
            font = QFont()
            font.setBold(True)
            return font
        return None


# -- interviews -------------------------------------------------------------------------------------


def consent_text(consent: bool | None) -> str:
    return {True: "Givet", False: "Afvist", None: "Ikke registreret"}[consent]


class InterviewTableModel(_RowsModel[InterviewSummary]):
    COL_CODE, COL_KIND, COL_CONSENT, COL_ANSWERED, COL_STATUS = range(5)
    HEADERS = ("Kode", "Interview", "Samtykke", "Besvaret", "Status")

    def text(self, row: InterviewSummary, column: int) -> str:
        if column == self.COL_CODE:
            return row.respondent_code
        if column == self.COL_KIND:
            return row.protocol_title
        if column == self.COL_CONSENT:
            return consent_text(row.consent)
        if column == self.COL_ANSWERED:
            return f"{row.answered} af {row.slots}"
        if column == self.COL_STATUS:
            return "Afsluttet" if row.finished else "I gang"
        return ""

    def style(self, row: InterviewSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == self.COL_CODE:
            font = QFont()
            font.setBold(True)
            return font
        return None


# -- action plan ------------------------------------------------------------------------------------


class ActionItemModel(_RowsModel[ActionItemDTO]):
    COL_ACTION, COL_RESPONSIBLE, COL_DUE, COL_STATUS = range(4)
    HEADERS = ("Handling", "Ansvarlig", "Frist", "Status")

    def text(self, row: ActionItemDTO, column: int) -> str:
        if column == self.COL_ACTION:
            return row.action
        if column == self.COL_RESPONSIBLE:
            return row.responsible
        if column == self.COL_DUE:
            return format_date(row.due_on) if row.due_on else ""
        if column == self.COL_STATUS:
            return row.status_label + (f" {format_date(row.done_on)}" if row.done_on else "")
        return ""

    def sort_value(self, row: ActionItemDTO, column: int) -> Any:
        if column == self.COL_DUE:
            return _date_key(row.due_on)
        return self.text(row, column).casefold()
