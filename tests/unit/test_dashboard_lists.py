"""The caseworker's dashboard leaves the running month's plain drafts out of its query (issue 14).

``ForceService.dashboard`` asks ``summary_rows(drafts_from=this month)``, which drops the monthly
forms of this month and later never sent back nor reopened. That is only right if no such form
could be on any of the dashboard's lists; these tests go through every combination of the facts
the rules read and put each form through the same list rule the dashboard uses.
"""

from __future__ import annotations

import datetime as dt
import itertools

from tilsyn.domain.force import Month
from tilsyn.services.force import _dashboard_lists, _ListRules
from tilsyn.services.force_dto import FormSummary

TODAY = dt.date(2026, 11, 23)
CURRENT = Month.of(TODAY)
SENT = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)


def _mask(sections) -> int:
    return sum(1 << s for s in sections)


def _summary(rules: _ListRules, n: int, kind: str, year: int, month: int, signed, episodes: int, returned: bool,
             reopened: bool, pending: int) -> FormSummary:
    status, marks, due = rules.of(_mask(signed), episodes, kind, year, month, None, SENT if returned else None,
                                  SENT if reopened else None, pending)
    return FormSummary(f"f{n}", kind, f"r{n}", "Beboer", "010130-xxxx", "Hjemmet", year, month, status, episodes, due,
                       None, marks, "", "", SENT if reopened else None, 1)


def _every_unsent_form(periods, kinds=("monthly", "acute")):
    rules = _ListRules(5, TODAY)
    signed_sets = [s for k in range(4) for s in itertools.combinations((2, 3, 4), k)]
    out = []
    for n, (kind, (year, month), signed, episodes, returned, reopened, pending) in enumerate(itertools.product(
            kinds, periods, signed_sets, (0, 2), (False, True), (False, True), (0, 1))):
        out.append(((kind, (year, month), returned, reopened),
                    _summary(rules, n, kind, year, month, signed, episodes, returned, reopened, pending)))
    return out


def _listed(summaries) -> set[str]:
    return {s.id for lst in _dashboard_lists(summaries, CURRENT) for s in lst}


def _left_out(kind: str, period: tuple[int, int], returned: bool, reopened: bool) -> bool:
    """What summary_rows(drafts_from=CURRENT) leaves out."""
    return kind == "monthly" and period >= (CURRENT.year, CURRENT.month) and not returned and not reopened


def test_no_form_the_dashboard_query_leaves_out_is_on_any_of_its_lists():
    forms = _every_unsent_form([(2026, 11), (2026, 12), (2027, 1)])
    left_out = [s for key, s in forms if _left_out(*key)]
    assert left_out and not _listed(left_out)
    # The lists of the forms kept are the same with or without the forms left out.
    everything = [s for _, s in forms]
    kept = [s for key, s in forms if not _left_out(*key)]
    assert _dashboard_lists(kept, CURRENT) == _dashboard_lists(everything, CURRENT)


def test_the_forms_kept_can_be_on_the_lists():
    """The check above can fail: sent back, reopened, acute and earlier months' forms are listed."""
    forms = _every_unsent_form([(2026, 10), (2026, 11)])
    listed = _listed([s for _, s in forms])
    kept = {key for key, s in forms if s.id in listed}
    assert {k for k in kept if k[0] == "acute"} and {k for k in kept if k[1] == (2026, 10)}
    assert {k for k in kept if k[1] == (2026, 11) and k[0] == "monthly" and (k[2] or k[3])}
    assert not any(_left_out(*k) for k in kept)
