"""Record history: old -> new per field in Danish, redacted entries, the log, verify in a worker."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import text

from tilsyn.domain.people import ResidentInput
from tilsyn.ui.views.history_view import (
    H_ACTION,
    H_ACTOR,
    H_AT,
    H_FIELD,
    H_NEW,
    H_OLD,
    H_REASON,
    REDACTED_TEXT,
    HistoryDialog,
    VERIFY_LINES_SHOWN,
    HistoryView,
    place_names,
    verify_text,
)
from tilsyn.messages import binding_fault_text, verify_fault_lines

from security_support import close, open_with_admin


@pytest.fixture
def app(tmp_path):
    a = open_with_admin(tmp_path)
    yield a
    close(a)


@pytest.fixture
def resident(app):
    """Jens Hansen, created and then edited (name, room, move-out) by the administrator."""
    residents = app.services.residents
    data = ResidentInput("0101401234", "Jens Hansen", app.home_ids[0], room="12", move_in=dt.date(2024, 3, 1))
    created = residents.save(None, data)
    residents.save(created.id, dataclasses.replace(data, name="Jens Peter Hansen", room="14",
                                                   move_out=dt.date(2026, 11, 1)))
    return created.id


@pytest.fixture
def view(app, qtbot) -> HistoryView:
    names = place_names(app.services.care_homes.list_care_homes())
    v = HistoryView(app.services.audit, app.services.residents, names, can_verify=True)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    return v


def lines(model) -> list[tuple[str, ...]]:
    return [tuple(model.text(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_choosing_a_resident_shows_old_and_new_values(view, resident, qtbot):
    view.ui.find_edit.setText("jens")
    view.finder.search()
    assert view.finder.completer.popup().isVisible()
    view.finder.choose(resident)
    rows = lines(view.history_model)
    updates = {r[H_FIELD]: r for r in rows if r[H_ACTION] == "Ændret"}
    assert set(updates) == {"Navn", "Bolig", "Fraflytning"}
    name = updates["Navn"]
    assert (name[H_OLD], name[H_NEW]) == ("Jens Hansen", "Jens Peter Hansen")
    assert (updates["Fraflytning"][H_OLD], updates["Fraflytning"][H_NEW]) == ("(tom)", "01-11-2026")
    assert name[H_AT] == "23-11-2026 10:00"
    assert name[H_ACTOR] == "Anne Administrator (anne)"
    created = {r[H_FIELD]: r for r in rows if r[H_ACTION] == "Oprettet"}
    assert created["CPR-nummer"][H_NEW] == "010140-xxxx"  # masked in the history too
    assert created["Plejecenter"][H_NEW] == "Bakkegården"  # the id shown as the name
    assert created["Indflytning"][H_NEW] == "01-03-2024"
    assert "Id" not in created and "id" not in created
    assert view.ui.record_label.text() == "&Historik for Beboer: Jens Peter Hansen – 2 hændelser"


def test_the_latest_entries_lead_to_their_record(view, resident, app):
    view.refresh()
    first = lines(view.latest_model)[0]
    assert first[1:] == ("Anne Administrator (anne)", "Ændret", "Beboer: Jens Peter Hansen")
    view.ui.latest_table.selectRow(0)
    assert view.record == (resident, "resident")
    assert any(r[H_FIELD] == "Navn" for r in lines(view.history_model))


def test_logins_read_as_the_user_who_logged_in(view):
    logins = [r for r in lines(view.latest_model) if r[2] == "Logget ind"]
    assert logins and logins[0][3] == "Bruger: Anne Administrator (anne)"


def test_a_reason_is_shown(view, app, resident):
    app.services.privacy.set_retention_years(1)
    # Moved out 01-11-2026 is not past one year: backdate the move-out to make it due.
    residents = app.services.residents
    detail = residents.get(resident)
    data = ResidentInput(detail.cpr, detail.name, app.home_ids[0], move_in=dt.date(2018, 1, 1),
                         move_out=dt.date(2019, 6, 30))
    residents.save(resident, data)
    app.services.privacy.apply_retention([resident], "anonymise", "Årlig oprydning efter retningslinjerne")
    view.show_record(resident, "resident", "Beboer")
    rows = lines(view.history_model)
    assert rows[-1][H_ACTION] == "Anonymiseret efter opbevaringsperioden"
    assert rows[-1][H_REASON] == "Årlig oprydning efter retningslinjerne"
    # Everything before the anonymisation has lost its content, and says so; the anonymisation's
    # own field changes are logged (so the log still folds to the data) without the old values.
    redacted = [r for r in rows if r[H_NEW] == REDACTED_TEXT]
    first_kept = next(i for i, r in enumerate(rows) if r[H_NEW] != REDACTED_TEXT)
    assert len(redacted) == first_kept >= 2
    assert all(r[H_OLD] == "" and r[H_FIELD] == "" for r in redacted)
    assert all(r[H_OLD] in ("(skjult)", "") for r in rows[first_kept:])
    assert not any("Jens" in cell for r in rows for cell in r)


def test_verify_runs_in_the_background_and_reports_in_danish(view, resident, qtbot):
    with qtbot.waitSignal(view.verified, timeout=10_000) as signal:
        view.ui.verify_button.click()
        assert view.verifying and not view.ui.verify_button.isEnabled()
    assert signal.args[0].ok
    assert view.ui.verify_label.text().startswith("Revisionsloggen er i orden: ")
    assert "hændelser og 0 underskrifter er kontrolleret" in view.ui.verify_label.text()
    assert view.ui.verify_button.isEnabled()


def test_verify_finds_an_entry_changed_behind_the_apps_back(view, resident, app, qtbot):
    engine = app.ctx.extras["engine"]
    with engine.begin() as conn:
        # The append-only triggers refuse the edit; an attacker with the file drops them first.
        for (name,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
            conn.execute(text(f'DROP TRIGGER "{name}"'))
        seq = conn.execute(
            text("SELECT seq FROM audit_entry WHERE action = 'update' AND entity_type = 'resident'")
        ).scalar_one()
        conn.execute(text("UPDATE audit_entry SET changes = :c WHERE seq = :s"),
                     {"c": '{"name": ["Jens Hansen", "Ole Olsen"]}', "s": seq})
    with qtbot.waitSignal(view.verified, timeout=10_000) as signal:
        view.verify()
    assert not signal.args[0].ok
    shown = view.ui.verify_label.text()
    assert shown.startswith("Revisionsloggen er IKKE i orden.")
    # The same line tilsyn verify prints.
    assert f"FEJL: Første brudte led er post nr. {seq}: ændringerne passer ikke med deres hash." in shown.splitlines()


def test_verify_lists_each_row_changed_behind_the_logs_back_as_the_cli_does(view, resident, app, qtbot):
    """Issue 10, point 1/2: the page names table, record and field (it said only "IKKE i orden")."""
    engine = app.ctx.extras["engine"]
    with engine.begin() as conn:
        for (name,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all():
            conn.execute(text(f'DROP TRIGGER "{name}"'))
        conn.execute(text("UPDATE resident SET name = 'Ole Olsen'"))
    with qtbot.waitSignal(view.verified, timeout=10_000) as signal:
        view.verify()
    report = signal.args[0]
    assert not report.ok and report.data_faults
    shown = view.ui.verify_label.text().splitlines()
    assert shown[0].startswith("Revisionsloggen er IKKE i orden.")
    assert shown[1:] == verify_fault_lines(report)
    assert any(line.startswith("FEJL: Beboer (resident) ") and "feltet »name« er ændret uden om revisionsloggen"
               in line for line in shown)
    assert "Ole Olsen" not in view.ui.verify_label.text()  # never the data itself


def test_verify_text_shows_binding_faults_and_caps_a_long_list():
    from tilsyn.domain.ledger import DataFault
    from tilsyn.services.audit import VerifyReport
    from tilsyn.services.force_dto import BindingFault

    binding = BindingFault("f1a2b3c4", "monthly", "010140-xxxx", 2, "episodes.e1.description", "mismatch")
    report = VerifyReport(10, 1, 10, "a" * 64, (), (), binding_faults=(binding,))
    shown = verify_text(report).splitlines()
    assert shown[1:] == [f"FEJL: {binding_fault_text(binding)}"]
    assert "f1a2b3c4 (beboer 010140-xxxx)" in shown[1] and "svarer ikke længere til underskriften" in shown[1]
    many = tuple(DataFault("resident", f"r{i}", "name", "changed") for i in range(30))
    long = verify_text(VerifyReport(10, 0, 10, "a" * 64, (), (), data_faults=many, data_fault_count=45))
    rows = long.splitlines()
    assert len(rows) == 1 + VERIFY_LINES_SHOWN + 1
    assert rows[1:1 + VERIFY_LINES_SHOWN] == verify_fault_lines(
        VerifyReport(10, 0, 10, "a" * 64, (), (), data_faults=many, data_fault_count=45))[:VERIFY_LINES_SHOWN]
    assert rows[-1] == "… og 11 linjer mere: kør »tilsyn verify« for hele listen."


def test_history_dialog_for_one_record(app, resident, qtbot):
    dialog = HistoryDialog(app.services.audit, resident, "Jens Peter Hansen", "resident")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Historik: Jens Peter Hansen"
    assert any(r[H_FIELD] == "Navn" and r[H_NEW] == "Jens Peter Hansen" for r in lines(dialog.model))


def test_an_edit_without_the_name_still_names_the_resident_in_the_log(view, resident, app):
    residents = app.services.residents
    detail = residents.get(resident)
    residents.save(resident, ResidentInput(detail.cpr, detail.name, app.home_ids[0], unit="Afsnit A", room="15"))
    view.refresh()
    first = lines(view.latest_model)[0]
    assert first[2:] == ("Ændret", "Beboer: Jens Peter Hansen")
    view.ui.latest_table.selectRow(0)
    unit = [r for r in lines(view.history_model) if r[H_FIELD] == "Afdeling"]
    assert unit and unit[-1][H_NEW] == "Afsnit A"  # the unit's id read as its name
