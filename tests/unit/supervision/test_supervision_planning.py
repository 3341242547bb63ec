"""The planning rule (tilsyn.domain.supervision.planning) and the visit status rules."""

from __future__ import annotations

import datetime as dt

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.supervision import visits as v
from tilsyn.domain.supervision.planning import add_months, next_due

D = dt.date
TODAY = D(2026, 6, 15)


def test_never_visited_is_due_now():
    due = next_due(TODAY, None, None, 2026)
    assert (due.due_on, due.reason, due.status) == (TODAY, "never_visited", "due_now")


def test_good_or_unrated_result_means_at_least_every_second_year():
    for result in ("meget_tilfredsstillende", "tilfredsstillende", "", None):
        due = next_due(TODAY, D(2025, 9, 1), result, 2025)
        assert (due.due_on, due.reason, due.status) == (D(2027, 9, 1), "interval", "ok")


def test_poor_results_bring_the_next_visit_forward():
    less = next_due(TODAY, D(2026, 3, 10), "mindre_tilfredsstillende", 2025)
    assert (less.due_on, less.reason) == (D(2027, 3, 10), "after_poor_result")
    critical = next_due(TODAY, D(2026, 3, 10), "kritisabel", 2025)
    assert (critical.due_on, critical.reason, critical.status) == (D(2026, 9, 10), "after_poor_result", "ok")


def test_overdue_and_due_today():
    assert next_due(TODAY, D(2024, 6, 1), "tilfredsstillende", 2024).status == "overdue"
    assert next_due(TODAY, D(2024, 6, 15), "tilfredsstillende", 2024).status == "due_now"
    assert next_due(TODAY, D(2024, 8, 14), "tilfredsstillende", 2024).status == "due_soon"  # 60 days


def test_first_programme_year_every_home_at_least_once():
    # Last visited before the programme began (2011): due by the end of the first year, 2012.
    due = next_due(D(2012, 2, 1), D(2011, 9, 1), "tilfredsstillende", 2012)
    assert (due.due_on, due.reason, due.status) == (D(2012, 12, 31), "first_year", "ok")
    # Visited in or after the first year: the normal interval.
    assert next_due(D(2013, 2, 1), D(2012, 3, 1), "tilfredsstillende", 2012).due_on == D(2014, 3, 1)
    # The first-year cap never pushes a poor result's date later.
    assert next_due(D(2012, 2, 1), D(2011, 11, 1), "kritisabel", 2012).due_on == D(2012, 5, 1)


def test_add_months_keeps_the_day_or_takes_the_month_end():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 2, 29), 24) == D(2026, 2, 28)
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)


def test_status_order():
    assert [v.STATUS_LABELS[s] for s in v.STATUSES] == [
        "Planlagt", "Gennemført", "Rapportudkast", "I høring", "Endelig", "Opfølgning"]
    v.check_transition(v.PLANNED, v.CONDUCTED)
    v.check_transition(v.CONSULTATION, v.DRAFT)
    with pytest.raises(DomainError) as exc:
        v.check_transition(v.PLANNED, v.FINAL)
    assert exc.value.code == "visit_status" and exc.value.params == {"status": "Planlagt", "target": "Endelig"}
    with pytest.raises(DomainError) as exc:
        v.require_status(v.FINAL, v.WRITING_STATUSES, "findings")
    assert exc.value.code == "visit_locked_findings"


def test_final_after_reply_or_after_the_deadline():
    assert v.can_finalise(True, D(2026, 7, 1), TODAY)
    assert not v.can_finalise(False, D(2026, 7, 1), TODAY)
    assert not v.can_finalise(False, TODAY, TODAY)
    assert v.can_finalise(False, D(2026, 6, 14), TODAY)


def test_respondent_codes_count_up_per_prefix_and_are_never_reused():
    assert v.respondent_code("B", set()) == "B1"
    assert v.respondent_code("B", {"B1", "B2", "P1"}) == "B3"
    assert v.respondent_code("P", {"B1", "B2", "P1"}) == "P2"
    assert v.respondent_code("M", {"M1", "M3"}) == "M4"


# -- issue 13: visit dates on Danish working days inside the programme year ------------------------

from tilsyn.domain.supervision import planning  # noqa: E402
from tilsyn.messages import text_for  # noqa: E402

DK = planning.danish_public_holidays(2026, 2027, 2028)


def test_danish_public_holidays():
    assert planning.easter_sunday(2026) == D(2026, 4, 5) and planning.easter_sunday(2027) == D(2027, 3, 28)
    assert sorted(planning.danish_public_holidays(2027).items()) == [
        (D(2027, 1, 1), "Nytårsdag"), (D(2027, 3, 25), "Skærtorsdag"), (D(2027, 3, 26), "Langfredag"),
        (D(2027, 3, 28), "Påskedag"), (D(2027, 3, 29), "Anden påskedag"), (D(2027, 5, 6), "Kristi himmelfartsdag"),
        (D(2027, 5, 16), "Pinsedag"), (D(2027, 5, 17), "Anden pinsedag"), (D(2027, 12, 25), "Juledag"),
        (D(2027, 12, 26), "Anden juledag")]
    assert D(2023, 5, 5) in planning.danish_public_holidays(2023)  # Store bededag, abolished from 2024
    assert "Store bededag" not in planning.danish_public_holidays(2024).values()


def test_danish_public_holidays_agree_with_the_holidays_package():
    holidays = pytest.importorskip("holidays")
    for year in range(1990, 2101):
        assert planning.danish_public_holidays(year) == dict(holidays.Denmark(years=year, language="da")), year


def test_visit_dates_are_working_days_inside_the_programme_year():
    assert planning.check_visit_date(D(2027, 3, 10), 2027, DK) == D(2027, 3, 10)
    cases = [(D(2027, 1, 1), "visit_date_holiday", "01-01-2027 er en helligdag (Nytårsdag). Tilsynsbesøg "
                                                   "planlægges på hverdage."),
             (D(2027, 3, 27), "visit_date_weekend", None),
             (D(2030, 3, 11), "visit_date_outside_year", "Besøgsdatoen 11-03-2030 ligger uden for "
                                                         "tilsynsprogrammets år (2027)."),
             (D(2026, 12, 1), "visit_date_outside_year", None)]
    for day, code, text in cases:
        with pytest.raises(DomainError) as exc:
            planning.check_visit_date(day, 2027, DK)
        assert (exc.value.code, exc.value.field) == (code, "planned_on")
        if text:
            assert text_for(exc.value) == text
    assert planning.check_visit_date(D(2028, 3, 1), 2027, DK, follow_up=True) == D(2028, 3, 1)
    with pytest.raises(DomainError):
        planning.check_visit_date(D(2029, 3, 1), 2027, DK, follow_up=True)


def test_one_proposed_date_per_home_spread_over_the_year():
    days = planning.propose_visit_dates(2027, 19, DK)
    assert len(days) == len(set(days)) == 19 and days == sorted(days)
    assert all(d.year == 2027 and d.weekday() < 5 and d not in DK for d in days)
    assert days[0] < D(2027, 2, 1) and days[-1] > D(2027, 12, 1)  # spread, not bunched at the start
    # From tomorrow when the year has begun.
    late = planning.propose_visit_dates(2027, 3, DK, today=D(2027, 12, 20))
    assert all(D(2027, 12, 21) <= d <= D(2027, 12, 31) for d in late) and len(set(late)) == 3
    many = planning.propose_visit_dates(2027, 8, DK, today=D(2027, 12, 27))  # 4 working days left
    assert len(many) == 8 and len(set(many)) == 4
    with pytest.raises(DomainError) as exc:
        planning.propose_visit_dates(2027, 1, DK, today=D(2027, 12, 31))
    assert exc.value.code == "no_working_days_left"
    assert planning.propose_visit_dates(2027, 0, DK) == []


def test_one_visit_is_proposed_on_the_next_free_working_day():
    assert planning.propose_visit_date(2027, D(2027, 1, 1), DK) == D(2027, 1, 4)  # holiday, then a weekend
    assert planning.propose_visit_date(2027, D(2027, 1, 4), DK, taken={D(2027, 1, 4)}) == D(2027, 1, 5)
    assert planning.propose_visit_date(2027, D(2026, 6, 1), DK) == D(2027, 1, 4)  # before the year
    assert planning.propose_visit_date(2027, D(2028, 6, 1), DK) == D(2027, 12, 31)  # after it: the last one
    assert planning.propose_visit_date(2027, D(2027, 3, 1), DK, today=D(2027, 5, 1)) == D(2027, 5, 3)
