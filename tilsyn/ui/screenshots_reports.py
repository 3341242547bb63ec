"""Screenshots of the Rapporter page and the PDF preview (registered with tilsyn.ui.screenshots)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .screenshots import Studio, shot

SHOWN_EXPORT_FOLDER = r"C:\Users\sagsbehandler\Documents\Tilsyn-udtræk"
SHOWN_HOME = "Plejecenter Engbo"
SHOWN_MONTH = "2026-10"


def _logged_in(studio: Studio):
    from ..services.users import UserService

    services = studio.services()
    UserService(services.ctx).login("sagsbehandler", "demo-kode")
    return services


def _export(studio: Studio):
    """October 2026 for one care home, written into the studio's temp folder."""
    from .views.reports_view import ExportRequest, run_export
    from ..domain.force import Month

    services = _logged_in(studio)
    home = next(h for h in services.care_homes.list_care_homes() if h.name == SHOWN_HOME)
    request = ExportRequest(Month.parse(SHOWN_MONTH), home.id, None, False, studio.folder / "udtraek")
    return run_export(services.exports, request, progress=lambda *_: None, is_cancelled=lambda: False)


def _as_shown(result):
    """The same result as if written to the Windows folder the picture shows (stable pictures)."""
    shown = Path(SHOWN_EXPORT_FOLDER)

    def move(path: Path) -> Path:
        return shown / path.relative_to(result.out_dir).as_posix()

    return dataclasses.replace(
        result, out_dir=shown, form_pdfs=tuple(map(move, result.form_pdfs)),
        json_files=tuple(map(move, result.json_files)), batch_pdfs=tuple(map(move, result.batch_pdfs)),
        csv_file=move(result.csv_file))


@shot("reports-export.png")
def reports_export(studio: Studio):
    from .main_window import PAGE_REPORTS

    result = _export(studio)
    window = studio.window()
    window.show_page(PAGE_REPORTS)
    view = window.reports_view
    view.reload_care_homes()
    view.select_month(SHOWN_MONTH)
    view.select_care_home(SHOWN_HOME)
    view.ui.folder_edit.setText(SHOWN_EXPORT_FOLDER)
    view.show_result(_as_shown(result))
    view.ui.files_list.setCurrentRow(0)
    studio.settle()
    return window


@shot("pdf-preview.png")
def pdf_preview(studio: Studio):
    from .dialogs.pdf_preview import PdfPreviewDialog

    result = _export(studio)
    batch = result.batch_pdfs[0]
    dialog = PdfPreviewDialog(batch.read_bytes(), f"{SHOWN_HOME} – oktober 2026", file_name=batch.name)
    dialog.resize(1000, 900)
    studio.dialog(dialog)
    # The first form after the cover pages: the cover shows the audit-chain hash, which differs per run.
    dialog.go_to_page(2)
    studio.settle()
    return dialog
