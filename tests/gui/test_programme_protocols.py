"""The programme dialog chooses each kind's protocol version from those installed (issue 13,
point 6): the kind's default proposed, a municipality's own protocol offered, the choice stored;
an existing programme shows its choice, fixed."""

from __future__ import annotations

import pytest

from integration.supervision_support import build
from tilsyn.resources import resource_path
from tilsyn.services.app import close_app, open_app
from tilsyn.ui.views.supervision_dialogs import ProgrammeDialog


@pytest.fixture
def w(tmp_path):
    opened = open_app(str(tmp_path / "t.sqlite"))
    world = build(opened.context)
    world.login("karl")
    yield world
    close_app(opened.context)


def _vejle_protocol() -> str:
    text = (resource_path("protocols") / "resident-2023.toml").read_text(encoding="utf-8")
    return text.replace('id = "resident-2023"', 'id = "resident-vejle"').replace(
        'title = "Interview med beboer (2023-model)"', 'title = "Vejles beboerinterview"')


def items(combo) -> list[tuple[str, str]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_the_programme_dialog_offers_each_kinds_installed_versions_defaulting_to_the_default(qtbot, w):
    w.svc.install_definition(_vejle_protocol())
    dialog = ProgrammeDialog(w.svc, 2026)
    qtbot.addWidget(dialog)
    combos = dialog.protocol_combos
    assert list(combos) == ["resident", "relative", "staff_dialogue", "staff_evaluation"]
    assert items(combos["resident"]) == [
        ("Interview med beboer (version 1) – standard", "resident-2011@1"),
        ("Interview med beboer (2023-model) (version 1)", "resident-2023@1"),
        ("Vejles beboerinterview (version 1) – kommunens egen", "resident-vejle@1"),
    ]
    assert dialog.chosen_protocols() == ["resident-2011@1", "relative-phone-2011@1", "staff-dialogue-2011@1",
                                         "staff-evaluation-monthly-form-2011@1"]
    label = dialog.ui.form_layout.labelForField(combos["relative"])
    assert label.text() == "Pårørende:" and label.toolTip() == "Pårørende"

    combos["resident"].setCurrentIndex(combos["resident"].findData("resident-vejle@1"))
    combos["relative"].setCurrentIndex(combos["relative"].findData("relative-phone-2023@1"))
    dialog.ui.total_spin.setValue(6)
    dialog.save()
    assert not dialog.isVisible() or dialog.result is not None
    programme = w.svc.programme_for_year(2026)
    assert sorted(programme.protocols) == sorted(["resident-vejle@1", "relative-phone-2023@1",
                                                  "staff-dialogue-2011@1", "staff-evaluation-monthly-form-2011@1"])

    # Editing the programme later: its choice is shown and cannot be changed.
    edit = ProgrammeDialog(w.svc, 2026, programme)
    qtbot.addWidget(edit)
    assert edit.protocol_combos["resident"].currentData() == "resident-vejle@1"
    assert not any(c.isEnabled() for c in edit.protocol_combos.values())


def test_no_label_of_the_programme_dialog_is_cut_off(qtbot, w):
    from PySide6.QtWidgets import QLabel

    w.svc.install_definition(_vejle_protocol())
    dialog = ProgrammeDialog(w.svc, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form_labels = [dialog.ui.form_layout.itemAt(i).widget() for i in range(dialog.ui.form_layout.count())]
    labels = [lab for lab in form_labels if isinstance(lab, QLabel) and lab.isVisible() and not lab.wordWrap()]
    assert any(lab.text() == "&Tema for magtanvendelse:" for lab in labels)
    for label in labels:
        assert label.width() >= label.sizeHint().width(), label.text()
