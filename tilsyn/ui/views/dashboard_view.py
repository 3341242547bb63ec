"""Overblik: what needs doing now in the user's care homes, as titled lists with counts.

One form is one line, in the list of its workflow state (computed in the domain): forms whose
section 2 waits for the staff's signature, forms waiting for the leader (signature or sending),
forms the authority sent back (with the comment); beside the state on that line its marks (for
sent, genåbnet) and late registrations. Also: staff requests to reopen a closed month, late
registrations on forms not listed otherwise, permits ending within 30 days. Lines wrap and carry
their whole text as a tooltip. Enter or double-click opens the form (or, for a permit, the resident).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ... import messages
from ...domain.errors import DomainError
from ...domain.force import local_date
from ...domain.roles import Action, allowed
from ...services.force_dto import DashboardDTO, FormSummary, LateEpisodeDTO, PermitEndingDTO, ReopenRequestDTO
from ..forms.ui_dashboard import Ui_DashboardView
from ..models.force_status import status_icon
from ..services_bundle import Services
from ..widgets.plain import plain_labels, plain_tooltip

if TYPE_CHECKING:  # the form view (and through it the export service) is imported when a form is opened
    from .force_form_view import ForceFormDialog

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
VISIBLE_ROWS = 8
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
CARDS = {
    "staff": "Mangler personalets underskrift",
    "leader": "Mangler lederens underskrift eller afsendelse",
    "returned": "Sendt tilbage af myndigheden",
    "requests": "Anmodninger om genåbning",
    "late": "Registreret for sent",
    "permits": "Tilladelser, der udløber inden for 30 dage",
}


def late_text(e: LateEpisodeDTO) -> str:
    text = (f"{e.resident_name} · {e.care_home} — {messages.format_moment(e.started_at)}, "
            f"registreret {messages.format_date(local_date(e.registered_at))}")
    return text + (f" · »{e.late_reason}«" if e.late_reason else "")


def form_text(s: FormSummary, due: bool = False) -> str:
    """One form on one line: its state with every mark, its episodes, the comment or reason."""
    n = s.episodes
    text = (f"{s.resident_name} · {s.care_home} — {messages.month_label(s.year, s.month)} · "
            f"{messages.form_state_text(s.status, s.marks)} · {n} {'magtanvendelse' if n == 1 else 'magtanvendelser'}")
    if s.late_episodes:
        text += f" · {s.late_episodes} registreret for sent"
    if (due or "overdue" in s.marks) and s.due_date:
        text += f" · frist {messages.format_date(s.due_date)}"
    if s.status == "returned" or "returned" in s.marks:
        text += f" · bemærkning: »{s.return_comment}«"
    if "reopened" in s.marks and s.reopen_reason:
        text += f" · genåbnet: »{s.reopen_reason}«"
    return text


def request_text(q: ReopenRequestDTO) -> str:
    """A staff request to reopen: who asked, when, why, and the leader's answer once refused."""
    when = f"magtanvendelse {messages.format_moment(q.episode_started_at)}" if q.episode_started_at else ""
    text = (f"{q.resident_name} · {q.care_home} — {messages.month_label(q.year, q.month)} · {when} · "
            f"{q.requested_by} {messages.format_date(local_date(q.requested_at))}: »{q.reason}«")
    if q.state == "refused":
        return text + f" · afvist af {q.decided_by}: »{q.decision_reason}«"
    return text + " · venter på lederens svar"


def permit_text(p: PermitEndingDTO) -> str:
    return (f"{p.resident_name} · {p.care_home} — udløber {messages.format_date(p.permit.valid_to)} · "
            + ", ".join(p.permit.force_type_labels))


class DashboardView(QWidget):
    """The Overblik page. ``message`` carries status texts from the forms opened here."""

    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DashboardView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._services = services
        self.dto: DashboardDTO | None = None
        self.form_dialog: ForceFormDialog | None = None
        self.resident_dialog = None
        self.lists: dict[str, QTreeWidget] = {key: getattr(self.ui, f"{key}_list") for key in CARDS}
        for lst in self.lists.values():
            lst.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            lst.itemActivated.connect(self._activated)
            lst.installEventFilter(self)
        self._build_supervision_card()
        self.ui.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Ask the service for the dashboard again."""
        ui = self.ui
        force = self._services.force
        now = force.now_local()
        ui.today_label.setText(f"{WEEKDAYS[now.weekday()].capitalize()} {messages.format_long_date(now.date())}")
        ui.error_label.show_message(None)
        self.supervision_group.setVisible(False)
        if allowed(force.ctx.user, Action.VISIT_MANAGE) and not allowed(force.ctx.user, Action.PERMIT_VIEW):
            self._refresh_supervision()
            return
        if not allowed(force.ctx.user, Action.PERMIT_VIEW):
            self.dto = None
            ui.scroll_area.setVisible(False)
            ui.summary_label.setText(
                "Overblikket viser magtanvendelse og afgørelser, som din rolle ikke har adgang til."
                if force.ctx.user else "Log ind for at se overblikket.")
            return
        try:
            dto = force.dashboard()
        except DomainError as exc:
            self.dto = None
            ui.error_label.show_message(messages.text_for(exc))
            ui.scroll_area.setVisible(False)
            ui.summary_label.setText("")
            return
        ui.scroll_area.setVisible(True)
        self.dto = dto
        self._fill("staff", [(form_text(s), "form", s.id, s.status) for s in dto.awaiting_staff])
        self._fill("leader", [(form_text(s), "form", s.id, s.status) for s in dto.leader_pending])
        self._fill("returned", [(form_text(s), "form", s.id, s.status) for s in dto.returned])
        self._fill("requests", [(request_text(q), "form", q.form_id, "returned" if q.state == "refused"
                                 else "awaiting_leader") for q in dto.reopen_requests])
        self._fill("late", [(late_text(e), "form", e.form_id, "overdue") for e in dto.late_registrations])
        self._fill("permits", [(permit_text(p), "resident", p.permit.resident_id, "awaiting_leader")
                               for p in dto.permits_ending])
        waiting = sum(self.counts().values())
        ui.summary_label.setText(
            "Der er intet, der venter på handling." if not waiting else
            f"{messages.format_number(waiting)} {'punkt' if waiting == 1 else 'punkter'} venter på handling. "
            "Enter eller dobbeltklik åbner skemaet eller beboeren.")

    # -- the consultant: care homes due for a supervision visit -----------------------------------
    def _build_supervision_card(self) -> None:
        """The consultant's card: the care homes whose visit is overdue or due now (from the
        planning rule), so the Overblik is not empty for the one who must act on them."""
        group = QGroupBox(self)
        group.setObjectName("supervision_group")
        layout = QVBoxLayout(group)
        hint = QLabel("Plejecentre, hvis tilsynsbesøg er overskredet eller skal holdes nu. Besøgene planlægges "
                      "på siden Tilsyn.", group)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        lst = QTreeWidget(group)
        lst.setObjectName("supervision_list")
        lst.setHeaderHidden(True)
        lst.setRootIsDecorated(False)
        lst.setWordWrap(True)
        lst.setAccessibleName("Plejecentre, der skal have tilsyn")
        layout.addWidget(lst)
        empty = QLabel("Ingen plejecentre har overskredet fristen for tilsyn.", group)
        empty.setObjectName("supervision_empty_label")
        layout.addWidget(empty)
        self.supervision_group, self.supervision_list, self.supervision_empty_label = group, lst, empty
        self.ui.main_layout.insertWidget(self.ui.main_layout.indexOf(self.ui.error_label) + 1, group)
        group.setVisible(False)

    def _refresh_supervision(self) -> None:
        ui = self.ui
        self.dto = None
        ui.scroll_area.setVisible(False)
        try:
            overview = self._services.supervision.planning_overview()
        except DomainError as exc:
            ui.error_label.show_message(messages.text_for(exc))
            ui.summary_label.setText("")
            return
        lst = self.supervision_list
        lst.clear()
        for row in overview.overdue:
            last = (f"seneste besøg {messages.format_date(row.last_visit_on)}" if row.last_visit_on
                    else "aldrig besøgt")
            planned = (f" · planlagt {messages.format_date(row.planned_on)}" if row.planned_on else " · intet planlagt")
            text = (f"{row.care_home_name} — {row.status_label} · næste besøg senest "
                    f"{messages.format_date(row.due_on)} · {last}{planned}")
            item = QTreeWidgetItem([text])
            item.setToolTip(0, plain_tooltip(f"{text}\n{row.reason_label}"))
            lst.addTopLevelItem(item)
        n = len(overview.overdue)
        self.supervision_group.setTitle(f"Plejecentre, der skal have tilsyn ({n})")
        self.supervision_group.setVisible(True)
        lst.setVisible(bool(n))
        self.supervision_empty_label.setVisible(not n)
        ui.summary_label.setText(
            "Der er intet, der venter på handling." if not n else
            f"{messages.format_number(n)} {'plejecenter skal' if n == 1 else 'plejecentre skal'} have tilsyn nu.")

    def supervision_texts(self) -> list[str]:
        lst = self.supervision_list
        return [lst.topLevelItem(i).text(0) for i in range(lst.topLevelItemCount())]

    def counts(self) -> dict[str, int]:
        return {key: lst.topLevelItemCount() for key, lst in self.lists.items()}

    def texts(self, key: str) -> list[str]:
        """The lines of one card, in order."""
        lst = self.lists[key]
        return [lst.topLevelItem(i).text(0) for i in range(lst.topLevelItemCount())]

    def _fill(self, key: str, items: list[tuple[str, str, str, str | None]]) -> None:
        lst = self.lists[key]
        lst.clear()
        for text, kind, target, status in items:
            item = QTreeWidgetItem([text])
            item.setData(0, KIND_ROLE, kind)
            item.setData(0, TARGET_ROLE, target)
            item.setToolTip(0, plain_tooltip(text + ("\nEnter eller dobbeltklik åbner skemaet." if kind == "form"
                                                     else "\nEnter eller dobbeltklik åbner beboeren.")))
            if status:
                item.setIcon(0, status_icon(status))
            lst.addTopLevelItem(item)
        group = getattr(self.ui, f"{key}_group")
        group.setTitle(f"{CARDS[key]} ({len(items)})")
        lst.setVisible(bool(items))
        getattr(self.ui, f"{key}_empty_label").setVisible(not items)
        self._fit_height(lst)

    def _fit_height(self, lst: QTreeWidget) -> None:
        """As tall as its (wrapped) lines, up to VISIBLE_ROWS; longer lists scroll inside the card.
        Called again when the card's width changes, since a wrapped line's height depends on it."""
        # QTreeView sizes rows without the column's width, so a wrapped line's height is set here.
        width = max(lst.viewport().width() - lst.iconSize().width() - 16, 80)
        metrics = lst.fontMetrics()
        for i in range(lst.topLevelItemCount()):
            item = lst.topLevelItem(i)
            text = metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, item.text(0))
            item.setSizeHint(0, QSize(width, max(text.height(), metrics.height()) + 6))
        lst.doItemsLayout()
        rows = min(lst.topLevelItemCount(), VISIBLE_ROWS)
        height = sum(lst.topLevelItem(i).sizeHint(0).height() for i in range(rows))
        lst.setFixedHeight(height + 2 * lst.frameWidth() + 2)

    # -- opening -----------------------------------------------------------------------------
    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_item(item)

    def open_item(self, item: QTreeWidgetItem) -> None:
        """Open what a dashboard line is about: its form, or the resident whose permit ends."""
        kind, target = item.data(0, KIND_ROLE), item.data(0, TARGET_ROLE)
        services = self._services
        if kind == "form":
            from .force_form_view import open_form

            self.form_dialog = open_form(self, services.force, services.residents, target,
                                         changed=lambda _id: self.refresh(), message=self.message.emit)
        elif kind == "resident":
            from ..dialogs.resident_dialog import ResidentDialog

            try:
                dialog = ResidentDialog(services.residents, services.care_homes, target, self)
            except DomainError as exc:
                self.ui.error_label.show_message(messages.text_for(exc))
                return
            dialog.finished.connect(dialog.deleteLater)
            dialog.finished.connect(lambda _r: self.refresh())
            self.resident_dialog = dialog
            dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QTreeWidget) and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            if event.size().width() != event.oldSize().width():
                self._fit_height(watched)
        if isinstance(watched, QTreeWidget) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched.currentItem() is not None:
                self.open_item(watched.currentItem())
                return True
        return super().eventFilter(watched, event)
