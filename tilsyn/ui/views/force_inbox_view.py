"""The caseworker's inbox (sent forms across care homes) and the leader's queue (forms in the
leader's homes waiting for section 3 or for sending). Enter or double-click opens the form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from ... import messages
from ...domain.errors import DomainError
from ...services.force import ForceService
from ...services.residents import ResidentService
from ..forms.ui_inbox import Ui_InboxView
from ..models.force_tables import ID_ROLE, SORT_ROLE, FormSummaryModel
from .force_common import count_text
from .force_form_view import ForceFormDialog, open_form
from ..widgets.plain import plain_labels

MODE_INBOX, MODE_QUEUE = "inbox", "queue"
INTROS = {
    MODE_INBOX: ("Skemaer, som lederne har sendt til myndigheden, fra alle plejecentre. Åbn et skema for at "
                 "udfylde og underskrive afsnit 4, eller send det tilbage til lederen med en bemærkning. Et skema, "
                 "plejecentret har genåbnet, står her som genåbnet med begrundelsen, til det sendes igen."),
    MODE_QUEUE: ("Månedsskemaer i dine plejecentre, der venter på din vurdering (afsnit 3), på din underskrift "
                 "eller på at blive sendt til myndigheden."),
}
_COLUMN_SAMPLES = {
    FormSummaryModel.COL_HOME: "Plejecenter Mølleparken",
    FormSummaryModel.COL_NAME: "Margrethe Christensen",
    FormSummaryModel.COL_CPR: "000000-xxxx",
    FormSummaryModel.COL_MONTH: "september 2026",
    FormSummaryModel.COL_KIND: "Månedsskema",
    FormSummaryModel.COL_STATUS: "    Afventer leder",
    FormSummaryModel.COL_EPISODES: "Magtanvendelser",
    FormSummaryModel.COL_DUE: "00-00-0000",
}


class _HomeFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.home = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.home:
            return True
        return self.sourceModel().rows[source_row].care_home == self.home


class ForceInboxView(QWidget):
    """``mode`` is MODE_INBOX (caseworker) or MODE_QUEUE (leader)."""

    form_changed = Signal(str)
    message = Signal(str)

    def __init__(self, force: ForceService, residents: ResidentService, mode: str = MODE_INBOX,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InboxView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._force = force
        self._residents = residents
        self.mode = mode
        self.form_dialog: ForceFormDialog | None = None
        ui = self.ui
        ui.intro_label.setText(INTROS[mode])
        ui.include_processed_check.setVisible(mode == MODE_INBOX)

        self.model = FormSummaryModel(self)
        self.proxy = _HomeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        table = ui.forms_table
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
        # The leader's queue is not sent yet; the inbox is past the leader's deadline already.
        table.setColumnHidden(FormSummaryModel.COL_SENT if mode == MODE_QUEUE else FormSummaryModel.COL_DUE, True)
        # Oldest month first: what has waited longest is handled first.
        table.sortByColumn(FormSummaryModel.COL_MONTH, Qt.SortOrder.AscendingOrder)
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(self._update_buttons)

        ui.care_home_combo.currentIndexChanged.connect(self._apply_home)
        ui.include_processed_check.toggled.connect(self.refresh)
        ui.open_button.clicked.connect(self.open_selected)
        ui.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        """Read the inbox (or queue) again."""
        ui = self.ui
        ui.error_label.show_message(None)
        try:
            if self.mode == MODE_INBOX:
                rows = self._force.inbox(include_processed=ui.include_processed_check.isChecked())
            else:
                rows = self._force.leader_queue()
        except DomainError as exc:
            rows = []
            ui.error_label.show_message(messages.text_for(exc))
        self.model.set_rows(rows)
        homes = sorted({r.care_home for r in rows})
        self._fill_homes(homes)
        # A leader of one care home needs no care home column or filter.
        single = self.mode == MODE_QUEUE and len(homes) <= 1
        ui.forms_table.setColumnHidden(FormSummaryModel.COL_HOME, single)
        for w in (ui.care_home_label, ui.care_home_combo):
            w.setVisible(not single)
        self._apply_home()

    def _fill_homes(self, homes: list[str]) -> None:
        combo = self.ui.care_home_combo
        keep = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Alle plejecentre", "")
        for name in homes:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def _apply_home(self, *_args) -> None:
        self.proxy.home = self.ui.care_home_combo.currentData() or ""
        self.proxy.invalidate()
        n = self.proxy.rowCount()
        self.ui.count_label.setText(count_text(n, "skema", "skemaer"))
        self._update_buttons()

    def form_ids(self) -> list[str]:
        """The ids in the order shown."""
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def selected_id(self) -> str | None:
        rows = self.ui.forms_table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select(self, form_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ID_ROLE) == form_id:
                self.ui.forms_table.selectRow(r)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        self.ui.open_button.setEnabled(self.selected_id() is not None)

    def _open_index(self, index: QModelIndex) -> None:
        self.ui.forms_table.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> None:
        form_id = self.selected_id()
        if form_id is not None:
            self.form_dialog = open_form(self, self._force, self._residents, form_id,
                                         changed=self._form_changed, message=self.message.emit)

    def _form_changed(self, form_id: str) -> None:
        self.refresh()
        self.form_changed.emit(form_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.forms_table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)
