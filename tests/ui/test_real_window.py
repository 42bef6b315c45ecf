"""The real app in a real X server (Xvfb started by the test command), photographed.

The language is read off the screenshot: the expected words are drawn on the same display
in the same font (tests/support/render_text.py) and looked for by template matching.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import numpy.typing as npt
import pytest
from PySide6.QtGui import QImage

DISPLAY = os.environ.get("REGIE_TEST_DISPLAY")
Image = npt.NDArray[Any]
pytestmark = [
    pytest.mark.xvfb,
]


def _distinct_colours(path: Path) -> int:
    img = QImage(str(path))
    seen = set()
    for y in range(0, img.height(), 8):
        for x in range(0, img.width(), 8):
            seen.add(img.pixel(x, y))
    return len(seen)


# Work-area names of the sidebar, as resources/i18n/regie_fr.ts translates them, and
# their English sources: long, distinct words (not "Caméra"/"Camera", a look-alike).
FRENCH_AREAS = ("Listes de contrôle", "Rapport d'activité")
ENGLISH_AREAS = ("Checklists", "Activity report")
FRENCH_MENUS = ("&Fichier", "&Affichage")  # with their access keys, underlined
ENGLISH_MENUS = ("&File", "&View")
# Template-match scores, on slightly blurred pictures (menus place glyphs a fraction of a
# pixel apart from a plain drawing): a word drawn there scores 0.96 to 1.0, another 0.8 at
# most.
SEEN, UNSEEN = 0.93, 0.85


def _run_window(tmp_path: Path, lang: str, areas: tuple[str, ...]) -> Path:
    """Start the real app on a demo network under Xvfb, with `--lang`; return the
    screenshot once the window shows its work areas (`areas`, in that language, found on
    the sidebar: the first screen shows today's sessions before them)."""
    db = tmp_path / "demo.sqlite3"
    base_env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo"], check=True,
                   env=base_env, capture_output=True, timeout=120)
    env = {**base_env, "DISPLAY": DISPLAY or "", "QT_QPA_PLATFORM": "xcb"}
    templates = _templates(tmp_path / "sidebar-words", "QListWidget", areas)
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db), "--lang", lang, "--no-err-windows"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    shot = tmp_path / "main-window.png"
    try:
        colours = 0
        shown = False
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(1.0)
            assert app.poll() is None, (tmp_path / "app.log").read_text()
            subprocess.run([sys.executable, "-m", "tests.support.grab_screen", str(shot)],
                           env=env, check=True, timeout=60)
            colours = _distinct_colours(shot)
            scores = _match(shot, templates)
            shown = all(score >= SEEN for score in scores)
            if colours > 40 and shown:  # the areas are drawn, not just a frame
                break
        assert colours > 40, f"the window did not draw ({colours} colours)"
        assert shown, "the work areas never showed on the sidebar"
        img = QImage(str(shot))
        assert (img.width(), img.height()) == (1280, 800)
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        log.close()
    assert app.returncode in (0, -15), (tmp_path / "app.log").read_text()
    return shot


def _picture(path: Path) -> Image:
    grey = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    assert grey is not None, path
    blurred: Image = cv2.GaussianBlur(grey, (0, 0), 0.8)
    return blurred


def _templates(folder: Path, widget_class: str, words: tuple[str, ...]) -> list[Image]:
    """Each word drawn on the same display in the font of `widget_class`."""
    folder.mkdir()
    env = {**os.environ, "DISPLAY": DISPLAY or "", "QT_QPA_PLATFORM": "xcb"}
    subprocess.run([sys.executable, "-m", "tests.support.render_text", str(folder),
                    widget_class, *words], env=env, check=True, timeout=60)
    return [_picture(folder / f"{i}.png") for i in range(len(words))]


def _match(shot: Path, templates: list[Image]) -> list[float]:
    """How well each template is found on the screenshot (1.0: pixel for pixel)."""
    screen = _picture(shot)
    return [float(cv2.matchTemplate(screen, t, cv2.TM_CCOEFF_NORMED).max()) for t in templates]


def _scores(shot: Path, widget_class: str, words: tuple[str, ...]) -> dict[str, float]:
    """How well each word, drawn on the same display in the font of `widget_class`, is
    found on the screenshot (1.0: drawn there pixel for pixel)."""
    templates = _templates(shot.parent / f"words-{widget_class}", widget_class, words)
    return dict(zip(words, _match(shot, templates), strict=True))


def _assert_language(shot: Path, shown: tuple[str, ...], hidden: tuple[str, ...],
                     widget_class: str) -> None:
    scores = _scores(shot, widget_class, shown + hidden)
    assert all(scores[w] >= SEEN for w in shown), scores
    assert all(scores[w] < UNSEEN for w in hidden), scores


def test_main_window_screenshot_in_french(tmp_path: Path) -> None:
    shot = _run_window(tmp_path, "fr", FRENCH_AREAS)
    _assert_language(shot, FRENCH_AREAS, ENGLISH_AREAS, "QListWidget")
    _assert_language(shot, FRENCH_MENUS, ENGLISH_MENUS, "QMenuBar")
    out = os.environ.get("REGIE_SCREENSHOT_OUT")
    if out:
        shutil.copy(shot, out)


def test_main_window_in_english_shows_no_french(tmp_path: Path) -> None:
    """The language check above tells the languages apart: under --lang en it sees the
    English names and none of the French ones."""
    shot = _run_window(tmp_path, "en", ENGLISH_AREAS)
    _assert_language(shot, ENGLISH_AREAS, FRENCH_AREAS, "QListWidget")
    _assert_language(shot, ENGLISH_MENUS, FRENCH_MENUS, "QMenuBar")
