"""Demo step: supervision visits in every status, through the same rules as the service.

Last year every care home but one was visited (most satisfactory, a few poor, one critical, so
the planning overview has homes overdue and one never visited); this year six visits show each
status: planned, conducted, report draft, in consultation, final and follow-up. Samples have a
refusal with its replacement; interviews have answers, findings, conclusions and action plans.
The content depends only on the demo's random generator and its ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from ..domain.supervision import visits as vrules
from ..store.models_supervision import Consultation
from .supervision import core

CPH = ZoneInfo("Europe/Copenhagen")
ANSWER_WEIGHTS = {  # skewed towards satisfied, with some "Ved ikke"
    "satisfaction-2011": {"meget_tilfreds": 30, "tilfreds": 40, "hverken_eller": 12, "utilfreds": 8,
                          "meget_utilfreds": 3, "ved_ikke": 7},
    "experience-2011": {"hoej_grad": 40, "nogen_grad": 35, "ringe_grad": 12, "slet_ikke": 4, "ved_ikke": 9},
    "assessment-2011": {"tilfredsstillende": 62, "delvis": 22, "ikke": 6, "ved_ikke": 10},
}
FREE_TEXTS = ["Personalet er altid venlige.", "Savner flere gåture.", "Maden er god.",
              "Det tager tid, før der kommer nogen, når jeg ringer.", "Jeg bliver hørt.", ""]
DIALOGUE = {
    "genkender": "Vi genkender billedet; træningen glider ud, når der er travlt.",
    "fungerer": "Samarbejdet med de pårørende fungerer godt. Vi vil gerne blive bedre til at dokumentere ønsker.",
    "handleplan": "Fast gåtur efter middagen og en ønskebog på hver stue.",
    "princip-2012": "Vi forsøger altid afledning først og stopper, så snart det er muligt.",
    "princip-2013": "Vi spørger beboeren og de pårørende, før vi laver en plan.",
    "princip-2014": "Vi skærmer beboeren mod andres blikke og taler roligt undervejs.",
}
SUMMARIES = {
    "hjaelp": "Beboerne er overvejende tilfredse med den personlige og praktiske hjælp; træningen opleves som "
              "mindre regelmæssig.",
    "forstaaelse": "Beboerne oplever at blive mødt med forståelse for deres ønsker til hverdagen.",
    "dialog": "Dialogen beskrives som venlig og ligeværdig.",
    "magt-princip": "De pårørende oplever, at magtanvendelse sker skånsomt og kortvarigt.",
}
CONCLUSIONS = ["Beboerne oplever en venlig og respektfuld hjælp.",
               "Træning og aktivitet prioriteres ikke altid i en travl hverdag."]
AREAS = ["Daglig træning og aktivitet", "Dokumentation af beboernes ønsker"]
ACTIONS = [("Fast gåtur efter middagen", "Afdelingsleder"), ("Ønskebog på hver stue", "Kontaktpersoner")]
LAST_YEAR_RESULTS = ["tilfredsstillende", "meget_tilfredsstillende", "tilfredsstillende", "mindre_tilfredsstillende",
                     "tilfredsstillende", "kritisabel"]


def step_supervision(b) -> None:
    """Programmes for last year and this year with visits in every status (see the module doc)."""
    b.uow.flush()
    rng = random.Random(b.rng.random())
    users = b.uow.users.list_all()
    consultant = next((u for u in users if u.role == "consultant"), None)
    leaders = {h.care_home_id: u for u in users if u.role == "leader" for h in u.care_homes}
    homes = list(b.care_homes)
    today = b.today
    seed = rng.randint(1000, 9999)
    programmes: dict = {}

    def programme(year):
        if year not in programmes:
            p = b.uow.supervision.programmes.by_year(year)
            programmes[year] = p or core.create_programme(
                b.uow, year, sample_total=4 * len(homes), sample_min=3, sample_max=6, relatives_per_home=2,
                seed=str(seed))
        return programmes[year]

    visits, interviews = 0, 0
    last_year = today.year - 1
    programme(last_year)
    programme(today.year)
    # Last year: everyone but the last home (never visited: due now).
    held_last = homes[:-1] if len(homes) > 1 else []
    for i, home in enumerate(held_last):
        day = dt.date(last_year, 2 + (i * 9) % 10, 1 + (i * 7) % 27)
        result = LAST_YEAR_RESULTS[i % len(LAST_YEAR_RESULTS)]
        target = vrules.FOLLOW_UP if result in ("kritisabel", "mindre_tilfredsstillende") else vrules.FINAL
        interviews += _visit(b, rng, programme(last_year), home, day, target, result, seed, consultant,
                             leaders.get(home.id), today, refusal=i == 0, staff_evaluation=i == 1)
        visits += 1
    # This year: one visit in each status, on the first homes, dated relative to today.
    offsets = {vrules.PLANNED: 14, vrules.CONDUCTED: -3, vrules.DRAFT: -10, vrules.CONSULTATION: -20,
               vrules.FINAL: -45, vrules.FOLLOW_UP: -70}
    visited = held_last or homes  # the last home stays never visited when there are several
    for i, status in enumerate(vrules.STATUSES):
        home = visited[(i + 1) % len(visited)]
        day = today + dt.timedelta(days=offsets[status])
        interviews += _visit(b, rng, programme(day.year), home, day, status,
                             rng.choice(("tilfredsstillende", "meget_tilfredsstillende", "mindre_tilfredsstillende")),
                             seed, consultant, leaders.get(home.id), today, refusal=i == 1, staff_evaluation=i == 4)
        visits += 1
    b.uow.flush()
    b.extras["visits"] = visits
    b.extras["interviews"] = interviews


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=CPH).astimezone(dt.timezone.utc)


def _visit(b, rng, programme, home, day, target, result, seed, consultant, leader, today, *, refusal,
           staff_evaluation) -> int:
    """One visit brought to ``target`` status; returns the number of interviews held."""
    uow = b.uow
    visit = core.plan_visit(uow, programme, home.id, day,
                            consultant_ids=[str(consultant.id)] if consultant else ())
    visit.sample_size = 3
    draw_time = _at(min(day - dt.timedelta(days=7), today))
    # A programme from an earlier demo run keeps its own seed: every first draw must use it.
    seed = programme.seed or seed
    draw = core.make_draw(uow, visit, "resident", seed, drawn_by="Karl Tilsynskonsulent", now=draw_time)
    relatives = core.make_draw(uow, visit, "relative", seed, drawn_by="Karl Tilsynskonsulent", now=draw_time)
    if target == vrules.PLANNED:
        return 0
    now = _at(day)
    if refusal and draw.members:
        core.refuse(uow, draw.members[0], "declined", "Ønskede ikke at blive interviewet i dag")
    held = 0
    for member in [m for m in draw.members if m.status == "drawn"] + list(relatives.members):
        i = core.start_interview(uow, visit, member=member, now=now)
        core.record_consent(i, True, "", now)
        _answer(uow, rng, i, now)
        core.finish_interview(uow, i, now)
        held += 1
    dialogue = core.start_interview(uow, visit, kind="staff_dialogue", now=now)
    core.record_consent(dialogue, True, "", now)
    protocol = core.protocol_of(dialogue)
    for _, q in protocol.questions_for(dialogue.theme_id or None):
        if q.id in DIALOGUE:
            core.save_answer(uow, dialogue, q.id, None, DIALOGUE[q.id], "", now)
    core.finish_interview(uow, dialogue, now)
    held += 1
    if staff_evaluation:
        for _ in range(4):
            e = core.start_interview(uow, visit, kind="staff_evaluation", now=now)
            core.record_consent(e, True, "", now)
            _answer(uow, rng, e, now)
            core.finish_interview(uow, e, now)
            held += 1
    core.move(visit, vrules.CONDUCTED)
    visit.conducted_on = day
    if target == vrules.CONDUCTED:
        return held
    for goal_id, text in SUMMARIES.items():
        core.set_goal_finding(visit, goal_id, text, rng.choice(("tilfredsstillende", "meget_tilfredsstillende")))
    visit.result = result
    visit.result_summary = "Samlet set et plejecenter med god kvalitet og et par klare udviklingsområder."
    core.set_statements(visit, "conclusion", CONCLUSIONS)
    core.set_statements(visit, "development_area", AREAS)
    for k, (action, responsible) in enumerate(ACTIONS):
        core.add_action_item(visit, action, responsible, day + dt.timedelta(days=60 + 30 * k))
    core.move(visit, vrules.DRAFT)
    if target == vrules.DRAFT:
        return held
    sent_day = day + dt.timedelta(days=5)
    deadline = sent_day + dt.timedelta(days=vrules.CONSULTATION_DAYS)
    if target == vrules.CONSULTATION:
        deadline = max(deadline, today + dt.timedelta(days=7))  # still open for the leader's reply
    core.send_for_consultation(visit, deadline, sent_day, "Karl Tilsynskonsulent", _at(sent_day))
    if target == vrules.CONSULTATION:
        return held
    c: Consultation = visit.consultations[-1]
    reply_day = sent_day + dt.timedelta(days=7)
    core.reply(visit, "Vi er enige i rapporten og er gået i gang med handleplanen.",
               replied_by=leader.full_name if leader else "Centerlederen",
               user_id=leader.id if leader else None, now=_at(reply_day, 13))
    core.finalise(visit, reply_day + dt.timedelta(days=1), _at(reply_day + dt.timedelta(days=1)))
    if target == vrules.FINAL:
        return held
    visit.action_items[0].status = "in_progress"
    # The follow-up visit lies ahead (a past one would have been held), in this year's programme.
    follow_day = max(day + dt.timedelta(days=150), today + dt.timedelta(days=20 + 3 * (day.toordinal() % 10)))
    core.move(visit, vrules.FOLLOW_UP)
    follow_programme = b.uow.supervision.programmes.by_year(min(follow_day.year, today.year)) or visit.programme
    core.plan_visit(uow, follow_programme, home.id, follow_day,
                    consultant_ids=[str(consultant.id)] if consultant else (), follow_up_of=visit)
    return held


def _answer(uow, rng, interview, now) -> None:
    protocol = core.protocol_of(interview)
    for _, q in protocol.questions_for(interview.theme_id or None):
        if q.scale is None:
            continue
        weights = ANSWER_WEIGHTS[q.scale.id]
        for item in q.item_ids:
            code = rng.choices(list(weights), list(weights.values()))[0]
            text = rng.choice(FREE_TEXTS) if not item and rng.random() < 0.3 else ""
            core.save_answer(uow, interview, q.id, code, text, item, now)
