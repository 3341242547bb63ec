"""One resident's use of force over time, by month and type: a stacked bar chart and a table.

"Overblik over den samlede magtanvendelse ved den enkelte borger": counts only, so the picture
can be shown without opening any episode's text.
"""

from __future__ import annotations

from html import escape

import shiboken6
from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from ... import messages
from ...domain.errors import DomainError
from ...services.force import ForceService
from ...services.force_dto import ResidentForceOverview
from ...services.residents import ResidentService
from ..forms.ui_resident_force_view import Ui_ResidentForceView
from ..models.force_resident_completer import ResidentCompleter
from ..models.force_tables import ResidentForceModel, long_month, month_range, short_month
from ..widgets.plain import plain_labels

# One colour per type, in catalogue order; distinguishable in print and for common colour blindness.
TYPE_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf")


class ResidentForceView(QWidget):
    """``with_picker`` shows the resident search field (the page tab); a dialog for one resident hides it."""

    def __init__(self, force: ForceService, residents: ResidentService, resident_id: str | None = None,
                 parent: QWidget | None = None, *, with_picker: bool = True) -> None:
        super().__init__(parent)
        self.ui = Ui_ResidentForceView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self._force = force
        self.overview: ResidentForceOverview | None = None
        ui = self.ui
        for w in (ui.resident_label, ui.resident_edit):
            w.setVisible(with_picker)
        self.completer = ResidentCompleter(residents, ui.resident_edit, self)
        self.completer.picked.connect(lambda row: self.set_resident(row.id))
        self.completer.failed.connect(lambda exc: ui.error_label.show_message(messages.text_for(exc)))

        self.model = ResidentForceModel(self)
        table = ui.counts_table
        table.setModel(self.model)
        table.setSortingEnabled(False)
        table.setShowGrid(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)

        self.chart = self._new_chart()
        ui.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        self._show_empty()
        if resident_id:
            self.set_resident(resident_id)

    def set_resident(self, resident_id: str) -> None:
        """Show ``resident_id``'s force over time."""
        self.ui.error_label.show_message(None)
        try:
            overview = self._force.resident_overview(resident_id)
        except DomainError as exc:
            self.ui.error_label.show_message(messages.text_for(exc))
            return
        self.show_overview(overview)

    def show_overview(self, ov: ResidentForceOverview) -> None:
        self.overview = ov
        ui = self.ui
        ui.splitter.setVisible(True)
        ui.title_label.setText(f"Magtanvendelse over tid: {ov.resident_name}")
        self.model.set_overview(ov)
        total = sum(ov.totals.values())
        if not total:
            ui.summary_label.setText("Der er ikke registreret magtanvendelse over for beboeren.")
            self._draw_chart(ov, [])
            return
        months = month_range(ov.months)
        per_type = ", ".join(f"{label} {ov.totals.get(code, 0)}" for code, label in ov.types)
        ui.summary_label.setText(
            f"{messages.format_number(total)} {'magtanvendelse' if total == 1 else 'magtanvendelser'} fra "
            f"{long_month(months[0])} til {long_month(months[-1])}: {per_type}.")
        self._draw_chart(ov, months)

    def _show_empty(self) -> None:
        self.ui.splitter.setVisible(False)
        self.ui.title_label.setText("Magtanvendelse over tid")
        self.ui.summary_label.setText("Vælg en beboer for at se al magtanvendelse over for beboeren, måned for måned.")

    def _new_chart(self) -> QChart:
        """A fresh chart in the chart view; the one shown before is deleted.

        Each resident gets a new chart: QChart keeps drawing the labels of axes removed with
        removeAxis (even deleted ones), so the previous resident's scale showed under the next's."""
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        old = self.ui.chart_view.chart()
        self.ui.chart_view.setChart(chart)
        if old is not None and shiboken6.isValid(old):
            shiboken6.delete(old)
        self.chart = chart
        return chart

    def _draw_chart(self, ov: ResidentForceOverview, months: list[str]) -> None:
        chart = self._new_chart()
        # QChart renders its title as HTML.
        chart.setTitle(escape(f"Magtanvendelse pr. måned og type – {ov.resident_name}"))
        if not months:
            return
        series = QStackedBarSeries()
        for i, (code, label) in enumerate(ov.types):
            bar = QBarSet(label)
            bar.setColor(QColor(TYPE_COLORS[i % len(TYPE_COLORS)]))
            for m in months:
                bar.append(ov.count(m, code))
            series.append(bar)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([short_month(m) for m in months])
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = QValueAxis()
        top = max((sum(ov.count(m, c) for c, _ in ov.types) for m in months), default=1)
        y.setRange(0, max(top, 1))
        y.setTickType(QValueAxis.TickType.TicksDynamic)
        y.setTickAnchor(0)
        y.setTickInterval(max(1, (top + 5) // 6))
        y.setLabelFormat("%d")
        y.setTitleText("Antal")
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)

    def chart_sets(self) -> list[tuple[str, list[float]]]:
        """(type label, values per month) of the drawn chart: what tests compare."""
        out = []
        for series in self.chart.series():
            for bar in series.barSets():
                out.append((bar.label(), [bar.at(i) for i in range(bar.count())]))
        return out


class ResidentForceDialog(QDialog):
    """The overview of one resident in its own window."""

    def __init__(self, force: ForceService, residents: ResidentService, resident_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resident_force_dialog")
        self.view = ResidentForceView(force, residents, resident_id, self, with_picker=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Luk")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowTitle(self.view.ui.title_label.text())
        self.resize(1000, 720)
