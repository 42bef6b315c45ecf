"""`regie --self-test` in the development environment: its pure parts, each check on a
healthy and on a broken installation, and the real command end to end."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import selftest
from app.config import resources_dir

ROOT = Path(__file__).resolve().parents[2]
CHECK_NAMES = ["imports", "qt", "translations", "resources", "database", "processes",
               "keyring", "audio", "opencv"]


def test_offscreen_only_when_linux_has_no_display():
    assert selftest.choose_qt_platform({}, "linux") == "offscreen"
    assert selftest.choose_qt_platform({"DISPLAY": ":0"}, "linux") is None
    assert selftest.choose_qt_platform({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert selftest.choose_qt_platform({"QT_QPA_PLATFORM": "xcb"}, "linux") is None
    assert selftest.choose_qt_platform({}, "win32") is None
    assert selftest.choose_qt_platform({}, "darwin") is None


def test_missing_resources_names_each_missing_part(tmp_path):
    assert selftest.missing_resources(tmp_path) == [
        "icons/regie.svg", "i18n/regie_fr.qm", "thresholds/camera.toml",
        "thresholds/audio.toml", "checklists/*.toml", "tutorials/*.md",
    ]
    assert selftest.missing_resources(resources_dir()) == []


def test_migration_scripts_are_not_imported_as_modules():
    names = ["app.cli", "app.__main__", "app.storage.migrations", "app.storage.migrations.env",
             "app.storage.migrations.versions.0001_foundation", "app.ui.app"]
    assert selftest.app_modules(names) == ["app.cli", "app.storage.migrations", "app.ui.app"]


def test_platform_plugins_are_read_from_file_names(tmp_path):
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    for name in ("libqxcb.so", "libqoffscreen.so", "qwindows.dll", "libqcocoa.dylib",
                 "README.txt"):
        (folder / name).write_bytes(b"")
    assert selftest.platform_plugins([tmp_path / "plugins", tmp_path / "nowhere"]) == [
        "cocoa", "offscreen", "windows", "xcb"]


def test_a_failing_check_fails_alone_with_its_fix():
    def broken() -> dict[str, object]:
        raise selftest.CheckError("Part missing.", "Reinstall it.", where="here")

    def crashing() -> dict[str, object]:
        raise KeyError("cv2")

    checks = selftest.run_all([("good", lambda: {"value": 1}), ("broken", broken),
                               ("crashing", crashing)])
    doc = selftest.report(checks, {"frozen": False})
    assert doc["ok"] is False
    assert doc["failed"] == ["broken", "crashing"]
    assert doc["checks"]["good"]["ok"] is True
    assert doc["checks"]["good"]["value"] == 1
    assert "problem" not in doc["checks"]["good"]
    assert doc["checks"]["broken"] == {
        "ok": False, "seconds": doc["checks"]["broken"]["seconds"], "where": "here",
        "problem": "Part missing.", "fix": "Reinstall it."}
    assert doc["checks"]["crashing"]["problem"] == "KeyError: 'cv2'"
    assert doc["checks"]["crashing"]["fix"] == selftest.REBUILD
    assert selftest.exit_code(checks) == selftest.EXIT_BROKEN
    assert selftest.exit_code(checks[:1]) == selftest.EXIT_OK


def test_main_prints_the_report_and_exits_one_on_failure(monkeypatch):
    def broken() -> dict[str, object]:
        raise selftest.CheckError("Part missing.")

    monkeypatch.setattr(selftest, "CHECKS", (("fine", dict), ("broken", broken)))
    out = io.StringIO()
    assert selftest.main(out) == 1
    doc = json.loads(out.getvalue())
    assert doc["failed"] == ["broken"]
    assert doc["regie"]
    assert doc["frozen"] is False


def test_without_a_console_the_report_goes_to_the_data_folder(monkeypatch):
    # A windowed Windows build has no stdout.
    monkeypatch.setattr(selftest, "CHECKS", (("fine", dict),))
    monkeypatch.setattr(sys, "stdout", None)
    assert selftest.main() == 0
    written = Path(os.environ["REGIE_DATA_DIR"]) / "selftest.json"
    assert json.loads(written.read_text(encoding="utf-8"))["ok"] is True


def test_resources_check_names_what_is_missing(monkeypatch, tmp_path):
    assert selftest.check_resources()["checklists"] >= 1
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "bad.toml").write_text("id = [unclosed", encoding="utf-8")
    monkeypatch.setattr("app.config.resources_dir", lambda: tmp_path)
    with pytest.raises(selftest.CheckError) as failed:
        selftest.check_resources()
    assert "icons/regie.svg" in failed.value.details["missing"]
    assert "checklists/bad.toml" in failed.value.details["broken"]


def test_database_is_created_and_migrated_to_the_newest_schema():
    details = selftest.check_database()
    assert details["revision"] == details["head"]
    assert details["sessions"] == 0


def test_translations_check_loads_french(monkeypatch, tmp_path):
    details = selftest.check_translations()
    assert details["language"] == "fr"
    assert details["sample"] == {"Sessions": "Séances", "Cancel": "Annuler"}
    monkeypatch.setattr("app.config.resources_dir", lambda: tmp_path)
    with pytest.raises(selftest.CheckError, match="French catalogue"):
        selftest.check_translations()


def test_opencv_check_finds_the_face_detector(monkeypatch, tmp_path):
    details = selftest.check_opencv()
    assert details["video_frames"] == 3
    monkeypatch.setattr("app.devices.video_analysis.face_cascade_path",
                        lambda: tmp_path / "gone.xml")
    with pytest.raises(selftest.CheckError, match="Haar cascade"):
        selftest.check_opencv()


def test_keyring_check_fails_only_when_the_backend_is_not_shipped(monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    details = selftest.check_keyring()  # no store here is the machine's state, not a fault
    assert details["usable"] is False
    assert details["advice"]
    monkeypatch.setitem(selftest.KEYRING_BACKENDS, sys.platform,
                        ("NoSuchBackend", ("no_such_module",)))
    with pytest.raises(selftest.CheckError) as failed:
        selftest.check_keyring()
    assert failed.value.details["missing"] == ["no_such_module"]


def test_self_test_command_passes_in_the_dev_environment():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    doc = json.loads(done.stdout)
    assert done.returncode == 0, json.dumps(doc, indent=2) + done.stderr
    assert doc["ok"] is True
    assert doc["frozen"] is False
    assert list(doc["checks"]) == CHECK_NAMES
    checks = doc["checks"]
    assert checks["qt"]["platform"] == "offscreen"  # chosen because there is no display
    assert "xcb" in checks["qt"]["platform_plugins"]
    assert checks["translations"]["sample"]["Sessions"] == "Séances"
    assert checks["database"]["revision"] == checks["database"]["head"]
    assert checks["keyring"]["state"] in ("usable", "locked", "missing", "broken")
    assert checks["opencv"]["cascade"].endswith("haarcascade_frontalface_default.xml")
