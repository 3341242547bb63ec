"""The ``site`` and ``exchange`` command groups of tilsyn.cli (issue 11).

Kept beside cli.py so the shared file only registers them. Every command runs as a logged-in
user (cli._session) except two that have nobody to log in as: ``site join`` (it creates the
database) and the first ``exchange unpack`` at a site without users (the file is authorised by
the hub's signature, and brings the users).
"""

from __future__ import annotations

import argparse
import os
import textwrap
from typing import TextIO

from .domain.errors import DomainError
from .messages import SITE_KIND_LABELS, format_number, text_for

START_PASSPHRASE_ENV = "TILSYN_START_PASSPHRASE"


def _cli():
    from . import cli

    return cli


def _start_passphrase(ns: argparse.Namespace, *, new: bool) -> str:
    cli = _cli()
    var = getattr(ns, "start_passphrase_env", None)
    if var:
        value = os.environ.get(var, "")
        if not value:
            raise DomainError("start_passphrase_env_missing", var=var)
        return value
    value = os.environ.get(START_PASSPHRASE_ENV)
    if value:
        return value
    if new:
        return cli._ask_new("Adgangskode til startfilen: ", START_PASSPHRASE_ENV, "--start-passphrase-env")
    return cli._ask("Adgangskode til startfilen: ", START_PASSPHRASE_ENV, "--start-passphrase-env")


def _when(moment) -> str:
    if moment is None:
        return "aldrig"
    from .services.context import COPENHAGEN

    return f"{moment.astimezone(COPENHAGEN):%d-%m-%Y kl. %H.%M}"


def _kind(code: str) -> str:
    return SITE_KIND_LABELS.get(code, code)


# -- site -------------------------------------------------------------------------------------


def _run_site(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .domain.exchange import parse_kind
    from .services.exchange import SiteService

    cli = _cli()
    action = ns.site_action
    if action == "join":
        return _run_site_join(ns, out, err)
    if action == "add":
        kind = parse_kind(ns.kind)  # refused before anything is opened or asked
        passphrase = _start_passphrase(ns, new=True)
        svc = SiteService(cli._session(ns).context)
        e = svc.enrol(ns.name, kind, ns.home or [], passphrase, ns.out)
        homes = f" til {format_number(len(e.peer.care_home_ids))} plejecenter(e)" if e.peer.care_home_ids else ""
        print(f"»{e.peer.name}« ({_kind(e.peer.kind)}) er tilmeldt{homes}. Startfilen er gemt i {e.start_file} "
              "(kun læsbar for dig). Den indeholder computerens hemmelige nøgler: bær den selv over (USB), giv "
              "adgangskoden for sig, og slet filen, når computeren er sat op med "
              f"»tilsyn site join {e.start_file.name} --db NY_DATABASE«.", file=out)
        return cli.EXIT_OK
    svc = SiteService(cli._session(ns).context)
    if action == "init":
        site = svc.init_hub(ns.name)
        print(f"Databasen er nu kommunens udvekslingssted (hub) »{site.name}« (id {site.id}). Tilmeld "
              "plejecentre og bærbare med tilsyn site add.", file=out)
    elif action == "revoke":
        peer = svc.revoke(ns.name, ns.reason)
        print(f"»{peer.name}« er spærret {_when(peer.revoked_at)}. Filer fra den indlæses ikke længere. "
              "Begrundelsen er logget.", file=out)
    else:
        print(site_show_text(svc.overview()), file=out)
    return cli.EXIT_OK


def site_show_text(overview) -> str:
    """Which site this is, its peers, and when it last exchanged with each (Danish)."""
    site = overview.site
    if site is None:
        return ("Databasen er ikke et udvekslingssted: den bruges alene, som den altid har gjort. "
                "Kommunens database gøres til hub med tilsyn site init --name NAVN.")
    lines = [f"Dette udvekslingssted: »{site.name}« ({_kind(site.kind)}), id {site.id}, oprettet {_when(site.joined_at)}."]
    if not overview.peers:
        lines.append("Ingen tilmeldte computere endnu.")
    for p in overview.peers:
        state = f"spærret {_when(p.revoked_at)} ({p.revoke_reason})" if p.revoked_at else "aktiv"
        lines.append(f"  »{p.name}« ({_kind(p.kind)}), tilmeldt {_when(p.enrolled_at)}, {state}")
        lines.append(f"      sendt: fil nr. {p.last_sent_seq} ({_when(p.last_sent_at)}), kvitteret: nr. "
                     f"{p.last_acked_seq} ({_when(p.last_acked_at)}); modtaget: nr. {p.last_received_seq} "
                     f"({_when(p.last_received_at)})")
    return "\n".join(lines)


def _run_site_join(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .domain.exchange import SiteKind
    from .services.exchange import join, read_start_file
    from .store.db import resolve_url, sqlite_path

    cli = _cli()
    db = getattr(ns, "db", None)
    file = sqlite_path(resolve_url(db))
    if file is not None and file.exists() and file.stat().st_size > 0:
        raise DomainError("site_join_not_empty", file=str(file))
    content = read_start_file(ns.start_file, _start_passphrase(ns, new=False))
    db_passphrase = cli._from_env(ns, "passphrase_env", cli.PASSPHRASE_ENV)
    if content["site"]["kind"] == SiteKind.LAPTOP.value and db_passphrase is None:
        db_passphrase = cli._ask_new("Ny adgangskode til den krypterede database: ")
    joined = join(content, db, db_passphrase)
    where = joined.file or db
    lines = [f"Denne computer er nu »{joined.site.name}« ({_kind(joined.site.kind)}) og udveksler med "
             f"»{joined.hub.name}«. Databasen er oprettet: {where}"]
    if joined.site.kind == SiteKind.LAPTOP.value:
        lines.append("Databasen er krypteret (SQLCipher); adgangskoden skal bruges, hver gang den åbnes.")
    lines.append("Slet startfilen nu. Indlæs den første fil fra kommunen med tilsyn exchange unpack FIL.tilsyn.")
    print("\n".join(lines), file=out)
    return cli.EXIT_OK


# -- exchange ---------------------------------------------------------------------------------


def _run_exchange(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    cli = _cli()
    if ns.exchange_action == "pack":
        from .services.exchange import pack_file

        p = pack_file(cli._session(ns).context, getattr(ns, "site", None), restart=ns.restart, out=ns.out)
        what = ", ".join(f"{kind}: {format_number(n)}" for kind, n in p.kinds.items()) or "ingen nye data"
        print(f"Fil nr. {p.header.seq} til »{p.peer.name}« er gemt i {ns.out} ({what}). Den er krypteret til "
              f"modtageren og underskrevet; den indeholder alt siden fil nr. {p.header.base}, som modtageren "
              "har kvitteret for.", file=out)
        return cli.EXIT_OK
    return _run_unpack(ns, out, err)


def _run_unpack(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``exchange unpack``: logged in, or without a login on a just-joined site with no users."""
    from .services.app import close_app
    from .services.exchange import FIRST_UNPACK, first_unpack_allowed
    from .services.exchange.sites import read_file

    cli = _cli()
    data = read_file(ns.file)  # a mistyped name is refused before the database is opened
    cli._require_database(getattr(ns, "db", None))
    opened = cli._open(getattr(ns, "db", None), cli._db_passphrase(ns), FIRST_UNPACK)
    first = False
    try:
        first = first_unpack_allowed(opened.context)
        if first:
            return _unpack(opened.context, data, ns, out)
    finally:
        close_app(opened.context)
    ns.run = lambda ns_, out_, err_: _unpack(cli._session(ns_).context, data, ns_, out_)
    return cli._run_logged_in(ns, out, err)


def _unpack(ctx, data: bytes, ns, out: TextIO) -> int:
    from .services.exchange import apply, open_file

    cli = _cli()
    incoming = open_file(ctx, data)
    result = apply(ctx, incoming)
    if result.already_loaded:
        print(text_for(DomainError("exchange_already_loaded")), file=out)
        return cli.EXIT_OK
    counts = ", ".join(f"{k}: {format_number(n)}" for k, n in sorted(result.summary.counts.items())) or "ingen data"
    print(f"Fil nr. {result.seq} fra »{result.sender.name}« er indlæst ({counts}). Kvitteringen sendes med "
          f"næste fil til »{result.sender.name}«.", file=out)
    return cli.EXIT_OK


def add_parsers(commands, common) -> None:
    """``tilsyn site ...`` and ``tilsyn exchange ...``."""
    cli = _cli()
    tail = cli._EPILOG.split("\n\n", 1)[1]
    start_env = argparse.ArgumentParser(add_help=False)
    start_env.add_argument(
        "--start-passphrase-env", metavar="VARIABEL", default=None,
        help=f"læs startfilens adgangskode fra denne miljøvariabel (ellers ${START_PASSPHRASE_ENV}, ellers "
             "spørges der)")

    site = commands.add_parser(
        "site", parents=[common], help="udvekslingssteder: kommunens hub, plejecentres pc'er og bærbare",
        description=textwrap.fill(
            "En database er et udvekslingssted: kommunens (hubben) eller en tilmeldt computer på et plejecenter "
            "eller en konsulents bærbare. En database uden udvekslingssted virker som altid.", 78),
        epilog=tail)
    actions = site.add_subparsers(title="handlinger", metavar="HANDLING", dest="site_action",
                                  parser_class=cli._Parser, required=True)
    init = actions.add_parser("init", parents=[common], help="gør denne database til kommunens hub",
                              description="Gør databasen til kommunens udvekslingssted (hub) med egne nøgler.",
                              epilog=tail)
    init.add_argument("--name", required=True, metavar="NAVN", help="hubbens navn, fx Vejle Kommune")
    add = actions.add_parser(
        "add", parents=[common, start_env], help="tilmeld en plejecenter-pc eller en bærbar og skriv dens startfil",
        description=textwrap.fill(
            "Tilmelder en computer ved hubben, laver dens nøgler og skriver en startfil med dens hemmelige nøgler "
            "og hubbens offentlige nøgler, krypteret med en adgangskode (spørges der om to gange). Startfilen "
            "er hemmelig: bær den selv over, og slet den bagefter.", 78),
        epilog=tail)
    add.add_argument("--name", required=True, metavar="NAVN", help="computerens navn, fx »Åparken, afd. A«")
    add.add_argument("--kind", required=True, metavar="plejecenter|bærbar", help="plejecenter eller bærbar")
    add.add_argument("--home", action="append", metavar="NAVN", default=None,
                     help="plejecentret, computeren bruges på (kan gentages)")
    add.add_argument("--out", required=True, metavar="FIL.tilsyn-start", help="startfilen, der skrives (0600)")
    join = actions.add_parser(
        "join", parents=[common, start_env], help="opret denne computers database ud fra en startfil",
        description=textwrap.fill(
            "Opretter databasen (--db, ny eller tom) som den tilmeldte computer. En bærbars database krypteres "
            "(SQLCipher) med en ny adgangskode ($TILSYN_DB_PASSPHRASE eller --passphrase-env, ellers spørges "
            "der). Kræver intet login: databasen har endnu ingen brugere.", 78),
        epilog=tail)
    join.add_argument("start_file", metavar="FIL.tilsyn-start", help="startfilen fra kommunen")
    join.set_defaults(no_login=True)
    revoke = actions.add_parser("revoke", parents=[common], help="spær en tabt eller udtjent computer",
                                description="Spærrer en tilmeldt computer; senere filer fra den afvises.",
                                epilog=tail)
    revoke.add_argument("name", metavar="NAVN", help="computerens navn")
    revoke.add_argument("--reason", required=True, metavar="TEKST", help="begrundelse (logges)")
    actions.add_parser("show", parents=[common], help="vis dette udvekslingssted, dets modparter og seneste udveksling",
                       description="Viser, hvilket udvekslingssted databasen er, og hvornår den sidst udvekslede "
                                   "med hvem.", epilog=tail)
    site.set_defaults(run=_run_site)

    exchange = commands.add_parser(
        "exchange", parents=[common], help="skriv eller indlæs en udvekslingsfil (.tilsyn)",
        description=textwrap.fill(
            "»tilsyn exchange pack --out FIL.tilsyn« skriver alt, hvad dette sted skylder modparten siden den "
            "sidste fil, modparten har kvitteret for (på hubben: --site NAVN). »tilsyn exchange unpack "
            "FIL.tilsyn« indlæser en fil: alt eller intet, og samme fil to gange ændrer intet.", 78),
        epilog=tail)
    ex_actions = exchange.add_subparsers(title="handlinger", metavar="HANDLING", dest="exchange_action",
                                         parser_class=cli._Parser, required=True)
    pack = ex_actions.add_parser("pack", parents=[common], help="skriv den næste fil til en modpart",
                                 description="Skriver den næste udvekslingsfil (0600), krypteret til modparten.",
                                 epilog=tail)
    pack.add_argument("--out", required=True, metavar="FIL.tilsyn", help="filen, der skrives")
    pack.add_argument("--site", metavar="NAVN", default=None, help="modparten (på hubben; ellers hubben)")
    pack.add_argument("--restart", action="store_true",
                      help="en fil er gået tabt: skriv en ny fra den sidste kvitterede (den tabte afvises siden)")
    unpack = ex_actions.add_parser("unpack", parents=[common], help="indlæs en fil fra en modpart",
                                   description="Indlæser en udvekslingsfil: alt eller intet.", epilog=tail)
    unpack.add_argument("file", metavar="FIL.tilsyn", help="filen, der indlæses")
    unpack.set_defaults(no_login=True)  # _run_unpack logs in unless the site has no users yet
    exchange.set_defaults(run=_run_exchange)
