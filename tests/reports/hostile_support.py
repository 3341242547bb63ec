"""Report data of every layout built directly, with any text in any field, and the PDF's text
layer read back exactly (content-stream order, through each font's ToUnicode map).

``LAYOUTS`` names every layout; each has ``fields``: the text fields a user or an import can
fill, with the longest value the services can hand over for it (the domain maxima of
tilsyn.domain.limits, plus what a service adds when it composes a value), and ``build(texts)``:
the report data with ``texts[field]`` in each field named there (a short Danish value in the
others), and ``render(data)``: the PDF bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Callable

import pikepdf

from tilsyn.domain.limits import LONG_TEXT_MAX, NAME_MAX, REASON_MAX, SHORT_TEXT_MAX
from tilsyn.reports.annual_evaluation import (
    AnnualEvaluationData,
    HomeRow,
    StaffYearRow,
    YearRow,
    render_annual_evaluation,
)
from tilsyn.reports.batch import BatchCoverReportData, render_batch
from tilsyn.reports.monthly_form import (
    DayPart,
    EpisodeRow,
    FormReportData,
    PermitRow,
    SignatureLine,
    StaffRow,
    TypeUse,
    render_form,
)
from tilsyn.reports.resident_export import ResidentExportData, render_resident_export
from tilsyn.reports.resident_overview import ResidentOverviewReportData, render_resident_overview
from tilsyn.reports.visit_report import (
    ActionRow,
    GoalAssessment,
    QuoteGroup,
    ReplyRow,
    RespondentRow,
    ScoreRow,
    ScoreTable,
    StaffEvaluationSection,
    VisitReportData,
    render_visit_report,
)

L, S, N, R = LONG_TEXT_MAX, SHORT_TEXT_MAX, NAME_MAX, REASON_MAX
FORM_ID = "3f2b8c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f"


def _get(texts: dict[str, str]) -> Callable[[str, str], str]:
    return lambda key, default: texts.get(key, default)


# -- the monthly form and the acute record --------------------------------------------------------
COMMON_FORM_FIELDS = {
    "name": N, "acting_municipality": S, "cpr": 11, "signer": N, "notice": R + 120, "control_value": N + 120,
    "followup_remarks": L,
}
VEJLE_FIELDS = {
    **COMMON_FORM_FIELDS,
    "address_line": 2 * S + 8, "care_home_unit": 2 * N + 3,
    "permit_types": 400 + S, "permit_prerequisites": L, "permit_period": 30,
    "episode_when": R + 80, "episode_short_description": L + S + 80, "episode_avoidance": L,
    "episode_least_intrusive": L, "episode_staff_marked": 3 * (N + 2),
    "necessity": L, "reflection": L, "action_plan_updated": S, "leader_name_date": N + 20,
    "processed_by": N + 2 * S + 30,
}
SKEMA1_FIELDS = {
    **COMMON_FORM_FIELDS,
    "address": S, "postal_city": S + 5, "period": 30, "staff_writer": N,
    "use_times": R + 80, "use_location": S, "use_purpose": L, "narrative": L + 12,
    "staff_workplace": S, "staff_position": S,
    "discussed_when": S, "discussion_plans": L, "other": L, "leader_date_signature": N + 80,
    "processed_name_position": N + S + 2, "processed_municipality": S, "processed_date_signature": N + 80,
}
# Printed only in the running header (shortened to its width): tested there, not here.
HEADER_ONLY = {"care_home"}


def form_data(texts: dict[str, str], layout: str = "vejle-2011", kind: str = "monthly") -> FormReportData:
    t = _get(texts)
    writer = t("staff_writer", "Pia Jensen")
    ep = EpisodeRow(
        t("episode_when", "17-03-2026 kl. 21.00–21.15"),
        t("episode_short_description", "Tilbageholdelse i boligen (§ 127)\nVed hoveddøren."),
        t("episode_avoidance", "Tilbød kaffe og en snak"), t("episode_least_intrusive", "Fulgte ham roligt tilbage"),
        t("episode_staff_marked", f"X {writer}\nOle Hansen"))
    day = DayPart(
        "17. marts 2026",
        (TypeUse("127_retention", "", t("use_times", "kl. 21.00–21.15"), t("use_location", "Ved hoveddøren"),
                 t("use_purpose", "Forhindre at Jens gik ud i kulden")),),
        (t("narrative", "Kl. 21.00: Jens faldt til ro med musik."),),
        (StaffRow(writer, "☒", t("staff_workplace", "Bakkegården"),
                  t("staff_position", "Social- og sundhedsassistent")),
         StaffRow("Ole Hansen", "☐", "Bakkegården", "Social- og sundhedshjælper")))
    signer = t("signer", "Pia Jensen")
    return FormReportData(
        form_id=FORM_ID, kind=kind, layout=layout,
        document_title="Månedsskema for magtanvendelse" if kind == "monthly"
        else "Akut / ikke-godkendt magtanvendelse",
        status_label="Behandlet", month_name="marts 2026", care_home=t("care_home", "Bakkegården"),
        cpr=t("cpr", "010130-1234"), name=t("name", "Jens Ærø Hansen"), address=t("address", "Åvej 3"),
        postal_city=t("postal_city", "7100 Vejle"), address_line=t("address_line", "Åvej 3, 7100 Vejle"),
        care_home_unit=t("care_home_unit", "Bakkegården / Afsnit Øst"),
        acting_municipality=t("acting_municipality", "Vejle Kommune"),
        residence_municipality=t("residence_municipality", "Fredericia Kommune"),
        permits=(PermitRow(t("permit_types", "Tilbageholdelse i boligen (§ 127)"),
                           t("permit_prerequisites", "Kun om natten."),
                           t("permit_period", "01-01-2026 – 30-06-2026")),),
        periods=(("127_retention", t("period", "01-01-2026 – 30-06-2026")),),
        episodes=(ep,), days=(day,),
        necessity=t("necessity", "Jens var i fare."), reflection=t("reflection", "Gennemgået."),
        action_plan_updated=t("action_plan_updated", "15-03-2026"),
        leader_name_date=t("leader_name_date", "Lene Leder, 31. marts 2026"),
        discussed_in_staff_group=True, discussed_when=t("discussed_when", "16-03-2026"),
        discussion_plans=t("discussion_plans", "Ingen planer."), action_plan_exists=True, other=t("other", "Intet."),
        leader_date_signature=t("leader_date_signature", "31. marts 2026"),
        followup_remarks=t("followup_remarks", "Ingen bemærkninger."),
        municipalities_informed="Opholdskommunen: ja. Handlekommunen: nej.",
        processed_by=t("processed_by", "Sofie Sag / Sagsbehandler / Vejle Kommune / 2. april 2026"),
        residence_municipality_informed=True,
        processed_name_position=t("processed_name_position", "Sofie Sag, Sagsbehandler"),
        processed_municipality=t("processed_municipality", "Vejle Kommune"),
        processed_date_signature=t("processed_date_signature", "2. april 2026"),
        signatures=(SignatureLine(2, True, signer, "Medarbejder", "31-03-2026 kl. 20.00", "a1b2c3d4", layout),),
        notices=(t("notice", "1 magtanvendelse er registreret efter fristen."),),
        control=(("Skema-id", FORM_ID), ("Skabelon", t("control_value", "Vejle Kommunes månedsskema (2011)"))),
    )


# -- the batch cover --------------------------------------------------------------------------------
BATCH_FIELDS = {"care_home": N, "late_resident": N, "late_reason": R, "unsigned_resident": N,
                "index_resident": N, "summary_value": S}


def batch_cover(texts: dict[str, str]) -> BatchCoverReportData:
    t = _get(texts)
    return BatchCoverReportData(
        title="Månedsindberetning af magtanvendelse", care_home=t("care_home", "Bakkegården"),
        month_name="marts 2026",
        summary=(("Skemaer i samlingen", "2"), ("Frist hos myndigheden", t("summary_value", "5. april 2026"))),
        by_type=(("Tilbageholdelse i boligen (§ 127)", "2"),),
        late=((t("late_resident", "Jens Ærø Hansen"), "17-03-2026 kl. 21.00", "20-03-2026 kl. 09.00",
               t("late_reason", "Glemt ved vagtskifte")),),
        unsigned=((t("unsigned_resident", "Anna Berg"), "020230-xxxx", "Kladde", "1"),),
        index=(("1", t("index_resident", "Jens Ærø Hansen"), "010130-xxxx", "Månedsskema", "3"),),
    )


# -- the resident overview ------------------------------------------------------------------------------
OVERVIEW_FIELDS = {"resident": N, "care_home": N}


def overview_data(texts: dict[str, str]) -> ResidentOverviewReportData:
    t = _get(texts)
    return ResidentOverviewReportData(
        title="Magtanvendelse over tid", resident=t("resident", "Jens Ærø Hansen"), cpr_masked="010130-xxxx",
        care_home=t("care_home", "Bakkegården"), period="Periode: februar 2026 – marts 2026",
        months=("feb 26", "mar 26"), month_names=("februar 2026", "marts 2026"),
        series=(("Tilbageholdelse i boligen (§ 127)", (1, 2)),), totals=(("Tilbageholdelse i boligen (§ 127)", 3),),
        total=3, footnote="Tallene er antal registrerede magtanvendelser.")


# -- the visit report ----------------------------------------------------------------------------------
VISIT_FIELDS = {
    "title": N + 20, "fact_value": N, "goal_summary": L, "result_summary": L, "dialogue_answer": L,
    "conclusion": L, "development_area": L, "action": L, "responsible": N, "action_comment": L + N + 20,
    "consultation_text": L, "score_label": S, "quote": L, "reply_who": N, "reply_text": L,
}


def visit_data(texts: dict[str, str]) -> VisitReportData:
    t = _get(texts)
    return VisitReportData(
        title=t("title", "Tilsynsrapport: Bakkegården"), status_line="Endelig rapport", draft=False,
        facts=(("Plejecenter", t("fact_value", "Bakkegården")), ("Besøgsdato", "10-03-2026")),
        method=("Tilsynet er gennemført som interview med beboere, pårørende og personale.",),
        sample_rows=(("Beboere", "8", "3", "1", "2"),), sample_note="Stikprøven kan efterprøves.",
        respondents=(RespondentRow("B1", "Beboere", "Interview med beboer (version 1)", "Ja", "Gennemført"),),
        score_tables=(ScoreTable("Beboere (1 interview)", (
            ScoreRow(0, "Oplevelse og tilfredshed med hjælpen", 58.3, 60.0, 6, 1),
            ScoreRow(1, t("score_label", "Hvor tilfreds er du med den hjælp, du får?"), 58.3, 60.0, 6, 1)), 58.3),),
        home_score=58.3, home_share_satisfied=60.0, chart_categories=("Oplevelse",),
        chart_series=(("Beboere", (58.3,)),),
        goal_assessments=(GoalAssessment("Oplevelse og tilfredshed", "Tilfredsstillende",
                                         t("goal_summary", "Beboerne er trygge.")),),
        result="Tilfredsstillende", result_summary=t("result_summary", "Samlet set et godt plejecenter."),
        dialogue=(("Hvad går godt?", t("dialogue_answer", "Samarbejdet.")),),
        conclusions=(t("conclusion", "Fortsæt det gode arbejde."),),
        development_areas=(t("development_area", "Dokumentation."),),
        action_plan=(ActionRow(t("action", "Gennemgå dokumentationen"), t("responsible", "Lene Leder"),
                               "30-06-2026", "Åben", "Plejecentrets leder",
                               (t("action_comment", "02-04-2026 Karl Konsulent: God plan."),)),),
        staff_evaluation=StaffEvaluationSection("Personalets evaluering af månedsskemaet", "Mindst 75 %", 5,
                                                (("Skemaet er let at udfylde", "80 %", "Ja"),), "Målet er nået."),
        consultation=(("Plejecentrets svar", t("consultation_text", "Vi er enige.")),),
        generated="Udskrevet 02-04-2026", footer="Tilsynsrapport · Bakkegården · 10-03-2026",
        quotes=(QuoteGroup("Hvad er godt ved at bo her?", (("B1", t("quote", "Personalet er søde.")),)),),
        reply_history=(ReplyRow("01-04-2026", t("reply_who", "Lene Leder"), t("reply_text", "Vi er enige.")),),
    )


# -- the annual evaluation -----------------------------------------------------------------------------
ANNUAL_FIELDS = {"fact_value": N, "home": N, "home_result": S, "due_home": N, "due_why": R}


def annual_data(texts: dict[str, str]) -> AnnualEvaluationData:
    t = _get(texts)
    home = t("home", "Bakkegården")
    return AnnualEvaluationData(
        title="Årsevaluering af tilsyn 2026 · Vejle Kommune", generated="Udskrevet 02-04-2026",
        facts=(("Kommune", t("fact_value", "Vejle Kommune")),), goal_columns=("Oplevelse", "Magt"),
        homes=(HomeRow(home, "10-03-2026", "Endelig", "3 beboere", 58.3, (58.3, 70.0),
                       t("home_result", "Tilfredsstillende")),),
        municipality_score=58.3, municipality_goal_scores=(58.3, 70.0),
        years=(YearRow(2025, 1, 3, 50.0, (50.0, 60.0)), YearRow(2026, 1, 3, 58.3, (58.3, 70.0))),
        home_scores_by_year=((home, (50.0, 58.3)),),
        staff_evaluation=None, staff_by_year=(StaffYearRow(2026, 5, "Ja"),),
        due=((t("due_home", "Solgården"), "31-12-2026", t("due_why", "Sidste besøg 2024")),),
        method=("Tilsynet følger kommunens tilsynsprogram.",), footer="Årsevaluering af tilsyn 2026")


# -- the privacy export (all stored about one resident) ---------------------------------------------------
EXPORT_FIELDS = {"fact_value": N, "relative_name": N, "relation": S, "phone": S, "permit_prerequisites": L,
                 "permit_reference": S, "history_user": N, "history_changes": L + R, "episode_description": L}


def export_data(texts: dict[str, str]) -> ResidentExportData:
    t = _get(texts)
    return ResidentExportData(
        title="Oplysninger om Jens Ærø Hansen", generated="Udskrevet 02-04-2026 kl. 12.00",
        facts=[("Navn", t("fact_value", "Jens Ærø Hansen")), ("CPR-nummer", "010130-1234")],
        relatives=[(t("relative_name", "Mette Kontakt"), t("relation", "Datter"), t("phone", "12345678"))],
        permits=[("Tilbageholdelse i boligen (§ 127)", "01-01-2026 – 30-06-2026",
                  t("permit_prerequisites", "Kun om natten."), t("permit_reference", "MAG-2026-0007"))],
        history=[("02-04-2026 12:00", t("history_user", "Sofie Sag"), "Ændret",
                  t("history_changes", "adresse: Åvej 1 -> Åvej 3"))],
        episodes=[("17-03-2026 21:00", "Tilbageholdelse i boligen (§ 127)",
                   t("episode_description", "Jens ville gå ud"))],
    )


@dataclass(frozen=True)
class Layout:
    fields: dict[str, int]
    build: Callable[[dict[str, str]], object]
    render: Callable[[object], bytes]


LAYOUTS: dict[str, Layout] = {
    "vejle-2011": Layout(VEJLE_FIELDS, lambda x: form_data(x, "vejle-2011"), render_form),
    "skema1-2010": Layout(SKEMA1_FIELDS, lambda x: form_data(x, "skema1-2010"), render_form),
    "acute-skema1": Layout(SKEMA1_FIELDS, lambda x: form_data(x, "skema1-2010", "acute"), render_form),
    "batch": Layout({**BATCH_FIELDS, **{f"form_{k}": v for k, v in VEJLE_FIELDS.items()}},
                    lambda x: (batch_cover(x), [form_data({k[5:]: v for k, v in x.items() if k.startswith("form_")})]),
                    lambda d: render_batch(*d)),
    "resident-overview": Layout(OVERVIEW_FIELDS, overview_data, render_resident_overview),
    "visit-report": Layout(VISIT_FIELDS, visit_data, render_visit_report),
    "annual-evaluation": Layout(ANNUAL_FIELDS, annual_data, render_annual_evaluation),
    "resident-export": Layout(EXPORT_FIELDS, export_data, render_resident_export),
}


# -- reading the text layer back ---------------------------------------------------------------------
def _to_unicode(font) -> dict[int, str]:
    cmap: dict[int, str] = {}
    if "/ToUnicode" not in font:
        return cmap
    text = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            cmap[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "surrogatepass")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                cmap[code] = chr(start + i)
    return cmap


def _mul(m1: list[float], m2: list[float]) -> list[float]:
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2]


IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
# Running headers and footers stand above and below these lines (points from the page's foot
# and head): the body frame never reaches them.
FURNITURE_BELOW = 16 * 72 / 25.4
FURNITURE_ABOVE = 14 * 72 / 25.4


def text_layer(pdf: bytes, body_only: bool = False) -> str:
    """Every string the PDF shows, in content-stream order, decoded through its font's ToUnicode
    map (what copy and paste and a screen reader get), one line per text-showing operator.
    Unlike pdftotext, nothing is reordered (right-to-left text stays in input order).
    ``body_only`` leaves out the running headers and footers (by where they stand)."""
    out: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            height = float(page.MediaBox[3])
            fonts = page.Resources.get("/Font", {})
            maps = {str(name): _to_unicode(fonts[name]) for name in fonts.keys()}
            current: dict[int, str] = {}
            ctm, stack = IDENTITY, []
            tm = tlm = IDENTITY
            leading = 0.0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                nums = [float(x) for x in operands] if op in ("cm", "Tm", "Td", "TD", "TL") else []
                if op == "q":
                    stack.append(ctm)
                elif op == "Q":
                    ctm = stack.pop() if stack else IDENTITY
                elif op == "cm":
                    ctm = _mul(nums, ctm)
                elif op == "BT":
                    tm = tlm = IDENTITY
                elif op == "Tm":
                    tm = tlm = nums
                elif op in ("Td", "TD"):
                    if op == "TD":
                        leading = -nums[1]
                    tm = tlm = _mul([1, 0, 0, 1, nums[0], nums[1]], tlm)
                elif op == "TL":
                    leading = nums[0]
                elif op == "T*" or op in ("'", '"'):
                    tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
                if op == "Tf":
                    current = maps.get(str(operands[0]), {})
                elif op in ("Tj", "'", '"', "TJ"):
                    y = _mul(tm, ctm)[5]
                    if body_only and not (FURNITURE_BELOW < y < height - FURNITURE_ABOVE):
                        continue
                    items = operands[0] if op == "TJ" else [operands[-1]]
                    shown = []
                    for item in items:
                        if isinstance(item, pikepdf.String):
                            shown.append("".join(current.get(b, "\ufffd") for b in bytes(item)))
                    out.append("".join(shown))
            out.append("\f")
    return "\n".join(out)


def squash(text: str) -> str:
    """``text`` without any whitespace (line breaks and wrapping are the layout's business)."""
    return "".join(text.split())


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)
