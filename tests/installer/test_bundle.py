"""The frozen Linux bundle, built for real with installer/build.py: it passes its own
--self-test and starts the window offscreen with no Python of the machine's involved, it
holds what the spec promises (and not what it excludes), and a bundle with a part
removed fails its self-test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
EXIT_NO_PYINSTALLER = 3  # installer/build.py: PyInstaller could not be installed


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/regie/ built into a temporary folder (about half a minute)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("this test builds and runs the Linux bundle")
    base = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"),
         "--dist", str(base / "dist"), "--work", str(base / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    if done.returncode == EXIT_NO_PYINSTALLER:
        pytest.skip("PyInstaller cannot be installed here: " + done.stderr.strip()[-500:])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"build: .*regie: \d+ MB in \d+ files, built in \d+ s", done.stdout)
    return base / "dist" / "regie"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No display and no Qt platform chosen; a fresh data folder; only the bundle's code."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}
    env["REGIE_DATA_DIR"] = str(tmp_path / "data")
    env["REGIE_CONFIG_DIR"] = str(tmp_path / "config")
    env.update(extra)
    return env


def _self_test(folder: Path, tmp_path: Path) -> tuple[int, dict[str, object], str]:
    done = subprocess.run([str(folder / "regie"), "--self-test"], cwd=tmp_path,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120,
                          check=False)
    return done.returncode, json.loads(done.stdout), done.stderr


def test_bundle_passes_its_self_test_offscreen(bundle, tmp_path):
    code, doc, stderr = _self_test(bundle, tmp_path)
    assert code == 0, json.dumps(doc, indent=2) + stderr
    assert doc["frozen"] is True
    assert Path(str(doc["bundle"])).resolve().is_relative_to(bundle.resolve())
    checks = doc["checks"]
    assert isinstance(checks, dict)
    assert all(c["ok"] for c in checks.values())
    assert checks["qt"]["platform"] == "offscreen"
    assert {"xcb", "wayland", "offscreen"} <= set(checks["qt"]["platform_plugins"])
    # Resources and translations come from inside the bundle, not from this checkout.
    assert Path(checks["resources"]["folder"]).is_relative_to(bundle)
    assert Path(checks["translations"]["qt_translations"]).is_relative_to(bundle)
    assert checks["translations"]["sample"] == {"Sessions": "Séances", "Cancel": "Annuler"}
    assert Path(checks["opencv"]["cascade"]).is_relative_to(bundle)
    assert checks["database"]["revision"] == checks["database"]["head"]
    # A participant report read by a copy of the bundle started for it.
    assert (checks["processes"]["attendees"], checks["processes"]["same"]) == (2, True)
    # The slimmer ICU data and the BLAS forwarder (test_slim_libraries_stand_in) at work.
    assert checks["qt"]["french_sorting"] is True
    assert checks["opencv"]["linear_algebra_error"] < 1e-6


def test_bundle_starts_the_window_offscreen(bundle, tmp_path):
    done = subprocess.run([str(bundle / "regie"), "--smoke"], cwd=tmp_path,
                          env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.split()[0]) > 0  # seconds to an idle window
    assert "data on screen" in done.stderr
    assert "this is a bug" not in done.stderr, done.stderr
    assert not (tmp_path / "data" / "crashes").exists()


def test_bundle_holds_what_the_spec_promises(bundle):
    internal = bundle / "_internal"
    for rel in ("resources/i18n/regie_fr.qm", "resources/icons/regie.svg",
                "resources/thresholds/camera.toml", "app/storage/migrations/env.py",
                "cv2/data/haarcascade_frontalface_default.xml",
                "PySide6/Qt/translations/qtbase_fr.qm"):
        assert (internal / rel).is_file(), rel
    shipped = {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
               if p.is_file()}
    assert shipped <= {p.relative_to(internal / "resources")
                       for p in (internal / "resources").rglob("*")}
    names = [p.name for p in internal.rglob("*")]
    # Qt's catalogues: French and English only.
    assert not [n for n in names if re.fullmatch(r"qtbase_(de|es|ja)\.qm", n)]
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtDesigner", "QtQuick3D",
                   "VirtualKeyboard", "libqgtk3", "libqeglfs", "libqvnc",
                   # Image readers other than SVG and JPEG, Qt's TLS backends.
                   "libqtiff", "libqwebp", "libqgif", "libqopensslbackend",
                   # Linux names cameras from V4L2: no Qt Multimedia backend, nor Qt's
                   # FFmpeg and the QML and Quick libraries it links.
                   "libffmpegmediaplugin", "libQt6Quick", "libQt6Qml", "libavcodec.so.61",
                   "readline.cpython"):
        assert not [n for n in names if unused in n], unused
    # What the app does use stays: Qt Multimedia's library, the SVG and JPEG readers.
    for used in ("libQt6Multimedia.so.6", "libqsvg.so", "libqjpeg.so", "libqsvgicon.so"):
        assert used in names, used
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    # Nor the build environment's tools that ride along with a dependency.
    listing = subprocess.run(
        [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "--recursive",
         "--brief", str(bundle / "regie")],
        capture_output=True, text=True, check=True,
    ).stdout
    modules = {line.strip() for line in listing.splitlines()}
    assert {"app.services", "numpy", "alembic"} <= modules
    for unused_module in ("pygments", "numpy.f2py", "pytest", "readline"):
        assert not [m for m in modules if m == unused_module
                    or m.startswith(unused_module + ".")], unused_module

def _sections(path: Path) -> set[str]:
    """Section names of an ELF file (readelf)."""
    done = subprocess.run(["readelf", "-SW", str(path)], capture_output=True, text=True,
                          check=True)
    return set(re.findall(r"\]\s+(\.\S+)", done.stdout))


def _needed(path: Path) -> list[str]:
    done = subprocess.run(["readelf", "-dW", str(path)], capture_output=True, text=True,
                          check=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", done.stdout)


def test_slim_libraries_stand_in_for_the_wheels_whole_ones(bundle):
    """installer/slim.py ran: ICU's data holds the locales Régie speaks, OpenCV's OpenBLAS
    is a forwarder to NumPy's, and the Fortran runtime only the former needed is gone."""
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    internal = bundle / "_internal"
    (icu,) = [p for p in internal.glob("PySide6/Qt/lib/libicudata.so.*") if not p.is_symlink()]
    assert icu.stat().st_size < 8_000_000
    (openblas,) = internal.glob("opencv_python_headless.libs/libopenblas*")
    assert openblas.stat().st_size < 100_000
    assert [n for n in _needed(openblas) if n.startswith("libscipy_openblas64_")]
    assert not list(internal.glob("opencv_python_headless.libs/libgfortran*"))
    # Nor Python's TLS and OpenSSL hashes, nor the system OpenSSL Qt's TLS backends load.
    names = {p.name for p in internal.rglob("*")}
    assert not [n for n in names if n.startswith(("_ssl.", "_hashlib.", "libssl.so.",
                                                   "libcrypto.so."))]


def test_bundle_libraries_carry_no_debug_information(bundle):
    """Stripped, the wheels' own libraries too (those strip would break keep their
    symbols, and the self-test above loads them all)."""
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    libraries = [p for p in (bundle / "_internal").rglob("*.so*")
                 if p.is_file() and not p.is_symlink()]
    assert any(".libs" in p.parent.name for p in libraries)
    # NumPy's OpenBLAS is the one strip would break (see installer/regie.spec).
    kept: dict[str, list[str]] = {"symtab": [], "debug": []}
    for lib in libraries:
        sections = _sections(lib)
        if ".debug_info" in sections:
            kept["debug"].append(lib.name)
        if ".symtab" in sections and not lib.name.startswith("libscipy_openblas"):
            kept["symtab"].append(lib.name)
    assert kept == {"symtab": [], "debug": []}


def test_a_bundle_missing_parts_fails_its_self_test(bundle, tmp_path):
    broken = tmp_path / "regie"
    # Hard links: a cheap copy whose files can be removed without touching the original.
    shutil.copytree(bundle, broken, symlinks=True, copy_function=os.link)
    (broken / "_internal" / "resources" / "i18n" / "regie_fr.qm").unlink()
    (broken / "_internal" / "cv2" / "data" / "haarcascade_frontalface_default.xml").unlink()
    code, doc, _stderr = _self_test(broken, tmp_path)
    assert code == 1
    assert doc["ok"] is False
    assert doc["failed"] == ["translations", "resources", "opencv"]
    checks = doc["checks"]
    assert isinstance(checks, dict)
    assert checks["resources"]["missing"] == ["i18n/regie_fr.qm"]
    assert "Haar cascade" in checks["opencv"]["problem"]
    assert checks["opencv"]["fix"]
