"""Progress and cancel for a pack or an unpack (plain callables: no Qt below tilsyn/ui).

A caller passes ``Progress(report, is_cancelled, committing)`` to ``files.pack_file`` /
``unpack_file`` / ``apply``:

- ``report(done, total, stage)``: ``done`` of ``total`` (``total`` is fixed; ``done`` only goes
  up and ends at ``total``), with a Danish line saying what happens now ("Samler beboere …").
- ``is_cancelled()``: asked after every stage, between payload kinds, tables and rows; True stops
  the work with ``ExchangeCancelled`` and nothing is written (the unit of work rolls back, a pack
  removes the file it wrote).
- ``committing()``: called once at the point of no return, just before the commit ("Gemmer …");
  from then on ``is_cancelled`` is not asked, so a cancel can no longer be offered.

Inside, a ``Span`` is a part of the course; a payload kind's collector or applier that takes a
``progress`` keyword gets one (``progress.step(stage, done, total)``), see registry.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

from ...domain.errors import DomainError

TOTAL = 1000  # the course in steps: fine enough for a bar, few enough reports


class ExchangeCancelled(DomainError):
    """The user cancelled a pack (``exchange_pack_cancelled``) or an unpack
    (``exchange_unpack_cancelled``) before the commit: nothing was written."""


@dataclass(frozen=True)
class Progress:
    report: Callable[[int, int, str], None] | None = None
    is_cancelled: Callable[[], bool] | None = None
    committing: Callable[[], None] | None = None


class _Course:
    """The shared state of one pack or unpack: where it stands, and whether it may still stop."""

    def __init__(self, progress: Progress | None, cancel_code: str) -> None:
        self.progress = progress or Progress()
        self.code = cancel_code
        self.done = -1
        self.stage = ""
        self.final = False

    def check(self) -> None:
        asked = self.progress.is_cancelled
        if not self.final and asked is not None and asked():
            raise ExchangeCancelled(self.code)

    def report(self, done: int, stage: str) -> None:
        done = max(self.done, min(TOTAL, done))
        if (done, stage) != (self.done, self.stage):
            self.done, self.stage = done, stage
            if self.progress.report is not None:
                self.progress.report(done, TOTAL, stage)


class Span:
    """A part [lo, hi] of a course. ``step`` reports and then stops the work if it was cancelled."""

    def __init__(self, course: _Course, lo: float = 0.0, hi: float = float(TOTAL)) -> None:
        self._course, self.lo, self.hi = course, lo, hi

    def _at(self, done: float, total: float) -> int:
        fraction = min(1.0, max(0.0, done / total)) if total else 1.0
        return int(self.lo + (self.hi - self.lo) * fraction)

    def step(self, stage: str | None, done: float = 0, total: float = 1) -> None:
        """Now at ``done`` of ``total`` of this part, doing ``stage`` (None: still the last one);
        raises ExchangeCancelled if the user cancelled (cheap: call it once per row if need be,
        reports are sent on change only)."""
        self._course.report(self._at(done, total), self._course.stage if stage is None else stage)
        self._course.check()

    def check(self) -> None:
        self._course.check()

    def sub(self, done: float, until: float, total: float = 100) -> Span:
        """The part from ``done`` to ``until`` of ``total`` of this one."""
        return Span(self._course, self._at(done, total), self._at(until, total))

    def part(self, i: int, n: int) -> Span:
        """The ``i``-th of ``n`` equal parts of this one."""
        return self.sub(i, i + 1, n)

    def commit(self, stage: str = "Gemmer …", done: float = 97, total: float = 100) -> None:
        """The last chance to stop; then the point of no return: no more cancel checks."""
        self._course.check()
        self._course.final = True
        if self._course.progress.committing is not None:
            self._course.progress.committing()
        self._course.report(self._at(done, total), stage)

    def finish(self, stage: str) -> None:
        """Done: the end of this part (the whole course: ``total`` of ``total``)."""
        self._course.report(int(self.hi), stage)


def course(progress: Progress | Span | None, cancel_code: str) -> Span:
    """The whole course for ``progress`` (a Span is taken as it is: part of a larger course)."""
    if isinstance(progress, Span):
        return progress
    return Span(_Course(progress, cancel_code))


def quiet() -> Span:
    """A span that reports nothing and is never cancelled (a kind called without progress)."""
    return Span(_Course(None, "exchange_cancelled"))


def takes_progress(fn: Callable[..., Any]) -> bool:
    """Whether ``fn`` accepts a ``progress`` keyword (kinds and handlers written before it did not)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "progress" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def call(fn: Callable[..., Any], *args: Any, progress: Span) -> Any:
    """``fn(*args, progress=progress)``, or ``fn(*args)`` if it takes no progress."""
    return fn(*args, progress=progress) if takes_progress(fn) else fn(*args)


# What a table's rows are called in a stage ("Samler beboere …", "Indlæser månedsskemaer …").
TABLE_STAGE_WORDS = {
    "municipality": "kommuner",
    "care_home": "plejecentre",
    "unit": "afdelinger",
    "user_account": "brugere",
    "user_care_home": "brugernes plejecentre",
    "resident": "beboere",
    "relative": "pårørende",
    "permit": "tilladelser",
    "permit_force_type": "tilladelsernes typer af magtanvendelse",
    "force_form": "månedsskemaer",
    "episode": "magtanvendelser",
    "episode_staff": "medarbejdere ved magtanvendelserne",
    "signature": "underskrifter",
    "installed_definition": "protokoller og skalaer",
    "supervision_programme": "tilsynsprogrammer",
    "supervision_visit": "tilsynsbesøg",
    "visit_consultant": "besøgenes konsulenter",
    "sample_draw": "stikprøver",
    "sample_member": "udtrukne i stikprøverne",
    "interview": "interview",
    "interview_answer": "interviewsvar",
    "goal_finding": "fund",
    "visit_statement": "konklusioner",
    "action_item": "handleplanspunkter",
    "action_item_comment": "kommentarer til handleplanerne",
    "consultation": "høringer",
    "consultation_reply": "høringssvar",
}


def table_words(table: str) -> str:
    return TABLE_STAGE_WORDS.get(table, "poster")


__all__ = ["ExchangeCancelled", "Progress", "Span", "TABLE_STAGE_WORDS", "TOTAL", "call", "course", "quiet",
           "table_words", "takes_progress"]
