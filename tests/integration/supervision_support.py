"""A small municipality for the supervision tests, and one complete visit with known answers.

Two care homes: Bakkegården (8 residents) and Solgården (5). Jens and Anna at Bakkegården had
force registered in February 2026 (Jens has a relative, Anna none). Users: admin, the consultant
Karl, the leader Lene (Bakkegården), the staff member Pia and the caseworker Sofie.
The clock is a dict the tests move forward.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tilsyn.domain.force import EpisodeInput, StaffInput
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.supervision import SupervisionService
from tilsyn.services.users import UserInput, UserService

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
PW = "et-godt-kodeord"
NARRATIVE = "Jens faldt til ro med sin yndlingsmusik efter ti minutter."
RESIDENTS = [  # (cpr, name, home index, move in, move out)
    ("010130-1234", "Jens Ærø Hansen", 0, D(2020, 1, 1), None),
    ("020230-1234", "Anna Berg", 0, D(2021, 5, 1), None),
    ("030330-1234", "Bo Ek", 0, D(2019, 1, 1), None),
    ("040430-1234", "Dora Dahl", 0, D(2022, 1, 1), None),
    ("050530-1234", "Egon Olsen", 0, D(2023, 1, 1), None),
    ("060630-1234", "Frida Falk", 0, D(2024, 1, 1), None),
    ("070730-1234", "Gerda Gram", 0, D(2025, 1, 1), None),
    ("080830-1234", "Hans Holm", 0, D(2025, 6, 1), None),
    ("090930-1234", "Inge Isak", 0, D(2018, 1, 1), D(2026, 2, 1)),  # moved out before the visit
    ("101030-1234", "Karen Kro", 0, D(2026, 3, 20), None),  # moves in after the visit
    ("111130-1234", "Lis Lund", 1, D(2020, 1, 1), None),
    ("121230-1234", "Mads Mørk", 1, D(2020, 1, 1), None),
    ("130130-1234", "Nina Nør", 1, D(2020, 1, 1), None),
    ("140230-1234", "Ole Ørn", 1, D(2020, 1, 1), None),
    ("150330-1234", "Per Pil", 1, D(2020, 1, 1), None),
]
NAMES = [r[1] for r in RESIDENTS]
CPRS = [r[0] for r in RESIDENTS]


class World:
    def __init__(self, ctx):
        self.ctx = ctx
        self.clock = {"now": dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc)}
        ctx.clock = lambda: self.clock["now"]
        self.users = UserService(ctx)
        self.svc = SupervisionService(ctx)

    def at(self, day: dt.date, hour: int = 10) -> None:
        self.clock["now"] = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=CPH).astimezone(dt.timezone.utc)

    def login(self, who: str) -> None:
        self.users.login(who, PW)


def build(ctx) -> World:
    """Care homes, residents, relatives, permits, two episodes and the users."""
    w = World(ctx)
    homes = CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune", [CareHomeInput("Bakkegården", units=("Afsnit Øst",)), CareHomeInput("Solgården")])
    w.homes = [h.id for h in homes]
    res = ResidentService(ctx)
    relatives = {0: [RelativeInput("Ulla Ærø Hansen", "Datter", "20304050")],
                 2: [RelativeInput("Viggo Ek", "Søn", "30405060")]}
    w.residents = []
    for i, (cpr, name, home, move_in, move_out) in enumerate(RESIDENTS):
        w.residents.append(res.save(None, ResidentInput(cpr, name, homes[home].id, room="1", move_in=move_in,
                                                        move_out=move_out), relatives=relatives.get(i)).id)
    w.jens, w.anna, w.bo = w.residents[:3]
    res.save_permit(w.jens, None, PermitInput(("127_retention",), D(2026, 1, 1), D(2026, 12, 31), "Om natten"))
    res.save_permit(w.anna, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2026, 12, 31), "Altid"))
    w.users.create_first_admin("admin", "Anne Admin", PW)
    w.login("admin")
    w.users.create_user(UserInput("karl", "Karl Konsulent", "consultant", "Tilsynskonsulent"), PW)
    w.users.create_user(UserInput("kim", "Kim Konsulent", "consultant", "Tilsynskonsulent"), PW)
    w.users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (homes[0].id,)), PW)
    w.users.create_user(UserInput("lars", "Lars Leder", "leader", "Centerleder", (homes[1].id,)), PW)
    w.users.create_user(UserInput("pia", "Pia Jensen", "staff", "SSA", (homes[0].id,)), PW)
    w.users.create_user(UserInput("sofie", "Sofie Sag", "caseworker", "Sagsbehandler"), PW)
    w.user_ids = {u.username: u.id for u in w.users.list_users()}
    w.consultants = {u.username: u.id for u in w.users.list_users() if u.role == "consultant"}
    w.login("pia")
    force = ForceService(ctx)
    staff = (StaffInput("Pia Jensen", "Bakkegården", "SSA", True),)
    for resident, type_, day in ((w.jens, "127_retention", 14), (w.anna, "125_alarm", 20)):
        when = dt.datetime(2026, 2, day, 22, 0, tzinfo=CPH)
        w.at(D(2026, 2, day), 23)
        force.register_episode(EpisodeInput(resident, type_, when, when + dt.timedelta(minutes=10),
                                            location="Gangen", purpose="Tryghed", description="Ville gå ud",
                                            avoidance="Talte roligt", least_intrusive="Kort støtte",
                                            narrative=NARRATIVE, staff=staff))
    w.users.logout()
    return w


SAT = ("tilfredshed", "forstaaelse", "dialog")


def answer(svc, interview_id, answers):
    """answers: list of (question, item, option, free text)."""
    dto = None
    for q, item, option, text in answers:
        dto = svc.save_answer(interview_id, q, option, text, item_id=item)
    return dto


RESIDENT_ANSWERS = {
    "B1": [("tilfredshed", "personlige", "meget_tilfreds", "Personalet er søde"),
           ("tilfredshed", "praktiske", "tilfreds", ""), ("tilfredshed", "traening", "ved_ikke", ""),
           ("forstaaelse", "", "hoej_grad", ""), ("dialog", "", "nogen_grad", "")],
    "B2": [("tilfredshed", "personlige", "hverken_eller", ""), ("tilfredshed", "praktiske", "tilfreds", ""),
           ("tilfredshed", "traening", "utilfreds", "Savner gåture"),
           ("forstaaelse", "", "ringe_grad", ""), ("dialog", "", "ved_ikke", "")],
}
RELATIVE_ANSWERS = [
    ("tilfredshed", "personlige", "tilfreds", ""), ("tilfredshed", "praktiske", "tilfreds", ""),
    ("tilfredshed", "traening", "tilfreds", ""), ("forstaaelse", "", "hoej_grad", ""), ("dialog", "", "hoej_grad", ""),
    ("princip-2012", "mindst-indgribende", "tilfredsstillende", ""), ("princip-2012", "kortvarigt", "delvis", ""),
    ("princip-2012", "skaansomt", "ved_ikke", ""),
]
T = "tilfredsstillende"
STAFF_EVALUATIONS = [(T, T, T, T), (T, T, T, T), (T, T, T, "delvis"), ("ved_ikke", T, T, T)]


def full_visit(w: World) -> dict:
    """Programme 2026 (theme: the least intrusive ...), visits planned for both homes, Bakkegården's
    visit held on 10 March 2026 with a refusal and replacement, two resident interviews, one relative,
    the dialogue meeting and four staff evaluations, findings, the action plan, consultation with the
    leader's reply, final report. Returns the ids."""
    svc = w.svc
    w.login("karl")
    w.at(D(2026, 3, 2))
    programme = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                     sample_max=3, relatives_per_home=2)
    visit = svc.plan_visit(programme.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
    other = svc.plan_visit(programme.id, w.homes[1], D(2026, 3, 12), consultant_ids=[w.consultants["kim"]])
    draw = svc.draw_sample(visit.id, 2011, size=3)
    relatives = svc.draw_sample(visit.id, 2011, kind="relative")
    w.at(D(2026, 3, 10))
    first = draw.members[0]
    draw = svc.refuse_member(first.id, "declined", "Sov til middag")
    interviews = {}
    for member in [m for m in draw.members if m.status == "drawn"][:2]:
        i = svc.start_interview(visit.id, member_id=member.id)
        svc.record_consent(i.id, True)
        answer(svc, i.id, RESIDENT_ANSWERS[i.respondent_code])
        interviews[i.respondent_code] = svc.finish_interview(i.id).id
    p = svc.start_interview(visit.id, member_id=relatives.members[0].id)
    svc.record_consent(p.id, True)
    answer(svc, p.id, RELATIVE_ANSWERS)
    interviews["P1"] = svc.finish_interview(p.id).id
    m = svc.start_interview(visit.id, kind="staff_dialogue")
    svc.record_consent(m.id, True)
    answer(svc, m.id, [("genkender", "", None, "Vi genkender, at træning fylder for lidt."),
                       ("princip-2012", "", None, "Vi taler altid roligt først og afbryder hurtigt.")])
    interviews["M1"] = svc.finish_interview(m.id).id
    for choices in STAFF_EVALUATIONS:
        e = svc.start_interview(visit.id, kind="staff_evaluation")
        svc.record_consent(e.id, True)
        answer(svc, e.id, [(f"maal-{n}", "", c, "") for n, c in enumerate(choices, start=1)])
        interviews[e.respondent_code] = svc.finish_interview(e.id).id
    svc.mark_conducted(visit.id, D(2026, 3, 10))
    w.at(D(2026, 3, 11))
    svc.save_goal_finding(visit.id, "hjaelp", "Hjælpen til træning opleves som utilstrækkelig.",
                          "mindre_tilfredsstillende")
    svc.save_goal_finding(visit.id, "dialog", "Dialogen er god og respektfuld.", "tilfredsstillende")
    svc.set_result(visit.id, "mindre_tilfredsstillende", "Træningen skal styrkes.")
    svc.set_conclusions(visit.id, ["Beboerne oplever respekt for deres ønsker.", "", "Træningen fylder for lidt."])
    svc.set_development_areas(visit.id, ["Daglig træning"])
    svc.add_action_item(visit.id, "Gåture tre gange om ugen", "Afdelingsleder", D(2026, 6, 1))
    svc.start_report(visit.id)
    svc.send_for_consultation(visit.id, D(2026, 3, 25))
    w.login("lene")
    w.at(D(2026, 3, 15))
    svc.reply_to_consultation(visit.id, "Vi er enige og går i gang med gåturene.")
    w.login("karl")
    w.at(D(2026, 3, 16))
    svc.finalise(visit.id)
    return {"programme": programme.id, "visit": visit.id, "other": other.id, "draw": draw.id,
            "relatives_draw": relatives.id, "interviews": interviews}
