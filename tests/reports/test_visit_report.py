"""The visit report: its data exactly, and the PDF's text (Danish labels, respondent codes, no
names or CPR numbers)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import subprocess
import sys
import textwrap

import pypdf
import pytest

from integration.supervision_support import CPRS, NAMES, NARRATIVE, build, full_visit
from pdf_support import pdftotext
from tilsyn.reports.visit_report import (
    APPENDIX_TITLE,
    ActionRow,
    GoalAssessment,
    RespondentRow,
    ScoreRow,
    render_visit_report,
)
from tilsyn.services.app import close_app, open_app

D = dt.date


@pytest.fixture
def visit(tmp_path):
    opened = open_app(str(tmp_path / "t.sqlite"))
    w = build(opened.context)
    ids = full_visit(w)
    yield w, ids
    close_app(opened.context)


def test_visit_report_data_exactly(visit):
    w, ids = visit
    d = w.svc.visit_report_data(ids["visit"])
    assert (d.title, d.status_line, d.draft) == ("Tilsynsrapport: Bakkegården", "Endelig rapport", False)
    assert d.facts == (
        ("Plejecenter", "Bakkegården"),
        ("Kommune", "Vejle Kommune"),
        ("Besøgsdato", "10-03-2026"),
        ("Besøgsform", "Uanmeldt"),
        ("Tilsynskonsulenter", "Karl Konsulent"),
        ("Tilsynsprogram", "Tilsyn 2026"),
        ("Årets tema for magtanvendelse", "Mindst mulig indgribende, så kortvarigt og så skånsomt som muligt"),
        ("Interviewguider", "Interview med beboer (version 1); Telefoninterview med pårørende (version 1); "
                            "Dialogmøde med personalet (version 1); Personalets evaluering af månedsskemaet (version 1)"),
        ("Status", "Endelig"),
    )
    assert d.sample_rows == (("Beboere", "8", "3", "1", "2"),
                             ("Pårørende (magtanvendelse inden for 1 år)", "1", "1", "0", "1"))
    assert d.sample_note.startswith("Beboere: frø 2011, trukket 02-03-2026, stikprøve-id ")
    assert d.sample_note.endswith("Stikprøverne kan efterprøves med »tilsyn sample-verify«.")
    assert d.respondents[:3] == (
        RespondentRow("B1", "Beboere", "Interview med beboer (version 1)", "Ja", "Gennemført"),
        RespondentRow("B2", "Beboere", "Interview med beboer (version 1)", "Ja", "Gennemført"),
        RespondentRow("P1", "Pårørende", "Telefoninterview med pårørende (version 1)", "Ja", "Gennemført"),
    )
    assert [r.code for r in d.respondents] == ["B1", "B2", "P1", "M1", "M2", "M3", "M4", "M5"]
    residents, relatives = d.score_tables
    assert (residents.title, residents.score) == ("Beboere (2 interview)", 63.94)
    assert residents.rows == (
        ScoreRow(0, "Oplevelse og tilfredshed med hjælpen", 58.33, 60.0, 6, 1),
        ScoreRow(1, "Hvor tilfreds er du med den hjælp, du får?", 58.33, 60.0, 6, 1),
        ScoreRow(2, "Hjælp til personlige opgaver", 75.0, None, 2, 0),
        ScoreRow(2, "Hjælp til praktiske opgaver", 75.0, None, 2, 0),
        ScoreRow(2, "Hjælp til træning", 25.0, None, 2, 1),
        ScoreRow(0, "Forståelse for den enkeltes ønsker", 66.5, 50.0, 2, 0),
        ScoreRow(1, "Oplever du, måden hjælpen bliver givet på, er præget af forståelse for dine ønsker?",
                 66.5, 50.0, 2, 0),
        ScoreRow(0, "Imødekommende, ligeværdig og åben dialog", 67.0, 100.0, 2, 1),
        ScoreRow(1, "Oplever du en imødekommende, ligeværdig og åben dialog med et klart og forståeligt indhold?",
                 67.0, 100.0, 2, 1),
    )
    assert (relatives.title, relatives.score) == ("Pårørende (1 interview)", 87.5)
    assert relatives.rows[-5:] == (
        ScoreRow(0, "Principper for magtanvendelse", 75.0, 50.0, 3, 1),
        ScoreRow(1, "Hvordan er din oplevelse omkring magtanvendelse hos din pårørende i forhold til, at "
                    "magtanvendelse skal følge:", 75.0, 50.0, 3, 1),
        ScoreRow(2, "Princippet om mindst mulig indgribende magtanvendelse", 100.0, None, 1, 0),
        ScoreRow(2, "Så kortvarigt som muligt", 50.0, None, 1, 0),
        ScoreRow(2, "Så skånsomst som muligt", None, None, 1, 1),
    )
    assert (d.home_score, d.home_share_satisfied) == (77.4, 73.33)
    assert d.chart_categories == ("Tilfredshed med hjælpen", "Forståelse for ønsker", "Åben dialog", "Magtanvendelse")
    assert d.chart_series == (("Beboere", (58.33, 66.5, 67.0, None)), ("Pårørende", (75.0, 100.0, 100.0, 75.0)))
    assert d.goal_assessments == (
        GoalAssessment("Oplevelse og tilfredshed med hjælpen", "Mindre tilfredsstillende",
                       "Hjælpen til træning opleves som utilstrækkelig."),
        GoalAssessment("Imødekommende, ligeværdig og åben dialog", "Tilfredsstillende", "Dialogen er god og respektfuld."),
    )
    assert (d.result, d.result_summary) == ("Mindre tilfredsstillende", "Træningen skal styrkes.")
    assert d.dialogue == (
        ("Hvad genkender I i tilsynets resultater fra beboere og pårørende?", "Vi genkender, at træning fylder for lidt."),
        ("Hvordan sikrer I, at magtanvendelse følger princippet om mindst mulig indgribende magtanvendelse, så "
         "kortvarigt som muligt og så skånsomst som muligt?", "Vi taler altid roligt først og afbryder hurtigt."),
    )
    assert d.conclusions == ("Beboerne oplever respekt for deres ønsker.", "Træningen fylder for lidt.")
    assert d.development_areas == ("Daglig træning",)
    assert d.action_plan == (ActionRow("Gåture tre gange om ugen", "Afdelingsleder", "01-06-2026", "Ikke påbegyndt",
                                       "tilsynet"),)
    s = d.staff_evaluation
    assert [r[1:] for r in s.rows] == [("75 % (3 af 4)", "Ja"), ("100 % (4 af 4)", "Ja"), ("100 % (4 af 4)", "Ja"),
                                       ("75 % (3 af 4)", "Ja")]
    assert s.conclusion == "Succeskriteriet er opfyldt (4 deltagende medarbejdere)."
    assert d.consultation == (("Sendt i høring", "11-03-2026"), ("Høringsfrist", "25-03-2026"),
                              ("Svar fra plejecentret", "Vi er enige og går i gang med gåturene."),
                              ("Svaret", "15-03-2026 af Lene Leder"))
    assert (d.generated, d.footer) == ("Udskrevet 16-03-2026", "Tilsynsrapport · Bakkegården · 10-03-2026")


def pdf_text(pdf: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def test_visit_report_pdf_is_danish_paged_and_pseudonymous(visit):
    w, ids = visit
    pdf = w.svc.visit_report_pdf(ids["visit"])
    text, reader = pdf_text(pdf)
    flat = " ".join(text.split())
    for label in ("Tilsynsrapport: Bakkegården", "Endelig rapport", "Metode", "Respondenter", "Målt kvalitetsniveau",
                  "Tilsynets vurdering", "Dialogmøde med personalet", "Fælles konklusioner", "Udviklingsområder",
                  "Personalets handleplan", "Personalets evaluering af månedsskemaet", "Høring",
                  "Hjælp til personlige opgaver", "Så skånsomst som muligt", "Andel tilfredse",
                  "Plejecentrets samlede score (beboere og pårørende): 77,4", "Gåture tre gange om ugen",
                  "Succeskriteriet er opfyldt", f"Side 1 af {len(reader.pages)}"):
        assert label in flat, label
    for code in ("B1", "B2", "P1", "M1"):
        assert code in flat
    for name in NAMES + ["Ulla Ærø Hansen"]:
        assert name not in flat
    for cpr in CPRS:
        assert cpr not in flat and cpr.replace("-", "") not in flat
    assert NARRATIVE not in flat
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(f.get_object()["/BaseFont"])
    assert fonts and all("DejaVu" in str(f) for f in fonts)
    # Same data, same bytes.
    assert render_visit_report(w.svc.visit_report_data(ids["visit"])) == pdf


def test_a_draft_says_so(visit):
    w, ids = visit
    other = ids["other"]
    w.at(D(2026, 3, 12))
    w.svc.mark_conducted(other, D(2026, 3, 12))
    d = w.svc.visit_report_data(other)
    assert (d.status_line, d.draft, d.score_tables, d.home_score) == ("Rapportudkast", True, (), None)
    assert d.footer.endswith("· UDKAST") and d.consultation == ()
    text, _ = pdf_text(render_visit_report(d))
    assert "Der er endnu ikke gennemført interview." in text
    assert "Rapporten har ikke været i høring endnu." in text


# -- the appendix "Sådan efterprøves stikprøven" (issue 13, point 5) -----------------------------------------

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def appendix_text(pdf: bytes, *args: str) -> str:
    text = pdftotext(pdf, *args)
    assert APPENDIX_TITLE in text
    return text[text.index(APPENDIX_TITLE):]


def test_the_report_data_carries_the_sample_appendix(visit):
    w, ids = visit
    d = w.svc.visit_report_data(ids["visit"])
    assert d.sample_appendix == w.svc.sample_appendix(ids["visit"])
    a = d.sample_appendix
    assert [(x.kind_label, x.seed, x.superseded) for x in a.draws] == [
        ("Beboere", "2011", False), ("Pårørende (magtanvendelse inden for 1 år)", "2011", False)]
    assert len(a.draws[0].frame) == 8 and a.script.startswith("import hashlib")


def test_the_appendix_prints_ids_seed_frame_rule_formula_and_script(visit):
    w, ids = visit
    a = w.svc.sample_appendix(ids["visit"])
    text = appendix_text(w.svc.visit_report_pdf(ids["visit"]))
    flat = " ".join(text.split())
    assert a.programme_id in flat and " ".join(a.id_form.split()) in flat
    for d in a.draws:
        assert f"Frø {d.seed}" in flat
        assert " ".join(d.rule_text.split()) in flat
        assert d.formula in flat, d.formula
        assert d.hashed_text in flat
        for rid in d.frame:
            assert rid in flat
        for rid, why in d.excluded:
            assert rid in flat and why in flat
        for rank, rid, status in d.members:
            assert f"{rank} {rid} {status}" in flat
    assert "Rammen (8 beboere)" in flat and "Rammen (1 beboer)" in flat
    for line in a.script.splitlines():
        assert line.strip() in text


def test_the_script_in_the_pdf_recomputes_the_sample_from_the_pdf_text_alone(visit, tmp_path):
    """Only what pdftotext reads from the appendix: the script, the programme id, and per draw the
    seed, the sample in order and the frame, put in the JSON shape the script reads."""
    w, ids = visit
    text = appendix_text(w.svc.visit_report_pdf(ids["visit"]), "-layout")
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith("import hashlib"))
    end = next(i for i, ln in enumerate(lines) if ln.strip().startswith("print(home"))
    script = textwrap.dedent("\n".join(lines[start:end + 1]))
    programme_id = UUID.search(text[text.index("Program-id"):]).group(0)
    home = {"care_home": "Bakkegården"}
    blocks = re.split(r"\n\s*(Beboere|Pårørende)[^\n]*· gældende trækning", text[:text.index("Script, der")])
    for label, block in zip(blocks[1::2], blocks[2::2]):
        seed = re.search(r"Frø\s+(\S+)", block).group(1)
        members = block[block.index("Stikprøven i rækkefølge"):block.index("Rammen (")]
        frame = block[block.index("Rammen ("):].split("Udeladt før trækningen")[0]
        home["residents" if label == "Beboere" else "relatives"] = {
            "seed": seed, "frame": UUID.findall(frame), "members": [{"resident_id": r} for r in UUID.findall(members)]}
    assert set(home) == {"care_home", "residents", "relatives"} and len(home["residents"]["frame"]) == 8
    data = tmp_path / "stikproeve.json"
    data.write_text(json.dumps({"programme_id": programme_id, "care_homes": [home]}), encoding="utf-8")
    (tmp_path / "recompute_sample.py").write_text(script, encoding="utf-8")
    out = subprocess.run([sys.executable, str(tmp_path / "recompute_sample.py"), str(data)],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["Bakkegården residents stemmer", "Bakkegården relatives stemmer"]
    # The check can fail: a frame read wrongly does not recompute.
    home["residents"]["members"].reverse()
    data.write_text(json.dumps({"programme_id": programme_id, "care_homes": [home]}), encoding="utf-8")
    out = subprocess.run([sys.executable, str(tmp_path / "recompute_sample.py"), str(data)],
                         capture_output=True, text=True, check=True).stdout
    assert "Bakkegården residents STEMMER IKKE" in out


def test_a_frame_of_hundreds_of_ids_splits_over_pages_with_every_id_whole(visit):
    w, ids = visit
    d = w.svc.visit_report_data(ids["visit"])
    a = d.sample_appendix
    frame = tuple(f"{i:08x}-0000-4000-8000-000000000000" for i in range(400))  # the widest digits
    big = dataclasses.replace(d, sample_appendix=dataclasses.replace(
        a, draws=(dataclasses.replace(a.draws[0], frame=frame), *a.draws[1:])))
    pdf = render_visit_report(big)
    pages = pdftotext(pdf).split("\f")
    text = appendix_text(pdf)
    assert set(frame) <= set(UUID.findall(text))  # each id on one line, none cut
    assert "Rammen (400 beboere)" in text
    on = [i for i, p in enumerate(pages) if frame[0] in p or frame[-1] in p]
    assert on[-1] - on[0] >= 2  # over more than two pages, the header repeated
    assert sum(p.count("Beboer-id") for p in pages) > 4


def test_a_visit_without_draws_has_no_appendix(visit):
    w, ids = visit
    other = ids["other"]
    d = w.svc.visit_report_data(other)
    if d.sample_appendix is not None:
        assert d.sample_appendix.draws == ()
    assert APPENDIX_TITLE not in pdftotext(render_visit_report(d))
