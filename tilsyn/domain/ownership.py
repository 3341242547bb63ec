"""Who owns what when several databases (sites) share the work (issue 11, DESIGN section 6).

Each kind of record ("part") has one owner at a time. The hub (the municipality's database)
owns the register, the permits, the users, the programmes and versions, section 4 and the
send-backs; a care home's PC owns its episodes, its forms' sections 1-3 and their signatures,
acute records, the leader's consultation replies and the staff's own action plan; a laptop owns
the visits it conducts (refusals and replacements, interviews, findings, conclusions, the report
draft). What a site does not own is read-only there.

At the hub, a care home's records are the hub's own while no care home site serves that home
(a care home working directly in the hub's database), and a visit is the hub's while it has not
been handed to a laptop: ``delegated`` says they were. A database that is no site (``here`` is
None) has no restriction at all.

Hand-offs follow the workflow and are not ownership changes of the row: sending a form is the
care home's act, after which section 4 and a send-back are the hub's (the service refuses them
on an unsent form); a send-back returns the form to the leader. Section 3 stays the leader's:
editing it after sending withdraws the form as on one machine, and if the hub acted on the form
meanwhile, the exchange keeps both versions as a conflict (tilsyn.domain.sync).
"""

from __future__ import annotations

from enum import StrEnum

from .errors import DomainError
from .exchange import SiteKind


class Part(StrEnum):
    MUNICIPALITY = "municipality"
    CARE_HOME = "care_home"  # the home and its units
    RESIDENT = "resident"
    RELATIVE = "relative"
    PERMIT = "permit"
    USER = "user"
    PROGRAMME = "programme"  # programmes, visit planning and the draw
    DEFINITION = "definition"  # catalogue / template / protocol / scale versions
    SECTION4 = "section4"  # the authority's processing
    SEND_BACK = "send_back"
    EPISODE = "episode"  # episodes and section 2 (incl. its signature and section 1 with it)
    LEADER = "leader"  # section 3, its signature, sending to the authority
    ACUTE = "acute"  # acute / unpermitted records
    CONSULTATION_REPLY = "consultation_reply"
    ACTION_PLAN = "action_plan"  # the staff's own action plan items
    VISIT_CONDUCT = "visit_conduct"  # refusals, replacements, interviews, findings, conclusions, report draft


OWNER: dict[Part, SiteKind] = {
    Part.MUNICIPALITY: SiteKind.HUB, Part.CARE_HOME: SiteKind.HUB, Part.RESIDENT: SiteKind.HUB,
    Part.RELATIVE: SiteKind.HUB, Part.PERMIT: SiteKind.HUB, Part.USER: SiteKind.HUB,
    Part.PROGRAMME: SiteKind.HUB, Part.DEFINITION: SiteKind.HUB, Part.SECTION4: SiteKind.HUB,
    Part.SEND_BACK: SiteKind.HUB,
    Part.EPISODE: SiteKind.CARE_HOME, Part.LEADER: SiteKind.CARE_HOME, Part.ACUTE: SiteKind.CARE_HOME,
    Part.CONSULTATION_REPLY: SiteKind.CARE_HOME, Part.ACTION_PLAN: SiteKind.CARE_HOME,
    Part.VISIT_CONDUCT: SiteKind.LAPTOP,
}


class NotOwned(DomainError):
    """A change of a record this site does not own; the code names the part (messages)."""

    code = "not_owned"


def owner_of(part: Part, *, delegated: bool = True) -> SiteKind:
    """The kind of site that owns ``part``. A care-home or visit part whose home / visit is not
    delegated to a site is the hub's."""
    owner = OWNER[part]
    if owner is not SiteKind.HUB and not delegated:
        return SiteKind.HUB
    return owner


def may_change(here: SiteKind | str | None, part: Part, *, delegated: bool = True, served: bool = True) -> bool:
    """True when a user on this site may change ``part``.

    ``delegated`` (at the hub): the record's care home is served by a care home site, or the
    visit is on a laptop. ``served`` (at a care home site): the record's home is one this PC
    serves."""
    if here is None:
        return True
    here = SiteKind(here)
    owner = owner_of(part, delegated=delegated if here is SiteKind.HUB else True)
    if owner is not here:
        return False
    return served if here is SiteKind.CARE_HOME else True


def check_change(here: SiteKind | str | None, part: Part, *, delegated: bool = True, served: bool = True) -> None:
    """Refuse a change of a part this site does not own (Danish text by code in messages)."""
    if not may_change(here, part, delegated=delegated, served=served):
        raise NotOwned(f"not_owned_{part.value}", owner=OWNER[part].value, here=SiteKind(here).value)


# -- what a sender may send ----------------------------------------------------------------------

#: Tables whose rows a care home site / a laptop may send to the hub. The hub may send any row a
#: recipient may see (it relays one care home PC's records to the home's other PCs).
SENDABLE: dict[SiteKind, frozenset[str]] = {
    SiteKind.CARE_HOME: frozenset({
        "force_form", "episode", "episode_staff", "signature", "consultation_reply", "action_item",
        "action_item_comment",
    }),
    SiteKind.LAPTOP: frozenset({
        "supervision_visit", "sample_member", "interview", "interview_answer", "goal_finding",
        "visit_statement", "action_item", "action_item_comment", "consultation",
    }),
}


def may_send(sender: SiteKind | str, table: str) -> bool:
    """Whether a file from a site of kind ``sender`` may carry rows of ``table``."""
    sender = SiteKind(sender)
    if sender is SiteKind.HUB:
        return True
    return table in SENDABLE.get(sender, frozenset())


def check_send(sender: SiteKind | str, table: str) -> None:
    if not may_send(sender, table):
        raise NotOwned("exchange_not_owner", table=table, sender=SiteKind(sender).value)
