"""Databeskyttelse: export one resident to a folder; delete or anonymise past the retention period."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tilsyn.domain.people import ResidentInput
from tilsyn.ui.views.privacy_view import PrivacyView

from security_support import close, open_with_admin


@pytest.fixture
def app(tmp_path):
    a = open_with_admin(tmp_path)
    residents = a.services.residents
    a.old = residents.save(None, ResidentInput("0101301234", "Karen Gammel", a.home_ids[0],
                                               move_in=dt.date(2010, 1, 1), move_out=dt.date(2019, 3, 31))).id
    a.new = residents.save(None, ResidentInput("0202402345", "Jens Ny", a.home_ids[1])).id
    yield a
    close(a)


@pytest.fixture
def view(app, qtbot, tmp_path):
    out = tmp_path / "udlæsning"
    out.mkdir()
    v = PrivacyView(app.services.privacy, app.services.residents, choose=lambda parent: str(out))
    v.out = out
    qtbot.addWidget(v)
    v.show()
    return v


def test_export_needs_a_resident(view):
    view.export()
    assert view.export_error.text() == "Vælg først en beboer på listen."


def test_export_writes_json_and_pdf_to_the_chosen_folder(view, app):
    view.find_edit.setText("Jens")
    view.finder.search()
    view.finder.choose(app.new)
    view.export()
    json_path, pdf_path = view.written
    assert json_path.parent == view.out and pdf_path.parent == view.out
    assert json.loads(json_path.read_text(encoding="utf-8"))["resident"]["name"] == "Jens Ny"
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert view.export_label.text() == f"Gemt: {json_path} og {pdf_path.name}"


def test_retention_lists_only_residents_past_the_period(view, app):
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert names == ["Karen Gammel"]
    assert view.table.item(0, 1).text() == "010130-xxxx"
    assert view.table.item(0, 3).text() == "31-03-2019"
    assert view.candidates_label.text().startswith("1 beboer er fraflyttet for mere end 5 år siden.")


def test_retention_needs_a_choice_and_a_reason_then_anonymises(view, app):
    view.apply_retention(confirm=False)
    assert view.retention_error.text() == "Vælg mindst én beboer på listen."
    view.set_checked([app.old])
    view.apply_retention(confirm=False)
    assert view.retention_error.text() == "Skriv en begrundelse for ændringen. Den gemmes i loggen."
    view.reason_edit.setText("Årlig sletning")
    view.apply_retention(confirm=False)
    assert view.retention_label.text().startswith("1 beboer er anonymiseret.")
    assert view.table.rowCount() == 0
    assert app.services.residents.get(app.old).name == "Anonymiseret beboer"


def test_retention_period_is_saved(view, app):
    view.years_spin.setValue(10)
    view.save_years()
    assert app.services.privacy.retention_years() == 10
    assert view.table.rowCount() == 0  # moved out 2019: not ten years ago
