"""Use-of-force PDFs and the monthly export to the authority.

Report data first: ``form_report_data`` turns a FormDTO into ``FormReportData`` (Danish display
strings, the layout, the audit-log entry of the form's own latest change); the renderers in
tilsyn.reports turn that into bytes. A signed section is printed as signed only while its live
content still matches the signature; otherwise it says so in Danish, and the monthly export
refuses the form. ``ExportService.export_month`` writes, for one month, a PDF and a JSON file per
sent form, a batch PDF per care home with a cover page, a CSV summary and a receipt
(``<month>_kvittering.json``: the audit-log head at export time and the SHA-256 of every file).
Output is deterministic: the same data gives the same bytes (reportlab's invariant mode, stable
order, no time stamps but the data's), so re-exporting an unchanged form gives the same PDF and JSON.

All or nothing: every file is rendered into a private staging folder first (see staging.py) and
moved into place only when all are written and the export is audited; a refusal, a failing
renderer, a full disk or a cancel leaves the target folder as it was. A renderer's failure
becomes a Danish DomainError naming the form and the resident; the technical detail goes to the
``tilsyn.services.exports`` logger, never to the user.

On every core: the export reads everything here (forms, anchors, cover pages, report data), then
a large export's PDFs are rendered in a process pool (tilsyn.reports.pool) whose workers get the
report data only; the files are staged here in the export's order, the same bytes as one process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from ..domain.catalogue import current_catalogue, load_catalogue
from ..domain.csvsafe import csv_bytes
from ..domain.errors import DomainError, NotFound
from ..domain.force import FormKind, FormStatus, Month, local_date
from ..domain.roles import Action
from ..domain.templates import load_template
from ..messages import (
    MISMATCH_TEXT,
    NOT_COVERED_TEXTS,
    RENDER_WHAT,
    episode_end_text,
    format_date,
    format_long_date,
    format_moment,
    form_status_label,
    mismatch_text,
    month_label,
    signed_fields_text,
)
from ..store import audit as store_audit
from .audit import AuditService
from .context import COPENHAGEN, AppContext
from .force import ForceService
from .force_dto import EpisodeDTO, FormDTO
from .staging import Staging, anchor_for, remove_stale

log = logging.getLogger(__name__)
# Without a handler, logging's last resort would print the traceback to stderr: the detail is for
# the private error log (when the app configures one), never for the terminal.
log.addHandler(logging.NullHandler())


# reportlab is imported when a PDF is made, not when the app starts (issue 14: it was a quarter of
# the cold start). The renderers stay module attributes, so a test can still replace one.
def render_form(data):
    from ..reports.monthly_form import render_form as render

    return render(data)


def render_batch(cover, reports):
    from ..reports.batch import render_batch as render

    return render(cover, reports)


def render_resident_overview(data):
    from ..reports.resident_overview import render_resident_overview as render

    return render(data)


# The renderers as defined here. While a test replaces one, the export renders in this process
# (ExportService.workers_for): a pool's worker would import this module afresh and use these.
_OWN_RENDERERS = (render_form, render_batch)


SENT_STATUSES = (FormStatus.SENT.value, FormStatus.PROCESSED.value)
# Workflow states (tilsyn.domain.form_workflow) of a form the care home still has.
UNSIGNED_STATUSES = (FormStatus.DRAFT.value, "awaiting_staff", FormStatus.AWAITING_LEADER.value, "ready_to_send",
                     FormStatus.RETURNED.value)
DOCUMENT_TITLES = {
    FormKind.MONTHLY.value: "Månedsskema for magtanvendelse",
    FormKind.ACUTE.value: "Akut / ikke-godkendt magtanvendelse",
}
KIND_LABELS = {FormKind.MONTHLY.value: "Månedsskema", FormKind.ACUTE.value: "Akut registrering"}
JSON_FORMAT = "tilsyn-magtanvendelse/1"
CSV_HEADER = (
    "måned", "plejecenter", "beboer", "cpr", "skema", "skabelon", "status", "magtanvendelser",
    "heraf_for_sent", "typer", "sendt", "behandlet", "pdf", "json",
)

#: Longest slug in a file name: long names must not push a path past the file system's limits.
SLUG_MAX = 60

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(DomainError):
    code = "export_cancelled"


# -- report data -----------------------------------------------------------------------------------


def _time(moment: dt.datetime) -> str:
    return f"{moment.astimezone(COPENHAGEN):%H.%M}"


def _when(e: EpisodeDTO) -> str:
    text = format_moment(e.started_at)
    if e.ended_at is not None:
        same_day = local_date(e.ended_at) == local_date(e.started_at)
        text += f"–{_time(e.ended_at)}" if same_day else f" – {format_moment(e.ended_at)}"
    if e.late:
        text += f"\nRegistreret for sent: {format_moment(e.registered_at)}"
        if e.late_reason:
            text += f"\nÅrsag: {e.late_reason}"
    return text


def _sentence(text: str) -> str:
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _type_text(e: EpisodeDTO) -> str:
    display = f"{e.type_label} ({e.paragraph})"
    return f"{display}: {e.situation_label.lower()}" if e.situation_label else display


def _episode_row(e: EpisodeDTO) -> EpisodeRow:
    from ..reports.monthly_form import EpisodeRow

    short = "\n".join(p for p in (_type_text(e), _sentence(e.location), _sentence(e.description)) if p)
    staff = "\n".join(f"X {s.name}" if s.is_writer else s.name for s in e.staff)
    return EpisodeRow(_when(e), short, e.avoidance, e.least_intrusive, staff)


def _days(episodes: tuple[EpisodeDTO, ...]) -> tuple[DayPart, ...]:
    from ..reports.monthly_form import CHECKED, UNCHECKED, DayPart, StaffRow, TypeUse

    by_day: dict[dt.date, list[EpisodeDTO]] = {}
    for e in episodes:
        by_day.setdefault(local_date(e.started_at), []).append(e)
    out = []
    for day in sorted(by_day):
        eps = sorted(by_day[day], key=lambda e: (e.started_at, e.id))
        uses = []
        for e in eps:
            times = f"kl. {_time(e.started_at)}" + episode_end_text(e.started_at, e.ended_at)
            uses.append(TypeUse(e.force_type, e.situation, times, e.location, e.purpose))
        narratives = tuple(f"Kl. {_time(e.started_at)}: {e.narrative or e.description}" for e in eps)
        staff: dict[str, StaffRow] = {}
        for e in eps:
            for s in e.staff:
                known = staff.get(s.name)
                writer = s.is_writer or (known is not None and known.mark == CHECKED)
                staff[s.name] = StaffRow(s.name, CHECKED if writer else UNCHECKED, s.workplace, s.position)
        out.append(DayPart(format_long_date(day), tuple(uses), narratives, tuple(staff.values())))
    return tuple(out)


def _period(valid_from: dt.date, valid_to: dt.date) -> str:
    return f"{format_date(valid_from)} – {format_date(valid_to)}"


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Ja" if value else "Nej")


def _informed(residence: bool | None, acting: bool | None) -> str:
    if residence is None and acting is None:
        return ""
    if residence == acting:
        return _yes_no(residence)
    return f"Opholdskommunen: {_yes_no(residence).lower() or '–'}. Handlekommunen: {_yes_no(acting).lower() or '–'}."


def _signed_by(sig, state=None) -> str:
    if not sig:
        return ""
    if state is not None and state.mismatch:
        return f"{MISMATCH_TEXT} ({sig.signer} {format_moment(sig.signed_at)})"
    return f"elektronisk underskrevet af {sig.signer} {format_moment(sig.signed_at)}"


def _signature_line(form: FormDTO, n: int) -> SignatureLine:
    from ..reports.monthly_form import SignatureLine

    s = form.signature(n)
    if s is None:
        return SignatureLine(n, False, "", "", "", "", "")
    state = form.section_state(n)
    return SignatureLine(n, True, s.signer, s.role_label, format_moment(s.signed_at), s.short_hash, s.template_version,
                         mismatch=mismatch_text(state.fields) if state.mismatch else "")


def _mismatch_notices(form: FormDTO) -> list[str]:
    """One notice per signed section whose content has changed since it was signed."""
    out = []
    for st in form.mismatched_sections:
        if st.section == 1:
            continue  # named with section 2, whose signature covers it
        out.append(f"Afsnit {st.section}: {mismatch_text(st.fields)} Afsnittet vises ikke som underskrevet.")
    return out


def form_report_data(form: FormDTO, *, layout: str | None = None, head: tuple[int, str] = (0, "")) -> FormReportData:
    """Everything one form prints, as Danish display strings, in ``layout`` (default: the
    template version the form was made under). ``head`` is the audit-log entry of the form's own
    latest change (``ExportService.anchor``): the same form prints the same bytes however often."""
    from ..reports.monthly_form import FormReportData, PermitRow

    layout = layout or form.template_version
    template = load_template(layout)
    s1 = form.section1
    postal_city = " ".join(p for p in (s1.postal_code, s1.city) if p)
    permits = tuple(
        PermitRow("\n".join(p.force_type_labels) + (f"\nAfgørelse {p.decision_reference}" if p.decision_reference
                                                    else ""),
                  p.prerequisites, _period(p.valid_from, p.valid_to))
        for p in sorted(s1.permits, key=lambda p: (p.valid_from, p.id))
    )
    periods: dict[str, list[str]] = {}
    for p in sorted(s1.permits, key=lambda p: (p.valid_from, p.id)):
        for code in p.force_types:
            periods.setdefault(code, []).append(_period(p.valid_from, p.valid_to))
    leader, auth = form.leader, form.authority
    sig3, sig4 = form.signature(3), form.signature(4)
    signatures = tuple(_signature_line(form, n) for n in (2, 3, 4))
    notices = _mismatch_notices(form)
    if form.kind == FormKind.ACUTE.value:
        reason = NOT_COVERED_TEXTS.get(form.not_covered_reason, "")
        notices.append("Akut / ikke-godkendt magtanvendelse, registreret for sig selv, så intet går tabt."
                       + (f" Årsag: {reason}" if reason else ""))
    late = sum(1 for e in form.episodes if e.late)
    if late:
        notices.append(f"{late} {'magtanvendelse er' if late == 1 else 'magtanvendelser er'} registreret efter "
                       "fristen (senest dagen efter). Se tidspunkt og årsag under afsnit 2.")
    if form.returned_at is not None and form.sent_at is None:
        notices.append(f"Sendt tilbage til lederen {format_moment(form.returned_at)}: {form.return_comment}")
    if form.reopened_at is not None and form.sent_at is None:
        notices.append(f"Genåbnet {format_moment(form.reopened_at)}, efter at skemaet var sendt til myndigheden: "
                       f"{form.reopen_reason}")
    control = [("Skema-id", form.id)]
    if layout == form.template_version:
        control.append(("Skabelon", f"{template.name} ({layout})"))
    else:
        made = load_template(form.template_version).name
        control.append(("Skabelon", f"{template.name} ({layout}); skemaet er oprettet under {made} "
                                     f"({form.template_version})"))
    control += [
        ("Lovgrundlag", load_catalogue(form.catalogue_version).title),
        ("Status", form_status_label(form.status)),
    ]
    if form.due_date:
        control.append(("Frist hos myndigheden", format_long_date(form.due_date)))
    if form.sent_at:
        control.append(("Sendt til myndigheden", format_moment(form.sent_at)))
    if form.processed_at:
        control.append(("Behandlet", format_moment(form.processed_at)))
    if form.section1_as_signed:
        control.append(("Afsnit 1", "Som da afsnit 2 blev underskrevet (underskriften omfatter afsnit 1)"))
    control.append(("Revisionslogens post for skemaets seneste ændring", f"nr. {head[0]} · {head[1]}"))
    return FormReportData(
        form_id=form.id, kind=form.kind, layout=layout, document_title=DOCUMENT_TITLES.get(form.kind, ""),
        status_label=form_status_label(form.status), month_name=month_label(form.year, form.month),
        care_home=form.care_home,
        cpr=s1.cpr, name=s1.name, address=s1.address, postal_city=postal_city,
        address_line=", ".join(p for p in (s1.address, postal_city) if p),
        care_home_unit=" / ".join(p for p in (s1.care_home, s1.unit) if p),
        acting_municipality=s1.acting_municipality, residence_municipality=s1.residence_municipality,
        permits=permits, periods=tuple((code, "\n".join(v)) for code, v in periods.items()),
        episodes=tuple(_episode_row(e) for e in form.episodes), days=_days(form.episodes),
        necessity=leader.necessity, reflection=leader.reflection, action_plan_updated=leader.action_plan_updated,
        leader_name_date=", ".join(p for p in (leader.leader_name, format_long_date(leader.assessed_on)) if p),
        discussed_in_staff_group=leader.discussed_in_staff_group, discussed_when=leader.discussed_when,
        discussion_plans=leader.discussion_plans, action_plan_exists=leader.action_plan_exists, other=leader.other,
        leader_date_signature="\n".join(p for p in (format_long_date(leader.assessed_on),
                                                   _signed_by(sig3, form.section_state(3))) if p),
        followup_remarks=auth.followup_remarks,
        municipalities_informed=_informed(auth.residence_municipality_informed, auth.acting_municipality_informed),
        processed_by=" / ".join(p for p in (auth.processed_by_name, auth.processed_by_position,
                                            auth.processed_by_municipality, format_long_date(auth.processed_on)) if p),
        residence_municipality_informed=auth.residence_municipality_informed,
        processed_name_position=", ".join(p for p in (auth.processed_by_name, auth.processed_by_position) if p),
        processed_municipality=auth.processed_by_municipality,
        processed_date_signature="\n".join(p for p in (format_long_date(auth.processed_on),
                                                      _signed_by(sig4, form.section_state(4))) if p),
        signatures=signatures, notices=tuple(notices), control=tuple(control),
    )


def form_json(form: FormDTO, *, layout: str, head: tuple[int, str], pdf_name: str) -> str:
    """The machine-readable copy of one form (full CPR, all fields, ISO times in UTC)."""
    s1 = form.section1
    doc = {
        "format": JSON_FORMAT,
        "form": {
            "id": form.id, "kind": form.kind, "month": Month(form.year, form.month).key(),
            "template_version": form.template_version, "layout": layout,
            "catalogue_version": form.catalogue_version, "status": form.status,
            "not_covered_reason": form.not_covered_reason, "due_date": form.due_date,
            "sent_at": form.sent_at, "processed_at": form.processed_at,
        },
        "resident": {
            "id": form.resident_id, "cpr": s1.cpr, "name": s1.name, "address": s1.address,
            "postal_code": s1.postal_code, "city": s1.city, "care_home": s1.care_home, "unit": s1.unit,
            "acting_municipality": s1.acting_municipality, "residence_municipality": s1.residence_municipality,
            "contact_person": s1.contact_person,
        },
        "permits": [
            {"id": p.id, "force_types": list(p.force_types), "force_type_labels": list(p.force_type_labels),
             "prerequisites": p.prerequisites, "valid_from": p.valid_from, "valid_to": p.valid_to,
             "decision_reference": p.decision_reference, "catalogue_version": p.catalogue_version}
            for p in sorted(s1.permits, key=lambda p: (p.valid_from, p.id))
        ],
        "episodes": [
            {**{k: v for k, v in asdict(e).items() if k not in ("form_id", "resident_id", "staff")},
             "staff": [asdict(s) for s in e.staff]}
            for e in form.episodes
        ],
        "leader": asdict(form.leader),
        "authority": asdict(form.authority),
        "signatures": [
            {"section": s.section, "signer": s.signer, "role": s.role, "signed_at": s.signed_at,
             "template_version": s.template_version, "hash": s.hash,
             "status": form.section_state(s.section).status,
             "changed_fields": list(form.section_state(s.section).fields)}
            for s in form.signatures
        ],
        "section1_as_signed": form.section1_as_signed,
        # The audit-log entry of this form's own latest change: unchanged forms give the same file.
        "audit_entry": {"seq": head[0], "hash": head[1]},
        "pdf": pdf_name,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, default=_json_value) + "\n"


def _json_value(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def slug(text: str, max_length: int = SLUG_MAX) -> str:
    """A file-name part from Danish text: 'Plejecenter Engbo' -> 'plejecenter-engbo' (æ -> ae ...),
    at most ``max_length`` characters."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in text)
    out = "-".join(p for p in out.split("-") if p)[:max_length].strip("-")
    return out or "x"


def home_folder(name: str, home_id: str) -> str:
    """A care home's file-name part: its slug and the start of its id, so two homes whose names
    read alike ('Plejecenter Bøgelund', 'Plejecenter Boegelund') never share a file name."""
    short = "".join(c for c in str(home_id).lower() if c in "0123456789abcdef")[:8] or slug(str(home_id), 8)
    return f"{slug(name)}-{short}"


# -- the export -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    month: str
    out_dir: Path
    forms: int
    episodes: int
    homes: tuple[str, ...]
    form_pdfs: tuple[Path, ...]
    json_files: tuple[Path, ...]
    batch_pdfs: tuple[Path, ...]
    csv_file: Path
    pdfa: bool
    audit_head: tuple[int, str]  # the head at export time, with the export's own entries: as on the receipt
    layouts: tuple[str, ...] = field(default=())
    receipt_file: Path | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        receipt = (self.receipt_file,) if self.receipt_file is not None else ()
        return (*self.batch_pdfs, *self.form_pdfs, *self.json_files, self.csv_file, *receipt)


@dataclass
class _HomeBatch:
    id: str
    name: str
    forms: list[FormDTO]


@dataclass(frozen=True)
class _RenderInputs:
    reports: list[list[FormReportData]]  # per batch, per form (the batch's order)
    covers: list[BatchCoverReportData]  # per batch


class _Pdfs:
    """The export's PDFs, taken in the export's own order. With one worker each is rendered here
    when it is asked for (with this module's ``render_form`` and ``render_batch``); with more, a
    pool is started at once, every PDF is submitted together, largest first (a big batch left
    to the end would keep one worker busy while the others idle), and each is taken from the
    pool when asked for. Leaving the ``with`` block closes the pool, dropping what is left after a
    refusal or a cancel."""

    def __init__(self, service: ExportService, workers: int, pdfa: bool) -> None:
        self.service, self.pdfa = service, pdfa
        self.pool = None
        self.futures: dict[tuple, Any] = {}
        if workers > 1:
            from ..reports.pool import PdfPool

            try:
                self.pool = PdfPool(workers)
                self.pool.start()  # the workers start while the caller reads the database
            except OSError as exc:  # no processes to be had: one process renders it all
                log.warning("no PDF pool (%s); rendering the export in this process", exc)
                if self.pool is not None:
                    self.pool.close(cancel=True)
                self.pool = None

    def submit(self, inputs: _RenderInputs) -> None:
        if self.pool is None:
            return
        from ..reports.pool import BatchJob, FormJob

        jobs = [(("form", i, j), FormJob(data, self.pdfa))
                for i, rows in enumerate(inputs.reports) for j, data in enumerate(rows)]
        jobs += [(("batch", i), BatchJob(cover, tuple(inputs.reports[i]), self.pdfa))
                 for i, cover in enumerate(inputs.covers)]
        for key, job in sorted(jobs, key=lambda kj: -kj[1].cost):  # stable: ties keep the export's order
            self.futures[key] = self.pool.submit(job)

    def form(self, i: int, j: int, data: FormReportData, waiting: Callable[[], None]) -> bytes:
        pdf = self._pooled(("form", i, j), waiting)
        return pdf if pdf is not None else self.service._finish(render_form(data), self.pdfa)

    def batch(self, i: int, inputs: _RenderInputs, waiting: Callable[[], None]) -> bytes:
        pdf = self._pooled(("batch", i), waiting)
        if pdf is not None:
            return pdf
        return self.service._finish(render_batch(inputs.covers[i], inputs.reports[i]), self.pdfa)

    def _pooled(self, key: tuple, waiting: Callable[[], None]) -> bytes | None:
        """``key``'s PDF from the pool; None without a pool, or once it is broken (a worker died
        or could not start): this process then renders what is left, the same bytes."""
        if self.pool is None:
            return None
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool.result(self.futures[key], waiting)
        except BrokenProcessPool as exc:
            log.warning("the PDF pool broke; rendering the rest of the export in this process", exc_info=exc)
            self.pool.close(cancel=True)
            self.pool = None
            return None

    def done(self) -> int:
        """PDFs the pool has finished so far (0 without a pool)."""
        return self.pool.done() if self.pool is not None else 0

    def __enter__(self) -> _Pdfs:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.pool is not None:
            self.pool.close(cancel=exc_type is not None)


@dataclass(frozen=True)
class _Plan:
    homes: tuple[tuple[str, list[str]], ...]  # per batch: (batch PDF name, form file stems)
    csv_name: str
    receipt_name: str


class ExportService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.force = ForceService(ctx)

    def head(self) -> tuple[int, str]:
        return AuditService(self.ctx).head()

    def anchor(self, form: FormDTO) -> tuple[int, str]:
        """The audit-log entry (number, hash) of the form's own latest change: the form, its
        episodes and their staff, and, while section 1 is not yet signed, the resident and permits it
        shows. Exports of the form are not changes. Printed on the form's PDF and JSON, so an
        unchanged form gives the same bytes, and checkable with ``verify --expect-head``."""
        return form_anchor(self.ctx, form)

    # -- single PDFs (preview, print) -------------------------------------------------------------
    def form_report(self, form_id: str, layout: str | None = None) -> FormReportData:
        """Report data of one form (monthly or acute) in ``layout`` or its own template version."""
        form = self.force.get_form(form_id)
        if layout:
            load_template(layout)
        return form_report_data(form, layout=layout, head=self.anchor(form))

    def form_pdf(self, form_id: str, layout: str | None = None) -> bytes:
        """The PDF of one form: for the preview and for printing. A renderer's failure becomes
        DomainError("render_failed") naming the form and the resident."""
        form = self.force.get_form(form_id)
        if layout:
            load_template(layout)
        data = form_report_data(form, layout=layout, head=self.anchor(form))
        try:
            return render_form(data)
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001 - any renderer fault must read as a refusal naming the form
            raise self._render_error("render_failed", form, data.layout, exc) from exc

    def version_pdf(self, version_id: str) -> bytes:
        """The PDF of a kept version: the form exactly as the municipality had it when it was
        reopened (its frozen report data), with a notice saying so."""
        data, version = self.force.version_report(version_id)
        state = "behandlede" if version.state == "processed" else "modtog"
        when = version.processed_at if version.state == "processed" else version.sent_at
        notice = (f"Denne udgave er skemaet, som myndigheden {state} det {format_moment(when)}. Skemaet blev "
                  f"genåbnet {format_moment(version.reopened_at)} af {version.reopened_by}: {version.reason}")
        data = replace(data, notices=(notice, *data.notices))
        try:
            return render_form(data)
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001 - a renderer fault reads as a refusal
            log.error("PDF rendering failed: form version %s", version_id, exc_info=exc)
            raise DomainError("render_failed_version") from exc

    def resident_overview_report(self, resident_id: str) -> ResidentOverviewReportData:
        """Counts of force by month and type for one resident, for the overview PDF."""
        from ..reports.resident_overview import ResidentOverviewReportData

        ov = self.force.resident_overview(resident_id)
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            from ..domain import cpr as cprmod

            cpr_masked, home = cprmod.mask(r.cpr), r.care_home.name
        months = ov.months
        if months:
            # Every month between the first and the last, so gaps show as gaps.
            first, last = Month.parse(months[0]), Month.parse(months[-1])
            filled, m = [], first
            while (m.year, m.month) <= (last.year, last.month):
                filled.append(m)
                m = m.next()
        else:
            filled = []
        series = tuple((label, tuple(ov.count(m.key(), code) for m in filled)) for code, label in ov.types)
        total = sum(ov.totals.values())
        period = (f"Periode: {month_label(filled[0].year, filled[0].month)} – "
                  f"{month_label(filled[-1].year, filled[-1].month)}") if filled else "Ingen registreringer."
        return ResidentOverviewReportData(
            title="Magtanvendelse over tid", resident=ov.resident_name, cpr_masked=cpr_masked, care_home=home,
            period=period, months=tuple(f"{month_label(m.year, m.month)[:3]} {m.year % 100:02d}" for m in filled),
            month_names=tuple(month_label(m.year, m.month) for m in filled), series=series,
            totals=tuple((label, ov.totals.get(code, 0)) for code, label in ov.types), total=total,
            footnote="Alle registrerede magtanvendelser, på månedsskemaer og som akutte registreringer, "
                     "talt efter den måned, de fandt sted i.",
        )

    def resident_overview_pdf(self, resident_id: str) -> bytes:
        return render_resident_overview(self.resident_overview_report(resident_id))

    # -- the monthly export -------------------------------------------------------------------------
    def export_month(
        self,
        month: str | Month,
        home: str | None = None,
        out_dir: str | Path = ".",
        layout: str | None = None,
        pdfa: bool = False,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
        workers: int | None = None,
    ) -> ExportResult:
        """Write the month's sent forms (PDF + JSON each), one batch PDF per care home with a cover
        page, and a CSV summary into ``out_dir``. ``home`` is a care home's name or id (default all
        the user may export). All or nothing: any refusal leaves ``out_dir`` as it was. Raises
        ExportCancelled when ``is_cancelled()`` turns true, DomainError("export_nothing") when no
        form was sent for the month, DomainError("export_render_failed") naming the form and the
        resident when a PDF cannot be made. ``workers`` processes render the PDFs (default: one
        per core for a large export, one for a small one; ``workers_for``); the files are the same
        byte for byte however many there are."""
        m = month if isinstance(month, Month) else Month.parse(str(month))
        if layout:
            load_template(layout)
        out = Path(out_dir)
        if out.exists() and not out.is_dir():
            raise DomainError("export_out_not_dir", path=str(out))
        self.ctx.require(Action.FORMS_EXPORT)
        homes = self._collect(m, home)
        batches = [b for b in homes if b.forms]
        forms = [f for b in batches for f in b.forms]
        if not forms:
            raise DomainError("export_nothing", month=m.key(), month_text=month_label(m.year, m.month),
                              home_text=f" på {homes[0].name}" if home and homes else "")
        for form in forms:
            self._refuse_mismatch(form)
        plan = self._plan(m, batches)
        head = self.head()
        total = len(forms) + len(batches)
        shown = 0

        def report(done: int) -> None:
            nonlocal shown
            if done > shown:
                shown = done
                if progress:
                    progress(done, total)

        def check() -> None:
            if is_cancelled and is_cancelled():
                raise ExportCancelled()

        def waiting() -> None:  # while a PDF is on its way from the pool
            check()
            report(pdfs.done())

        with _Pdfs(self, self.workers_for(len(forms), workers), pdfa) as pdfs:
            # Everything the PDFs show is read here, in this process: the pool's workers get report
            # data only and never open the database.
            anchors = {f.id: self.anchor(f) for f in forms}
            inputs = self._render_inputs(m, batches, layout, anchors, head)
            pdfs.submit(inputs)
            self.clean_staging(out)
            if progress:
                progress(0, total)
            staging = Staging(out)
            try:
                staging.open()
            except OSError as exc:
                raise DomainError("export_out_unwritable", path=str(out), reason=exc.strerror or str(exc)) from exc
            try:
                form_pdfs, json_files, batch_pdfs = [], [], []
                csv_rows = []
                written: dict[str, str] = {}  # file -> SHA-256, for the audit entries and the receipt
                done = 0
                for i, (batch, (batch_name, stems)) in enumerate(zip(batches, plan.homes)):
                    for j, (form, stem) in enumerate(zip(batch.forms, stems)):
                        check()
                        data = inputs.reports[i][j]
                        try:
                            pdf_bytes = pdfs.form(i, j, data, waiting)
                        except DomainError:
                            raise
                        except Exception as exc:  # noqa: BLE001 - any renderer fault reads as a refusal naming the form
                            raise self._render_error("export_render_failed", form, data.layout, exc) from exc
                        json_bytes = form_json(form, layout=data.layout, head=anchors[form.id],
                                               pdf_name=f"{stem}.pdf").encode()
                        staging.write(f"{stem}.pdf", pdf_bytes)
                        staging.write(f"{stem}.json", json_bytes)
                        written[f"{stem}.pdf"], written[f"{stem}.json"] = _sha256(pdf_bytes), _sha256(json_bytes)
                        form_pdfs.append(f"{stem}.pdf")
                        json_files.append(f"{stem}.json")
                        csv_rows.append(self._csv_row(m, batch.name, form, data.layout, f"{stem}.pdf",
                                                      f"{stem}.json"))
                        done += 1
                        report(done)
                    check()
                    try:
                        batch_bytes = pdfs.batch(i, inputs, waiting)
                    except DomainError:
                        raise
                    except Exception as exc:  # noqa: BLE001 - as for a form, for the care home's batch
                        raise self._batch_error(m, batch, exc) from exc
                    staging.write(batch_name, batch_bytes)
                    written[batch_name] = _sha256(batch_bytes)
                    batch_pdfs.append(batch_name)
                    done += 1
                    report(done)
                check()
                csv_data = _csv_bytes(csv_rows)
                staging.write(plan.csv_name, csv_data)
                written[plan.csv_name] = _sha256(csv_data)
                check()
                # Audit and publish together: the entries are committed only once the files are in
                # place, and the files are taken back when the entries cannot be committed.
                with self.ctx.uow_factory() as uow:
                    for form, rel in zip(forms, form_pdfs):
                        uow.record("export", "force_form", form.id,
                                   {"month": m.key(), "layout": layout or "", "pdfa": pdfa, "file": rel,
                                    "sha256": written[rel]})
                    uow.flush()
                    # The receipt carries the head with these entries in it: the authority's anchor.
                    receipt_head = store_audit.head(uow.session)
                    staging.write(plan.receipt_name, receipt_bytes(m, receipt_head, written))
                    staging.publish()
                    try:
                        uow.commit()
                    except BaseException:
                        staging.unpublish()
                        raise
            except OSError as exc:
                raise DomainError("export_out_unwritable", path=str(out), reason=exc.strerror or str(exc)) from exc
            finally:
                staging.close()
        return ExportResult(
            month=m.key(), out_dir=out, forms=len(forms), episodes=sum(len(f.episodes) for f in forms),
            homes=tuple(b.name for b in batches), form_pdfs=tuple(out / p for p in form_pdfs),
            json_files=tuple(out / p for p in json_files), batch_pdfs=tuple(out / p for p in batch_pdfs),
            csv_file=out / plan.csv_name, pdfa=pdfa, audit_head=receipt_head,
            layouts=tuple(sorted({layout or f.template_version for f in forms})),
            receipt_file=out / plan.receipt_name,
        )

    def clean_staging(self, out_dir: str | Path) -> list[Path]:
        """Remove staging folders that a killed export left in ``out_dir`` or where it would
        stage for it (they hold full CPR numbers); returns the folders removed."""
        out = Path(os.path.abspath(out_dir))
        removed = []
        # Where this export stages, where one into a folder that did not exist yet staged (beside it)
        # and the folder itself.
        for folder in dict.fromkeys((anchor_for(out), out.parent, out)):
            if folder.is_dir():
                removed += remove_stale(folder)
        for path in removed:
            log.info("removed a stale export staging folder: %s", path)
        return removed

    def _plan(self, m: Month, batches: list[_HomeBatch]) -> _Plan:
        """Every file name of the export, checked to be distinct before anything is written (as a
        case-insensitive file system sees them)."""
        homes = []
        csv_name = f"{m.key()}_oversigt.csv"
        receipt_name = f"{m.key()}_kvittering.json"
        seen: dict[str, str] = {csv_name.casefold(): "", receipt_name.casefold(): ""}
        for batch in batches:
            folder = home_folder(batch.name, batch.id)
            stems = []
            for form in batch.forms:
                kind = "akut" if form.kind == FormKind.ACUTE.value else "maanedsskema"
                stems.append(f"{folder}/{m.key()}_{slug(form.resident_name)}_{kind}_{form.id[:8]}")
            batch_name = f"{m.key()}_{folder}_samlet.pdf"
            names = [batch_name, *(f"{s}.pdf" for s in stems), *(f"{s}.json" for s in stems)]
            for name in names:
                key = unicodedata.normalize("NFC", name).casefold()
                if key in seen:
                    raise DomainError("export_name_clash", name=name, home=batch.name, other=seen[key] or batch.name)
                seen[key] = batch.name
            homes.append((batch_name, stems))
        return _Plan(tuple(homes), csv_name, receipt_name)

    @staticmethod
    def workers_for(forms: int, workers: int | None = None) -> int:
        """How many processes render an export of ``forms`` forms (``workers`` when given; see
        tilsyn.reports.pool.worker_count). One while ``render_form`` or ``render_batch`` is
        replaced (a test's broken renderer): a worker imports this module afresh and would render
        with the original."""
        if render_form is not _OWN_RENDERERS[0] or render_batch is not _OWN_RENDERERS[1]:
            return 1
        from ..reports.pool import worker_count

        return worker_count(forms, workers)

    def _render_inputs(self, m: Month, batches: list[_HomeBatch], layout: str | None,
                       anchors: dict[str, tuple[int, str]], head: tuple[int, str]) -> _RenderInputs:
        """Every form's report data and every care home's cover page (both read the database);
        a failure becomes the same Danish refusal as a failing renderer."""
        reports, covers = [], []
        for batch in batches:
            rows = []
            for form in batch.forms:
                try:
                    rows.append(form_report_data(form, layout=layout, head=anchors[form.id]))
                except DomainError:
                    raise
                except Exception as exc:  # noqa: BLE001 - as a renderer fault: a refusal naming the form
                    raise self._render_error("export_render_failed", form, layout or form.template_version,
                                             exc) from exc
            reports.append(rows)
            try:
                covers.append(self._cover(m, batch, head))
            except DomainError:
                raise
            except Exception as exc:  # noqa: BLE001 - as a renderer fault, for the care home's batch
                raise self._batch_error(m, batch, exc) from exc
        return _RenderInputs(reports, covers)

    @staticmethod
    def _batch_error(m: Month, batch: _HomeBatch, exc: BaseException) -> DomainError:
        log.error("batch PDF failed: care home %s, month %s", batch.id, m.key(), exc_info=exc)
        return DomainError("export_batch_failed", home=batch.name, month=m.key(),
                           month_text=month_label(m.year, m.month))

    @staticmethod
    def _refuse_mismatch(form: FormDTO) -> None:
        """A form with a signed section whose content no longer matches is not exported."""
        bad = [st for st in form.mismatched_sections if st.section != 1]
        if not bad:
            return
        fields = [f for st in bad for f in st.fields]
        raise DomainError(
            "export_signature_mismatch", form=form.id, kind=form.kind,
            what=RENDER_WHAT.get(form.kind, RENDER_WHAT[FormKind.MONTHLY.value]), month=Month(form.year, form.month).key(),
            month_text=month_label(form.year, form.month), resident=form.resident_name, cpr=form.cpr_masked,
            sections=[st.section for st in bad],
            section_text=" og ".join(f"afsnit {st.section}" for st in bad), fields_text=signed_fields_text(fields))

    @staticmethod
    def _render_error(code: str, form: FormDTO, layout: str, exc: BaseException) -> DomainError:
        log.error("PDF rendering failed: form %s (%s), layout %s", form.id, form.kind, layout, exc_info=exc)
        try:
            layout_name = load_template(layout).name
        except DomainError:
            layout_name = layout
        return DomainError(
            code, form=form.id, kind=form.kind, what=RENDER_WHAT.get(form.kind, RENDER_WHAT[FormKind.MONTHLY.value]),
            month=Month(form.year, form.month).key(), month_text=month_label(form.year, form.month),
            resident=form.resident_name, cpr=form.cpr_masked, layout=layout, layout_name=layout_name)

    def _collect(self, m: Month, home: str | None) -> list[_HomeBatch]:
        """The care homes in scope with their sent forms of the month, in a stable order."""
        scope = self.ctx.home_scope()
        with self.ctx.uow_factory() as uow:
            homes = sorted(uow.care_homes.list_all(), key=lambda h: (h.name.lower(), str(h.id)))
            if home:
                wanted = home.strip().lower()
                homes = [h for h in homes if str(h.id) == home.strip() or h.name.lower() == wanted]
                if not homes:
                    raise DomainError("unknown_care_home", name=home)
            if scope is not None:
                homes = [h for h in homes if str(h.id) in scope]
            picked = []
            for h in homes:
                self.ctx.require(Action.FORMS_EXPORT, str(h.id))
                ids = [str(f.id) for f in uow.forms.for_home_month(h.id, m.year, m.month) if f.sent_at is not None]
                picked.append((str(h.id), h.name, ids))
        out = []
        for hid, name, ids in picked:
            forms = [self.force.get_form(i) for i in ids]
            forms = [f for f in forms if f.status in SENT_STATUSES]
            forms.sort(key=lambda f: (f.resident_name.lower(), f.kind != FormKind.MONTHLY.value, f.id))
            out.append(_HomeBatch(hid, name, forms))
        return out

    def _cover(self, m: Month, batch: _HomeBatch, head: tuple[int, str]) -> BatchCoverReportData:
        from ..reports.batch import BatchCoverReportData

        rows = self.force.month_overview(batch.id, m.year, m.month)
        episodes = [e for f in batch.forms for e in f.episodes]
        order = {t.code: i for i, t in enumerate(current_catalogue().types)}
        counts: dict[tuple[str, str], int] = {}
        for e in episodes:
            key = (e.force_type, f"{e.type_label} ({e.paragraph})")
            counts[key] = counts.get(key, 0) + 1
        by_type = tuple((label, str(n)) for (code, label), n in sorted(counts.items(),
                                                                       key=lambda kv: (order.get(kv[0][0], 99),
                                                                                       kv[0][1])))
        late = tuple(
            (f.resident_name, format_moment(e.started_at), format_moment(e.registered_at), e.late_reason)
            for f in batch.forms for e in f.episodes if e.late
        )
        unsigned = tuple((r.resident_name, r.cpr_masked, form_status_label(r.status), str(r.episodes))
                         for r in rows if r.status in UNSIGNED_STATUSES)
        monthly = [f for f in batch.forms if f.kind == FormKind.MONTHLY.value]
        acute = [f for f in batch.forms if f.kind == FormKind.ACUTE.value]
        summary = (
            ("Beboere med tilladelse eller magtanvendelse i måneden", str(len(rows))),
            ("Beboere med magtanvendelse", str(sum(1 for r in rows if r.episodes))),
            ("Sendte månedsskemaer i denne samling", str(len(monthly))),
            ("Akutte registreringer i denne samling", str(len(acute))),
            ("Magtanvendelser i denne samling", str(len(episodes))),
            ("Heraf registreret for sent", str(len(late))),
            ("Skemaer, der endnu ikke er underskrevet og sendt", str(len(unsigned))),
            ("Revisionslogens kædehoved ved udskrift", f"nr. {head[0]} · {head[1]}"),
        )
        index = tuple(
            (str(i), f.resident_name, f.cpr_masked, KIND_LABELS.get(f.kind, f.kind), str(len(f.episodes)))
            for i, f in enumerate(batch.forms, start=1)
        )
        return BatchCoverReportData(
            title="Månedsindberetning af magtanvendelse", care_home=batch.name,
            month_name=month_label(m.year, m.month), summary=summary, by_type=by_type, late=late,
            unsigned=unsigned, index=index,
        )

    def _csv_row(self, m: Month, home: str, form: FormDTO, layout: str, pdf: str, js: str) -> tuple:
        types = sorted({e.force_type for e in form.episodes})
        return (
            m.key(), home, form.resident_name, form.cpr_masked, KIND_LABELS.get(form.kind, form.kind), layout,
            form_status_label(form.status), str(len(form.episodes)), str(sum(1 for e in form.episodes if e.late)),
            " ".join(types), format_moment(form.sent_at), format_moment(form.processed_at), pdf, js,
        )

    def _finish(self, pdf: bytes, pdfa: bool) -> bytes:
        if not pdfa:
            return pdf
        from ..reports.pdfa import to_pdfa

        return to_pdfa(pdf)



def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


RECEIPT_FORMAT = "tilsyn-kvittering/1"


def receipt_bytes(m: Month, head: tuple[int, str], files: dict[str, str]) -> bytes:
    """The export's receipt: the audit-log head at export time (as ``verify --expect-head`` takes
    it) and the SHA-256 of every file the export wrote, so the authority can check both later."""
    doc = {
        "format": RECEIPT_FORMAT,
        "month": m.key(),
        "audit_head": {"seq": head[0], "hash": head[1], "expect_head": f"{head[0]}:{head[1]}"},
        "check": f"tilsyn verify --expect-head {head[0]}:{head[1]}",
        "files": [{"name": name, "sha256": digest} for name, digest in sorted(files.items())],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def form_anchor(ctx: AppContext, form: FormDTO) -> tuple[int, str]:
    """See ``ExportService.anchor``; the current head when the log holds nothing about the form."""
    with ctx.uow_factory() as uow:
        return form_anchor_in(uow.session, form)


def form_anchor_in(session, form: FormDTO) -> tuple[int, str]:
    """``form_anchor`` inside an open session (the caller's unit of work)."""
    from sqlalchemy import and_, or_, select

    from ..store.models import AuditEntry
    from ..store.models_force import EpisodeStaff
    from ..store.repositories import as_uuid

    episode_ids = [e.id for e in form.episodes]
    staff_ids = [str(i) for i in session.scalars(
        select(EpisodeStaff.id).where(EpisodeStaff.episode_id.in_([as_uuid(i) for i in episode_ids])))]
    about = [("force_form", [form.id]), ("episode", episode_ids), ("episode_staff", staff_ids)]
    if not form.section1_as_signed:
        permits = [p.id for p in form.section1.permits]
        about += [("resident", [form.resident_id]), ("permit", permits), ("permit_force_type", permits)]
    wanted = or_(*(and_(AuditEntry.entity_type == kind, AuditEntry.entity_id.in_(ids))
                   for kind, ids in about if ids))
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).where(wanted, AuditEntry.action != "export")
        .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else store_audit.head(session)


def report_data_json(data: FormReportData) -> str:
    """A form's report data as JSON: the frozen copy a kept version prints from."""
    return json.dumps(asdict(data), ensure_ascii=False, sort_keys=True)


def report_data_from_json(text: str) -> FormReportData:
    """The FormReportData ``report_data_json`` wrote (tuples and nested rows rebuilt)."""
    from ..reports.monthly_form import DayPart, EpisodeRow, FormReportData, PermitRow, SignatureLine, StaffRow, TypeUse

    d = json.loads(text)
    d["permits"] = tuple(PermitRow(**x) for x in d["permits"])
    d["periods"] = tuple(tuple(x) for x in d["periods"])
    d["episodes"] = tuple(EpisodeRow(**x) for x in d["episodes"])
    d["days"] = tuple(DayPart(**{**x, "uses": tuple(TypeUse(**u) for u in x["uses"]),
                                 "narratives": tuple(x["narratives"]),
                                 "staff": tuple(StaffRow(**r) for r in x["staff"])}) for x in d["days"])
    d["signatures"] = tuple(SignatureLine(**x) for x in d["signatures"])
    d["notices"] = tuple(d["notices"])
    d["control"] = tuple(tuple(x) for x in d["control"])
    return FormReportData(**d)


def _csv_bytes(rows: list[tuple]) -> bytes:
    # Names, contact persons and reasons are typed by users: csv_bytes neutralises formulas.
    return csv_bytes([CSV_HEADER, *rows])
