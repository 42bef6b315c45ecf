"""The French window shows no English: every area and every dialog of the desk, on the
demo network, is read (labels, buttons, headers, tooltips, menus, window titles,
placeholders, list and table cells) and compared with the catalogue's English sources
and with the English of Qt's own dialogs."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import AppConfig, resources_dir
from app.ui.audio_check import AudioCheckArea
from app.ui.camera_check import CameraCheckArea
from app.ui.checklists import ChecklistsArea
from app.ui.choosers import SessionChoiceDialog
from app.ui.desk import Desk
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.qt_texts import qt_words
from app.ui.session_actions import open_attendance
from tests.camera import videos
from tests.support.desk import SCREEN, demo_row, load_demo
from tests.support.fixtures import desk_config

TS = resources_dir() / "i18n" / "regie_fr.ts"
MIC = Path(__file__).parents[1] / "audio" / "data" / "speech.wav"
QT_WORDS = ["&Look in:", "Files of &type:", "Folder", "Drive", "File", "%1 File", "Unknown",
            "Alias", "Shortcut"]
MIN_LENGTH = 4  # "OK", "Zoom", "PDF"… are the same words in French
# English of Qt's own dialogs (file dialog, message boxes, standard buttons) that the
# window shows; Qt's French catalogue must turn each one into French.
QT_SOURCES: list[tuple[str, str, str | None]] = [
    *((("QFileDialog", t, None)) for t in (
        "&Look in:", "Files of &type:", "File &name:", "Back", "Forward", "Parent Directory",
        "Create New Folder", "List View", "Detail View", "&Open", "&Save", "&Choose",
        "Open", "Save As", "All Files (*)", "Find Directory")),
    *((("QFileSystemModel", t, None)) for t in ("Name", "Size", "Kind", "Date Modified")),
    ("QAbstractFileIconProvider", "Folder", "All other platforms"),
    ("QAbstractFileIconProvider", "Drive", None),
    ("QAbstractFileIconProvider", "Unknown", None),
    *((("QPlatformTheme", t, None)) for t in (
        "Cancel", "Close", "Save", "Discard", "Apply", "Reset", "Help", "Yes to &All",
        "Abort", "Retry", "Ignore", "Restore Defaults", "Save All", "&Yes", "&No", "Open")),
    *((("QMessageBox", t, None)) for t in ("Show Details...", "Hide Details...")),
    *((("QLineEdit", t, None)) for t in (
        "&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All")),
]
# 12.5 where French writes 12,5 (versions such as "Régie 0.9.1" have two dots).
DOT_DECIMAL = re.compile(r"(?<![\w.])[-−]?\d+\.\d+(?![\w.])")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?\d|%L?n|%v|%m")


def _plain(text: str) -> str:
    """What the eye reads: no mnemonic ampersand, no markup."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(?=\S)", "", text).replace("&&", "&").strip()


@dataclass
class English:
    """The English sources of the catalogue (those French words differently) and Qt's."""

    plain: set[str] = field(default_factory=set)
    templates: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def add(self, source: str, translations: list[str]) -> None:
        text = _plain(source)
        if len(text) < MIN_LENGTH or all(_plain(t) == text for t in translations):
            return
        if _PLACEHOLDER.search(text):
            parts = _PLACEHOLDER.split(text)
            if sum(len(p.strip()) for p in parts) < MIN_LENGTH + 4:
                return  # "{name} ({api})": nothing English in it
            pattern = ".+?".join(re.escape(p) for p in parts)
            self.templates.append((re.compile(pattern, re.DOTALL), text))
        else:
            self.plain.add(text)

    def found_in(self, text: str) -> str | None:
        """The English source this visible text is (or holds, for sentences)."""
        for line in [text, *text.splitlines()]:
            line = line.strip()
            if line in self.plain:
                return line
            for pattern, source in self.templates:
                if pattern.fullmatch(line):
                    return source
        for source in self.plain:
            if source.count(" ") >= 3 and source in text:
                return source
        return None


def catalogue_english() -> English:
    """A source counts as English only when no context keeps it as French ("Type" is
    "Type de séance" in one place and "Type" in another)."""
    english = English()
    forms_of: dict[str, list[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        assert tr is not None
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        forms_of.setdefault(source, []).extend(forms)
    for source, forms in forms_of.items():
        if _plain(source) not in {_plain(f) for f in forms}:
            english.add(source, forms)
    return english


def qt_english() -> English:
    """Qt's sources, each checked to be translated by the catalogue Qt loaded."""
    english = English()
    untranslated = []
    for context, source, disambiguation in QT_SOURCES:
        french = QCoreApplication.translate(context, source, disambiguation)
        if french == source and len(_plain(source)) >= MIN_LENGTH:
            untranslated.append(f"{context}: {source}")
        english.add(source, [french])
    assert not untranslated, f"Qt's French catalogue is not loaded: {untranslated}"
    return english


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount is private in Python
        return 1
    return model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> Iterator[str]:
    for col in range(_columns(model, parent) if depth == 0 else 0):
        for orientation in (Qt.Orientation.Horizontal,):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(col, orientation, role)
                if isinstance(value, str):
                    yield value
    for row in range(min(model.rowCount(parent), 60)):
        for col in range(_columns(model, parent)):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        if depth < 3 and not isinstance(model, QAbstractListModel):
            yield from _model_texts(model, model.index(row, 0, parent), depth + 1)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.isVisible():
            yield action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield action.toolTip()
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from _menu_texts(sub)


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of `top` that a person sees or hears."""
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(top) and w is not top:
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        yield where, w.windowTitle() if w.isWindow() else ""
        yield where, w.toolTip()
        yield where, w.accessibleName()
        yield where, w.accessibleDescription()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where, w.text()
        elif isinstance(w, QLineEdit):
            yield where, w.placeholderText()
        elif isinstance(w, QTextEdit):
            yield where, w.placeholderText()
            yield where, w.toPlainText()
        elif isinstance(w, QComboBox):
            yield where, w.placeholderText()
            for i in range(w.count()):
                yield where, w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            yield where, w.specialValueText()
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where, w.tabText(i)
                yield where, w.tabToolTip(i)
        elif isinstance(w, QProgressBar):
            yield where, w.text()
        elif isinstance(w, QMenu):
            yield from ((where, t) for t in _menu_texts(w))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            yield from ((where, t) for t in _model_texts(w.model(), QModelIndex()))
        for action in w.actions():
            if action.isVisible() and not isinstance(w, QMenu):
                yield where, action.text()
                yield where, action.toolTip()
    if isinstance(top, MainWindow):
        for action in top.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                yield from (("menu", t) for t in _menu_texts(menu))


class Reader:
    """Reads windows and collects the English it sees."""

    def __init__(self, english: English) -> None:
        self.english = english
        self.numbers = True  # numbers are written the French way too
        self.read: dict[str, int] = {}  # screen → texts read there
        self.texts: set[str] = set()
        self.found: dict[str, str] = {}

    def __call__(self, screen: str, top: QWidget) -> None:
        self.read[screen] = self.read.get(screen, 0)
        for where, text in visible_texts(top):
            text = _plain(text) if text else ""
            if len(text) < MIN_LENGTH:
                continue
            self.read[screen] += 1
            self.texts.add(text)
            if self.numbers and DOT_DECIMAL.search(text):
                self.found.setdefault(f"{screen} / {where}: {text!r}", "a decimal point")
            source = self.english.found_in(text)
            if source is not None:
                self.found.setdefault(f"{screen} / {where}: {text!r}", source)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    assert len(translators) == 2, "Régie's and Qt's French catalogues"
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_catalogue_reader_sees_english() -> None:
    english = catalogue_english()
    assert "Sessions" in english.plain
    assert english.found_in("%n session(s) shown".replace("%n", "3")) is not None
    assert english.found_in("Séances") is None


def test_french_window_shows_no_english(
    qtbot: QtBot, config: AppConfig, french: None, tmp_path: Path
) -> None:
    assert QLocale().language() is QLocale.Language.French
    assert all(w != s for w, s in zip(qt_words(), QT_WORDS, strict=True) if s != "Alias")
    read = Reader(catalogue_english())
    read.english.plain |= qt_english().plain
    load_demo(config)
    scene = tmp_path / "scene.png"
    cv2.imwrite(str(scene), videos.scene(0.5))
    folder = Path(os.environ["REGIE_CONFIG_DIR"]) / "thresholds"  # a short camera check
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "camera.toml").write_text(
        "[check]\nseconds = 1.0\n[stability]\nwindow_seconds = 0.8\n", encoding="utf-8")
    config = desk_config(config.db_url, simulate_camera=scene, simulate_mic=MIC)
    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.resize(*SCREEN)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
        desk.open()
    window = desk.window
    qtbot.waitUntil(lambda: desk.today_area().data is not None, timeout=10_000)

    # Every area, as it first shows.
    for area in window.areas:
        window.show_area(area.key)
        qtbot.wait(200)
        read(f"area {area.key}", window)

    # Aujourd'hui: the preparation page of a demo session.
    row = demo_row(config, "Rencontre avec un illustrateur")  # hybrid, a licence booked
    desk.today_area().prepare(row.id)
    qtbot.wait(300)
    read("today: prepare", window)

    # Caméra: a short check of the simulated camera, the question of its session, figures.
    camera = window.area("camera")
    assert isinstance(camera, CameraCheckArea)
    window.show_area("camera")
    qtbot.waitUntil(camera.start_button.isEnabled, timeout=10_000)
    camera.start_button.click()
    qtbot.waitUntil(lambda: _choice(camera) is not None, timeout=20_000)
    choice = _choice(camera)
    assert choice is not None
    read("camera: which session", choice)
    with qtbot.waitSignal(camera.checkSaved, timeout=10_000):
        choice.choose(None)
        choice.confirm_button.click()
    read("camera: measured", window)
    camera.stop()

    # Son: the noise and voice steps on the simulated microphone, with their figures.
    audio = window.area("audio")
    assert isinstance(audio, AudioCheckArea)
    window.show_area("audio")
    qtbot.waitUntil(lambda: not audio.busy and audio.input_combo.count() > 0, timeout=10_000)
    for step in ("noise", "speech"):
        audio.run_step(step)
        qtbot.waitUntil(lambda: not audio.busy, timeout=30_000)
    assert audio.table.rowCount() >= 5
    read("audio: measured", window)

    # Listes de contrôle: a run of the session, guided.
    checklists = window.area("checklists")
    assert isinstance(checklists, ChecklistsArea)
    window.show_area("checklists")
    checklists.open_for_session(row.id, row)
    qtbot.waitUntil(lambda: checklists.session_combo.currentData() == row.id, timeout=10_000)
    qtbot.waitUntil(checklists.start_button.isEnabled, timeout=10_000)
    checklists.start_button.click()
    qtbot.waitUntil(lambda: checklists.run is not None, timeout=10_000)
    qtbot.wait(300)
    read("checklists: run", window)

    # Séances: the session form, new and existing.
    sessions = desk.sessions_area()
    window.show_area("sessions")
    _modal_or_shown(qtbot, read, "sessions: new", sessions.new_session)
    _modal_or_shown(qtbot, read, "sessions: edit", lambda: sessions.edit_session(row.id))

    # Licences: the licence form.
    licences = window.area("licences")
    window.show_area("licences")
    _modal_or_shown(qtbot, read, "licences: add", licences.add_action.trigger)  # type: ignore[attr-defined]

    # Présences.
    _modal_or_shown(qtbot, read, "attendance",
                    lambda: open_attendance(window, sessions, row.id, row))

    # File menu: network database, backup (Qt's file dialog), the demo question.
    _modal_or_shown(qtbot, read, "network", desk.network_dialog)
    _modal_or_shown(qtbot, read, "backup", desk.backup_dialog)
    dialog = QFileDialog(window, "x", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    _modal_or_shown(qtbot, read, "open file", dialog.open)
    _modal_or_shown(qtbot, read, "demo", lambda: desk.offer_demo(ask=True))

    # Help: the tutorials, the statement, About.
    help_dialog = window.open_help()
    read("help", help_dialog)
    help_dialog.show_statement()
    read("help: accessibility", help_dialog)
    assert "Signaler un problème" in help_dialog.browser.toPlainText()
    help_dialog.close()
    _modal_or_shown(qtbot, read, "about", window._about)

    window.close()
    desk.close()
    # The walk read every screen, in French, the simulated devices by what they are.
    assert all(count > 0 for count in read.read.values()), read.read
    assert {"Séances", "Aide", "Micro simulé (speech.wav)", "Caméra simulée (scene.png)",
            "Voir dans\u00a0:", "Déclaration d'accessibilité"} <= read.texts
    assert not read.found, "\n".join(f"{k}  ← {v!r}" for k, v in sorted(read.found.items()))


def _choice(area: QWidget) -> SessionChoiceDialog | None:
    shown = [d for d in area.findChildren(SessionChoiceDialog) if d.isVisible()]
    return shown[0] if shown else None


def _modal_or_shown(qtbot: QtBot, read: Reader, screen: str, opener: Callable[[], object]) -> None:
    """Open a dialog, blocking or not; read it, then close it."""
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    done: list[bool] = []

    def grab() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if w.isVisible() and w not in before]
        if not shown:
            QTimer.singleShot(50, grab)
            return
        qtbot.wait(100)
        for w in shown:
            read(screen, w)
        for w in shown:
            if isinstance(w, QDialog):
                w.reject()
            else:
                w.close()
        done.append(True)

    QTimer.singleShot(100, grab)
    opener()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    qtbot.waitUntil(lambda: not [w for w in QApplication.topLevelWidgets()
                                 if w.isVisible() and w not in before], timeout=5000)

