"""First run on an empty database: create the municipality and its care homes, or load demo data."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from ...domain.errors import DomainError, ValidationError
from ...domain.people import CARE_HOME_KINDS, CareHomeInput
from ...messages import care_home_kind_label, text_for
from ...services.care_homes import CareHomeService
from ...services.context import AppContext
from .. import workers
from ..errors import error_text
from ..forms.ui_first_run import Ui_FirstRunView
from ..widgets.plain import plain_labels, plain_tooltip

COL_NAME, COL_KIND, COL_ADDRESS, COL_POSTAL, COL_CITY, COL_UNITS = range(6)
FIELD_COLUMNS = {
    "name": COL_NAME,
    "kind": COL_KIND,
    "address": COL_ADDRESS,
    "postal_code": COL_POSTAL,
    "city": COL_CITY,
    "units": COL_UNITS,
}
ERROR_BRUSH = QBrush(QColor("#f9dedc"))
START_ROWS = 3

FillDemo = Callable[..., Any]


def fill_demo_database(
    ctx: AppContext,
    *,
    progress: Callable[[int, str], None],
    is_cancelled: Callable[[], bool],
    **options: Any,
) -> str:
    """Fill an empty database with the demo municipality; returns a Danish summary line.

    Runs in a worker thread. The demo is one transaction, so there is nothing to cancel midway.
    ``options`` go to DemoService.fill (seed, homes, residents_per_home).
    """
    from ...services.demo import DemoService  # the demo generator is only needed on this path

    progress(0, "Opretter kommune, plejecentre, beboere, pårørende og afgørelser …")
    s = DemoService(ctx).fill(**options)
    progress(100, "Færdig.")
    return (
        f"Demodata indlæst: {s.care_homes} plejecentre, {s.residents} beboere "
        f"og {s.permits} afgørelser om magtanvendelse."
    )


class FirstRunView(QWidget):
    """Emits ``completed(message)`` when the database has a municipality and the app can start."""

    completed = Signal(str)

    def __init__(
        self,
        care_homes: CareHomeService,
        fill_demo: FillDemo | None = None,
        database: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._service = care_homes
        self._fill_demo = fill_demo
        self._worker: workers.Worker | None = None
        self._thread = None
        self.ui.database_label.setText(f"Database: {database}" if database else "")
        self.ui.demo_button.setEnabled(fill_demo is not None)
        for label in (self.ui.municipality_error_label, self.ui.homes_error_label, self.ui.demo_error_label):
            label.setVisible(False)

        table = self.ui.homes_table
        header = table.horizontalHeader()
        # Widths that fit a typical name and address; the units column takes the rest, so the
        # table needs no sideways scrolling while typing.
        table.setWordWrap(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        for col, sample in ((COL_NAME, "Kildevang Privatplejehjem"), (COL_ADDRESS, "Mølledamsvej 120"),
                            (COL_POSTAL, "Postnr."), (COL_CITY, "Vejle Øst")):
            table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)
        for _ in range(START_ROWS):
            self.add_row()

        self.ui.create_button.clicked.connect(self.show_form)
        self.ui.demo_button.clicked.connect(self.load_demo)
        self.ui.back_button.clicked.connect(self.show_choice)
        self.ui.add_home_button.clicked.connect(self._add_and_edit_row)
        self.ui.remove_home_button.clicked.connect(self.remove_current_row)
        self.ui.create_save_button.clicked.connect(self.create)
        self.ui.municipality_edit.returnPressed.connect(self.create)
        self.show_choice()

    # -- navigation -------------------------------------------------------------------------------
    def show_choice(self) -> None:
        self.ui.step_stack.setCurrentWidget(self.ui.choice_page)
        self.ui.create_button.setFocus()

    def show_form(self) -> None:
        self.ui.step_stack.setCurrentWidget(self.ui.form_page)
        self.ui.municipality_edit.setFocus()

    # -- the care homes table ---------------------------------------------------------------------
    def add_row(self) -> int:
        table = self.ui.homes_table
        row = table.rowCount()
        table.insertRow(row)
        for col in FIELD_COLUMNS.values():
            if col != COL_KIND:
                table.setItem(row, col, QTableWidgetItem(""))
        combo = QComboBox(table)
        combo.setObjectName(f"kind_combo_{row}")
        for kind in CARE_HOME_KINDS:
            combo.addItem(care_home_kind_label(kind), kind)
        table.setCellWidget(row, COL_KIND, combo)
        return row

    def _add_and_edit_row(self) -> None:
        row = self.add_row()
        table = self.ui.homes_table
        table.setCurrentCell(row, COL_NAME)
        table.setFocus()
        table.editItem(table.item(row, COL_NAME))

    def remove_current_row(self) -> None:
        row = self.ui.homes_table.currentRow()
        if row >= 0:
            self.ui.homes_table.removeRow(row)

    def set_row(self, row: int, home: CareHomeInput) -> None:
        """Fill one table row (used by tests and screenshots as a user would type it)."""
        table = self.ui.homes_table
        while table.rowCount() <= row:
            self.add_row()
        for field, col in FIELD_COLUMNS.items():
            if col == COL_KIND:
                combo: QComboBox = table.cellWidget(row, col)
                combo.setCurrentIndex(max(combo.findData(home.kind), 0))
            elif field == "units":
                table.item(row, col).setText(", ".join(home.units))
            else:
                table.item(row, col).setText(getattr(home, field))

    def _cell(self, row: int, col: int) -> str:
        item = self.ui.homes_table.item(row, col)
        return item.text() if item is not None else ""

    def homes(self) -> tuple[list[int], list[CareHomeInput]]:
        """The filled rows as service input, with their table row numbers; blank rows are left out."""
        rows: list[int] = []
        homes: list[CareHomeInput] = []
        table = self.ui.homes_table
        for row in range(table.rowCount()):
            texts = {f: self._cell(row, c) for f, c in FIELD_COLUMNS.items() if c != COL_KIND}
            if not any(t.strip() for t in texts.values()):
                continue
            rows.append(row)
            homes.append(
                CareHomeInput(
                    name=texts["name"],
                    kind=table.cellWidget(row, COL_KIND).currentData(),
                    address=texts["address"],
                    postal_code=texts["postal_code"],
                    city=texts["city"],
                    units=tuple(texts["units"].split(",")),
                )
            )
        return rows, homes

    # -- create -----------------------------------------------------------------------------------
    def create(self) -> None:
        """Set up the municipality and the filled rows in one go; show every refusal inline."""
        self._clear_errors()
        rows, homes = self.homes()
        try:
            self._service.set_up_municipality(self.ui.municipality_edit.text(), homes)
        except ValidationError as err:
            self._show_errors(err.errors, rows)
            return
        except DomainError as err:
            self._show_errors([err], rows)
            return
        count = len(homes)
        self.completed.emit(f"Kommunen er oprettet med {count} plejecent{'er' if count == 1 else 're'}.")

    def _clear_errors(self) -> None:
        for label in (self.ui.municipality_error_label, self.ui.homes_error_label):
            label.clear()
            label.setVisible(False)
        table = self.ui.homes_table
        for row in range(table.rowCount()):
            for col in FIELD_COLUMNS.values():
                item = table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")

    def _show_errors(self, errors: list[DomainError], rows: list[int]) -> None:
        municipality: list[str] = []
        homes: list[str] = []
        for err in errors:
            text = text_for(err)
            index = err.params.get("row")
            if isinstance(index, int) and 1 <= index <= len(rows):
                row = rows[index - 1]
                homes.append(f"Række {row + 1}: {text}")
                item = self.ui.homes_table.item(row, FIELD_COLUMNS.get(err.field or "", COL_NAME))
                if item is not None:
                    item.setBackground(ERROR_BRUSH)
                    item.setToolTip(plain_tooltip(text))
            elif err.field == "municipality":
                municipality.append(text)
            else:
                homes.append(text)
        self.ui.municipality_error_label.setText("\n".join(municipality))
        self.ui.municipality_error_label.setVisible(bool(municipality))
        self.ui.homes_error_label.setText("\n".join(homes))
        self.ui.homes_error_label.setVisible(bool(homes))
        if municipality:
            self.ui.municipality_edit.setFocus()
        else:
            self.ui.homes_table.setFocus()

    # -- demo data --------------------------------------------------------------------------------
    def load_demo(self) -> None:
        """Fill the demo in a worker thread; the screen shows a busy bar meanwhile."""
        if self._fill_demo is None or self._worker is not None:
            return
        self.ui.demo_error_label.setVisible(False)
        self.ui.step_stack.setCurrentWidget(self.ui.busy_page)
        self.ui.busy_detail_label.clear()
        self._worker = workers.Worker(self._fill_demo)
        self._worker.progress.connect(self._demo_progress)
        self._worker.done.connect(self._demo_done)
        self._worker.failed.connect(self._demo_failed)
        self._thread = workers.start(self._worker)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def _demo_progress(self, _percent: int, text: str) -> None:
        self.ui.busy_detail_label.setText(text)

    def _finish_worker(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._worker = None
        self._thread = None

    def _demo_done(self, message: object) -> None:
        self._finish_worker()
        self.completed.emit(str(message or "Demodata indlæst."))

    def _demo_failed(self, exc: object) -> None:
        self._finish_worker()
        self.show_choice()
        self.ui.demo_error_label.setText(
            f"Demodata kunne ikke indlæses. {error_text(exc) if isinstance(exc, BaseException) else exc}"
        )
        self.ui.demo_error_label.setVisible(True)
