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
    # Issue 12, point 6: one form is one line, with all its states on it (the February form was in
    # three lists before: late, leader and overdue, and "used but not sent" too).
    assert view.counts() == {"staff": 1, "leader": 0, "returned": 0, "requests": 0, "late": 1, "permits": 1}
    assert view.ui.late_group.title() == "Registreret for sent (1)"
    assert view.texts("late") == [
        "Jens Hansen · Bakkegården — 17-03-2026 kl. 21.00, registreret 20-03-2026 · »Glemt ved vagtskifte«"]
    assert view.texts("staff") == [
        "Jens Hansen · Bakkegården — februar 2026 · Afventer personalets underskrift · for sent · 1 magtanvendelse · "
        "1 registreret for sent · frist 05-03-2026"]
    assert view.texts("permits") == [
        "Jens Hansen · Bakkegården — udløber 31-03-2026 · Fastholdelse i hygiejnesituationer (§ 126 a), "
        "Tilbageholdelse i boligen (§ 127)"]
    assert view.ui.summary_label.text().startswith("3 punkter venter på handling.")
    assert view.ui.late_empty_label.isHidden()
    # Enter on a line opens its form.
    tree = view.lists["staff"]
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert view.form_dialog.view.form.id == feb.form_id
    view.form_dialog.reject()
    view.lists["late"].itemActivated.emit(view.lists["late"].topLevelItem(0), 0)
    assert view.form_dialog.view.form.id == late.form_id
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
    assert view.counts() == {"staff": 0, "leader": 0, "returned": 0, "requests": 0, "late": 0, "permits": 0}
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


def test_sent_back_forms_and_reopen_requests_have_their_own_lists(world, qtbot):
    """Issue 12, points 2 and 6: the returned form with the comment; a staff request with its reason."""
    from force_support import AUTHORITY, PW

    w = world
    fid = w.sent_form()
    w.login("sofie")
    w.force.send_back(fid, "Uddyb hvordan magten var mindst indgribende, og hvad personalet gør fremover.")
    w.login("pia")
    w.force.register_episode(w.episode(resident="anna", force_type="125_alarm"))
    anna = w.force.monthly_form_for(w.ids["anna"], 2026, 3).id
    w.force.sign_section(anna, 2, PW["pia"])
    w.login("lene")
    from force_support import LEADER

    w.force.save_leader_section(anna, LEADER)
    w.force.sign_section(anna, 3, PW["lene"])
    w.force.send_to_authority(anna)
    w.login("sofie")
    w.force.save_authority_section(anna, AUTHORITY)
    w.force.sign_section(anna, 4, PW["sofie"])
    w.login("pia")
    w.force.request_reopen(w.episode(resident="anna", force_type="125_alarm",
                                     when=dt.datetime(2026, 3, 20, 1, 0, tzinfo=CPH)), "Fandt den i vagtbogen")
    w.set_now(dt.datetime(2026, 4, 8, 8, 0, tzinfo=dt.timezone.utc))
    w.login("lene")
    view = make_view(w, qtbot)
    (line,) = view.texts("returned")
    assert line == ("Jens Hansen · Bakkegården — marts 2026 · Sendt tilbage · for sent · 1 magtanvendelse · "
                    "frist 05-04-2026 · bemærkning: »Uddyb hvordan magten var mindst indgribende, og hvad "
                    "personalet gør fremover.«")
    assert view.ui.returned_group.title() == "Sendt tilbage af myndigheden (1)"
    (request,) = view.texts("requests")
    assert request == ("Anna Berg · Bakkegården — marts 2026 · magtanvendelse 20-03-2026 kl. 01.00 · Pia Jensen "
                       "20-03-2026: »Fandt den i vagtbogen« · venter på lederens svar")
    # One line per form, wrapped, with the whole text as its tooltip.
    tree = view.lists["returned"]
    assert tree.wordWrap() and tree.textElideMode() == Qt.TextElideMode.ElideNone
    assert tree.topLevelItem(0).toolTip(0).startswith(line)
    assert view.counts() == {"staff": 0, "leader": 0, "returned": 1, "requests": 1, "late": 0, "permits": 0}
