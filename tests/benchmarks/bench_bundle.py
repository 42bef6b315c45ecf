"""The installable bundle: the size of the folder PyInstaller builds (target ≤ 300 MB).

Run: `python tests/benchmarks/bench_bundle.py [BUNDLE_DIR]`. It measures BUNDLE_DIR (the
`regie` folder holding the executable), else `$REGIE_BUNDLE`, else `dist/regie` of this
checkout; with none built, it builds one into a temporary folder with
`installer/build.py` (a few minutes), measures it, and checks that it passes its own
`--self-test`. Sizes count every file once (links as links), as `installer/build.py`
reports them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.table import Row  # noqa: E402

GOAL_MB = 300.0


def folder_mb(path: Path) -> float:
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return total / 1e6


def _self_test(folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        env["REGIE_DATA_DIR"] = env["REGIE_CONFIG_DIR"] = tmp
        done = subprocess.run([str(folder / "regie"), "--self-test"], env=env, cwd=tmp,
                              capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError("the bundle fails its self-test:\n" + done.stdout[-3000:])


def measure(folder: Path | None = None) -> float:
    """MB of `folder`, or of a bundle found or built as the module says."""
    if folder is None and os.environ.get("REGIE_BUNDLE"):
        folder = Path(os.environ["REGIE_BUNDLE"])
    if folder is None and (ROOT / "dist" / "regie" / "regie").is_file():
        folder = ROOT / "dist" / "regie"
    if folder is not None:
        return folder_mb(folder)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"),
                        "--dist", f"{tmp}/dist", "--work", f"{tmp}/build"],
                       cwd=ROOT, check=True, timeout=1800)
        built = Path(tmp) / "dist" / "regie"
        _self_test(built)
        return folder_mb(built)


def rows(folder: Path | None = None) -> list[Row]:
    size = measure(folder)
    return [
        Row(
            figure="installable bundle (PyInstaller folder)",
            value=size,
            unit="MB",
            baseline_name="goal",
            baseline=GOAL_MB,
            goal=f"≤ {GOAL_MB:.0f} MB, same --self-test",
            met=size <= GOAL_MB,
        )
    ]


if __name__ == "__main__":
    for row in rows(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(row.line())
