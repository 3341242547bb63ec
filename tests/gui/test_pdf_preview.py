"""The PDF preview: pages, page X af Y, zoom, "Gem som …" writes the bytes, printing renders every page."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFileDialog
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tilsyn.ui.dialogs import pdf_preview
from tilsyn.ui.dialogs.pdf_preview import PdfPreviewDialog, preview_pdf


def make_pdf(pages: int = 3) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for n in range(1, pages + 1):
        c.drawString(72, 760, f"Månedsskema, side {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def pdf() -> bytes:
    return make_pdf(3)


@pytest.fixture
def dialog(qtbot, pdf) -> PdfPreviewDialog:
    d = PdfPreviewDialog(pdf, "Plejecenter Engbo – oktober 2026")
    qtbot.addWidget(d)
    d.resize(800, 700)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_shows_every_page_and_the_page_number_in_danish(dialog, qtbot):
    assert dialog.page_count() == 3
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.page_label.text() == "Side 1 af 3"
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Side 2 af 3")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Side 3 af 3")
    assert not dialog.next_button.isEnabled() and dialog.previous_button.isEnabled()
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Side 2 af 3")
    assert dialog.windowTitle() == "Plejecenter Engbo – oktober 2026 – forhåndsvisning"


def test_zoom_in_and_out_from_fit_width_and_back(dialog, qtbot):
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and dialog.fit_width_button.isChecked()
    fitted = dialog.effective_zoom()
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom and not dialog.fit_width_button.isChecked()
    bigger = dialog.view.zoomFactor()
    assert bigger > fitted
    assert dialog.zoom_label.text() == f"{round(bigger * 100)} %"
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomFactor() < bigger
    for _ in range(30):
        dialog.zoom_out()
    assert dialog.view.zoomFactor() == pdf_preview.ZOOM_STEPS[0] and not dialog.zoom_out_button.isEnabled()
    qtbot.mouseClick(dialog.fit_width_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and dialog.fit_width_button.isChecked()
    assert dialog.effective_zoom() == pytest.approx(fitted, rel=0.01)


def test_save_as_writes_the_same_bytes_and_adds_pdf(dialog, qtbot, pdf, tmp_path, monkeypatch):
    asked = []

    def fake_save(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return str(tmp_path / "kopi"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "kopi.pdf").read_bytes() == pdf
    assert asked[0][0] == "Gem PDF som" and asked[0][2] == "PDF-filer (*.pdf)"
    assert asked[0][1].endswith("plejecenter-engbo-oktober-2026.pdf")
    assert dialog.status_label.isVisible() and dialog.status_label.text() == f"Gemt som {tmp_path / 'kopi.pdf'}"


def test_save_as_cancelled_writes_nothing(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_as() is None
    assert list(tmp_path.iterdir()) == []


def test_save_as_into_a_missing_folder_says_so_in_danish(dialog, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(tmp_path / "findes-ikke" / "x.pdf"), "")))
    monkeypatch.setattr(pdf_preview.QMessageBox, "exec", lambda box: warnings.append(box.text()) or 0)
    assert dialog.save_as() is None
    assert warnings and warnings[0].startswith(f"Filen kunne ikke gemmes i {tmp_path / 'findes-ikke' / 'x.pdf'}")


@pytest.mark.skipif(not pdf_preview.can_print(), reason="this Qt build has no QtPrintSupport")
def test_print_renders_every_page(dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "udskrift.pdf"))
    assert dialog.print_button.isVisible()
    assert dialog.print_to(printer)
    assert len(pypdf.PdfReader(tmp_path / "udskrift.pdf").pages) == 3
    assert dialog.status_label.text() == "Sendt til udskrift: 3 sider."


def test_bytes_that_are_no_pdf_are_refused_in_danish_but_can_be_saved(qtbot, tmp_path, monkeypatch):
    d = PdfPreviewDialog(b"not a pdf", "Ødelagt fil")
    qtbot.addWidget(d)
    assert d.page_count() == 0
    assert d.page_label.text() == "Ingen sider"
    assert d.status_label.text().startswith("PDF-filen kunne ikke vises.")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "x.pdf"), "")))
    assert d.save_as() == tmp_path / "x.pdf"
    assert (tmp_path / "x.pdf").read_bytes() == b"not a pdf"


def test_preview_pdf_opens_a_window_that_is_not_modal(qtbot, pdf):
    first = preview_pdf(None, pdf, "Oversigt")
    second = preview_pdf(None, make_pdf(1), "Skema")
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert first.isVisible() and second.isVisible() and not first.isModal()
    assert first.page_count() == 3 and second.page_count() == 1
    assert first.file_name == "oversigt.pdf"
    assert first.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def test_scrolling_updates_the_page_number(dialog, qtbot):
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Side 3 af 3")
    bar.setValue(0)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Side 1 af 3")
