"""Shared set-up for the use-of-force screens' GUI tests: a temp SQLite app with a fixed clock,
one municipality, residents with permits, and a user for each role (logged in through UserService).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from tilsyn.domain.force import AuthorityInput, EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.residents import PermitInput
from tilsyn.services.users import UserInput, UserService
from tilsyn.ui.services_bundle import Services

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
# Friday 20 March 2026, 03:10 in Copenhagen: the night shift.
NOW = dt.datetime(2026, 3, 20, 2, 10, tzinfo=dt.timezone.utc)
PW = {"admin": "admin-kode", "pia": "pia-kodeord", "lene": "lene-kodeord", "sofie": "sofie-kodeord",
      "karl": "karl-kodeord"}


def cheap_hashing(monkeypatch) -> None:
    """Argon2 with the cheapest parameters: tests log in many times."""
    from argon2 import PasswordHasher

    from tilsyn.services import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@dataclass
class World:
    services: Services
    homes: list
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def ctx(self):
        return self.services.ctx

    @property
    def force(self):
        return self.services.force

    def login(self, who: str) -> None:
        UserService(self.ctx).login(who, PW[who])

    def set_now(self, moment: dt.datetime) -> None:
        self.ctx.clock = lambda: moment

    def episode(self, resident: str = "jens", when: dt.datetime | None = None, **kw) -> EpisodeInput:
        when = when or dt.datetime(2026, 3, 19, 23, 10, tzinfo=CPH)
        base = dict(resident_id=self.ids[resident], force_type="127_retention", started_at=when,
                    ended_at=when + dt.timedelta(minutes=10), location="Gangen ved hoveddøren",
                    purpose="Forhindre at Jens gik ud i kulden", description="Jens ville gå ud i nattøj",
                    avoidance="Tilbød kaffe og en snak", least_intrusive="Fulgte ham roligt tilbage",
                    narrative="Tryghed genoprettet med musik",
                    staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),
                           StaffInput("Ole Hansen", "Bakkegården", "SSH")))
        base.update(kw)
        return EpisodeInput(**base)

    def signed_by_staff(self) -> str:
        """A March form for Jens with one episode, section 2 signed by Pia; returns the form id."""
        self.login("pia")
        fid = self.force.register_episode(self.episode()).form_id
        self.force.sign_section(fid, 2, PW["pia"])
        return fid

    def sent_form(self) -> str:
        """A March form for Jens signed by staff and leader and sent to the authority."""
        fid = self.signed_by_staff()
        self.login("lene")
        self.force.save_leader_section(fid, LEADER)
        self.force.sign_section(fid, 3, PW["lene"])
        self.force.send_to_authority(fid)
        return fid


LEADER = LeaderInput(
    necessity="Jens var i fare for at gå ud i frostvejret.", reflection="Gennemgået på personalemøde.",
    action_plan_updated="15-03-2026", discussed_in_staff_group=True, discussed_when="16-03-2026",
    action_plan_exists=True, leader_name="Lene Leder", assessed_on=D(2026, 3, 20))
AUTHORITY = AuthorityInput(
    followup_remarks="Ingen bemærkninger.", residence_municipality_informed=True, acting_municipality_informed=True,
    processed_by_name="Sofie Sag", processed_by_position="Sagsbehandler", processed_by_municipality="Vejle Kommune",
    processed_on=D(2026, 3, 20))


def open_world(path, login: str | None = "pia") -> World:
    """A database at ``path`` with Vejle Kommune, residents, permits and users; ``login`` logged in."""
    ctx = open_app(str(path), clock=lambda: NOW).context
    services = Services.build(ctx)
    homes = services.care_homes.set_up_municipality(
        "Vejle Kommune", [CareHomeInput("Bakkegården", units=("Afsnit A",)), CareHomeInput("Solgården")])
    res = services.residents
    w = World(services, homes)
    w.ids["jens"] = res.save(None, ResidentInput("010130-1234", "Jens Hansen", homes[0].id, room="12",
                                                 address="Bakkevej 1", postal_code="7100", city="Vejle",
                                                 acting_municipality="Vejle Kommune",
                                                 residence_municipality="Vejle Kommune")).id
    w.ids["anna"] = res.save(None, ResidentInput("020230-1234", "Anna Berg", homes[0].id, room="14")).id
    w.ids["bo"] = res.save(None, ResidentInput("030330-1234", "Bo Ek", homes[0].id, room="15")).id
    res.save_permit(w.ids["jens"], None, PermitInput(("127_retention", "126a_hygiene"), D(2026, 1, 1),
                                                     D(2026, 3, 31), "Om natten"))
    res.save_permit(w.ids["anna"], None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2026, 12, 31), "Altid"))
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", PW["admin"])
    users.login("admin", PW["admin"])
    users.create_user(UserInput("pia", "Pia Jensen", "staff", "SSA", (homes[0].id,)), PW["pia"])
    users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (homes[0].id,)), PW["lene"])
    users.create_user(UserInput("sofie", "Sofie Sag", "caseworker", "Sagsbehandler"), PW["sofie"])
    users.create_user(UserInput("karl", "Karl Konsulent", "consultant"), PW["karl"])
    if login:
        w.login(login)
    else:
        users.logout()
    return w


def close_world(w: World) -> None:
    close_app(w.ctx)
