"""Dates, clock times and an episode's moments: nothing guessed (issue 12, point 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tilsyn import messages
from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.times import (
    COPENHAGEN,
    UTC,
    ends_next_day,
    episode_times,
    local_moment,
    parse_date,
    parse_time,
    wall_clock_occurrences,
)

T = dt.time
D = dt.date
# Summer time 2026: clocks go forward on Sunday 29 March at 02.00, back on Sunday 25 October at 03.00.
SPRING = D(2026, 3, 29)
AUTUMN = D(2026, 10, 25)


def codes(exc: ValidationError) -> list[tuple[str | None, str]]:
    return [(e.field, e.code) for e in exc.errors]


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


# -- dates ------------------------------------------------------------------------------------------

def test_a_date_that_does_not_exist_is_said_so_not_called_a_wrong_shape():
    with pytest.raises(DomainError) as exc:
        parse_date("31-11-2026", "started_at")
    assert exc.value.code == "date_day_not_exist" and exc.value.field == "started_at"
    text = messages.text_for(exc.value)
    assert "31-11-2026 findes ikke" in text
    assert text == "Datoen 31-11-2026 findes ikke: november 2026 har kun 30 dage."
    assert messages.text_for(_err(lambda: parse_date("29-02-2027"))) == (
        "Datoen 29-02-2027 findes ikke: februar 2027 har kun 28 dage.")
    assert parse_date("29-02-2028") == D(2028, 2, 29)


@pytest.mark.parametrize("text", ["00-11-2026", "12-13-2026", "12-00-2026", "32-01-2026", "01-01-0000"])
def test_impossible_day_or_month_is_a_date_that_does_not_exist(text):
    err = _err(lambda: parse_date(text))
    assert err.code == "date_not_exist"
    assert messages.text_for(err) == f"Datoen {text} findes ikke (dag 01-31, måned 01-12)."


@pytest.mark.parametrize("text", ["31-11", "31/11-2026", "i går", "2026.11.30", "1-1-26", "31-11-2026 14.00"])
def test_a_wrong_shape_is_a_wrong_shape(text):
    err = _err(lambda: parse_date(text))
    assert err.code == "date_format"
    assert "skal skrives som DD-MM-ÅÅÅÅ" in messages.text_for(err)


def test_the_shapes_people_type():
    assert parse_date(" 5.3.2026 ") == D(2026, 3, 5)
    assert parse_date("05/03/2026") == D(2026, 3, 5)
    assert parse_date("2026-03-05") == D(2026, 3, 5)
    assert parse_date("") is None and parse_date("  ") is None


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)), st.sampled_from(["-", ".", "/"]))
def test_every_real_date_reads_back(day, sep):
    assert parse_date(f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year:04d}") == day
    assert parse_date(f"{day.day}{sep}{day.month}{sep}{day.year:04d}") == day
    assert parse_date(messages.format_date(day)) == day


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 31))
def test_past_the_end_of_the_month_is_never_a_format_error(year, month, day):
    text = f"{day:02d}-{month:02d}-{year:04d}"
    try:
        assert parse_date(text) == D(year, month, day)
    except DomainError as exc:
        assert exc.code == "date_day_not_exist"
        assert messages.text_for(exc).startswith(f"Datoen {text} findes ikke: ")


@given(st.text(max_size=20))
def test_any_text_is_a_date_none_or_a_known_refusal(text):
    try:
        parse_date(text)
    except DomainError as exc:
        assert exc.code in ("date_format", "date_not_exist", "date_day_not_exist")
        assert "{" not in messages.text_for(exc)


# -- clock times -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [("23.10", T(23, 10)), ("23:10", T(23, 10)), ("2310", T(23, 10)),
                                             ("9.05", T(9, 5)), ("23", T(23, 0)), ("0", T(0, 0)), ("", None)])
def test_clock_times(text, expected):
    assert parse_time(text) == expected


@given(st.text(max_size=8))
def test_any_text_is_a_time_none_or_time_format(text):
    try:
        parse_time(text)
    except DomainError as exc:
        assert exc.code == "time_format"


# -- the episode's moments ---------------------------------------------------------------------------

def test_an_end_before_the_start_is_not_guessed_as_the_next_day():
    with pytest.raises(ValidationError) as exc:
        episode_times(D(2026, 11, 30), T(14, 0), T(13, 0))
    assert codes(exc.value) == [("ended_at", "end_before_start_same_day")]
    assert messages.text_for(exc.value) == (
        "Sluttidspunktet 13.00 ligger før starttidspunktet 14.00. Sluttede magtanvendelsen næste dag "
        "(01-12-2026), så sæt flueben i »Sluttede næste dag«; ellers ret klokkeslættet.")


def test_ended_the_next_day_when_the_user_says_so():
    times = episode_times(D(2026, 11, 30), T(23, 10), T(0, 20), ended_next_day=True)
    assert times.started_at == utc(2026, 11, 30, 22, 10)
    assert times.ended_at == utc(2026, 11, 30, 23, 20)
    assert ends_next_day(times.started_at, times.ended_at)
    assert messages.format_episode_period(times.started_at, times.ended_at) == (
        "30-11-2026 kl. 23.10 – 01-12-2026 kl. 00.20")


def test_same_day_and_open_end():
    times = episode_times(D(2026, 11, 30), T(14, 0), T(14, 20))
    assert (times.started_at, times.ended_at) == (utc(2026, 11, 30, 13, 0), utc(2026, 11, 30, 13, 20))
    assert not ends_next_day(times.started_at, times.ended_at)
    assert messages.format_episode_period(times.started_at, times.ended_at) == "30-11-2026 kl. 14.00–14.20"
    assert episode_times(D(2026, 11, 30), T(14, 0), None).ended_at is None
    assert episode_times(D(2026, 11, 30), T(14, 0), T(14, 0)).ended_at == utc(2026, 11, 30, 13, 0)
    assert episode_times(None, T(14, 0), T(15, 0)) is None
    assert episode_times(D(2026, 11, 30), None, T(15, 0)) is None


def test_the_next_day_may_be_ticked_for_an_end_after_the_start_time():
    # Explicit: 14.00 to 15.00 the next day is 25 hours. Nothing is second-guessed.
    times = episode_times(D(2026, 11, 30), T(14, 0), T(15, 0), ended_next_day=True)
    assert times.ended_at - times.started_at == dt.timedelta(hours=25)


def test_in_the_future_has_its_own_message_for_start_and_end():
    now = dt.datetime(2026, 11, 30, 15, 0, tzinfo=COPENHAGEN)
    with pytest.raises(ValidationError) as exc:
        episode_times(D(2026, 11, 30), T(14, 0), T(13, 0), ended_next_day=True, now=now)
    assert codes(exc.value) == [("ended_at", "end_in_future")]
    assert messages.text_for(exc.value) == (
        "Sluttidspunktet 01-12-2026 kl. 13.00 ligger i fremtiden (klokken er nu 15.00). "
        "Ret sluttidspunktet, eller lad det stå tomt.")
    with pytest.raises(ValidationError) as exc:
        episode_times(D(2026, 11, 30), T(16, 0), T(17, 0), now=now)
    assert codes(exc.value) == [("started_at", "start_in_future")]  # once, for the start
    assert messages.text_for(exc.value).startswith("Starttidspunktet 30-11-2026 kl. 16.00 ligger i fremtiden")
    # The slip of the issue on today's date: the question, not »in the future«.
    with pytest.raises(ValidationError) as exc:
        episode_times(D(2026, 11, 30), T(14, 0), T(13, 0), now=now)
    assert codes(exc.value) == [("ended_at", "end_before_start_same_day")]
    assert episode_times(D(2026, 11, 30), T(14, 0), T(15, 0), now=now).ended_at == utc(2026, 11, 30, 14, 0)


# -- across the changes of summer time (last Sunday of March and of October 2026) -----------------

def test_a_night_across_the_spring_change_is_an_hour_shorter():
    times = episode_times(SPRING - dt.timedelta(days=1), T(23, 30), T(3, 30), ended_next_day=True)
    assert times.started_at == utc(2026, 3, 28, 22, 30)  # CET, +01:00
    assert times.ended_at == utc(2026, 3, 29, 1, 30)  # CEST, +02:00
    assert times.ended_at - times.started_at == dt.timedelta(hours=3)
    assert messages.format_episode_period(times.started_at, times.ended_at) == (
        "28-03-2026 kl. 23.30 – 29-03-2026 kl. 03.30")
    # 01.50 to 03.05 that night: 15 minutes on the clock's terms.
    t = episode_times(SPRING, T(1, 50), T(3, 5))
    assert t.ended_at - t.started_at == dt.timedelta(minutes=15)


def test_a_night_across_the_autumn_change_is_an_hour_longer():
    times = episode_times(AUTUMN - dt.timedelta(days=1), T(23, 30), T(3, 30), ended_next_day=True)
    assert times.started_at == utc(2026, 10, 24, 21, 30)  # CEST
    assert times.ended_at == utc(2026, 10, 25, 2, 30)  # CET
    assert times.ended_at - times.started_at == dt.timedelta(hours=5)


@pytest.mark.parametrize("start, end, field", [(T(2, 30), T(3, 15), "started_at"), (T(1, 30), T(2, 15), "ended_at")])
def test_the_skipped_spring_hour_is_refused_with_its_own_message(start, end, field):
    with pytest.raises(ValidationError) as exc:
        episode_times(SPRING, start, end)
    assert codes(exc.value) == [(field, "time_not_exist")]
    bad = start if field == "started_at" else end
    assert messages.text_for(exc.value) == (
        f"Klokkeslættet {bad:%H.%M} findes ikke den 29-03-2026: natten til sommertid blev uret stillet frem "
        "fra 02.00 til 03.00. Skriv klokkeslættet, som uret viste.")


def test_a_next_day_end_in_the_skipped_hour_is_refused():
    with pytest.raises(ValidationError) as exc:
        episode_times(SPRING - dt.timedelta(days=1), T(23, 0), T(2, 15), ended_next_day=True)
    assert codes(exc.value) == [("ended_at", "time_not_exist")]
    assert "den 29-03-2026" in messages.text_for(exc.value)


def test_the_doubled_autumn_hour_has_a_defined_reading():
    assert [m.utcoffset() for m in wall_clock_occurrences(AUTUMN, T(2, 30))] == [
        dt.timedelta(hours=2), dt.timedelta(hours=1)]
    # Start: the first 02.30 (summer time).
    assert local_moment(AUTUMN, T(2, 30)) == utc(2026, 10, 25, 0, 30)
    # End: the first time the clock showed it at or after the start.
    t = episode_times(AUTUMN, T(1, 50), T(2, 20))
    assert t.ended_at - t.started_at == dt.timedelta(minutes=30)
    t = episode_times(AUTUMN, T(2, 40), T(2, 10))  # across the change: 02.40 summer to 02.10 winter
    assert (t.started_at, t.ended_at) == (utc(2026, 10, 25, 0, 40), utc(2026, 10, 25, 1, 10))
    t = episode_times(AUTUMN, T(2, 30), T(2, 30))
    assert t.ended_at == t.started_at
    # An end before the start that is not the doubled hour is still a question.
    with pytest.raises(ValidationError) as exc:
        episode_times(AUTUMN, T(2, 40), T(1, 10))
    assert codes(exc.value) == [("ended_at", "end_before_start_same_day")]


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)), st.times(), st.times(), st.booleans())
def test_moments_are_never_guessed(day, start, end, next_day):
    start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    try:
        times = episode_times(day, start, end, next_day)
    except ValidationError as exc:
        assert {e.code for e in exc.errors} <= {"time_not_exist", "end_before_start_same_day"}
        return
    assert times.ended_at >= times.started_at
    local_start, local_end = times.started_at.astimezone(COPENHAGEN), times.ended_at.astimezone(COPENHAGEN)
    # What was typed is what is stored, on the day the user said.
    assert (local_start.date(), local_start.time()) == (day, start)
    assert (local_end.date(), local_end.time()) == (day + dt.timedelta(days=int(next_day)), end)
    assert ends_next_day(times.started_at, times.ended_at) == next_day


def _err(fn) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn()
    return exc.value


def _episode(started, ended):
    from tilsyn.services.force_dto import EpisodeDTO

    return EpisodeDTO("e1", "f1", "r1", "2024", "127_retention", "Tilbageholdelse", "§ 127", "", "",
                      started, ended, "Stuen", "", "Ville gå", "", "", "", (), started, False, "")


def test_the_form_pdf_prints_the_end_date_of_a_night_episode():
    from tilsyn.services import exports

    night = episode_times(D(2026, 11, 30), T(23, 10), T(0, 20), ended_next_day=True)
    day = episode_times(D(2026, 11, 30), T(14, 0), T(14, 20))
    (part,) = exports._days((_episode(night.started_at, night.ended_at), _episode(day.started_at, day.ended_at)))
    assert [u.times for u in part.uses] == ["kl. 14.00–14.20", "kl. 23.10 – 01-12-2026 kl. 00.20"]
    assert exports._when(_episode(night.started_at, night.ended_at)) == "30-11-2026 kl. 23.10 – 01-12-2026 kl. 00.20"
