"""Names and free texts are shown as typed, never read as markup (issue 12, point 4).

A resident, care home, unit, staff member, leader and every free text are named ``<b>&amp;<!--x``.
Every view and dialog is built on that data; every QLabel that holds the name must show it as
plain text (a rich-text label must hold it escaped), and the places the issue names show it
literally.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget

from force_support import CPH, PW, cheap_hashing
from tilsyn.domain.force import AuthorityInput, EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.residents import PermitInput
from tilsyn.services.users import UserInput, UserService
from tilsyn.ui.services_bundle import Services

H = "<b>&amp;<!--x"
D = dt.date
NOW = dt.datetime(2026, 3, 20, 9, 10, tzinfo=dt.timezone.utc)


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    ctx = open_app(str(tmp_path / "h.sqlite"), clock=lambda: NOW).context
    s = Services.build(ctx)
    (home,) = s.care_homes.set_up_municipality(H, [CareHomeInput(H, units=(H,), address=H, city=H)])
    rid = s.residents.save(None, ResidentInput("010130-1234", H, home.id, unit=H, room="1", address=H, city=H,
                                               acting_municipality=H, residence_municipality=H,
                                               contact_person=H)).id
    s.residents.save_permit(rid, None, PermitInput(("127_retention",), D(2026, 1, 1), D(2026, 12, 31), H))
    users = UserService(ctx)
    users.create_first_admin("admin", H, PW["admin"])
    users.login("admin", PW["admin"])
    users.create_user(UserInput("pia", H, "staff", H, (home.id,)), PW["pia"])
    users.create_user(UserInput("lene", H + " leder", "leader", H, (home.id,)), PW["lene"])
    users.create_user(UserInput("sofie", H + " sag", "caseworker", H), PW["sofie"])
    users.login("pia", PW["pia"])
    when = dt.datetime(2026, 3, 19, 23, 10, tzinfo=CPH)
    fid = s.force.register_episode(EpisodeInput(
        rid, "127_retention", when, when + dt.timedelta(minutes=10), location=H, purpose=H, description=H,
        avoidance=H, least_intrusive=H, narrative=H, staff=(StaffInput(H, H, H, True),))).form_id
    s.force.sign_section(fid, 2, PW["pia"])
    users.login("lene", PW["lene"])
    s.force.save_leader_section(fid, LeaderInput(
        necessity=H, reflection=H, action_plan_updated=H, discussed_in_staff_group=True, discussed_when=H,
        action_plan_exists=True, leader_name=H, assessed_on=D(2026, 3, 20)))
    s.force.sign_section(fid, 3, PW["lene"])
    s.force.send_to_authority(fid)
    users.login("sofie", PW["sofie"])
    s.force.send_back(fid, H)
    users.login("admin", PW["admin"])
    yield s, rid, fid, home
    close_app(ctx)


def renders_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(label.text()))


def check_labels(roots: list[QWidget]) -> list[str]:
    """Every label under ``roots``: a raw name only in plain labels; returns the texts that show H."""
    shown, faults = [], []
    for root in roots:
        labels = root.findChildren(QLabel) + ([root] if isinstance(root, QLabel) else [])
        for label in labels:
            text = label.text()
            if renders_rich(label):
                if H in text:
                    faults.append(f"{label.objectName() or type(label).__name__} in {type(root).__name__}: {text!r}")
                elif escape(H) in text:
                    shown.append(text)
            elif H in text:
                shown.append(text)
        for widget in [root, *root.findChildren(QWidget)]:
            if H in widget.toolTip():
                faults.append(f"tooltip of {widget.objectName()}: {widget.toolTip()!r}")
        for view in root.findChildren(QAbstractItemView):
            faults += item_tooltip_faults(view)
    assert not faults, "\n".join(faults)
    return shown


def item_tooltips(view: QAbstractItemView) -> list[str]:
    """The tooltips of a table's or list's cells (the first 50 rows), as Qt would show them."""
    model = view.model()
    if model is None:
        return []
    tips = []
    from PySide6.QtCore import QModelIndex

    for row in range(min(model.rowCount(QModelIndex()), 50)):
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model keeps it private: one column
            columns = 1
        for col in range(columns):
            tip = model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                tips.append(tip)
    return tips


def item_tooltip_faults(view: QAbstractItemView) -> list[str]:
    """A cell's tooltip holding the raw name would be read as markup (Qt.mightBeRichText)."""
    return [f"cell tooltip in {view.objectName() or type(view).__name__}: {tip!r}"
            for tip in item_tooltips(view) if H in tip and QtGui_Qt.mightBeRichText(tip)]


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


def test_the_places_of_the_issue_show_the_name_as_typed(hostile, qtbot):
    from tilsyn.ui.views.force_form_view import ForceFormDialog
    from tilsyn.ui.views.force_page import ForcePage
    from tilsyn.ui.views.force_resident_view import ResidentForceDialog

    s, rid, fid, _home = hostile
    UserService(s.ctx).login("lene", PW["lene"])
    form = show(qtbot, ForceFormDialog(s.force, s.residents, fid, exports=s.exports))
    ui = form.view.ui
    assert H in ui.title_label.text() and ui.title_label.textFormat() == Qt.TextFormat.PlainText
    assert ui.name_value.text() == H and not renders_rich(ui.name_value)  # section 1
    assert H in ui.returned_label.text() and not renders_rich(ui.returned_label)
    check_labels([form])

    chart = show(qtbot, ResidentForceDialog(s.force, s.residents, rid))
    assert chart.view.ui.title_label.text() == f"Magtanvendelse over tid: {H}"  # the history heading
    assert not renders_rich(chart.view.ui.title_label)
    assert chart.view.chart.title() == escape(f"Magtanvendelse pr. måned og type – {H}")  # QChart: HTML
    check_labels([chart])

    page = show(qtbot, ForcePage(s))
    page._registered(f"Magtanvendelsen er registreret på månedsskemaet for {H}, marts 2026.")  # the status message
    assert page.ui.status_label.text().endswith(f"for {H}, marts 2026.")
    assert not renders_rich(page.ui.status_label)
    check_labels([page])


def test_the_send_question_is_plain_and_keeps_the_names_case(hostile, qtbot, monkeypatch):
    from tilsyn.ui.views.force_form_view import ForceFormView

    s, rid, fid, _home = hostile
    UserService(s.ctx).login("lene", PW["lene"])
    s.residents.save(rid, ResidentInput("010130-1234", f"Birthe Laursen {H}", s.care_homes.list_care_homes()[0].id))
    view = show(qtbot, ForceFormView(s.force, s.residents, fid))
    asked = []

    def exec_(box):
        asked.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    view.send()
    ((text, fmt),) = asked
    assert text == f"Send månedsskema for Birthe Laursen {H}, marts 2026 til kommunens sagsbehandler?"
    assert fmt == Qt.TextFormat.PlainText


def test_every_view_and_dialog_shows_user_data_as_text(hostile, qtbot, monkeypatch):
    from tilsyn.ui.dialogs.care_home_dialog import CareHomeDialog
    from tilsyn.ui.dialogs.episode_dialog import EpisodeDialog
    from tilsyn.ui.dialogs.permit_dialog import PermitDialog
    from tilsyn.ui.dialogs.resident_dialog import ResidentDialog
    from tilsyn.ui.dialogs.sign_dialog import ReasonDialog, SignDialog
    from tilsyn.ui.dialogs.user_dialog import ChangePasswordDialog, ResetPasswordDialog, UserDialog
    from tilsyn.ui.lock import UnlockPanel
    from tilsyn.ui.login import LoginWindow
    from tilsyn.ui.main_window import PAGES, MainWindow
    from tilsyn.ui.views.force_common import form_title
    from tilsyn.ui.views.history_view import HistoryView

    s, rid, fid, home = hostile
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: "discard")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"unexpected message box: {box.text()}"))
    users = UserService(s.ctx)
    shown: list[str] = []
    for who in ("admin", "pia", "lene", "sofie"):
        users.login(who, PW[who])
        window = show(qtbot, MainWindow(s, H))
        for index in range(len(PAGES)):
            window.show_page(index)
            QApplication.processEvents()
        force_page = window.force_page
        if force_page is not None:
            for view in force_page.views.values():
                force_page.ui.tabs.setCurrentWidget(view)
                if hasattr(view, "completer"):
                    view.completer.choose_id(rid)
                QApplication.processEvents()
        shown += check_labels([window])
        window.close()

    users.login("admin", PW["admin"])
    assert any(H in t for t in shown)
    user = next(u for u in s.users.list_users() if u.username == "pia")
    users.login("pia", PW["pia"])
    form = s.force.get_form(fid)
    (episode,) = form.episodes
    dialogs = [
        EpisodeDialog(s.force, s.residents, resident_id=rid),
        EpisodeDialog(s.force, s.residents, episode=episode),
        SignDialog(form_title(form), f"Underskriv som {H}", lambda pw: None),
        ReasonDialog(H, H, "&Gem"),
        ChangePasswordDialog(s.users),
    ]
    users.login("admin", PW["admin"])
    dialogs += [
        CareHomeDialog(s.care_homes, s.care_homes.list_care_homes()[0]),
        ResidentDialog(s.residents, s.care_homes, rid),
        PermitDialog(s.residents, rid, s.residents.get(rid).permits[0].id),
        UserDialog(s.users, s.care_homes.list_care_homes(), user),
        ResetPasswordDialog(s.users, user),
        HistoryView(s.audit, s.residents, {home.id: H}),
        LoginWindow(s.users, H),
    ]
    panel = UnlockPanel()
    panel.user_label.setText(H)
    dialogs.append(panel)
    for d in dialogs:
        show(qtbot, d)
        check_labels([d])
        d.close()


def test_a_cells_tooltip_shows_the_name_as_typed(hostile, qtbot):
    from PySide6.QtWidgets import QToolTip

    from tilsyn.ui.widgets.plain import plain_tooltip

    assert plain_tooltip(H) == f"<qt>{escape(H)}</qt>"
    assert plain_tooltip("Sendt 3. marts") == "Sendt 3. marts" and plain_tooltip(None) is None
    # The inbox and the month overview carry the name in their cells: escaped where Qt would read it.
    from tilsyn.ui.main_window import MainWindow

    s, _rid, _fid, _home = hostile
    UserService(s.ctx).login("sofie", PW["sofie"])
    from tilsyn.ui.main_window import PAGES

    window = show(qtbot, MainWindow(s, H))
    for index in range(len(PAGES)):
        window.show_page(index)
        QApplication.processEvents()
    force_page = window.force_page
    assert force_page is not None
    tips = []
    for view in force_page.views.values():
        force_page.ui.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        for table in view.findChildren(QAbstractItemView):
            tips += item_tooltips(table)
    assert f"<qt>{escape(H)}</qt>" in tips or any(escape(H) in t for t in tips), tips
    assert not [t for t in tips if H in t and QtGui_Qt.mightBeRichText(t)]
    QToolTip.hideText()
    window.close()
