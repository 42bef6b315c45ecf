"""The verdict badge: colour, symbol and word; restyled only when its verdict changes
(live checks repeat their verdicts several times a second on the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from app.core.checks import Verdict
from app.ui.widgets import VerdictBadge


class StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_style_is_set_again_only_when_the_verdict_changes(qtbot: QtBot) -> None:
    badge = VerdictBadge(Verdict.PASS)
    qtbot.addWidget(badge)
    badge.show()
    changes = StyleChanges()
    badge.installEventFilter(changes)
    for _ in range(10):
        badge.set_verdict(Verdict.PASS)
    assert changes.count == 0
    assert badge.text() == "✔ OK" and badge.accessibleName() == "✔ OK"
    badge.set_verdict(Verdict.FAIL)
    assert changes.count == 1
    assert "#a31515" in badge.styleSheet() and badge.text().startswith("✖")
    badge.set_verdict(Verdict.FAIL)
    badge.set_verdict(None)
    assert changes.count == 2 and badge.styleSheet() == "" and badge.text() == "—"
    badge.set_verdict(None)
    assert changes.count == 2
    badge.set_verdict(Verdict.WARN)
    assert changes.count == 3 and "#8a5300" in badge.styleSheet()
    assert badge.verdict is Verdict.WARN
