"""Qt test fixtures: fresh QSettings per test, and no leaks between tests.

Like napari's conftest: after each test no QThread may still run and no top-level widget
may remain open; the application's settings go to a temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread, QThreadPool
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _fresh_qsettings(tmp_path: Path, qapp: QApplication) -> None:
    QCoreApplication.setOrganizationName("RegieTests")
    QCoreApplication.setApplicationName("regie-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(autouse=True)
def _no_leaks(qapp: QApplication) -> Iterator[None]:
    before = set(QApplication.topLevelWidgets())
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000), "a worker is still running"
    QCoreApplication.sendPostedEvents()
    leftovers = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    for w in leftovers:
        w.close()
    assert not leftovers, f"widgets left open: {[type(w).__name__ for w in leftovers]}"
    running = [t for t in qapp.findChildren(QThread) if t.isRunning()]
    assert not running, f"threads still running: {running}"
