"""Danish text for every error code. The one place user-facing error wording lives.

Pure Python (no Qt) so the GUI and the CLI show the same words.
"""

from __future__ import annotations

from .domain.errors import DomainError, ValidationError

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
    """Parse DD-MM-ÅÅÅÅ (also DD.MM.ÅÅÅÅ, DD/MM/ÅÅÅÅ and ISO ÅÅÅÅ-MM-DD); empty gives None."""
    import datetime as dt

    raw = (text or "").strip()
    if not raw:
        return None
    for fmt in ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise DomainError("date_format", field=field, value=raw)


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
            "Registreringen er for sent: fristen var udgangen af dagen efter episoden. "
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
