"""Screenshots of the Udveksling page (registered with tilsyn.ui.screenshots).

A demo municipality made the hub, the first care home's PC and a consultant's laptop enrolled and
joined in the studio's temp folder, real exchange files between them; every clock is FIXED_NOW.
"""

from __future__ import annotations

import datetime as dt

from .screenshots import FIXED_NOW, Studio, shot

START = "start-hemmelighed-til-billeder"
LAPTOP_PASS = "baerbar-hemmelighed-til-billeder"
PASSWORD = "demo-kode"


def _network(studio: Studio) -> dict:
    """The hub, the PC and the laptop (cached on the studio): each one file from the hub loaded."""
    cached = getattr(studio, "_exchange_network", None)
    if cached is not None:
        return cached
    from ..domain.exchange import SiteKind
    from ..services.app import open_app
    from ..services.exchange import FIRST_UNPACK, SiteService, join, read_start_file
    from ..services.exchange.status import ExchangeService
    from ..services.users import UserService

    hub = studio.database("exchange-hub").context
    UserService(hub).login("admin", PASSWORD)
    services = studio.services("exchange-hub")
    home = services.care_homes.list_care_homes()[0]
    sites = SiteService(hub)
    sites.init_hub(services.care_homes.municipality_name() or "Kommunen")
    pc_name, laptop_name = f"Pc {home.name}", "Bærbar Karl"
    sites.enrol(pc_name, SiteKind.CARE_HOME, [home.name], START, studio.folder / "pc.start")
    sites.enrol(laptop_name, SiteKind.LAPTOP, [], START, studio.folder / "laptop.start")
    join(read_start_file(studio.folder / "pc.start", START), str(studio.folder / "exchange-pc.sqlite"), None)
    join(read_start_file(studio.folder / "laptop.start", START), str(studio.folder / "exchange-laptop.sqlite"),
         LAPTOP_PASS)
    for name, passphrase in (("exchange-pc", None), ("exchange-laptop", LAPTOP_PASS)):
        studio._opened[name] = open_app(str(studio.folder / f"{name}.sqlite"), passphrase=passphrase,
                                        clock=lambda: FIXED_NOW)
    users = UserService(hub).list_users()
    of_home = [u for u in users if home.id in u.care_home_ids]
    net = {"staff": next(u.username for u in of_home if u.role == "staff"),
           "leader": next(u.username for u in of_home if u.role == "leader"), "hub": hub, "pc": studio._opened["exchange-pc"].context,
           "laptop": studio._opened["exchange-laptop"].context, "home": home, "pc_name": pc_name,
           "laptop_name": laptop_name}
    # A first login re-hashes a demo password (cheap demo parameters): done here at the hub, before
    # the first file, so that logging in at the PC changes nothing that could meet a change here.
    for who in (net["staff"], net["leader"], "konsulent"):
        UserService(hub).login(who, PASSWORD)
    UserService(hub).login("admin", PASSWORD)
    for peer, key in ((pc_name, "pc"), (laptop_name, "laptop")):
        out = studio.folder / f"hub-to-{key}-1.tilsyn"
        ExchangeService(hub).pack(peer, out)
        ctx = net[key]
        ctx.user = FIRST_UNPACK
        ExchangeService(ctx).unpack(out)
        ctx.user = None
    studio._exchange_network = net
    return net


def _register_episode(ctx, home_id: str, staff: str) -> None:
    """At the PC: the home's staff member registers a new episode this month (not sent yet)."""
    from zoneinfo import ZoneInfo

    from ..domain.errors import DomainError
    from ..domain.force import EpisodeInput, StaffInput
    from ..services.force import ForceService
    from ..services.residents import ResidentService
    from ..services.users import UserService

    UserService(ctx).login(staff, PASSWORD)
    when = dt.datetime(2026, 11, 23, 8, 15, tzinfo=ZoneInfo("Europe/Copenhagen"))
    # The first resident (by name) with a permit covering one of these types today.
    for resident in ResidentService(ctx).search_ids(care_home_id=home_id, include_moved_out=False):
        for force_type in ("125_alarm", "127_retention", "125_door", "128_belts", "126_holding"):
            try:
                ForceService(ctx).register_episode(EpisodeInput(
                    resident, force_type, when, when + dt.timedelta(minutes=5), location="Ved yderdøren",
                    purpose="Undgå at beboeren gik ud alene om morgenen", description="Ville gå ud i nattøj",
                    avoidance="Talte roligt og tilbød morgenmad", least_intrusive="Fulgte beboeren tilbage",
                    narrative="Faldt til ro, da musikken blev tændt.",
                    staff=(StaffInput("Pia Medarbejder", "Plejecentret", "Social- og sundhedsassistent", True),)))
                return
            except DomainError:
                continue
    raise RuntimeError("no resident with a permit for the exchange screenshot")


@shot("exchange.png")
def exchange(studio: Studio):
    """The care home's PC: this site, the hub, the file from the hub loaded, one episode waiting."""
    from ..services.exchange.status import ExchangeService
    from ..services.users import UserService
    from .main_window import PAGE_EXCHANGE
    from .views.exchange_view import applied_text

    net = _network(studio)
    pc = net["pc"]
    _register_episode(pc, net["home"].id, net["staff"])
    UserService(pc).login(net["leader"], PASSWORD)
    hub = net["hub"]
    out = studio.folder / "hub-to-pc-2.tilsyn"
    ExchangeService(hub).pack(net["pc_name"], out)
    applied = ExchangeService(pc).unpack(out)
    window = studio.window("exchange-pc", demo=False)
    window.show_page(PAGE_EXCHANGE)
    view = window.exchange_view
    view.refresh()
    view._result(applied_text(applied))
    studio.settle()
    return window


@shot("exchange-conflict.png")
def exchange_conflict(studio: Studio):
    """The hub: a visit re-dated here while the laptop marked it conducted; both versions shown."""
    from ..services.exchange.status import ExchangeService
    from ..services.supervision import SupervisionService
    from ..services.users import UserService
    from .main_window import PAGE_EXCHANGE

    net = _network(studio)
    hub, laptop = net["hub"], net["laptop"]
    UserService(hub).login("admin", PASSWORD)
    karl = next(u.id for u in UserService(hub).list_users() if u.username == "konsulent")
    UserService(hub).login("konsulent", PASSWORD)
    svc = SupervisionService(hub)
    programme = svc.programme_for_year(2026) or svc.create_programme(
        2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2, sample_max=3, relatives_per_home=2)
    day = FIXED_NOW.date()
    visit = svc.plan_visit(programme.id, net["home"].id, day, consultant_ids=[karl])
    out = studio.folder / "hub-to-laptop-2.tilsyn"
    ExchangeService(hub).pack(net["laptop_name"], out)
    UserService(laptop).login("konsulent", PASSWORD)
    ExchangeService(laptop).unpack(out)
    SupervisionService(laptop).mark_conducted(visit.id, day)
    svc.update_visit(visit.id, planned_on=day + dt.timedelta(days=1), reason="Konsulenten er syg")
    back = studio.folder / "laptop-to-hub-1.tilsyn"
    ExchangeService(laptop).pack(None, back)
    ExchangeService(hub).unpack(back)
    window = studio.window("exchange-hub", demo=False)
    window.show_page(PAGE_EXCHANGE)
    view = window.exchange_view
    view.refresh()
    view.ui.conflicts_list.setCurrentRow(0)
    studio.settle()
    return window
