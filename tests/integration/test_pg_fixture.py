"""The shared database fixtures work on both backends: a fresh, migrated database per test."""

from sqlalchemy import inspect, text


def test_engine_is_migrated_and_answers(engine, db_url):
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    assert engine.dialect.name == ("sqlite" if db_url.startswith("sqlite") else "postgresql")
    assert "alembic_version" in inspect(engine).get_table_names()


def test_each_test_gets_an_empty_database(db_url):
    from tilsyn.store.db import make_engine

    eng = make_engine(db_url)
    try:
        assert inspect(eng).get_table_names() == []
    finally:
        eng.dispose()
