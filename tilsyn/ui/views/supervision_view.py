"""The Tilsyn page: the year's programme, the planning overview (when each care home is due), the
visits with their status, and one visit at a time (SupervisionVisitView) in the same page.

What the page offers depends on the role: the consultant plans and runs visits; a care home's
leader sees the reports in consultation (høring) and replies; anyone else sees a short note. The
service checks every permission itself; the page only leaves out what the role cannot do.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableView, QWidget

from ...domain.errors import DomainError
from ...domain.roles import Action
from ...domain.supervision.visits import ALL_STATUSES, STATUS_LABELS
from ...messages import format_date, format_number, text_for
from ...services.supervision.dto import PlanningOverview, ProgrammeDTO, VisitSummary
from ...services.supervision.service import SupervisionService
from ..access import can
from ..dialogs.pdf_preview import preview_pdf
from ..errors import error_text
from ..forms.ui_supervision_view import Ui_SupervisionView
from ..models.supervision_models import InboxTableModel, PlanningTableModel, VisitTableModel
from .supervision_dialogs import ActionItemDialog, PlanVisitDialog, ProgrammeDialog, StepDialog
from .supervision_visit_view import SupervisionVisitView

TAB_PLANNING, TAB_VISITS = range(2)
PAGE_OVERVIEW, PAGE_INBOX, PAGE_NO_ACCESS, PAGE_VISIT = range(4)


def _proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(model.SortRole)
    return proxy


def _setup_table(table: QTableView, widths: dict[int, str], pad: int = 24) -> None:
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
    for col, sample in widths.items():
        table.setColumnWidth(col, metrics.horizontalAdvance(sample) + pad)


def inbox_thread_html(visit, items) -> str:
    """The consultation's replies (newest first, the one the final report uses marked) and the
    staff's action plan with the consultant's comments, as rich text for the leader."""
    from ...messages import format_moment

    c = visit.consultation
    parts = []
    if c is not None:
        parts.append(f"<b>Høringsfrist {format_date(c.deadline)}</b> · {escape(c.reply_state_label)}")
        for n, r in enumerate(reversed(c.replies)):
            mark = " <i>(bruges i den endelige rapport)</i>" if n == 0 else ""
            parts.append(f"<p><b>Svar {format_moment(r.replied_at)} fra {escape(r.replied_by)}</b>{mark}<br>"
                         f"{escape(r.text)}</p>")
    parts.append("<p><b>Personalets handleplan</b></p>")
    if not items:
        parts.append("<p>Ingen handlinger endnu.</p>")
    for a in items:
        due = f", frist {format_date(a.due_on)}" if a.due_on else ""
        who = {"leader": " (skrevet af plejecentret)", "consultant": " (skrevet af tilsynet)"}.get(a.written_by_side, "")
        line = f"<p>• {escape(a.action)} – {escape(a.responsible or 'ingen ansvarlig')}{due} · {escape(a.status_label)}{who}"
        for cm in a.comments:
            line += f"<br>&nbsp;&nbsp;Tilsynets kommentar {format_moment(cm.written_at)}: <i>{escape(cm.text)}</i>"
        parts.append(line + "</p>")
    return "".join(parts)


def programme_html(p: ProgrammeDTO) -> str:
    """The programme's theme, protocols and sampling plan as a few lines of rich text."""
    guides = ", ".join(p.protocol_titles)
    visits = "1 besøg" if p.visit_count == 1 else f"{p.visit_count} besøg"
    return (
        f"Tema for magtanvendelse: <b>{escape(p.theme_title)}</b> &nbsp;·&nbsp; {visits} i programmet<br>"
        f"Interviewguider: {escape(guides)}<br>"
        f"Stikprøveplan: {format_number(p.sample_total)} beboere i alt, {p.sample_min}–{p.sample_max} pr. plejecenter "
        f"(efter størrelse), {p.relatives_per_home} pårørende pr. plejecenter"
        + (f" &nbsp;·&nbsp; programmets frø: {escape(p.seed)}" if p.seed else "")
        + (" (fast: der er trukket stikprøver)" if p.plan_fixed else "")
        + (f"<br><span style='color:#8c1d18; font-weight:600'>{escape(text_for(p.plan_check.warning))}</span>"
           if p.plan_check is not None and p.plan_check.warning is not None else "")
    )


class SupervisionView(QWidget):
    """The page; ``supervision.ctx.user`` decides between consultant, leader and no access."""

    def __init__(self, supervision: SupervisionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionView()
        self.ui.setupUi(self)
        self._svc = supervision
        self.programme: ProgrammeDTO | None = None
        self.planning: PlanningOverview | None = None
        #: The open dialog or PDF preview, if any (tests reach it here).
        self.dialog = None
        self.preview = None
        user = supervision.ctx.user
        self.mode = ("consultant" if can(user, Action.VISIT_MANAGE)
                     else "leader" if can(user, Action.VISIT_REPLY) else "none")

        self.visit_view = SupervisionVisitView(supervision, self.ui.page_stack)
        self.ui.page_stack.addWidget(self.visit_view)
        self.visit_view.back_requested.connect(self.show_overview)
        self.visit_view.changed.connect(self._visit_changed)

        self.planning_model = PlanningTableModel(self)
        self.planning_proxy = _proxy(self.planning_model, self)
        self.ui.planning_table.setModel(self.planning_proxy)
        # Urgent statuses are bold, so their sample text is a little longer than the label.
        _setup_table(self.ui.planning_table, {0: "Strandhavens Private Plejehjem", 1: "Aldrig besøgt",
                                              2: "Mindre tilfredsstillende", 3: "Næste besøg senest",
                                              4: "Skal besøges nu (fed)", 5: "Planlagt besøg"}, pad=12)
        self.visit_model = VisitTableModel(self)
        self.visit_proxy = _proxy(self.visit_model, self)
        self.ui.visits_table.setModel(self.visit_proxy)
        _setup_table(self.ui.visits_table, {0: "Strandhavens Private Plejehjem (opfølgning)", 1: "00-00-0000",
                                            2: "Gennemført", 3: "Rapportudkast", 4: "Uanmeldt",
                                            5: "Mindre tilfredsstillende"})
        self.inbox_model = InboxTableModel(self)
        self.ui.inbox_table.setModel(self.inbox_model)
        _setup_table(self.ui.inbox_table, {0: "Strandhavens Private Plejehjem", 1: "00-00-0000", 2: "00-00-0000",
                                           3: "fristen er overskredet"})
        self.inbox_visit = None  # the selected visit as the leader sees it (thread, allowed actions)

        self.ui.overview_error_label.setVisible(False)
        self.ui.inbox_error_label.setVisible(False)
        self.ui.status_combo.addItem("Alle", None)
        for status in ALL_STATUSES:
            self.ui.status_combo.addItem(STATUS_LABELS[status], status)

        self.ui.year_combo.currentIndexChanged.connect(self.load_year)
        self.ui.create_programme_button.clicked.connect(self.create_programme)
        self.ui.edit_programme_button.clicked.connect(self.edit_programme)
        self.ui.verify_year_button.clicked.connect(self.verify_year)
        self.ui.annual_button.clicked.connect(self.show_annual_evaluation)
        self.ui.plan_from_planning_button.clicked.connect(self.plan_for_selected_home)
        self.ui.open_planned_button.clicked.connect(self.open_planned_visit)
        self.ui.planning_table.doubleClicked.connect(lambda _i: self._planning_activated())
        self.ui.planning_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.status_combo.currentIndexChanged.connect(self.load_visits)
        self.ui.plan_visit_button.clicked.connect(self.plan_visit)
        self.ui.open_visit_button.clicked.connect(self.open_selected_visit)
        self.ui.visits_table.doubleClicked.connect(lambda _i: self.open_selected_visit())
        self.ui.visits_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.inbox_report_button.clicked.connect(self.show_inbox_report)
        self.ui.reply_button.clicked.connect(self.reply_to_consultation)
        self.ui.inbox_table.doubleClicked.connect(lambda _i: self.show_inbox_report())
        self.ui.inbox_table.selectionModel().selectionChanged.connect(self._inbox_selected)
        self.ui.inbox_add_action_button.clicked.connect(self.add_leader_action)

        if self.mode == "consultant":
            self.ui.page_stack.setCurrentIndex(PAGE_OVERVIEW)
            self._fill_years()
        elif self.mode == "leader":
            self.ui.page_stack.setCurrentIndex(PAGE_INBOX)
            self.load_inbox()
        else:
            self.ui.page_stack.setCurrentIndex(PAGE_NO_ACCESS)
        self._update_buttons()

    # -- the programme ----------------------------------------------------------------------------
    def _fill_years(self) -> None:
        this_year = self._svc.ctx.today().year
        years = {p.year for p in self._svc.programmes()} | {this_year, this_year + 1}
        combo = self.ui.year_combo
        combo.blockSignals(True)
        combo.clear()
        for year in sorted(years, reverse=True):
            combo.addItem(str(year), year)
        combo.setCurrentIndex(combo.findData(this_year))
        combo.blockSignals(False)
        self.load_year()

    def selected_year(self) -> int:
        return int(self.ui.year_combo.currentData() or self._svc.ctx.today().year)

    def select_year(self, year: int) -> None:
        index = self.ui.year_combo.findData(year)
        if index < 0:
            self.ui.year_combo.addItem(str(year), year)
            index = self.ui.year_combo.count() - 1
        self.ui.year_combo.setCurrentIndex(index)

    def load_year(self, *_args) -> None:
        """Show the chosen year's programme, the planning overview and the year's visits."""
        year = self.selected_year()
        self.ui.overview_error_label.show_message(None)
        self.programme = self._svc.programme_for_year(year)
        has = self.programme is not None
        if has:
            self.ui.programme_info_label.setText(programme_html(self.programme))
        else:
            self.ui.programme_info_label.setText(
                f"Der er endnu intet tilsynsprogram for {year}. Opret programmet for at planlægge årets besøg: "
                "det samler interviewguiderne, årets tema for magtanvendelse og stikprøveplanen.")
        self.ui.programme_group.setTitle(f"Tilsynsprogram {year}")
        self.ui.create_programme_button.setVisible(not has)
        self.ui.edit_programme_button.setVisible(has)
        self.ui.verify_year_button.setVisible(has)
        self.load_planning()
        self.load_visits()

    def create_programme(self) -> None:
        self._open(ProgrammeDialog(self._svc, self.selected_year(), None, self), self._programme_saved)

    def edit_programme(self) -> None:
        if self.programme is not None:
            self._open(ProgrammeDialog(self._svc, self.programme.year, self.programme, self), self._programme_saved)

    def _programme_saved(self) -> None:
        self._fill_years()

    def verify_year(self) -> None:
        """Recompute every current draw of the year and list whether each matches."""
        try:
            results = self._svc.verify_year(self.selected_year())
        except DomainError as err:
            self.ui.overview_error_label.show_message(error_text(err))
            return
        self.ui.overview_error_label.show_message(None)
        bad = [r for r in results if not r.match]
        kinds = {"resident": "beboere", "relative": "pårørende"}
        lines = [f"{r.care_home_name}, {kinds.get(r.kind, r.kind)}: {'stemmer' if r.match else 'STEMMER IKKE'}"
                 for r in results]
        head = (f"Alle {len(results)} stikprøver stemmer med en genberegning fra deres frø."
                if not bad else f"{len(bad)} af {len(results)} stikprøver stemmer IKKE med en genberegning.")
        box = QMessageBox(QMessageBox.Icon.Information if not bad else QMessageBox.Icon.Warning,
                          "Kontrol af stikprøver", head, QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(lines))
        self.dialog = box
        box.open()

    def show_annual_evaluation(self) -> None:
        """The annual evaluation across care homes and years, as PDF in the preview."""
        year = self.selected_year()
        try:
            pdf = self._svc.annual_evaluation_pdf(year)
        except DomainError as err:
            self.ui.overview_error_label.show_message(error_text(err))
            return
        self.ui.overview_error_label.show_message(None)
        self.preview = preview_pdf(self, pdf, f"Årsevaluering af tilsyn {year}")

    # -- planning ---------------------------------------------------------------------------------
    def load_planning(self) -> None:
        self.planning = self._svc.planning_overview()
        keep = self.selected_home_id()
        self.planning_model.set_rows(self.planning.rows)
        urgent = len(self.planning.overdue)
        if urgent:
            head = (f"{urgent} plejecenter skal besøges nu eller har overskredet fristen (markeret med farve)."
                    if urgent == 1 else
                    f"{urgent} plejecentre skal besøges nu eller har overskredet fristen (markeret med farve).")
        else:
            head = "Alle plejecentre er besøgt inden for fristen."
        self.ui.planning_summary_label.setText(
            head + " Næste besøg beregnes ud fra seneste besøg og resultatet: i første programår mindst ét "
                   "besøg, derefter mindst hvert andet år og tidligere efter et dårligt resultat.")
        if keep:
            self.select_home(keep)
        self._update_buttons()

    def selected_planning_row(self):
        rows = self.ui.planning_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.planning_model.row_at(self.planning_proxy.mapToSource(rows[0]).row())

    def selected_home_id(self) -> str | None:
        row = self.selected_planning_row()
        return row.care_home_id if row else None

    def select_home(self, care_home_id: str) -> bool:
        row = self.planning_model.row_of(care_home_id)
        if row < 0:
            return False
        index = self.planning_proxy.mapFromSource(self.planning_model.index(row, 0))
        self.ui.planning_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.ui.planning_table.scrollTo(index)
        return True

    def _planning_activated(self) -> None:
        row = self.selected_planning_row()
        if row is not None and row.planned_visit_id:
            self.open_visit(row.planned_visit_id)
        else:
            self.plan_for_selected_home()

    def plan_for_selected_home(self) -> None:
        """Plan a visit for the chosen care home, proposing its due date (today if overdue)."""
        row = self.selected_planning_row()
        today = self._svc.ctx.today()
        day = max(row.due_on, today) if row else today
        self.plan_visit(care_home_id=row.care_home_id if row else None, planned_on=self._proposed_day(day))

    def _proposed_day(self, wanted: dt.date) -> dt.date:
        """A free working day of the programme's year on or after ``wanted`` (the service's proposal)."""
        if self.programme is None:
            return wanted
        try:
            return self._svc.propose_visit_date(self.programme.id, wanted)
        except DomainError:
            return wanted

    def open_planned_visit(self) -> None:
        row = self.selected_planning_row()
        if row is not None and row.planned_visit_id:
            self.open_visit(row.planned_visit_id)

    def plan_visit(self, *_args, care_home_id: str | None = None, planned_on: dt.date | None = None) -> None:
        """The "Planlæg besøg" dialog in the chosen year's programme."""
        if self.programme is None:
            self.ui.overview_error_label.show_message(f"Opret først tilsynsprogrammet for {self.selected_year()}.")
            return
        if self.planning is None:
            self.load_planning()
        dialog = PlanVisitDialog(self._svc, self.programme, list(self.planning.rows), self,
                                 care_home_id=care_home_id or self.selected_home_id(),
                                 planned_on=planned_on or self._proposed_day(self._svc.ctx.today()))
        self._open(dialog, lambda: self._visit_planned(dialog))

    def _visit_planned(self, dialog: PlanVisitDialog) -> None:
        visit = dialog.result
        self.load_planning()
        self.load_visits()
        if visit is not None:
            self.open_visit(visit.id)

    # -- visits -----------------------------------------------------------------------------------
    def load_visits(self, *_args) -> None:
        keep = self.selected_visit_id()
        rows: list[VisitSummary] = []
        if self.programme is not None:
            rows = self._svc.visits(programme_id=self.programme.id, status=self.ui.status_combo.currentData())
        self.visit_model.set_rows(rows)
        self.ui.visits_table.sortByColumn(VisitTableModel.COL_PLANNED, Qt.SortOrder.AscendingOrder)
        self.ui.visit_count_label.setText("1 besøg" if len(rows) == 1 else f"{len(rows)} besøg")
        self.ui.main_tabs.setTabText(TAB_VISITS, f"Besøg ({len(rows)})" if self.programme else "Besøg")
        if keep:
            self.select_visit(keep)
        self._update_buttons()

    def selected_visit_id(self) -> str | None:
        rows = self.ui.visits_table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.visit_model.row_at(self.visit_proxy.mapToSource(rows[0]).row())
        return row.id if row else None

    def select_visit(self, visit_id: str) -> bool:
        row = self.visit_model.row_of(visit_id)
        if row < 0:
            return False
        index = self.visit_proxy.mapFromSource(self.visit_model.index(row, 0))
        self.ui.visits_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def open_selected_visit(self) -> None:
        visit_id = self.selected_visit_id()
        if visit_id:
            self.open_visit(visit_id)

    def open_visit(self, visit_id: str) -> None:
        """Show one visit in the page; "Tilbage til oversigten" returns."""
        try:
            self.visit_view.open_visit(visit_id, self.programme.seed if self.programme else "")
        except DomainError as err:
            self.ui.overview_error_label.show_message(error_text(err))
            return
        self.ui.page_stack.setCurrentIndex(PAGE_VISIT)
        self.visit_view.ui.visit_tabs.setFocus()

    def show_overview(self) -> None:
        self.ui.page_stack.setCurrentIndex(PAGE_OVERVIEW if self.mode == "consultant" else PAGE_INBOX)
        visit = self.visit_view.visit
        if visit is not None and self.mode == "consultant":
            self.ui.main_tabs.setCurrentIndex(TAB_VISITS)
            self.select_visit(visit.id)
            self.ui.visits_table.setFocus()

    def _visit_changed(self) -> None:
        if self.mode == "consultant":
            self.programme = self._svc.programme_for_year(self.selected_year())
            if self.programme is not None:
                self.ui.programme_info_label.setText(programme_html(self.programme))
            self.load_planning()
            self.load_visits()

    # -- the leader: consultation -----------------------------------------------------------------
    def load_inbox(self) -> None:
        self.ui.inbox_error_label.show_message(None)
        self.inbox_visit = None
        self.ui.inbox_thread_browser.clear()
        rows = self._svc.consultation_inbox()
        self.inbox_model.set_rows(rows)
        if rows:
            self.ui.inbox_table.selectRow(0)
        self.ui.inbox_intro_label.setText(
            "Tilsynsrapporter for dit plejecenter, som konsulenten har sendt i høring. Læs udkastet, og send "
            "plejecentrets svar inden fristen."
            + ("" if rows else " Der er ingen rapporter i høring lige nu."))
        self._update_buttons()

    def _selected_inbox(self) -> VisitSummary | None:
        rows = self.ui.inbox_table.selectionModel().selectedRows()
        return self.inbox_model.row_at(rows[0].row()) if rows else None

    def show_inbox_report(self) -> None:
        visit = self._selected_inbox()
        if visit is None:
            return
        try:
            pdf = self._svc.visit_report_pdf(visit.id)
        except DomainError as err:
            self.ui.inbox_error_label.show_message(error_text(err))
            return
        self.preview = preview_pdf(self, pdf, f"Rapportudkast {visit.care_home_name} {format_date(visit.planned_on)}")

    def _inbox_selected(self, *_args) -> None:
        """Show the selected report's reply thread and the staff's action plan."""
        row = self._selected_inbox()
        self.inbox_visit = None
        html = ""
        if row is not None:
            try:
                self.inbox_visit = self._svc.consultation_visit(row.id)
                items = self._svc.action_plan(row.id)
            except DomainError as err:
                self.ui.inbox_error_label.show_message(error_text(err))
                items = ()
            if self.inbox_visit is not None:
                html = inbox_thread_html(self.inbox_visit, items)
        self.ui.inbox_thread_browser.setHtml(html)
        self._update_buttons()

    def reply_to_consultation(self) -> None:
        """The leader's reply to the draft report; every reply is kept, the newest counts."""
        visit = self._selected_inbox()
        if visit is None:
            return
        again = visit.replies > 0
        dialog = StepDialog(
            "Svar på høring",
            f"Plejecentrets svar på rapportudkastet fra tilsynsbesøget {format_date(visit.planned_on)} på "
            f"{escape(visit.care_home_name)}. "
            + ("Det nye svar kommer med i den endelige rapport; de tidligere svar bevares og kan stadig læses."
               if again else "Svaret kommer med i den endelige rapport."),
            lambda s: self._svc.reply_to_consultation(visit.id, s.text), self,
            ok_text="Send svar", text_label="&Svar:")
        self._open(dialog, self.load_inbox)

    def add_leader_action(self) -> None:
        """The leader writes a line of the staff's own action plan."""
        visit = self._selected_inbox()
        if visit is None:
            return
        self._open(ActionItemDialog(self._svc, visit.id, parent=self), self._inbox_selected)

    # -- common ---------------------------------------------------------------------------------
    def _open(self, dialog, on_accepted) -> None:
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _update_buttons(self, *_args) -> None:
        has_programme = self.programme is not None
        row = self.selected_planning_row()
        self.ui.plan_from_planning_button.setEnabled(has_programme and row is not None)
        self.ui.open_planned_button.setEnabled(row is not None and row.planned_visit_id is not None)
        self.ui.plan_visit_button.setEnabled(has_programme)
        self.ui.open_visit_button.setEnabled(self.selected_visit_id() is not None)
        selected = self._selected_inbox() is not None
        allowed = self.inbox_visit.allowed_actions if self.inbox_visit is not None else ()
        self.ui.inbox_report_button.setEnabled(selected)
        self.ui.reply_button.setEnabled(selected and "reply" in allowed)
        self.ui.inbox_add_action_button.setEnabled(selected and "action_plan" in allowed)
