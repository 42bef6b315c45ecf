"""`regie --self-test`: is this installation complete and able to run here?

Meant for the frozen bundle on a staff machine (and for the build's own test): every
part PyInstaller can forget or the machine can lack is exercised for real — imports,
the Qt platform and its plugins, translations, resources, a database created and
migrated in a temporary folder, the keyring backend, PortAudio and OpenCV with its Haar
cascade. Prints one JSON report; exits 1 when a part is missing, so a broken bundle is
caught before a member of staff meets it.

The report is for technicians and support, hence plain English. Qt and the devices are
imported only inside their checks, so a missing part fails its own check, not the run.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from app import __version__

EXIT_OK = 0
EXIT_BROKEN = 1

REBUILD = "Rebuild the bundle with installer/build.py, or reinstall Régie."

# Files the app cannot work without, relative to resources_dir().
REQUIRED_FILES = (
    "icons/regie.svg",
    "i18n/regie_fr.qm",
    "thresholds/camera.toml",
    "thresholds/audio.toml",
)
# Folders that must hold at least one file matching the pattern.
REQUIRED_GLOBS = (
    ("checklists", "*.toml"),
    ("tutorials", "*.md"),
)

# Third-party modules the app imports (some only lazily, so a bundle may miss them).
THIRD_PARTY = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtCharts",
    "PySide6.QtMultimedia",
    "numpy",
    "cv2",
    "sqlalchemy",
    "sqlalchemy.dialects.sqlite",
    "alembic",
    "alembic.ddl.sqlite",
    "keyring",
    "platformdirs",
)
# Loaded by Alembic from their files, never imported as modules.
NOT_IMPORTABLE = ("app.__main__", "app.storage.migrations.")

# A string of each catalogue that must come out in French.
OUR_SAMPLE = ("MainWindow", "Sessions")
QT_SAMPLE = ("QPlatformTheme", "Cancel")

# The Qt platform plugin a desktop needs, per sys.platform.
NATIVE_QT_PLATFORM = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}
# The keyring backend (entry-point name) and the modules it needs, per sys.platform.
KEYRING_BACKENDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "linux": ("SecretService", ("keyring.backends.SecretService", "secretstorage", "jeepney")),
    "win32": ("Windows", ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred")),
    "darwin": ("macOS", ("keyring.backends.macOS",)),
}


class CheckError(Exception):
    """A part is missing or does not work; `fix` says what to do."""

    def __init__(self, problem: str, fix: str = REBUILD, /, **details: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix
        self.details: dict[str, Any] = details


@dataclass
class Check:
    name: str
    ok: bool
    seconds: float
    details: dict[str, object] = field(default_factory=dict)
    problem: str = ""
    fix: str = ""

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"ok": self.ok, "seconds": round(self.seconds, 3)}
        out.update(self.details)
        if not self.ok:
            out["problem"] = self.problem
            out["fix"] = self.fix
        return out


CheckFn = Callable[[], dict[str, Any]]


def run_check(name: str, fn: CheckFn) -> Check:
    """Run one check; any exception fails it (and only it) with a readable problem."""
    t0 = time.perf_counter()
    try:
        details = fn()
    except CheckError as err:
        return Check(name, False, time.perf_counter() - t0, err.details, err.problem, err.fix)
    except Exception as err:  # a bundle's missing part shows up as any error
        return Check(
            name, False, time.perf_counter() - t0, {}, f"{type(err).__name__}: {err}", REBUILD
        )
    return Check(name, True, time.perf_counter() - t0, details)


# ------------------------------------------------------------------ pure helpers
def choose_qt_platform(env: Mapping[str, str], system: str) -> str | None:
    """'offscreen' when Linux has no display and nothing was chosen; otherwise None
    (Qt's own choice: the desktop's platform, or QT_QPA_PLATFORM)."""
    if env.get("QT_QPA_PLATFORM"):
        return None
    if system.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return "offscreen"
    return None


def missing_resources(root: Path) -> list[str]:
    """Required resources absent under `root`, as relative paths or patterns."""
    missing = [rel for rel in REQUIRED_FILES if not (root / rel).is_file()]
    missing += [f"{d}/{pat}" for d, pat in REQUIRED_GLOBS if not any((root / d).glob(pat))]
    return missing


def app_modules(names: Iterable[str]) -> list[str]:
    """The app's modules that can be imported on their own, sorted."""
    return sorted(
        n
        for n in names
        if not any(n == p or (p.endswith(".") and n.startswith(p)) for p in NOT_IMPORTABLE)
    )


def platform_plugins(folders: Iterable[Path]) -> list[str]:
    """Qt platform plugin names ('xcb', 'offscreen'…) found in Qt's plugin folders."""
    found: set[str] = set()
    for folder in folders:
        for f in (folder / "platforms").glob("*q*"):
            if f.suffix.lower() in (".so", ".dll", ".dylib"):
                stem = f.stem.removeprefix("lib")
                found.add(stem[1:] if stem.startswith("q") else stem)
    return sorted(found)


def report(checks: Sequence[Check], environment: Mapping[str, object]) -> dict[str, Any]:
    """The JSON document: the verdict first, then what was found, check by check."""
    failed = [c.name for c in checks if not c.ok]
    return {
        "ok": not failed,
        "failed": failed,
        "regie": __version__,
        **environment,
        "checks": {c.name: c.as_json() for c in checks},
    }


def exit_code(checks: Sequence[Check]) -> int:
    return EXIT_OK if all(c.ok for c in checks) else EXIT_BROKEN


def environment() -> dict[str, object]:
    frozen = bool(getattr(sys, "frozen", False))
    return {
        "frozen": frozen,
        "executable": sys.executable,
        "bundle": getattr(sys, "_MEIPASS", None) if frozen else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# ------------------------------------------------------------------ checks
def check_imports() -> dict[str, Any]:
    import pkgutil

    import app

    failed: dict[str, str] = {}
    for name in THIRD_PARTY:
        try:
            importlib.import_module(name)
        except Exception as err:
            failed[name] = f"{type(err).__name__}: {err}"
    names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.", onerror=lambda _n: None)]
    modules = app_modules(names)
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as err:
            failed[name] = f"{type(err).__name__}: {err}"
    details: dict[str, object] = {"app_modules": len(modules), "third_party": len(THIRD_PARTY)}
    if failed:
        raise CheckError(f"{len(failed)} module(s) cannot be imported.", failed=failed, **details)
    return details


_qt_app: Any = None  # kept alive for the checks that follow


def check_qt() -> dict[str, Any]:
    global _qt_app
    import PySide6
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.config import resources_dir

    existing = QApplication.instance()
    _qt_app = existing if existing is not None else QApplication([sys.argv[0] or "regie"])
    folders = [Path(p) for p in QCoreApplication.libraryPaths()]
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    plugins = platform_plugins(folders)
    icon = QIcon(str(resources_dir() / "icons" / "regie.svg"))
    details: dict[str, object] = {
        "platform": _qt_app.platformName(),
        "qt": qVersion(),
        "pyside": PySide6.__version__,
        "platform_plugins": plugins,
        "svg_icon": not icon.pixmap(64, 64).isNull(),
    }
    native = NATIVE_QT_PLATFORM.get(sys.platform)
    if native and native not in plugins:
        raise CheckError(
            f"Qt's '{native}' platform plugin is missing: the window cannot open on this "
            "desktop.",
            **details,
        )
    if not details["svg_icon"]:
        raise CheckError(
            "Qt cannot draw SVG images (the svg plugins are missing): icons and tutorial "
            "pictures would be blank.",
            **details,
        )
    details["french_sorting"] = french_sorting()
    if not details["french_sorting"]:
        raise CheckError(
            "Qt cannot sort French text (ICU's collation data is missing): accented names "
            "would sort after Z.",
            **details,
        )
    return details


FRENCH_ORDER = ("eau", "ecole", "École", "Élodie", "été", "œuvre", "zèbre", "Zoé")
FRENCH_SHUFFLED = ("Zoé", "été", "Élodie", "eau", "œuvre", "ecole", "École", "zèbre")


def french_sorting() -> bool:
    """Whether Qt sorts French words in dictionary order, which it does through ICU's
    collation data (the bundle keeps only the locales Régie speaks: see installer/slim.py)."""
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.French, QLocale.Country.France))
    return tuple(sorted(FRENCH_SHUFFLED, key=collator.sortKey)) == FRENCH_ORDER


def check_translations() -> dict[str, Any]:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from app.config import resources_dir

    ours_path = resources_dir() / "i18n" / "regie_fr.qm"
    ours = QTranslator()
    ours_loaded = ours.load(str(ours_path))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()
    qt_loaded = qt.load("qtbase_fr", qt_dir)
    ours_fr = ours.translate(*OUR_SAMPLE) if ours_loaded else ""
    qt_fr = qt.translate(*QT_SAMPLE) if qt_loaded else ""
    details: dict[str, object] = {
        "catalogue": str(ours_path),
        "language": ours.language() if ours_loaded else None,
        "sample": {OUR_SAMPLE[1]: ours_fr, QT_SAMPLE[1]: qt_fr},
        "qt_translations": qt_dir,
    }
    if not (ours_loaded and ours_fr and ours_fr != OUR_SAMPLE[1]):
        raise CheckError(
            f"The French catalogue {ours_path} is missing or does not load.", **details
        )
    if not (qt_loaded and qt_fr and qt_fr != QT_SAMPLE[1]):
        raise CheckError(
            f"Qt's own French translations (qtbase_fr.qm) are missing from {qt_dir}: "
            "standard buttons would stay in English.",
            **details,
        )
    return details


def check_resources() -> dict[str, Any]:
    from app.config import resources_dir
    from app.storage.database import MIGRATIONS

    root = resources_dir()
    missing = missing_resources(root)
    if not (MIGRATIONS / "env.py").is_file() or not any((MIGRATIONS / "versions").glob("*.py")):
        missing.append(str(MIGRATIONS))
    broken: dict[str, str] = {}
    tomls = sorted(root.glob("*/*.toml"))
    for path in tomls:
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            broken[str(path.relative_to(root))] = str(err)
    details: dict[str, object] = {
        "folder": str(root),
        "checklists": len(list((root / "checklists").glob("*.toml"))),
        "tutorials": len(list((root / "tutorials").glob("*.md"))),
        "toml_files": len(tomls),
    }
    if missing or broken:
        raise CheckError(
            "Resources are missing or unreadable.", missing=missing, broken=broken, **details
        )
    return details


def check_database() -> dict[str, Any]:
    import sqlite3

    from app.config import AppConfig
    from app.services import open_services

    with tempfile.TemporaryDirectory(prefix="regie-selftest-") as tmp:
        url = "sqlite:///" + str(Path(tmp) / "selftest.sqlite3")
        services = open_services(AppConfig(db_url=url))
        try:
            services.settings.set("selftest", "ok")
            readback = services.settings.get("selftest")
            sessions = len(services.sessions.list())
            head = services.db.head_revision()
            revision = services.db.current_revision()
        finally:
            services.close()
    details: dict[str, object] = {
        "sqlite": sqlite3.sqlite_version,
        "revision": revision,
        "head": head,
        "sessions": sessions,
    }
    if revision != head or readback != "ok":
        raise CheckError("The new database was not migrated to the newest schema.", **details)
    return details


def check_keyring() -> dict[str, Any]:
    """Reports the backend and whether it is usable here; fails only when the bundle
    lacks the platform's backend (a locked or absent store is the machine's state)."""
    from importlib.metadata import entry_points

    from app.zoom.vault import KeyringVault

    expected = KEYRING_BACKENDS.get(sys.platform)
    registered = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    health = KeyringVault().health()
    details: dict[str, object] = {
        "backend": health.backend,
        "state": health.state.value,
        "usable": health.usable,
        "registered_backends": registered,
    }
    if not health.usable:
        details["advice"] = f"{health.message} {health.fix}".strip()
    if expected is not None:
        name, modules = expected
        missing = [m for m in modules if importlib.util.find_spec(m) is None]
        if name not in registered or missing:
            raise CheckError(
                f"The '{name}' keyring backend is not in the bundle: Zoom secrets could not "
                "be stored.",
                missing=missing,
                **details,
            )
    return details


def check_audio() -> dict[str, Any]:
    from app.devices.audio import audio_capability

    capability = audio_capability()
    if not capability.available:
        err = capability.error
        message = err.message.format(**err.params) if err else "PortAudio is unavailable."
        fix = err.fix.format(**err.params) if err and err.fix else REBUILD
        raise CheckError(message, fix)
    import sounddevice as sd

    apis = [str(api["name"]) for api in sd.query_hostapis()]
    return {
        "sounddevice": sd.__version__,
        "portaudio": sd.get_portaudio_version()[1],
        "host_apis": apis,
        "devices": len(sd.query_devices()),
    }


def check_opencv() -> dict[str, Any]:
    os.environ.setdefault("OPENCV_LOG_LEVEL", "SILENT")
    import cv2
    import numpy as np

    from app.devices.video_analysis import face_cascade_path

    cascade_path = face_cascade_path()
    details: dict[str, object] = {"opencv": cv2.__version__, "cascade": str(cascade_path)}
    if not cascade_path.is_file():
        raise CheckError(
            "OpenCV's face detector (Haar cascade) is missing: the camera check could not "
            "tell whether a face is framed.",
            **details,
        )
    cascade = cv2.CascadeClassifier(str(cascade_path))
    if cascade.empty():
        raise CheckError(f"The Haar cascade {cascade_path} does not load.", **details)
    cascade.detectMultiScale(np.zeros((96, 96), np.uint8))
    gap = linear_algebra_error(cv2, np)
    details["linear_algebra_error"] = gap
    if not gap < 1e-6:
        raise CheckError(
            "OpenCV's matrix routines (BLAS and LAPACK) give wrong results.", **details)
    details["video_frames"] = _video_roundtrip(cv2, np)
    if details["video_frames"] != 3:
        raise CheckError(
            "OpenCV cannot read back a video file it wrote: simulated cameras (video files) "
            "would not work.",
            **details,
        )
    return details


def linear_algebra_error(cv2: Any, np: Any) -> float:
    """The largest relative gap between OpenCV's and NumPy's answers to the same matrix
    problems, sized for OpenCV to hand them to BLAS and LAPACK (its products, LU,
    Cholesky, QR and SVD solvers, determinants, in single and double precision). In the
    Linux bundle those routines are NumPy's, reached through a forwarder
    (installer/slim.py)."""
    rng = np.random.default_rng(7)
    worst = 0.0

    def gap(got: Any, want: Any) -> float:
        want = np.asarray(want, np.float64)
        return float(np.abs(np.asarray(got, np.float64) - want).max()
                     / max(1.0, float(np.abs(want).max())))

    for dtype, scale in ((np.float64, 1.0), (np.float32, 1e-4)):
        n = 40
        a = rng.standard_normal((n, n)) + n * np.eye(n)
        spd = a @ a.T
        b = rng.standard_normal((n, 3))
        tall = rng.standard_normal((60, 10))
        y = rng.standard_normal((60, 1))
        cases = [
            (cv2.solve(a.astype(dtype), b.astype(dtype), flags=cv2.DECOMP_LU)[1],
             np.linalg.solve(a, b)),
            (cv2.solve(spd.astype(dtype), b.astype(dtype), flags=cv2.DECOMP_CHOLESKY)[1],
             np.linalg.solve(spd, b)),
            (cv2.solve(tall.astype(dtype), y.astype(dtype), flags=cv2.DECOMP_QR)[1],
             np.linalg.lstsq(tall, y, rcond=None)[0]),
            (cv2.solve(a.astype(dtype), b.astype(dtype), flags=cv2.DECOMP_SVD)[1],
             np.linalg.solve(a, b)),
        ]
        left, right = rng.standard_normal((300, 200)), rng.standard_normal((200, 250))
        cases.append((cv2.gemm(left.astype(dtype), right.astype(dtype), 1.0, None, 0.0),
                      left @ right))
        # Determinants (OpenCV hands LAPACK those from 100 rows): their signs come from
        # the LU factorisation's row swaps.
        for rows in (100, 120, 140, 160):
            square = rng.standard_normal((rows, rows)) * 2.5 / np.sqrt(rows)
            cases.append((cv2.determinant(square.astype(dtype)), np.linalg.det(square)))
        worst = max(worst, *(gap(got, want) * scale for got, want in cases))
    return worst


def _video_roundtrip(cv2: Any, np: Any) -> int:
    """Write three frames to a temporary video and count those read back."""
    with tempfile.TemporaryDirectory(prefix="regie-selftest-") as tmp:
        path = str(Path(tmp) / "probe.avi")
        writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (64, 48))
        for i in range(3):
            writer.write(np.full((48, 64, 3), 60 * i, np.uint8))
        writer.release()
        capture = cv2.VideoCapture(path)
        count = 0
        while capture.isOpened():
            ok, _frame = capture.read()
            if not ok:
                break
            count += 1
        capture.release()
        return count


SAMPLE_REPORT = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n"
    "Ada,ada@example.fr,11/24/2026 02:00:00 PM,11/24/2026 02:30:00 PM,30\r\n"
    "Ada,ada@example.fr,11/24/2026 02:40:00 PM,11/24/2026 03:00:00 PM,20\r\n"
    "Basile,,11/24/2026 02:05:00 PM,11/24/2026 03:00:00 PM,55\r\n"
)


def check_processes() -> dict[str, Any]:
    """A participant report read in a child process, as the window reads large ones:
    a bundle must start a copy of itself for it (PyInstaller's multiprocessing hook)."""
    from app.zoom.participants import read_participants
    from app.zoom.participants_apart import read_participants_apart

    data = SAMPLE_REPORT.encode()
    apart = read_participants_apart(data, apart_from=0)
    details: dict[str, object] = {
        "attendees": len(apart.attendees),
        "same": apart == read_participants(data),
    }
    if not details["same"] or len(apart.attendees) != 2:
        raise CheckError("A report read in a child process differs from one read here.",
                         **details)
    return details


CHECKS: tuple[tuple[str, CheckFn], ...] = (
    ("imports", check_imports),
    ("qt", check_qt),
    ("translations", check_translations),
    ("resources", check_resources),
    ("database", check_database),
    ("processes", check_processes),
    ("keyring", check_keyring),
    ("audio", check_audio),
    ("opencv", check_opencv),
)


def run_all(checks: Sequence[tuple[str, CheckFn]] | None = None) -> list[Check]:
    """Every check in order, after choosing the Qt platform (Qt reads it once)."""
    chosen = choose_qt_platform(os.environ, sys.platform)
    if chosen:
        os.environ["QT_QPA_PLATFORM"] = chosen
    return [run_check(name, fn) for name, fn in (CHECKS if checks is None else checks)]


def main(out: TextIO | None = None) -> int:
    """Run every check, print the JSON report, return the exit code.

    A windowed Windows build has no console (sys.stdout is None): the report then goes
    to `selftest.json` in the data folder.
    """
    checks = run_all()
    text = json.dumps(report(checks, environment()), ensure_ascii=False, indent=2) + "\n"
    stream = out if out is not None else sys.stdout
    if stream is None:
        from app.config import data_dir

        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "selftest.json").write_text(text, encoding="utf-8")
    else:
        stream.write(text)
        stream.flush()
    return exit_code(checks)


if __name__ == "__main__":
    sys.exit(main())
