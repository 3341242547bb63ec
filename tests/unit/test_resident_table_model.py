"""ResidentTableModel without a window: lazy pages, bounded cache, sorting in the service."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from tilsyn.services.dto import ResidentRow
from tilsyn.ui.models.resident_table_model import ResidentTableModel

M = ResidentTableModel


class FakeResidents:
    """Stands in for ResidentService: sorts and filters in Python and counts every call."""

    def __init__(self, n: int) -> None:
        self.people = {
            f"id{i:05d}": ResidentRow(
                id=f"id{i:05d}",
                name=f"Beboer {n - i:05d}",
                cpr_masked=f"{(i % 28) + 1:02d}0150-xxxx",
                care_home="Bakkegården" if i % 2 else "Solgården",
                unit="Afsnit A",
                room=str(i),
                move_in=dt.date(2020, 1, 1) + dt.timedelta(days=i),
                move_out=dt.date(2026, 1, 31) if i == 3 else None,
                moved_out=i == 3,
            )
            for i in range(n)
        }
        self.search_calls: list[dict] = []
        self.rows_calls: list[list[str]] = []

    def search_ids(self, text="", care_home_id=None, sort="name", descending=False, include_moved_out=True):
        self.search_calls.append(
            dict(text=text, care_home_id=care_home_id, sort=sort, descending=descending,
                 include_moved_out=include_moved_out)
        )
        rows = [r for r in self.people.values() if text.lower() in r.name.lower()]
        key = {"name": lambda r: r.name, "move_in": lambda r: r.move_in, "room": lambda r: int(r.room)}.get(
            sort, lambda r: r.name
        )
        return [r.id for r in sorted(rows, key=key, reverse=descending)]

    def rows(self, ids):
        self.rows_calls.append(list(ids))
        return [self.people[i] for i in ids if i in self.people]


def _model(n=1000, **kw) -> tuple[ResidentTableModel, FakeResidents]:
    fake = FakeResidents(n)
    model = ResidentTableModel(fake, **kw)
    model.set_filter()
    return model, fake


def test_row_count_comes_from_the_ids_and_no_row_is_fetched_before_it_is_shown(qapp):
    model, fake = _model(10_000)
    assert model.rowCount() == 10_000
    assert model.columnCount() == 7
    assert fake.rows_calls == []
    assert model.fetched_pages == 0


def test_only_the_page_of_a_shown_row_is_fetched(qapp):
    model, fake = _model(1000, page_size=200)
    model.data(model.index(0, M.COL_NAME))
    model.data(model.index(199, M.COL_CPR))
    assert model.fetched_pages == 1
    assert len(fake.rows_calls[0]) == 200
    model.data(model.index(450, M.COL_NAME))
    assert model.fetched_pages == 2
    assert fake.rows_calls[1][0] == model.resident_id(400)
    assert model.cached_pages() == [0, 2]


def test_the_cache_is_bounded_least_recently_used_first(qapp):
    model, fake = _model(1000, page_size=100, max_cached_pages=3)
    for row in (0, 100, 200):
        model.data(model.index(row, 0))
    model.data(model.index(5, 0))  # page 0 is now the most recently used
    model.data(model.index(300, 0))  # evicts page 1
    assert model.cached_pages() == [2, 0, 3]
    model.data(model.index(150, 0))
    assert model.fetched_pages == 5


def test_display_texts_are_danish_and_the_cpr_is_masked(qapp):
    model, _ = _model(10)
    row = model.row_of("id00003")

    def text(col):
        return model.data(model.index(row, col))

    assert text(M.COL_CPR) == "040150-xxxx"
    assert text(M.COL_MOVE_IN) == "04-01-2020"
    assert text(M.COL_STATUS) == "Fraflyttet 31-01-2026"
    assert model.data(model.index(model.row_of("id00004"), M.COL_STATUS)) == "Bor her"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Navn", "CPR-nr.", "Plejecenter", "Afdeling", "Bolig", "Indflyttet", "Status",
    ]
    assert model.data(model.index(row, M.COL_NAME), M.IdRole) == "id00003"


def test_a_planned_move_out_reads_fraflytter(qapp):
    model, fake = _model(3)
    r = fake.people["id00001"]
    fake.people["id00001"] = ResidentRow(**{**r.__dict__, "move_out": dt.date(2027, 2, 1), "moved_out": False})
    model.reload()
    assert model.data(model.index(model.row_of("id00001"), M.COL_STATUS)) == "Fraflytter 01-02-2027"


def test_sort_asks_the_service_for_the_new_order(qapp):
    model, fake = _model(500, page_size=100)
    model.data(model.index(0, 0))
    model.sort(M.COL_MOVE_IN, Qt.SortOrder.DescendingOrder)
    last = fake.search_calls[-1]
    assert (last["sort"], last["descending"]) == ("move_in", True)
    # Every row takes part, not only the loaded page: the newest move-in of all 500 comes first.
    assert model.resident_id(0) == "id00499"
    assert model.data(model.index(0, M.COL_MOVE_IN), M.SortRole) == dt.date(2020, 1, 1) + dt.timedelta(days=499)
    assert model.cached_pages() == [0]  # the old page was dropped and only row 0 refetched
    assert model.headerData(M.COL_STATUS, Qt.Orientation.Horizontal, M.SortRole) == "move_out"


def test_selected_rows_follow_their_resident_through_a_sort(qapp):
    model, _ = _model(50)
    kept = QPersistentModelIndex(model.index(model.row_of("id00010"), M.COL_NAME))
    model.sort(M.COL_ROOM, Qt.SortOrder.AscendingOrder)
    assert kept.isValid()
    assert kept.row() == 10  # room numbers equal the index
    assert model.resident_id(kept.row()) == "id00010"


def test_filter_is_passed_to_the_service(qapp):
    fake = FakeResidents(20)
    model = ResidentTableModel(fake)
    model.set_filter("  beboer 0001 ", "home-1", include_moved_out=True)
    assert fake.search_calls[-1] == dict(
        text="beboer 0001", care_home_id="home-1", sort="name", descending=False, include_moved_out=True
    )
    assert model.rowCount() == 10


def test_a_row_deleted_meanwhile_shows_empty_instead_of_failing(qapp):
    model, fake = _model(5)
    del fake.people["id00002"]
    assert model.data(model.index(model.row_of("id00002"), M.COL_NAME)) is None
    assert model.data(model.index(model.row_of("id00001"), M.COL_NAME)) == "Beboer 00004"


@pytest.mark.parametrize("bad", [-1, 99])
def test_out_of_range_rows_have_no_data(qapp, bad):
    model, fake = _model(5)
    assert model.data(model.index(bad, 0)) is None
    assert model.resident_id(bad) is None
    assert fake.rows_calls == []
