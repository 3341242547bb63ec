"""Each interview keeps the protocol version it used and every answer the score it was given: a
new protocol or scale version, even a scale edited in place, never changes old answers."""

from __future__ import annotations

import shutil

import pytest

from supervision_support import D, build
from tilsyn.domain.supervision import protocols, scales


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    pdir, sdir = tmp_path / "protocols", tmp_path / "scales"
    shutil.copytree(protocols.protocol_dir(), pdir)
    shutil.copytree(scales.scale_dir(), sdir)
    monkeypatch.setattr(protocols, "protocol_dir", lambda: pdir)
    monkeypatch.setattr(scales, "scale_dir", lambda: sdir)
    yield pdir, sdir
    protocols._index.cache_clear()
    scales._index.cache_clear()


def answered_interview(w, year, day):
    w.at(day)
    p = w.svc.create_programme(year, sample_total=3, sample_min=1, sample_max=3)
    v = w.svc.plan_visit(p.id, w.homes[0], day)
    d = w.svc.draw_sample(v.id, 1, size=1)
    i = w.svc.start_interview(v.id, member_id=d.members[0].id)
    w.svc.record_consent(i.id, True)
    w.svc.save_answer(i.id, "tilfredshed", "tilfreds", item_id="personlige")
    return v.id, w.svc.finish_interview(i.id)


def test_a_new_version_is_used_by_new_interviews_only(ctx, dirs):
    pdir, sdir = dirs
    w = build(ctx)
    w.login("karl")
    old_visit, old = answered_interview(w, 2026, D(2026, 3, 10))
    assert (old.protocol_key, old.answers[0].score) == ("resident-2011@1", 75)

    # Version 2 of the scale scores "Tilfreds" 80; version 2 of the protocol uses it.
    sat = (sdir / "satisfaction-2011.toml").read_text(encoding="utf-8")
    (sdir / "satisfaction-2011-v2.toml").write_text(
        sat.replace("version = 1", "version = 2").replace("score = 75", "score = 80"), encoding="utf-8")
    res = (pdir / "resident-2011.toml").read_text(encoding="utf-8")
    (pdir / "resident-2011-v2.toml").write_text(
        res.replace("version = 1", "version = 2", 1).replace("satisfaction-2011 = 1", "satisfaction-2011 = 2"),
        encoding="utf-8")
    protocols._index.cache_clear()
    scales._index.cache_clear()

    new_visit, new = answered_interview(w, 2027, D(2027, 3, 10))
    assert (new.protocol_key, new.answers[0].score) == ("resident-2011@2", 80)
    again = w.svc.interview(old.id)
    assert (again.protocol_key, again.answers[0].score) == ("resident-2011@1", 75)
    assert w.svc.findings(old_visit).groups[0].goals[0].score == 75.0
    assert w.svc.findings(new_visit).groups[0].goals[0].score == 80.0
    assert w.svc.programme_for_year(2026).protocols[1] == "resident-2011@1"


def test_a_scale_edited_in_place_does_not_change_stored_scores(ctx, dirs):
    _, sdir = dirs
    w = build(ctx)
    w.login("karl")
    visit, i = answered_interview(w, 2026, D(2026, 3, 10))
    path = sdir / "satisfaction-2011.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("score = 75", "score = 10"), encoding="utf-8")
    protocols._index.cache_clear()
    scales._index.cache_clear()
    assert w.svc.interview(i.id).answers[0].score == 75
    assert w.svc.findings(visit).home_score == 75.0
