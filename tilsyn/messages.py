"""Danish text for every error code. The one place user-facing error wording lives.

Pure Python (no Qt) so the GUI and the CLI show the same words.
"""

from __future__ import annotations

import re

from .domain.errors import DomainError, ValidationError

_MONTH_KEY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)

FIELD_LABELS = {
    "municipality": "Kommunens navn",
    "cpr": "CPR-nummer",
    "name": "Navn",
    "address": "Adresse",
    "postal_code": "Postnummer",
    "city": "By",
    "care_home_id": "Plejecenter",
    "care_home": "Plejecenter",
    "unit": "Afdeling",
    "room": "Bolig",
    "move_in": "Indflytning",
    "move_out": "Fraflytning",
    "acting_municipality": "Handlekommune",
    "residence_municipality": "Opholdskommune",
    "contact_person": "Kontaktperson",
    "kind": "Type",
    "force_types": "Type af magtanvendelse",
    "valid_from": "Gyldig fra",
    "valid_to": "Gyldig til",
    "prerequisites": "Forudsætninger",
    "decision_reference": "Afgørelsens journalnummer",
    "relation": "Relation",
    "phone": "Telefon",
}

TEXTS: dict[str, str] = {
    "required": "{field} skal udfyldes.",
    "cpr_empty": "CPR-nummer skal udfyldes.",
    "cpr_shape": "CPR-nummeret skal have formen DDMMÅÅ-XXXX (10 cifre, bindestreg valgfri).",
    "cpr_month": "CPR-nummeret har en ugyldig måned ({month:02d}). Måneden skal være 01-12.",
    "cpr_day": "CPR-nummeret har en dato, der ikke findes: {day}. {month_name} {year}.",
    "cpr_duplicate": "Der findes allerede en beboer med CPR-nummer {masked}.",
    "postal_code": "Postnummeret skal være 4 cifre.",
    "phone": "Telefonnummeret skal være 8 cifre (evt. med +45).",
    "care_home_kind": "Ukendt type plejecenter: {value}.",
    "care_home_duplicate": "Der findes allerede et plejecenter med navnet {name}.",
    "care_home_has_residents": "Plejecentret har beboere og kan ikke slettes.",
    "move_out_before_move_in": "Fraflytning kan ikke ligge før indflytning.",
    "period_reversed": "Slutdatoen kan ikke ligge før startdatoen.",
    "permit_no_types": "Vælg mindst én type af magtanvendelse.",
    "unknown_force_type": "Ukendt type af magtanvendelse: {type_code} (katalog {version}).",
    "unknown_situation": "Ukendt hygiejnesituation: {situation}.",
    "unknown_catalogue": "Lovkatalog {version} findes ikke.",
    "not_found": "{what} findes ikke (længere).",
    "unknown_care_home": "Plejecentret »{name}« findes ikke.",
    "unknown_unit": "Afdelingen »{name}« findes ikke på plejecentret.",
    "date_format": "Datoen »{value}« skal skrives som DD-MM-ÅÅÅÅ.",
    "database_not_empty": "Databasen er ikke tom. Brug --force for at tilføje demodata alligevel.",
    "database_newer": (
        "Databasen er lavet af en nyere version af Tilsyn (revision {revision}). "
        "Opdater programmet, før du åbner den."
    ),
    "database_unreadable": "Databasen kan ikke åbnes: {reason}",
    "csv_missing_columns": "Filen mangler kolonnerne: {columns}.",
    "csv_encoding": "Filen kan ikke læses som UTF-8 eller Windows-1252.",
    "csv_empty": "Filen indeholder ingen beboere.",
    "csv_duplicate_cpr": "CPR-nummeret står også i række {other_row}.",
    "text_too_long": (
        "{field} må højst være {maximum_text} tegn (der står {length_text})."
    ),
}


CARE_HOME_KIND_LABELS = {
    "municipal": "Kommunal",
    "private": "Privat",
    "friplejehjem": "Friplejehjem",
}


def care_home_kind_label(kind: str) -> str:
    """Danish name of a care home kind (municipal -> Kommunal)."""
    return CARE_HOME_KIND_LABELS.get(kind, kind)


def field_label(name: str | None) -> str:
    """Danish label of a field; a list row's field ("staff.1.name") by its list and field, else its field."""
    name = name or ""
    parts = [p for p in name.split(".") if not p.isdigit()]
    for key in (name, ".".join(parts), parts[-1] if parts else ""):
        if key in FIELD_LABELS:
            return FIELD_LABELS[key]
    return name


def text_for(err: DomainError) -> str:
    """The Danish sentence for one error."""
    if isinstance(err, ValidationError):
        return "\n".join(text_for(e) for e in err.errors)
    template = TEXTS.get(err.code)
    if template is None:
        return f"Handlingen blev afvist ({err.code})."
    params = dict(err.params)
    if "reason" in params and err.code == "episode_not_covered":
        params.setdefault("reason_text", NOT_COVERED_TEXTS.get(params["reason"], ""))
    params.setdefault("field", field_label(err.field))
    if "month" in params and isinstance(params["month"], int) and 1 <= params["month"] <= 12:
        params.setdefault("month_name", MONTHS[params["month"] - 1])
    if isinstance(params.get("month"), str) and _MONTH_KEY.match(params["month"]):
        # A month passed as its key ("2026-11") is shown as "november 2026".
        year, month = params["month"].split("-")
        params.setdefault("month_text", month_label(int(year), int(month)))
    params.setdefault("month_name", "")
    for key in ("maximum", "length"):
        if isinstance(params.get(key), int):
            params.setdefault(f"{key}_text", format_number(params[key]))
    try:
        return template.format(**params)
    except (KeyError, ValueError):
        return template


def format_date(day) -> str:
    """Danish numeric date, DD-MM-ÅÅÅÅ."""
    return day.strftime("%d-%m-%Y") if day else ""


def parse_date(text: str, field: str | None = None):
    """Parse DD-MM-ÅÅÅÅ (also DD.MM.ÅÅÅÅ, DD/MM/ÅÅÅÅ and ISO ÅÅÅÅ-MM-DD); empty gives None.

    The rule is tilsyn.domain.times.parse_date (``date_format`` for a wrong shape,
    ``date_not_exist`` for 31-11-2026); the Danish texts for both are here."""
    from .domain.times import parse_date as _parse_date

    return _parse_date(text, field)


# -- command line and CSV import ------------------------------------------------------------------

TEXTS.update(
    {
        "file_not_found": "Filen {path} findes ikke.",
        "file_unreadable": "Filen {path} kan ikke læses: {reason}",
        "csv_duplicate_column": "Kolonnen »{column}« står mere end én gang i overskriften.",
        "csv_extra_cells": (
            "Rækken har {count} felter, men overskriften kun {expected}. "
            "Står der et komma eller semikolon i et felt uden anførselstegn?"
        ),
        "too_long": "{field} må højst være {max} tegn.",
    }
)


def format_number(n: int) -> str:
    """Whole number with Danish thousands separators: 1140 -> '1.140'."""
    return f"{n:,}".replace(",", ".")


# -- encryption at rest (SQLCipher) ---------------------------------------------------------------

FIELD_LABELS.update(
    {
        "passphrase": "Adgangskode",
        "new_passphrase": "Ny adgangskode",
        "new_path": "Ny databasefil",
    }
)

TEXTS.update(
    {
        "wrong_passphrase": "Adgangskoden til databasen er forkert. Prøv igen.",
        "passphrase_required": "Databasen er krypteret. Skriv adgangskoden til databasen.",
        "passphrase_too_short": "{field} skal være mindst {min_length} tegn.",
        "not_encrypted": "Databasen {file} er ikke krypteret og har derfor ingen adgangskode.",
        "already_encrypted": "Databasen {file} er allerede krypteret.",
        "database_in_use": (
            "Databasen er i brug i et andet vindue eller program. Luk det, og prøv igen."
        ),
        "file_exists": "Filen {file} findes allerede. Vælg et andet filnavn.",
        "encryption_sqlite_only": "Kun en SQLite-databasefil kan krypteres med adgangskode.",
        "encryption_unavailable": (
            "Kryptering er ikke tilgængelig i denne installation (SQLCipher mangler)."
        ),
        "passphrase_mismatch": "De to adgangskoder er ikke ens. Intet er ændret.",
        "passphrase_env_missing": "Miljøvariablen {var} er ikke sat eller er tom.",
        "passphrase_no_terminal": (
            "Der er ingen terminal at spørge om adgangskoden i. "
            "Sæt miljøvariablen {var}, eller brug {option}."
        ),
        "cancelled": "Afbrudt. Intet er ændret.",
    }
)

# -- users, roles, audit, signatures --------------------------------------------------------------
FIELD_LABELS.update(
    {
        "username": "Brugernavn",
        "full_name": "Fulde navn",
        "role": "Rolle",
        "password": "Adgangskode",
        "care_home_ids": "Plejecentre",
        "reason": "Begrundelse",
        "municipality": "Kommune",
        "lock_minutes": "Minutter før låsning",
        "retention_years": "Opbevaringsperiode",
    }
)
TEXTS.update(
    {
        "permission_denied": "Din rolle ({role}) må ikke udføre denne handling.",
        "not_logged_in": "Du er ikke logget ind.",
        "login_failed": "Forkert brugernavn eller adgangskode.",
        "login_throttled": "For mange forkerte forsøg. Vent {seconds} sekunder, og prøv igen.",
        "password_too_short": "Adgangskoden skal være mindst {min} tegn.",
        "username_chars": "Brugernavnet må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.",
        "username_taken": "Brugernavnet »{username}« er allerede i brug.",
        "unknown_role": "Ukendt rolle: {value}.",
        "user_needs_home": "Medarbejdere og ledere skal knyttes til mindst ét plejecenter.",
        "admin_exists": "Der findes allerede en administrator.",
        "last_admin": "Den sidste aktive administrator kan ikke fjernes.",
        "lock_minutes": "Tiden før låsning skal være mellem 1 og 240 minutter.",
        "retention_years": "Opbevaringsperioden skal være mellem 1 og 30 år.",
        "retention_mode": "Ukendt handling: {mode}.",
        "retention_not_due": "{count} af de valgte beboere er ikke fraflyttet længe nok til at blive slettet.",
        "reason_required": "Skriv en begrundelse for ændringen. Den gemmes i loggen.",
        "signing_order": "Afsnit {missing} skal underskrives før afsnit {section}.",
        "already_signed": "Afsnit {section} er allerede underskrevet.",
        "unknown_section": "Ukendt afsnit: {section}.",
    }
)

# -- use of force -----------------------------------------------------------------------------------
FIELD_LABELS.update(
    {
        "force_type": "Type af magtanvendelse",
        "situation": "Hygiejnesituation",
        "started_at": "Dato og klokkeslæt",
        "ended_at": "Sluttidspunkt",
        "location": "Hvor fandt den sted?",
        "purpose": "Hvad var formålet?",
        "description": "Beskriv magtanvendelsen kort",
        "avoidance": "Hvordan blev magtanvendelsen forsøgt undgået?",
        "least_intrusive": "Hvordan blev anvendelsen af magt den mindst mulige indgribende?",
        "narrative": "Beskriv magtanvendelsen",
        "staff": "Medarbejdere",
        "late_reason": "Begrundelse for sen registrering",
        "necessity": "Hvordan var magtanvendelsen/ magtanvendelserne nødvendige?",
        "reflection": "Hvordan sikrer lederen refleksion over magtanvendelsen/magtanvendelserne?",
        "leader_name": "Lederens navn",
        "assessed_on": "Dato for vurdering",
        "discussed_in_staff_group": "Behandlet i medarbejdergruppen",
        "discussed_when": "Hvornår?",
        "action_plan_exists": "Foreligger der en handleplan (§ 141)?",
        "processed_by_name": "Navn",
        "processed_by_position": "Stilling",
        "processed_by_municipality": "Kommune",
        "processed_on": "Dato",
        "residence_municipality_informed": "Er borgerens opholdskommune orienteret?",
        "acting_municipality_informed": "Er borgerens handlekommune orienteret?",
        "comment": "Bemærkning",
        "due_day": "Frist (dag i måneden)",
    }
)
NOT_COVERED_TEXTS = {
    "not_in_month": "Episoden ligger ikke i skemaets måned.",
    "no_active_permit": "Der er ingen aktiv tilladelse til magtanvendelse over for beboeren den dag.",
    "type_not_permitted": "Tilladelsen omfatter ikke denne type magtanvendelse.",
    "chosen_acute": "Registreret som akut magtanvendelse.",
}
TEXTS.update(
    {
        "episode_not_covered": (
            "Magtanvendelsen kan ikke komme på månedsskemaet: {reason_text} "
            "Du kan registrere den som akut / ikke-godkendt magtanvendelse, så intet går tabt."
        ),
        "episode_in_future": "Tidspunktet ligger i fremtiden. Registrér kun magtanvendelse, der har fundet sted.",
        "episode_end_before_start": "Sluttidspunktet ligger før starttidspunktet.",
        "situation_required": "Vælg hygiejnesituationen for fastholdelse i hygiejnesituationer (§ 126 a).",
        "situation_not_applicable": "Hygiejnesituation gælder kun for fastholdelse i hygiejnesituationer (§ 126 a).",
        "staff_required": "Angiv mindst én medarbejder, der var involveret.",
        "staff_one_writer": "Sæt X ved præcis én medarbejder som den, der skriver indberetningen (nu {writers}).",
        "staff_duplicate": "Den samme medarbejder står flere gange.",
        "late_reason_required": (
            "Registreringen er for sen: fristen var udgangen af dagen efter episoden. "
            "Skriv hvorfor; registreringen gemmes og markeres »registreret for sent«."
        ),
        "month_closed": "Lederen har underskrevet månedsskemaet for {month}. Kontakt lederen for at få det åbnet.",
        "form_no_episodes": "Skemaet har ingen magtanvendelser at underskrive.",
        "form_not_sent": "Skemaet er ikke sendt til myndigheden.",
        "form_not_signed": "Afsnit 2 og 3 skal være underskrevet, før skemaet kan sendes.",
        "form_already_sent": "Skemaet er allerede sendt.",
        "comment_required": "Skriv en bemærkning til lederen om, hvorfor skemaet sendes tilbage.",
        "month_format": "Måneden »{value}« skal skrives som ÅÅÅÅ-MM.",
        "due_day": "Fristen skal være en dag mellem 1 og 28.",
    }
)

FORM_STATUS_LABELS = {
    "none": "Ingen magtanvendelse",
    "draft": "Kladde",
    "awaiting_leader": "Afventer leder",
    "sent": "Sendt",
    "processed": "Behandlet",
    "returned": "Sendt tilbage",
    "overdue": "For sent",
}


def form_status_label(status: str) -> str:
    return FORM_STATUS_LABELS.get(status, status)


def month_label(year: int, month: int) -> str:
    """"marts 2026"."""
    return f"{MONTHS[month - 1]} {year}"


# -- use of force: the registration and form screens ------------------------------------------------
FIELD_LABELS.update({"resident_id": "Beboer", "start_time": "Klokkeslæt", "end_time": "Sluttidspunkt"})
TEXTS.update(
    {
        "time_format": "Klokkeslættet »{value}« skal skrives som TT.MM, fx 23.10.",
        "resident_not_chosen": (
            "Vælg beboeren på listen, der kommer frem, når du skriver en del af navn, bolig eller CPR-nummer."
        ),
    }
)


# -- PDFs and the monthly export ------------------------------------------------------------------

TEXTS.update(
    {
        "unknown_template": "Skabelonen »{template}« findes ikke. Kendte skabeloner: {known}.",
        "export_nothing": (
            "Der er ingen sendte skemaer for {month_text}{home_text} at eksportere. "
            "Kun skemaer, som lederen har sendt til myndigheden, eksporteres."
        ),
        "export_out_not_dir": "{path} findes og er ikke en mappe. Vælg en mappe til eksporten.",
        "export_out_unwritable": "Der kan ikke skrives i mappen {path}: {reason}",
        "export_out_missing": "Vælg den mappe, udtrækket skal gemmes i.",
        "export_cancelled": "Eksporten blev afbrudt. Ingen filer er gemt.",
        "export_user_required": (
            "Eksport kræver en bruger, der må se skemaerne (sagsbehandler eller nærmeste leder): "
            "angiv --user BRUGERNAVN og adgangskoden i ${var} eller i terminalen."
        ),
        "pdfa_failed": "PDF/A-filen kunne ikke laves: {reason}",
    }
)


def format_long_date(day) -> str:
    """Danish long date: '20. marts 2026'."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}" if day else ""


def format_moment(moment) -> str:
    """An aware moment in Danish time: '20-03-2026 kl. 14.05'."""
    if moment is None:
        return ""
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo("Europe/Copenhagen"))
    return f"{local:%d-%m-%Y} kl. {local:%H.%M}"

# -- supervision visits (tilsyn) -------------------------------------------------------------------
FIELD_LABELS.update(
    {
        "year": "År",
        "planned_on": "Planlagt dato",
        "conducted_on": "Besøgsdato",
        "consultants": "Tilsynskonsulenter",
        "sample_total": "Stikprøvens størrelse i alt",
        "sample_min": "Mindst pr. plejecenter",
        "relatives_per_home": "Pårørende pr. plejecenter",
        "seed": "Frø (startværdi)",
        "size": "Antal",
        "option": "Svar",
        "action": "Handling",
        "responsible": "Ansvarlig",
        "due_on": "Frist",
        "deadline": "Høringsfrist",
        "reply_text": "Svar på høringen",
        "rating": "Vurdering",
    }
)
TEXTS.update(
    {
        "unknown_option": "Svaret »{option}« findes ikke på skalaen »{scale}«.",
        "unknown_scale": "Svarskalaen {scale} (version {version}) findes ikke.",
        "unknown_protocol": "Interviewguiden {protocol} (version {version}) findes ikke.",
        "unknown_theme": "Temaet »{theme}« findes ikke i {protocol}.",
        "unknown_question": "Spørgsmålet »{question}« findes ikke i interviewguiden.",
        "unknown_item": "Delspørgsmålet »{item}« findes ikke under spørgsmålet.",
        "unknown_sample_kind": "Ukendt slags stikprøve: {kind}.",
        "unknown_exclusion_reason": "Ukendt årsag til at udelade en beboer: {reason}.",
        "exclusion_note_required": "Skriv hvorfor beboeren udelades af stikprøven.",
        "unknown_refusal_reason": "Ukendt årsag: {reason}.",
        "refusal_note_required": "Skriv årsagen, når du vælger »Anden årsag«.",
        "sample_size": "Antallet skal være 0 eller derover (ikke {size}).",
        "sample_bounds": "Mindst og højst pr. plejecenter passer ikke sammen ({lower} og {upper}).",
        "seed_format": "Frøet skal være et tal eller en kort tekst (højst 40 tegn).",
        "programme_year": "Året skal ligge mellem 2000 og 2100.",
        "programme_exists": "Der findes allerede et tilsynsprogram for {year}.",
        "programme_protocol_kind": "Tilsynsprogrammet kan kun have én interviewguide af slagsen »{protocol}«.",
        "no_programme": "Der er intet tilsynsprogram for {year}.",
        "no_draws": "Der er ingen stikprøver at kontrollere for {year}.",
        "not_consultant": "{name} er ikke tilsynskonsulent.",
        "visit_status": "Besøget kan ikke gå fra »{status}« til »{target}«.",
        "visit_locked_interview": "Der kan ikke interviewes, når besøget har status »{status}«.",
        "visit_locked_sampling": "Stikprøven kan ikke ændres, når besøget har status »{status}«.",
        "visit_locked_findings": "Resultater og konklusioner kan ikke ændres, når besøget har status »{status}«.",
        "visit_locked_action_plan": "Handleplanen kan ikke ændres, når besøget har status »{status}«.",
        "visit_locked_reschedule": "Besøget kan kun flyttes, mens det er planlagt (status nu »{status}«).",
        "reschedule_after_draw": (
            "Stikprøven er trukket ud fra den planlagte dato. Træk en ny stikprøve med en begrundelse, "
            "hvis besøget skal flyttes."
        ),
        "visit_in_future": "Besøgsdatoen ligger i fremtiden.",
        "sample_exists": "Besøget har allerede en stikprøve af denne slags. Træk en ny med en begrundelse.",
        "sample_in_use": (
            "Stikprøven er i brug: der er startet interview med {count} af de udtrukne. "
            "Den kan ikke trækkes om."
        ),
        "redraw_reason_required": (
            "Skriv en begrundelse for at trække stikprøven om (mindst {min} tegn). Den gamle stikprøve gemmes."
        ),
        "draw_superseded": "Stikprøven er erstattet af en ny og kan ikke ændres.",
        "member_not_drawn": "Den udtrukne har status »{status}« og kan ikke erstattes.",
        "member_not_available": "Den udtrukne har status »{status}« og kan ikke interviewes.",
        "member_has_interview": "Der er allerede startet et interview med {code}.",
        "interview_needs_member": "Vælg en udtrukket beboer eller pårørende til interviewet.",
        "no_protocol_for_kind": "Tilsynsprogrammet for {year} har ingen interviewguide til denne slags interview.",
        "consent_missing": "Registrér samtykke, før interviewet begynder.",
        "consent_refused": "Respondenten har ikke givet samtykke. Der kan ikke svares i interviewet.",
        "interview_finished": "Interviewet er afsluttet og kan ikke ændres.",
        "free_text_only": "Spørgsmålet har ingen svarskala. Skriv svaret som tekst.",
        "unknown_rating": "Ukendt vurdering: {rating}.",
        "unknown_action_status": "Ukendt status for handlingen: {status}.",
        "conclusions_required": "Skriv mindst én fælles konklusion, før rapporten sendes i høring.",
        "consultation_deadline": "Høringsfristen skal ligge efter i dag.",
        "consultation_not_open": "Rapporten er ikke i høring.",
        "consultation_open": (
            "Høringsfristen ({deadline}) er ikke udløbet, og plejecentret har ikke svaret endnu. "
            "Rapporten kan først gøres endelig efter svaret eller fristen."
        ),
        "report_not_sent": "Rapporten er ikke sendt i høring endnu.",
    }
)
TEXTS.update({"file_unwritable": "Filen {path} kan ikke skrives: {reason}"})

# -- login, lock, user administration and record history (the GUI) --------------------------------
FIELD_LABELS.update(
    {
        "password_repeat": "Gentag adgangskode",
        "position": "Stilling",
        "active": "Aktiv",
        "unit_id": "Afdeling",
        "municipality_id": "Kommune",
        "catalogue_version": "Lovkatalog",
        "type_code": "Type af magtanvendelse",
        "user_id": "Bruger",
    }
)
TEXTS.update(
    {
        "password_mismatch": "De to adgangskoder er ikke ens.",
        "wrong_password": "Forkert adgangskode. Prøv igen.",
        "no_resident_chosen": "Vælg først en beboer på listen.",
        "nothing_chosen": "Vælg mindst én beboer på listen.",
    }
)

# -- the top-level error handler, databases that do not exist (issue 9, points 5 and 7) -----------
TEXTS.update(
    {
        "unexpected_error": "Der opstod en uventet fejl. Detaljerne er gemt i {path} (hændelse {incident}).",
        "unexpected_error_unlogged": (
            "Der opstod en uventet fejl (hændelse {incident}). Detaljerne kunne ikke gemmes: {reason}"
        ),
        "database_missing": (
            "Databasen {file} findes ikke. Kontrollér stien i --db (eller $TILSYN_DB). "
            "Kommandoen læser kun og opretter ikke en ny database."
        ),
    }
)

# -- maximum lengths (tilsyn.domain.limits): fields without a label so far --------------------------
FIELD_LABELS.update(
    {
        "units": "Afdelingens navn",
        "staff.name": "Medarbejderens navn",
        "staff.workplace": "Medarbejderens arbejdssted",
        "staff.position": "Medarbejderens stilling",
        "workplace": "Arbejdssted",
        "action_plan_updated": "Hvornår er handleplanen opdateret?",
        "discussion_plans": "Planer om behandling i medarbejdergruppen",
        "other": "Andet",
        "followup_remarks": "Bemærkninger vedrørende opfølgning",
        "note": "Bemærkning",
        "title": "Titel",
        "consent_note": "Bemærkning om samtykke",
        "free_text": "Svar i tekst",
        "summary": "Sammenfatning",
        "result_summary": "Samlet vurdering",
        "conclusions": "Konklusion",
        "development_areas": "Udviklingspunkt",
    }
)

# -- exports: renderer failures, file names (issue 9, points 2 and 4) -----------------------------
#: What a form is called at the start of a sentence, by kind (for render_failed and its kin).
RENDER_WHAT = {"monthly": "Månedsskemaet", "acute": "Den akutte registrering"}
TEXTS.update(
    {
        "render_failed": (
            "{what} for {resident} ({cpr}), {month_text}, kunne ikke dannes som PDF i skabelonen "
            "»{layout_name}«. Prøv at vælge en anden skabelon."
        ),
        "export_render_failed": (
            "{what} for {resident} ({cpr}), {month_text}, kunne ikke dannes som PDF i skabelonen "
            "»{layout_name}«. Udtrækket er ikke gemt, og ingen filer er skrevet. "
            "Prøv at vælge en anden skabelon."
        ),
        "export_batch_failed": (
            "Den samlede PDF for {home}, {month_text}, kunne ikke dannes. "
            "Udtrækket er ikke gemt, og ingen filer er skrevet."
        ),
        "export_name_clash": (
            "To filer i udtrækket ville få samme navn ({name}: {home} og {other}). "
            "Udtrækket er ikke gemt, og ingen filer er skrevet."
        ),
    }
)

# -- the store under concurrent use (issue 9, point 5) ---------------------------------------------
TEXTS.update(
    {
        "database_busy": "Databasen er optaget af en anden bruger. Prøv igen om lidt.",
        "database_conflict": (
            "En anden bruger gemte de samme oplysninger i samme øjeblik. Intet er gemt; prøv igen."
        ),
    }
)

# -- strict CSV import and ASCII digits (issue 9, point 3) ----------------------------------------
TEXTS.update(
    {
        "csv_mixed_encoding": (
            "Filen blander UTF-8 og Windows-1252: nogle tegn er gemt på den ene måde og andre på den "
            "anden, så æ, ø og å ikke kan læses sikkert. Gem filen igen som én af dem (i Excel fx "
            "»CSV UTF-8«), og prøv igen."
        ),
        "csv_unterminated_quote": (
            "Et anførselstegn (\") i rækken bliver aldrig afsluttet, så resten af filen ville blive læst "
            "som ét felt. Afslut feltet med et anførselstegn, eller skriv anførselstegn i teksten som to (\"\")."
        ),
        "csv_quote": (
            "Rækken har tekst efter et afsluttende anførselstegn (\"). Sæt hele feltet i anførselstegn, "
            "og skriv anførselstegn i teksten som to (\"\")."
        ),
        "csv_line_break": (
            "Feltet indeholder et linjeskift, men skal stå på én linje. "
            "Mangler der et afsluttende anførselstegn (\") i rækken?"
        ),
        "csv_header_unreadable": (
            "Overskriften (første række) kan ikke læses: et anførselstegn (\") er ikke afsluttet rigtigt, "
            "eller en kolonne har et linjeskift eller et navn på over 100 tegn."
        ),
        "foreign_digits": "{field} må kun skrives med cifrene 0-9.",
    }
)

# -- supervision: sample sizes, fixed plans and seeds, visit dates, exclusions (issue 13, 1-5 and 8) --
_REDRAW_COMMAND = 'tilsyn sample-redraw --draw ID --seed N --reason "begrundelse"'
TEXTS.update(
    {
        "sample_size_zero": "En stikprøve skal have mindst 1 udtrukket (ikke {size}).",
        "sample_total_zero": "Stikprøven skal have mindst 1 beboer i alt (ikke {size}).",
        "sample_min_zero": "Mindst pr. plejecenter skal være 1 eller derover (ikke {size}).",
        "relatives_zero": "Pårørende pr. plejecenter skal være 1 eller derover (ikke {size}).",
        "plan_too_high": "{total} kan ikke nås med {homes} plejecentre á højst {upper}; der trækkes {reachable}.",
        "plan_too_high_one": "{total} kan ikke nås med 1 plejecenter á højst {upper}; der trækkes {reachable}.",
        "plan_too_high_small": (
            "{total} kan ikke nås med {homes} plejecentre á højst {upper}, når nogle har færre beboere; "
            "der trækkes {reachable}."
        ),
        "plan_too_high_one_small": (
            "{total} kan ikke nås med 1 plejecenter á højst {upper}, da det har færre beboere; "
            "der trækkes {reachable}."
        ),
        "plan_too_low": "{total} er for få til {homes} plejecentre á mindst {lower}; der trækkes {reachable}.",
        "plan_too_low_one": "{total} er for få til 1 plejecenter á mindst {lower}; der trækkes {reachable}.",
        "programme_fixed": (
            "Tilsynsprogram {year} har allerede stikprøver, trukket med frø {seed} og stikprøveplanen {total} "
            "beboere i alt, {lower}-{upper} pr. plejecenter og {relatives} pårørende pr. plejecenter. Frø og plan "
            "kan ikke ændres, når der er trukket. Et besøgs stikprøve kan trækkes om med en begrundelse under "
            "besøgets Stikprøve (den gamle gemmes)."
        ),
        "programme_seed": (
            "Tilsynsprogram {year} trækkes med frø {seed}, ikke {given}: ét program blander ikke frø. Brug frø "
            "{seed}, eller træk en stikprøve om med en begrundelse (den gamle gemmes)."
        ),
        "programme_fixed_cli": (
            "Tilsynsprogram {year} har allerede stikprøver, trukket med frø {seed} og stikprøveplanen {total} "
            "beboere i alt, {lower}-{upper} pr. plejecenter og {relatives} pårørende pr. plejecenter. Frø og plan "
            "kan ikke ændres, når der er trukket. Kør med --seed {seed} og uden --total, --min-per-home og "
            "--max-per-home for at se stikprøverne, eller træk ét besøgs stikprøve om med en begrundelse (den "
            "gamle gemmes): " + _REDRAW_COMMAND
        ),
        "member_interviewed": (
            "Interviewet med {respondent} er afsluttet, så den udtrukne kan ikke længere afslå eller erstattes."
        ),
        # The code was passed as ``code=``, which DomainError itself takes: now ``respondent``.
        "member_has_interview": "Der er allerede startet et interview med {respondent}.",
        "visit_date_outside_year": "Besøgsdatoen {date} ligger uden for tilsynsprogrammets år ({year}).",
        "visit_date_outside_year_follow_up": (
            "Det opfølgende besøg {date} skal ligge i {year} eller {last} (tilsynsprogrammets år og året efter)."
        ),
        "visit_date_weekend": "{date} er en lørdag eller søndag. Tilsynsbesøg planlægges på hverdage.",
        "visit_date_holiday": "{date} er en helligdag ({holiday}). Tilsynsbesøg planlægges på hverdage.",
        "visit_date_home_unknown": "Plejecentret »{home}« findes ikke (--visit-dates).",
        "no_working_days_left": "Der er ingen hverdage tilbage i {year} at planlægge besøg på.",
        "cancel_reason_required": "Skriv hvorfor besøget aflyses (mindst {min} tegn). Begrundelsen logges.",
        "exclusion_not_in_frame": (
            "Beboeren {resident} bor ikke på et af de plejecentre, hvis stikprøve trækkes nu, og kan ikke "
            "udelades her. Udelad beboeren, når stikprøven trækkes om (sample-redraw --exclude)."
        ),
        "exclusion_format": (
            "Skriv udeladelsen som BEBOER-ID:ÅRSAG eller BEBOER-ID:other:TEKST; årsagen er terminal, "
            "hospital, cannot_participate eller other."
        ),
    }
)


# -- supervision: scales and protocols installed, consultation thread, action plan (issue 13, 6-10)
TEXTS.update(
    {
        "definition_toml": "Filen er ikke gyldig TOML ({where}). Ret filen, og prøv igen.",
        "definition_field": "Feltet »{name}« mangler eller har en forkert type i {where}.",
        "definition_id": (
            "»{value}« kan ikke bruges som {name}: brug højst 60 tegn af små bogstaver a-z, cifre, "
            "bindestreg og understreg."
        ),
        "definition_version": "Versionen skal være et helt tal på mindst 1 (ikke {value}).",
        "definition_too_long": "Feltet »{name}« i {where} er for langt (højst 200 tegn).",
        "definition_exists": (
            "{what} {item} version {version} findes allerede med et andet indhold. En ændret "
            "interviewguide eller svarskala er en ny version: sæt »version« et nummer op."
        ),
        "definition_same": "{what} {item} version {version} er allerede installeret med præcis dette indhold.",
        "definition_unreadable": "Filen {path} kan ikke læses: {reason}",
        "scale_no_options": "Svarskalaen {scale} har ingen svarmuligheder ([[options]]).",
        "scale_no_scores": "Svarskalaen {scale} har ingen svarmulighed med en score, så intet kan regnes.",
        "scale_duplicate_option": "Svarmuligheden »{option}« står to gange i svarskalaen {scale}.",
        "scale_score": (
            "Scoren for svarmuligheden »{option}« skal være et tal fra 0 til 100 med højst to decimaler "
            "(fx 66.67), ikke {value}."
        ),
        "protocol_kind": (
            "»{kind}« er ikke en kendt slags interviewguide; brug resident, relative, staff_dialogue "
            "eller staff_evaluation."
        ),
        "protocol_kind_changed": "Interviewguiden {item} findes allerede som en anden slags interviewguide.",
        "protocol_prefix": "Respondentkoden skal være 1-3 store bogstaver (fx B, P eller M), ikke »{value}«.",
        "protocol_duplicate_question": "Spørgsmålet »{question}« står to gange (også på tværs af temaer).",
        "protocol_duplicate_item": "Et delspørgsmål står to gange i spørgsmålet »{question}«.",
        "protocol_items_without_scale": "Spørgsmålet »{question}« har delspørgsmål, men ingen svarskala.",
        "protocol_scale_unpinned": (
            "Svarskalaen »{scale}« i spørgsmålet »{question}« har ingen version under [scales]."
        ),
        "protocol_unknown_scale": (
            "Svarskalaen {scale} version {version} findes ikke. Installér svarskalaen først."
        ),
        "protocol_no_questions": "Interviewguiden {protocol} har ingen spørgsmål.",
        "visit_locked_comment": "Handleplanen kan ikke kommenteres, når besøget har status »{status}«.",
        "visit_locked_free_text_flag": (
            "Det kan ikke ændres, hvilke fritekstsvar der står i rapporten, når besøget har status »{status}«."
        ),
        "free_text_missing": "Svaret har ingen fritekst, der kan komme med i rapporten.",
    }
)
FIELD_LABELS.update({"comment": "Kommentar", "definition": "Filen", "written_by": "Skrevet af"})


def format_decimal(value, places: int = 2, *, trim: bool = False) -> str:
    """A number with a Danish decimal comma: 66.666 -> "66,67"; ``trim`` drops zero decimals
    (75.0 -> "75", 66.5 -> "66,5")."""
    text = f"{value:.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_score(value) -> str:
    """A score 0-100 as reports and screens show it: two decimals ("66,67", "75,00"); "–" for none."""
    return "–" if value is None else format_decimal(value, 2)


def format_percent(value) -> str:
    """A share in per cent, the one way: Danish comma and a space before the sign ("0 %",
    "66,67 %", "75 %"); "–" when there is no share."""
    return "–" if value is None else f"{format_decimal(value, 2, trim=True)} %"


# -- issue 10 point 1: signatures bind the live data ------------------------------------------------
SIGNED_SECTION_LABELS = {1: "afsnit 1 (beboer og afgørelse)", 2: "afsnit 2 (magtanvendelserne)",
                         3: "afsnit 3 (lederens vurdering)", 4: "afsnit 4 (myndighedens behandling)"}
_SIGNED_KEY_LABELS = {
    "type": "Type af magtanvendelse", "cpr": "CPR-nummer", "name": "Navn", "address": "Adresse",
    "postal_code": "Postnummer", "city": "By", "care_home": "Plejecenter / afdeling", "unit": "Plejecenter / afdeling",
    "acting_municipality": "Handlekommune", "residence_municipality": "Opholdskommune",
    "contact_person": "Kontaktperson", "force_types": "Type(r) af magtanvendelse", "prerequisites": "Forudsætninger",
    "valid_from": "Periode", "valid_to": "Periode", "decision_reference": "Afgørelsens journalnummer",
    "catalogue_version": "Lovgrundlag", "residence_municipality_informed": "Opholdskommunen er orienteret",
    "acting_municipality_informed": "Handlekommunen er orienteret", "processed_on": "Dato for behandling",
    "content_version": "Underskriftens indholdsversion", "form": "Skemaets id",
}
MISMATCH_TEXT = "Indholdet svarer ikke længere til underskriften"


def signed_field_label(path: str) -> str:
    """Danish name of a field of signed content: 'episodes.<id>.description' -> 'Beskriv
    magtanvendelsen kort (magtanvendelse 1a2b3c4d)'; 'section1.permits.<id>' -> 'en afgørelse
    (1a2b3c4d)'; 'signature' -> 'selve underskriften'."""
    if path in ("signature", ""):
        return "selve underskriften (den er ikke den, revisionsloggen registrerede)"
    if path == "form":
        return "skemaet (det findes ikke længere)"
    parts = path.split(".")
    where = ""
    if parts[0] == "section1":
        parts = parts[1:]
        if parts[:1] == ["permits"] and len(parts) >= 2:
            where = f" (afgørelse {parts[1][:8]})"
            parts = parts[2:] or ["permits"]
    elif parts[0] == "episodes" and len(parts) >= 2:
        where = f" (magtanvendelse {parts[1][:8]})"
        parts = parts[2:] or ["episodes"]
    if not parts:
        return "afsnit 1 (beboer og afgørelse)"
    key = parts[0]
    if key == "episodes":
        return "en magtanvendelse er tilføjet eller fjernet" + where
    if key == "permits":
        return "en afgørelse er tilføjet eller fjernet" + where
    return (_SIGNED_KEY_LABELS.get(key) or field_label(key)) + where


def signed_fields_text(fields) -> str:
    """'Beskriv magtanvendelsen kort (magtanvendelse 1a2b3c4d); Navn' (each label once)."""
    return "; ".join(dict.fromkeys(signed_field_label(f) for f in fields))


def mismatch_text(fields) -> str:
    """What screens and PDFs show for a signed section whose content has changed since."""
    named = signed_fields_text(fields)
    return f"{MISMATCH_TEXT}" + (f" (ændret: {named})." if named else ".")


def binding_fault_text(fault) -> str:
    """One verify fault of a signed section in Danish: form, resident (masked CPR), section, field.
    Never the data itself."""
    what = RENDER_WHAT.get(fault.kind, "Skemaet")
    where = f"{what} {fault.form_id} (beboer {fault.cpr_masked}), {SIGNED_SECTION_LABELS.get(fault.section, fault.section)}"
    field = signed_field_label(fault.field)
    if fault.problem == "missing":
        return f"{where}: der findes en gyldig underskrift, men skemaet findes ikke længere."
    if fault.problem == "unlogged":
        return (f"{where}: feltet »{field}« i beboerens eller afgørelsens data er ændret uden om "
                "revisionsloggen; skemaet viser afsnit 1, som det blev underskrevet.")
    return f"{where}: feltet »{field}« svarer ikke længere til underskriften."


TEXTS.update(
    {
        "export_signature_mismatch": (
            "{what} for {resident} ({cpr}), {month_text}, kan ikke eksporteres: indholdet af {section_text} "
            "svarer ikke længere til underskriften (ændret: {fields_text}). Udtrækket er ikke gemt, og ingen "
            "filer er skrevet. Kør »tilsyn verify« og få afsnittet rettet og underskrevet igen."
        ),
    }
)

# -- nobody acts without logging in: the command line's login and the demo's refusal (issue 10, point 5)
TEXTS.update(
    {
        "cli_user_missing": (
            "Log ind: angiv brugernavn med --user eller TILSYN_USER. Kommandoen læser eller ændrer "
            "personoplysninger og udføres kun af en bruger, der er logget ind. Intet er gemt."
        ),
        "cli_password_missing": (
            "Log ind: adgangskoden for »{username}« mangler, og der er ingen terminal at spørge i. Sæt "
            "TILSYN_PASSWORD i et beskyttet miljø (fx en systemd-credential eller en env-fil med "
            "rettighederne 0600), aldrig på kommandolinjen."
        ),
        "database_missing_login": (
            "Databasen {file} findes ikke. Kontrollér stien i --db (eller $TILSYN_DB). Kommandoen kræver "
            "et login og opretter ikke en ny database."
        ),
        "demo_real_database": (
            "Databasen indeholder rigtige data, som demoen ikke har lavet ({what}). Demodata indlæses kun i "
            "en tom database eller en demodatabase, også med --force. Intet er gemt. Brug en ny fil, fx "
            "tilsyn demo --db demo.sqlite"
        ),
    }
)


# -- issue 12, points 3 and 8: times never guessed, months by name ---------------------------------
TEXTS.update(
    {
        "date_not_exist": "Datoen {value} findes ikke (dag 01-31, måned 01-12).",
        "date_day_not_exist": "Datoen {value} findes ikke: {month_name} {year} har kun {days} dage.",
        "time_not_exist": (
            "Klokkeslættet {time:%H.%M} findes ikke den {date:%d-%m-%Y}: natten til sommertid blev uret "
            "stillet frem fra 02.00 til 03.00. Skriv klokkeslættet, som uret viste."
        ),
        "end_before_start_same_day": (
            "Sluttidspunktet {end:%H.%M} ligger før starttidspunktet {start:%H.%M}. Sluttede magtanvendelsen "
            "næste dag ({next_day:%d-%m-%Y}), så sæt flueben i »Sluttede næste dag«; ellers ret klokkeslættet."
        ),
        "start_in_future": (
            "Starttidspunktet {moment:%d-%m-%Y kl. %H.%M} ligger i fremtiden (klokken er nu {now:%H.%M}). "
            "Registrér kun magtanvendelse, der har fundet sted."
        ),
        "end_in_future": (
            "Sluttidspunktet {moment:%d-%m-%Y kl. %H.%M} ligger i fremtiden (klokken er nu {now:%H.%M}). "
            "Ret sluttidspunktet, eller lad det stå tomt."
        ),
        "month_closed": (
            "Lederen har underskrevet månedsskemaet for {month_text}. Kontakt lederen for at få det åbnet."
        ),
    }
)


def format_episode_period(started_at, ended_at) -> str:
    """When an episode happened, in Danish time: '30-11-2026 kl. 14.00–14.20', or with the end's date
    when it ended on a later day: '30-11-2026 kl. 23.10 – 01-12-2026 kl. 00.20'."""
    text = format_moment(started_at)
    if ended_at is not None:
        text += episode_end_text(started_at, ended_at)
    return text


def episode_end_text(started_at, ended_at) -> str:
    """The end as it follows the start: '–14.20' on the same day, ' – 01-12-2026 kl. 00.20' on a later one."""
    from .domain.times import COPENHAGEN, ends_next_day

    if ended_at is None:
        return ""
    if ends_next_day(started_at, ended_at):
        return f" – {format_moment(ended_at)}"
    return f"–{ended_at.astimezone(COPENHAGEN):%H.%M}"

# -- sites and exchange files (issue 11, points 1 and 4) -------------------------------------------
SITE_KIND_LABELS = {"hub": "kommune", "care_home": "plejecenter", "laptop": "bærbar"}
FIELD_LABELS.update({"start_passphrase": "Adgangskoden til startfilen"})
TEXTS.update(
    {
        "site_kind_unknown": "Ukendt slags computer »{kind}«. Skriv plejecenter eller bærbar. Intet er gemt.",
        "site_name_missing": "Skriv et navn på computeren (--name). Intet er gemt.",
        "site_name_invalid": "Computerens navn må højst være {max} tegn og ingen styretegn. Intet er gemt.",
        "site_reason_short": "Skriv en begrundelse på mindst {min} tegn (--reason). Intet er gemt.",
        "site_none": (
            "Databasen er ikke sat op til udveksling. På kommunens database: tilsyn site init --name NAVN; "
            "på en ny computer: tilsyn site join STARTFIL. Intet er gemt."
        ),
        "site_not_hub": "Kun kommunens database (hubben) kan tilmelde og spærre computere. Intet er gemt.",
        "site_kind_not_enrollable": "Der kan kun tilmeldes et plejecenter eller en bærbar. Intet er gemt.",
        "site_home_missing": "Angiv plejecentret, computeren skal bruges på (--home NAVN). Intet er gemt.",
        "site_exists": "Databasen er allerede udvekslingssted »{name}«. Intet er gemt.",
        "site_name_taken": "Der er allerede en computer, der hedder »{name}«. Vælg et andet navn. Intet er gemt.",
        "site_home_unknown": "Plejecentret »{home}« findes ikke i databasen. Intet er gemt.",
        "site_peer_unknown": "Der er ingen tilmeldt computer, der hedder »{name}«. Se tilsyn site show. Intet er gemt.",
        "site_already_revoked": "»{name}« er allerede spærret. Intet er ændret.",
        "site_revoked_pack": "»{name}« er spærret; der skrives ikke flere filer til den. Intet er gemt.",
        "site_no_peers": "Der er ingen tilmeldte computere at udveksle med. Intet er gemt.",
        "site_peer_needed": "Angiv, hvilken computer filen er til (--site NAVN): {names}. Intet er gemt.",
        "site_join_not_empty": (
            "Databasen {file} findes allerede og er ikke tom. En computer tilmeldes med en ny, tom database "
            "(--db NY_FIL). Intet er gemt."
        ),
        "site_join_laptop_file": (
            "En bærbar får altid en krypteret SQLite-fil (--db STI), ikke en databaseserver. Intet er gemt."
        ),
        "start_not_a_file": "Filen er ikke en startfil fra Tilsyn (.tilsyn-start). Intet er gemt.",
        "start_damaged": "Startfilen er beskadiget eller afkortet. Lav en ny på kommunens computer. Intet er gemt.",
        "start_format_newer": (
            "Startfilen er lavet af en nyere version af Tilsyn. Opdatér Tilsyn på denne computer, før filen "
            "indlæses. Intet er gemt."
        ),
        "start_wrong_passphrase": (
            "Adgangskoden til startfilen passer ikke (eller filen er ændret). Intet er gemt."
        ),
        "start_unreadable": "Startfilen {path} kan ikke læses: {reason}. Intet er gemt.",
        "start_passphrase_env_missing": "Miljøvariablen {var} med startfilens adgangskode er tom eller mangler.",
        "exchange_unreadable": "Udvekslingsfilen {path} kan ikke læses: {reason}. Intet er gemt.",
        "exchange_not_a_file": "Filen er ikke en udvekslingsfil fra Tilsyn (.tilsyn). Intet er gemt.",
        "exchange_start_file_given": (
            "Det er en startfil. Den indlæses med tilsyn site join STARTFIL på den nye computer. Intet er gemt."
        ),
        "exchange_truncated": (
            "Filen er afkortet: den er ikke kopieret færdig. Kopiér den igen fra afsenderen. Intet er gemt."
        ),
        "exchange_damaged": "Filen er beskadiget eller ændret efter afsendelsen. Intet er gemt.",
        "exchange_format_newer": (
            "Filen er lavet af en nyere version af Tilsyn (filformat {format}). Opdatér Tilsyn på denne "
            "computer, før filen indlæses. Intet er gemt."
        ),
        "exchange_schema_newer": (
            "Filen er lavet af en nyere version af Tilsyn (revision {revision}). Opdatér Tilsyn på denne "
            "computer, før filen indlæses. Intet er gemt."
        ),
        "exchange_wrong_recipient": (
            "Filen er til en anden computer (modtager {recipient}), ikke til denne. Intet er gemt."
        ),
        "exchange_own_file": "Filen er skrevet på denne computer selv; den skal indlæses hos modtageren. Intet er gemt.",
        "exchange_unknown_sender": (
            "Filen er fra en ukendt computer ({sender}), som ikke er tilmeldt her. Intet er gemt."
        ),
        "exchange_sender_revoked": (
            "Filen er fra »{site}«, som er spærret ({reason}). Den indlæses ikke. Intet er gemt."
        ),
        "exchange_bad_signature": (
            "Filens underskrift passer ikke med afsenderens nøgle: filen er ændret eller ikke fra den, den "
            "siger. Intet er gemt."
        ),
        "exchange_not_decryptable": "Filen kan ikke dekrypteres med denne computers nøgle. Intet er gemt.",
        "exchange_replayed": (
            "Filen er en gammel fil fra »{site}« (nr. {seq}); fil nr. {last} er allerede indlæst. Den indlæses "
            "ikke igen. Intet er gemt."
        ),
        "exchange_missing": (
            "Fil nr. {missing} fra »{site}« mangler: denne fil er nr. {seq}. Indlæs nr. {missing} først (eller "
            "bed afsenderen skrive en ny fil med tilsyn exchange pack --restart). Intet er gemt."
        ),
        "exchange_ack_ahead": "Filen kvitterer for fil nr. {acked}, men kun nr. {sent} er sendt. Intet er gemt.",
        "exchange_receipt_unknown": (
            "Filen kvitterer for en fil nr. {seq}, som denne computer ikke har sendt. Intet er gemt."
        ),
        "exchange_kind_unknown": (
            "Filen indeholder data, som denne version af Tilsyn ikke kender ({kinds}). Opdatér Tilsyn på denne "
            "computer, før filen indlæses. Intet er gemt."
        ),
        "exchange_already_loaded": "Filen er allerede indlæst. Intet er ændret.",
    }
)

# Issue 11, points 2, 5 and 7: who owns what, conflicts, the exchange page.
TEXTS.update(
    {
        "not_owned_municipality": "Kommunens stamdata ejes af kommunen og kan ikke ændres på denne computer.",
        "not_owned_care_home": (
            "Plejecentrets og afdelingernes stamdata ejes af kommunen og kan ikke ændres på denne computer."
        ),
        "not_owned_resident": "Beboerens stamdata ejes af kommunen og kan ikke ændres på denne computer.",
        "not_owned_relative": "Pårørendes oplysninger ejes af kommunen og kan ikke ændres på denne computer.",
        "not_owned_permit": "Tilladelser (afgørelser) ejes af kommunen og kan ikke ændres på denne computer.",
        "not_owned_user": "Brugerne ejes af kommunen og kan ikke ændres på denne computer.",
        "not_owned_programme": (
            "Tilsynsprogrammer, planlægning af besøg og lodtrækning ejes af kommunen og kan ikke ændres på "
            "denne computer."
        ),
        "not_owned_definition": (
            "Kataloger, skabeloner og protokoller ejes af kommunen og kan ikke installeres på denne computer."
        ),
        "not_owned_section4": (
            "Myndighedens behandling (afsnit 4) foretages i kommunen og kan ikke ændres på denne computer."
        ),
        "not_owned_send_back": "Kun kommunen kan sende et skema tilbage til lederen.",
        "not_owned_episode": (
            "Magtanvendelser for dette plejecenter registreres på plejecentrets egen computer og kan ikke "
            "ændres her."
        ),
        "not_owned_leader": (
            "Lederens vurdering (afsnit 3) og afsendelsen foretages på plejecentrets egen computer og kan "
            "ikke ændres her."
        ),
        "not_owned_acute": (
            "Akutte registreringer for dette plejecenter foretages på plejecentrets egen computer og kan ikke "
            "ændres her."
        ),
        "not_owned_consultation_reply": (
            "Høringssvaret skrives af plejecentrets leder på plejecentrets computer og kan ikke ændres her."
        ),
        "not_owned_action_plan": (
            "Personalets handleplan skrives på plejecentrets computer og kan ikke ændres her."
        ),
        "not_owned_visit_conduct": (
            "Besøget gennemføres på tilsynskonsulentens bærbare computer; interview, frafald, fund og "
            "rapportudkast kan ikke ændres på denne computer."
        ),
        "exchange_not_owner": (
            "Filen indeholder data ({table}), som afsenderen ikke ejer og ikke må sende. Intet er gemt."
        ),
        "exchange_chain_forked": (
            "Afsenderens revisionslog passer ikke med den, der tidligere er modtaget (post nr. {seq}). Filen "
            "indlæses ikke. Intet er gemt."
        ),
        "exchange_chain_gap": (
            "Afsenderens revisionslog mangler poster før nr. {seq} (modtaget til nr. {have}). Intet er gemt."
        ),
        "exchange_record_damaged": "Filen indeholder en ugyldig post ({table}). Intet er gemt.",
        "conflict_choice_unknown": "Vælg enten denne computers version eller den modtagne version.",
        "conflict_reason_short": "Skriv en begrundelse for valget (mindst {min} tegn).",
        "conflict_resolved_already": "Konflikten er allerede løst.",
        "conflict_unknown": "Konflikten findes ikke.",
        "exchange_waiting_forms": "{n} månedsskemaer er ikke sendt til kommunen endnu",
        "exchange_waiting_form": "1 månedsskema er ikke sendt til kommunen endnu",
    }
)

# -- issue 12, points 1, 2, 5, 6, 7: the form's workflow, reopening, staff requests ----------------
FORM_STATUS_LABELS.update({
    "draft": "Kladde",
    "awaiting_staff": "Afventer personalets underskrift",
    "awaiting_leader": "Afventer leder",
    "ready_to_send": "Klar til afsendelse",
    "sent": "Sendt",
    "returned": "Sendt tilbage",
    "processed": "Behandlet",
})
#: The marks beside a form's state (tilsyn.domain.form_workflow.Mark).
FORM_MARK_LABELS = {
    "overdue": "for sent",
    "reopened": "genåbnet",
    "reopen_requested": "anmodning om genåbning",
    "returned": "sendt tilbage",
}
MARK_ORDER = ("overdue", "returned", "reopened", "reopen_requested")
SECTION_SIGNERS = {2: "personalet", 3: "lederen", 4: "sagsbehandleren"}
FIELD_LABELS.update({"reopen_reason": "Begrundelse for genåbning"})
TEXTS.update(
    {
        "form_reopen_needs_reason": (
            "Skemaet er hos myndigheden. Ændringen genåbner det, og kommunen ser det som genåbnet. "
            "Skriv en begrundelse for genåbningen."
        ),
        "reopen_not_needed": (
            "Månedsskemaet er ikke lukket. Registrér magtanvendelsen på skemaet som sædvanligt."
        ),
        "form_not_at_authority": "Skemaet er ikke sendt til myndigheden, så det skal ikke genåbnes.",
        "reopen_request_decided": "Anmodningen er allerede besvaret. Intet er ændret.",
        "form_already_processed": (
            "Skemaet er behandlet og kan ikke sendes tilbage. Ret afsnit 4 med en begrundelse i stedet."
        ),
        "render_failed_version": "Den gemte udgave af skemaet kunne ikke vises som PDF.",
    }
)


def form_state_text(status: str, marks=()) -> str:
    """'Afventer leder · for sent · genåbnet': the state with its marks, on one line."""
    parts = [form_status_label(status)]
    parts += [FORM_MARK_LABELS[m] for m in MARK_ORDER if m in marks]
    return " · ".join(parts)


def _and_list(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def reopen_question(params: dict, title: str = "") -> str:
    """What a change to a sent or processed form does, asked before it is made (point 1)."""
    sections = [int(s) for s in params.get("sections") or ()]
    state = "behandlet af kommunen" if params.get("state") == "processed" else "sendt til kommunen"
    subject = f"{title} er" if title else "Skemaet er"
    text = f"{subject} {state}. Ændringen genåbner skemaet:"
    if sections:
        sec = _and_list([str(s) for s in sections])
        who = _and_list([SECTION_SIGNERS[s] for s in sections if s in SECTION_SIGNERS])
        text += f" afsnit {sec} skal underskrives igen (af {who}),"
    text += (" og kommunen ser skemaet som genåbnet med din begrundelse. Den udgave, kommunen "
             "havde, gemmes og kan stadig udskrives.\n\nSkriv hvorfor skemaet genåbnes:")
    return text


# tilsyn sample --protocol (issue 13, point 6)
TEXTS.update(
    {
        "programme_protocols_fixed": (
            "Tilsynsprogram {year} findes allerede med interviewguiderne {protocols}; {given} kan ikke vælges nu. "
            "Interviewguiderne vælges, når programmet oprettes, og ligger derefter fast."
        ),
    }
)


# -- tilsyn verify's report, shared by the command line and the history page (issue 10, point 1) --

VERIFY_PROBLEMS = {
    "hash": "indholdet passer ikke med postens hash",
    "link": "posten peger ikke på den foregående posts hash",
    "sequence": "der mangler en post før denne",
    "payload": "ændringerne passer ikke med deres hash",
    "head": "kædens hoved passer ikke med den sidste post",
    "redacted": "posten er tømt, men ingen registreret sletning efter opbevaringsperioden nævner den",
}
AUDIT_TABLE_LABELS = {
    "resident": "Beboer", "relative": "Pårørende", "permit": "Afgørelse", "permit_force_type": "Afgørelsens indgreb",
    "episode": "Magtanvendelse", "episode_staff": "Medarbejder på magtanvendelse", "force_form": "Skema",
    "care_home": "Plejecenter", "unit": "Afdeling", "municipality": "Kommune", "user_account": "Bruger",
    "user_care_home": "Brugerens plejecenter", "setting": "Indstilling",
}


def data_fault_text(fault) -> str:
    """One fold fault in Danish: which table, which record, which field, and what happened."""
    where = f"{AUDIT_TABLE_LABELS.get(fault.table, fault.table)} ({fault.table}) {fault.record}"
    if fault.problem == "inserted":
        return f"{where} findes, men er indsat uden om revisionsloggen."
    if fault.problem == "deleted":
        return f"{where} er slettet uden om revisionsloggen."
    return f"{where}: feltet »{fault.field}« er ændret uden om revisionsloggen."


def verify_fault_lines(report) -> list[str]:
    """Every fault of a verify run (services.audit.VerifyReport), one Danish line each: a broken
    site chain held at an exchange hub, the missing anchor, the first broken link, signatures, rows the log does not explain, signed sections whose
    live content changed, and how many more data faults there are than listed. Empty when all is well."""
    lines = []
    anchor = getattr(report, "anchor", None)
    for chain in getattr(report, "site_chains", ()):
        if chain.faults:
            lines.append(f"FEJL: {site_chain_text(chain)}")
    if anchor is not None and not anchor.found:
        lines.append(f"FEJL: Kæden indeholder ikke det forventede kædehoved nr. {anchor.seq} ({anchor.hash[:16]}): "
                     "revisionsloggen er afkortet eller skrevet om, siden det blev udskrevet.")
    first = report.first_broken
    if first is not None:
        lines.append(f"FEJL: Første brudte led er post nr. {first.seq}: "
                     f"{VERIFY_PROBLEMS.get(first.problem, first.problem)}.")
        if len(report.chain_faults) > 1:
            lines.append(f"I alt {len(report.chain_faults)} fejl i kæden.")
    for sig_id, _problem in report.signature_faults:
        lines.append(f"FEJL: Underskrift {sig_id} passer ikke med det underskrevne indhold.")
    for fault in getattr(report, "data_faults", ()):
        lines.append(f"FEJL: {data_fault_text(fault)}")
    for fault in getattr(report, "binding_faults", ()):
        lines.append(f"FEJL: {binding_fault_text(fault)}")
    shown = len(getattr(report, "data_faults", ()))
    total = getattr(report, "data_fault_count", 0)
    if total > shown:
        lines.append(f"… og {format_number(total - shown)} flere steder, hvor data ikke passer med revisionsloggen.")
    return lines


def site_chain_text(chain) -> str:
    """One other site's chain as the hub holds it: its entries, and intact or its first broken link."""
    head = f"Kæde fra »{chain.site_name}«: {format_number(chain.entries)} poster"
    if not chain.faults:
        return f"{head}, ubrudt."
    first = chain.faults[0]
    more = f" (i alt {format_number(len(chain.faults))} fejl)" if len(chain.faults) > 1 else ""
    return (f"{head}, første brudte led er post nr. {first.seq}: "
            f"{VERIFY_PROBLEMS.get(first.problem, first.problem)}{more}.")


def verify_report_text(report) -> str:
    """``tilsyn verify``'s report in Danish: the counts and the chain head, then "Alt er i orden" or
    every fault (verify_fault_lines)."""
    lines = [
        f"Revisionslog: {format_number(report.entries)} poster, "
        f"{format_number(report.signatures)} underskrifter.",
        f"Kædens hoved: nr. {report.head_seq}, {report.head_hash[:16]}",
    ]
    anchor = getattr(report, "anchor", None)
    if anchor is not None and anchor.found:
        lines.append(f"Det forventede kædehoved nr. {anchor.seq} ({anchor.hash[:16]}) findes i kæden.")
    # At an exchange hub: one line per other site's chain (a broken one among the faults below).
    lines += [site_chain_text(c) for c in getattr(report, "site_chains", ()) if not c.faults]
    if report.ok:
        lines.append("Alt er i orden: kæden er ubrudt, alle underskrifter passer, og loggen passer med data.")
        return "\n".join(lines)
    return "\n".join(lines + verify_fault_lines(report))


# -- signing and sending only over sections that still match their signatures ----------------------
TEXTS.update(
    {
        "signed_section_changed": (
            "Afsnit {section} er ændret, efter det blev underskrevet: indholdet svarer ikke længere til "
            "underskriften. Afsnit {target} kan ikke underskrives, før afsnit {section} er underskrevet igen."
        ),
        "signed_section_changed_send": (
            "Afsnit {section} er ændret, efter det blev underskrevet: indholdet svarer ikke længere til "
            "underskriften. Skemaet kan ikke sendes, før afsnit {section} er underskrevet igen."
        ),
    }
)


# -- the Udveksling page: Annuller before the commit (progress and cancel task) --------------------
TEXTS.update(
    {
        "exchange_pack_cancelled": "Afbrudt: udvekslingsfilen er ikke gemt. Intet er ændret.",
        "exchange_unpack_cancelled": "Indlæsningen er afbrudt. Intet er ændret; filen kan indlæses igen.",
    }
)
