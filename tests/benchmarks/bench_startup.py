"""Start-up: the whole Régie process, from launch to today's sessions on screen and the
window idle, against a bare PySide6 window process (target ≤ 1.5×), side by side.

Run: `python tests/benchmarks/bench_startup.py [runs]` (offscreen by default). Both are
measured from the moment the OS started the process (interpreter start-up included),
interleaved so that both see the same machine load. The database holds the demo network
on a weekday of its term (`NOW`). Today's sessions come from one light query as the window
opens; the database layer and the services load in a worker behind them, then
Aujourd'hui's cards with each session's readiness (shown for information).
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
NOW = "2026-11-24T10:00"  # a weekday of the demo term: today has sessions to show

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


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, dict[str, float]]:
    """(seconds to the window shown and idle, {what: seconds to it on screen}): `today`
    (today's sessions, the first screen), `readiness` (Aujourd'hui's cards, each
    session's readiness read) and `data` (the Sessions table's first rows)."""
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True)
    shown = float(out.stdout.strip().splitlines()[-1])
    seen: dict[str, float] = {}
    for line in out.stderr.splitlines():
        if line.startswith("regie: ") and " on screen at " in line:
            what, rest = line[len("regie: "):].split(" on screen at ", 1)
            seen[what] = float(rest.split()[0])
    return shown, seen


def measure(runs: int = 7) -> tuple[float, float, float, float]:
    """Medians in seconds: (bare window, Régie window, today's sessions on screen,
    Aujourd'hui's cards with their readiness)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        db = str(Path(tmp) / "bench.sqlite3")
        subprocess.run([sys.executable, "-m", "app", "--db", db, "demo"], env=env,
                       check=True, capture_output=True)
        bare, window, today, cards = [], [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(_run([sys.executable, "-c", BARE], env)[0])
            shown, seen = _run([sys.executable, "-m", "app", "--db", db, "--now", NOW,
                                "--smoke"], env)
            window.append(shown)
            if "today" not in seen or "readiness" not in seen:
                raise RuntimeError("Régie did not report today's sessions on screen")
            today.append(seen["today"])
            cards.append(seen["readiness"])
    return (statistics.median(bare), statistics.median(window), statistics.median(today),
            statistics.median(cards))


def rows(runs: int = 7) -> list[Row]:
    bare, window, data, cards = measure(runs)
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
        Row(
            figure="launch → Aujourd'hui's cards, each session's readiness read (whole process)",
            value=cards,
            unit="s",
            baseline_name="bare PySide6 window process",
            baseline=bare,
            goal="—",
            met=None,
        ),
    ]


if __name__ == "__main__":
    for row in rows(int(sys.argv[1]) if len(sys.argv) > 1 else 7):
        print(row.line())
