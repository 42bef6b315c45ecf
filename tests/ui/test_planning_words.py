"""The licences' planning says in words what its bars show: a booking's time and title,
"free" and its time on a gap; the whole text is in the bar's tooltip."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.core.licences import SegmentKind
from app.services import Services, load_demo_network
from app.ui import colours
from app.ui.licences.planning import PlanningChart, segment_text
from tests.support.fixtures import FIXED_NOW


def test_bars_carry_their_words(qtbot: QtBot, services: Services) -> None:
    load_demo_network(services, FIXED_NOW)
    start = datetime.combine(FIXED_NOW.date(), time.min).astimezone()
    end = start + timedelta(days=1)
    rows = services.licences.service.planning(start, end)
    booked = [s for r in rows for s in r.segments if s.kind is SegmentKind.BOOKED]
    assert booked
    first = booked[0].bookings[0]
    text = segment_text(booked[0])
    assert first.title in text
    assert f"{first.start.astimezone():%H:%M}–{first.end.astimezone():%H:%M}" in text
    gap = next(s for r in rows for s in r.segments if s.kind is SegmentKind.FREE)
    assert segment_text(gap).startswith("Free ")

    chart = PlanningChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 40 + 28 * len(rows))
    chart.set_rows(rows, start, end)
    image = chart.grab().toImage()
    bars = [(rect, words) for rect, words in chart._areas() if words == text]
    assert bars, "no bar for the booking"
    rect, _words = bars[0]
    inside = [
        QColor(image.pixel(x, y)).name()
        for x in range(int(rect.left()) + 2, int(rect.right()) - 2)
        for y in range(int(rect.top()) + 4, int(rect.bottom()) - 4)
    ]
    # The bar's colour, and its words drawn over it in the bar's text colour.
    assert inside.count(colours.BOOKED.bg) > len(inside) // 2
    written = sum(1 for c in inside if c != colours.BOOKED.bg)
    assert written > 20, "the booking's bar carries no words"


def test_licences_stay_distinct_when_cut(qtbot: QtBot, services: Services) -> None:
    load_demo_network(services, FIXED_NOW)
    labels = [lic.label for lic in services.references.licences()]
    chart = PlanningChart()
    qtbot.addWidget(chart)
    shown = [chart.shown_label(label) for label in labels]
    assert any(s != label for s, label in zip(shown, labels, strict=True)), "none is cut"
    assert len(set(shown)) == len(set(labels)), shown


def test_the_same_planning_read_again_is_not_redrawn(qtbot: QtBot, services: Services) -> None:
    """Read again after a change elsewhere (a check saved), an unchanged planning keeps
    its tree as it is (nothing rebuilt, nothing collapsed); a changed one is redrawn,
    and so is the planning after a problem was shown in its place."""
    from app.ui.licences.planning import PlanningPanel

    load_demo_network(services, FIXED_NOW)
    panel = PlanningPanel(FIXED_NOW.date())
    qtbot.addWidget(panel)
    start, end = panel.period()
    rows = services.licences.service.planning(start, end)
    panel.show_rows(rows, start, end)
    top = panel.segments.topLevelItem(0)
    assert top is not None
    panel.show_rows(list(rows), start, end)
    assert panel.segments.topLevelItem(0) is top

    panel.show_rows(rows[1:], start, end)
    assert panel.segments.topLevelItemCount() == len(rows) - 1
    panel.show_problem("The server cannot be reached.")
    panel.show_rows(rows[1:], start, end)
    assert panel.segments.topLevelItemCount() == len(rows) - 1
    first = panel.segments.topLevelItem(0)
    assert first is not None and first.text(0) == rows[1].licence.label
