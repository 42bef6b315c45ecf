"""Small widgets shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QToolBar, QToolButton, QWidget

from app.core.checks import VERDICT_LABELS, Verdict
from app.ui import colours

_UNSTYLED = object()  # a badge whose style sheet was never set

# Colour is never the only signal: each verdict has a symbol and a word too.
_STYLE = {
    Verdict.PASS: ("✔", *colours.PASS),
    Verdict.WARN: ("▲", *colours.WARN),
    Verdict.FAIL: ("✖", *colours.FAIL),
}


def shortcut_tip(text: str, shortcut: QKeySequence) -> str:
    """A tooltip that says the key too, e.g. 'Add licence (Ctrl+N)': a toolbar button's
    shortcut is otherwise found nowhere on screen."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    return f"{plain} ({keys})" if keys else plain


def action_bar(title: str) -> QToolBar:
    """A named tool bar whose overflow button (shown when the actions do not fit a small
    screen) is named too: a screen reader otherwise announces a nameless button."""
    bar = QToolBar(title)
    bar.setAccessibleName(title)
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is not None:
        words = QCoreApplication.translate("labels", "More actions")
        more.setAccessibleName(words)
        more.setToolTip(words)
    return bar


def verdict_text(verdict: Verdict) -> str:
    """Symbol and word, e.g. '✔ OK' / '▲ À vérifier' / '✖ Problème'."""
    symbol = _STYLE[verdict][0]
    return f"{symbol} {QCoreApplication.translate('labels', VERDICT_LABELS[verdict])}"


class VerdictBadge(QLabel):
    """A verdict shown as colour + symbol + word, readable by screen readers.

    Live checks repeat their verdicts several times a second: the style sheet (costly to
    apply, on the GUI thread) is only set again when the verdict changes. With `announce`,
    a new verdict is also spoken by the screen reader (a polite live announcement,
    prefixed by `subject`), as a check result arrives while the person is elsewhere in
    the window."""

    def __init__(
        self,
        verdict: Verdict | None = None,
        parent: QWidget | None = None,
        *,
        announce: bool = False,
        subject: str = "",
    ) -> None:
        super().__init__(parent)
        self.setMargin(4)
        self.announce = announce
        self.subject = subject
        self.announcement = ""  # the last one sent to assistive technology
        self.verdict: Verdict | None = None
        self._styled: object = _UNSTYLED
        self.set_verdict(verdict)

    def set_verdict(self, verdict: Verdict | None) -> None:
        changed = verdict is not self.verdict
        self.verdict = verdict
        restyle = self._styled is not verdict
        self._styled = verdict
        if verdict is None:
            self.setText("—")
            if restyle:
                self.setStyleSheet("")
            self.setAccessibleName(
                self._about(QCoreApplication.translate("labels", "No verdict yet"))
            )
            return
        _symbol, fg, bg = _STYLE[verdict]
        text = verdict_text(verdict)
        self.setText(text)
        if restyle:
            self.setStyleSheet(
                f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
                " border-radius: 4px; font-weight: bold; }"
            )
        self.setAccessibleName(self._about(text))
        if self.announce and changed:
            self._announce(self._about(text))

    def _about(self, text: str) -> str:
        """'Camera check: ✖ Problem': what the verdict is about, then the verdict."""
        if not self.subject:
            return text
        return QCoreApplication.translate("labels", "{subject}: {verdict}").format(
            subject=self.subject, verdict=text
        )

    def _announce(self, text: str) -> None:
        self.announcement = text
        self.setAccessibleDescription(text)
        event = QAccessibleAnnouncementEvent(self, self.announcement)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)


class FlowLayout(QLayout):
    """Items side by side, wrapping to the next line when the width runs out: a row of
    badges reflows on a small screen instead of being cut at the window's edge."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All the items on one line."""
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._gap * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: everything else wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
