"""Rapporter: the monthly export through the page, in a worker thread behind a progress window with
Annuller; cancel leaves no files; refusals in Danish; the result's preview and folder buttons."""

from __future__ import annotations

import collections
import io
import datetime as dt
import shutil
import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from tilsyn.services.app import close_app, open_app
from tilsyn.services.demo import DemoService
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService
from tilsyn.services.users import UserService
from tilsyn.ui.dialogs.pdf_preview import PdfPreviewDialog
from tilsyn.ui.main_window import PAGE_REPORTS, MainWindow
from tilsyn.ui.services_bundle import Services
from tilsyn.ui.views import reports_view
from tilsyn.ui.views.reports_view import ReportsView

# Monday 23 November 2026, 10:00 in Copenhagen.
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
DANISH_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                 "oktober", "november", "december")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A small demo database, filled once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    opened = open_app(str(path), clock=lambda: NOW)
    DemoService(opened.context).fill(homes=2, residents_per_home=20)
    UserService(opened.context).login("sagsbehandler", "demo-kode")
    sent = ForceService(opened.context).inbox(include_processed=True)
    close_app(opened.context)
    by_month = collections.Counter(f"{s.year:04d}-{s.month:02d}" for s in sent)
    # The month with the most sent forms, so the export has several steps to cancel between.
    month = max(sorted(by_month), key=lambda m: by_month[m])
    return path, month, [s for s in sent if f"{s.year:04d}-{s.month:02d}" == month]


@pytest.fixture
def services(demo_file, tmp_path):
    path, _, _ = demo_file
    copy = tmp_path / "demo.sqlite"
    shutil.copy(path, copy)
    opened = open_app(str(copy), clock=lambda: NOW)
    UserService(opened.context).login("sagsbehandler", "demo-kode")
    yield Services.build(opened.context)
    close_app(opened.context)


def make_view(qtbot, services, folder: Path, exports=None) -> ReportsView:
    view = ReportsView(exports or services.exports, services.care_homes, default_folder=str(folder))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def month_text(key: str) -> str:
    year, month = key.split("-")
    return f"{DANISH_MONTHS[int(month) - 1]} {year}"


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() \
        else []


class RecordingExports(ExportService):
    """The real export, noting the thread it runs in; optionally held after its first step."""

    def __init__(self, ctx, hold: bool = False) -> None:
        super().__init__(ctx)
        self.threads: list[threading.Thread] = []
        self.hold = hold
        self.first_step, self.go_on = threading.Event(), threading.Event()

    def export_month(self, *args, progress=None, **kwargs):
        self.threads.append(threading.current_thread())

        def step(done: int, total: int) -> None:
            progress(done, total)
            if self.hold and done == 1:
                self.first_step.set()
                assert self.go_on.wait(10)

        return super().export_month(*args, progress=step, **kwargs)


def test_the_page_offers_month_home_layout_pdfa_and_folder_in_danish(qtbot, services, tmp_path):
    view = make_view(qtbot, services, tmp_path / "ud")
    ui = view.ui
    assert ui.export_group.title() == "Månedsudtræk til myndigheden"
    assert ui.month_combo.itemText(0) == "november 2026"
    assert ui.month_combo.currentText() == "oktober 2026"  # last month is the one usually exported
    assert ui.month_combo.currentData() == "2026-10"
    homes = [ui.care_home_combo.itemText(i) for i in range(ui.care_home_combo.count())]
    assert homes[0] == "Alle plejecentre" and sorted(homes[1:]) == homes[1:] and len(homes) == 3
    layouts = [(ui.layout_combo.itemText(i), ui.layout_combo.itemData(i)) for i in range(ui.layout_combo.count())]
    assert layouts == [("Skemaets egen udgave (anbefales)", None),
                       ("Servicestyrelsens skema 1 (2010)", "skema1-2010"),
                       ("Vejle Kommunes månedsskema (2011)", "vejle-2011")]
    assert not ui.pdfa_check.isChecked() and ui.folder_edit.text() == str(tmp_path / "ud")
    assert ui.export_button.text() == "&Dan udtræk"
    assert not ui.result_frame.isVisible() and not ui.message_label.isVisible()


def test_export_runs_in_a_worker_behind_a_progress_window_and_lists_the_files(qtbot, services, demo_file, tmp_path):
    _, month, sent = demo_file
    exports = RecordingExports(services.ctx)
    out = tmp_path / "ud"
    view = make_view(qtbot, services, out, exports)
    view.select_month(month)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)

    dialog = view.progress_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.cancel_button.text() == "&Annuller"
    assert dialog.text_label.text() == f"Danner udtræk for {month_text(month)} …"
    assert not view.ui.export_button.isEnabled()
    qtbot.waitUntil(lambda: view.ui.result_frame.isVisible(), timeout=30000)

    assert exports.threads and exports.threads[0] is not threading.main_thread()
    # The result and the dialog's closing are two queued events: wait for the second too.
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert view.progress_dialog is None and view.ui.export_button.isEnabled()
    written = files_in(out)
    listed = sorted(Path(view.ui.files_list.item(i).data(reports_view.PATH_ROLE)).relative_to(out).as_posix()
                    for i in range(view.ui.files_list.count()))
    assert listed == written
    assert len([f for f in written if f.endswith(".json") and "/" in f]) == len(sent)
    assert f"{month}_oversigt.csv" in written and f"{month}_kvittering.json" in written
    batches = [f for f in written if f.endswith("_samlet.pdf")]
    assert batches and view.ui.files_list.item(0).text().startswith(batches[0])
    assert view.ui.result_label.text().startswith(f"Udtrækket for {month_text(month)} er gemt i mappen {out}: "
                                                  f"{len(sent)} skema")
    assert not view.ui.message_label.isVisible()


def test_cancel_midway_leaves_no_files_and_says_so(qtbot, services, demo_file, tmp_path):
    _, month, sent = demo_file
    assert len(sent) >= 2, "the demo month needs more than one form to cancel between them"
    exports = RecordingExports(services.ctx, hold=True)
    out = tmp_path / "ud"
    view = make_view(qtbot, services, out, exports)
    view.select_month(month)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    dialog = view.progress_dialog
    assert exports.first_step.wait(30)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0)
    assert dialog.detail_label.text().startswith("1 af ")

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.detail_label.text() == "Afbryder …" and not dialog.cancel_button.isEnabled()
    assert dialog.isVisible()  # until the worker has stopped
    exports.go_on.set()
    qtbot.waitUntil(lambda: view.ui.message_label.isVisible(), timeout=30000)

    assert view.ui.message_label.text() == "Eksporten blev afbrudt. Ingen filer er gemt."
    assert files_in(out) == []
    assert not view.ui.result_frame.isVisible() and not dialog.isVisible() and not view.busy


def test_a_month_without_sent_forms_is_refused_in_danish(qtbot, services, tmp_path):
    out = tmp_path / "ud"
    view = make_view(qtbot, services, out)
    view.select_month("2026-11")
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.message_label.isVisible(), timeout=30000)
    assert view.ui.message_label.text() == (
        "Der er ingen sendte skemaer for november 2026 at eksportere. "
        "Kun skemaer, som lederen har sendt til myndigheden, eksporteres.")
    assert "b3261e" in view.ui.message_label.styleSheet()  # shown as a refusal
    assert files_in(out) == [] and not view.ui.result_frame.isVisible()


def test_no_folder_is_refused_before_anything_runs(qtbot, services, tmp_path):
    exports = RecordingExports(services.ctx)
    view = make_view(qtbot, services, tmp_path, exports)
    view.ui.folder_edit.setText("  ")
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    assert view.ui.message_label.text() == "Vælg den mappe, udtrækket skal gemmes i."
    assert not view.busy and view.progress_dialog is None and exports.threads == []


def test_home_layout_and_pdfa_reach_the_export(qtbot, services, demo_file, tmp_path):
    _, month, sent = demo_file
    home = sent[0].care_home
    out = tmp_path / "ud"
    view = make_view(qtbot, services, out)
    view.select_month(month)
    view.select_care_home(home)
    view.select_layout("skema1-2010")
    view.ui.pdfa_check.setChecked(True)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.result_frame.isVisible(), timeout=60000)
    result = view.result
    assert result.homes == (home,) and result.layouts == ("skema1-2010",) and result.pdfa
    assert result.forms == len([s for s in sent if s.care_home == home])
    assert " som PDF/A-2b: " in view.ui.result_label.text()
    reader = pypdf.PdfReader(result.batch_pdfs[0])
    assert b"pdfaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_preview_shows_the_batch_pdf_and_open_folder_opens_the_export_folder(qtbot, services, demo_file, tmp_path,
                                                                           monkeypatch):
    _, month, _ = demo_file
    out = tmp_path / "ud"
    view = make_view(qtbot, services, out)
    view.select_month(month)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.result_frame.isVisible(), timeout=30000)

    view.ui.files_list.setCurrentRow(-1)
    qtbot.mouseClick(view.ui.preview_button, Qt.MouseButton.LeftButton)
    previews = view.window().findChildren(PdfPreviewDialog)
    assert len(previews) == 1 and previews[0].isVisible()
    batch = view.result.batch_pdfs[0]
    assert previews[0].pdf_bytes == batch.read_bytes()
    assert previews[0].page_count() == len(pypdf.PdfReader(batch).pages)
    assert previews[0].file_name == batch.name
    previews[0].close()

    # a chosen form PDF is previewed; a JSON file is not
    row = next(i for i in range(view.ui.files_list.count())
               if view.ui.files_list.item(i).text().endswith(".pdf") and "/" in view.ui.files_list.item(i).text())
    item = view.ui.files_list.item(row)
    shown = view.preview_file(item)
    assert shown.pdf_bytes == Path(item.data(reports_view.PATH_ROLE)).read_bytes()
    shown.close()
    json_item = next(view.ui.files_list.item(i) for i in range(view.ui.files_list.count())
                     if view.ui.files_list.item(i).text().endswith(".json"))
    assert view.preview_file(json_item) is None

    opened = []
    monkeypatch.setattr(reports_view.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(view.ui.open_folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [out.resolve()]


def test_the_main_window_shows_the_reports_page(qtbot, services):
    window = MainWindow(services, "/data/tilsyn.sqlite")
    qtbot.addWidget(window)
    window.show_page(PAGE_REPORTS)
    assert isinstance(window.page(PAGE_REPORTS), ReportsView)
    assert window.reports_view.ui.care_home_combo.count() == 3


def test_a_form_window_shows_its_form_as_pdf(qtbot, services, demo_file):
    from tilsyn.ui.views.force_form_view import ForceFormDialog

    _, _, sent = demo_file
    dialog = ForceFormDialog(services.force, services.residents, sent[0].id)
    qtbot.addWidget(dialog)
    assert dialog.pdf_button.text() == "Vis som &PDF"
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible() and preview.page_count() >= 1
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(preview.pdf_bytes)).pages)
    assert sent[0].resident_name in text
    assert preview.windowTitle() == f"{dialog.windowTitle()} – forhåndsvisning"


def _fail_rendering_for(monkeypatch, resident_name: str) -> None:
    """The form renderer raises reportlab's LayoutError for one resident (whatever the renderers
    can do by now, a renderer may still fail: this is what the page must say then)."""
    from reportlab.platypus.doctemplate import LayoutError

    from tilsyn.services import exports as exports_module

    real = exports_module.render_form

    def render(data):
        if data.name == resident_name:
            raise LayoutError("Flowable <Table@0x7F00DEADBEEF 5 rows x 5 cols> too large on page 2")
        return real(data)

    monkeypatch.setattr(exports_module, "render_form", render)


def _what(kind: str) -> str:
    return "Månedsskemaet" if kind == "monthly" else "Den akutte registrering"


def test_a_failing_renderer_is_shown_in_danish_naming_form_and_resident_and_nothing_is_written(
        qtbot, services, demo_file, tmp_path, monkeypatch):
    _, month, sent = demo_file
    victim = sorted(sent, key=lambda s: (s.care_home, s.resident_name))[-1]
    _fail_rendering_for(monkeypatch, victim.resident_name)
    out = tmp_path / "ud"
    out.mkdir()
    (out / "egen-fil.txt").write_text("brugerens egen fil")
    view = make_view(qtbot, services, out)
    view.select_month(month)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.message_label.isVisible(), timeout=60000)

    text = view.ui.message_label.text()
    assert text.startswith(f"{_what(victim.kind)} for {victim.resident_name} ({victim.cpr_masked}), "
                           f"{month_text(month)}, kunne ikke dannes som PDF i skabelonen »")
    assert text.endswith("«. Udtrækket er ikke gemt, og ingen filer er skrevet. Prøv at vælge en anden skabelon.")
    assert "uventet" not in text and "Flowable" not in text
    assert "b3261e" in view.ui.message_label.styleSheet()
    assert files_in(out) == ["egen-fil.txt"] and not [p for p in tmp_path.rglob(".tilsyn-*")]
    assert not view.ui.result_frame.isVisible() and not view.busy and view.ui.export_button.isEnabled()


def test_vis_som_pdf_says_in_danish_which_form_could_not_be_made(qtbot, services, demo_file, monkeypatch):
    from tilsyn.ui import errors as errors_module
    from tilsyn.ui.views.force_form_view import ForceFormDialog

    _, month, sent = demo_file
    form = sent[0]
    _fail_rendering_for(monkeypatch, form.resident_name)
    warnings = []
    def exec_(box):
        assert box.textFormat() == Qt.TextFormat.PlainText  # the resident's name is shown as typed
        warnings.append(box.text())
        return 0

    monkeypatch.setattr(errors_module.QMessageBox, "exec", exec_)
    dialog = ForceFormDialog(services.force, services.residents, form.id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is None
    (text,) = warnings
    assert text.startswith(f"{_what(form.kind)} for {form.resident_name} ({form.cpr_masked}), {month_text(month)}, "
                           "kunne ikke dannes som PDF i skabelonen »")
    assert text.endswith("«. Prøv at vælge en anden skabelon.")


def test_opening_the_page_removes_what_a_killed_export_left_in_its_folder(qtbot, services, tmp_path):
    import subprocess
    import sys

    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout)
    left = tmp_path / "ud" / f".tilsyn-staging-{dead}-abc123"
    (left / "t").mkdir(parents=True)
    (left / "t" / "skema.json").write_text('{"cpr": "010130-1234"}')
    make_view(qtbot, services, tmp_path / "ud")
    assert not left.exists() and (tmp_path / "ud").is_dir()
