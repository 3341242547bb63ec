"""Month overview, inbox, leader queue, the per-resident overview and the Magtanvendelse page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from force_support import CPH, cheap_hashing, close_world, open_world
from tilsyn.ui.models.force_tables import FormSummaryModel, MonthOverviewModel, ResidentForceModel, month_range
from tilsyn.ui.views.force_inbox_view import MODE_INBOX, MODE_QUEUE, ForceInboxView
from tilsyn.ui.views.force_month_view import MonthOverviewView
from tilsyn.ui.views.force_page import TAB_HISTORY, TAB_INBOX, TAB_MONTH, TAB_QUEUE, ForcePage
from tilsyn.ui.views.force_resident_view import ResidentForceView


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def table_rows(view_table, cols) -> list[tuple]:
    model = view_table.model()
    return [tuple(model.index(r, c).data() for c in cols) for r in range(model.rowCount())]


def test_month_overview_shows_each_resident_with_a_danish_status(world, qtbot):
    w = world
    w.force.register_episode(w.episode())
    w.force.register_episode(w.episode(when=dt.datetime(2026, 3, 17, 21, 0, tzinfo=CPH), late_reason="Glemt"))
    w.force.register_episode(w.episode(resident="bo", force_type="126_holding"), as_acute=True)
    w.login("lene")
    view = show(qtbot, MonthOverviewView(w.force, w.services.care_homes, w.services.residents))
    assert view.ui.care_home_combo.currentText() == "Bakkegården"  # Lene's only home
    assert view.ui.care_home_combo.count() == 1
    assert view.ui.month_combo.currentText() == "marts 2026"
    M = MonthOverviewModel
    assert table_rows(view.ui.overview_table, (M.COL_NAME, M.COL_STATUS, M.COL_EPISODES, M.COL_LATE, M.COL_ACUTE)) == [
        ("Anna Berg", "Ingen magtanvendelse", "0", "", ""),
        ("Bo Ek", "Ingen magtanvendelse", "1", "", "1"),
        ("Jens Hansen", "Kladde", "2", "1", ""),
    ]
    assert view.ui.summary_label.text() == (
        "3 beboere · 2 med magtanvendelse · 3 magtanvendelser, heraf 1 registreret for sent · "
        "1 akut / ikke-godkendt registrering")
    status = view.proxy.index(2, M.COL_STATUS)
    assert status.data(Qt.ItemDataRole.BackgroundRole).name() == "#e3eefc"
    assert status.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "For sent" in view.ui.legend_label.text() and "Sendt tilbage" in view.ui.legend_label.text()
    # Sorting by status puts the most urgent first.
    view.ui.overview_table.sortByColumn(M.COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert table_rows(view.ui.overview_table, (M.COL_NAME,))[0] == ("Jens Hansen",)


def test_month_overview_moves_between_months_and_opens_the_form(world, qtbot):
    w = world
    fid = w.sent_form()
    view = show(qtbot, MonthOverviewView(w.force, w.services.care_homes, w.services.residents))
    M = MonthOverviewModel
    assert ("Jens Hansen", "Sendt") in table_rows(view.ui.overview_table, (M.COL_NAME, M.COL_STATUS))
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    view.step_month(+1)
    assert view.ui.month_combo.currentText() == "februar 2026"
    assert ("Jens Hansen", "Ingen magtanvendelse") in table_rows(view.ui.overview_table, (M.COL_NAME, M.COL_STATUS))
    view.set_month(2026, 3)
    assert view.select_resident(w.ids["jens"])
    assert view.ui.open_button.isEnabled()
    qtbot.keyClick(view.ui.overview_table, Qt.Key.Key_Return)
    assert view.form_dialog is not None and view.form_dialog.view.form.id == fid
    view.form_dialog.reject()
    # A resident without a form: the history is asked for instead.
    assert view.select_resident(w.ids["anna"]) and not view.ui.open_button.isEnabled()
    with qtbot.waitSignal(view.history_requested) as sig:
        view.open_selected()
    assert sig.args == [w.ids["anna"]]


def test_month_overview_shows_overdue_and_returned(world, qtbot):
    w = world
    fid = w.sent_form()
    w.login("sofie")
    w.force.send_back(fid, "Uddyb")
    w.login("pia")
    w.force.register_episode(w.episode(resident="anna", force_type="125_alarm"))
    w.login("lene")
    view = show(qtbot, MonthOverviewView(w.force, w.services.care_homes, w.services.residents))
    view.set_month(2026, 3)
    M = MonthOverviewModel
    assert dict(table_rows(view.ui.overview_table, (M.COL_NAME, M.COL_STATUS))) == {
        "Anna Berg": "Kladde", "Jens Hansen": "Sendt tilbage"}
    # Past the due day (5 April) both unsent forms are "for sent", beside their state (issue 12, point 6).
    w.set_now(dt.datetime(2026, 4, 6, 8, 0, tzinfo=dt.timezone.utc))
    view.refresh()
    assert dict(table_rows(view.ui.overview_table, (M.COL_NAME, M.COL_STATUS))) == {
        "Anna Berg": "Afventer personalets underskrift · for sent", "Jens Hansen": "Sendt tilbage · for sent"}


def test_inbox_lists_sent_forms_across_care_homes(world, qtbot):
    w = world
    fid = w.sent_form()
    w.login("sofie")
    view = show(qtbot, ForceInboxView(w.force, w.services.residents, MODE_INBOX))
    F = FormSummaryModel
    assert view.form_ids() == [fid]
    assert table_rows(view.ui.forms_table, (F.COL_HOME, F.COL_NAME, F.COL_CPR, F.COL_MONTH, F.COL_KIND,
                                            F.COL_STATUS, F.COL_SENT)) == [
        ("Bakkegården", "Jens Hansen", "010130-xxxx", "marts 2026", "Månedsskema", "Sendt", "20-03-2026")]
    assert view.ui.count_label.text() == "1 skema"
    assert view.ui.forms_table.isColumnHidden(F.COL_DUE)
    view.select(fid)
    view.open_selected()
    assert view.form_dialog.view.ui.sign4_button.isVisible()
    view.form_dialog.reject()
    w.force.send_back(fid, "Uddyb")
    view.refresh()
    assert view.form_ids() == []


def test_leader_queue_shows_what_waits_for_the_leader(world, qtbot):
    w = world
    fid = w.signed_by_staff()
    w.login("lene")
    view = show(qtbot, ForceInboxView(w.force, w.services.residents, MODE_QUEUE))
    assert view.form_ids() == [fid]
    F = FormSummaryModel
    assert table_rows(view.ui.forms_table, (F.COL_NAME, F.COL_STATUS, F.COL_EPISODES, F.COL_DUE)) == [
        ("Jens Hansen", "Afventer leder", "1", "05-04-2026")]
    assert view.ui.forms_table.isColumnHidden(F.COL_HOME)  # one care home: no column, no filter
    assert not view.ui.care_home_combo.isVisible() and not view.ui.include_processed_check.isVisible()


def test_resident_overview_table_and_chart_by_month_and_type(world, qtbot):
    w = world
    w.force.register_episode(w.episode())
    w.force.register_episode(w.episode(force_type="126a_hygiene", situation="shaving",
                                       when=dt.datetime(2026, 3, 20, 1, 0, tzinfo=CPH)))
    w.force.register_episode(w.episode(when=dt.datetime(2026, 1, 10, 8, 0, tzinfo=CPH), late_reason="Sygdom"))
    view = show(qtbot, ResidentForceView(w.force, w.services.residents))
    assert not view.ui.splitter.isVisible()
    qtbot.keyClicks(view.ui.resident_edit, "Jens")
    qtbot.wait(250)
    qtbot.keyClick(view.ui.resident_edit, Qt.Key.Key_Return)
    assert view.ui.title_label.text() == "Magtanvendelse over tid: Jens Hansen"
    assert view.ui.summary_label.text() == (
        "3 magtanvendelser fra januar 2026 til marts 2026: Fastholdelse i hygiejnesituationer (§ 126 a) 1, "
        "Tilbageholdelse i boligen (§ 127) 2.")
    m = view.model
    headers_v = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    assert headers_v == ["januar 2026", "februar 2026", "marts 2026", "I alt"]  # February shown as 0
    grid = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert grid == [["", "1", "1"], ["", "", "0"], ["1", "1", "2"], ["1", "2", "3"]]
    assert m.headerData(1, Qt.Orientation.Horizontal) == "Tilbageholdelse i boligen\n(§ 127)"
    assert view.chart_sets() == [
        ("Fastholdelse i hygiejnesituationer (§ 126 a)", [0.0, 0.0, 1.0]),
        ("Tilbageholdelse i boligen (§ 127)", [1.0, 0.0, 1.0]),
    ]
    axis = view.chart.axes(Qt.Orientation.Horizontal)[0]
    assert axis.categories() == ["jan 26", "feb 26", "mar 26"]


def test_month_range_fills_the_gaps():
    assert month_range(("2025-11", "2026-02")) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_range(()) == []
    model = ResidentForceModel()
    assert model.rowCount() == 0 and model.columnCount() == 0


@pytest.mark.parametrize("who, tabs, register", [
    ("pia", [TAB_MONTH, TAB_HISTORY], True),
    ("lene", [TAB_MONTH, TAB_QUEUE, TAB_HISTORY], True),
    ("sofie", [TAB_MONTH, TAB_INBOX, TAB_HISTORY], False),
    ("karl", [], False),
])
def test_the_page_shows_the_tabs_of_the_role(world, qtbot, who, tabs, register):
    world.login(who)
    page = show(qtbot, ForcePage(world.services))
    assert list(page.views) == tabs
    assert page.ui.register_button.isVisible() == register
    if not tabs:
        assert page.ui.status_label.text() == "Din rolle har ikke adgang til magtanvendelse."


def test_the_page_registers_and_refreshes_the_overview(world, qtbot, monkeypatch):
    from tilsyn.ui.dialogs.episode_dialog import CLOSE_KEEP, EpisodeDialog

    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: CLOSE_KEEP)
    page = show(qtbot, ForcePage(world.services))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page.register()
    dialog = page.episode_dialog
    dialog.completer.choose_id(world.ids["jens"])
    dialog.ui.force_type_combo.setCurrentIndex(dialog.ui.force_type_combo.findData("127_retention"))
    dialog.ui.description_edit.setPlainText("Ville gå ud")
    dialog.save()
    assert page.ui.status_label.text() == ("Magtanvendelsen er registreret på månedsskemaet for Jens Hansen, "
                                           "marts 2026. Afsnit 2 mangler din underskrift.")
    month = page.views[TAB_MONTH]
    M = MonthOverviewModel
    assert ("Jens Hansen", "Kladde") in table_rows(month.ui.overview_table, (M.COL_NAME, M.COL_STATUS))
    month.select_resident(world.ids["jens"])
    month.show_history()
    assert page.ui.tabs.currentWidget() is page.views[TAB_HISTORY]
    assert page.views[TAB_HISTORY].ui.title_label.text() == "Magtanvendelse over tid: Jens Hansen"
