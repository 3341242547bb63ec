"""Many PDFs on every core: the process pool behind the monthly export (issue 14, point 4).

A job is plain report data (frozen dataclasses of Danish display strings, picklable) and comes
back as PDF bytes; a worker never opens the database and never imports Qt or SQLAlchemy. The
workers are spawned, not forked: a fork would copy a Qt parent's threads and locks in whatever
state they were in. Each worker registers the fonts once, in its initializer. A PDF's bytes do
not depend on the process that made it (reportlab's invariant mode, no time stamps), so the pool
writes exactly what one process writes; the caller reads the results in its own fixed order.

A failure in a worker comes back as ``RenderFailed`` carrying the worker's traceback as text
(the original exception might not survive pickling); a DomainError is rebuilt in the caller.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from ..domain.errors import DomainError

if TYPE_CHECKING:
    from .batch import BatchCoverReportData
    from .monthly_form import FormReportData

#: At most this many worker processes, however many cores there are: each holds its own copy of
#: reportlab and the fonts (about 60 MB), and a month's export has a few hundred PDFs at most.
MAX_WORKERS = 8
#: Exports of fewer forms render in the calling process. Starting a pool costs about 0.35 s of
#: wall time (spawn, imports, fonts) and a form costs about 0.1 s (its own PDF and its pages in
#: the care home's batch), so on 2 cores the pool pays from about 8 forms on
#: (benchmarks/pdf_batch.py --threshold measures it).
POOL_MIN_FORMS = 8


@dataclass(frozen=True)
class FormJob:
    """One form's own PDF."""

    data: FormReportData
    pdfa: bool = False

    @property
    def cost(self) -> int:
        return 1 + len(self.data.episodes)


@dataclass(frozen=True)
class BatchJob:
    """A care home's batch PDF: the cover page, then every form."""

    cover: BatchCoverReportData
    forms: tuple[FormReportData, ...]
    pdfa: bool = False

    @property
    def cost(self) -> int:
        return 1 + sum(1 + len(f.episodes) for f in self.forms)


Job = Union[FormJob, BatchJob]


def render_job(job: Job) -> bytes:
    """The PDF bytes of one job, with the renderers of tilsyn.reports (in any process)."""
    if isinstance(job, BatchJob):
        from .batch import render_batch

        pdf = render_batch(job.cover, list(job.forms))
    else:
        from .monthly_form import render_form

        pdf = render_form(job.data)
    if not job.pdfa:
        return pdf
    from .pdfa import to_pdfa

    return to_pdfa(pdf)


class RenderFailed(Exception):
    """A job that failed in a worker: ``detail`` is the worker's traceback, for the private log."""

    def __init__(self, detail: str, domain: tuple | None = None) -> None:
        super().__init__(detail, domain)
        self.detail = detail
        self.domain = domain  # (code, field, params) of a DomainError, rebuilt in the caller

    def __str__(self) -> str:
        return self.detail


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform has one)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        count = counter()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def worker_count(forms: int, requested: int | None = None) -> int:
    """How many processes render an export of ``forms`` forms: ``requested`` when given, else
    one for a small export (under POOL_MIN_FORMS) and otherwise one per available core, at most
    MAX_WORKERS. One in a frozen bundle: its entry point does not call freeze_support(), so a
    spawned worker would start the app again instead of rendering."""
    if getattr(sys, "frozen", False):
        return 1
    if requested is not None:
        return max(1, int(requested))
    if forms < POOL_MIN_FORMS:
        return 1
    return max(1, min(available_cores(), MAX_WORKERS, forms))


# -- in the worker --------------------------------------------------------------------------------


def _init_worker() -> None:
    # Ctrl-C is the parent's to handle (it cancels what is left and waits for the workers): a
    # worker interrupted mid-page would only print a traceback to the terminal.
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from . import batch, monthly_form  # noqa: F401 - imported once, before the first job
    from .base import register_fonts

    register_fonts()


def _ready() -> None:
    """A first job per worker, so the workers start while the caller still reads the database."""


def _run(job: Job) -> bytes:
    try:
        return render_job(job)
    except DomainError as exc:
        raise RenderFailed("".join(traceback.format_exception(exc)), (exc.code, exc.field, exc.params)) from None
    except Exception as exc:  # noqa: BLE001 - any fault goes back as text; the caller names the form
        raise RenderFailed("".join(traceback.format_exception(exc))) from None


# -- in the caller --------------------------------------------------------------------------------


class PdfPool:
    """``workers`` processes that render jobs; ``start`` the workers early, ``submit`` jobs,
    then take each ``result`` in the caller's own order. Close it (or use ``with``): a pool
    closed after a failure or a cancel drops the jobs not yet started."""

    POLL = 0.1  # seconds between the caller's cancel checks while a result is on its way

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
        self._futures: list[Future] = []

    def start(self) -> None:
        """Start every worker now (the executor spawns them as jobs arrive)."""
        for _ in range(self.workers):
            self._executor.submit(_ready)

    def submit(self, job: Job) -> Future:
        future = self._executor.submit(_run, job)
        self._futures.append(future)
        return future

    def done(self) -> int:
        """Jobs finished so far (successfully or not)."""
        return sum(1 for f in self._futures if f.done())

    def result(self, future: Future, while_waiting: Callable[[], None] | None = None) -> bytes:
        """The PDF of ``future``'s job; ``while_waiting`` is called about every POLL seconds until
        it is there (it may raise, to cancel); it is also called whenever another job finishes.
        Raises the job's DomainError or RenderFailed, or BrokenProcessPool when a worker died."""
        while not future.done():
            wait([f for f in self._futures if not f.done()] or [future], timeout=self.POLL,
                 return_when=FIRST_COMPLETED)
            if while_waiting is not None:
                while_waiting()
        try:
            return future.result()
        except RenderFailed as exc:
            if exc.domain is None:
                raise
            code, field, params = exc.domain
            raise DomainError(code, field=field, **params) from exc

    def close(self, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)

    def __enter__(self) -> PdfPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(cancel=exc_type is not None)
