"""The Overblik page: each list with its count, Danish lines, and opening what a line is about."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from force_support import CPH, cheap_hashing, close_world, open_world
from tilsyn.ui.views.dashboard_view import DashboardView


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


def make_view(world, qtbot) -> DashboardView:
    view = DashboardView(world.services)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_every_list_with_its_count(world, qtbot):
    w = world
    late = w.force.register_episode(w.episode(when=dt.datetime(2026, 3, 17, 21, 0, tzinfo=CPH),
                                              late_reason="Glemt ved vagtskifte"))
    # A February form never sent: used but not sent, waiting for the leader, and overdue on 6 April.
    feb = w.force.register_episode(w.episode(when=dt.datetime(2026, 2, 10, 8, 0, tzinfo=CPH), late_reason="Sygdom"))
    w.login("lene")
    view = make_view(w, qtbot)
    assert view.ui.today_label.text() == "Fredag 20. marts 2026"
    assert view.counts() == {"late": 2, "leader": 1, "overdue": 1, "permits": 1, "unsent": 1}
    assert view.ui.late_group.title() == "Registreret for sent (2)"
    assert sorted(view.texts("late")) == [
        "Jens Hansen · Bakkegården — 10-02-2026 kl. 08.00, registreret 20-03-2026 · »Sygdom«",
        "Jens Hansen · Bakkegården — 17-03-2026 kl. 21.00, registreret 20-03-2026 · »Glemt ved vagtskifte«"]
    assert view.texts("leader") == ["Jens Hansen · Bakkegården — februar 2026 · For sent · 1 magtanvendelse"]
    assert view.texts("overdue") == [
        "Jens Hansen · Bakkegården — februar 2026 · For sent · 1 magtanvendelse · frist 05-03-2026"]
    assert view.texts("permits") == [
        "Jens Hansen · Bakkegården — udløber 31-03-2026 · Fastholdelse i hygiejnesituationer (§ 126 a), "
        "Tilbageholdelse i boligen (§ 127)"]
    assert view.ui.summary_label.text().startswith("6 punkter venter på handling.")
    assert view.ui.late_empty_label.isHidden()
    # Enter on a line opens its form.
    tree = view.lists["leader"]
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert view.form_dialog.view.form.id == feb.form_id
    view.form_dialog.reject()
    view.lists["late"].itemActivated.emit(view.lists["late"].topLevelItem(0), 0)
    assert view.form_dialog.view.form.id in (late.form_id, feb.form_id)
    view.form_dialog.reject()


def test_a_permit_line_opens_the_resident(world, qtbot):
    world.login("lene")
    view = make_view(world, qtbot)
    tree = view.lists["permits"]
    view.open_item(tree.topLevelItem(0))
    assert view.resident_dialog is not None
    assert view.resident_dialog.ui.name_edit.text() == "Jens Hansen"
    view.resident_dialog.reject()


def test_empty_lists_say_so_and_refresh_sees_changes(world, qtbot):
    world.login("sofie")
    world.set_now(dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.timezone.utc))  # Jens's permit ends after 30 days
    view = make_view(world, qtbot)
    assert view.counts() == {"late": 0, "leader": 0, "overdue": 0, "permits": 0, "unsent": 0}
    assert view.ui.late_empty_label.isVisible() and not view.lists["late"].isVisible()
    assert view.ui.summary_label.text() == "Der er intet, der venter på handling."
    world.set_now(dt.datetime(2026, 3, 20, 8, 0, tzinfo=dt.timezone.utc))
    view.ui.refresh_button.click()
    assert view.counts()["permits"] == 1


def test_the_consultant_lands_on_the_homes_due_for_supervision_not_an_empty_page(world, qtbot):
    world.login("karl")
    view = make_view(world, qtbot)
    assert not view.ui.scroll_area.isVisible() and not view.ui.error_label.isVisible()
    assert view.supervision_group.isVisible()
    assert view.supervision_group.title().startswith("Plejecentre, der skal have tilsyn (")
    assert view.supervision_texts() and all("næste besøg senest" in t for t in view.supervision_texts())
    assert view.ui.summary_label.text().endswith("skal have tilsyn nu.")
