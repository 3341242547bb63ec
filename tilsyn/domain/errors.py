"""Domain errors carry a stable code; the Danish text for each code lives in tilsyn.messages."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refused rule. ``code`` is stable, ``field`` names the input at fault, ``params`` fill the text."""

    code = "domain_error"

    def __init__(self, code: str | None = None, *, field: str | None = None, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.field = field
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class InvalidCpr(DomainError):
    code = "cpr_invalid"


class ValidationError(DomainError):
    """One or more field faults, reported together so a form can show them all at once."""

    code = "validation"

    def __init__(self, errors: list[DomainError]) -> None:
        self.errors = list(errors)
        super().__init__("validation", count=len(self.errors))

    def by_field(self) -> dict[str, DomainError]:
        out: dict[str, DomainError] = {}
        for err in self.errors:
            out.setdefault(err.field or "", err)
        return out


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    code = "conflict"
