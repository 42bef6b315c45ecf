"""The Qt binding itself, where Régie depends on it not to crash.

PySide6 6.12.0 drops a reference to Python's `True` at every `Signal.emit()`; on Python
3.11 (whose `True` is an ordinary object) the process aborts once that count reaches
zero: after a few hundred signals in the desk, i.e. seconds of camera preview. The
dependency excludes that release; this test keeps any other with the same fault out.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

EMITS = 2000  # well past the few hundred references a fresh interpreter holds


class _Source(QObject):
    value = Signal(object)
    bare = Signal()


def test_emitting_signals_keeps_python_booleans_alive(qtbot: QtBot) -> None:
    source = _Source()
    received: list[object] = []
    source.value.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(EMITS):
        source.value.emit(i)
        source.bare.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == EMITS
    assert after[0] >= before[0] - 10 and after[1] >= before[1] - 10, (before, after)


def test_a_fresh_process_survives_many_signals() -> None:
    """The abort itself, in a process of its own (it would take the test run down)."""
    code = textwrap.dedent(
        f"""
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class Source(QObject):
            value = Signal(int)

        app = QCoreApplication([])
        source = Source()
        got = []
        source.value.connect(got.append)
        for i in range({EMITS}):
            source.value.emit(i)
        print(len(got))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(EMITS)
