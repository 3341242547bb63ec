"""Exact scores: item, question (mean of sub-items), goal and home (mean of questions), "Ved ikke"
left out, share satisfied; and the 75 % criterion of the staff evaluation."""

from __future__ import annotations

from fractions import Fraction

from tilsyn.domain.supervision.protocols import load_protocol
from tilsyn.domain.supervision.scoring import AnswerFact, mean, rounded, score_sheet, success_criterion

SAT = {"meget_tilfreds": (100, True), "tilfreds": (75, True), "hverken_eller": (50, False),
       "utilfreds": (25, False), "meget_utilfreds": (0, False), "ved_ikke": (None, None)}
EXP = {"hoej_grad": (100, True), "nogen_grad": (67, True), "ringe_grad": (33, False), "slet_ikke": (0, False),
       "ved_ikke": (None, None)}


def a(q, item, code, who, table):
    score, sat = table[code]
    return AnswerFact(q, item, code, score, sat, who)


def resident_answers():
    return [
        a("tilfredshed", "personlige", "meget_tilfreds", "B1", SAT),
        a("tilfredshed", "praktiske", "tilfreds", "B1", SAT),
        a("tilfredshed", "traening", "ved_ikke", "B1", SAT),
        a("forstaaelse", "", "hoej_grad", "B1", EXP),
        a("dialog", "", "nogen_grad", "B1", EXP),
        a("tilfredshed", "personlige", "hverken_eller", "B2", SAT),
        a("tilfredshed", "praktiske", "tilfreds", "B2", SAT),
        a("tilfredshed", "traening", "utilfreds", "B2", SAT),
        a("forstaaelse", "", "ringe_grad", "B2", EXP),
        a("dialog", "", "ved_ikke", "B2", EXP),
    ]


def test_exact_scores_for_two_residents():
    goals = load_protocol("resident-2011").goals
    sheet = score_sheet(goals, resident_answers())
    q = sheet.question("tilfredshed")
    items = {i.item_id: i for i in q.items}
    assert items["personlige"].score == 75  # (100 + 50) / 2
    assert items["praktiske"].score == 75
    assert items["traening"].score == 25  # B1 said "Ved ikke": only B2's 25 counts
    assert items["traening"].tally.no_score == 1
    assert q.score == Fraction(175, 3)  # (75 + 75 + 25) / 3
    assert rounded(q.score) == 58.33
    assert q.tally.share_satisfied == 60  # 3 satisfied of 5 scored answers
    assert sheet.question("forstaaelse").score == Fraction(133, 2)  # (100 + 33) / 2 = 66.5
    assert sheet.question("dialog").score == 67  # "Ved ikke" left out of the mean
    assert sheet.question("dialog").tally == sheet.question("dialog").tally.__class__(2, 1, 1, 1)
    assert sheet.goal("hjaelp").score == Fraction(175, 3)
    # Home (all questions) = (175/3 + 133/2 + 67) / 3
    assert sheet.score == (Fraction(175, 3) + Fraction(133, 2) + 67) / 3
    assert rounded(sheet.score) == 63.94
    assert sheet.tally.share_satisfied == Fraction(500, 8)  # 5 of 8 scored answers: 62.5 %


def test_only_ved_ikke_gives_no_score_and_unknown_slots_are_ignored():
    goals = load_protocol("resident-2011").goals
    sheet = score_sheet(goals, [a("dialog", "", "ved_ikke", "B1", EXP),
                                AnswerFact("no-such-question", "", "x", 100, True, "B1")])
    assert sheet.question("dialog").score is None
    assert sheet.goal("dialog").score is None
    assert sheet.score is None
    assert sheet.question("dialog").tally.share_satisfied is None
    assert sheet.tally.answers == 1


def test_rounding_is_half_up():
    assert rounded(Fraction(333, 4), 1) == 83.3  # 83.25
    assert rounded(Fraction(167, 2), 1) == 83.5
    assert rounded(Fraction(200, 3)) == 66.67  # two decimals by default: 66.67, not 67
    assert rounded(Fraction(8325, 1000) * 10) == 83.25
    assert rounded(Fraction(125, 2), 0) == 63.0  # 62.5 -> 63, not banker's 62
    assert rounded(None) is None
    assert mean([]) is None


def test_goal_score_is_the_mean_of_its_questions_not_of_answers():
    p = load_protocol("relative-phone-2011")
    goals = p.goals_for("mindst-indgribende")
    ass = {"tilfredsstillende": (100, True), "delvis": (50, False), "ikke": (0, False), "ved_ikke": (None, None)}
    answers = [a("princip-2012", "mindst-indgribende", "tilfredsstillende", "P1", ass),
               a("princip-2012", "kortvarigt", "delvis", "P1", ass),
               a("princip-2012", "skaansomt", "ved_ikke", "P1", ass),
               a("princip-2012", "mindst-indgribende", "ikke", "P2", ass)]
    sheet = score_sheet(goals, answers)
    # items: mindst-indgribende (100 + 0) / 2 = 50, kortvarigt 50, skånsomt none -> question 50
    assert sheet.question("princip-2012").score == 50
    assert sheet.goal("magt-princip").score == 50
    assert sheet.goal("magt-princip").tally.share_satisfied == Fraction(100, 3)


def staff(who, m1, m2, m3, m4):
    return [AnswerFact(f"maal-{i}", "", code, None, None, who) for i, code in enumerate((m1, m2, m3, m4), start=1)]


QIDS = ["maal-1", "maal-2", "maal-3", "maal-4"]
T = "tilfredsstillende"


def test_success_when_every_goal_reaches_75_percent_of_all_participants():
    r = success_criterion(QIDS, T, 75, {
        "M1": staff("M1", T, T, T, T), "M2": staff("M2", T, T, T, T),
        "M3": staff("M3", T, T, T, "delvis"), "M4": staff("M4", "ved_ikke", T, T, T)})
    assert [(x.hits, x.participants) for x in r.per_question] == [(3, 4), (4, 4), (4, 4), (3, 4)]
    assert [x.share for x in r.per_question] == [75, 100, 100, 75]
    assert r.met  # exactly 75 % counts
    assert r.all_hit == 2 and r.share_all == 50


def test_ved_ikke_counts_against_and_one_goal_below_fails_the_criterion():
    r = success_criterion(QIDS, T, 75, {
        "M1": staff("M1", T, T, T, T), "M2": staff("M2", "ved_ikke", T, T, T), "M3": staff("M3", T, T, T, T)})
    assert r.per_question[0].share == Fraction(200, 3)  # 66.7 % < 75 %
    assert not r.met
    assert not success_criterion(QIDS, T, 75, {}).met


# -- the 2023 steering survey's model: every option 0-100 points, "Ved ikke" = 0 --------------------


def test_the_2023_model_reproduces_a_hand_calculation():
    """Two residents on resident-2023, computed by hand:

    tilfredshed (satisfaction-2023: 100 / 75 / 50 / 25 / 0, Ved ikke 0)
      personlige: B1 Meget tilfreds 100, B2 Ved ikke 0            -> 50
      praktiske:  B1 Tilfreds 75,        B2 Hverken eller 50      -> 62.5
      traening:   B1 Ved ikke 0,         B2 Utilfreds 25          -> 12.5
      question = (50 + 62.5 + 12.5) / 3 = 41.666... -> 41.67
    forstaaelse (experience-2023: 100 / 66.67 / 33.33 / 0, Ved ikke 0)
      B1 Ja, i nogen grad 66.67, B2 Ved ikke 0                    -> 33.335 -> 33.34 (half up)
    dialog: B1 Ja, i høj grad 100, B2 Kun i ringe grad 33.33       -> 66.665 -> 66.67
    home = (41.666... + 33.335 + 66.665) / 3 = 47.2222... -> 47.22
    share satisfied: 4 satisfied answers (100, 75, 66.67, 100) of 10, "Ved ikke" counted -> 40 %
    The 2011 model on the same answers leaves the three "Ved ikke" out: tilfredshed
    (100 + 62.5 + 25) / 3 = 62.5, forstaaelse 66.67 ... so the rule changes the numbers."""
    p = load_protocol("resident-2023")
    sat, exp = p.question("tilfredshed").scale, p.question("dialog").scale
    assert (sat.id, exp.id) == ("satisfaction-2023", "experience-2023")
    assert [o.score for o in exp.options] == [100, 66.67, 33.33, 0, 0]

    def ans(q, item, code, who, scale):
        o = scale.option(code)
        return AnswerFact(q, item, code, o.score, o.satisfied if o.score is not None else None, who)

    answers = [
        ans("tilfredshed", "personlige", "meget_tilfreds", "B1", sat), ans("tilfredshed", "personlige", "ved_ikke", "B2", sat),
        ans("tilfredshed", "praktiske", "tilfreds", "B1", sat), ans("tilfredshed", "praktiske", "hverken_eller", "B2", sat),
        ans("tilfredshed", "traening", "ved_ikke", "B1", sat), ans("tilfredshed", "traening", "utilfreds", "B2", sat),
        ans("forstaaelse", "", "nogen_grad", "B1", exp), ans("forstaaelse", "", "ved_ikke", "B2", exp),
        ans("dialog", "", "hoej_grad", "B1", exp), ans("dialog", "", "ringe_grad", "B2", exp),
    ]
    sheet = score_sheet(p.goals, answers)
    items = {i.item_id: i.score for i in sheet.question("tilfredshed").items}
    assert items == {"personlige": 50, "praktiske": Fraction(125, 2), "traening": Fraction(25, 2)}
    assert sheet.question("tilfredshed").score == Fraction(125, 3)
    assert rounded(sheet.question("tilfredshed").score) == 41.67
    assert sheet.question("forstaaelse").score == Fraction(6667, 200)  # 33.335 exactly, not a float
    assert rounded(sheet.question("forstaaelse").score) == 33.34
    assert rounded(sheet.question("dialog").score) == 66.67
    assert rounded(sheet.goal("hjaelp").score) == 41.67  # a theme/goal is the mean of its questions
    assert rounded(sheet.score) == 47.22
    assert sheet.tally.no_score == 0 and sheet.tally.scored == 10
    assert rounded(sheet.tally.share_satisfied) == 40.0  # 4 of 10 answers

    # The same answers on the 2011 scales: "Ved ikke" is left out of every mean.
    p11 = load_protocol("resident-2011")
    s11, e11 = p11.question("tilfredshed").scale, p11.question("dialog").scale
    old = [ans(a.question_id, a.item_id, a.option_code, a.respondent,
               s11 if a.question_id == "tilfredshed" else e11) for a in answers]
    sheet11 = score_sheet(p11.goals, old)
    assert sheet11.question("tilfredshed").score == Fraction(125, 2)  # (100 + 62.5 + 25) / 3
    assert sheet11.question("forstaaelse").score == 67
    assert sheet11.tally.no_score == 3
