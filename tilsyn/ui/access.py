"""What the logged-in user's role may see: pages and administration tabs.

Only hiding: the services check every permission themselves. The table is domain.roles.
"""

from __future__ import annotations

from ..domain.roles import ROLE_LABELS, Action, Actor, allowed

# A page is shown when the role may do at least one of its actions.
PAGE_ACTIONS: dict[str, tuple[Action, ...]] = {
    "overview": (),
    "residents": (Action.RESIDENT_VIEW, Action.CARE_HOME_VIEW),
    # The consultant only learns that force exists (via supervision), never the episodes.
    "force": (Action.EPISODE_REGISTER, Action.EPISODE_READ_NARRATIVE, Action.FORM_PROCESS),
    "supervision": (Action.VISIT_MANAGE, Action.VISIT_REPLY),
    "reports": (Action.FORMS_EXPORT, Action.VISIT_MANAGE),
    "settings": (),
}


def can(actor: Actor | None, action: Action) -> bool:
    """True when ``actor`` may do ``action`` somewhere (care home scope is not asked here)."""
    return allowed(actor, action)


def page_visible(actor: Actor | None, page: str) -> bool:
    """Whether the navigation shows ``page`` (a key of main_window.PAGES) to ``actor``."""
    actions = PAGE_ACTIONS.get(page, ())
    if actor is None:
        return False
    if actor.id is None:
        # A context without an account (tests, screenshots, self-test open the app as the command
        # line) shows every page; people always log in and see their role's pages.
        return True
    return not actions or any(allowed(actor, a) for a in actions)


def user_text(actor: Actor | None) -> str:
    """The status bar's "who is logged in": name, username and role in Danish."""
    if actor is None:
        return "Ikke logget ind"
    return f"{actor.full_name} ({actor.username}) · {ROLE_LABELS[actor.role]}"


def hide_forbidden_buttons(actor: Actor | None, residents_view, care_homes_view) -> None:
    """New/delete buttons on the Beboere page only for roles that may change residents or homes.

    "Rediger …" stays: it also opens a resident or care home for reading.
    """
    if not can(actor, Action.RESIDENT_MANAGE):
        residents_view.ui.new_button.setVisible(False)
    if not can(actor, Action.CARE_HOME_MANAGE):
        for name in ("new_button", "delete_button"):
            button = getattr(care_homes_view.ui, name, None)
            if button is not None:
                button.setVisible(False)
