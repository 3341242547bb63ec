"""The data folder is 0700 and the database, its WAL/SHM and migration backups 0600 (issue 9, point 6);
database_exists never creates a file (point 7)."""

from __future__ import annotations

import os
import stat

import pytest

from tilsyn.domain.people import CareHomeInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.care_homes import CareHomeService
from tilsyn.store import db
from tilsyn.store.db import database_exists, make_engine
from tilsyn.store.migrate import alembic_config, upgrade

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def ordinary_umask():
    """The usual desktop umask, under which files used to come out 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_is_private_from_the_start(tmp_path):
    path = tmp_path / "data" / "Tilsyn" / "tilsyn.sqlite"
    opened = open_app(str(path))
    try:
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        CareHomeService(opened.context).set_up_municipality("Vejle Kommune", [CareHomeInput("Bakkegården")])
        wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
        assert wal.exists() and shm.exists()
        assert mode(wal) == 0o600 and mode(shm) == 0o600
    finally:
        close_app(opened.context)


def test_an_existing_loose_database_and_the_default_data_folder_are_tightened(tmp_path, monkeypatch):
    folder = tmp_path / "Tilsyn"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / "tilsyn.sqlite"
    monkeypatch.setattr(db, "default_db_path", lambda: path)
    monkeypatch.delenv(db.ENV_VAR, raising=False)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, backup=False)
    engine.dispose()
    for p in folder.iterdir():
        os.chmod(p, 0o644)  # as an older version left them
    opened = open_app(None)  # the default database
    try:
        assert opened.file == path
        assert mode(folder) == 0o700
        assert all(mode(p) == 0o600 for p in folder.iterdir()), {p.name: oct(mode(p)) for p in folder.iterdir()}
    finally:
        close_app(opened.context)


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path):
    os.chmod(tmp_path, 0o755)
    engine = make_engine(f"sqlite:///{tmp_path / 'tilsyn.sqlite'}")
    engine.dispose()
    assert mode(tmp_path) == 0o755 and mode(tmp_path / "tilsyn.sqlite") == 0o600


def test_the_migration_backup_is_private(tmp_path):
    from alembic.script import ScriptDirectory

    first = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())[-1].revision
    path = tmp_path / "tilsyn.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, first, backup=False)
    engine.dispose()
    os.chmod(path, 0o644)
    opened = open_app(str(path))
    try:
        assert opened.backup is not None and opened.backup.name.startswith(f"tilsyn.backup-{first}-")
        assert mode(opened.backup) == 0o600
    finally:
        close_app(opened.context)


def test_database_exists_never_creates_the_file(tmp_path):
    missing = tmp_path / "typo" / "tilsyn.sqllite"
    assert not database_exists(str(missing))
    assert not database_exists(f"sqlite:///{missing}")
    assert not missing.exists() and not missing.parent.exists()
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert not database_exists(str(empty))  # a zero-byte file holds no database
    opened = open_app(str(tmp_path / "tilsyn.sqlite"))
    close_app(opened.context)
    assert database_exists(str(tmp_path / "tilsyn.sqlite"))
    assert database_exists("postgresql+psycopg://tilsyn@/tilsyn?host=/nowhere")
    assert database_exists("sqlite://")  # in memory
