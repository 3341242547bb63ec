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
    return FIELD_LABELS.get(name or "", name or "")


def text_for(err: DomainError) -> str:
    """The Danish sentence for one error."""
    if isinstance(err, ValidationError):
        return "\n".join(text_for(e) for e in err.errors)
    template = TEXTS.get(err.code)
    if template is None:
        return f"Handlingen blev afvist ({err.code})."
    params = dict(err.params)
    params.setdefault("field", field_label(err.field))
    if "month" in params and isinstance(params["month"], int) and 1 <= params["month"] <= 12:
        params.setdefault("month_name", MONTHS[params["month"] - 1])
    params.setdefault("month_name", "")
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
