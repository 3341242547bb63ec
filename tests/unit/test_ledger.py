"""The fold (tilsyn/domain/ledger.py): a record's field-level history against its live row."""

import datetime as dt
import uuid

from hypothesis import given, strategies as st

from tilsyn.domain.ledger import DataFault, compare_table, fold, same

UTC = dt.timezone.utc


def test_create_update_delete_fold_to_the_expected_row():
    history = [("create", {"name": [None, "Karen"], "room": [None, "7"]}, False),
               ("export", {"format": ["pdf"]}, False),  # explicit events are not changes
               ("update", {"name": ["Karen", "Karin"]}, False)]
    state = fold(history)
    assert state.exists and state.fields == {"name": "Karin", "room": "7"} and not state.rest_unknown
    assert fold(history + [("delete", {"name": ["Karin", None]}, False)]).exists is False


def test_a_redacted_history_makes_its_fields_unknown_until_set_again():
    state = fold([("create", None, True), ("update", {"name": ["***", "Anonymiseret beboer"]}, False)])
    assert state.exists and state.rest_unknown and state.fields == {"name": "Anonymiseret beboer"}
    assert fold([("create", None, True)]).exists is None  # an older retention may have deleted it


def test_values_compare_across_their_stored_forms():
    when = dt.datetime(2026, 6, 9, 10, tzinfo=UTC)
    assert same("2026-06-09T12:00:00+02:00", when) and not same("2026-06-09T12:00:00+00:00", when)
    u = uuid.uuid4()
    assert same(str(u), u) and not same(str(uuid.uuid4()), u)
    assert same("2026-06-09", dt.date(2026, 6, 9)) and same("***", "any secret") and not same(None, "")


def _rows(*rows):
    return [(str(r["id"]), r) for r in rows]


def test_compare_table_names_changed_inserted_and_deleted_rows():
    a, b, c = "a" * 8, "b" * 8, "c" * 8
    histories = [(a, [("create", {"id": [None, a], "name": [None, "Karen"]}, False)]),
                 (b, [("create", {"id": [None, b], "name": [None, "Jens"]}, False)])]
    live = _rows({"id": a, "name": "Karin"}, {"id": c, "name": "Ny"})
    faults = list(compare_table("resident", ("id",), histories, live))
    assert faults == [DataFault("resident", a, "name", "changed"), DataFault("resident", b, None, "deleted"),
                      DataFault("resident", c, None, "inserted")]


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]),
                       st.lists(st.text(alphabet="xyz", max_size=3), min_size=1, max_size=4), max_size=5))
def test_a_log_written_from_the_rows_always_folds_back_to_them(values):
    """Whatever sequence of updates a record went through, its log folds to its last values."""
    histories, live = [], []
    for key in sorted(values):
        steps = values[key]
        entries = [("create", {"id": [None, key], "v": [None, steps[0]]}, False)]
        entries += [("update", {"v": [old, new]}, False) for old, new in zip(steps, steps[1:])]
        histories.append((key, entries))
        live.append((key, {"id": key, "v": steps[-1]}))
    assert list(compare_table("t", ("id",), histories, live)) == []
