"""Idle memory: Régie's resident set with the demo network on screen, left idle, against
a bare PySide6 window process (target ≤ 120 MB).

Run: `python tests/benchmarks/bench_memory.py [runs]` (offscreen by default). Régie starts
as usual on a database holding the demo network; once its first sessions are on screen
it is left alone for a few seconds (what start-up left behind is collected by then), and
its resident set (VmRSS) is read; the bare window is read the same way.
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

GOAL_MB = 120.0
IDLE_MS = 6000  # longer than the collector's idle delay, so its full pass has run

RSS = """
def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
"""

BARE = RSS + f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
w = QMainWindow()
w.show()
QTimer.singleShot({IDLE_MS}, lambda: (print(f"{{rss_mb():.1f}}"), app.quit()))
app.exec()
"""

# Régie as `regie --db FILE` starts it; once the sessions are on screen, left idle, read.
REGIE = RSS + f"""
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from app.ui import desk

def report():
    print(f"{{rss_mb():.1f}}", flush=True)
    QCoreApplication.quit()

shown = desk.Desk._first_rows

def first_rows(self, count):
    shown(self, count)
    QTimer.singleShot({IDLE_MS}, report)

desk.Desk._first_rows = first_rows
from app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def _mb(cmd: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def measure(runs: int = 3) -> tuple[float, float]:
    """Medians in MB: (Régie idle with the demo network, bare window)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "REGIE_DATA_DIR": tmp, "REGIE_CONFIG_DIR": tmp, "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = str(Path(tmp) / "bench.sqlite3")
        subprocess.run([sys.executable, "-m", "app", "--db", db, "demo"], env=env,
                       check=True, capture_output=True)
        regie, bare = [], []
        for _ in range(runs):
            bare.append(_mb([sys.executable, "-c", BARE], env))
            regie.append(_mb([sys.executable, "-c", REGIE, "--db", db, "--no-err-windows"],
                             env))
    return statistics.median(regie), statistics.median(bare)


def rows(runs: int = 3) -> list[Row]:
    regie, bare = measure(runs)
    return [
        Row(
            figure="idle resident memory, demo network on screen",
            value=regie,
            unit="MB",
            baseline_name="bare PySide6 window process",
            baseline=bare,
            goal=f"≤ {GOAL_MB:.0f} MB",
            met=regie <= GOAL_MB,
        )
    ]


if __name__ == "__main__":
    for row in rows(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(row.line())
