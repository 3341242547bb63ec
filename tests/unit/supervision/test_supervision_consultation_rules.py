"""The consultation and status rules as pure functions (issue 13, point 10): what may be done with
a visit in each status, the consultation checks, the reply state the inbox shows."""

from __future__ import annotations

import datetime as dt

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.supervision import consultation as c
from tilsyn.domain.supervision import visits as v

D = dt.date
TODAY = D(2026, 3, 15)


def code(fn, *args, **kw):
    with pytest.raises(DomainError) as exc:
        fn(*args, **kw)
    return exc.value.code


def test_the_consultant_may_do_what_each_status_allows_and_nothing_else():
    assert c.allowed_actions(v.PLANNED) == ("interview", "sample", "mark_conducted", "flag_free_text")
    assert c.allowed_actions(v.CONDUCTED) == (
        "interview", "sample", "start_report", "write_findings", "flag_free_text", "action_plan", "remove_action",
        "comment_action")
    assert c.allowed_actions(v.DRAFT) == ("write_findings", "flag_free_text", "action_plan", "remove_action",
                                          "comment_action")
    assert "send_for_consultation" in c.allowed_actions(v.DRAFT, has_conclusions=True)
    out = c.allowed_actions(v.CONSULTATION, consultation_open=True, deadline=D(2026, 3, 25), today=TODAY)
    assert out == ("comment_action", "return_to_draft")  # no reply yet, deadline ahead: not final
    assert "finalise" in c.allowed_actions(v.CONSULTATION, consultation_open=True, replies=1,
                                           deadline=D(2026, 3, 25), today=TODAY)
    assert "finalise" in c.allowed_actions(v.CONSULTATION, consultation_open=True, deadline=D(2026, 3, 14),
                                           today=TODAY)
    assert c.allowed_actions(v.FINAL) == ("action_plan", "comment_action", "plan_follow_up")
    assert c.allowed_actions(v.FOLLOW_UP) == ("action_plan", "comment_action")


def test_the_leader_replies_and_writes_the_plan_only_from_consultation_on():
    for status in (v.PLANNED, v.CONDUCTED, v.DRAFT):
        assert c.allowed_actions(status, side=c.LEADER) == ()
    assert c.allowed_actions(v.CONSULTATION, side=c.LEADER, consultation_open=True) == (
        "reply", "action_plan", "remove_action")
    assert c.allowed_actions(v.FINAL, side=c.LEADER) == ("action_plan",)
    assert code(c.check_action_plan, v.DRAFT, c.LEADER) == "visit_locked_action_plan"
    c.check_action_plan(v.CONSULTATION, c.LEADER)
    c.check_action_plan(v.DRAFT, c.CONSULTANT)
    assert code(c.check_action_plan, v.CONSULTATION, c.CONSULTANT) == "visit_locked_action_plan"
    assert code(c.check_remove_action, v.FINAL, c.LEADER) == "visit_locked_action_plan"


def test_sending_needs_a_draft_a_conclusion_and_a_deadline_after_today():
    assert code(c.check_send, v.CONDUCTED, True, D(2026, 3, 25), TODAY) == "visit_status"
    assert code(c.check_send, v.DRAFT, False, D(2026, 3, 25), TODAY) == "conclusions_required"
    assert code(c.check_send, v.DRAFT, True, TODAY, TODAY) == "consultation_deadline"
    assert code(c.check_send, v.DRAFT, True, None, TODAY) == "consultation_deadline"
    c.check_send(v.DRAFT, True, D(2026, 3, 16), TODAY)


def test_replies_only_while_open_and_never_empty():
    assert code(c.check_reply, v.DRAFT, False, "Tak") == "consultation_not_open"
    assert code(c.check_reply, v.CONSULTATION, False, "Tak") == "consultation_not_open"
    assert code(c.check_reply, v.CONSULTATION, True, "  ") == "required"
    c.check_reply(v.CONSULTATION, True, "Tak")


def test_final_after_a_reply_or_once_the_deadline_has_passed():
    deadline = D(2026, 3, 25)
    assert code(c.check_finalise, v.DRAFT, False, 0, deadline, TODAY) == "consultation_not_open"
    assert code(c.check_finalise, v.CONSULTATION, True, 0, deadline, TODAY) == "consultation_open"
    assert code(c.check_finalise, v.CONSULTATION, True, 0, deadline, deadline) == "consultation_open"
    c.check_finalise(v.CONSULTATION, True, 2, deadline, TODAY)
    c.check_finalise(v.CONSULTATION, True, 0, deadline, deadline + dt.timedelta(days=1))


def test_reply_state_for_the_inbox():
    assert c.reply_state(v.CONSULTATION, 0, D(2026, 3, 25), TODAY) == c.AWAITING
    assert c.reply_state(v.CONSULTATION, 1, D(2026, 3, 25), TODAY) == c.ANSWERED
    assert c.reply_state(v.CONSULTATION, 0, D(2026, 3, 14), TODAY) == c.OVERDUE
    assert c.reply_state(v.FINAL, 0, D(2026, 3, 14), TODAY) == c.CLOSED
    assert c.REPLY_STATE_LABELS[c.ANSWERED] == "besvaret"


def test_free_text_flags_and_comments_follow_the_status():
    c.check_free_text_flag(v.DRAFT)
    assert code(c.check_free_text_flag, v.CONSULTATION) == "visit_locked_free_text_flag"
    c.check_comment(v.FINAL)
    assert code(c.check_comment, v.PLANNED) == "visit_locked_comment"
