"""Every window and dialog fits a 1280 x 800 screen with a taskbar (issue 12, point 8).

Each top-level window is built on a form with data and shown; its size, and the smallest size
its layout allows, must fit 1280 x 760 (40 pixels for a taskbar), so nothing is out of reach.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from force_support import PW, close_world, cheap_hashing, open_world

SCREEN_W, SCREEN_H = 1280, 760  # 1280 x 800 less a taskbar


@pytest.fixture
def world(tmp_path, monkeypatch):
    from tilsyn.ui.dialogs.episode_dialog import EpisodeDialog

    cheap_hashing(monkeypatch)
    monkeypatch.setattr(EpisodeDialog, "ask_close", lambda self: "discard")
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


def fits(qtbot, widget: QWidget) -> tuple[int, int]:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    size, least = widget.frameGeometry().size(), widget.minimumSizeHint()
    assert size.width() <= SCREEN_W and size.height() <= SCREEN_H, (type(widget).__name__, size)
    assert least.width() <= SCREEN_W and least.height() <= SCREEN_H, (type(widget).__name__, least)
    widget.adjustSize()
    QApplication.processEvents()
    after = widget.frameGeometry().size()
    assert after.width() <= SCREEN_W and after.height() <= SCREEN_H, (type(widget).__name__, "adjustSize", after)
    return size.width(), size.height()


def test_every_window_and_dialog_fits_1280_by_800(world, qtbot):
    from tilsyn.ui.dialogs.care_home_dialog import CareHomeDialog
    from tilsyn.ui.dialogs.episode_dialog import EpisodeDialog
    from tilsyn.ui.dialogs.passphrase_dialog import PassphraseDialog
    from tilsyn.ui.dialogs.pdf_preview import PdfPreviewDialog
    from tilsyn.ui.dialogs.permit_dialog import PermitDialog
    from tilsyn.ui.dialogs.resident_dialog import ResidentDialog
    from tilsyn.ui.dialogs.sign_dialog import ReasonDialog, SignDialog
    from tilsyn.ui.dialogs.user_dialog import ChangePasswordDialog, ResetPasswordDialog, UserDialog
    from tilsyn.ui.login import LoginWindow
    from tilsyn.ui.main_window import MainWindow
    from tilsyn.ui.views.force_form_view import ForceFormDialog
    from tilsyn.ui.views.force_resident_view import ResidentForceDialog
    from tilsyn.ui.views.history_view import HistoryDialog

    w, s = world, world.services
    fid = w.sent_form()
    jens = w.ids["jens"]
    sizes = {}
    w.login("lene")
    sizes["registration"] = fits(qtbot, EpisodeDialog(s.force, s.residents, resident_id=jens))
    sizes["form"] = fits(qtbot, ForceFormDialog(s.force, s.residents, fid, exports=s.exports))
    sizes["resident force"] = fits(qtbot, ResidentForceDialog(s.force, s.residents, jens))
    sizes["pdf"] = fits(qtbot, PdfPreviewDialog(s.exports.form_pdf(fid), "Månedsskema"))
    sizes["sign"] = fits(qtbot, SignDialog("Underskriv afsnit 3", "Skriv din adgangskode.", lambda pw: None))
    sizes["reason"] = fits(qtbot, ReasonDialog("Ret", "Skriv hvorfor:", "&Gem"))
    sizes["change password"] = fits(qtbot, ChangePasswordDialog(s.users))
    w.login("admin")
    homes = s.care_homes.list_care_homes()
    user = next(u for u in s.users.list_users() if u.username == "pia")
    sizes["main"] = fits(qtbot, MainWindow(s, "tilsyn.sqlite"))
    sizes["care home"] = fits(qtbot, CareHomeDialog(s.care_homes, homes[0]))
    sizes["resident"] = fits(qtbot, ResidentDialog(s.residents, s.care_homes, jens))
    sizes["permit"] = fits(qtbot, PermitDialog(s.residents, jens, s.residents.get(jens).permits[0].id))
    sizes["user"] = fits(qtbot, UserDialog(s.users, homes, user))
    sizes["reset password"] = fits(qtbot, ResetPasswordDialog(s.users, user))
    sizes["history"] = fits(qtbot, HistoryDialog(s.audit, jens, "Jens Hansen", "resident"))
    sizes["login"] = fits(qtbot, LoginWindow(s.users, "tilsyn.sqlite"))
    sizes["passphrase"] = fits(qtbot, PassphraseDialog("", "tilsyn.sqlite"))
    # The two the issue measured (860 x 820 and 1000 x 860) are now within the screen.
    assert sizes["registration"][1] <= SCREEN_H and sizes["form"][1] <= SCREEN_H
