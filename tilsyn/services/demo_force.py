"""Demo step: a year of use of force, in every state a real municipality has.

Episodes on time and late, acute / unpermitted records, forms waiting for the leader, sent,
processed, sent back, and months overdue at the authority. Also demo users for every role, so
the demo can be tried as staff, leader, caseworker and consultant.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher

from ..domain.force import (
    SECTION_AUTHORITY,
    SECTION_EPISODES,
    SECTION_LEADER,
    Month,
    due_date,
    is_late,
    local_date,
)
from ..domain.roles import Role
from ..store.models import User, UserCareHome
from ..store.models_force import Episode, EpisodeStaff, ForceForm
from .force import AUTHORITY_FIELDS, LEADER_FIELDS, TEMPLATE_ACUTE, TEMPLATE_MONTHLY, section_content
import uuid

from ..store import audit as store_audit
from .signatures import build_signature

CPH = ZoneInfo("Europe/Copenhagen")
DEMO_PASSWORD = "demo-kode"
ENTITY = "force_form"

TEXTS = {
    "125_alarm": ("Alarmen ved yderdøren gik kl. {hh}", "Forhindre at {first} gik ud alene", "Ved yderdøren"),
    "125_tracking": ("Pejlesenderen viste at {first} var på vej mod vejen", "Finde {first} hurtigt og sikkert",
                     "På stien bag centret"),
    "125_door": ("Den særlige døråbner holdt døren lukket, da {first} ville ud", "Forhindre at {first} faldt på trappen",
                 "Ved trappeopgangen"),
    "126_holding": ("{first} slog ud efter en medbeboer og blev ført til sin egen stue",
                    "Beskytte medbeboeren mod slag", "I dagligstuen"),
    "126a_hygiene": ("{first} modsatte sig {situation} og blev holdt let på armen",
                     "Undgå sår og ubehag ved manglende hygiejne", "På badeværelset"),
    "127_retention": ("{first} ville forlade boligen om natten i nattøj og blev tilbageholdt",
                      "Forhindre at {first} blev forvirret og nedkølet udenfor", "Ved hoveddøren"),
    "128_belts": ("{first} blev fastspændt med blød stofsele i kørestolen under måltidet",
                  "Forhindre fald ud af kørestolen", "I spisestuen"),
}
AVOIDANCE = [
    "Tilbød en kop kaffe og en snak om {first}s familie; prøvede igen efter ti minutter.",
    "Skruede ned for lyset og satte {first}s yndlingsmusik på.",
    "Lod {first} gå en tur på gangen med en medarbejder først.",
    "Forklarede roligt hvad der skulle ske, og ventede til {first} var klar.",
]
LEAST = [
    "Kun let støtte ved albuen, og kun så længe det var nødvendigt.",
    "En medarbejder førte {first} roligt tilbage; ingen fastholdelse ud over det.",
    "Indgrebet varede under fem minutter og blev afbrudt så snart {first} faldt til ro.",
]
NARRATIVE = [
    "{first} faldt til ro efter kort tid og spiste derefter sin mad. Trygheden blev genoprettet med rolig "
    "snak. Gode råd: tal om familien før situationen.",
    "{first} var urolig i ca. 10 minutter. Ingen skader. Vi aftalte at tilbyde en gåtur før sengetid fremover.",
    "{first} blev vred, men accepterede hjælpen efter lidt tid. Ingen fysiske mærker. Personalet noterede at "
    "morgenstunden er svær.",
]
LATE_REASONS = ["Glemt i en travl weekend", "Medarbejderen var syg dagen efter", "It-nedbrud på afdelingen"]


def step_force(b) -> None:
    """Add demo users and a year of use of force to the homes just built."""
    b.uow.flush()
    with b.uow.session.no_autoflush:
        _step_force(b)
    b.uow.flush()
    store_audit.append(b.uow.session, b.extras.pop("sig_events", []))
    b.extras.pop("sig_chain", None)


def _step_force(b) -> None:
    rng = random.Random(b.rng.random())
    hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    pw_hash = hasher.hash(DEMO_PASSWORD)
    users = _demo_users(b, pw_hash)
    b.uow.flush()  # signatures refer to the users without an ORM relationship to order by
    caseworker = users["caseworker"]
    today = b.today
    # Nothing the demo writes is later than its clock, whatever the hour (issue 12): episodes,
    # registrations, signatures, sending and processing all stop at ``now``.
    now = demo_now(b)
    current = Month.of(today)
    months = [current]
    for _ in range(11):
        months.append(months[-1].previous())
    months.reverse()
    created = 0
    for person in b.people:
        r = person.resident
        if not person.active or not r.permits:
            continue
        home = r.care_home
        leader = users.get(("leader", home.id))
        staff = users.get(("staff", home.id))
        first = r.name.split()[0]
        for month in months:
            day_range = [d for d in _days(month) if d <= today]
            if not day_range:
                continue
            covering = [p for p in r.permits if p.valid_from <= month.last_day and p.valid_to >= month.first_day]
            if not covering or rng.random() < 0.35:
                continue
            form = None
            for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                permit = rng.choice(covering)
                days = [d for d in day_range if permit.valid_from <= d <= permit.valid_to]
                if not days:
                    continue
                day = rng.choice(days)
                start = dt.datetime.combine(day, dt.time(rng.randint(0, 23), rng.choice([0, 10, 25, 40, 55])),
                                            tzinfo=CPH)
                if start + dt.timedelta(minutes=MAX_EPISODE_MINUTES) > now:
                    continue
                if form is None:
                    form = ForceForm(id=uuid.uuid4(), kind="monthly", resident=r, care_home_id=home.id, year=month.year,
                                     month=month.month, template_version=TEMPLATE_MONTHLY,
                                     catalogue_version=permit.catalogue_version)
                    b.uow.forms.add(form)
                code = rng.choice(permit.type_codes)
                _episode(b, rng, form, r, first, code, start, now, staff, home)
                created += 1
            if form is not None:
                _advance(b, rng, form, month, now, leader, caseworker, staff)
    # Acute / unpermitted records: a few residents without a permit.
    without = [p.resident for p in b.people if p.active and not p.resident.permits]
    for r in rng.sample(without, min(len(without), max(2, len(b.care_homes)))):
        day = today - dt.timedelta(days=rng.randint(1, 300))
        start = dt.datetime.combine(day, dt.time(rng.randint(7, 21), 15), tzinfo=CPH)  # at least a day ago
        month = Month.of(day)
        form = ForceForm(id=uuid.uuid4(), kind="acute", resident=r, care_home_id=r.care_home.id, year=month.year, month=month.month,
                         template_version=TEMPLATE_ACUTE, catalogue_version=b.catalogue.version,
                         not_covered_reason="no_active_permit")
        b.uow.forms.add(form)
        _episode(b, rng, form, r, r.name.split()[0], "126_holding", start, now,
                 users.get(("staff", r.care_home.id)), r.care_home)
        _advance(b, rng, form, month, now, users.get(("leader", r.care_home.id)), caseworker,
                 users.get(("staff", r.care_home.id)))
    b.extras["episodes"] = created
    b.extras["users"] = len(users)


MAX_EPISODE_MINUTES = 15


def demo_now(b) -> dt.datetime:
    """The demo's clock in Danish time (``b.extras["now"]``, set from the app's clock), else noon today."""
    now = b.extras.get("now")
    if now is None:
        return dt.datetime.combine(b.today, dt.time(12, 0), tzinfo=CPH)
    return now.astimezone(CPH)


def _days(month: Month) -> list[dt.date]:
    return [month.first_day + dt.timedelta(days=i) for i in range((month.last_day - month.first_day).days + 1)]


def _episode(b, rng, form, r, first, code, start, now, staff_user, home) -> None:
    desc, purpose, where = TEXTS[code]
    situation = ""
    situation_label = ""
    if code == "126a_hygiene":
        s = rng.choice(b.catalogue.get(code).situations)
        situation, situation_label = s.code, s.label.lower()
    registered = start + dt.timedelta(hours=rng.choice([1, 2, 3, 8, 14, 20]))
    late_reason = ""
    if rng.random() < 0.08:
        registered = start + dt.timedelta(days=rng.randint(2, 6))
        late_reason = rng.choice(LATE_REASONS)
    registered = min(registered, now)
    writer = staff_user.full_name if staff_user else "Pia Jensen"
    colleague = rng.choice(["Ole Hansen", "Mette Sørensen", "Ali Hassan", "Karin Lund", "Jonas Friis"])
    ep = Episode(
        id=uuid.uuid4(), form=form, resident_id=r.id, catalogue_version=form.catalogue_version, force_type=code, situation=situation,
        started_at=start, ended_at=start + dt.timedelta(minutes=rng.choice([3, 5, 10, MAX_EPISODE_MINUTES])),
        location=where, purpose=purpose.format(first=first),
        description=desc.format(first=first, hh=start.strftime("%H.%M"), situation=situation_label),
        avoidance=rng.choice(AVOIDANCE).format(first=first), least_intrusive=rng.choice(LEAST).format(first=first),
        narrative=rng.choice(NARRATIVE).format(first=first), registered_at=registered,
        registered_by=staff_user.id if staff_user else None, late=is_late(start, registered),
        late_reason=late_reason if is_late(start, registered) else "",
    )
    ep.staff = [
        EpisodeStaff(id=uuid.uuid4(), position_no=0, name=writer, workplace=home.name, position="Social- og sundhedsassistent",
                     is_writer=True),
        EpisodeStaff(id=uuid.uuid4(), position_no=1, name=colleague, workplace=home.name, position="Social- og sundhedshjælper"),
    ]
    b.uow.episodes.add(ep)


def _sign(b, form, section, user, at) -> None:
    """Sign in memory; the rows and their audit events are written in one go at the end."""
    chain = b.extras.setdefault("sig_chain", {}).setdefault(form.id, [])
    sig = build_signature(ENTITY, str(form.id), section, section_content(form, section), form.template_version,
                          signer_name=user.full_name, role=user.role, user_id=str(user.id), at=at,
                          earlier=[s.hash for s in chain if s.voided_at is None])
    chain.append(sig)
    b.uow.signatures.add(sig)
    b.extras.setdefault("sig_events", []).append(store_audit.Event(
        "sign", ENTITY, str(form.id), {"section": section, "hash": sig.hash, "template_version": form.template_version}))


def _advance(b, rng, form, month: Month, now: dt.datetime, leader, caseworker, staff) -> None:
    """Move a form as far as a real one of its age would have come, with some stuck or sent back;
    never past ``now``: a step that would lie in the future is not taken."""
    today = local_date(now)
    due = due_date(month)
    end = dt.datetime.combine(min(month.last_day, today), dt.time(20, 0), tzinfo=CPH)
    # Signed once every episode is registered, and not after the clock.
    registered = [e.registered_at for e in form.episodes if e.registered_at is not None]
    end = min(max([end, *registered]), now)
    age_days = (today - month.last_day).days
    roll = rng.random()
    if age_days < 0:  # the current month: drafts, a few already signed by staff
        if roll < 0.3 and staff:
            _sign(b, form, SECTION_EPISODES, staff, end)
        return
    if roll < 0.07 or not (leader and staff):  # stuck: overdue once past the due date
        return
    _sign(b, form, SECTION_EPISODES, staff, end)
    if roll < 0.14 and age_days < 60:  # waiting for the leader
        return
    leader_at = end + dt.timedelta(days=2)
    if leader_at > now:  # the month has only just ended: the leader has not got to it yet
        return
    _fill_leader(form, leader, local_date(leader_at))
    _sign(b, form, SECTION_LEADER, leader, leader_at)
    sent = end + dt.timedelta(days=3)
    if sent > now:  # signed by the leader, ready to send
        return
    form.sent_at = sent
    if roll < 0.20 and age_days < 120 and sent + dt.timedelta(days=4) <= now:  # sent back with a comment
        form.sent_at = None
        form.returned_at = sent + dt.timedelta(days=4)
        form.return_comment = "Uddyb venligst hvordan magtanvendelsen blev forsøgt undgået."
        for s in b.extras["sig_chain"][form.id]:
            if s.section >= SECTION_LEADER:
                s.voided_at = form.returned_at
                s.voided_by = caseworker.full_name
                s.void_reason = form.return_comment
        return
    if age_days < 25 or roll < 0.30:  # sent, not yet processed
        return
    processed = min(dt.datetime.combine(due, dt.time(10), tzinfo=CPH) + dt.timedelta(days=rng.randint(1, 12)),
                    dt.datetime.combine(today, dt.time(9), tzinfo=CPH), now)
    if processed <= sent:
        return
    _fill_authority(form, caseworker, local_date(processed))
    _sign(b, form, SECTION_AUTHORITY, caseworker, processed)
    form.processed_at = processed


def _fill_leader(form, leader, day) -> None:
    values = dict(
        necessity="Beboeren var i risiko for at komme til skade, og andre tiltag var forsøgt først.",
        reflection="Episoderne er gennemgået på personalemødet med fokus på hvad der gik forud.",
        action_plan_updated=day.strftime("%d-%m-%Y"), discussed_in_staff_group=True,
        discussed_when=day.strftime("%d-%m-%Y"), discussion_plans="", action_plan_exists=True,
        other="", leader_name=leader.full_name, assessed_on=day,
    )
    for f in LEADER_FIELDS:
        setattr(form, f, values[f])


def _fill_authority(form, caseworker, day) -> None:
    values = dict(
        followup_remarks="Ingen bemærkninger. Fortsat fokus på forebyggelse.",
        residence_municipality_informed=True, acting_municipality_informed=True,
        processed_by_name=caseworker.full_name, processed_by_position="Sagsbehandler for magtanvendelse",
        processed_by_municipality="Vejle Kommune", processed_on=day,
    )
    for f in AUTHORITY_FIELDS:
        setattr(form, f, values[f])


def _demo_users(b, pw_hash: str) -> dict:
    """One staff member and one leader per care home, a caseworker, a consultant and an admin.

    All have the password ``demo-kode``; usernames are printed by ``tilsyn demo``."""
    out: dict = {}
    taken = {u.username for u in b.uow.users.list_all()}

    def add(username, full_name, role, position, homes=()):
        name = username
        n = 2
        while name in taken:
            name, n = f"{username}{n}", n + 1
        taken.add(name)
        u = User(id=uuid.uuid4(), username=name, full_name=full_name, role=role.value, position=position, password_hash=pw_hash)
        u.care_homes = [UserCareHome(care_home_id=h.id) for h in homes]
        b.uow.users.add(u)
        return u

    if not any(u.role == Role.ADMIN.value for u in b.uow.users.list_all()):
        out["admin"] = add("admin", "Anne Administrator", Role.ADMIN, "Systemadministrator")
    out["caseworker"] = add("sagsbehandler", "Sofie Sagsbehandler", Role.CASEWORKER, "Sagsbehandler")
    out["consultant"] = add("konsulent", "Karl Tilsynskonsulent", Role.CONSULTANT, "Tilsynskonsulent")
    staff_first = ["Pia", "Ole", "Mette", "Ali", "Karin", "Jonas", "Lise", "Bo", "Hanne", "Emil"]
    leader_first = ["Lene", "Henrik", "Birgitte", "Søren", "Tove", "Anders", "Maria", "Peter", "Inge", "Niels"]
    for i, home in enumerate(b.care_homes):
        out[("staff", home.id)] = add(f"medarbejder{i + 1}", f"{staff_first[i % 10]} Medarbejder {i + 1}",
                                      Role.STAFF, "Social- og sundhedsassistent", [home])
        out[("leader", home.id)] = add(f"leder{i + 1}", f"{leader_first[i % 10]} Leder {i + 1}", Role.LEADER,
                                       "Centerleder", [home])
    return out
