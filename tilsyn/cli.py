"""Command line: ``tilsyn demo``, ``tilsyn import-residents FIL.csv`` and ``tilsyn --version``.

Runs the same services as the desktop app and never imports Qt, so it works on a server or in
a script. Exit codes: 0 done, 1 input refused (the reason is printed in Danish), 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TextIO

from . import __version__
from .domain.errors import DomainError
from .messages import format_number, text_for
from .messages import verify_report_text as verify_text
from .services.app import OpenResult, close_app, open_app
from .services.demo_force import DEMO_PASSWORD
from .services.audit import AuditService
from .services.exports import ExportResult, ExportService
from .services.encryption import (
    change_passphrase,
    database_needs_passphrase,
    encrypt_backups,
    encrypt_database,
    encryptable_file,
    encrypted_backup_path,
    plain_backups,
    rekeyable_file,
    remove_plain_files,
)
from .services.demo import (
    DEFAULT_HOMES,
    DEFAULT_RESIDENTS_PER_HOME,
    DEFAULT_SEED,
    DemoService,
    DemoSummary,
)
from .services.imports import COLUMNS, REQUIRED_COLUMNS, ImportReport, ImportService, check_import_file
from .services.users import UserService

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

COMMANDS = ("demo", "import-residents", "encrypt", "rekey", "verify", "export-month",
            "sample", "sample-verify", "sample-redraw", "visit-move", "visit-cancel", "report-visit", "report-annual",
            "protocols", "site", "exchange")
# Global options that take a value: wants_cli must skip the value when looking for a command.
_OPTIONS_WITH_VALUE = ("--db", "--passphrase-env", "--user")
# Qt's own options that take a value (QGuiApplication, QApplication, X11); the GUI passes them on.
_QT_OPTIONS_WITH_VALUE = (
    "platform", "platformpluginpath", "platformtheme", "plugin", "qmljsdebugger", "qwindowgeometry",
    "qwindowicon", "qwindowtitle", "session", "style", "stylesheet", "display", "geometry", "title", "name",
)
# Commands that only read: a database that does not exist is refused, never created.
READ_ONLY_COMMANDS = ("verify", "export-month", "sample-verify", "report-visit", "report-annual")
# Commands that run without a login: verify prints hashes, record ids and masked CPR numbers only;
# demo writes only into an empty or demo database; encrypt and rekey work on the file with its
# passphrase. EVERY OTHER COMMAND, and every command added later, runs as a logged-in user (see
# _run_logged_in): --user is added to its parser and main logs in before it runs.
NO_LOGIN_COMMANDS = ("demo", "verify", "encrypt", "rekey")
USER_ENV = "TILSYN_USER"
PASSWORD_ENV = "TILSYN_PASSWORD"
PASSPHRASE_ENV = "TILSYN_DB_PASSPHRASE"
NEW_PASSPHRASE_ENV = "TILSYN_DB_NEW_PASSPHRASE"


def _missing_value(args: Sequence[str], i: int) -> bool:
    # As argparse sees it: no next word, or an option in its place ("-" alone is a value).
    return i + 1 >= len(args) or (args[i + 1].startswith("-") and args[i + 1] != "-")


def _first_word(args: Sequence[str]) -> tuple[str | None, bool]:
    """The first word that is not an option or an option's value, and whether the CLI is asked for
    anyway (help, version, or a global option without its value)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-h", "--help", "--version"):
            return None, True
        if arg in _OPTIONS_WITH_VALUE:
            if _missing_value(args, i):
                return None, True
            i += 2
            continue
        if any(arg == f"{opt}=" for opt in _OPTIONS_WITH_VALUE):
            return None, True
        if arg.startswith("-") and arg != "-":
            # Qt accepts -style and --style alike; "-style=fusion" carries its value.
            if arg.lstrip("-") in _QT_OPTIONS_WITH_VALUE:
                i += 1
            i += 1
            continue
        return arg, True
    return None, False


def wants_cli(args: Sequence[str]) -> bool:
    """True when ``args`` ask for the command line: any word that is not an option (a command,
    or a mistyped one, which the parser refuses), help/version, or ``--db`` without its value.

    Only options (``--db FIL``, Qt's ``-platform offscreen`` ...) or nothing open the window.
    """
    return _first_word(args)[1]


def _unknown_command(word: str) -> str:
    """'ukendt kommando »exprot-month«. Mente du export-month?' in Danish."""
    import difflib

    text = f"ukendt kommando »{word}«."
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"{text} Mente du {close[0]}?"
    return f"{text} Kommandoerne er: {', '.join(COMMANDS)}."


def _require_database(db: str | None, code: str = "database_missing") -> None:
    """Refuse (``code``) a database that does not exist, before anything opens it."""
    from .store.db import database_exists, display_url, resolve_url, sqlite_path

    try:
        url = resolve_url(db)
        exists = database_exists(url)
    except DomainError:
        raise
    except Exception:  # noqa: BLE001 - a malformed URL is reported by _open, in Danish
        return
    if not exists:
        raise DomainError(code, file=str(sqlite_path(url) or display_url(url)))


def main(args: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (argparse's own exits are caught and returned).

    Nothing escapes as a traceback: a refusal prints its Danish text, anything unexpected is
    logged without SQL parameters or CPR numbers (services.errorlog) and named in one Danish line.
    """
    from .services import errorlog

    args = list(sys.argv[1:] if args is None else args)
    parser = build_parser()
    word, _ = _first_word(args)
    if word is not None and word not in COMMANDS:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: fejl: {_unknown_command(word)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        ns = parser.parse_args(args)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    for option in ("db", "passphrase_env", "user"):
        if getattr(ns, option, None) == "":
            parser.print_usage(sys.stderr)
            print(f"{parser.prog}: fejl: --{option.replace('_', '-')} mangler en værdi", file=sys.stderr)
            return EXIT_USAGE
    if not getattr(ns, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    errorlog.set_database(getattr(ns, "db", None))
    errorlog.capture_logging()
    try:
        if ns.command in READ_ONLY_COMMANDS:
            _require_database(getattr(ns, "db", None))
        # site join (creates the database) and exchange unpack (logs in itself unless the site has no
        # users yet) are the two subcommands marked no_login (tilsyn.cli_exchange).
        if ns.command in NO_LOGIN_COMMANDS or getattr(ns, "no_login", False):
            return ns.run(ns, sys.stdout, sys.stderr)
        # A login needs a user in the database: a database that does not exist is never created.
        _require_database(getattr(ns, "db", None), "database_missing_login")
        return _run_logged_in(ns, sys.stdout, sys.stderr)
    except DomainError as err:
        print(text_for(err), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(text_for(DomainError("cancelled")), file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - the top-level handler: a Danish line, the details in the log
        err = errorlog.as_domain_error(exc, db=getattr(ns, "db", None), context=f"tilsyn {ns.command}")
        print(text_for(err), file=sys.stderr)
        return EXIT_REFUSED


# -- commands -------------------------------------------------------------------------------------


def _open(db: str | None, passphrase: str | None = None, actor=None):
    """Open the database, with nobody logged in unless a built-in ``actor`` is given (verify);
    any failure becomes a Danish refusal instead of a traceback."""
    try:
        return open_app(db, passphrase=passphrase, actor=actor)
    except DomainError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad path or URL must read as a refusal, not a crash
        raise DomainError("database_unreadable", reason=_open_failure(exc)) from exc


def _open_failure(exc: BaseException) -> str:
    """The first line of why opening failed, without SQL parameters or CPR numbers."""
    from .services import errorlog

    errorlog.hide_parameters(exc)
    text = str(exc).strip()
    return errorlog.redact(text.splitlines()[0] if text else type(exc).__name__)


# -- login: every command but NO_LOGIN_COMMANDS runs as a user (issue 10, point 5) ---------------


@dataclass(frozen=True)
class _Login:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class _Session:
    opened: OpenResult
    engine: object  # kept: a command may close_app its context before main logs out


def _credentials(ns: argparse.Namespace) -> _Login:
    """--user (or $TILSYN_USER) and the password from $TILSYN_PASSWORD, else a hidden prompt on a
    terminal; refused in Danish before anything opens the database. Never a --password option:
    the command line is visible to every user of the machine (ps, shell history)."""
    username = (getattr(ns, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not username:
        raise DomainError("cli_user_missing")
    password = os.environ.get(PASSWORD_ENV) or None
    if password is None:
        if not _on_terminal():
            raise DomainError("cli_password_missing", username=username)
        try:
            password = getpass.getpass(f"Adgangskode for {username}: ")
        except EOFError:
            raise DomainError("cli_password_missing", username=username) from None
        except KeyboardInterrupt:
            raise DomainError("cancelled") from None
    return _Login(username, password)


def _run_logged_in(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``ns.run`` as the user named on the command line, then log out.

    The credentials are checked first; the database is opened and the user logged in (through
    UserService.login, which audits every try and shares the login window's back-off) when the
    command first asks for it with ``_session(ns)``, so a command can refuse its input before
    anything is opened or written.
    """
    ns.login = _credentials(ns)
    try:
        code = ns.run(ns, out, err)
    except BaseException:
        _end_session(ns, quiet=True)
        raise
    _end_session(ns)
    return code


def _session(ns: argparse.Namespace) -> OpenResult:
    """The command's database with its user logged in; opened on the first call. Every command
    that reads or changes personal data gets its database here and nowhere else."""
    session = getattr(ns, "session", None)
    if session is not None:
        return session.opened
    login = getattr(ns, "login", None)
    if login is None:  # only _run_logged_in logs a command in
        raise DomainError("cli_user_missing")
    opened = _open(getattr(ns, "db", None), _db_passphrase(ns))
    ns.session = _Session(opened, opened.context.extras.get("engine"))
    ns.login = None
    UserService(opened.context).login(login.username, login.password)
    return opened


def _end_session(ns: argparse.Namespace, quiet: bool = False) -> None:
    """Log out (audited) and close the database. ``quiet``: the command failed, and a failing
    logout must not hide why."""
    session = vars(ns).pop("session", None)
    ns.login = None
    if session is None:
        return
    ctx = session.opened.context
    try:
        UserService(ctx).logout()
    except Exception:  # noqa: BLE001 - only while the command's own error is on its way out
        if not quiet:
            raise
    finally:
        close_app(ctx)
        if session.engine is not None:
            session.engine.dispose()


def _add_login_option(parser: argparse.ArgumentParser) -> None:
    """--user on a command's parser and on its subcommands' parsers."""
    parser.add_argument(
        "--user", metavar="BRUGERNAVN", default=argparse.SUPPRESS,
        help=f"log ind som denne bruger (ellers ${USER_ENV}); adgangskoden spørges der om, eller den læses "
        f"fra ${PASSWORD_ENV}",
    )
    for action in parser._actions:  # noqa: SLF001 - argparse keeps subcommands only here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                _add_login_option(sub)


def _run_demo(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    opened = _open(getattr(ns, "db", None), _db_passphrase(ns))
    try:
        summary = DemoService(opened.context).fill_unattended(
            seed=ns.seed, homes=ns.homes, residents_per_home=ns.residents_per_home, force=ns.force
        )
    finally:
        close_app(opened.context)
    if opened.file is not None:
        print(f"Database: {opened.file}", file=out)
    print(demo_summary_text(summary), file=out)
    return EXIT_OK


def _run_verify(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .domain.roles import VERIFIER

    opened = _open(getattr(ns, "db", None), _db_passphrase(ns), VERIFIER)
    try:
        report = AuditService(opened.context).verify(expect_head=getattr(ns, "expect_head", None))
    finally:
        close_app(opened.context)
    print(verify_text(report), file=out if report.ok else err)
    return EXIT_OK if report.ok else EXIT_REFUSED


def _run_export_month(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # As the logged-in user: their role must allow the export, and a leader gets their homes only.
    result = ExportService(_session(ns).context).export_month(
        ns.month, home=ns.home, out_dir=ns.out, layout=ns.layout, pdfa=ns.pdfa, workers=ns.workers
    )
    print(export_text(result), file=out)
    return EXIT_OK


def export_text(r: ExportResult) -> str:
    """Danish report of an export: what was written where."""
    from .messages import month_label

    n = format_number
    year, month = (int(x) for x in r.month.split("-"))
    lines = [
        f"Eksporteret {n(r.forms)} {_plural(r.forms, 'skema', 'skemaer')} "
        f"({n(r.episodes)} {_plural(r.episodes, 'magtanvendelse', 'magtanvendelser')}) for "
        f"{month_label(year, month)} fra {n(len(r.homes))} {_plural(len(r.homes), 'plejecenter', 'plejecentre')} "
        f"til {r.out_dir}" + (" som PDF/A-2b:" if r.pdfa else ":"),
        f"  {r.csv_file.name}  (oversigt, én linje pr. skema)",
    ]
    for path in r.batch_pdfs:
        lines.append(f"  {path.name}  (samlet PDF med forside)")
    folders: dict[str, int] = {}
    for path in r.form_pdfs:
        folders[path.parent.name] = folders.get(path.parent.name, 0) + 1
    for folder, count in folders.items():
        lines.append(f"  {folder}/  ({n(count)} {_plural(count, 'skema', 'skemaer')} som PDF og JSON)")
    if getattr(r, "receipt_file", None) is not None:
        lines.append(f"  {r.receipt_file.name}  (kvittering: kædehovedet og SHA-256 af hver fil; "
                     f"tjek med tilsyn verify --expect-head {r.audit_head[0]}:{r.audit_head[1][:16]})")
    lines.append(f"Skabelon: {', '.join(r.layouts)}. Revisionslogens kædehoved: nr. {r.audit_head[0]}, "
                 f"{r.audit_head[1][:16]}")
    return "\n".join(lines)


def _expect_head(value: str):
    """``--expect-head``: the chain head as printed on a PDF, a receipt or by verify itself."""
    from .domain.chain import parse_head

    parsed = parse_head(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(
            f"ugyldigt kædehoved: {value!r} (skriv NR:HASH, fx 1234:9f86d081884c7d65, som på PDF'en eller kvitteringen)"
        )
    return parsed


def demo_summary_text(s: DemoSummary) -> str:
    """'Oprettet 19 plejecentre (17 kommunale, 2 private) med ..., 1.140 beboere ...'."""
    n = format_number
    return (
        f"Oprettet {n(s.care_homes)} {_plural(s.care_homes, 'plejecenter', 'plejecentre')} "
        f"({n(s.municipal_homes)} kommunale, {n(s.private_homes)} private) "
        f"med {n(s.units)} {_plural(s.units, 'afdeling', 'afdelinger')}, "
        f"{n(s.residents)} {_plural(s.residents, 'beboer', 'beboere')} (heraf {n(s.moved_out)} fraflyttet), "
        f"{n(s.relatives)} pårørende og "
        f"{n(s.permits)} {_plural(s.permits, 'afgørelse', 'afgørelser')} om magtanvendelse "
        f"({n(s.permits_ending_soon)} udløber inden for 30 dage, {n(s.permits_expired)} er udløbet)."
        + (
            f"\n{n(s.episodes)} registrerede magtanvendelser over de seneste 12 måneder."
            if s.episodes else ""
        )
        + (
            f"\n{n(s.users)} demobrugere med adgangskoden »{DEMO_PASSWORD}«: admin, sagsbehandler, konsulent, "
            "leder1, medarbejder1 ... (én leder og én medarbejder pr. plejecenter)."
            if s.users else ""
        )
        + (
            f"\n{n(s.visits)} tilsynsbesøg i alle faser (planlagt til opfølgning) med {n(s.interviews)} interview."
            if getattr(s, "visits", 0) else ""
        )
    )


def _run_import(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Check the file before opening the database and logging in, so a mistyped name writes nothing.
    # The service streams it from the path (never the whole file in memory).
    path = check_import_file(ns.file)
    report = ImportService(_session(ns).context).import_residents(path)
    if report.ignored_columns:
        print(f"Kolonner, der ikke bruges: {', '.join(report.ignored_columns)}.", file=err)
    if not report.ok:
        print(import_errors_text(ns.file, report), file=err)
        return EXIT_REFUSED
    total = report.created + report.updated + report.unchanged
    print(
        f"Indlæst {format_number(total)} {_plural(total, 'beboer', 'beboere')}: "
        f"{format_number(report.created)} nye, {format_number(report.updated)} opdateret, "
        f"{format_number(report.unchanged)} uændret.",
        file=out,
    )
    return EXIT_OK


def import_errors_text(file: str, report: ImportReport) -> str:
    """The per-row error report: one line per fault, with row number, column and reason."""
    faults = len(report.errors)
    lines = [
        f"{file} blev ikke indlæst: {format_number(faults)} {_plural(faults, 'fejl', 'fejl')} i "
        f"{format_number(report.rows_with_errors)} {_plural(report.rows_with_errors, 'række', 'rækker')}. "
        "Ingen beboere er oprettet eller ændret."
    ]
    for e in report.errors:
        where = f"Række {e.row}, kolonne »{e.column}«" if e.column else f"Række {e.row}"
        lines.append(f"  {where}: {text_for(e.error)}")
    return "\n".join(lines)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


# -- encryption at rest ---------------------------------------------------------------------------


def _from_env(ns: argparse.Namespace, option: str, default_var: str) -> str | None:
    """The passphrase in the variable named by ``option``, else in ``default_var``, else None."""
    var = getattr(ns, option, None)
    if var:
        value = os.environ.get(var, "")
        if not value:
            raise DomainError("passphrase_env_missing", var=var)
        return value
    return os.environ.get(default_var) or None


def _ask(prompt: str, var: str = PASSPHRASE_ENV, option: str = "--passphrase-env") -> str:
    # Without a terminal getpass would echo or hang on a pipe: point to the variable instead.
    if sys.stdin is None or not sys.stdin.isatty():
        raise DomainError("passphrase_no_terminal", var=var, option=option)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise DomainError("passphrase_no_terminal", var=var, option=option) from None
    except KeyboardInterrupt:
        raise DomainError("cancelled") from None


def _ask_new(prompt: str, var: str = PASSPHRASE_ENV, option: str = "--passphrase-env") -> str:
    first = _ask(prompt, var, option)
    if _ask("Gentag adgangskoden: ", var, option) != first:
        raise DomainError("passphrase_mismatch")
    return first


def _db_passphrase(ns: argparse.Namespace) -> str | None:
    """The passphrase for ``--db``: from the environment, else asked for if the file is encrypted."""
    passphrase = _from_env(ns, "passphrase_env", PASSPHRASE_ENV)
    if passphrase is None and database_needs_passphrase(getattr(ns, "db", None)):
        passphrase = _ask("Adgangskode til databasen: ")
    return passphrase


def _run_encrypt(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db = getattr(ns, "db", None)
    source = encryptable_file(db)
    backups = plain_backups(db)
    if ns.encrypt_backups:
        # All or nothing: an encrypted backup in the way is refused before anything is written.
        target = Path(ns.out).expanduser().resolve()
        for backup in backups:
            if encrypted_backup_path(backup, source, target).exists():
                raise DomainError("file_exists", file=str(encrypted_backup_path(backup, source, target)))
    passphrase = _from_env(ns, "passphrase_env", PASSPHRASE_ENV) or _ask_new("Ny adgangskode til databasen: ")
    target = encrypt_database(db, ns.out, passphrase)
    print(f"Krypteret kopi gemt i {target}.", file=out)
    if backups:
        _plain_backups(ns, db, source, target, passphrase, backups, out)
    _plain_source(ns, source, target, out)
    return EXIT_OK


def _plain_backups(ns, db, source: Path, target: Path, passphrase: str, backups: list[Path], out: TextIO) -> None:
    """Name the plain backup copies beside ``source``; encrypt or remove them if asked to."""
    n = len(backups)
    print(f"Ved siden af {source} ligger {format_number(n)} ukrypterede "
          f"{_plural(n, 'sikkerhedskopi', 'sikkerhedskopier')} med de samme oplysninger:", file=out)
    for backup in backups:
        print(f"  {backup}", file=out)
    action = "encrypt" if ns.encrypt_backups else "remove" if ns.remove_plain_backups else None
    if action is None and _on_terminal():
        if _confirm(f"Kryptér {_plural(n, 'den', 'dem')} med samme adgangskode og slet "
                    f"{_plural(n, 'den ukrypterede', 'de ukrypterede')}? [j/N] ", out):
            action = "encrypt"
        elif _confirm(f"Slet {_plural(n, 'den', 'dem')} uden at kryptere? [j/N] ", out):
            action = "remove"
    if action == "encrypt":
        for plain, encrypted in encrypt_backups(db, target, passphrase, backups):
            print(f"  Krypteret til {encrypted}; {plain.name} er slettet.", file=out)
    elif action == "remove":
        for removed in remove_plain_files(backups):
            print(f"  Slettet: {removed}", file=out)
    else:
        print(f"{_plural(n, 'Den', 'De')} er ikke ændret. Slet {_plural(n, 'den', 'dem')}, når den krypterede "
              "kopi virker, eller brug --encrypt-backups eller --remove-plain-backups.", file=out)


def _plain_source(ns, source: Path, target: Path, out: TextIO) -> None:
    """Say that the plain database still exists; remove it only with --remove-plain or a yes."""
    remove = ns.remove_plain or (
        _on_terminal()
        and _confirm(f"Slet den ukrypterede database {source}? Gør det kun, hvis du kan huske "
                     "adgangskoden. [j/N] ", out)
    )
    if remove:
        for removed in remove_plain_files([source]):
            print(f"Slettet: {removed}", file=out)
    else:
        print(
            f"Den ukrypterede fil {source} er ikke ændret og ligger der stadig. Slet den, når du har "
            "kontrolleret, at den krypterede kopi kan åbnes (eller brug --remove-plain).",
            file=out,
        )
    print(f"Åbn den krypterede database med: tilsyn --db {target}", file=out)


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _confirm(question: str, out: TextIO) -> bool:
    """A yes/no question on the terminal; only j/ja (or y/yes) is yes, so Enter, EOF and Ctrl+C are no."""
    print(question, end="", file=out, flush=True)
    try:
        answer = sys.stdin.readline()
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if not answer.endswith("\n"):
        print(file=out)
    return answer.strip().casefold() in ("j", "ja", "y", "yes")


def _run_rekey(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db = getattr(ns, "db", None)
    path = rekeyable_file(db)
    old = _from_env(ns, "passphrase_env", PASSPHRASE_ENV) or _ask("Nuværende adgangskode: ")
    new = _from_env(ns, "new_passphrase_env", NEW_PASSPHRASE_ENV) or _ask_new(
        "Ny adgangskode: ", NEW_PASSPHRASE_ENV, "--new-passphrase-env"
    )
    change_passphrase(db, old, new)
    print(f"Adgangskoden til {path} er skiftet.", file=out)
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------------

# argparse writes its own messages in English; these turn the common ones into Danish.
_DANISH = (
    (re.compile(r"the following arguments are required: (.*)"), r"disse argumenter mangler: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"ukendte argumenter: \1"),
    (re.compile(r"invalid int value: (.*)"), r"ugyldigt tal: \1"),
    (re.compile(r"invalid (\w+) value: (.*)"), r"ugyldig værdi: \2"),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)"), r"ugyldigt valg: \1 (vælg mellem \2)"),
    (re.compile(r"expected one argument"), "mangler en værdi"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"tvetydigt tilvalg: \1 kan betyde \2"),
    (re.compile(r"not allowed with argument"), "kan ikke bruges sammen med"),
    (re.compile(r"^argument (-\S+): "), r"\1: "),
)


def _danish(message: str) -> str:
    for pattern, repl in _DANISH:
        message = pattern.sub(repl, message)
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Danish and exits 2 on every usage error."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        self.add_argument("-h", "--help", action="help", help="vis denne hjælp og afslut")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fejl: {_danish(message)}\n")


def _count(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"»{text}« er ikke et helt tal") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"skal være mellem {low} og {high}, ikke {value}")
        return value

    return parse


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"»{text}« er ikke et helt tal") from None


_DB_HELP = (
    "databasen: en filsti til en SQLite-fil eller en URL (fx postgresql+psycopg://…). "
    "Uden --db bruges $TILSYN_DB og ellers standardfilen i brugerens datamappe"
)

_EPILOG = """\
Uden kommando åbnes programvinduet.

Afslutningskoder:
  0  udført
  1  afvist (årsagen skrives på dansk; intet er gemt)
  2  forkert brug af kommandoen"""

_IMPORT_EPILOG = f"""\
Kolonner (overskrift i første række; store/små bogstaver og mellemrum er ligegyldige):
{textwrap.fill(", ".join(COLUMNS), 78, initial_indent="  ", subsequent_indent="  ")}
Påkrævet: {", ".join(REQUIRED_COLUMNS)}.

Filen må være UTF-8 (med eller uden BOM) eller Windows-1252 (Excels »CSV (semikolonsepareret)«),
adskilt med komma eller semikolon. Datoer skrives DD-MM-ÅÅÅÅ (ÅÅÅÅ-MM-DD går også).
Plejecenter og afdeling skal findes i forvejen. Beboere genkendes på CPR-nummeret: et kendt
CPR-nummer opdaterer beboeren, et nyt opretter en. En kolonne, der ikke er med, lader de gemte
oplysninger stå; et tomt felt i en kolonne, der er med, sletter dem.

Alt eller intet: er der fejl i blot én række, gemmes intet, og hver fejl vises med række,
kolonne og årsag (overskriften er række 1). Afslutningskode 1."""


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree: global --db and --version, and one subparser per command."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets --db stand before or after the command without one default hiding the other.
    common.add_argument("--db", metavar="STI_ELLER_URL", default=argparse.SUPPRESS, help=_DB_HELP)
    common.add_argument(
        "--passphrase-env", metavar="VARIABEL", default=argparse.SUPPRESS,
        help=f"læs databasens adgangskode fra denne miljøvariabel (ellers ${PASSPHRASE_ENV}, "
        "ellers spørges der, hvis databasen er krypteret)",
    )

    parser = _Parser(
        prog="tilsyn",
        description="Tilsyn: magtanvendelse og tilsynsbesøg på plejecentre.",
        epilog=_EPILOG,
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"tilsyn {__version__}", help="vis programmets version og afslut"
    )
    commands = parser.add_subparsers(title="kommandoer", metavar="KOMMANDO", dest="command", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="fyld en tom database med en opdigtet kommune (plejecentre, beboere, afgørelser)",
        description=textwrap.fill(
            "Fylder en tom database med en opdigtet kommune i og omkring Vejle: plejecentre med "
            "afdelinger, beboere med gyldige CPR-numre, pårørende og afgørelser om magtanvendelse. "
            "Samme --seed giver de samme personer. En demodatabase afvises uden --force; en database med "
            "rigtige data (brugere, kommune, plejecentre eller beboere, som demoen ikke har lavet) afvises "
            "altid.",
            78,
        ),
        epilog=_EPILOG,
    )
    demo.add_argument("--seed", type=_seed, default=DEFAULT_SEED, metavar="N",
                      help=f"startværdi for tilfældighederne (standard {DEFAULT_SEED})")
    demo.add_argument("--homes", type=_count(1, 500), default=DEFAULT_HOMES, metavar="N",
                      help=f"antal plejecentre (standard {DEFAULT_HOMES}: 17 kommunale og 2 private)")
    demo.add_argument("--residents-per-home", type=_count(0, 2000), default=DEFAULT_RESIDENTS_PER_HOME,
                      metavar="N", help=f"beboere pr. plejecenter (standard {DEFAULT_RESIDENTS_PER_HOME})")
    demo.add_argument("--force", action="store_true",
                      help="tilføj demodata til en demodatabase (aldrig til en database med rigtige data)")
    demo.set_defaults(run=_run_demo)

    imp = commands.add_parser(
        "import-residents",
        parents=[common],
        help="indlæs eller opdater beboere fra en CSV-fil (alt eller intet)",
        description="Indlæser beboere fra en CSV-fil. Alle rækker kontrolleres, før noget gemmes. Kræver et "
                    "login (--user) som sagsbehandler eller administrator.",
        epilog=_IMPORT_EPILOG + "\n\n" + _EPILOG.split("\n\n", 1)[1],
    )
    imp.add_argument("file", metavar="FIL.csv", help="CSV-filen med beboerne")
    imp.set_defaults(run=_run_import)

    enc = commands.add_parser(
        "encrypt",
        parents=[common],
        help="gem en krypteret kopi af en ukrypteret SQLite-database (til bærbare)",
        description=textwrap.fill(
            "Gemmer en krypteret kopi (SQLCipher) af databasen i --out. Adgangskoden (mindst 8 tegn) "
            f"spørges der om, eller den læses fra ${PASSPHRASE_ENV}. Bagefter nævnes den ukrypterede "
            "database og dens ukrypterede sikkerhedskopier; på en terminal spørges der, om de skal "
            "krypteres eller slettes. Uden svar eller tilvalg slettes intet.",
            78,
        ),
        epilog=_EPILOG.split("\n\n", 1)[1],
    )
    enc.add_argument("--out", required=True, metavar="NY_FIL", help="den krypterede databasefil, der oprettes")
    backups = enc.add_mutually_exclusive_group()
    backups.add_argument("--encrypt-backups", action="store_true",
                         help="kryptér de ukrypterede sikkerhedskopier (NAVN.backup-*) ved siden af --out, "
                         "og slet de ukrypterede (uden at spørge)")
    backups.add_argument("--remove-plain-backups", action="store_true",
                         help="slet de ukrypterede sikkerhedskopier (uden at spørge)")
    enc.add_argument("--remove-plain", action="store_true",
                     help="slet den ukrypterede database, når den krypterede kopi er gemt (uden at spørge)")
    enc.set_defaults(run=_run_encrypt)

    rekey = commands.add_parser(
        "rekey",
        parents=[common],
        help="skift adgangskoden til en krypteret database",
        description=textwrap.fill(
            "Skifter adgangskoden til en krypteret database. Luk programmet først. "
            f"Uden terminal: den nuværende i ${PASSPHRASE_ENV}, den nye i ${NEW_PASSPHRASE_ENV}.",
            78,
        ),
        epilog=_EPILOG.split("\n\n", 1)[1],
    )
    rekey.add_argument(
        "--new-passphrase-env", metavar="VARIABEL", default=None,
        help=f"læs den nye adgangskode fra denne miljøvariabel (ellers ${NEW_PASSPHRASE_ENV})",
    )
    rekey.set_defaults(run=_run_rekey)

    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="kontrollér revisionsloggens kæde og alle underskrifter",
        description=textwrap.fill(
            "Genberegner hashen for hver post i revisionsloggen og for hver underskrift, og lægger "
            "loggens ændringer sammen og sammenligner dem med data. Afslutter med kode 1 og nævner det "
            "første brudte led eller den række og det felt, der er ændret uden om loggen. Med "
            "--expect-head kontrolleres desuden, at kæden stadig indeholder et kædehoved, der er "
            "udskrevet tidligere (på en PDF eller en kvittering): så findes også en afkortet eller "
            "omskrevet log.",
            78,
        ),
        epilog=_EPILOG.split("\n\n", 1)[1],
    )
    verify.add_argument(
        "--expect-head", type=_expect_head, metavar="NR:HASH", default=None,
        help="kædehovedet, som det står på en udskrift eller kvittering (fx »nr. 1234 · 9f86…« eller 1234:9f86…)",
    )
    verify.set_defaults(run=_run_verify)

    export = commands.add_parser(
        "export-month",
        parents=[common],
        help="eksportér en måneds sendte skemaer om magtanvendelse til myndigheden (PDF, JSON, CSV)",
        description=textwrap.fill(
            "Skriver for hvert sendt (eller behandlet) skema i måneden en PDF og en JSON-fil, en samlet PDF "
            "med forside pr. plejecenter og en CSV-oversigt i --out. Samme data giver de samme filer, byte "
            "for byte. Kommandoen kræver et login (--user): den eksporterer, hvad brugerens rolle og "
            "plejecentre giver adgang til.",
            78,
        ),
        epilog=_EPILOG.split("\n\n", 1)[1],
    )
    export.add_argument("--month", required=True, metavar="ÅÅÅÅ-MM", help="måneden, fx 2026-03")
    export.add_argument("--home", metavar="NAVN", default=None, help="kun dette plejecenter (standard: alle)")
    export.add_argument("--out", required=True, metavar="MAPPE", help="mappen, filerne skrives i (oprettes)")
    export.add_argument("--layout", metavar="SKABELON", default=None,
                        help="vejle-2011 eller skema1-2010 (standard: den skabelon, hvert skema er lavet under)")
    export.add_argument("--pdfa", action="store_true", help="skriv PDF'erne som PDF/A-2b (til arkivering)")
    export.add_argument("--workers", type=_count(1, 64), default=None, metavar="N",
                        help="antal processer, der danner PDF'erne (standard: én pr. kerne ved store udtræk, "
                             "ellers én); filerne bliver de samme")
    export.set_defaults(run=_run_export_month)
    _add_supervision_parsers(commands, common)
    _add_protocols_parser(commands, common)
    from .cli_exchange import add_parsers as _add_exchange_parsers

    _add_exchange_parsers(commands, common)
    # Keep this last: every command but NO_LOGIN_COMMANDS takes --user (main logs it in).
    parser.add_argument("--user", metavar="BRUGERNAVN", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    for name, sub in commands.choices.items():
        if name not in NO_LOGIN_COMMANDS:
            _add_login_option(sub)
    return parser


# -- supervision visits: sample, sample-verify, report-visit, report-annual ------------------------
# These commands act as the logged-in user (a consultant draws samples and writes reports).


def _supervision(ns: argparse.Namespace):
    from .services.supervision import SupervisionService

    opened = _session(ns)
    return opened, SupervisionService(opened.context)


def _run_sample(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    opened, svc = _supervision(ns)
    try:
        if ns.protocol:
            _sample_protocols(svc, ns)
        result = svc.draw_programme(ns.year, ns.seed, total=ns.total, min_per_home=ns.min_per_home,
                                    max_per_home=ns.max_per_home, visit_date=ns.visit_date,
                                    visit_dates=dict(ns.visit_dates or ()), exclusions=dict(ns.exclude or ()))
    except DomainError as exc:
        if exc.code in ("programme_fixed", "programme_seed"):
            raise DomainError("programme_fixed_cli", field=exc.field, **exc.params) from None
        raise
    finally:
        close_app(opened.context)
    if ns.json:
        if result.warning is not None:
            print(f"Bemærk: {text_for(result.warning)}", file=err)
        print(json.dumps(sample_json(result.programme, result.draws, result.warning), ensure_ascii=False, indent=2),
              file=out)
    else:
        print(sample_text(result.programme, result.draws, str(ns.seed), result.warning), file=out)
    return EXIT_OK


def _sample_protocols(svc, ns: argparse.Namespace) -> None:
    """``sample --protocol ID@VERSION``: the programme made now takes these installed versions
    (each kind not named its default); an existing programme keeps its own, so one that has
    other versions is refused by name."""
    installed = {p.key: p for p in svc.protocols()}
    named: dict = {}  # kind -> ProtocolDTO
    for key in ns.protocol:
        p = installed.get(key)
        if p is None:
            pid, _, version = key.partition("@")
            raise DomainError("unknown_protocol", field="protocol", protocol=pid, version=version)
        if p.kind in named and named[p.kind].key != key:
            raise DomainError("programme_protocol_kind", field="protocol", protocol=p.kind_label)
        named[p.kind] = p
    programme = svc.programme_for_year(ns.year)
    if programme is None:
        chosen = dict(named)
        for p in installed.values():
            if p.default:
                chosen.setdefault(p.kind, p)
        svc.create_programme(ns.year, protocols=sorted(p.key for p in chosen.values()), sample_total=ns.total,
                             sample_min=ns.min_per_home, sample_max=ns.max_per_home)
        return
    other = sorted(p.key for p in named.values() if p.key not in programme.protocols)
    if other:
        raise DomainError("programme_protocols_fixed", field="protocol", year=ns.year, given=", ".join(other),
                          protocols=", ".join(sorted(programme.protocols)))


def _protocol_key(text: str) -> str:
    pid, _, version = text.strip().partition("@")
    if not pid or not version.isdigit() or int(version) < 1:
        raise argparse.ArgumentTypeError(f"»{text}« er ikke på formen ID@VERSION, fx resident-2023@1")
    return f"{pid}@{int(version)}"


def _draw_json(d) -> dict:
    """One draw as recomputable data: seed, frame exactly as hashed, exclusions and members by rank."""
    out = {
        "draw_id": d.id, "seed": d.seed, "size": d.size, "frame_date": d.frame_date.isoformat(),
        "frame_size": d.frame_size, "frame": list(d.frame),
        "excluded": [{"resident_id": e.resident_id, "reason": e.reason, "reason_label": e.reason_label,
                      "note": e.note} for e in d.exclusions],
        "members": [{"rank": m.rank, "resident_id": m.resident_id, "status": m.status} for m in d.members],
        "resident_ids": list(d.resident_ids),
    }
    if d.relative_window:
        out["force_registered_between"] = [day.isoformat() for day in d.relative_window]
    return out


def sample_json(programme, draws, warning=None) -> dict:
    """Per care home the visit and the draws, with everything needed to recompute each draw with
    hashlib alone (seed, programme id and resident ids as hashed, the frame, the rule)."""
    from .domain.supervision import sampling

    homes: dict[str, dict] = {}
    for d in draws:
        home = homes.setdefault(d.care_home_id, {
            "care_home_id": d.care_home_id, "care_home": d.care_home_name, "visit_id": d.visit_id,
            "visit_date": d.visit_date.isoformat(),
        })
        home["residents" if d.kind == "resident" else "relatives"] = _draw_json(d)
    reachable = sum(len(d.frame[:d.size]) for d in draws if d.kind == "resident")
    return {
        "year": programme.year, "programme_id": sampling.canonical_id(programme.id), "seed": programme.seed,
        "total": programme.sample_total, "min_per_home": programme.sample_min,
        "max_per_home": programme.sample_max,
        "plan": {"total": programme.sample_total, "min_per_home": programme.sample_min,
                 "max_per_home": programme.sample_max, "relatives_per_home": programme.relatives_per_home,
                 "drawn": reachable, "note": text_for(warning) if warning is not None else ""},
        "how_to_verify": {
            "ids": sampling.ID_FORM,
            "residents": {"rule": sampling.RULE_WORDS["resident"], "formula": sampling.RULE_FORMULA["resident"],
                          "hashed_text": "{seed}|{programme_id}|{resident_id}"},
            "relatives": {"rule": sampling.RULE_WORDS["relative"], "formula": sampling.RULE_FORMULA["relative"],
                          "hashed_text": "{seed}|{programme_id}|relative|{resident_id}",
                          "window_days": sampling.RELATIVE_WINDOW_DAYS},
            "members": "members står i rækkefølge (rank); de første er stikprøven, erstatninger følger efter.",
            "script": "scripts/recompute_sample.py (vist i README) genberegner hver stikprøve med hashlib alene.",
        },
        "care_homes": list(homes.values()),
    }


def sample_text(programme, draws, seed: str, warning=None) -> str:
    """The sample per care home, in Danish, with resident ids only (no names)."""
    from .messages import format_date

    n = format_number
    residents = [d for d in draws if d.kind == "resident"]
    total = sum(len(d.resident_ids) for d in residents)
    lines = [
        f"Tilsynsprogram {programme.year}: {n(total)} {_plural(total, 'beboer', 'beboere')} udtrukket på "
        f"{n(len(residents))} {_plural(len(residents), 'plejecenter', 'plejecentre')} "
        f"({programme.sample_min}-{programme.sample_max} pr. plejecenter, i alt planlagt {programme.sample_total}; "
        f"frø {programme.seed})."
    ]
    if warning is not None:
        lines.append(f"Bemærk: {text_for(warning)}")
    for d in draws:
        if d.kind == "resident":
            lines.append(f"{d.care_home_name} (besøg {format_date(d.visit_date)}): {n(len(d.resident_ids))} af "
                         f"{n(d.frame_size)} {_plural(d.frame_size, 'beboer', 'beboere')}" + (f", trukket med frø {d.seed}" if d.seed != seed else ""))
            lines.append(f"  besøg {d.visit_id}, stikprøve {d.id}")
        else:
            lines.append(f"  Pårørende: {n(len(d.resident_ids))} af {n(d.frame_size)} {_plural(d.frame_size, 'beboer', 'beboere')} med registreret "
                         f"magtanvendelse inden for 1 år (stikprøve {d.id})")
        for m in d.members:
            if m.status in ("drawn", "interviewed"):
                lines.append(f"    nr. {m.rank:>3}  {m.resident_id}")
    lines.append(f"Stikprøverne kan efterprøves med: tilsyn sample-verify --year {programme.year}")
    return "\n".join(lines)


def _run_sample_verify(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    opened, svc = _supervision(ns)
    try:
        results = [svc.verify_draw(ns.draw)] if ns.draw else svc.verify_year(ns.year)
        data = None
        if ns.json:
            if ns.draw:
                d = svc.draw(ns.draw)
                programme = next(p for p in svc.programmes() if p.id == d.programme_id)
                data = sample_json(programme, [d])
            else:
                sample = svc.programme_draws(ns.year)
                data = sample_json(sample.programme, sample.draws)
    finally:
        close_app(opened.context)
    ok = all(r.match for r in results)
    if data is not None:
        data["verified"] = [{"draw_id": r.draw_id, "care_home": r.care_home_name, "kind": r.kind, "seed": r.seed,
                             "match": r.match, "frame_unchanged": r.frame_unchanged,
                             "mismatches": [{"rank": k, "stored": a, "expected": b} for k, a, b in r.mismatches]}
                            for r in results]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        if not ok:
            print(sample_verify_text(results), file=err)
    else:
        print(sample_verify_text(results), file=out if ok else err)
    return EXIT_OK if ok else EXIT_REFUSED


def _run_sample_redraw(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .messages import format_date

    opened, svc = _supervision(ns)
    try:
        old = svc.draw(ns.draw)
        new = svc.redraw(ns.draw, ns.seed, ns.reason, size=ns.size,
                         exclusions=dict(ns.exclude) if ns.exclude is not None else None)
    finally:
        close_app(opened.context)
    print(f"{new.care_home_name} (besøg {format_date(new.visit_date)}): {new.kind_label.lower()} trukket om med "
          f"frø {new.seed}: {format_number(len(new.resident_ids))} af {format_number(new.frame_size)}. Den gamle "
          f"stikprøve ({old.id}, frø {old.seed}) er gemt med begrundelsen. Ny stikprøve: {new.id}", file=out)
    for m in new.members:
        lines = f"    nr. {m.rank:>3}  {m.resident_id}"
        print(lines, file=out)
    return EXIT_OK


def _run_visit_move(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .messages import format_date

    opened, svc = _supervision(ns)
    try:
        v = svc.update_visit(ns.visit, planned_on=ns.date, reason=ns.reason or "")
        drawn = bool(v.draws)
    finally:
        close_app(opened.context)
    print(f"{v.care_home_name}: besøget er flyttet til {format_date(v.planned_on)}."
          + (" Stikprøven er trukket og beholder sin dato; træk om for at bruge den nye." if drawn else
             " Stikprøven trækkes på den nye dato."), file=out)
    return EXIT_OK


def _run_visit_cancel(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .messages import format_date

    opened, svc = _supervision(ns)
    try:
        v = svc.cancel_visit(ns.visit, ns.reason)
    finally:
        close_app(opened.context)
    print(f"{v.care_home_name}: besøget {format_date(v.planned_on)} er aflyst. Begrundelsen er logget.", file=out)
    return EXIT_OK


def sample_verify_text(results) -> str:
    """One line per draw: matches or not, and where it differs."""
    kinds = {"resident": "beboere", "relative": "pårørende"}
    lines = []
    for r in results:
        where = f"{r.care_home_name}, {kinds.get(r.kind, r.kind)} (frø {r.seed})"
        if r.match:
            lines.append(f"{where}: stemmer.")
        else:
            lines.append(f"FEJL: {where}: stemmer ikke med en ny beregning.")
            for rank, stored, expected in r.mismatches:
                lines.append(f"  nr. {rank}: gemt {stored or '(mangler)'}, beregnet {expected or '(ingen)'}")
        if not r.frame_unchanged:
            lines.append("  Bemærk: beboerlisten er ændret siden trækningen; kontrollen bruger den gemte ramme.")
    good = sum(1 for r in results if r.match)
    lines.append(f"{good} af {len(results)} {_plural(len(results), 'stikprøve', 'stikprøver')} stemmer.")
    return "\n".join(lines)


def _write_pdf(path: str, pdf: bytes) -> None:
    """Write a report readable by its owner only (0600), replacing an older file in one rename."""
    from pathlib import Path

    from .services.staging import replace_private

    try:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_private(target, pdf)
    except OSError as exc:
        raise DomainError("file_unwritable", path=path, reason=exc.strerror or str(exc)) from exc


def _run_report_visit(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    opened, svc = _supervision(ns)
    try:
        pdf = svc.visit_report_pdf(ns.visit)
    finally:
        close_app(opened.context)
    _write_pdf(ns.out, pdf)
    print(f"Tilsynsrapporten er gemt i {ns.out}.", file=out)
    return EXIT_OK


def _run_report_annual(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    opened, svc = _supervision(ns)
    try:
        pdf = svc.annual_evaluation_pdf(ns.year)
    finally:
        close_app(opened.context)
    _write_pdf(ns.out, pdf)
    print(f"Årsevalueringen for {ns.year} er gemt i {ns.out}.", file=out)
    return EXIT_OK


def _date_arg(text: str):
    from .messages import parse_date, text_for

    try:
        return parse_date(text)
    except DomainError as err:
        raise argparse.ArgumentTypeError(text_for(err)) from None


def _home_date(text: str) -> tuple[str, object]:
    home, sep, day = text.rpartition("=")
    if not sep or not home.strip():
        raise argparse.ArgumentTypeError("skriv PLEJECENTER=DD-MM-ÅÅÅÅ")
    return home.strip(), _date_arg(day)


def _exclusion(text: str) -> tuple[str, object]:
    from .messages import text_for

    rid, _, rest = text.partition(":")
    code, _, note = rest.partition(":")
    if not rid.strip() or not code.strip():
        raise argparse.ArgumentTypeError(text_for(DomainError("exclusion_format")))
    return rid.strip(), (code.strip(), note.strip()) if note.strip() else code.strip()


def _add_supervision_parsers(commands, common) -> None:
    tail = _EPILOG.split("\n\n", 1)[1]
    sample = commands.add_parser(
        "sample",
        parents=[common],
        help="træk årets stikprøver af beboere (og pårørende) til tilsynsbesøgene",
        description=textwrap.fill(
            "Opretter (eller bruger) årets tilsynsprogram, planlægger et besøg på hvert plejecenter, der ikke "
            "har et, fordeler stikprøven på plejecentrene efter størrelse (inden for mindst og højst pr. "
            "plejecenter) og trækker beboere og pårørende. Samme frø og samme beboerliste giver samme "
            "stikprøve på enhver maskine. Stikprøver, der allerede er trukket, bevares.",
            78,
        ),
        epilog=tail,
    )
    sample.add_argument("--year", required=True, type=_count(2000, 2100), metavar="ÅÅÅÅ", help="programåret")
    sample.add_argument("--seed", required=True, type=_seed, metavar="N", help="frø (startværdi) for trækningen")
    sample.add_argument("--total", type=_count(0, 100000), default=None, metavar="N",
                        help="beboere i alt (standard 120, eller programmets)")
    sample.add_argument("--min-per-home", type=_count(0, 1000), default=None, metavar="N",
                        help="mindst pr. plejecenter (standard 3)")
    sample.add_argument("--max-per-home", type=_count(1, 1000), default=None, metavar="N",
                        help="højst pr. plejecenter (standard 6)")
    sample.add_argument("--visit-date", type=_date_arg, default=None, metavar="DD-MM-ÅÅÅÅ",
                        help="én dato for alle nye besøg (standard: hvert plejecenter sin egen hverdag, fordelt "
                             "over resten af året)")
    sample.add_argument("--visit-dates", type=_home_date, action="append", default=None,
                        metavar="PLEJECENTER=DD-MM-ÅÅÅÅ",
                        help="datoen for ét plejecenters nye besøg (navn eller id); kan gentages")
    sample.add_argument("--exclude", type=_exclusion, action="append", default=None,
                        metavar="BEBOER-ID:ÅRSAG[:TEKST]",
                        help="udelad en beboer af rammen før trækningen: terminal, hospital, cannot_participate "
                             "eller other:TEKST; kan gentages")
    sample.add_argument("--json", action="store_true",
                        help="skriv resultatet som JSON (ramme, regel og beboer-id pr. plejecenter, til genberegning)")
    sample.add_argument("--protocol", type=_protocol_key, action="append", default=None, metavar="ID@VERSION",
                        help="interviewguide for et nyt program, valgt blandt de installerede (tilsyn protocols "
                             "list); de slags, der ikke nævnes, får standarden; kan gentages")
    sample.set_defaults(run=_run_sample)

    redraw = commands.add_parser(
        "sample-redraw",
        parents=[common],
        help="træk ét besøgs stikprøve om med nyt frø og en begrundelse (den gamle gemmes)",
        description=textwrap.fill(
            "Trækker stikprøven om for ét besøg (beboere eller pårørende) med sit eget frø og antal. "
            "Begrundelsen logges, og den gamle stikprøve gemmes som erstattet. Stikprøve-id står i "
            "udskriften fra tilsyn sample.",
            78,
        ),
        epilog=tail,
    )
    redraw.add_argument("--draw", required=True, metavar="ID", help="stikprøvens id")
    redraw.add_argument("--seed", required=True, type=_seed, metavar="N", help="frø for den nye trækning")
    redraw.add_argument("--reason", required=True, metavar="TEKST", help="begrundelse (mindst 5 tegn)")
    redraw.add_argument("--size", type=_count(0, 1000), default=None, metavar="N",
                        help="antal (standard: som den gamle stikprøve)")
    redraw.add_argument("--exclude", type=_exclusion, action="append", default=None,
                        metavar="BEBOER-ID:ÅRSAG[:TEKST]", help="udeladelser (standard: den gamle stikprøves)")
    redraw.set_defaults(run=_run_sample_redraw)

    move = commands.add_parser(
        "visit-move",
        parents=[common],
        help="flyt et planlagt tilsynsbesøg til en anden hverdag i programåret",
        description="Flytter et planlagt besøg. Før trækningen følger rammens dato med; en trukket stikprøve "
                    "beholder sin dato.",
        epilog=tail,
    )
    move.add_argument("--visit", required=True, metavar="ID", help="besøgets id")
    move.add_argument("--date", required=True, type=_date_arg, metavar="DD-MM-ÅÅÅÅ", help="den nye dato")
    move.add_argument("--reason", default="", metavar="TEKST", help="begrundelse (logges)")
    move.set_defaults(run=_run_visit_move)

    cancel = commands.add_parser(
        "visit-cancel",
        parents=[common],
        help="aflys et planlagt tilsynsbesøg med en begrundelse",
        description="Aflyser et planlagt besøg. Begrundelsen logges; besøgets stikprøver gemmes.",
        epilog=tail,
    )
    cancel.add_argument("--visit", required=True, metavar="ID", help="besøgets id")
    cancel.add_argument("--reason", required=True, metavar="TEKST", help="begrundelse (mindst 5 tegn)")
    cancel.set_defaults(run=_run_visit_cancel)

    verify = commands.add_parser(
        "sample-verify",
        parents=[common],
        help="genberegn gemte stikprøver ud fra frø og ramme og kontrollér, at de stemmer",
        description=textwrap.fill(
            "Genberegner hver stikprøve ud fra det gemte frø og den gemte ramme (beboerlisten på besøgsdagen) "
            "og sammenligner med de gemte udtrukne. Afslutter med kode 1, hvis en stikprøve ikke stemmer.",
            78,
        ),
        epilog=tail,
    )
    which = verify.add_mutually_exclusive_group(required=True)
    which.add_argument("--year", type=_count(2000, 2100), metavar="ÅÅÅÅ", help="alle stikprøver i årets program")
    which.add_argument("--draw", metavar="ID", help="én stikprøve")
    verify.add_argument("--json", action="store_true",
                        help="skriv stikprøverne og kontrollen som JSON (til genberegning med hashlib alene)")
    verify.set_defaults(run=_run_sample_verify)

    visit = commands.add_parser(
        "report-visit",
        parents=[common],
        help="gem tilsynsrapporten for et besøg som PDF",
        description="Gemmer tilsynsrapporten for et besøg som PDF. Beboere og pårørende står kun med kode.",
        epilog=tail,
    )
    visit.add_argument("--visit", required=True, metavar="ID", help="besøgets id")
    visit.add_argument("--out", required=True, metavar="FIL.pdf", help="PDF-filen, der skrives")
    visit.set_defaults(run=_run_report_visit)

    annual = commands.add_parser(
        "report-annual",
        parents=[common],
        help="gem årsevalueringen af tilsynene som PDF (på tværs af plejecentre og år)",
        description="Gemmer årsevalueringen af tilsynene for et år som PDF, med udviklingen over årene.",
        epilog=tail,
    )
    annual.add_argument("--year", required=True, type=_count(2000, 2100), metavar="ÅÅÅÅ", help="året")
    annual.add_argument("--out", required=True, metavar="FIL.pdf", help="PDF-filen, der skrives")
    annual.set_defaults(run=_run_report_annual)


# -- protocols: the municipality's own protocols and scales (issue 13, point 6) ------------------


def _run_protocols(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    opened, svc = _supervision(ns)
    try:
        if ns.action == "add":
            text = _read_definition(ns.file)
            try:
                d = svc.install_definition(text)
            except DomainError as exc:
                if exc.code != "definition_same":
                    raise
                print(text_for(exc), file=out)  # installing the same file again changes nothing
                return EXIT_OK
            print(f"{d.kind_label} »{d.title}« ({d.id} version {d.version}) er installeret i databasen "
                  f"(SHA-256 {d.sha256[:12]}…). Programmets egne filer er ikke ændret.", file=out)
            if d.kind == "protocol":
                print(f"Et nyt tilsynsprogram kan nu vælge {d.id}@{d.version}.", file=out)
            return EXIT_OK
        rows = svc.installed_definitions()
    finally:
        close_app(opened.context)
    print(protocols_text(rows), file=out)
    return EXIT_OK


def _read_definition(path: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DomainError("definition_unreadable", path=path, reason="filen findes ikke") from None
    except IsADirectoryError:
        raise DomainError("definition_unreadable", path=path, reason="det er en mappe") from None
    except PermissionError:
        raise DomainError("definition_unreadable", path=path, reason="der er ikke adgang til filen") from None
    except OSError:
        raise DomainError("definition_unreadable", path=path, reason="filen kan ikke åbnes") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("definition_unreadable", path=path, reason="filen er ikke gemt som UTF-8") from None


def protocols_text(rows) -> str:
    """The protocols and scales one per line: kind, id@version, title, shipped or installed."""
    lines = []
    for r in rows:
        where = "følger med programmet" if r.shipped else f"installeret {r.installed_at:%d-%m-%Y} af {r.installed_by}"
        lines.append(f"{r.kind_label:<14}  {r.id + '@' + str(r.version):<38}  {r.title} ({where})")
    return "\n".join(lines)


def _add_protocols_parser(commands, common) -> None:
    tail = _EPILOG.split("\n\n", 1)[1]
    protocols = commands.add_parser(
        "protocols",
        parents=[common],
        help="vis interviewguider og svarskalaer, eller installér kommunens egne (protocols add FIL.toml)",
        description=textwrap.fill(
            "»tilsyn protocols list« viser interviewguider og svarskalaer: dem, der følger med programmet, og "
            "dem, kommunen har installeret. »tilsyn protocols add FIL.toml« kontrollerer en interviewguide eller "
            "svarskala og gemmer den i databasen; programmets egne filer ændres aldrig. En ændret "
            "interviewguide eller svarskala skal have et nyt versionsnummer.",
            78,
        ),
        epilog=tail,
    )
    protocols.add_argument("action", choices=("list", "add"), metavar="list|add", help="list eller add")
    protocols.add_argument("file", nargs="?", metavar="FIL.toml", help="filen, der installeres (kun add)")
    protocols.set_defaults(run=_run_protocols_checked)


def _run_protocols_checked(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if ns.action == "add" and not ns.file:
        print("protocols add: angiv filen, der skal installeres (FIL.toml).", file=err)
        return EXIT_USAGE
    return _run_protocols(ns, out, err)
