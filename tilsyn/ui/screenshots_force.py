"""Documentation screenshots of use of force: registration, month overview, dashboard, the
leader's form, the caseworker's inbox and one resident's force over time.

Registered in tilsyn.ui.screenshots (SHOT_MODULES). They share one demo database of their own,
because they log the demo users (medarbejder1, leder1, sagsbehandler) in and out of it.
"""

from __future__ import annotations

from .screenshots import SHOWN_DATABASE, SHOWN_KIND, WINDOW_SIZE, Studio, shot

DB = "force"


def _services(studio: Studio, username: str):
    from ..services.demo_force import DEMO_PASSWORD

    services = studio.services(DB)
    if services.ctx.user is None or services.ctx.user.username != username:
        services.ctx.user = None
        services.users.login(username, DEMO_PASSWORD)
    return services


def _window(studio: Studio, services):
    from .main_window import MainWindow

    window = MainWindow(services, SHOWN_DATABASE, database_kind=SHOWN_KIND)
    window.resize(*WINDOW_SIZE)
    window.show()
    studio._keep.append(window)
    studio.settle()
    return window


def _fit_scroll(studio: Studio, dialog, scroll_area, width: int) -> None:
    """Make ``dialog`` tall enough to show its scroll area's whole content at ``width``."""
    contents = scroll_area.widget()
    for _ in range(2):  # twice: wrapped text gets its height from the final width
        needed = contents.layout().totalHeightForWidth(scroll_area.viewport().width())
        dialog.resize(width, dialog.height() + needed - scroll_area.viewport().height() + 2)
        studio.settle()


def _home_of(services) -> str:
    return sorted(services.ctx.user.care_home_ids)[0]


def _resident_with_most_force(services) -> str:
    """The resident of the user's care home with the most types, then the most episodes."""
    best = None
    for rid in services.residents.search_ids("", _home_of(services), include_moved_out=False):
        ov = services.force.resident_overview(rid)
        key = (len(ov.types), sum(ov.totals.values()))
        if best is None or key > best[0]:
            best = (key, rid)
    return best[1]


@shot("registration.png")
def registration(studio: Studio):
    from .dialogs.episode_dialog import CLOSE_DISCARD, EpisodeDialog

    services = _services(studio, "medarbejder1")
    force = services.force
    today = force.now_local().date()
    rid = next(r for r in services.residents.search_ids("", _home_of(services), include_moved_out=False)
               if any(t.code == "126a_hygiene" for t in force.permitted_types(r, today)))
    force.discard_draft("episode")
    dialog = EpisodeDialog(force, services.residents)
    dialog.completer.choose_id(rid)
    ui = dialog.ui
    ui.force_type_combo.setCurrentIndex(ui.force_type_combo.findData("126a_hygiene"))
    ui.situation_combo.setCurrentIndex(ui.situation_combo.findData("tooth_brushing"))
    ui.start_time_edit.setText("07.40")
    ui.end_time_edit.setText("07.45")
    ui.location_edit.setText("På badeværelset i boligen")
    ui.purpose_edit.setText("Undgå smerter og infektion i munden")
    ui.description_edit.setPlainText("Beboeren modsatte sig tandbørstning og slog ud med armen. Blev holdt let "
                                     "på underarmen, mens tænderne blev børstet færdig.")
    ui.avoidance_edit.setPlainText("Tilbød at beboeren selv holdt tandbørsten; prøvede igen efter ti minutter "
                                   "med yndlingsmusikken.")
    ui.least_intrusive_edit.setPlainText("Kun let støtte ved underarmen i under et minut; afbrudt, så snart "
                                         "beboeren faldt til ro.")
    ui.narrative_edit.setPlainText("Beboeren faldt til ro efter kort tid og spiste morgenmad. Gode råd: "
                                   "tandbørstning efter morgenmaden går lettere.")
    rows = dialog._staff_rows
    if len(rows) > 1 and rows[1]["name"].text():
        rows[1]["on"].setChecked(True)
    else:
        rows[-1]["name"].setText("Ole Hansen")
        rows[-1]["on"].setChecked(True)
    dialog.save_draft_now()
    # Closing the studio must not stop at "Luk registreringen?": nobody is there to answer.
    dialog.ask_close = lambda: CLOSE_DISCARD
    dialog.setModal(False)
    dialog.show()
    studio._keep.append(dialog)
    # Tall enough to show the whole registration without scrolling.
    _fit_scroll(studio, dialog, ui.scroll_area, 900)
    force.discard_draft("episode")
    return dialog


@shot("month-overview.png")
def month_overview(studio: Studio):
    from ..domain.force import Month
    from .main_window import PAGE_FORCE
    from .views.force_page import TAB_MONTH

    services = _services(studio, "sagsbehandler")
    # The care home and recent month with the most different statuses shows the most.
    month = Month.of(services.force.now_local().date())
    best = None
    for home in services.care_homes.list_care_homes():
        m = month
        for _ in range(5):
            rows = services.force.month_overview(home.id, m.year, m.month)
            key = (len({r.status for r in rows}), sum(r.late_episodes for r in rows))
            if best is None or key > best[0]:
                best = (key, home.id, m)
            m = m.previous()
    window = _window(studio, services)
    window.show_page(PAGE_FORCE)
    view = window.force_page.show_tab(TAB_MONTH)
    view.set_home(best[1])
    view.set_month(best[2].year, best[2].month)
    rows = view.model.rows
    chosen = next((r for r in rows if r.late_episodes), rows[0] if rows else None)
    if chosen is not None:
        view.select_resident(chosen.resident_id)
    studio.settle()
    return window


@shot("dashboard.png")
def dashboard(studio: Studio):
    from .main_window import PAGE_OVERVIEW

    services = _services(studio, "leder1")
    window = _window(studio, services)
    window.show_page(PAGE_OVERVIEW)
    studio.settle()
    return window


@shot("leader-form.png")
def leader_form(studio: Studio):
    from .views.force_form_view import ForceFormDialog

    services = _services(studio, "leder1")
    queue = services.force.leader_queue()
    waiting = [s for s in queue if s.status == "awaiting_leader"] or queue
    summary = max(waiting, key=lambda s: (s.episodes, s.resident_name))
    dialog = ForceFormDialog(services.force, services.residents, summary.id)
    ui = dialog.view.ui
    if not ui.necessity_edit.toPlainText():
        ui.necessity_edit.setPlainText("Magtanvendelserne var nødvendige for at sikre personlig hygiejne og "
                                       "undgå sår; mildere midler var forsøgt først.")
        ui.reflection_edit.setPlainText("Episoderne gennemgås på teammødet hver tirsdag; medarbejderne "
                                        "deler, hvad der virkede.")
        ui.action_plan_updated_edit.setText("02-11-2026")
        ui.discussed_in_staff_group_yes_radio.setChecked(True)
        ui.discussed_when_edit.setText("Personalemøde 10-11-2026")
        ui.action_plan_exists_yes_radio.setChecked(True)
    dialog.setModal(False)
    dialog.show()
    studio._keep.append(dialog)
    studio.settle()
    _fit_scroll(studio, dialog, ui.scroll_area, 1000)
    return dialog


@shot("caseworker-inbox.png")
def caseworker_inbox(studio: Studio):
    from .main_window import PAGE_FORCE
    from .views.force_page import TAB_INBOX

    services = _services(studio, "sagsbehandler")
    window = _window(studio, services)
    window.show_page(PAGE_FORCE)
    view = window.force_page.show_tab(TAB_INBOX)
    ids = view.form_ids()
    if ids:
        view.select(ids[0])
    studio.settle()
    return window


@shot("resident-force-overview.png")
def resident_force_overview(studio: Studio):
    from .main_window import PAGE_FORCE
    from .views.force_page import TAB_HISTORY

    services = _services(studio, "leder1")
    window = _window(studio, services)
    window.show_page(PAGE_FORCE)
    window.force_page.show_tab(TAB_HISTORY)
    window.force_page.show_history(_resident_with_most_force(services))
    studio.settle()
    return window


# -- issue 12: reopening, staff requests and the sent-back list -------------------------------------

def _forms_in_home(services, home: str, statuses: tuple[str, ...]) -> list:
    """As the caseworker: the sent (and processed) forms of ``home`` in one of ``statuses``."""
    return [s for s in services.force.inbox(include_processed=True) if s.status in statuses
            and s.care_home == home and s.kind == "monthly"]


def _leader_home_name(studio: Studio) -> str:
    leader = _services(studio, "leder1")
    home_id = _home_of(leader)
    return next(h.name for h in leader.care_homes.list_care_homes() if h.id == home_id)


@shot("reopen-question.png")
def reopen_question(studio: Studio):
    """The leader registers a late-found episode on a processed form: the question before reopening."""
    from .. import messages
    from .dialogs.sign_dialog import ReasonDialog

    home = _leader_home_name(studio)
    caseworker = _services(studio, "sagsbehandler")
    form = max(_forms_in_home(caseworker, home, ("processed",)), key=lambda s: (s.year, s.month, s.resident_name))
    title = f"Månedsskemaet for {form.resident_name}, {messages.month_label(form.year, form.month)}"
    dialog = ReasonDialog("Genåbn skemaet", messages.reopen_question({"sections": [2, 3, 4], "state": "processed"},
                                                                      title), "&Genåbn og registrér")
    dialog.ui.text_edit.setPlainText("Episoden blev fundet i vagtbogen ved månedens gennemgang.")
    dialog.resize(640, dialog.sizeHint().height())
    return studio.dialog(dialog)


def _dashboard_card(studio: Studio, group_name: str):
    from .main_window import PAGE_OVERVIEW

    services = _services(studio, "leder1")
    window = _window(studio, services)
    window.show_page(PAGE_OVERVIEW)
    view = window.dashboard_view
    view.refresh()
    studio.settle()
    group = getattr(view.ui, group_name)
    view.ui.scroll_area.ensureWidgetVisible(group, 0, 0)
    studio.settle()
    return window


@shot("reopen-request.png")
def reopen_request(studio: Studio):
    """A care worker's late-found episode on a month the leader has signed, in the leader's Overblik."""
    import datetime as dt

    from ..domain.force import EpisodeInput, StaffInput

    home = _leader_home_name(studio)
    caseworker = _services(studio, "sagsbehandler")
    form = max(_forms_in_home(caseworker, home, ("processed", "sent")), key=lambda s: (s.year, s.month))
    staff = _services(studio, "medarbejder1")
    full = staff.force.get_form(form.id)
    e = full.episodes[-1]
    when = e.started_at - dt.timedelta(hours=2) if e.started_at.day > 1 else e.started_at + dt.timedelta(minutes=30)
    if not any(q.state == "pending" for q in full.reopen_requests):
        staff.force.request_reopen(EpisodeInput(
            full.resident_id, e.force_type, when, when + dt.timedelta(minutes=5), e.situation, e.location, e.purpose,
            "Fundet i vagtbogen: beboeren blev holdt let på armen under tandbørstning.", e.avoidance,
            e.least_intrusive, e.narrative, tuple(StaffInput(s.name, s.workplace, s.position, s.is_writer)
                                                   for s in e.staff), late_reason="Fundet i vagtbogen"),
            "Episoden stod i vagtbogen, men blev ikke registreret. Fundet ved månedens gennemgang.")
    return _dashboard_card(studio, "requests_group")


@shot("dashboard-sent-back.png")
def dashboard_sent_back(studio: Studio):
    """The leader's list of forms the caseworker sent back, each on one line with the comment."""
    home = _leader_home_name(studio)
    leader = _services(studio, "leder1")
    if not leader.force.dashboard().returned:
        caseworker = _services(studio, "sagsbehandler")
        sent = _forms_in_home(caseworker, home, ("sent",))
        for s in sent[:1]:
            caseworker.force.send_back(s.id, "Uddyb under afsnit 3, hvordan personalet reflekterer over "
                                             "episoderne, og hvornår handleplanen sidst blev opdateret.")
    return _dashboard_card(studio, "returned_group")
