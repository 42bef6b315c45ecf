"""Verdicts, banners, error texts and the focus frame meet WCAG 2.2 AA: 4.5:1 between
each text colour and the background it is drawn on."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.checks import Verdict
from app.ui import colours
from app.ui.colours import contrast
from app.ui.widgets import VerdictBadge

AA = 4.5


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#ffffff") < AA < contrast("#767676", "#ffffff")


def test_every_text_pair_reads_at_aa() -> None:
    weak = {
        name: round(contrast(*pair), 2)
        for name, pair in colours.PAIRS.items()
        if contrast(*pair) < AA
    }
    assert not weak, weak


def test_text_on_the_window_reads_at_aa(qapp: QApplication) -> None:
    palette = qapp.palette()
    grounds = {
        role.name: palette.color(QPalette.ColorGroup.Active, role).name()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                     QPalette.ColorRole.AlternateBase)
    }
    weak = [
        f"{name} {fg} on {role} {bg}: {contrast(fg, bg):.2f}"
        for name, fg in colours.ON_WINDOW.items()
        for role, bg in grounds.items()
        if contrast(fg, bg) < AA
    ]
    assert not weak, weak


def test_badges_are_drawn_in_those_colours(qtbot: QtBot) -> None:
    for verdict, pair in ((Verdict.PASS, colours.PASS), (Verdict.WARN, colours.WARN),
                          (Verdict.FAIL, colours.FAIL)):
        badge = VerdictBadge(verdict)
        qtbot.addWidget(badge)
        badge.resize(120, 30)
        image = badge.grab().toImage()
        assert QColor(image.pixel(60, 3)).name() == pair.bg
        assert f"color: {pair.fg}" in badge.styleSheet()
