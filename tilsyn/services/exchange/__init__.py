"""The exchange between sites (issue 11): sites and their keys, exchange files, payload kinds.

See tilsyn.services.exchange.crypto for the container format, files for pack/open/apply and
registry for how a payload kind is added.
"""

from __future__ import annotations

from ...domain.roles import Actor, Role
from .files import (
    Applied,
    Handler,
    Incoming,
    Packed,
    Since,
    Summary,
    apply,
    apply_registered,
    first_unpack_allowed,
    open_file,
    pack,
    pack_file,
    unpack_file,
)
from .progress import ExchangeCancelled, Progress
from .registry import KINDS, register, unregister
from .sites import (
    SITE_JOINER,
    Enrolled,
    Joined,
    PeerInfo,
    SiteInfo,
    SiteOverview,
    SiteService,
    join,
    read_start_file,
)

# The first file a just-joined site loads (it has no users yet): loaded as this actor, authorised by
# the hub's signature on the file, not by a login. It may do nothing else.
FIRST_UNPACK = Actor(None, "exchange", "Udveksling (første fil fra kommunen)", Role.ADMIN, only=frozenset())

__all__ = [
    "Applied", "Enrolled", "ExchangeCancelled", "FIRST_UNPACK", "Handler", "Incoming", "Joined", "KINDS", "Packed", "PeerInfo",
    "Progress", "SITE_JOINER", "Since", "SiteInfo", "SiteOverview", "SiteService", "Summary", "apply", "apply_registered",
    "first_unpack_allowed", "join", "open_file", "pack", "pack_file", "read_start_file", "register",
    "unpack_file", "unregister",
]

# The record and audit payload kinds register themselves when imported; every entry point that
# packs or unpacks goes through this package, so they are always there.
from . import records as _records  # noqa: E402,F401
