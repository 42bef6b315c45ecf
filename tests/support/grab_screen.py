"""Save a screenshot of a whole X display (run with DISPLAY and QT_QPA_PLATFORM=xcb).

Used by the real-window test: it captures what a person would see, from outside the app.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication


def main(path: str) -> int:
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    pixmap = screen.grabWindow(0)
    return 0 if pixmap.save(path, "PNG") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
