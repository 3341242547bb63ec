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
