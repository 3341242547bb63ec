"""The annual evaluation: every home's results, the years compared, the staff evaluation of the
monthly form (the 75 % criterion), as exact data and as a PDF with charts."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from integration.supervision_support import CPRS, NAMES, answer, build, full_visit
from tilsyn.reports.annual_evaluation import HomeRow, StaffYearRow, YearRow
from tilsyn.services.app import close_app, open_app

D = dt.date
T = "tilfredsstillende"


def visit_2025(w):
    """Solgården, 6 May 2025: one very satisfied resident; two staff evaluations, criterion not met."""
    w.login("karl")
    w.at(D(2025, 4, 1))
    p = w.svc.create_programme(2025, sample_total=3, sample_min=1, sample_max=3)
    v = w.svc.plan_visit(p.id, w.homes[1], D(2025, 5, 6))
    d = w.svc.draw_sample(v.id, 5, size=1)
    w.at(D(2025, 5, 6))
    i = w.svc.start_interview(v.id, member_id=d.members[0].id)
    w.svc.record_consent(i.id, True)
    answer(w.svc, i.id, [("tilfredshed", item, "meget_tilfreds", "") for item in ("personlige", "praktiske", "traening")]
           + [("forstaaelse", "", "hoej_grad", ""), ("dialog", "", "hoej_grad", "")])
    w.svc.finish_interview(i.id)
    for choice in (T, "delvis"):
        e = w.svc.start_interview(v.id, kind="staff_evaluation")
        w.svc.record_consent(e.id, True)
        answer(w.svc, e.id, [(f"maal-{n}", "", choice, "") for n in range(1, 5)])
    w.svc.mark_conducted(v.id)
    w.svc.set_result(v.id, "tilfredsstillende")
    return v.id


@pytest.fixture
def years(tmp_path):
    opened = open_app(str(tmp_path / "t.sqlite"))
    w = build(opened.context)
    visit_2025(w)
    ids = full_visit(w)
    yield w, ids
    close_app(opened.context)


def test_annual_evaluation_data_exactly(years):
    w, _ = years
    d = w.svc.annual_evaluation_data(2026)
    assert d.title == "Årsevaluering af tilsyn 2026 · Vejle Kommune"
    assert d.facts == (
        ("Tilsynsprogram", "Tilsyn 2026"),
        ("Årets tema for magtanvendelse", "Mindst mulig indgribende, så kortvarigt og så skånsomt som muligt"),
        ("Plejecentre besøgt", "1 af 2"),
        ("Interview", "Beboere: 2 · Pårørende: 1 · Dialogmøde med personalet: 1 · "
                      "Personalets evaluering af månedsskemaet: 4"),
        ("Stikprøveplan", "5 beboere, 2-3 pr. plejecenter"),
    )
    assert d.goal_columns == ("Tilfredshed med hjælpen", "Forståelse for ønsker", "Åben dialog", "Magtanvendelse")
    # Goal scores combine residents and relatives: hjælp (175/3 + 75) / 2 = 66.67, forståelse
    # (66.5 + 100) / 2 = 83.25 (two decimals kept), dialog (67 + 100) / 2 = 83.5.
    assert d.homes == (HomeRow("Bakkegården", "10-03-2026", "Endelig", "2 beboere, 1 pårørende", 77.4,
                               (66.67, 83.25, 83.5, 75.0), "Mindre tilfredsstillende"),)
    assert (d.municipality_score, d.municipality_goal_scores) == (77.4, (66.67, 83.25, 83.5, 75.0))
    assert d.years == (YearRow(2025, 1, 1, 100.0, (100.0, 100.0, 100.0, None)),
                       YearRow(2026, 1, 3, 77.4, (66.67, 83.25, 83.5, 75.0)))
    assert d.home_scores_by_year == (("Bakkegården", (None, 77.4)), ("Solgården", (100.0, None)))
    assert d.staff_by_year == (StaffYearRow(2025, 2, "Nej"), StaffYearRow(2026, 4, "Ja"))
    assert d.staff_evaluation.conclusion == "Succeskriteriet er opfyldt (4 deltagende medarbejdere)."
    assert d.due == ()  # Solgården (2025, satisfactory) is due in May 2027; Bakkegården was just visited


def test_annual_evaluation_of_the_earlier_year(years):
    w, _ = years
    d = w.svc.annual_evaluation_data(2025)
    assert [h.care_home for h in d.homes] == ["Solgården"]
    assert d.homes[0].goal_scores == (100.0, 100.0, 100.0, None)
    assert [y.year for y in d.years] == [2025]
    assert [r[1:] for r in d.staff_evaluation.rows] == [("50 % (1 af 2)", "Nej")] * 4
    assert d.staff_evaluation.conclusion == "Succeskriteriet er ikke opfyldt (2 deltagende medarbejdere)."


def test_annual_pdf(years):
    w, _ = years
    pdf = w.svc.annual_evaluation_pdf(2026)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for label in ("Årsevaluering af tilsyn 2026", "Plejecentrenes resultater", "Kommunen (gennemsnit)",
                  "Udvikling over årene", "Samlet score pr. plejecenter (0-100)",
                  "Kommunens score pr. kvalitetsmål og år (0-100)", "Samlet score pr. plejecenter og år",
                  "Personalets evaluering af månedsskemaet", "Succeskriteriet er opfyldt",
                  "Plejecentre, der skal have tilsyn", "Bakkegården", "77,40", "83,25",
                  f"Side 1 af {len(reader.pages)}"):
        assert label in text, label
    for name in NAMES:
        assert name not in text
    for cpr in CPRS:
        assert cpr.replace("-", "") not in text


def test_no_programme_is_a_danish_refusal(years):
    from tilsyn.domain.errors import DomainError
    from tilsyn.messages import text_for

    w, _ = years
    with pytest.raises(DomainError) as exc:
        w.svc.annual_evaluation_data(2019)
    assert text_for(exc.value) == "Der er intet tilsynsprogram for 2019."


def test_chart_labels_keep_two_decimals_like_the_tables():
    """Issue 13.6: scores keep their decimals; a bar's label says 66,67, not 66,7."""
    from tilsyn.reports.charts import _label

    assert _label(66.6666) == "66,67" and _label(75) == "75,00" and _label(None) == "–"
