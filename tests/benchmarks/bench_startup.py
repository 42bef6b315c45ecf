"""Start-up: Régie's window shown and idle vs a bare PySide6 window, side by side.

Run: `python tests/benchmarks/bench_startup.py [runs]` (offscreen by default). Prints the
median seconds from process start for both and their ratio (target ≤ 1.5×), plus when the
first sessions are on screen (the database opens in a worker after the window shows).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True)
    shown = float(out.stdout.strip().splitlines()[-1])
    data = None
    for line in out.stderr.splitlines():
        if "data on screen at" in line:
            data = float(line.rsplit(" ", 2)[-2])
    return shown, data


def main(runs: int = 7) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As installed: byte-code cached (a shell with PYTHONDONTWRITEBYTECODE would make Régie
    # compile its modules at every start, which no installation does); the demo load
    # below warms that cache before the first measured run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        env["REGIE_DATA_DIR"] = tmp
        subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo"], env=env,
                       check=True, capture_output=True)
        bare, regie, data = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(run([sys.executable, "-c", BARE], env)[0])
            shown, loaded = run([sys.executable, "-m", "app", "--db", str(db), "--smoke"], env)
            regie.append(shown)
            if loaded is not None:
                data.append(loaded)
    b, r = statistics.median(bare), statistics.median(regie)
    print(f"bare PySide6 window shown and idle : {b:.3f} s (median of {runs})")
    print(f"Régie window shown and idle        : {r:.3f} s")
    print(f"ratio                              : {r / b:.2f}× (target ≤ 1.5×)")
    if data:
        d = statistics.median(data)
        print(f"Régie demo sessions on screen      : {d:.3f} s ({d / b:.2f}× the bare window)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
