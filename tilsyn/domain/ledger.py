"""The audit log equals the data: fold the field-level entries of each record and compare.

Every create, update and delete the unit of work makes is logged with its fields
(``{"field": [old, new]}``). Replaying a record's entries in order gives the values its row must
hold now; a row whose values differ, a row without a history, or a history without a row was
changed, inserted or deleted behind the application's back.

What cannot be known is not compared: a redacted entry (retention) hides which fields it set, so
every field of that record is unknown until a later entry sets it again; a secret column is logged
as ``***``. Both streams come sorted by record id, so memory stays flat on any size of log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

HIDDEN = "***"
MUTATIONS = ("create", "update", "delete")


@dataclass(frozen=True)
class DataFault:
    table: str
    record: str
    field: str | None  # None: the whole row
    problem: str  # "changed", "inserted" (a row without history), "deleted" (a history without row)


class OrderBroken(Exception):
    """A stream was not sorted by record id (the caller falls back to sorting in memory)."""


@dataclass
class Expected:
    """What a record's history says about its row. ``exists`` None: unknown (redacted history)."""

    exists: bool | None = False
    fields: dict[str, Any] = field(default_factory=dict)
    rest_unknown: bool = False


def fold(history: Iterable[tuple[str, dict | None, bool]]) -> Expected:
    """Replay (action, changes, redacted) entries of one record, oldest first."""
    state = Expected()
    for action, changes, redacted in history:
        if action not in MUTATIONS:
            continue
        if action == "delete":
            state = Expected(exists=False)
            continue
        if redacted or changes is None:
            # The action is known, the fields are not; if nothing follows, not even whether the
            # row is still there (an older retention deleted rows without an entry of their own).
            state = Expected(exists=None, rest_unknown=True)
            continue
        if action == "create":
            state = Expected(exists=True)
        elif state.exists is not True:
            # An update without a known create: the row existed before its history began.
            state = Expected(exists=True, fields=state.fields, rest_unknown=True)
        try:
            state.fields.update({name: change[1] for name, change in changes.items()})
        except (IndexError, KeyError, TypeError):  # not [old, new] pairs: keep the pairs there are
            state.fields.update({name: change[1] for name, change in changes.items()
                                 if isinstance(change, list) and len(change) == 2})
    return state


def same(expected: Any, live: Any) -> bool:
    """Whether a logged (JSON) value and a live column value are the same value."""
    if isinstance(expected, str) and expected == HIDDEN:
        return True
    if live is None or expected is None:
        return live is None and expected is None
    if isinstance(live, dt.datetime):
        if not isinstance(expected, str):
            return False
        try:
            when = dt.datetime.fromisoformat(expected)
        except ValueError:
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when == live
    if isinstance(live, dt.date):
        return expected == live.isoformat()
    if isinstance(live, uuid.UUID):
        return isinstance(expected, str) and expected.replace("-", "").lower() == live.hex
    return expected == live


def compare_row(table: str, record: str, expected: Expected, live: dict[str, Any] | None,
                skip: frozenset[str]) -> list[DataFault]:
    """Faults between one record's folded history and its live row (None: no row)."""
    if expected.exists is None:
        if live is None:
            return []
        return [DataFault(table, record, name, "changed") for name, value in sorted(expected.fields.items())
                if name in live and name not in skip and not same(value, live[name])]
    if live is None:
        return [DataFault(table, record, None, "deleted")] if expected.exists else []
    if not expected.exists:
        return [DataFault(table, record, None, "inserted")]
    faults = []
    fields = expected.fields
    for name, value in live.items():
        if name in skip:
            continue
        if name in fields:
            logged = fields[name]
            # Most columns are text or numbers: equal as they come (bools: True == 1 is fine).
            if logged != value and not same(logged, value):
                faults.append(DataFault(table, record, name, "changed"))
        elif not expected.rest_unknown and value is not None:
            # Creates leave out None values, so a field never logged must still be empty.
            faults.append(DataFault(table, record, name, "changed"))
    return faults


def _key_of(changes: dict | None, pk: Sequence[str], side: int) -> tuple | None:
    if not isinstance(changes, dict):
        return None
    try:
        return tuple(_norm(changes[c][side]) for c in pk)
    except (KeyError, IndexError, TypeError):
        return None


def _norm(value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    return "" if value is None else str(value)


def fold_group(history: Sequence[tuple[str, dict | None, bool]], pk: Sequence[str]) -> dict[tuple, Expected] | None:
    """Rows of a link table filed under their first key: fold each full key on its own. None when
    the group's history cannot be split by key (redacted), so the group is not compared."""
    out: dict[tuple, list] = {}
    for action, changes, redacted in history:
        if action not in MUTATIONS:
            continue
        if redacted or changes is None:
            return None
        key = _key_of(changes, pk, 0 if action == "delete" else 1)
        if key is None:
            return None
        out.setdefault(key, []).append((action, changes, redacted))
    return {k: fold(v) for k, v in out.items()}


def _ordered(stream: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    last = None
    for key, value in stream:
        if last is not None and key < last:
            raise OrderBroken(key)
        last = key
        yield key, value


def _grouped(rows: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, list]]:
    current, bucket = None, []
    for key, value in rows:
        if key != current and bucket:
            yield current, bucket
            bucket = []
        current = key
        bucket.append(value)
    if bucket:
        yield current, bucket


def compare_table(
    table: str,
    pk: Sequence[str],
    histories: Iterable[tuple[str, list[tuple[str, dict | None, bool]]]],
    rows: Iterable[tuple[str, dict[str, Any]]],
    skip: frozenset[str] = frozenset(),
) -> Iterator[DataFault]:
    """Merge a table's record histories and its live rows, both sorted by (first) key.

    ``histories``: (record id, [(action, changes, redacted), ...]); ``rows``: (first key, row).
    Raises OrderBroken when a stream is not sorted."""
    composite = len(pk) > 1
    hist_iter = iter(_ordered(histories))
    row_iter = iter(_grouped(_ordered(rows)))
    h = next(hist_iter, None)
    r = next(row_iter, None)
    while h is not None or r is not None:
        if r is None or (h is not None and h[0] < r[0]):
            key, history, live_rows = h[0], h[1], []
            h = next(hist_iter, None)
        elif h is None or r[0] < h[0]:
            key, history, live_rows = r[0], [], r[1]
            r = next(row_iter, None)
        else:
            key, history, live_rows = h[0], h[1], r[1]
            h, r = next(hist_iter, None), next(row_iter, None)
        if not composite:
            yield from compare_row(table, key, fold(history), live_rows[0] if live_rows else None, skip)
            continue
        expected = fold_group(history, pk)
        if expected is None:
            continue
        live_by_key = {tuple(_norm(row[c]) for c in pk): row for row in live_rows}
        for full in sorted(set(expected) | set(live_by_key)):
            record = "/".join(full)
            yield from compare_row(table, record, expected.get(full, Expected()), live_by_key.get(full), skip)
