"""Scores from answers: item, question, goal and care-home level, and the share satisfied.

The rules (DESIGN.md section 3), exactly:
- an answer's score is the option's score when it was given (a snapshot), or None (options
  without a score, such as "Ved ikke" on the 2011 scales; the 2023 model's "Ved ikke" scores 0
  and counts like any other answer); unanswered slots are not answers at all;
- item score = mean of the scored answers to that item (all respondents);
- question score = mean of its item scores (a question without sub-items has one item); items
  with no scored answer are left out;
- goal score = mean of its question scores; care-home score = mean of all its question scores;
- share satisfied = answers on a "satisfied" option / scored answers (pooled over items).
Means are exact fractions (a score of 66.67 is 6667/100, never a binary float); ``rounded``
gives the two-decimal figure shown in reports and screens (66.67, not 67).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Sequence

from .protocols import Goal


@dataclass(frozen=True)
class AnswerFact:
    """One stored answer, reduced to what scoring needs."""

    question_id: str
    item_id: str
    option_code: str
    score: int | float | Fraction | None
    satisfied: bool | None
    respondent: str = ""


def exact(value: int | float | Fraction) -> Fraction:
    """A score as an exact fraction: a stored 66.67 is 6667/100."""
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def mean(values: Iterable[Fraction | int | float]) -> Fraction | None:
    vals = [exact(v) for v in values]
    return sum(vals, Fraction(0)) / len(vals) if vals else None


def rounded(value: Fraction | None, places: int = 2) -> float | None:
    """Half-up rounding of an exact mean for display (62.125 -> 62.13; 200/3 -> 66.67)."""
    if value is None:
        return None
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return float(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Tally:
    answers: int = 0
    scored: int = 0
    satisfied: int = 0
    no_score: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.answers + other.answers, self.scored + other.scored,
                     self.satisfied + other.satisfied, self.no_score + other.no_score)

    @property
    def share_satisfied(self) -> Fraction | None:
        """Satisfied answers among the scored ones (None when nothing was scored), as 0-100."""
        return Fraction(100 * self.satisfied, self.scored) if self.scored else None


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    score: Fraction | None
    tally: Tally
    options: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuestionScore:
    question_id: str
    score: Fraction | None
    tally: Tally
    items: tuple[ItemScore, ...]


@dataclass(frozen=True)
class GoalScore:
    goal_id: str
    score: Fraction | None
    tally: Tally
    questions: tuple[QuestionScore, ...]


@dataclass(frozen=True)
class ScoreSheet:
    goals: tuple[GoalScore, ...]
    score: Fraction | None
    tally: Tally

    def goal(self, goal_id: str) -> GoalScore | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)

    def question(self, question_id: str) -> QuestionScore | None:
        for g in self.goals:
            for q in g.questions:
                if q.question_id == question_id:
                    return q
        return None


def _tally(answers: Sequence[AnswerFact]) -> Tally:
    scored = [a for a in answers if a.score is not None]
    return Tally(len(answers), len(scored), sum(1 for a in scored if a.satisfied), len(answers) - len(scored))


def score_sheet(goals: Sequence[Goal], answers: Iterable[AnswerFact]) -> ScoreSheet:
    """Score ``answers`` against ``goals`` (questions without a scale and unknown ids are ignored)."""
    by_slot: dict[tuple[str, str], list[AnswerFact]] = {}
    for a in answers:
        if a.option_code:
            by_slot.setdefault((a.question_id, a.item_id), []).append(a)
    goal_scores = []
    all_question_scores: list[Fraction] = []
    total = Tally()
    for goal in goals:
        q_scores = []
        for q in goal.questions:
            if not q.scored:
                continue
            items = []
            for item_id in q.item_ids:
                slot = by_slot.get((q.id, item_id), [])
                counts: dict[str, int] = {}
                for a in slot:
                    counts[a.option_code] = counts.get(a.option_code, 0) + 1
                items.append(ItemScore(item_id, mean(a.score for a in slot if a.score is not None),
                                       _tally(slot), counts))
            q_tally = sum((i.tally for i in items), Tally())
            q_score = mean(i.score for i in items if i.score is not None)
            q_scores.append(QuestionScore(q.id, q_score, q_tally, tuple(items)))
        g_tally = sum((q.tally for q in q_scores), Tally())
        g_score = mean(q.score for q in q_scores if q.score is not None)
        all_question_scores += [q.score for q in q_scores if q.score is not None]
        total = total + g_tally
        goal_scores.append(GoalScore(goal.id, g_score, g_tally, tuple(q_scores)))
    return ScoreSheet(tuple(goal_scores), mean(all_question_scores), total)


# -- the staff evaluation of the monthly form -------------------------------------------------------


@dataclass(frozen=True)
class CriterionResult:
    question_id: str
    participants: int
    hits: int

    @property
    def share(self) -> Fraction | None:
        return Fraction(100 * self.hits, self.participants) if self.participants else None


@dataclass(frozen=True)
class SuccessResult:
    threshold: int
    per_question: tuple[CriterionResult, ...]
    participants: int
    all_hit: int  # respondents who chose the success option on every question

    @property
    def met(self) -> bool:
        """Every question reaches the threshold share among all participants."""
        return self.participants > 0 and all(
            r.share is not None and r.share >= self.threshold for r in self.per_question
        )

    @property
    def share_all(self) -> Fraction | None:
        return Fraction(100 * self.all_hit, self.participants) if self.participants else None


def success_criterion(question_ids: Sequence[str], option: str, threshold: int,
                      answers_by_respondent: dict[str, Sequence[AnswerFact]]) -> SuccessResult:
    """"Min. 75 % af det deltagende personale skal vurdere månedsskemaet som tilfredsstillende ved
    alle 4 mål": per goal, the share of all participants (a "Ved ikke" or a missing answer counts
    against) who chose ``option`` must be at least ``threshold``; the criterion holds when every
    goal reaches it. Also counts the respondents who chose ``option`` on every goal."""
    participants = len(answers_by_respondent)
    chosen = {r: {a.question_id: a.option_code for a in ans if not a.item_id}
              for r, ans in answers_by_respondent.items()}
    per = tuple(
        CriterionResult(qid, participants, sum(1 for c in chosen.values() if c.get(qid) == option))
        for qid in question_ids
    )
    all_hit = sum(1 for c in chosen.values() if all(c.get(q) == option for q in question_ids))
    return SuccessResult(threshold, per, participants, all_hit)
