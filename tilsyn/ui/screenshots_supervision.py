"""Screenshots of the Tilsyn page on the demo database (registered with tilsyn.ui.screenshots)."""

from __future__ import annotations

from .screenshots import Studio, shot

#: The demo's planned visit with its samples drawn (the first planned visit that is not a follow-up).
SAMPLE_STATUS = "planned"


def _consultant(studio: Studio):
    from ..services.users import UserService

    services = studio.services()
    UserService(services.ctx).login("konsulent", "demo-kode")
    return services


def _supervision_page(studio: Studio):
    from .main_window import PAGE_SUPERVISION

    _consultant(studio)
    window = studio.window()
    window.show_page(PAGE_SUPERVISION)
    studio.settle()
    return window, window.page(PAGE_SUPERVISION)


def _visit(view, status: str, follow_up: bool = False):
    """The first visit of the year's programme in ``status``."""
    return next(v for v in view.visit_model.rows() if v.status == status and bool(v.follow_up_of_id) == follow_up)


@shot("supervision-planning.png")
def supervision_planning(studio: Studio):
    window, view = _supervision_page(studio)
    view.ui.main_tabs.setCurrentIndex(0)
    # A home that is in order: the tinted overdue and never-visited rows stay visible.
    view.ui.planning_table.selectRow(len(view.planning.overdue))
    studio.settle()
    return window


@shot("supervision-sample.png")
def supervision_sample(studio: Studio):
    window, view = _supervision_page(studio)
    visit = _visit(view, SAMPLE_STATUS)
    view.open_visit(visit.id)
    studio.settle()
    panel = view.visit_view.resident_panel
    # A refusal with its replacement, as on the day (the studio's database is a temporary copy).
    first = panel.current_draw().members[0]
    studio.services().supervision.refuse_member(first.id, "ill", "Feber")
    view.visit_view.reload()
    panel.verify()
    view.visit_view.relative_panel.ui.members_table.selectRow(0)
    studio.settle()
    return window


@shot("supervision-interview.png")
def supervision_interview(studio: Studio):
    window, view = _supervision_page(studio)
    visit = _visit(view, SAMPLE_STATUS)
    view.open_visit(visit.id)
    visit_view = view.visit_view
    visit_view.ui.visit_tabs.setCurrentIndex(1)
    visit_view.ui.pending_list.setCurrentRow(0)
    visit_view.start_selected_member()
    dialog = visit_view.dialog
    dialog.ui.consent_check.setChecked(True)
    dialog.option_button("tilfredshed", "meget_tilfreds", "personlige").click()
    dialog.option_button("tilfredshed", "tilfreds", "praktiske").click()
    dialog.free_text_edit("tilfredshed").setPlainText("Personalet er søde, men har travlt om morgenen.")
    dialog.save_pending_text()
    dialog.resize(1000, 780)
    studio.dialog(dialog)
    return dialog


@shot("supervision-findings.png")
def supervision_findings(studio: Studio):
    window, view = _supervision_page(studio)
    visit = _visit(view, "draft_report")
    view.open_visit(visit.id)
    view.visit_view.ui.visit_tabs.setCurrentIndex(2)
    studio.settle()
    return window


@shot("supervision-draw-default.png")
def supervision_draw_default(studio: Studio):
    """A new visit before its draw: the number proposed is the home's share of the plan (never 0)."""
    window, view = _supervision_page(studio)
    programme = view.programme
    svc = studio.services().supervision
    planned = {v.care_home_id for v in view.visit_model.rows()}
    home = next(r for r in view.planning.rows if r.care_home_id not in planned)
    day = svc.propose_visit_date(programme.id, view._svc.ctx.today())
    visit = svc.plan_visit(programme.id, home.care_home_id, day)
    view.load_visits()
    view.open_visit(visit.id)
    studio.settle()
    return window


@shot("supervision-plan-infeasible.png")
def supervision_plan_infeasible(studio: Studio):
    """Next year's programme: the default plan (120, 3-6) cannot be met by the demo's homes, and the
    dialog says so while it is typed."""
    window, view = _supervision_page(studio)
    view.select_year(view._svc.ctx.today().year + 1)
    studio.settle()
    view.create_programme()
    dialog = view.dialog
    studio.dialog(dialog)
    return dialog


# -- the consultation thread and the report (issue 13, points 7 and 9) ----------------------------


def _leader_of(studio: Studio, care_home_id: str) -> str:
    """The demo leader of the home (read as the demo's administrator)."""
    from ..services.users import UserService

    svc = UserService(studio.services().ctx)
    svc.login("admin", "demo-kode")
    users = svc.list_users()
    return next(u.username for u in users if u.role == "leader" and care_home_id in u.care_home_ids)


def _login(studio: Studio, username: str) -> None:
    from ..services.users import UserService

    UserService(studio.services().ctx).login(username, "demo-kode")


@shot("supervision-consultation-thread.png")
def supervision_consultation_thread(studio: Studio):
    """The leader's inbox: the report in consultation answered twice (both replies kept, the newest
    counts), the staff's own plan with an item the leader wrote."""
    from .main_window import PAGE_SUPERVISION

    window, view = _supervision_page(studio)
    visit = _visit(view, "consultation")
    svc = studio.services().supervision
    _login(studio, _leader_of(studio, visit.care_home_id))
    svc.reply_to_consultation(visit.id, "Vi er enige i rapporten og går i gang med handleplanen.")
    svc.reply_to_consultation(visit.id, "Tilføjelse: de faste gåture begynder 1. december; "
                                        "kontaktpersonerne følger op hver uge.")
    svc.add_action_item(visit.id, "Fast gåtur efter middagen, hver dag", "Kontaktpersonerne", None)
    window = studio.window()
    window.show_page(PAGE_SUPERVISION)
    page = window.page(PAGE_SUPERVISION)
    page.load_inbox()
    row = page.inbox_model.row_of(visit.id)
    page.ui.inbox_table.selectRow(max(row, 0))
    studio.settle()
    return window


def visit_report_pdf(studio: Studio) -> bytes:
    """The demo's draft report taken through the new steps: two free texts marked for the report,
    the consultant's comment on an action, consultation with two replies, final."""
    window, view = _supervision_page(studio)
    visit = _visit(view, "draft_report")
    svc = studio.services().supervision
    for t in svc.findings(visit.id).free_texts[:2]:
        svc.flag_free_text(t.interview_id, t.question_id, True, item_id=t.item_id)
    item = svc.findings(visit.id).action_items[0]
    svc.comment_action_item(visit.id, item.id, "Godt forslag; aftal, hvem der går med, og følg op i februar.")
    today = svc.ctx.today()
    import datetime as dt

    svc.send_for_consultation(visit.id, today + dt.timedelta(days=14))
    _login(studio, _leader_of(studio, visit.care_home_id))
    svc.reply_to_consultation(visit.id, "Vi er enige i rapporten.")
    svc.reply_to_consultation(visit.id, "Tilføjelse: gåturene begynder 1. december.")
    _login(studio, "konsulent")
    svc.finalise(visit.id)
    return svc.visit_report_pdf(visit.id)


def write_visit_report_pdf(target) -> None:
    """``python -c "from tilsyn.ui.screenshots_supervision import write_visit_report_pdf as w; w('x.pdf')"``
    then ``pdftoppm -png -r 70`` for the page picture in docs/."""
    import os
    import tempfile
    from pathlib import Path

    from .app import make_application
    from .screenshots import Studio as _Studio

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application(["tilsyn"])
    with tempfile.TemporaryDirectory(prefix="tilsyn-report-") as tmp:
        studio = _Studio(app, Path(tmp))
        try:
            Path(target).write_bytes(visit_report_pdf(studio))
        finally:
            studio.close()
