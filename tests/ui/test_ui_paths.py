"""Every place a message or a tutorial sends the user to exists in the window.

Places are read off the real window, built offscreen on a demo network in English and
in French: the sidebar's areas, the menus and their actions, what each area holds
(actions, buttons, group boxes, tabs, labelled fields) and what the session actions open
(the session form, attendance). Messages are every source string of the code and its
French translation (the catalogue brought up to date by lupdate, as `installer/i18n.py
check` does); tutorials are resources/tutorials/*.md.

A path is written “A › B › C” (or with →) and ends the clause (punctuation, a bracket or
a quote follows it): A must be an area or a menu, possibly after the words leading to it
(“in Sessions › …”), or, for paths in Zoom, one of its places listed below; each next
part is something shown inside the previous one. Tutorials also name places in words
(“Dans **Séances**”, “cliquez sur **Lancer Zoom**”, “la partie **Licence et réunion**”),
and checklist boxes (“la case « Tester le son »”).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.checklists.content import AUTO_CHECKS
from app.core.models import SessionStatus
from app.services import load_demo_network, open_services
from app.ui.desk import Desk
from app.ui.i18n import install_translators
from app.ui.sessions_area import SessionsArea
from tests.support.fixtures import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]
TUTORIALS = sorted((ROOT / "resources" / "tutorials").glob("*.md"))
CHECKLISTS = sorted((ROOT / "resources" / "checklists").glob("*.toml"))

# Places of other programs a path may start from (never Régie's): Zoom's menus and
# buttons, its web profile page. Normalised as `_norm` does.
OUTSIDE_ROOTS = {
    "profile",  # the Zoom web profile page (Profile › Host key)
    "profil",
    "participants",  # Zoom's participants panel and its menus
    "réactions",
    "sécurité",
    "paramètres",
    "fin",  # Zoom's End button
}
# Names of other programs that tutorials mention in words.
OUTSIDE_NAMES = {
    "zoom", "windows", "fin", "partager l'écran", "partager", "arrêter le partage",
}
# Session actions that open a dialog, by their attribute on the Sessions area or their
# object name; what the dialog shows is part of the action's place.
DIALOG_ACTIONS = ("new_action", "edit_action", "duplicate_action")
ATTENDANCE_TEXTS = ("&Attendance…", "&Fréquentation…")

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ARROW = re.compile(r"[›→]")
# Where a clause ends: brackets, quotes, list and sentence punctuation, blank lines.
_CLAUSE_END = re.compile(r"[()\[\];,]|[.:!?](?=\s|$)|\n\s*\n|(?<=\s)[-*](?=\s)")


def _norm(text: str) -> str:
    """A name as a person reads it: no access-key marker, ellipsis or colon, any case."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = text.replace("’", "'").replace("...", "…")
    text = _SPACES.sub(" ", text).strip(" …:*")
    return text.casefold()


@dataclass
class Place:
    names: set[str]
    inside: list[Place] = field(default_factory=list)

    def walk(self) -> Iterator[Place]:
        for p in self.inside:
            yield p
            yield from p.walk()


def _shown(widget: QWidget) -> list[Place]:
    """The named things a person sees in `widget`: actions, buttons, group boxes, tabs
    and the labels of fields."""
    names: list[str] = []
    for action in widget.actions():
        names.append(action.text())
    for w in widget.findChildren(QWidget):
        if isinstance(w, QToolBar):
            names += [a.text() for a in w.actions()]
        elif isinstance(w, QAbstractButton):
            names.append(w.text())
        elif isinstance(w, QGroupBox):
            names.append(w.title())
        elif isinstance(w, QTabWidget):
            names += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            names.append(w.text())
    return [Place({_norm(n)}) for n in names if _norm(n)]


def _window_places(qtbot: QtBot, desk: Desk) -> list[Place]:
    """The roots (areas, menus) of the window, each with what it holds."""
    window = desk.window
    roots: list[Place] = [Place({_norm("Régie")})]
    for bar_action in window.menuBar().actions():
        menu = bar_action.menu()
        if isinstance(menu, QMenu):
            roots.append(
                Place({_norm(menu.title())}, [Place({_norm(a.text())}) for a in menu.actions()])
            )
    for area in window.areas:
        window.show_area(area.key)
        roots.append(Place({_norm(area.title)}, _shown(area.widget)))
    sessions = desk.sessions_area()
    sessions_title = next(a.title for a in window.areas if a.key == "sessions")
    roots[[r.names for r in roots].index({_norm(sessions_title)})].inside += (
        _session_dialogs(qtbot, sessions)
    )
    return roots


def _session_dialogs(qtbot: QtBot, area: SessionsArea) -> list[Place]:
    """What the session actions open, shown on a planned session of the demo network."""
    window = area.window()
    planned = next(
        area.model.row_at(i) for i in range(area.model.rowCount())
        if area.model.row_at(i).status is SessionStatus.PLANNED
    )
    actions = [getattr(area, name) for name in DIALOG_ACTIONS]
    actions += [a for a in area.actions() if a.text() in ATTENDANCE_TEXTS]
    assert len(actions) == len(DIALOG_ACTIONS) + 1
    places = []
    for action in actions:
        assert area.select_session(planned.id)
        before = set(window.findChildren(QDialog))
        action.trigger()
        dialog = _opened_dialog(qtbot, window, before)
        places.append(Place({_norm(action.text()), _norm(dialog.windowTitle())}, _shown(dialog)))
        dialog.reject()  # hidden at once (and deleted later)
    return places


def _opened_dialog(qtbot: QtBot, window: QWidget, before: set[QDialog]) -> QDialog:
    def found() -> QDialog | None:
        new = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
        return new[0] if new else None

    qtbot.waitUntil(lambda: found() is not None, timeout=10_000)
    dialog = found()
    assert dialog is not None
    return dialog


def _desk_places(qtbot: QtBot, config: AppConfig, lang: str) -> list[Place]:
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, lang)
    desk = Desk(config, offer_demo=False)
    try:
        qtbot.addWidget(desk.window)
        desk.window.show()
        with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
            desk.open()
        return _window_places(qtbot, desk)
    finally:
        desk.window.close()
        desk.close()
        for t in translators:
            app.removeTranslator(t)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str | None]]:
    """(context, English source, French translation or None) of every string the code
    has now: the committed catalogue brought up to date by lupdate in a scratch copy."""
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "installer" / "i18n.py")
    assert spec is not None and spec.loader is not None
    tool: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    fresh = tmp_path_factory.mktemp("ts") / "regie_fr.ts"
    shutil.copy(tool.ts_path("fr"), fresh)
    tool.lupdate(fresh)
    out = []
    for context, source, tr in tool.messages(fresh):
        done = tr.get("type") not in ("unfinished", "vanished", "obsolete")
        out.append((context, source, tool._text(tr) if done and tool._text(tr) else None))
    assert len(out) > 500
    return out


# ------------------------------------------------------------------ reading paths
def _plain(text: str) -> str:
    """Markdown and quotes out, paragraphs on one line (blank lines kept)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images
    text = text.replace("**", "")
    for quote in "«»“”":
        text = text.replace(quote, " ")
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


def paths_in(text: str) -> list[list[str]]:
    """Each “A › B › C” of `text`, as its parts, the first with whatever words lead to
    it in its clause (resolved against real names)."""
    found = []
    for clause in _CLAUSE_END.split(_plain(text)):
        if not _ARROW.search(clause):
            continue
        parts = [p.strip() for p in _ARROW.split(clause)]
        if len(parts) >= 2 and all(parts):
            found.append(parts)
    return found


def _ends_with(text: str, name: str) -> bool:
    return text == name or text.endswith(" " + name)


def _starts_with(text: str, name: str) -> bool:
    return text == name or text.startswith(name + " ")


def resolve(roots: list[Place], parts: list[str]) -> str:
    """'' when the path leads somewhere real, else what is wrong with it."""
    first = _norm(parts[0])
    level = [r for r in roots if any(_ends_with(first, n) for n in r.names)]
    if not level:
        if any(_ends_with(first, n) for n in OUTSIDE_ROOTS):
            return ""
        return f"“{parts[0]}” is no area or menu of the window"
    for i, part in enumerate(parts[1:], start=1):
        text = _norm(part)
        level = [p for r in level for p in r.walk() if text in p.names]
        if not level:
            return f"nothing called “{part}” in {' › '.join(parts[:i])}"
    return ""


def _all_names(roots: list[Place]) -> set[str]:
    names = set()
    for r in roots:
        names |= r.names
        for p in r.walk():
            names |= p.names
    return names


# Words naming a place of the window in the tutorials' prose.
_PROSE = [
    re.compile(r"\b[Dd]ans (?:la zone |la partie |l'écran |l’écran |le menu )?"
               r"\*\*(?P<name>[^*]+)\*\*"),
    re.compile(r"\b(?:[Ll]a zone|[Ll]a partie|[Ll]'écran|[Ll]’écran|[Ll]e menu) "
               r"\*\*(?P<name>[^*]+)\*\*"),
    re.compile(r"\b[Cc]liquez sur \*\*(?P<name>[^*]+)\*\*"),
    re.compile(r"\b[Dd]ans (?P<name>[A-ZÉ][\w'’-]+)"),
]
_BOX = re.compile(r"\b[Ll]a case «\s*(?P<name>[^»]+?)\s*»")


def _checklist_boxes() -> set[str]:
    """The boxes of the shipped checklists (French content) and the French names of the
    automatic checks that tick them."""
    titles = {
        _norm(step["title"])
        for f in CHECKLISTS
        for step in tomllib.loads(f.read_text(encoding="utf-8")).get("steps", [])
    }
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "fr")
    try:
        labels = {_norm(QCoreApplication.translate("labels", t)) for t in AUTO_CHECKS.values()}
    finally:
        for t in translators:
            app.removeTranslator(t)
    return titles | labels


# ------------------------------------------------------------------ the tests
def test_path_reading() -> None:
    """The reader finds the paths the way the messages and tutorials write them."""
    assert paths_in("Enter it in Sessions › Edit › Licence and meeting, so it is ready.") == [
        ["Enter it in Sessions", "Edit", "Licence and meeting"]
    ]
    assert paths_in("Copiez-la (Profil › Clé d'animateur).") == [["Profil", "Clé d'animateur"]]
    assert paths_in("collez-la dans Zoom : « Participants » → « Récupérer le rôle »") == [
        ["Participants", "Récupérer le rôle"]
    ]
    assert paths_in("Dans Zoom, cliquez sur **Fin** → **Mettre fin\nà tout**.") == [
        ["cliquez sur Fin", "Mettre fin à tout"]
    ]
    assert paths_in("&Done, next →") == []
    roots = [Place({"séances"}, [Place({"modifier", "modifier la séance"},
                                        [Place({"licence et réunion"})])])]
    assert resolve(roots, ["dans Séances", "Modifier", "Licence et réunion"]) == ""
    assert resolve(roots, ["dans Séances", "Modifier", "Licence"]) != ""
    assert resolve(roots, ["Séances", "Réunion"]) != ""
    assert resolve(roots, ["Séances", "Licence et réunion"]) == ""  # deeper is inside too
    assert resolve(roots, ["Réunions", "Modifier"]) != ""
    assert resolve(roots, ["Participants", "Muet"]) == ""  # Zoom's own panel


def test_every_place_named_in_messages_and_tutorials_exists(
    qtbot: QtBot, config: AppConfig, catalogue: list[tuple[str, str, str | None]]
) -> None:
    s = open_services(config)
    load_demo_network(s, FIXED_NOW)
    s.close()
    places = {lang: _desk_places(qtbot, config, lang) for lang in ("en", "fr")}
    wrong: list[str] = []
    for context, source, french in catalogue:
        for parts in paths_in(source):
            if problem := resolve(places["en"], parts):
                wrong.append(f"[{context}] {source!r}: {problem}")
        for parts in paths_in(french or ""):
            if problem := resolve(places["fr"], parts):
                wrong.append(f"[{context}] {french!r}: {problem}")
    names = _all_names(places["fr"])
    boxes = _checklist_boxes()
    for tutorial in TUTORIALS:
        markdown = tutorial.read_text(encoding="utf-8")
        for parts in paths_in(markdown):
            if problem := resolve(places["fr"], parts):
                wrong.append(f"{tutorial.name}: {' › '.join(parts)}: {problem}")
        text = re.sub(r"\s+", " ", markdown)
        for pattern in _PROSE:
            for m in pattern.finditer(text):
                name = m.group("name")
                if _ARROW.search(name):
                    continue  # a path: checked part by part above
                if _norm(name) not in names and _norm(name) not in OUTSIDE_NAMES:
                    wrong.append(f"{tutorial.name}: “{m.group(0)}”: no such place")
        for m in _BOX.finditer(text):
            if not any(_starts_with(b, _norm(m.group("name"))) for b in boxes):
                wrong.append(f"{tutorial.name}: “{m.group(0)}”: no such checklist box")
    # A French name the window does not show may be a new string not translated yet:
    # resources/i18n is brought up to date with `python installer/i18n.py fill …`.
    assert not wrong, "\n".join(wrong)
    # The window's own message for a session without a meeting names the form's part.
    sources = {source for _c, source, _f in catalogue}
    assert any("Sessions › Edit › Licence and meeting" in s for s in sources)
