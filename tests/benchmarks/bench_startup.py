"""Start-up: the whole Régie process, from launch to today's sessions on screen and the
window idle, against a bare PySide6 window process (target ≤ 1.5×), side by side.

Run: `python tests/benchmarks/bench_startup.py [runs]` (offscreen by default). Both are
measured from the moment the OS started the process (interpreter start-up included),
interleaved so that both see the same machine load. The database holds the demo network
(257 sessions) and is opened as at every start: in a worker, after the window shows.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.table import Row  # noqa: E402

GOAL = 1.5  # × the bare window process

BARE = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def age():
    with open("/proc/self/stat") as f:
        start = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        up = float(f.read().split()[0])
    return up - start / os.sysconf("SC_CLK_TCK")

app = QApplication(sys.argv[:1])
w = QMainWindow()
w.show()
QTimer.singleShot(0, lambda: (print(f"{age():.3f}"), app.quit()))
app.exec()
"""


def _env(data: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As installed: byte-code cached (a shell with PYTHONDONTWRITEBYTECODE would make Régie
    # compile its modules at every start, which no installation does); the demo load
    # below warms that cache before the first measured run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["REGIE_DATA_DIR"] = data
    env["PYTHONPATH"] = str(ROOT)
    return env


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """(seconds to the window shown and idle, seconds to the first sessions on screen)."""
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True)
    shown = float(out.stdout.strip().splitlines()[-1])
    data = None
    for line in out.stderr.splitlines():
        if "data on screen at" in line:
            data = float(line.rsplit(" ", 2)[-2])
    return shown, data


def measure(runs: int = 7) -> tuple[float, float, float]:
    """Medians in seconds: (bare window, Régie window, Régie sessions on screen)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        db = str(Path(tmp) / "bench.sqlite3")
        subprocess.run([sys.executable, "-m", "app", "--db", db, "demo"], env=env,
                       check=True, capture_output=True)
        bare, window, data = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(_run([sys.executable, "-c", BARE], env)[0])
            shown, loaded = _run([sys.executable, "-m", "app", "--db", db, "--smoke"], env)
            window.append(shown)
            if loaded is None:
                raise RuntimeError("Régie did not report its sessions on screen")
            data.append(loaded)
    return statistics.median(bare), statistics.median(window), statistics.median(data)


def rows(runs: int = 7) -> list[Row]:
    bare, window, data = measure(runs)
    return [
        Row(
            figure="launch → today's sessions on screen and idle (whole process)",
            value=data,
            unit="s",
            baseline_name="bare PySide6 window process",
            baseline=bare,
            goal=f"≤ {GOAL}× bare",
            met=data <= GOAL * bare,
        ),
        Row(
            figure="launch → Régie window shown and idle (database still opening)",
            value=window,
            unit="s",
            baseline_name="bare PySide6 window process",
            baseline=bare,
            goal=f"≤ {GOAL}× bare",
            met=window <= GOAL * bare,
        ),
    ]


if __name__ == "__main__":
    for row in rows(int(sys.argv[1]) if len(sys.argv) > 1 else 7):
        print(row.line())
