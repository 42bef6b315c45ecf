"""The real desk, in French, driven for the accessibility test (tests/ui/test_atspi.py)
while a screen reader's view of it is read through AT-SPI in another process.

    python -m tests.support.a11y_desk DB_URL

Commands on stdin, one a line; each answers "ok …" on stdout once done:
    area KEY        show a work area
    dialog NAME     open a dialog as a person does (session, licence, network, attendance)
    close           close the open dialog
    verdict         a camera check result arrives (the overall verdict turns "Problem")
    quit
Run with QT_QPA_PLATFORM=xcb and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on an X display.
"""

from __future__ import annotations

import json
import select
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QRadioButton,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from app.core.checks import Verdict
from app.ui.camera_check import CameraCheckArea
from app.ui.desk import Desk
from app.ui.i18n import install_translators
from app.ui.licences import LicencesArea
from tests.support.fixtures import desk_config

# The AT-SPI role each kind of control must have (Qt's bridge maps them).
ROLES: list[tuple[type[QWidget], str]] = [
    (QCheckBox, "check box"), (QRadioButton, "radio button"), (QAbstractButton, "push button"),
    (QComboBox, "combo box"), (QAbstractSpinBox, "spin button"),
    (QTableView, "table"), (QTreeView, "tree"), (QListView, "list"),
    (QProgressBar, "progress bar"),
]


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def expected(root: QWidget) -> list[list[str]]:
    """[role, name, other names…] of every control shown in `root`, as Qt knows it: the
    accessible name, or the text without its '&'; then the text of a label whose buddy it
    is (what a screen reader says of a labelled field)."""
    buddies: dict[int, list[str]] = {}
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(root):
            buddies.setdefault(id(label.buddy()), []).append(_plain(label.text()))
    out: list[list[str]] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.objectName().startswith("qt_"):
            continue
        if w.parentWidget() is not None and isinstance(
            w.parentWidget(), (QComboBox, QAbstractSpinBox)
        ):
            continue
        if isinstance(w, QLineEdit):
            role = "password text" if w.echoMode() == QLineEdit.EchoMode.Password else "text"
        elif isinstance(w, QAbstractButton) and w.isCheckable() and not isinstance(
            w, QRadioButton
        ):
            role = "check box"  # a toggle: said with its checked state
        else:
            role = next((r for cls, r in ROLES if isinstance(w, cls)), "")
        if not role:
            continue
        text = w.text() if isinstance(w, QAbstractButton) else ""
        out.append([role, w.accessibleName() or _plain(text), *buddies.get(id(w), [])])
    for bar in root.findChildren(QTabBar):
        if bar.isVisibleTo(root):
            out += [["page tab", bar.tabText(i).replace("&", "")] for i in range(bar.count())]
    return out


def main(db_url: str) -> int:
    app = QApplication([sys.argv[0]])
    app.setApplicationName("regie-a11y-test")
    translators = install_translators(app, "fr")
    desk = Desk(desk_config(db_url), offer_demo=False)
    desk.window.show()
    state: dict[str, QDialog | None] = {"dialog": None}

    def say(text: str) -> None:
        print(text, flush=True)

    def open_dialog(name: str) -> None:
        window = desk.window
        before = set(window.findChildren(QDialog))
        sessions = desk.sessions_area()
        window.show_area("sessions")
        sessions.table.selectRow(0)
        if name == "session":
            sessions.new_action.trigger()
        elif name == "licence":
            licences = window.show_area("licences")
            assert isinstance(licences, LicencesArea)
            licences.add_action.trigger()
        elif name == "network":
            desk.network_dialog()
        elif name == "attendance":
            next(a for a in sessions.actions() if a.text() == "&Fréquentation…").trigger()
        for _ in range(200):
            QCoreApplication.processEvents()
            new = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
            if new:
                state["dialog"] = new[0]
                return
        raise RuntimeError(f"the {name} dialog did not open")

    def command(line: str) -> None:
        verb, _, arg = line.strip().partition(" ")
        if verb == "area":
            shown = desk.window.show_area(arg)
            if isinstance(shown, LicencesArea) and shown.vault_badge.verdict is None:
                # The password store is checked when the area is first shown: answer
                # once its verdict is on screen.
                def checked(*_: object) -> None:
                    shown.vault_checked.disconnect(checked)
                    QTimer.singleShot(300, lambda: say(f"ok {line.strip()}"))

                shown.vault_checked.connect(checked)
                return
        elif verb == "dialog":
            open_dialog(arg)
        elif verb == "close":
            dialog = state["dialog"]
            if dialog is not None:
                dialog.reject()
            state["dialog"] = None
        elif verb == "verdict":
            camera = desk.window.area("camera")
            assert isinstance(camera, CameraCheckArea)
            camera.overall.set_verdict(Verdict.FAIL)
        elif verb == "expect":
            dialog = state["dialog"]
            root = dialog if dialog is not None else desk.window
            say("expect " + json.dumps(expected(root), ensure_ascii=False))
            return
        elif verb == "quit":
            desk.window.close()
            desk.close()
            app.quit()
            return
        QTimer.singleShot(300, lambda: say(f"ok {line.strip()}"))  # let the bridge catch up

    def poll() -> None:
        while select.select([sys.stdin], [], [], 0)[0]:
            line = sys.stdin.readline()
            if not line:
                app.quit()
                return
            try:
                command(line)
            except Exception as err:  # told to the test, which fails with it
                say(f"error {line.strip()}: {err!r}")

    desk.data_loaded.connect(lambda *_: say("ok loaded"))
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    desk.open()
    code = app.exec()
    for t in translators:
        app.removeTranslator(t)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
