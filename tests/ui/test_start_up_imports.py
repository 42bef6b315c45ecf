"""What start-up imports: before the window shows, nothing the first screen does not
need; with the work areas built, no device or keyring library until a screen uses it.
Each import list is taken in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.fixtures import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("sqlalchemy", "alembic", "keyring", "sounddevice", "cv2", "numpy", "PySide6.QtCharts")


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_window_needs_no_database_device_or_keyring_library() -> None:
    loaded = _loaded_after("import app.__main__, app.cli, app.ui.app")
    assert not [m for m in HEAVY if m in loaded]


def test_today_s_glance_needs_no_database_layer() -> None:
    loaded = _loaded_after(
        "from app.config import AppConfig\n"
        "from app.services.glance import glance\n"
        "assert glance(AppConfig(db_url='sqlite:////nonexistent/regie.sqlite3'), None, 3) is None\n"
        "import app.ui.glance\n"
    )
    assert not [m for m in HEAVY if m in loaded]
    assert "app.services.root" not in loaded


def test_work_areas_load_device_libraries_only_when_used() -> None:
    loaded = _loaded_after(
        "import importlib\n"
        "from app.ui.areas import AREA_MODULES\n"
        "import app.services.root\n"
        "for name in AREA_MODULES:\n"
        "    importlib.import_module(name)\n"
    )
    assert "sqlalchemy" in loaded  # the database layer, which the areas do need
    assert not [m for m in ("cv2", "numpy", "sounddevice", "keyring") if m in loaded]
    used = _loaded_after(
        "from app.devices.video_analysis import face_cascade_path\n"
        "assert face_cascade_path().is_file()\n"
    )
    assert "cv2" in used
    heard = _loaded_after(
        "import app.devices.audio_levels as levels\n"
        "assert levels.rms_dbfs(levels.np.zeros(480, levels.np.float32)) < -90\n"
    )
    assert "numpy" in heard


# The window as `regie --db FILE` starts it; once today's sessions are on screen and the
# desk's keyring check has answered, left idle a moment, then what it imported is listed.
IDLE_PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from app.ui import desk

def report():
    print(json.dumps(sorted(sys.modules)), flush=True)
    QCoreApplication.quit()

def idle(_health):
    QTimer.singleShot(300, report)

first_rows = desk.Desk._first_rows

def on_first_rows(self, count):
    self.vault_checked.connect(idle)
    first_rows(self, count)

desk.Desk._first_rows = on_first_rows
from app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_idle_window_keeps_keyring_device_and_chart_libraries_out(tmp_path: Path) -> None:
    """With the demo network on screen and the keyring checked, the window process holds
    no keyring, camera or chart library: they load when a screen first uses them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "REGIE_DATA_DIR": str(tmp_path), "REGIE_CONFIG_DIR": str(tmp_path)}
    db = str(tmp_path / "demo.sqlite3")
    now = ["--now", FIXED_NOW.isoformat()]
    subprocess.run([sys.executable, "-m", "app", "--db", db, *now, "demo"], env=env,
                   check=True, capture_output=True, timeout=120)
    done = subprocess.run(
        [sys.executable, "-c", IDLE_PROBE, "--db", db, *now, "--no-err-windows"],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "sqlalchemy" in loaded  # the sessions did come from the database
    heavy = ("keyring", "secretstorage", "cryptography", "jeepney", "cv2", "numpy",
             "PySide6.QtCharts")
    assert not [m for m in heavy if m in loaded]


# The window as `regie --smoke` starts it: when today's sessions are first on screen (the
# window idle), is Qt's namespace loaded? Its enums take 25 ms to make, more than the
# query behind the glance; the first screen does without them.
FIRST_SCREEN_PROBE = """
import sys
import PySide6.QtCore as core
from app.ui import app as gui

shown = gui.Desk.__init__

def init(self, *args, **kwargs):
    shown(self, *args, **kwargs)
    def report():
        print("glance" if self.glance is not None else "no glance", "Qt" in core.__dict__,
              flush=True)
    from PySide6.QtCore import QTimer as Timer
    Timer.singleShot(0, report)

gui.Desk.__init__ = init
from app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_screen_shows_today_without_loading_qt_s_namespace(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    now = ["--now", FIXED_NOW.strftime("%Y-%m-%dT%H:%M")]
    subprocess.run([sys.executable, "-m", "app", "--db", db, *now, "demo"], env=env,
                   check=True, capture_output=True, timeout=120)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_PROBE, "--db", db, *now, "--smoke"],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )
    assert done.stdout.splitlines()[0] == "glance False", done.stdout + done.stderr
