"""Maximum lengths of what a user may type or import, per kind of field.

Services refuse longer input with ``text_too_long`` (Danish text in tilsyn.messages) when it is
typed or imported, never at export; the renderers are tested at these maxima. The values match
the column sizes in tilsyn/store/models*.py (a ``String(n)`` column never gets more than n).
"""

from __future__ import annotations

from .errors import DomainError

# A person's or a place's name: resident, relative, staff member, user, care home, signer.
NAME_MAX = 200
# One line of text: address, city, municipality, position, workplace, relation, reference.
SHORT_TEXT_MAX = 100
# Free prose: episode descriptions, the leader's assessment, remarks, findings, action items.
LONG_TEXT_MAX = 10_000
# A reason given for a change, a redraw, a late registration or a send-back.
REASON_MAX = 2_000


class TextTooLong(DomainError):
    code = "text_too_long"


def check_length(value: str, maximum: int, *, field: str) -> str:
    """``value`` unchanged when it has at most ``maximum`` characters, else TextTooLong."""
    if len(value) > maximum:
        raise TextTooLong(field=field, maximum=maximum, length=len(value))
    return value
