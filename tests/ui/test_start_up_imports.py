"""What start-up imports: before the window shows, nothing the first screen does not
need; with the work areas built, no device or keyring library until a screen uses it.
Each import list is taken in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_work_areas_load_device_libraries_only_when_used() -> None:
    loaded = _loaded_after(
        "import importlib\n"
        "from app.ui.areas import AREA_MODULES\n"
        "import app.services\n"
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
