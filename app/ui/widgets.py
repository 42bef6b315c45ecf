"""Small widgets shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.core.checks import VERDICT_LABELS, Verdict

_UNSTYLED = object()  # a badge whose style sheet was never set

# Colour is never the only signal: each verdict has a symbol and a word too.
_STYLE = {
    Verdict.PASS: ("✔", "#1b7a2f", "#e3f4e6"),
    Verdict.WARN: ("▲", "#8a5300", "#fff1d6"),
    Verdict.FAIL: ("✖", "#a31515", "#fde4e4"),
}


def verdict_text(verdict: Verdict) -> str:
    """Symbol and word, e.g. '✔ OK' / '▲ À vérifier' / '✖ Problème'."""
    symbol = _STYLE[verdict][0]
    return f"{symbol} {QCoreApplication.translate('labels', VERDICT_LABELS[verdict])}"


class VerdictBadge(QLabel):
    """A verdict shown as colour + symbol + word, readable by screen readers.

    Live checks repeat their verdicts several times a second: the style sheet (costly to
    apply, on the GUI thread) is only set again when the verdict changes.
    """

    def __init__(self, verdict: Verdict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMargin(4)
        self._styled: object = _UNSTYLED
        self.set_verdict(verdict)

    def set_verdict(self, verdict: Verdict | None) -> None:
        self.verdict = verdict
        restyle = self._styled is not verdict
        self._styled = verdict
        if verdict is None:
            self.setText("—")
            if restyle:
                self.setStyleSheet("")
            self.setAccessibleName(QCoreApplication.translate("labels", "No verdict yet"))
            return
        _symbol, fg, bg = _STYLE[verdict]
        text = verdict_text(verdict)
        self.setText(text)
        self.setAccessibleName(text)
        if not restyle:
            return
        self.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
            " border-radius: 4px; font-weight: bold; }"
        )
