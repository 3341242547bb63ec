"""A small municipality with one processed monthly form (three episodes, one late), one form
still waiting for the leader and one acute record, on a temporary SQLite file, March 2026."""

from __future__ import annotations

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

import pytest

from tilsyn.domain.force import AuthorityInput, EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.users import UserInput, UserService

from pdf_support import PW

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
NOW = dt.datetime(2026, 3, 31, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    from argon2 import PasswordHasher

    from tilsyn.services import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _staff(writer="Pia Jensen"):
    return (StaffInput("Pia Jensen", "Bakkegården", "Social- og sundhedsassistent", writer == "Pia Jensen"),
            StaffInput("Ole Hansen", "Bakkegården", "Social- og sundhedshjælper", writer == "Ole Hansen"))


def build_world(path):
    """Fill the database at ``path``; returns the ids the tests need."""
    clock = {"now": dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.timezone.utc)}
    opened = open_app(str(path), clock=lambda: clock["now"])
    ctx = opened.context
    homes = CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune", [CareHomeInput("Bakkegården", units=("Afsnit Øst",)), CareHomeInput("Solgården")])
    res = ResidentService(ctx)
    jens = res.save(None, ResidentInput(
        "010130-1234", "Jens Ærø Hansen", homes[0].id, address="Åvej 3", postal_code="7100", city="Vejle",
        unit="Afsnit Øst", acting_municipality="Vejle Kommune", residence_municipality="Fredericia Kommune",
        contact_person="Mette Kontakt")).id
    anna = res.save(None, ResidentInput("020230-1234", "Anna Berg", homes[0].id)).id
    bo = res.save(None, ResidentInput("030330-1234", "Bo Ek", homes[0].id)).id
    res.save_permit(jens, None, PermitInput(("127_retention", "126a_hygiene"), D(2026, 1, 1), D(2026, 6, 30),
                                            "Kun om natten og kun når samtale er forsøgt.", "MAG-2026-0007"))
    res.save_permit(anna, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2026, 12, 31), "Altid"))
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", PW)
    users.login("admin", PW)
    users.create_user(UserInput("pia", "Pia Jensen", "staff", "SSA", (homes[0].id,)), PW)
    users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (homes[0].id,)), PW)
    users.create_user(UserInput("lars", "Lars Leder", "leader", "Centerleder", (homes[1].id,)), PW)
    users.create_user(UserInput("sofie", "Sofie Sag", "caseworker", "Sagsbehandler"), PW)
    svc = ForceService(ctx)

    def at(day, hour, minute=0):
        return dt.datetime(2026, 3, day, hour, minute, tzinfo=CPH)

    users.login("pia", PW)
    clock["now"] = dt.datetime(2026, 3, 20, 8, 0, tzinfo=dt.timezone.utc)
    late = svc.register_episode(EpisodeInput(
        jens, "127_retention", at(17, 21, 0), at(17, 21, 15), location="Ved hoveddøren",
        purpose="Forhindre at Jens gik ud i kulden", description="Jens ville gå ud i nattøj og blev fulgt tilbage",
        avoidance="Tilbød kaffe og en snak", least_intrusive="Fulgte ham roligt tilbage ved armen",
        narrative="Jens faldt til ro med musik. Ingen mærker.", staff=_staff(), late_reason="Glemt ved vagtskifte"))
    first = svc.register_episode(EpisodeInput(
        jens, "127_retention", at(19, 23, 10), at(19, 23, 20), location="Gangen",
        purpose="Forhindre at Jens gik ud", description="Jens gik mod udgangen",
        avoidance="Talte roligt med ham", least_intrusive="Kun let støtte", narrative="Jens blev tryg igen.",
        staff=_staff("Ole Hansen")))
    svc.register_episode(EpisodeInput(
        jens, "126a_hygiene", at(20, 7, 0), at(20, 7, 5), situation="tooth_brushing", location="Badeværelset",
        purpose="God mundhygiejne", description="Jens modsatte sig tandbørstning",
        avoidance="Ventede og prøvede igen", least_intrusive="Holdt let om hånden",
        narrative="Jens accepterede efter lidt tid.", staff=_staff()))
    form_id = first.form_id
    assert late.form_id == form_id
    pending = svc.register_episode(EpisodeInput(
        anna, "125_alarm", at(19, 3, 0), at(19, 3, 10), location="Værelset", purpose="Tryghed",
        description="Alarmen gik", avoidance="-", least_intrusive="-", staff=_staff())).form_id
    acute = svc.register_episode(EpisodeInput(
        bo, "126_holding", at(19, 14, 15), at(19, 14, 25), location="I dagligstuen", purpose="Beskytte medbeboer",
        description="Bo slog ud efter en medbeboer", avoidance="Afledning", least_intrusive="Kort fastholdelse",
        narrative="Bo faldt til ro.", staff=_staff()), as_acute=True).form_id
    clock["now"] = dt.datetime(2026, 3, 31, 18, 0, tzinfo=dt.timezone.utc)
    svc.sign_section(form_id, 2, PW)
    svc.sign_section(acute, 2, PW)
    users.login("lene", PW)
    leader = LeaderInput(
        necessity="Jens var i fare for at gå ud i frostvejret.", reflection="Gennemgået på personalemødet.",
        action_plan_updated="15-03-2026", discussed_in_staff_group=True, discussed_when="16-03-2026",
        action_plan_exists=True, leader_name="Lene Leder", assessed_on=D(2026, 3, 31))
    for fid in (form_id, acute):
        svc.save_leader_section(fid, leader)
        svc.sign_section(fid, 3, PW)
        svc.send_to_authority(fid)
    clock["now"] = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.timezone.utc)
    users.login("sofie", PW)
    svc.save_authority_section(form_id, AuthorityInput(
        followup_remarks="Ingen bemærkninger. Fortsat fokus på forebyggelse.",
        residence_municipality_informed=True, acting_municipality_informed=False, processed_by_name="Sofie Sag",
        processed_by_position="Sagsbehandler", processed_by_municipality="Vejle Kommune",
        processed_on=D(2026, 4, 2)))
    svc.sign_section(form_id, 4, PW)
    users.logout()
    close_app(ctx)
    return {"form": form_id, "pending": pending, "acute": acute, "jens": jens, "homes": [h.id for h in homes]}


@pytest.fixture(scope="session")
def world_file(tmp_path_factory):
    """The filled database file, built once; tests copy it."""
    import argon2

    from tilsyn.services import users

    saved = users._hasher
    users._hasher = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        path = tmp_path_factory.mktemp("world") / "world.sqlite"
        ids = build_world(path)
    finally:
        users._hasher = saved
    return path, ids


@pytest.fixture
def world(world_file, tmp_path):
    """A fresh copy of the world, opened as the caseworker (clock: 2 April 2026)."""
    src, ids = world_file
    path = tmp_path / "t.sqlite"
    shutil.copy(src, path)
    opened = open_app(str(path), clock=lambda: dt.datetime(2026, 4, 2, 12, 0, tzinfo=dt.timezone.utc), actor=None)
    UserService(opened.context).login("sofie", PW)
    yield {**ids, "ctx": opened.context, "path": path}
    close_app(opened.context)

