"""The Tilsyn table models and texts without a window: Danish numbers, overdue rows tinted and
sorted by urgency, sample members with their replacements, frame rules and verification in Danish."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt

from tilsyn.services.supervision.dto import (
    DrawDTO,
    ExclusionDTO,
    PlanningRow,
    SampleMemberDTO,
    VerifyResult,
)
from tilsyn.ui.models.supervision_models import (
    DUE_NOW_BACKGROUND,
    OVERDUE_BACKGROUND,
    PlanningTableModel,
    SampleMemberModel,
    exclusion_lines,
    frame_rule_lines,
    score_text,
    share_text,
    verify_text,
)

D = dt.date


def planning_row(name, status, due, last=None, result="", planned=None):
    labels = {"overdue": "Overskredet", "due_now": "Skal besøges nu", "ok": "I orden", "due_soon": "Snart"}
    return PlanningRow(f"id-{name}", name, last, result, result.capitalize(), due, "interval", "Senest hvert andet år",
                       status, labels[status], "v1" if planned else None, planned)


def member(rank, status="drawn", replaces=None, code="", reason="", note=""):
    labels = {"drawn": "Udtrukket", "replaced": "Erstattet", "refused": "Afslået", "interviewed": "Interviewet"}
    return SampleMemberDTO(f"m{rank}", rank, f"r{rank}", f"Person {rank}", str(100 + rank), "Stuen", status,
                           labels[status], reason, "Syg på besøgsdagen" if reason else "", note, code, replaces,
                           None)


def draw(rules, exclusions=()):
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    return DrawDTO("d1", "v1", "p1", "h1", "Bakkegården", "relative", "Pårørende", "2011", 2, D(2026, 12, 7), now,
                   "Karl", 11, tuple(rules), tuple(exclusions), (), True, None, None, "")


def test_scores_and_shares_in_danish():
    assert [score_text(x) for x in (63.9, 75.0, 100.0, 0.0, None)] == ["63,9", "75", "100", "0", "–"]
    assert [share_text(x) for x in (73.3, 100.0, None)] == ["73,3 %", "100 %", "–"]


def test_planning_rows_are_tinted_when_due_and_sort_by_urgency(qtbot):
    model = PlanningTableModel()
    model.set_rows([planning_row("Engbo", "ok", D(2027, 2, 1), D(2025, 2, 1), "tilfredsstillende"),
                    planning_row("Kildevang", "due_now", D(2026, 11, 23)),
                    planning_row("Egebakken", "overdue", D(2026, 5, 24), D(2025, 11, 24), "kritisabel",
                                 planned=D(2027, 1, 9))])
    bg = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(bg) is None
    assert model.index(1, 0).data(bg).color() == DUE_NOW_BACKGROUND
    assert model.index(2, 0).data(bg).color() == OVERDUE_BACKGROUND
    assert [model.index(r, model.COL_LAST).data() for r in range(3)] == ["01-02-2025", "Aldrig besøgt", "24-11-2025"]
    assert [model.index(r, model.COL_PLANNED).data() for r in range(3)] == ["Ikke planlagt", "Ikke planlagt",
                                                                             "09-01-2027"]
    assert model.index(1, 0).data(model.IdRole) == "id-Kildevang"
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(model.SortRole)
    proxy.sort(model.COL_STATUS)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Egebakken", "Kildevang", "Engbo"]
    proxy.sort(model.COL_DUE)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Egebakken", "Kildevang", "Engbo"]


def test_sample_members_show_replacement_and_reason(qtbot):
    model = SampleMemberModel()
    model.set_rows([member(1, "replaced", reason="ill", note="Feber"), member(2, code="B1"), member(3),
                    member(4, replaces="m1")])
    col = model.COL_STATUS
    assert [model.index(r, col).data() for r in range(4)] == [
        "Erstattet", "Udtrukket", "Udtrukket", "Udtrukket (erstatter nr. 1)"]
    assert model.index(0, model.COL_REASON).data() == "Syg på besøgsdagen – Feber"
    assert [model.index(r, model.COL_CODE).data() for r in range(2)] == ["–", "B1"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed out
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of("m3") == 2


def test_frame_rules_and_exclusions_in_danish():
    d = draw([("kind", "relative"), ("living_in_home_on_visit_date", "true"),
              ("needs_registered_relative", "true"),
              ("registered_force_between", '["2025-12-07", "2026-12-07"]'), ("visit_date", "2026-12-07")],
             [ExclusionDTO("r9", "hospital", "Indlagt på hospital", ""),
              ExclusionDTO("r8", "hospital", "Indlagt på hospital", ""),
              ExclusionDTO("r7", "other", "Anden årsag", "Flytter i morgen")])
    assert frame_rule_lines(d) == [
        "Beboere, der bor på plejecentret på besøgsdagen 07-12-2026.",
        "Kun beboere med registreret magtanvendelse mellem 07-12-2025 og 07-12-2026 "
        "(kun det forhold – ingen episoder vises).",
        "Kun beboere med mindst én registreret pårørende.",
    ]
    assert exclusion_lines(d) == ["2 udeladt: Indlagt på hospital.", "1 udeladt: Anden årsag (Flytter i morgen)."]


def test_verify_text_says_match_or_where_it_differs():
    ok = VerifyResult("d1", "v1", "Bakkegården", "resident", "2011", True, True, ())
    assert verify_text(ok) == ("Stikprøven stemmer: genberegnet fra frø 2011 giver præcis de samme udtrukne. "
                               "Rammen er uændret.")
    moved = VerifyResult("d1", "v1", "Bakkegården", "resident", "2011", True, False, ())
    assert "beboerlisten har ændret sig" in verify_text(moved)
    bad = VerifyResult("d1", "v1", "Bakkegården", "resident", "2011", False, True, ((2, "a", "b"), (3, "c", "d")))
    assert verify_text(bad) == ("Stikprøven stemmer IKKE med en genberegning fra frø 2011: forskel på nr. 2, 3. "
                                "Kontakt systemansvarlig.")
