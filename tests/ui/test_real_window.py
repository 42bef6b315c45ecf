"""The real app in a real X server (Xvfb started by the test command), photographed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

DISPLAY = os.environ.get("REGIE_TEST_DISPLAY")
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


def test_main_window_screenshot_in_french(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    base_env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo"], check=True,
                   env=base_env, capture_output=True, timeout=120)
    env = {**base_env, "DISPLAY": DISPLAY or "", "QT_QPA_PLATFORM": "xcb"}
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db), "--lang", "fr", "--no-err-windows"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    shot = tmp_path / "main-window.png"
    try:
        colours = 0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(1.0)
            assert app.poll() is None, (tmp_path / "app.log").read_text()
            subprocess.run([sys.executable, "-m", "tests.support.grab_screen", str(shot)],
                           env=env, check=True, timeout=60)
            colours = _distinct_colours(shot)
            if colours > 40:  # the table is drawn, not just an empty frame
                break
        assert colours > 40, f"the window did not draw ({colours} colours)"
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
    out = os.environ.get("REGIE_SCREENSHOT_OUT")
    if out:
        shutil.copy(shot, out)
