"""The per-resident chart draws each resident afresh (issue 12, point 8): no axes, series or
title left from the resident shown before."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from force_support import CPH, close_world, cheap_hashing, open_world
from tilsyn.ui.views.force_resident_view import ResidentForceView


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_hashing(monkeypatch)
    w = open_world(tmp_path / "t.sqlite")
    yield w
    close_world(w)


def axes(view):
    return [(a.orientation(), tuple(a.categories()) if hasattr(a, "categories") else (a.min(), a.max()))
            for a in view.chart.axes()]


def test_switching_resident_replaces_the_axes(world, qtbot):
    w = world
    for day in (10, 11, 12):
        w.force.register_episode(w.episode(when=dt.datetime(2026, 1, day, 8, 0, tzinfo=CPH), late_reason="Sygdom"))
    w.force.register_episode(w.episode(resident="anna", force_type="125_alarm",
                                       when=dt.datetime(2026, 3, 19, 22, 0, tzinfo=CPH)))
    view = ResidentForceView(w.force, w.services.residents)
    qtbot.addWidget(view)
    view.show()
    view.set_resident(w.ids["jens"])
    assert axes(view) == [(Qt.Orientation.Horizontal, ("jan 26",)), (Qt.Orientation.Vertical, (0.0, 3.0))]
    view.set_resident(w.ids["anna"])
    assert axes(view) == [(Qt.Orientation.Horizontal, ("mar 26",)), (Qt.Orientation.Vertical, (0.0, 1.0))]
    series = view.chart.series()
    assert len(series) == 1 and all(len(s.attachedAxes()) == 2 for s in series)
    assert view.chart.title().endswith("Anna Berg")
    # A resident without force: no axes and no bars are left from Anna.
    view.set_resident(w.ids["bo"])
    assert view.chart.axes() == [] and view.chart.series() == []
    assert view.chart.title().endswith("Bo Ek")
    view.set_resident(w.ids["jens"])
    assert axes(view) == [(Qt.Orientation.Horizontal, ("jan 26",)), (Qt.Orientation.Vertical, (0.0, 3.0))]
    assert len(view.chart.axes()) == 2



def scene_texts(view) -> list[str]:
    """Every text drawn in the chart's scene (axis labels and titles, legend, title)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

    for _ in range(5):  # as on screen: the chart lays out its items in the event loop
        QCoreApplication.processEvents()
    out = []
    for item in view.ui.chart_view.scene().items():
        if isinstance(item, QGraphicsTextItem) and item.isVisible():
            out.append(item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem) and item.isVisible():
            out.append(item.text())
    return sorted(t for t in out if t)


def test_no_labels_of_the_resident_before_are_drawn(world, qtbot):
    w = world
    for day in (10, 11, 12):
        w.force.register_episode(w.episode(when=dt.datetime(2026, 1, day, 8, 0, tzinfo=CPH), late_reason="Sygdom"))
    w.force.register_episode(w.episode(resident="anna", force_type="125_alarm",
                                       when=dt.datetime(2026, 3, 19, 22, 0, tzinfo=CPH)))
    fresh = ResidentForceView(w.force, w.services.residents)
    switched = ResidentForceView(w.force, w.services.residents)
    for view in (fresh, switched):
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
    switched.set_resident(w.ids["jens"])
    assert "jan 26" in scene_texts(switched) and "3" in scene_texts(switched)
    switched.set_resident(w.ids["anna"])
    fresh.set_resident(w.ids["anna"])
    assert scene_texts(switched) == scene_texts(fresh)
    assert "jan 26" not in scene_texts(switched) and scene_texts(switched).count("Antal") == 1
    for view in (fresh, switched):
        view.set_resident(w.ids["bo"])
    assert scene_texts(switched) == scene_texts(fresh) == ["Magtanvendelse pr. måned og type – Bo Ek"]
