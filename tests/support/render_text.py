"""Render words as the app draws them on this display (run with DISPLAY and
QT_QPA_PLATFORM=xcb): one PNG per word, black on white, in the font of a widget class.

Used by the real-window test to find words on a screenshot by template matching: the
same fonts, font engine and display settings draw both.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication


def render(text: str, path: Path, widget_class: str) -> bool:
    """`&` underlines the next letter, as menus show their access keys."""
    font = QApplication.font(widget_class)  # type: ignore[call-overload]  # a class name: str
    flags = Qt.TextFlag.TextShowMnemonic
    box = QFontMetrics(font).boundingRect(QRect(0, 0, 1000, 100), flags, text)
    image = QImage(box.width() + 4, box.height() + 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(box.translated(2, 2), flags, text)
    painter.end()
    return bool(image.save(str(path)))  # PNG, from the suffix


def main(folder: str, widget_class: str, *texts: str) -> int:
    _app = QApplication(sys.argv[:1])
    out = Path(folder)
    ok = all(render(t, out / f"{i}.png", widget_class) for i, t in enumerate(texts))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
