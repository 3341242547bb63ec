"""Tilsyn in the GUI on a temp SQLite database with a fixed clock, logged in as the consultant:
plan a visit, draw the sample, refuse with replacement, redraw with a reason, verify; one
interview through the interview screen with consent, answers, free text (autosaved) and finish;
findings showing the computed scores, conclusions and the action plan written in the GUI; the
visit's status flow with the leader's reply; report and annual evaluation previews; and a staff
user who gets no Tilsyn actions."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from tilsyn.domain.errors import DomainError
from tilsyn.domain.force import EpisodeInput, StaffInput
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.services.app import close_app, open_app
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput
from tilsyn.services.users import UserInput
from tilsyn.ui.dialogs.interview_dialog import InterviewDialog
from tilsyn.ui.main_window import PAGE_SUPERVISION, PAGES, MainWindow
from tilsyn.ui.models.supervision_models import SampleMemberModel
from tilsyn.ui.services_bundle import Services
from tilsyn.ui.views import supervision_view, supervision_visit_view
from tilsyn.ui.views.supervision_dialogs import PlanVisitDialog, ProgrammeDialog, RedrawDialog, RefuseDialog, StepDialog
from tilsyn.ui.views.supervision_view import PAGE_INBOX, PAGE_NO_ACCESS, PAGE_VISIT, SupervisionView
from tilsyn.ui.views.supervision_visit_view import TAB_FINDINGS, TAB_INTERVIEWS

CPH = ZoneInfo("Europe/Copenhagen")
PW = "et-godt-kodeord"
D = dt.date
RESIDENTS = [  # (cpr, name, room)
    ("010130-1234", "Jens Ærø Hansen", "11"),
    ("020230-1234", "Anna Berg", "12"),
    ("030330-1234", "Bo Ek", "13"),
    ("040430-1234", "Dora Dahl", "14"),
    ("050530-1234", "Egon Olsen", "15"),
    ("060630-1234", "Frida Falk", "16"),
]
NARRATIVE = "Jens faldt til ro med musik efter ti minutter."


class World:
    """Vejle Kommune with Bakkegården (six residents, force registered for Jens) and Solgården;
    the consultant Karl, the leader Lene (Bakkegården) and the staff member Pia."""

    def __init__(self, tmp_path):
        self.clock = {"now": dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc)}
        self.opened = open_app(str(tmp_path / "tilsyn.sqlite"), clock=lambda: self.clock["now"], actor=None)
        self.services = Services.build(self.opened.context)
        s = self.services
        s.users.create_first_admin("admin", "Anne Admin", PW)
        s.users.login("admin", PW)
        homes = s.care_homes.set_up_municipality(
            "Vejle Kommune", [CareHomeInput("Bakkegården", units=("Afsnit Øst",)), CareHomeInput("Solgården")])
        self.homes = [h.id for h in homes]
        self.residents = []
        for i, (cpr, name, room) in enumerate(RESIDENTS):
            relatives = [RelativeInput("Ulla Ærø Hansen", "Datter", "20304050")] if i == 0 else None
            self.residents.append(s.residents.save(None, ResidentInput(
                cpr, name, homes[0].id, unit="Afsnit Øst", room=room, move_in=D(2020, 1, 1)), relatives=relatives).id)
        s.residents.save(None, ResidentInput("111130-1234", "Lis Lund", homes[1].id, move_in=D(2020, 1, 1)))
        s.residents.save_permit(self.residents[0], None, PermitInput(("127_retention",), D(2026, 1, 1),
                                                                     D(2026, 12, 31), "Om natten"))
        s.users.create_user(UserInput("karl", "Karl Konsulent", "consultant", "Tilsynskonsulent"), PW)
        s.users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (homes[0].id,)), PW)
        s.users.create_user(UserInput("pia", "Pia Jensen", "staff", "SSA", (homes[0].id,)), PW)
        s.users.login("pia", PW)
        when = dt.datetime(2026, 2, 14, 22, 0, tzinfo=CPH)
        self.at(D(2026, 2, 14), 23)
        ForceService(self.opened.context).register_episode(EpisodeInput(
            self.residents[0], "127_retention", when, when + dt.timedelta(minutes=10), location="Gangen",
            purpose="Tryghed", description="Ville gå ud", avoidance="Talte roligt", least_intrusive="Kort støtte",
            narrative=NARRATIVE, staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),)))
        self.login("karl")
        self.at(D(2026, 3, 2))

    @property
    def svc(self):
        return self.services.supervision

    def at(self, day: dt.date, hour: int = 10) -> None:
        self.clock["now"] = dt.datetime(day.year, day.month, day.day, hour, tzinfo=CPH).astimezone(dt.timezone.utc)

    def login(self, who: str) -> None:
        self.services.users.login(who, PW)

    def planned_visit(self, size: int = 3):
        """Programme 2026, a visit to Bakkegården on 10 March with a resident sample (seed 2011)."""
        p = self.svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=6, sample_min=2,
                                      sample_max=4)
        v = self.svc.plan_visit(p.id, self.homes[0], D(2026, 3, 10), consultant_ids=[self.karl_id()])
        d = self.svc.draw_sample(v.id, 2011, size=size)
        return p, v, d

    def karl_id(self) -> str:
        return next(c.id for c in self.svc.consultants() if c.username == "karl")


@pytest.fixture
def w(tmp_path):
    world = World(tmp_path)
    yield world
    close_app(world.opened.context)


def make_view(qtbot, w) -> SupervisionView:
    view = SupervisionView(w.svc)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    return view


def texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


# -- planning and sampling ---------------------------------------------------------------------------


def test_consultant_creates_the_programme_plans_a_visit_and_draws_the_sample(qtbot, w):
    view = make_view(qtbot, w)
    assert view.mode == "consultant" and view.ui.page_stack.currentIndex() != PAGE_NO_ACCESS
    assert view.ui.create_programme_button.isVisible() and not view.ui.edit_programme_button.isVisible()
    assert "Der er endnu intet tilsynsprogram for 2026" in view.ui.programme_info_label.text()

    view.create_programme()
    dialog = view.dialog
    assert isinstance(dialog, ProgrammeDialog)
    dialog.ui.theme_combo.setCurrentIndex(dialog.ui.theme_combo.findData("selvbestemmelse"))
    dialog.ui.total_spin.setValue(6)
    dialog.ui.min_spin.setValue(2)
    dialog.ui.max_spin.setValue(4)
    dialog.save()
    programme = w.svc.programme_for_year(2026)
    assert (programme.theme_id, programme.sample_total, programme.sample_min, programme.sample_max) == (
        "selvbestemmelse", 6, 2, 4)
    assert "Den personlige friheds ukrænkelighed" in view.ui.programme_info_label.text()
    assert "6 beboere i alt, 2–4 pr. plejecenter" in view.ui.programme_info_label.text()

    # Planning: never-visited homes are due now, tinted; plan Bakkegården from its row.
    planning = view.planning_model
    assert texts(planning, planning.COL_STATUS) == ["Skal besøges nu", "Skal besøges nu"]
    assert planning.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert view.select_home(w.homes[0])
    view.plan_for_selected_home()
    dialog = view.dialog
    assert isinstance(dialog, PlanVisitDialog)
    assert dialog.ui.care_home_combo.currentText() == "Bakkegården"
    assert dialog.consultant_ids() == [w.karl_id()]  # the logged-in consultant is proposed
    dialog.ui.planned_on_edit.setText("31-02-2026")
    dialog.save()
    assert dialog.isVisible() and dialog.ui.planned_on_error_label.isVisible()
    dialog.ui.planned_on_edit.setText("10-03-2026")
    dialog.save()
    [visit] = w.svc.visits()
    assert (visit.care_home_name, visit.planned_on, visit.status, visit.unannounced) == (
        "Bakkegården", D(2026, 3, 10), "planned", True)
    assert [c.username for c in visit.consultants] == ["karl"]
    # The new visit opens at once, on the sample tab, with the programme's seed proposed.
    assert view.ui.page_stack.currentIndex() == PAGE_VISIT
    visit_view = view.visit_view
    assert visit_view.ui.visit_title_label.text() == "Bakkegården – tilsynsbesøg 10-03-2026"
    panel = visit_view.resident_panel
    assert panel.ui.new_draw_widget.isVisible() and not panel.ui.members_table.isVisible()

    panel.ui.seed_edit.setText("2011")
    panel.ui.size_spin.setValue(3)
    panel.draw()
    [draw] = w.svc.draws(visit.id)
    assert [m.name for m in draw.members] == texts(panel.model, SampleMemberModel.COL_NAME)
    assert len(draw.members) == 3 and set(texts(panel.model, SampleMemberModel.COL_NAME)) <= {r[1] for r in RESIDENTS}
    info = panel.ui.info_label.text()
    assert "Frø: 2011" in info and "3 udtrukket af 6 mulige" in info
    assert "bor på plejecentret på besøgsdagen 10-03-2026" in info and "Ingen udeladt" in info
    assert not panel.ui.new_draw_widget.isVisible()

    # Refusal with a reason: the next in rank replaces, shown in the list.
    first = draw.members[0]
    assert panel.selected_member().id == first.id
    panel.refuse_selected()
    refuse = panel.dialog
    assert isinstance(refuse, RefuseDialog)
    refuse.ui.reason_combo.setCurrentIndex(refuse.ui.reason_combo.findData("other"))
    refuse.save()  # "Anden årsag" needs a note
    assert refuse.isVisible() and refuse.ui.note_error_label.text() == "Skriv årsagen, når du vælger »Anden årsag«."
    refuse.ui.reason_combo.setCurrentIndex(refuse.ui.reason_combo.findData("ill"))
    refuse.save()
    after = w.svc.draw(draw.id)
    assert [m.status for m in after.members] == ["replaced", "drawn", "drawn", "drawn"]
    assert after.members[3].replaces_id == first.id
    assert texts(panel.model, SampleMemberModel.COL_STATUS) == [
        "Erstattet", "Udtrukket", "Udtrukket", "Udtrukket (erstatter nr. 1)"]
    assert panel.model.index(0, SampleMemberModel.COL_REASON).data() == "Syg på besøgsdagen"

    panel.verify()
    assert panel.ui.verify_label.isVisible()
    assert panel.ui.verify_label.text().startswith("Stikprøven stemmer: genberegnet fra frø 2011")


def test_redraw_needs_a_reason_and_keeps_the_old_draw_visible(qtbot, w):
    _, visit, draw = w.planned_visit()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    panel = view.visit_view.resident_panel
    assert not panel.ui.draw_combo.isVisible()
    panel.redraw()
    dialog = panel.dialog
    assert isinstance(dialog, RedrawDialog)
    dialog.ui.seed_edit.setText("7")
    dialog.save()
    assert dialog.isVisible() and dialog.ui.reason_error_label.isVisible()
    assert "begrundelse" in dialog.ui.reason_error_label.text()
    assert len(w.svc.draws(visit.id, include_superseded=True)) == 1
    dialog.ui.reason_edit.setPlainText("Beboerlisten var ikke opdateret")
    dialog.save()
    current = w.svc.draws(visit.id)[0]
    assert current.seed == "7" and current.id != draw.id
    combo = panel.ui.draw_combo
    assert panel.ui.draw_combo.isVisibleTo(panel)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Gældende (frø 7)", "Erstattet 02-03-2026 kl. 10.00 (frø 2011)"]
    combo.setCurrentIndex(1)
    assert panel.shown_draw().id == draw.id
    assert "Begrundelse: »Beboerlisten var ikke opdateret«" in panel.ui.info_label.text()
    assert texts(panel.model, SampleMemberModel.COL_NAME) == [m.name for m in draw.members]
    assert not panel.ui.redraw_button.isEnabled() and not panel.ui.refuse_button.isEnabled()


def test_relatives_sample_shows_only_that_force_exists_and_the_phone_numbers(qtbot, w):
    _, visit, _ = w.planned_visit()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    panel = view.visit_view.relative_panel
    panel.ui.size_spin.setValue(2)
    assert panel.ui.seed_edit.text() == "2011"  # the programme's seed (set by its first draw)
    panel.ui.seed_edit.setText("")
    panel.draw()
    assert panel.ui.error_label.text() == "Frøet skal være et tal eller en kort tekst (højst 40 tegn)."
    assert w.svc.draws(visit.id) and all(d.kind == "resident" for d in w.svc.draws(visit.id))
    panel.ui.seed_edit.setText("2011")
    panel.draw()
    assert not panel.ui.error_label.isVisible()
    assert texts(panel.model, SampleMemberModel.COL_NAME) == ["Jens Ærø Hansen"]
    info = panel.ui.info_label.text()
    assert "registreret magtanvendelse mellem 10-03-2025 og 10-03-2026" in info
    assert "1 udeladt" not in info  # Anna-like residents without relatives are not in this world
    contacts = panel.ui.contacts_label.text()
    assert "Ulla Ærø Hansen, datter" in contacts and "Tlf. 20304050" in contacts
    shown = view.grab()  # everything painted; nothing of the episode is on the page
    assert not shown.isNull()
    assert NARRATIVE not in info + contacts


# -- the interview ---------------------------------------------------------------------------------


def test_one_interview_through_the_interview_screen(qtbot, w):
    _, visit, draw = w.planned_visit()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    vv.ui.visit_tabs.setCurrentIndex(TAB_INTERVIEWS)
    pending = [vv.ui.pending_list.item(i).text() for i in range(vv.ui.pending_list.count())]
    first = draw.members[0]
    assert pending[0] == f"Beboer nr. 1: {first.name}, bolig {first.room} (Afsnit Øst)"
    vv.ui.pending_list.setCurrentRow(0)
    qtbot.mouseClick(vv.ui.start_member_button, Qt.MouseButton.LeftButton)
    dialog = vv.dialog
    assert isinstance(dialog, InterviewDialog)
    assert dialog.ui.code_label.text() == "B1"
    assert first.name in dialog.ui.person_label.text()
    # Consent first: the questions are closed until it is recorded.
    assert not dialog.ui.questions_widget.isEnabled()
    qtbot.mouseClick(dialog.ui.consent_check, Qt.MouseButton.LeftButton)
    assert dialog.ui.consent_check.isChecked()
    assert w.svc.interview(dialog.interview.id).consent is True
    assert dialog.ui.questions_widget.isEnabled()

    qtbot.mouseClick(dialog.option_button("tilfredshed", "tilfreds", "personlige"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.option_button("forstaaelse", "hoej_grad"), Qt.MouseButton.LeftButton)
    # Each click is stored at once (another read of the database sees it).
    stored = w.svc.interview(dialog.interview.id)
    assert [(a.question_id, a.item_id, a.option_code) for a in stored.answers] == [
        ("forstaaelse", "", "hoej_grad"), ("tilfredshed", "personlige", "tilfreds")]
    # Free text is saved shortly after typing, with the answer it belongs to.
    dialog.free_text_edit("tilfredshed").setPlainText("Personalet har travlt om morgenen")
    dialog.free_text_edit("dialog").setPlainText("Vil gerne tale mere med personalet")
    qtbot.waitUntil(lambda: len(w.svc.interview(dialog.interview.id).answers) == 3, timeout=3000)
    assert dialog.ui.save_status_label.text() == "✓ Gemt kl. 10.00"
    assert dialog.ui.progress_label.text() == "Besvaret: 3 af 5"

    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ui.finish_button, Qt.MouseButton.LeftButton)
    done = w.svc.interview(dialog.interview.id)
    assert done.finished_at is not None and done.respondent_code == "B1"
    assert [(a.question_id, a.item_id, a.option_code, a.free_text) for a in done.answers] == [
        ("dialog", "", "", "Vil gerne tale mere med personalet"),
        ("forstaaelse", "", "hoej_grad", ""),
        ("tilfredshed", "personlige", "tilfreds", "Personalet har travlt om morgenen")]
    # Back on the visit: the interview is listed, the member is no longer pending, and the sample
    # shows the respondent code.
    assert texts(vv.interview_model, 0) == ["B1"]
    assert texts(vv.interview_model, 4) == ["Afsluttet"]
    assert all(first.name not in vv.ui.pending_list.item(i).text() for i in range(vv.ui.pending_list.count()))
    assert texts(vv.resident_panel.model, SampleMemberModel.COL_CODE)[0] == "B1"


def test_a_finished_interview_opens_read_only(qtbot, w):
    _, visit, draw = w.planned_visit()
    i = w.svc.start_interview(visit.id, member_id=draw.members[0].id)
    w.svc.record_consent(i.id, True)
    w.svc.save_answer(i.id, "tilfredshed", "meget_tilfreds", "Godt", item_id="praktiske")
    w.svc.finish_interview(i.id)
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    vv.ui.interviews_table.selectRow(0)
    vv.open_selected_interview()
    dialog = vv.dialog
    assert dialog.option_button("tilfredshed", "meget_tilfreds", "praktiske").isChecked()
    assert not dialog.ui.questions_widget.isEnabled() and not dialog.ui.finish_button.isEnabled()
    assert dialog.ui.progress_label.text().startswith("Interviewet blev afsluttet 02-03-2026 kl. 10.00")


# -- findings, action plan, report ---------------------------------------------------------------------


def interviewed_visit(w):
    """B1 and B2 with known answers, visit conducted on 10 March 2026."""
    _, visit, draw = w.planned_visit()
    answers = {
        0: [("tilfredshed", "personlige", "tilfreds"), ("forstaaelse", "", "hoej_grad")],
        1: [("tilfredshed", "personlige", "meget_tilfreds"), ("tilfredshed", "praktiske", "utilfreds"),
            ("forstaaelse", "", "nogen_grad")],
    }
    w.at(D(2026, 3, 10))
    for index, rows in answers.items():
        i = w.svc.start_interview(visit.id, member_id=draw.members[index].id)
        w.svc.record_consent(i.id, True)
        for q, item, option in rows:
            w.svc.save_answer(i.id, q, option, item_id=item)
        w.svc.finish_interview(i.id)
    w.svc.mark_conducted(visit.id)
    return visit


def tree_rows(tree):
    out = []

    def walk(item, depth):
        out.append((depth, item.text(0), item.text(1), item.text(2)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return out


def test_findings_show_the_computed_scores_and_save_what_is_written(qtbot, w):
    visit = interviewed_visit(w)
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    vv.ui.visit_tabs.setCurrentIndex(TAB_FINDINGS)
    # personlige: (75 + 100) / 2 = 87.5; praktiske 25; question and goal (87.5 + 25) / 2 = 56.25;
    # forstaaelse (100 + 67) / 2 = 83.5; home (56.25 + 83.5) / 2 = 69.875; satisfied 4 of 5.
    summary = vv.ui.score_summary_label.text()
    assert "Samlet score for plejecentret: 69,88" in summary and "87,5 %" not in summary and "80 %" in summary
    rows = tree_rows(vv.ui.scores_tree)
    assert rows[:6] == [
        (0, "Beboere (2 interview)", "69,88", ""),
        (1, "Tilfredshed med hjælpen", "56,25", "66,67 %"),
        (2, "Hvor tilfreds er du med den hjælp, du får?", "56,25", "66,67 %"),
        (3, "Hjælp til personlige opgaver", "87,5", ""),
        (3, "Hjælp til praktiske opgaver", "25", ""),
        (3, "Hjælp til træning", "–", ""),
    ]
    assert (1, "Forståelse for ønsker", "83,5", "100 %") in rows
    editor = next(e for e in vv.findings_tab.goal_editors if e.goal.id == "hjaelp")
    assert editor.measured.text() == "Målt niveau: Beboere 56,25 (66,67 % tilfredse)"

    # Write the assessment in the GUI and save once.
    ui = vv.ui
    ui.result_combo.setCurrentIndex(ui.result_combo.findData("mindre_tilfredsstillende"))
    ui.result_summary_edit.setPlainText("Træningen skal styrkes.")
    editor.rating.setCurrentIndex(editor.rating.findData("mindre_tilfredsstillende"))
    editor.summary.setPlainText("Træningen opleves som utilstrækkelig.")
    ui.conclusions_edit.setPlainText("Beboerne oplever respekt.\n\nTræningen fylder for lidt.")
    ui.areas_edit.setPlainText("Daglig træning")
    qtbot.mouseClick(ui.save_findings_button, Qt.MouseButton.LeftButton)
    f = w.svc.findings(visit.id)
    assert (f.result, f.result_summary) == ("mindre_tilfredsstillende", "Træningen skal styrkes.")
    assert [(n.goal_id, n.rating, n.summary) for n in f.goal_notes] == [
        ("hjaelp", "mindre_tilfredsstillende", "Træningen opleves som utilstrækkelig.")]
    assert [c.text for c in f.conclusions] == ["Beboerne oplever respekt.", "Træningen fylder for lidt."]
    assert [a.text for a in f.development_areas] == ["Daglig træning"]
    assert ui.findings_saved_label.text() == "✓ Gemt kl. 10.00"
    assert "resultat: Mindre tilfredsstillende" in ui.visit_details_label.text()

    # The action plan.
    vv.add_action()
    dialog = vv.dialog
    dialog.ui.action_edit.setPlainText("Gåture tre gange om ugen")
    dialog.ui.responsible_edit.setText("Afdelingsleder")
    dialog.ui.due_on_edit.setText("01-06-2026")
    dialog.save()
    [item] = w.svc.findings(visit.id).action_items
    assert (item.action, item.responsible, item.due_on, item.status) == (
        "Gåture tre gange om ugen", "Afdelingsleder", D(2026, 6, 1), "open")
    assert [vv.action_model.index(0, c).data() for c in range(4)] == [
        "Gåture tre gange om ugen", "Afdelingsleder", "01-06-2026", "Ikke påbegyndt"]


def test_status_flow_with_the_leaders_reply_and_the_report_preview(qtbot, w, monkeypatch):
    visit = interviewed_visit(w)
    w.svc.set_conclusions(visit.id, ["Godt besøg"])
    shown = []
    monkeypatch.setattr(supervision_visit_view, "preview_pdf",
                        lambda parent, pdf, title: shown.append((pdf, title)))
    monkeypatch.setattr(supervision_view, "preview_pdf", lambda parent, pdf, title: shown.append((pdf, title)))
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    assert not vv.ui.conduct_button.isEnabled() and vv.ui.start_report_button.isEnabled()
    qtbot.mouseClick(vv.ui.start_report_button, Qt.MouseButton.LeftButton)
    assert w.svc.visit(visit.id).status == "draft_report"
    vv.send_for_consultation()
    step = vv.dialog
    assert isinstance(step, StepDialog) and step.ui.date_edit.text() == "24-03-2026"
    step.ui.date_edit.setText("09-03-2026")
    step.save()
    assert step.isVisible() and step.ui.date_error_label.text() == "Høringsfristen skal ligge efter i dag."
    step.ui.date_edit.setText("20-03-2026")
    step.save()
    assert w.svc.visit(visit.id).status == "consultation"
    assert "frist <b>20-03-2026</b>" in vv.ui.consultation_label.text()
    vv.finalise()  # neither a reply nor a passed deadline yet: refused, said above the tabs
    assert w.svc.visit(visit.id).status == "consultation"
    assert vv.ui.visit_error_label.text().startswith("Høringsfristen (20-03-2026) er ikke udløbet")

    # The leader sees the draft in the inbox and replies.
    w.login("lene")
    w.at(D(2026, 3, 12))
    leader = make_view(qtbot, w)
    assert leader.mode == "leader" and leader.ui.page_stack.currentIndex() == PAGE_INBOX
    assert texts(leader.inbox_model, 0) == ["Bakkegården"]
    leader.show_inbox_report()
    pdf, title = shown[-1]
    assert pdf.startswith(b"%PDF") and title == "Rapportudkast Bakkegården 10-03-2026"
    leader.reply_to_consultation()
    reply = leader.dialog
    reply.ui.text_edit.setPlainText("Vi er enige og går i gang.")
    reply.save()
    assert not reply.isVisible()

    w.login("karl")
    assert w.svc.visit(visit.id).consultation.reply_text == "Vi er enige og går i gang."
    vv.reload()
    assert "Vi er enige og går i gang." in vv.ui.consultation_label.text()
    assert vv.ui.finalise_button.isEnabled()
    qtbot.mouseClick(vv.ui.finalise_button, Qt.MouseButton.LeftButton)
    assert w.svc.visit(visit.id).status == "final"
    vv.plan_follow_up()
    step = vv.dialog
    step.ui.date_edit.setText("01-09-2026")
    step.save()
    assert w.svc.visit(visit.id).status == "follow_up"
    assert any(v.follow_up_of_id == visit.id for v in w.svc.visits())

    qtbot.mouseClick(vv.ui.show_report_button, Qt.MouseButton.LeftButton)
    pdf, title = shown[-1]
    assert pdf.startswith(b"%PDF") and title == "Tilsynsrapport Bakkegården 10-03-2026"
    view.show_overview()
    qtbot.mouseClick(view.ui.annual_button, Qt.MouseButton.LeftButton)
    pdf, title = shown[-1]
    assert pdf.startswith(b"%PDF") and title == "Årsevaluering af tilsyn 2026"


def test_mark_conducted_through_the_step_dialog(qtbot, w):
    _, visit, _ = w.planned_visit()
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    vv.mark_conducted()
    step = vv.dialog
    assert step.ui.date_edit.text() == "02-03-2026"  # today, the visit is planned later
    step.ui.date_edit.setText("10-03-2026")
    step.save()
    assert step.ui.date_error_label.text() == "Besøgsdatoen ligger i fremtiden."
    w.at(D(2026, 3, 10))
    step.save()
    assert (w.svc.visit(visit.id).status, w.svc.visit(visit.id).conducted_on) == ("conducted", D(2026, 3, 10))
    assert "✓ Planlagt" in vv.ui.flow_label.text()
    assert not vv.resident_panel.ui.redraw_button.isEnabled()  # no new sample after the visit


# -- roles ------------------------------------------------------------------------------------------


def test_a_staff_user_gets_no_supervision_actions(qtbot, w):
    w.login("pia")
    view = make_view(qtbot, w)
    assert view.mode == "none" and view.ui.page_stack.currentIndex() == PAGE_NO_ACCESS
    for button in (view.ui.plan_visit_button, view.ui.create_programme_button, view.ui.annual_button,
                   view.ui.reply_button):
        assert not button.isVisible()
    with pytest.raises(DomainError):  # the service refuses anyway
        w.svc.visits()
    window = MainWindow(w.services, "test.sqlite")
    qtbot.addWidget(window)
    assert window.ui.nav_list.item(PAGES.index("supervision")).isHidden()
    window.show_page(PAGE_SUPERVISION)
    assert window.current_page() != PAGE_SUPERVISION


def test_the_consultant_finds_tilsyn_in_the_main_window(qtbot, w):
    window = MainWindow(w.services, "test.sqlite")
    qtbot.addWidget(window)
    window.show_page(PAGE_SUPERVISION)
    assert window.current_page() == PAGE_SUPERVISION
    page = window.page(PAGE_SUPERVISION)
    assert isinstance(page, SupervisionView) and page.mode == "consultant"


# -- issue 13: default size, redraw size, infeasible plan, moving and cancelling, exclusions ------


def unplanned_draw(w):
    """Programme 2026 (6 in all, 2-4 per home) and a visit to Bakkegården on 10 March, not drawn."""
    p = w.svc.create_programme(2026, sample_total=6, sample_min=2, sample_max=4)
    return p, w.svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.karl_id()])


def test_the_draw_proposes_the_homes_share_never_zero_and_the_redraw_has_its_own_size(qtbot, w):
    _, visit = unplanned_draw(w)
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    panel = view.visit_view.resident_panel
    # Solgården has one resident, so Bakkegården's share of 6 is its maximum, 4 (not 0).
    assert panel.ui.size_spin.value() == 4 and panel.ui.size_spin.minimum() == 1
    assert view.visit_view.relative_panel.ui.size_spin.value() == 2
    panel.ui.seed_edit.setText("2011")
    panel.draw()
    draw = w.svc.draws(visit.id)[0]
    assert (draw.size, len(draw.members)) == (4, 4)
    assert "4 udtrukket af 6 mulige" in panel.ui.info_label.text()
    panel.redraw()
    dialog = panel.dialog
    assert dialog.ui.size_spin.value() == 4 and dialog.ui.size_spin.minimum() == 1
    dialog.ui.seed_edit.setText("7")
    dialog.ui.size_spin.setValue(2)
    dialog.ui.reason_edit.setPlainText("For mange til én dag")
    dialog.save()
    assert [(d.size, len(d.members)) for d in w.svc.draws(visit.id)] == [(2, 2)]


def test_the_programme_dialog_states_an_infeasible_plan_and_a_drawn_plan_is_fixed(qtbot, w):
    view = make_view(qtbot, w)
    view.create_programme()
    dialog = view.dialog
    assert dialog.ui.total_spin.value() == 120 and dialog.ui.total_spin.minimum() == 1
    label = dialog.ui.plan_check_label.text()
    assert label == "120 kan ikke nås med 2 plejecentre á højst 6, når nogle har færre beboere; der trækkes 7."
    dialog.ui.total_spin.setValue(5)
    assert dialog.ui.plan_check_label.text() == "Planen kan nås: 5 beboere fordelt på 2 plejecentre."
    dialog.ui.total_spin.setValue(40)
    dialog.save()
    assert "40 kan ikke nås med 2 plejecentre" in view.ui.programme_info_label.text()
    programme = w.svc.programme_for_year(2026)
    v = w.svc.plan_visit(programme.id, w.homes[0], D(2026, 3, 10))
    w.svc.draw_sample(v.id, 2011)
    view.load_year()
    view.edit_programme()
    fixed = view.dialog
    assert not fixed.ui.total_spin.isEnabled() and "ligger fast" in fixed.ui.intro_label.text()
    assert "(fast: der er trukket stikprøver)" in view.ui.programme_info_label.text()


def test_a_visit_is_moved_to_a_working_day_and_cancelled_with_a_reason(qtbot, w):
    _, visit = unplanned_draw(w)
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    vv = view.visit_view
    assert vv.ui.move_visit_button.isEnabled() and vv.ui.cancel_visit_button.isEnabled()
    vv.move_visit()
    dialog = vv.dialog
    dialog.ui.date_edit.setText("14-03-2026")
    dialog.save()
    assert dialog.isVisible() and "lørdag eller søndag" in dialog.ui.date_error_label.text()
    dialog.ui.date_edit.setText("17-03-2026")
    dialog.ui.text_edit.setPlainText("Konsulenten er syg")
    dialog.save()
    assert w.svc.visit(visit.id).planned_on == D(2026, 3, 17)
    assert "17-03-2026" in vv.ui.visit_title_label.text()
    vv.cancel_visit()
    dialog = vv.dialog
    dialog.save()
    assert dialog.isVisible() and "mindst 5 tegn" in dialog.ui.text_error_label.text()
    dialog.ui.text_edit.setPlainText("Plejecentret har udbrud af influenza")
    dialog.save()
    assert w.svc.visit(visit.id).status == "cancelled"
    assert "aflyst" in vv.ui.visit_details_label.text() and not vv.ui.move_visit_button.isEnabled()


def test_residents_are_left_out_of_the_frame_before_the_draw_with_a_reason(qtbot, w):
    _, visit = unplanned_draw(w)
    view = make_view(qtbot, w)
    view.open_visit(visit.id)
    panel = view.visit_view.resident_panel
    assert panel.ui.exclude_button.isEnabled()
    panel.exclude()
    dialog = panel.dialog
    rows = [dialog.ui.candidates_list.item(i) for i in range(dialog.ui.candidates_list.count())]
    assert sorted(r.text().split(",")[0] for r in rows) == sorted(n for _, n, _ in RESIDENTS)
    bo = next(r for r in rows if r.text().startswith("Bo Ek"))
    bo.setCheckState(Qt.CheckState.Checked)
    dialog.ui.reason_combo.setCurrentIndex(dialog.ui.reason_combo.findData("other"))
    dialog.save()
    assert dialog.isVisible() and "Skriv hvorfor" in dialog.ui.note_error_label.text()
    dialog.ui.reason_combo.setCurrentIndex(dialog.ui.reason_combo.findData("hospital"))
    dialog.save()
    assert "Bo Ek (indlagt på hospital)" in panel.ui.exclusions_label.text()
    panel.ui.seed_edit.setText("2011")
    panel.draw()
    draw = w.svc.draws(visit.id)[0]
    assert [(e.reason, e.reason_label) for e in draw.exclusions] == [("hospital", "Indlagt på hospital")]
    assert draw.frame_size == 5 and "Bo Ek" not in [m.name for m in draw.members]
    assert "Indlagt på hospital" in panel.ui.info_label.text()
