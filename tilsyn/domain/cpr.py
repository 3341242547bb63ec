"""Danish CPR numbers: validation with the century rule, and masking.

The 7th digit chooses the century (CPR-kontoret's table):
  0-3: 1900-1999
  4, 9: 2000-2036 for YY 00-36, else 1937-1999
  5-8: 2000-2057 for YY 00-57, else 1858-1899
No modulus-11 check: numbers issued since 2007 need not satisfy it.

Digits are the ASCII digits 0-9 after NFKC normalisation: a fullwidth "１" (what a Japanese or
Chinese input method types) is "1", but an Arabic-Indic "١" or any other script's digit is refused
(``foreign_digits``), so one person can never be stored under two spellings of the same number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .errors import InvalidCpr

# [0-9], not \d: \d matches every script's digits, and int() reads them too.
_SHAPE = re.compile(r"([0-9]{6})-?([0-9]{4})")


@dataclass(frozen=True)
class Cpr:
    """A validated CPR number, stored as 10 digits."""

    digits: str

    @property
    def birth_date(self) -> dt.date:
        return _birth_date(self.digits)

    @property
    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return mask(self.digits)

    def __str__(self) -> str:
        return self.formatted


def century_for(yy: int, seventh: int) -> int:
    """Return the full year for two-digit year ``yy`` and the 7th digit of the CPR number."""
    if seventh <= 3:
        return 1900 + yy
    if seventh in (4, 9):
        return 2000 + yy if yy <= 36 else 1900 + yy
    # 5-8
    return 2000 + yy if yy <= 57 else 1800 + yy


def _birth_date(digits: str) -> dt.date:
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = century_for(yy, int(digits[6]))
    return dt.date(year, month, day)


def normalise_digits(text: str) -> str:
    """``text`` in NFKC form, trimmed: fullwidth digits, no-break spaces and the like become ASCII.

    For numbers typed or imported (CPR numbers, postal codes); check the result with
    ``has_foreign_digits``, since NFKC leaves other scripts' digits (Arabic-Indic ...) alone.
    """
    return unicodedata.normalize("NFKC", text or "").strip()


def has_foreign_digits(text: str) -> bool:
    """True when ``text`` holds a digit that is not one of the ASCII digits 0-9."""
    return any(ch.isdigit() and not "0" <= ch <= "9" for ch in text)


def parse_cpr(text: str, field: str = "cpr") -> Cpr:
    """Validate ``text`` (DDMMYY-SSSS, dash optional, surrounding spaces ignored).

    Raises InvalidCpr with a distinct code per fault: empty, foreign digits, shape, month, day
    (with the computed year, so "29. februar 1900" reads as the reason).
    """
    raw = normalise_digits(text)
    if not raw:
        raise InvalidCpr("cpr_empty", field=field)
    compact = raw.replace(" ", "")
    if has_foreign_digits(compact):
        raise InvalidCpr("foreign_digits", field=field)
    match = _SHAPE.fullmatch(compact)
    if not match:
        raise InvalidCpr("cpr_shape", field=field, value=raw)
    digits = match.group(1) + match.group(2)
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12:
        raise InvalidCpr("cpr_month", field=field, month=month)
    year = century_for(yy, int(digits[6]))
    try:
        dt.date(year, month, day)
    except ValueError:
        raise InvalidCpr("cpr_day", field=field, day=day, month=month, year=year) from None
    return Cpr(digits)


def normalise(text: str) -> str:
    """Return the 10 digits of a valid CPR number (raises InvalidCpr otherwise)."""
    return parse_cpr(text).digits


def mask(cpr: str) -> str:
    """Show only the date part: ``DDMMYY-xxxx``. Works on stored digits or dashed input."""
    digits = (cpr or "").replace("-", "").strip()
    if len(digits) < 6:
        return "xxxxxx-xxxx"
    return f"{digits[:6]}-xxxx"


def format_full(cpr: str) -> str:
    digits = (cpr or "").replace("-", "")
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else cpr
