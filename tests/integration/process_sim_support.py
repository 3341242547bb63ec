"""Four sites as separate processes (issue 11, first test): the hub, two care-home PCs and a
consultant's laptop, each its own database, each step its own Python process.

Two kinds of process, both started from a fresh interpreter and both closing their database
before they end:

- ``Sim.cli(site, ...)``: the real ``tilsyn`` command line (tilsyn.cli.main), logged in through
  $TILSYN_USER / $TILSYN_PASSWORD as a script would.
- ``Sim.act(site, user, step, ...)``: what a person does in the window, for which there is no
  command: a driver opens the database with ``open_app`` (no one logged in, as the GUI does),
  logs in with ``UserService.login``, runs one function of STEPS below through the services the
  GUI calls, logs out, closes and prints its result as JSON.

The only thing either adds to the program is the clock: $TILSYN_SIM_NOW (ISO time) becomes
open_app's default clock, so the simulation runs on a calendar (February-April 2026) and gives
the same result whenever it runs. Passwords are hashed with Argon2id's production parameters,
start files with their own: nothing is weakened in the processes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
CPH = ZoneInfo("Europe/Copenhagen")
NOW_ENV = "TILSYN_SIM_NOW"
START = "start-hemmelighed-1"
LAPTOP_PASS = "baerbar-hemmelighed-1"
PEERS = {"bakke": "Pc Bakkegården", "sol": "Pc Solgården", "laptop": "Bærbar Karl"}
HOMES = {"bakke": "Bakkegården", "sol": "Solgården"}
# Who exchanges at each site (any logged-in user may; these are the ones who would).
EXCHANGER = {"hub": "admin", "bakke": "lene", "sol": "lars", "laptop": "karl"}
# Texts of the episodes registered on Bakkegården's PC in March: never on the laptop.
MARCH_NARRATIVE = "Anna faldt til ro, da hun fik sin kaffe i haven."
MARCH_TEXTS = (MARCH_NARRATIVE, "Ville ud ad hoveddøren", "Tilbød en gåtur først")


def fix_clock() -> None:
    """$TILSYN_SIM_NOW as open_app's default clock (the only change a process gets)."""
    value = os.environ.get(NOW_ENV)
    if not value:
        return
    now = dt.datetime.fromisoformat(value)
    from tilsyn.services import app

    defaults = app.open_app.__kwdefaults__ or {}
    assert "clock" in defaults, "open_app no longer takes clock= as a keyword: update fix_clock"
    defaults["clock"] = lambda: now


CLI_RUNNER = (
    "import sys; sys.path.insert(0, {here!r}); import process_sim_support; process_sim_support.fix_clock(); "
    "from tilsyn.cli import main; sys.exit(main(sys.argv[1:]))"
).format(here=str(HERE))
DRIVER_RUNNER = (
    "import sys; sys.path.insert(0, {here!r}); import process_sim_support; "
    "sys.exit(process_sim_support.drive(sys.argv[1], sys.argv[2]))"
).format(here=str(HERE))


# -- the test's side: the four sites and their processes ------------------------------------------


@dataclass
class Run:
    """One finished process."""

    what: str
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def ok(self) -> "Run":
        assert self.returncode == 0, f"{self.what} exited {self.returncode}\n{self.stdout}\n{self.stderr}"
        assert "Traceback" not in self.stderr, self.stderr
        return self


@dataclass
class Sim:
    """The four databases, a calendar, and a log of every process run."""

    hub: str
    folder: Path
    now: dt.datetime = dt.datetime(2026, 2, 21, 9, 0, tzinfo=dt.timezone.utc)
    runs: list[Run] = field(default_factory=list)
    files: int = 0
    loaded: set[str] = field(default_factory=set)  # sites that have loaded a file

    def __post_init__(self) -> None:
        self.dbs = {"hub": self.hub, "bakke": str(self.folder / "bakke.sqlite"),
                    "sol": str(self.folder / "sol.sqlite"), "laptop": str(self.folder / "laptop.sqlite")}

    def at(self, day: dt.date, hour: int = 10, minute: int = 0) -> None:
        """Move the calendar to ``day`` at ``hour``:``minute`` Copenhagen time."""
        self.now = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH).astimezone(dt.timezone.utc)

    def _env(self, site: str | None, user: str | None, extra: dict | None = None) -> dict:
        from supervision_support import PW

        env = {k: v for k, v in os.environ.items() if k not in ("TILSYN_USER", "TILSYN_PASSWORD",
                                                                 "TILSYN_DB_PASSPHRASE", "TILSYN_DB")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env[NOW_ENV] = self.now.isoformat()
        if user:
            env["TILSYN_USER"], env["TILSYN_PASSWORD"] = user, PW
        if site == "laptop":
            env["TILSYN_DB_PASSPHRASE"] = LAPTOP_PASS
        env.update(extra or {})
        return env

    def _run(self, what: str, cmd: list[str], env: dict) -> Run:
        started = time.monotonic()
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=self.folder)
        run = Run(what, p.returncode, p.stdout, p.stderr, time.monotonic() - started)
        self.runs.append(run)
        return run

    def cli(self, site: str, *args: str, user: str | None = None, env: dict | None = None) -> Run:
        """``tilsyn ARGS --db SITE`` in its own process, logged in as ``user`` (if any)."""
        cmd = [sys.executable, "-c", CLI_RUNNER, *args, "--db", self.dbs[site]]
        return self._run(f"tilsyn {' '.join(args)} ({site}, {user})", cmd, self._env(site, user, env))

    def act(self, site: str, user: str | None, step: str, **kwargs) -> dict:
        """One person's action (a function of STEPS) at ``site`` in its own process; its result."""
        env = self._env(site, user, {"TILSYN_SIM_DB": self.dbs[site]})
        run = self._run(f"{step} ({site}, {user})", [sys.executable, "-c", DRIVER_RUNNER, step,
                                                     json.dumps(kwargs)], env).ok()
        lines = [x for x in run.stdout.splitlines() if x.startswith("RESULT ")]
        assert lines, run.stdout + run.stderr
        return json.loads(lines[-1][len("RESULT "):])

    def exchange(self, src: str, dst: str) -> str:
        """``tilsyn exchange pack`` at ``src`` for ``dst``, then ``tilsyn exchange unpack`` at
        ``dst`` (no login for a site's very first file); returns what unpack printed."""
        self.files += 1
        path = self.folder / f"{self.files:02d}-{src}-{dst}.tilsyn"
        to = ("--site", PEERS[dst]) if src == "hub" else ()
        self.cli(src, "exchange", "pack", "--out", str(path), *to, user=EXCHANGER[src]).ok()
        first = dst != "hub" and dst not in self.loaded  # a just-joined site has no users yet
        out = self.cli(dst, "exchange", "unpack", str(path), user=None if first else EXCHANGER[dst]).ok().stdout
        self.loaded.add(dst)
        return out

    def report(self) -> str:
        """Processes run and their seconds, for a failing assertion or the log."""
        total = sum(r.seconds for r in self.runs)
        return f"{len(self.runs)} processes, {total:.1f} s: " + "; ".join(
            f"{r.what} {r.seconds:.1f}s" for r in self.runs)


def set_up(hub: str, folder: Path) -> tuple[Sim, dict]:
    """The municipality (supervision_support.build) at the hub, then with real CLI processes:
    ``site init``, ``site add`` for both PCs and the laptop (start files), ``site join`` on each new
    machine (the laptop encrypted) and the first file from the hub to each. Returns the world's ids."""
    sim = Sim(hub, folder)
    world = sim.act("hub", None, "build")
    sim.cli("hub", "site", "init", "--name", "Vejle Kommune", user="admin").ok()
    starts = {}
    for key, peer in PEERS.items():
        starts[key] = folder / f"{key}.tilsyn-start"
        kind = ("--kind", "bærbar") if key == "laptop" else ("--kind", "plejecenter", "--home", HOMES[key])
        sim.cli("hub", "site", "add", "--name", peer, *kind, "--out", str(starts[key]), user="admin",
                env={"TILSYN_START_PASSPHRASE": START}).ok()
    for key in PEERS:
        r = sim.cli(key, "site", "join", str(starts[key]), env={"TILSYN_START_PASSPHRASE": START}).ok()
        assert f"Denne computer er nu »{PEERS[key]}«" in r.stdout
        starts[key].unlink()  # as the message says: the start file holds the machine's secret keys
    sim.at(dt.date(2026, 2, 23), 9)
    for key in PEERS:
        out = sim.exchange("hub", key)
        assert f"Fil nr. 1 fra »Vejle Kommune« er indlæst (" in out, out
    return sim, world


# -- the driver's side: one process, one action ----------------------------------------------------


def drive(step: str, args: str) -> int:
    """Open $TILSYN_SIM_DB, log $TILSYN_USER in (if given), run STEPS[step], log out, close."""
    fix_clock()
    from tilsyn.services.app import close_app, open_app
    from tilsyn.services.users import UserService

    user = os.environ.get("TILSYN_USER")
    actor = {} if user is None else {"actor": None}  # the world's builder runs as the system
    opened = open_app(os.environ["TILSYN_SIM_DB"], passphrase=os.environ.get("TILSYN_DB_PASSPHRASE"), **actor)
    ctx = opened.context
    try:
        if user:
            UserService(ctx).login(user, os.environ["TILSYN_PASSWORD"])
        result = STEPS[step](ctx, **json.loads(args))
        if user:
            UserService(ctx).logout()
    finally:
        close_app(ctx)
    print("RESULT " + json.dumps(result, default=str, ensure_ascii=False), flush=True)
    return 0


def _refused(call) -> str | None:
    """The DomainError code ``call()`` is refused with, or None when it succeeds."""
    from tilsyn.domain.errors import DomainError

    try:
        call()
    except DomainError as exc:
        return exc.code
    return None


def step_build(ctx) -> dict:
    from supervision_support import build

    w = build(ctx)
    return {"homes": w.homes, "jens": w.jens, "anna": w.anna, "consultants": w.consultants}


def step_register_episodes(ctx, residents: list[str]) -> dict:
    """Staff on the care home's PC register one episode per resident (this evening)."""
    from tilsyn.domain.force import EpisodeInput, StaffInput
    from tilsyn.services.force import ForceService

    force = ForceService(ctx)
    staff = (StaffInput("Pia Jensen", "Bakkegården", "SSA", True),)
    forms = []
    for i, (resident, force_type) in enumerate(residents):
        start = ctx.now().astimezone(CPH) - dt.timedelta(hours=2, minutes=30 * i)
        r = force.register_episode(EpisodeInput(
            resident, force_type, start, start + dt.timedelta(minutes=10), location="Hoveddøren", purpose="Tryghed",
            description=MARCH_TEXTS[1], avoidance=MARCH_TEXTS[2], least_intrusive="Kort støtte",
            narrative=MARCH_NARRATIVE, staff=staff))
        assert not r.late
        forms.append(r.form_id)
    return {"forms": forms}


def step_sign_episodes(ctx, forms: list[str], password: str) -> dict:
    """Staff sign section 2 (the episodes) of each form."""
    from tilsyn.services.force import ForceService

    for f in forms:
        ForceService(ctx).sign_section(f, 2, password)
    return {}


def step_leader_signs_and_sends(ctx, forms: list[str], password: str) -> dict:
    """The leader: section 3, signed, sent to the municipality; section 4 is refused here."""
    from tilsyn.domain.force import LeaderInput
    from tilsyn.services.force import ForceService

    force = ForceService(ctx)
    today = ctx.today()
    for f in forms:
        force.save_leader_section(f, LeaderInput(
            "Nødvendig for at undgå, at hun gik ud alene", "Drøftet på personalemødet", "1. april", True,
            "2. april", "", True, "", "Lene Leder", today))
        force.sign_section(f, 3, password)
        force.send_to_authority(f)
    return {"send_back_on_pc": _refused(lambda: force.send_back(forms[0], "Mangler noget")),
            "sent": [force.get_form(f).sent_at for f in forms]}


def step_caseworker(ctx, processed: str, returned: str, password: str, comment: str) -> dict:
    """The caseworker at the hub: processes one form (section 4, signed) and sends one back."""
    from tilsyn.domain.force import AuthorityInput, LeaderInput
    from tilsyn.services.force import ForceService

    force = ForceService(ctx)
    inbox = {s.id for s in force.inbox()}
    arrived = {f: force.get_form(f) for f in (processed, returned)}
    leader_here = _refused(lambda: force.save_leader_section(processed, LeaderInput(necessity="Ændret i kommunen")))
    force.save_authority_section(processed, AuthorityInput(
        "Ingen bemærkninger", True, True, "Sofie Sag", "Sagsbehandler", "Vejle Kommune", ctx.today()))
    force.sign_section(processed, 4, password)
    force.send_back(returned, comment)
    return {"in_inbox": sorted(inbox & set(arrived)), "leader_on_hub": leader_here,
            "episodes": {f: [e.narrative for e in d.episodes] for f, d in arrived.items()},
            "sent": {f: d.sent_at for f, d in arrived.items()}}


def _form_state(d) -> dict:
    return {"status": d.status, "sent_at": d.sent_at, "processed_at": d.processed_at, "returned_at": d.returned_at,
            "return_comment": d.return_comment, "followup_remarks": d.authority.followup_remarks,
            "signed": sorted(s.section for s in d.signatures if not getattr(s, "voided_at", None)),
            "marks": sorted(d.marks), "allowed": sorted(d.allowed), "resident": d.resident_name}


def step_forms(ctx, forms: list[str]) -> dict:
    """What a user sees of the forms (the form window's data)."""
    from tilsyn.services.force import ForceService

    force = ForceService(ctx)
    return {f: _form_state(force.get_form(f)) for f in forms}


def step_plan_visits(ctx, homes: list[str], consultants: dict) -> dict:
    """The consultant at the hub: the year's programme (theme, sample plan) and the two visits."""
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    programme = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                     sample_max=3, relatives_per_home=2)
    visit = svc.plan_visit(programme.id, homes[0], dt.date(2026, 3, 10), consultant_ids=[consultants["karl"]])
    other = svc.plan_visit(programme.id, homes[1], dt.date(2026, 3, 12), consultant_ids=[consultants["kim"]])
    return {"programme": programme.id, "visit": visit.id, "other": other.id}


def _draw_state(d) -> dict:
    return {"id": d.id, "kind": d.kind, "members": [
        {"id": m.id, "rank": m.rank, "status": m.status, "replaces_id": m.replaces_id, "name": m.name,
         "reason": m.reason} for m in d.members]}


def step_visit(ctx, visit: str) -> dict:
    """The visit as the consultant's screen shows it: status, draws, interviews, findings."""
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    v = svc.visit(visit)
    f = svc.findings(visit)
    return {"status": v.status, "planned_on": v.planned_on,
            "draws": [_draw_state(svc.draw(d.id)) for d in v.draws],
            "interviews": sorted(i.respondent_code for i in v.interviews),
            "result": f.result, "result_summary": f.result_summary,
            "goal_notes": [(n.goal_id, n.summary) for n in f.goal_notes],
            "conclusions": [c.text for c in f.conclusions], "home_score": f.home_score}


def step_refuse_and_replace(ctx, visit: str) -> dict:
    """On the laptop: the first drawn resident declines; the next in rank replaces them. The
    programme and the draw are the hub's: a new draw is refused here."""
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    draw = next(svc.draw(d.id) for d in svc.visit(visit).draws if d.kind == "resident")
    redraw_here = _refused(lambda: svc.draw_sample(visit, 99, size=3))
    refused = draw.members[0]
    after = svc.refuse_member(refused.id, "declined", "Sov til middag")
    relatives = next(svc.draw(d.id) for d in svc.visit(visit).draws if d.kind == "relative")
    contacts = svc.relative_contacts(relatives.members[0].id) if relatives.members else []
    return {"refused": refused.id, "draw": _draw_state(after), "draw_on_laptop": redraw_here,
            "contacts": [c.name for c in contacts]}


def step_interviews(ctx, visit: str, count: int) -> dict:
    """On the laptop: interviews with the first ``count`` drawn residents; the visit is held."""
    from supervision_support import RESIDENT_ANSWERS, answer
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    draw = next(svc.draw(d.id) for d in svc.visit(visit).draws if d.kind == "resident")
    codes = []
    for member in [m for m in draw.members if m.status == "drawn"][:count]:
        i = svc.start_interview(visit, member_id=member.id)
        svc.record_consent(i.id, True)
        answer(svc, i.id, RESIDENT_ANSWERS[i.respondent_code])
        codes.append(svc.finish_interview(i.id).respondent_code)
    svc.mark_conducted(visit, ctx.today())
    return {"codes": codes}


def step_findings(ctx, visit: str) -> dict:
    """On the laptop: a goal's finding, the result, the conclusions, and the report draft begun."""
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    svc.save_goal_finding(visit, "dialog", "Dialogen er god og respektfuld.", "tilfredsstillende")
    svc.set_result(visit, "tilfredsstillende", "Godt besøg.")
    svc.set_conclusions(visit, ["Beboerne oplever respekt for deres ønsker."])
    return {"status": svc.start_report(visit).status}


def step_hub_report(ctx, visit: str, deadline: str) -> dict:
    """At the hub: the laptop's conduct is read-only; the consultant sends the report draft to the
    care home for consultation."""
    from tilsyn.services.supervision import SupervisionService

    svc = SupervisionService(ctx)
    before = step_visit(ctx, visit)
    conduct_here = _refused(lambda: svc.set_result(visit, "tilfredsstillende", "Ændret i kommunen"))
    sent = svc.send_for_consultation(visit, dt.date.fromisoformat(deadline))
    return {"before": before, "conduct_on_hub": conduct_here, "status": sent.status}


def step_consultation_inbox(ctx) -> dict:
    """The leader on the care home's PC: the draft reports waiting for a reply."""
    from tilsyn.services.supervision import SupervisionService

    return {"visits": [r.id for r in SupervisionService(ctx).consultation_inbox()]}


STEPS = {name[len("step_"):]: fn for name, fn in globals().items() if name.startswith("step_")}
