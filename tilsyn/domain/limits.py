"""Maximum lengths of what a user may type or import, per kind of field and per field.

Services refuse longer input with ``text_too_long`` (Danish text in tilsyn.messages) when it is
typed or imported, never at export; the renderers are tested at these maxima. The values never
exceed the column sizes in tilsyn/store/models*.py (a ``String(n)`` column never gets more than n).

Length is counted in characters after NFC normalisation, so an "Å" typed as "A" + combining ring
counts as one; the validators store that NFC form (the same text, canonically composed), which is
also what keeps a decomposed name inside its ``String(n)`` column on PostgreSQL. Nothing is ever
cut short: text over the maximum is refused, text within it is stored as typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from .errors import DomainError, ValidationError

# A person's or a place's name: resident, relative, staff member, care home, signer.
NAME_MAX = 200
# One line of text: address, city, municipality, position, workplace, relation, reference.
SHORT_TEXT_MAX = 100
# Free prose: episode descriptions, the leader's assessment, remarks, findings, action items.
LONG_TEXT_MAX = 10_000
# A reason given for a change, a redraw, a late registration or a send-back; a note.
REASON_MAX = 2_000

# Fields with a smaller column of their own.
POSTAL_CODE_MAX = 4
ROOM_MAX = 20
PHONE_MAX = 20
USERNAME_MAX = 60
# A user's label "Fulde navn (brugernavn)" is stored as who voided a signature (String(200)), so
# the full name leaves room for the longest username and " ()".
USER_FULL_NAME_MAX = NAME_MAX - USERNAME_MAX - len(" ()")
SEED_MAX = 40

# Field name (as in DomainError.field and tilsyn.messages.FIELD_LABELS) -> maximum. A name used by
# several inputs has one maximum for all of them. Dotted fields ("relatives.0.name",
# "staff.1.position") take the maximum of their last part, or of the list ("conclusions.2").
FIELD_MAX: dict[str, int] = {
    # municipality, care homes and units
    "municipality": SHORT_TEXT_MAX,
    "name": NAME_MAX,
    "address": SHORT_TEXT_MAX,
    "postal_code": POSTAL_CODE_MAX,
    "city": SHORT_TEXT_MAX,
    "units": SHORT_TEXT_MAX,  # each unit's name
    # residents and relatives
    "unit": SHORT_TEXT_MAX,
    "room": ROOM_MAX,
    "acting_municipality": SHORT_TEXT_MAX,
    "residence_municipality": SHORT_TEXT_MAX,
    "contact_person": NAME_MAX,
    "relation": SHORT_TEXT_MAX,
    "phone": PHONE_MAX,
    # permit decisions
    "prerequisites": LONG_TEXT_MAX,
    "decision_reference": SHORT_TEXT_MAX,
    # users
    "username": USERNAME_MAX,
    "full_name": USER_FULL_NAME_MAX,
    "position": SHORT_TEXT_MAX,
    # episodes (section 2) and the staff involved
    "location": LONG_TEXT_MAX,
    "purpose": LONG_TEXT_MAX,
    "description": LONG_TEXT_MAX,
    "avoidance": LONG_TEXT_MAX,
    "least_intrusive": LONG_TEXT_MAX,
    "narrative": LONG_TEXT_MAX,
    "late_reason": REASON_MAX,
    "workplace": SHORT_TEXT_MAX,
    # the leader's assessment (section 3)
    "necessity": LONG_TEXT_MAX,
    "reflection": LONG_TEXT_MAX,
    "action_plan_updated": SHORT_TEXT_MAX,
    "discussed_when": SHORT_TEXT_MAX,
    "discussion_plans": LONG_TEXT_MAX,
    "other": LONG_TEXT_MAX,
    "leader_name": NAME_MAX,
    # the authority's processing (section 4)
    "followup_remarks": LONG_TEXT_MAX,
    "processed_by_name": NAME_MAX,
    "processed_by_position": SHORT_TEXT_MAX,
    "processed_by_municipality": SHORT_TEXT_MAX,
    # reasons and comments
    "reason": REASON_MAX,
    "comment": REASON_MAX,
    "note": REASON_MAX,
    # supervision
    "title": NAME_MAX,
    "seed": SEED_MAX,
    "consent_note": REASON_MAX,
    "free_text": LONG_TEXT_MAX,
    "summary": LONG_TEXT_MAX,
    "result_summary": LONG_TEXT_MAX,
    "conclusions": LONG_TEXT_MAX,
    "development_areas": LONG_TEXT_MAX,
    "action": LONG_TEXT_MAX,
    "responsible": NAME_MAX,
    "reply_text": LONG_TEXT_MAX,
}


class TextTooLong(DomainError):
    code = "text_too_long"


def nfc(value: str | None) -> str:
    """``value`` in Unicode normalisation form C ("" for None): the form every check counts."""
    return unicodedata.normalize("NFC", value or "")


def text_length(value: str | None) -> int:
    """Characters after NFC normalisation: a decomposed "Å" counts as one."""
    return len(nfc(value))


def max_length(field: str) -> int:
    """The maximum of ``field`` (dotted list fields by their last part or list); KeyError if none."""
    if field in FIELD_MAX:
        return FIELD_MAX[field]
    parts = [p for p in field.split(".") if not p.isdigit()]
    for key in (parts[-1] if parts else "", ".".join(parts), parts[0] if parts else ""):
        if key in FIELD_MAX:
            return FIELD_MAX[key]
    raise KeyError(field)


def length_error(value: str | None, field: str, maximum: int | None = None, **params) -> TextTooLong | None:
    """TextTooLong for ``field`` when ``value`` is longer than ``maximum`` (default: the field's
    own, see FIELD_MAX), else None. ``params`` are kept on the error (e.g. ``row``)."""
    limit = max_length(field) if maximum is None else maximum
    # NFC lengthens a text at most threefold (UAX #15), so a short text needs no normalising.
    if value is None or 3 * len(value) <= limit:
        return None
    length = text_length(value)
    if length <= limit:
        return None
    return TextTooLong(field=field, maximum=limit, length=length, **params)


def check_length(value: str, maximum: int | None = None, *, field: str) -> str:
    """``value`` in NFC when it has at most ``maximum`` characters (default: the field's own),
    else TextTooLong."""
    err = length_error(value, field, maximum)
    if err is not None:
        raise err
    return nfc(value)


def length_errors(values: Mapping[str, str | None], prefix: str = "", **params) -> list[TextTooLong]:
    """One TextTooLong per field of ``values`` over its maximum; fields named ``prefix + name``."""
    out = []
    for name, value in values.items():
        err = length_error(value, f"{prefix}{name}", max_length(name), **params)
        if err is not None:
            out.append(err)
    return out


def check_lengths(values: Mapping[str, str | None], prefix: str = "") -> None:
    """ValidationError with every field of ``values`` over its maximum (nothing when all fit)."""
    errors = length_errors(values, prefix)
    if errors:
        raise ValidationError(errors)


def list_length_errors(values: Iterable[str | None], field: str) -> list[TextTooLong]:
    """Faults of a list of texts (conclusions, units): ``field.i`` for the i-th (0-based) too long."""
    limit = max_length(field)
    return [e for i, v in enumerate(values) if (e := length_error(v, f"{field}.{i}", limit)) is not None]
