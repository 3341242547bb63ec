"""The Rapporter page: one section per kind of report. First section: the month's export of sent
use-of-force forms to the authority, run off the GUI thread behind a progress window with
"Annuller", with the files listed afterwards for preview or to open their folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from ...domain.errors import DomainError
from ...domain.force import Month
from ...domain.templates import available_templates, load_template
from ...messages import format_number, month_label, text_for
from ...services.care_homes import CareHomeService
from ...services.exports import ExportCancelled, ExportResult, ExportService
from .. import workers
from ..dialogs.pdf_preview import preview_pdf
from ..dialogs.progress_dialog import ProgressDialog
from ..errors import ERROR_STYLE, error_text
from ..forms.ui_reports_view import Ui_ReportsView
from ..widgets.plain import plain_labels, plain_tooltip

#: How many months back the month picker reaches.
MONTHS_BACK = 36
OWN_LAYOUT_TEXT = "Skemaets egen udgave (anbefales)"
OWN_LAYOUT_TIP = "Hvert skema udskrives i den skabelon, det blev oprettet under."
ALL_HOMES_TEXT = "Alle plejecentre"
PATH_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1


def _plural(n: int, one: str, many: str) -> str:
    return f"{format_number(n)} {one if n == 1 else many}"


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose in the export section."""

    month: Month
    home_id: str | None
    layout: str | None
    pdfa: bool
    out_dir: Path


def run_export(exports: ExportService, request: ExportRequest, *,
               progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]) -> ExportResult:
    """The export as a worker function: the service's (done, total) becomes percent and a Danish line."""

    def report(done: int, total: int) -> None:
        progress(round(100 * done / total) if total else 0, f"{done} af {total} PDF-dokumenter er dannet")

    return exports.export_month(request.month, home=request.home_id, out_dir=request.out_dir,
                                layout=request.layout, pdfa=request.pdfa, progress=report,
                                is_cancelled=is_cancelled)


def result_summary(result: ExportResult) -> str:
    """Danish summary of a finished export (what, how many, where)."""
    year, month = (int(x) for x in result.month.split("-"))
    return (f"Udtrækket for {month_label(year, month)} er gemt i mappen {result.out_dir}"
            + (" som PDF/A-2b" if result.pdfa else "")
            + f": {_plural(result.forms, 'skema', 'skemaer')} med "
            f"{_plural(result.episodes, 'magtanvendelse', 'magtanvendelser')} fra "
            f"{_plural(len(result.homes), 'plejecenter', 'plejecentre')}.\n"
            "Vælg en PDF-fil og klik Forhåndsvis, eller dobbeltklik på den. Uden valg vises den samlede PDF.")


def default_export_folder() -> str:
    """Dokumenter/Tilsyn-udtræk (the user can choose another folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents or Path.home()) / "Tilsyn-udtræk")


class ReportsView(QWidget):
    """Rapporter: sections of reports; today the monthly export to the authority."""

    def __init__(self, exports: ExportService, care_homes: CareHomeService, parent: QWidget | None = None, *,
                 default_folder: str | None = None,
                 start: Callable[[workers.Worker], object] = workers.start) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportsView()
        self.ui.setupUi(self)
        plain_labels(self)  # user data is never read as markup
        self.exports = exports
        self.care_homes = care_homes
        self._start = start
        self._worker: workers.Worker | None = None
        self._thread = None
        self.progress_dialog: ProgressDialog | None = None
        self.result: ExportResult | None = None

        self._fill_months(Month.of(exports.ctx.today()))
        self._fill_layouts()
        self.reload_care_homes()
        self.ui.folder_edit.setText(default_folder if default_folder is not None else default_export_folder())
        self.clean_staging()
        self._show_message("")
        self.ui.result_frame.setVisible(False)

        self.ui.export_button.clicked.connect(self.export)
        self.ui.folder_button.clicked.connect(self.choose_folder)
        self.ui.preview_button.clicked.connect(self.preview_selected)
        self.ui.open_folder_button.clicked.connect(self.open_folder)
        self.ui.files_list.itemActivated.connect(lambda item: self.preview_file(item))

    # -- choices -----------------------------------------------------------------------------------
    def _fill_months(self, current: Month) -> None:
        combo = self.ui.month_combo
        combo.clear()
        month = current
        for _ in range(MONTHS_BACK):
            combo.addItem(month_label(month.year, month.month), month.key())
            month = month.previous()
        # Forms are sent after the month has ended: last month is the one usually exported.
        combo.setCurrentIndex(1)

    def _fill_layouts(self) -> None:
        combo = self.ui.layout_combo
        combo.clear()
        combo.addItem(OWN_LAYOUT_TEXT, None)
        combo.setItemData(0, OWN_LAYOUT_TIP, Qt.ItemDataRole.ToolTipRole)
        for template_id in available_templates():
            template = load_template(template_id)
            if template.kind == "monthly":
                combo.addItem(template.name, template_id)
        combo.setToolTip(OWN_LAYOUT_TIP)

    def reload_care_homes(self) -> None:
        """Fill the care home list with the homes the user may see, "Alle plejecentre" first."""
        combo = self.ui.care_home_combo
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(ALL_HOMES_TEXT, None)
        try:
            homes = self.care_homes.list_care_homes()
        except DomainError as exc:
            self._show_message(text_for(exc), error=True)
            return
        for home in sorted(homes, key=lambda h: h.name.casefold()):
            combo.addItem(home.name, home.id)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))

    def select_month(self, key: str) -> None:
        """Choose the month ``key`` (ÅÅÅÅ-MM) in the month picker."""
        index = self.ui.month_combo.findData(key)
        if index >= 0:
            self.ui.month_combo.setCurrentIndex(index)

    def select_care_home(self, name: str | None) -> None:
        """Choose a care home by name (None: all)."""
        combo = self.ui.care_home_combo
        combo.setCurrentIndex(0 if name is None else max(combo.findText(name), 0))

    def select_layout(self, template_id: str | None) -> None:
        """Choose a layout by template id (None: each form's own)."""
        self.ui.layout_combo.setCurrentIndex(max(self.ui.layout_combo.findData(template_id), 0))

    def request(self) -> ExportRequest:
        """The export the widgets describe."""
        return ExportRequest(
            month=Month.parse(self.ui.month_combo.currentData()),
            home_id=self.ui.care_home_combo.currentData(),
            layout=self.ui.layout_combo.currentData(),
            pdfa=self.ui.pdfa_check.isChecked(),
            out_dir=Path(self.ui.folder_edit.text().strip()),
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Vælg mappen til udtrækket", self.ui.folder_edit.text())
        if folder:
            self.ui.folder_edit.setText(folder)

    # -- the export ----------------------------------------------------------------------------------
    def clean_staging(self) -> None:
        """Remove what an export killed in the chosen folder left behind (it holds CPR numbers)."""
        folder = self.ui.folder_edit.text().strip()
        if folder:
            try:
                self.exports.clean_staging(Path(folder))
            except OSError:
                pass  # the export itself says what is wrong with the folder

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def export(self) -> None:
        """Run the export in a worker thread behind a progress window with Annuller."""
        if self.busy:
            return
        if not self.ui.folder_edit.text().strip():
            self._show_message(text_for(DomainError("export_out_missing")), error=True)
            self.ui.folder_edit.setFocus()
            return
        request = self.request()
        self._show_message("")
        self.ui.result_frame.setVisible(False)
        self.ui.export_button.setEnabled(False)
        worker = workers.Worker(run_export, self.exports, request)
        worker.done.connect(self._export_done)
        worker.failed.connect(self._export_failed)
        self.progress_dialog = ProgressDialog(
            worker, "Månedsudtræk",
            f"Danner udtræk for {month_label(request.month.year, request.month.month)} …", self)
        self._worker = worker
        self.progress_dialog.open()
        self._thread = self._start(worker)

    def cancel(self) -> None:
        """Ask a running export to stop (the progress window's Annuller)."""
        if self.progress_dialog is not None:
            self.progress_dialog.cancel()

    def _finish_worker(self) -> None:
        if self._thread is not None and hasattr(self._thread, "wait"):
            self._thread.wait()
        self._worker = None
        self._thread = None
        self.progress_dialog = None
        self.ui.export_button.setEnabled(True)

    def _export_done(self, result: object) -> None:
        self._finish_worker()
        assert isinstance(result, ExportResult)
        self.show_result(result)

    def _export_failed(self, exc: object) -> None:
        self._finish_worker()
        if isinstance(exc, ExportCancelled):
            self._show_message(text_for(exc))
        else:
            # A DomainError in its Danish words (a failing PDF names the form and the resident);
            # anything else as error_text words it: logged, never str(exc).
            self._show_message(error_text(exc), error=True)

    def _show_message(self, text: str, error: bool = False) -> None:
        label = self.ui.message_label
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)
        label.setVisible(bool(text))
        if text:
            self.ui.result_frame.setVisible(False)

    # -- the result ----------------------------------------------------------------------------------
    def show_result(self, result: ExportResult) -> None:
        """List the files the export wrote, the batch PDFs first."""
        self.result = result
        self.ui.result_label.setText(result_summary(result))
        files = self.ui.files_list
        files.clear()
        month = Month.parse(result.month)
        period = month_label(month.year, month.month)
        rows: list[tuple[Path, str, str]] = [
            (path, f"{path.name}  –  samlet PDF med forside for {home}", f"{home} – {period}")
            for path, home in zip(result.batch_pdfs, result.homes)
        ]
        rows.append((result.csv_file, f"{result.csv_file.name}  –  oversigt, én linje pr. skema", ""))
        if result.receipt_file is not None:
            rows.append((result.receipt_file, f"{result.receipt_file.name}  –  kvittering: kædehovedet og "
                                              "SHA-256 af hver fil", ""))
        for pdf, js in zip(result.form_pdfs, result.json_files):
            rows.append((pdf, self._relative(pdf, result), pdf.stem))
            rows.append((js, self._relative(js, result), ""))
        for path, text, title in rows:
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(path))
            item.setData(TITLE_ROLE, title)
            item.setToolTip(plain_tooltip(str(path)))
            files.addItem(item)
        self.ui.result_frame.setVisible(True)
        self.ui.preview_button.setEnabled(bool(result.batch_pdfs or result.form_pdfs))

    @staticmethod
    def _relative(path: Path, result: ExportResult) -> str:
        try:
            return path.relative_to(result.out_dir).as_posix()
        except ValueError:
            return str(path)

    def preview_selected(self) -> QWidget | None:
        """Preview the chosen file if it is a PDF, else the (first) batch PDF."""
        item = self.ui.files_list.currentItem()
        if item is not None and item.data(PATH_ROLE).lower().endswith(".pdf"):
            return self.preview_file(item)
        for row in range(self.ui.files_list.count()):
            candidate = self.ui.files_list.item(row)
            if candidate.data(PATH_ROLE).lower().endswith(".pdf"):
                return self.preview_file(candidate)
        return None

    def preview_file(self, item: QListWidgetItem) -> QWidget | None:
        """Show one written PDF in the preview window (other files are not previewed)."""
        path = Path(item.data(PATH_ROLE))
        if path.suffix.lower() != ".pdf":
            return None
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._show_message(f"Filen {path} kunne ikke læses: {exc.strerror or exc}", error=True)
            return None
        return preview_pdf(self.window(), data, item.data(TITLE_ROLE) or path.stem, file_name=path.name)

    def open_folder(self) -> bool:
        """Open the export folder in the system's file manager."""
        if self.result is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.out_dir.resolve())))
