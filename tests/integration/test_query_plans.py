"""The hot statements of the screens use the index meant for them (issue 14), on SQLite and PostgreSQL.

The statements are captured while the real services answer (before_cursor_execute), then the
planner is asked how it would run each: SQLite's EXPLAIN QUERY PLAN on a database without
statistics (the app never runs ANALYZE), PostgreSQL's EXPLAIN after ANALYZE (autovacuum's
statistics) with sequential scans disabled (on a small table the planner would rightly scan). Each test also drops its index and sees the
plan change, so it would fail without the index. Timings are for benchmarks/queries.py.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from sqlalchemy import event, insert

from tilsyn.domain.roles import Actor, Role
from tilsyn.services.app import close_app, open_app
from tilsyn.services.force import ForceService
from tilsyn.services.supervision.service import SupervisionService
from tilsyn.store.models import CareHome, Municipality, Permit, PermitForceType, Resident
from tilsyn.store.models_force import Episode, ForceForm, ReopenRequest
from tilsyn.store.models_supervision import SupervisionProgramme, Visit

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=UTC)


def _fill(engine) -> uuid.UUID:
    """Two homes, residents with permits, three years of forms and episodes (some late), a visit a
    year per home and a few reopen requests; returns the first home's id."""
    stamp = dict(created_at=NOW, updated_at=NOW)
    muni, homes = uuid.uuid4(), [uuid.uuid4(), uuid.uuid4()]
    rows: dict = {t: [] for t in (Municipality, CareHome, Resident, Permit, PermitForceType, ForceForm, Episode,
                                  ReopenRequest, SupervisionProgramme, Visit)}
    rows[Municipality].append(dict(id=muni, name="Planlægning", code="", **stamp))
    for n, h in enumerate(homes):
        rows[CareHome].append(dict(id=h, municipality_id=muni, name=f"Hjem {n}", kind="municipal", address="",
                                   postal_code="", city="", **stamp))
    for i in range(12):
        rid, home, pid = uuid.uuid4(), homes[i % 2], uuid.uuid4()
        rows[Resident].append(dict(id=rid, cpr=f"0101{40 + i:02d}{1000 + i:04d}", name=f"Beboer {i:02d}", address="",
                                   postal_code="", city="", care_home_id=home, unit_id=None, room="",
                                   move_in=dt.date(2020, 1, 1), move_out=None, acting_municipality="",
                                   residence_municipality="", contact_person="", **stamp))
        rows[Permit].append(dict(id=pid, resident_id=rid, prerequisites="x", valid_from=dt.date(2024, 1, 1),
                                 valid_to=dt.date(2026, 12, 1 + i), decision_reference="", catalogue_version="2010",
                                 **stamp))
        rows[PermitForceType].append(dict(permit_id=pid, type_code="125_alarm"))
        for year in (2024, 2025, 2026):
            for month in range(1, 13):
                if (year, month) > (2026, 11):
                    continue
                fid = uuid.uuid4()
                sent = dt.datetime(year, month, 28, tzinfo=UTC) if (year, month) < (2026, 10) else None
                rows[ForceForm].append(dict(id=fid, kind="monthly", resident_id=rid, care_home_id=home, year=year,
                                            month=month, template_version="vejle-2011", catalogue_version="2010",
                                            not_covered_reason="", sent_at=sent, processed_at=sent, **stamp))
                for k in range(2):
                    t = dt.datetime(year, month, 3 + k, 10, tzinfo=UTC)
                    rows[Episode].append(dict(id=uuid.uuid4(), resident_id=rid, form_id=fid, catalogue_version="2010",
                                              force_type="125_alarm", situation="", started_at=t, ended_at=None,
                                              description="x", registered_at=t, late=(k + month) % 7 == 0,
                                              late_reason="", **stamp))
                if month == 2:
                    rows[ReopenRequest].append(dict(
                        id=uuid.uuid4(), form_id=fid, care_home_id=home, state="refused",
                        requested_at=dt.datetime(year, 3, 1, tzinfo=UTC), requested_by=None, requested_by_name="x",
                        reason="x", episode="{}", decided_at=dt.datetime(year, 3, 2, tzinfo=UTC), **stamp))
    for year in (2024, 2025, 2026, 2027):
        pid = uuid.uuid4()
        rows[SupervisionProgramme].append(dict(id=pid, year=year, title="", **stamp))
        for h in homes:
            held = year < 2027
            rows[Visit].append(dict(id=uuid.uuid4(), programme_id=pid, care_home_id=h,
                                    planned_on=dt.date(year, 3, 1), conducted_on=dt.date(year, 3, 1) if held else None,
                                    status="final" if held else "planned",
                                    result="tilfredsstillende" if held else "", **stamp))
    with engine.begin() as conn:
        for table, items in rows.items():
            if items:
                conn.execute(insert(table), items)
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE")  # as autovacuum does on a live database
    return homes[0]


@pytest.fixture
def world(db_url):
    opened = open_app(db_url, clock=lambda: NOW, actor=Actor("cw", "cw", "Sagsbehandler", Role.CASEWORKER))
    engine = opened.context.extras["engine"]
    home = _fill(engine)
    consultant = open_app(db_url, clock=lambda: NOW, actor=Actor("c", "c", "Konsulent", Role.CONSULTANT))
    try:
        # One engine for the captures and the plans: the consultant's services run on it too.
        consultant.context.uow_factory = opened.context.uow_factory
        yield engine, ForceService(opened.context), SupervisionService(consultant.context), str(home)
    finally:
        close_app(consultant.context)
        close_app(opened.context)


def captured(engines, fn) -> list[tuple[str, object]]:
    """Every (statement, parameters) ``fn`` sends to the database."""
    seen: list[tuple[str, object]] = []

    def before(conn, cursor, statement, params, context, executemany):
        seen.append((statement, params))

    for e in engines:
        event.listen(e, "before_cursor_execute", before)
    try:
        fn()
    finally:
        for e in engines:
            event.remove(e, "before_cursor_execute", before)
    return seen


def the_statement(seen, *patterns: str) -> tuple[str, object]:
    hits = [(s, p) for s, p in seen if all(re.search(x, " ".join(s.split()), re.I) for x in patterns)]
    assert len(hits) == 1, (patterns, [s[:200] for s, _ in seen])
    return hits[0]


def plan(engine, statement: str, params) -> str:
    """The planner's plan for ``statement`` as one text."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
            rows = conn.exec_driver_sql("EXPLAIN " + statement, params).all()
            return "\n".join(r[0] for r in rows)
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
        return "\n".join(r[-1] for r in rows)


def uses(engine, statement, params, index: str) -> bool:
    return re.search(rf"\b{index}\b", plan(engine, statement, params)) is not None


def drop(engine, index: str) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP INDEX {index}")
    engine.dispose()  # new connections: sqlite3 keeps a prepared EXPLAIN across a schema change


def _check(engine, statement, params, index: str) -> None:
    assert uses(engine, statement, params, index), plan(engine, statement, params)
    drop(engine, index)
    assert not uses(engine, statement, params, index)  # the test sees the index, not its name by chance


def test_month_overview_counts_late_episodes_by_form_not_through_every_late_episode(world):
    engine, force, _, home = world
    seen = captured([engine], lambda: force.month_overview(home, 2026, 10))
    statement, params = the_statement(seen, r"FROM episode WHERE episode\.form_id IN", r"episode\.late IS")
    assert "ix_episode_late" not in plan(engine, statement, params)
    _check(engine, statement, params, "ix_episode_form_late")


def test_planning_list_reads_each_homes_latest_visit_by_index(world):
    engine, _, supervision, _ = world
    seen = captured([engine], lambda: supervision.planning_overview(NOW.date()))
    statement, params = the_statement(seen, r"FROM supervision_visit", r"JOIN care_home", r"LIMIT")
    _check(engine, statement, params, "ix_supervision_visit_home_conducted")


def test_planning_list_reads_the_planned_visits_by_index(world):
    engine, _, supervision, _ = world
    seen = captured([engine], lambda: supervision.planning_overview(NOW.date()))
    statement, params = the_statement(seen, r"FROM supervision_visit WHERE supervision_visit\.status = ")
    _check(engine, statement, params, "ix_supervision_visit_status_planned")


def test_dashboard_reads_open_reopen_requests_by_state(world):
    engine, force, _, _ = world
    seen = captured([engine], force.dashboard)
    statement, params = the_statement(seen, r"FROM force_reopen_request JOIN force_form")
    _check(engine, statement, params, "ix_force_reopen_request_state")


def test_dashboard_reads_only_the_unsent_forms(world):
    engine, force, _, _ = world
    seen = captured([engine], force.dashboard)
    statement, params = the_statement(seen, r"FROM force_form JOIN resident", r"force_form\.sent_at IS NULL")
    _check(engine, statement, params, "ix_force_form_unsent")


def test_inbox_reads_only_the_unprocessed_forms(world):
    engine, force, _, _ = world
    seen = captured([engine], force.inbox)
    statement, params = the_statement(seen, r"FROM force_form JOIN resident", r"processed_at IS NULL")
    _check(engine, statement, params, "ix_force_form_unprocessed")


def _inbox_statement(engine, force):
    seen = captured([engine], force.inbox)
    return the_statement(seen, r"FROM force_form JOIN resident", r"processed_at IS NULL")


def test_inbox_reads_the_sent_and_the_reopened_forms_as_ranges_of_their_indexes(world):
    """Both halves of the inbox's condition (sent and unprocessed; reopened and not sent again) are
    read from two-column indexes (0013), not by reading every unsent form of the running month."""
    engine, force, _, _ = world
    statement, params = _inbox_statement(engine, force)
    text = plan(engine, statement, params)
    if engine.dialect.name == "sqlite":
        assert re.search(r"ix_force_form_unprocessed \(processed_at=\? AND sent_at>\?\)", text), text
        assert re.search(r"ix_force_form_unsent \(sent_at=\? AND reopened_at>\?\)", text), text
    else:
        assert re.search(r"ix_force_form_unprocessed\b.*\n\s+Index Cond: \(\(processed_at IS NULL\) AND "
                         r"\(sent_at IS NOT NULL\)\)", text), text
        assert re.search(r"ix_force_form_unsent\b.*\n\s+Index Cond: \(\(sent_at IS NULL\) AND "
                         r"\(reopened_at IS NOT NULL\)\)", text), text
    _check(engine, statement, params, "ix_force_form_unsent")


def test_lists_read_each_forms_signed_sections_from_the_signature_index(world):
    """The inbox's and the dashboard's valid signed sections per form come from the signature
    index alone on SQLite (0013: voided_at and section are in it), not from the signature rows."""
    engine, force, _, _ = world
    for statement, params in (_inbox_statement(engine, force), the_statement(
            captured([engine], force.dashboard), r"FROM force_form JOIN resident", r"force_form\.sent_at IS NULL")):
        text = plan(engine, statement, params)
        assert re.search(r"FROM signature", statement) and re.search(r"\bix_signature_entity\b", text), text
        if engine.dialect.name == "sqlite":
            assert "USING COVERING INDEX ix_signature_entity" in text, text
    _check(engine, statement, params, "ix_signature_entity")
