"""Month overview per care home: every resident with a permit or force that month, and the
status of their monthly form (ingen magtanvendelse, kladde, afventer leder, sendt, behandlet,
sendt tilbage, for sent), with episode and late counts. Enter or double-click opens the form.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from ... import messages
from ...domain.errors import DomainError
from ...domain.force import Month
from ...domain.roles import Action, allowed
from ...services.care_homes import CareHomeService
from ...services.force import ForceService
from ...services.residents import ResidentService
from ..forms.ui_month_overview import Ui_MonthOverviewView
from ..models.force_status import STATUS_COLORS
from ..models.force_tables import SORT_ROLE, MonthOverviewModel
from .force_common import count_text
from .force_form_view import ForceFormDialog, open_form
from ..widgets.plain import plain_labels

MONTHS_BACK = 36
_COLUMN_SAMPLES = {
    MonthOverviewModel.COL_NAME: "Karen Margrethe Christensen",
    MonthOverviewModel.COL_CPR: "000000-xxxx ",
    MonthOverviewModel.COL_ROOM: "Bolig 00",
    MonthOverviewModel.COL_STATUS: "    Ingen magtanvendelse",
    MonthOverviewModel.COL_EPISODES: "Magtanvendelser",
    MonthOverviewModel.COL_LATE: "Heraf for sent",
}


def legend_html() -> str:
    """Each status's dot and label, in the order a form goes through them."""
    parts = []
    for status in ("none", "draft", "awaiting_staff", "awaiting_leader", "ready_to_send", "sent", "returned",
                   "processed"):
        fg = STATUS_COLORS[status][1]
        dot = "○" if status == "none" else "●"
        parts.append(f"<span style='color:{fg}'>{dot}</span>&nbsp;{messages.form_status_label(status)}")
    # "For sent" is a mark beside the state, not a state of its own (issue 12, point 6).
    late = STATUS_COLORS["overdue"][1]
    parts.append(f"<span style='color:{late}'>●</span>&nbsp;For sent (ved siden af tilstanden)")
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


class MonthOverviewView(QWidget):
    """``history_requested(resident_id)`` asks the page to show the resident's force over time."""

    history_requested = Signal(str)
    form_changed = Signal(str)
    message = Signal(str)

    def __init__(self, force: ForceService, care_homes: CareHomeService, residents: ResidentService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MonthOverviewView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._force = force
        self._care_homes = care_homes
        self._residents = residents
        self.form_dialog: ForceFormDialog | None = None

        self.model = MonthOverviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        table = self.ui.overview_table
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        for col, sample in _COLUMN_SAMPLES.items():
            table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 28)
        table.sortByColumn(MonthOverviewModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.legend_label.setText(legend_html())

        self._fill_homes()
        self._fill_months()
        self.ui.care_home_combo.currentIndexChanged.connect(self.refresh)
        self.ui.month_combo.currentIndexChanged.connect(self.refresh)
        self.ui.previous_button.clicked.connect(lambda: self.step_month(+1))
        self.ui.next_button.clicked.connect(lambda: self.step_month(-1))
        QShortcut(QKeySequence("Alt+Left"), self, activated=lambda: self.step_month(+1))
        QShortcut(QKeySequence("Alt+Right"), self, activated=lambda: self.step_month(-1))
        self.ui.open_button.clicked.connect(self.open_selected)
        self.ui.history_button.clicked.connect(self.show_history)
        self.refresh()

    # -- filters -----------------------------------------------------------------------------
    def _fill_homes(self) -> None:
        combo = self.ui.care_home_combo
        user = self._force.ctx.user
        try:
            homes = self._care_homes.list_care_homes()
        except DomainError as exc:
            self.ui.error_label.show_message(messages.text_for(exc))
            homes = []
        combo.blockSignals(True)
        for home in homes:
            if allowed(user, Action.PERMIT_VIEW, home.id):
                combo.addItem(home.name, home.id)
        combo.blockSignals(False)

    def _fill_months(self) -> None:
        combo = self.ui.month_combo
        month = Month.of(self._force.now_local().date())
        combo.blockSignals(True)
        for _ in range(MONTHS_BACK):
            combo.addItem(messages.month_label(month.year, month.month), month.key())
            month = month.previous()
        combo.blockSignals(False)

    def step_month(self, steps_back: int) -> None:
        """One month back (+1) or forward (-1) in the month list."""
        combo = self.ui.month_combo
        combo.setCurrentIndex(min(max(combo.currentIndex() + steps_back, 0), combo.count() - 1))

    def set_home(self, care_home_id: str) -> None:
        index = self.ui.care_home_combo.findData(care_home_id)
        if index >= 0:
            self.ui.care_home_combo.setCurrentIndex(index)

    def set_month(self, year: int, month: int) -> None:
        index = self.ui.month_combo.findData(Month(year, month).key())
        if index >= 0:
            self.ui.month_combo.setCurrentIndex(index)

    # -- loading -----------------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        """Read the chosen home's month again, keeping the selected resident."""
        ui = self.ui
        keep = self.selected_row()
        home = ui.care_home_combo.currentData()
        key = ui.month_combo.currentData()
        ui.error_label.show_message(None)
        if not home or not key:
            self.model.set_rows([])
            ui.summary_label.setText("Ingen plejecentre at vise." if not home else "")
            self._update_buttons()
            return
        month = Month.parse(key)
        try:
            rows = self._force.month_overview(home, month.year, month.month)
        except DomainError as exc:
            rows = []
            ui.error_label.show_message(messages.text_for(exc))
        self.model.set_rows(rows)
        ui.summary_label.setText(_summary(rows))
        if keep is not None:
            self.select_resident(keep.resident_id)
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------
    def selected_row(self):
        rows = self.ui.overview_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_resident(self, resident_id: str) -> bool:
        for r, row in enumerate(self.model.rows):
            if row.resident_id == resident_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                self.ui.overview_table.selectRow(index.row())
                self.ui.overview_table.scrollTo(index)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        self.ui.open_button.setEnabled(bool(row and row.form_id))
        self.ui.history_button.setEnabled(row is not None)

    # -- opening -----------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.ui.overview_table.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> None:
        """The selected resident's monthly form; without one, the resident's force over time."""
        row = self.selected_row()
        if row is None:
            return
        if row.form_id is None:
            self.show_history()
            return
        self.form_dialog = open_form(self, self._force, self._residents, row.form_id,
                                     changed=self._form_changed, message=self.message.emit)

    def show_history(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.history_requested.emit(row.resident_id)

    def _form_changed(self, form_id: str) -> None:
        self.refresh()
        self.form_changed.emit(form_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.overview_table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)


def _summary(rows) -> str:
    if not rows:
        return "Ingen beboere med tilladelse eller magtanvendelse i måneden."
    used = sum(1 for r in rows if r.episodes)
    episodes = sum(r.episodes for r in rows)
    late = sum(r.late_episodes for r in rows)
    acute = sum(r.acute_records for r in rows)
    text = (f"{count_text(len(rows), 'beboer', 'beboere')} · {used} med magtanvendelse · "
            f"{count_text(episodes, 'magtanvendelse', 'magtanvendelser')}")
    if late:
        text += f", heraf {late} registreret for sent"
    if acute:
        text += f" · {count_text(acute, 'akut / ikke-godkendt registrering', 'akutte / ikke-godkendte registreringer')}"
    return text
