"""In-app preview of any PDF the app makes (QtPdf): pages, zoom, "Gem som …" and "Udskriv …".

Other screens show a PDF with ``preview_pdf(parent, pdf_bytes, title)``; nothing is written to
disk unless the user saves it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...services.exports import slug
from ...services.staging import replace_private
from ..widgets.plain import message_box, plain_labels

try:  # QtPrintSupport is a separate Qt module; a build without it still previews and saves.
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # pragma: no cover - every supported build has it
    QPrintDialog = QPrinter = None

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
# Pages are rendered for the printer at most this fine: enough for text, and a month's batch of
# A4 pages at 600 dpi would need gigabytes of images.
PRINT_DPI_MAX = 300
PDF_FILTER = "PDF-filer (*.pdf)"


def can_print() -> bool:
    """True when this Qt build has QtPrintSupport."""
    return QPrinter is not None


class PdfPreviewDialog(QDialog):
    """One PDF, shown from bytes: all pages scrolling, zoom, page X af Y, save and print."""

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None, *,
                 file_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview_dialog")
        self.setWindowTitle(f"{title} – forhåndsvisning")
        self.pdf_bytes = bytes(pdf_bytes)
        self.title = title
        self.file_name = file_name or f"{slug(title)}.pdf"

        # The buffer must outlive the document: QPdfDocument reads pages from it on demand.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.viewport().installEventFilter(self)

        self.previous_button = self._tool("previous_page_button", "◀", "Forrige side (Page Up)")
        self.next_button = self._tool("next_page_button", "▶", "Næste side (Page Down)")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        self.page_label.setMinimumWidth(90)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = self._tool("zoom_out_button", "−", "Zoom ud (Ctrl+-)")
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool("zoom_in_button", "+", "Zoom ind (Ctrl++)")
        self.fit_width_button = QPushButton("Tilpas &bredde", self)
        self.fit_width_button.setObjectName("fit_width_button")
        self.fit_width_button.setCheckable(True)
        self.fit_width_button.setChecked(True)
        self.save_button = QPushButton("&Gem som …", self)
        self.save_button.setObjectName("save_button")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.print_button = QPushButton("&Udskriv …", self)
        self.print_button.setObjectName("print_button")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setVisible(can_print())
        self.close_button = QPushButton("&Luk", self)
        self.close_button.setObjectName("close_button")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)

        bar = QHBoxLayout()
        for w in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.save_button, self.print_button, self.close_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_pdf)
        self.close_button.clicked.connect(self.close)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page)
        self.view.zoomFactorChanged.connect(self._update_zoom)
        self.view.zoomModeChanged.connect(self._update_zoom)
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)

        if self.document.status() != QPdfDocument.Status.Ready:
            self._show_status("PDF-filen kunne ikke vises. Den kan stadig gemmes og åbnes i et andet program.",
                              error=True)
        self._update_page()
        self._update_zoom()
        self.resize(900, 740)  # fits a 1280 x 800 screen with a taskbar
        plain_labels(self)  # user data is never read as markup

    def _tool(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setMinimumWidth(32)
        return button

    # -- pages -----------------------------------------------------------------------------------
    def page_count(self) -> int:
        """Pages in the document (0 when it could not be read)."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Scroll to ``page`` (from 0), clamped to the document."""
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def _update_page(self, *_args) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(f"Side {page + 1} af {count}" if count else "Ingen sider")
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)

    # -- zoom --------------------------------------------------------------------------------------
    def effective_zoom(self) -> float:
        """The zoom factor on screen, also while the view fits the page width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width = self.document.pagePointSize(max(self.current_page(), 0)).width()
        if page_width <= 0:
            return 1.0
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(usable, 1) / (page_width * self.view.logicalDpiX() / 72.0)

    def set_zoom(self, factor: float) -> None:
        """Show the pages at ``factor`` (1.0 is the printed size on screen)."""
        factor = max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1]))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom()

    def zoom_in(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        """Fit the page width to the window (the default)."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom()

    def _update_zoom(self, *_args) -> None:
        fitting = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_width_button.setChecked(fitting)
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)} %")
        self.zoom_in_button.setEnabled(self.effective_zoom() < ZOOM_STEPS[-1] - 0.01)
        self.zoom_out_button.setEnabled(self.effective_zoom() > ZOOM_STEPS[0] + 0.01)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # The width-fitting zoom changes with the view's viewport, which is sized after the dialog.
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._update_zoom()
        return super().eventFilter(watched, event)

    # -- save and print ----------------------------------------------------------------------------
    def save_as(self) -> Path | None:
        """Ask where, then write the PDF's bytes there; returns the path written (None: cancelled)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.file_name) if folder else self.file_name
        chosen, _filter = QFileDialog.getSaveFileName(self, "Gem PDF som", suggested, PDF_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            replace_private(path, self.pdf_bytes)  # personal data: readable by its owner only
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, "Gem PDF som",
                        f"Filen kunne ikke gemmes i {path}:\n{exc.strerror or exc}")
            return None
        self._show_status(f"Gemt som {path}")
        return path

    def print_pdf(self) -> bool:
        """Ask for a printer, then print every page; True when printed."""
        if not can_print() or self.page_count() == 0:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Udskriv")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer) -> bool:
        """Render the pages (the printer's from–to range, else all) onto ``printer``."""
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            self._show_status("Printeren kunne ikke startes.", error=True)
            return False
        pages = range(first - 1, min(last, self.page_count()))
        try:
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(round(points.width() * dpi / 72),
                                                         round(points.height() * dpi / 72)))
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.topLeft(), size), image)
        finally:
            painter.end()
        self._show_status(f"Sendt til udskrift: {len(pages)} {'side' if len(pages) == 1 else 'sider'}.")
        return True

    def _show_status(self, text: str, error: bool = False) -> None:
        from ..errors import ERROR_STYLE

        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))


def preview_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str, *,
                file_name: str | None = None) -> PdfPreviewDialog:
    """Show ``pdf_bytes`` in a preview window (not modal: several can be open); returns it."""
    dialog = PdfPreviewDialog(pdf_bytes, title, parent, file_name=file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
