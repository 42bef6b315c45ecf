"""Build Régie's self-contained bundle for the machine this runs on.

    python installer/build.py                  dist/regie/ (one folder, no Python needed)
    python installer/build.py --check          ...then run its --self-test
    python installer/build.py --installer      ...then, on Windows, the Inno Setup installer
    python installer/build.py icons DIR        only render the icons (.png, .ico, .icns)

Run it with the project's virtual environment (`.venv/bin/python installer/build.py`,
`.venv\\Scripts\\python installer\\build.py`): it installs PyInstaller 6 there if missing,
then freezes whatever that environment holds. PyInstaller does not cross-compile: build
the Windows bundle on Windows, the macOS one on a Mac.

Exit codes: 0 built, 1 the build or its check failed, 3 PyInstaller could not be installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "regie.spec"
ISS = ROOT / "installer" / "regie.iss"
SVG = ROOT / "resources" / "icons" / "regie.svg"
PYINSTALLER = "pyinstaller>=6.10,<7"
EXIT_NO_PYINSTALLER = 3
WINDOWS = sys.platform == "win32"

# (size, icns type) pairs; the .ico gets the sizes Windows asks for.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("build: no __version__ in app/__init__.py")
    return found.group(1)


# ------------------------------------------------------------------ icons
def render_pngs(svg: Path, sizes: list[int]) -> dict[int, bytes]:
    """The SVG drawn at each size, as PNG bytes (Qt's own SVG renderer, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["regie-icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build: cannot read the icon {svg}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")  # type: ignore[call-overload]  # PySide accepts str here
        buf.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (Windows Vista and later read them)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images under their size's type code."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path, svg: Path = SVG) -> dict[str, Path]:
    """regie.png (256 px), regie.ico and regie.icns in `out`, from the SVG."""
    sizes = sorted({*ICO_SIZES, *(s for s, _k in ICNS_TYPES)})
    pngs = render_pngs(svg, sizes)
    out.mkdir(parents=True, exist_ok=True)
    files = {"png": out / "regie.png", "ico": out / "regie.ico", "icns": out / "regie.icns"}
    files["png"].write_bytes(pngs[256])
    files["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    files["icns"].write_bytes(icns_bytes(pngs))
    return files


# ------------------------------------------------------------------ PyInstaller
def ensure_pyinstaller() -> str:
    """PyInstaller 6 in this environment (installed with pip if missing); its version."""
    try:
        import PyInstaller  # type: ignore[import-untyped]

        if PyInstaller.__version__.split(".")[0] == "6":
            return str(PyInstaller.__version__)
    except ImportError:
        pass
    print(f"build: installing {PYINSTALLER} into {sys.prefix}", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q",
         PYINSTALLER],
        check=False,
    )
    if done.returncode != 0:
        print(
            f"build: PyInstaller could not be installed (pip exited {done.returncode}). "
            f"Connect this machine to the internet or install it by hand: "
            f'{sys.executable} -m pip install "{PYINSTALLER}"',
            file=sys.stderr,
        )
        raise SystemExit(EXIT_NO_PYINSTALLER)
    found = subprocess.run(
        [sys.executable, "-c", "import PyInstaller; print(PyInstaller.__version__)"],
        capture_output=True, text=True, check=True,
    )
    return found.stdout.strip()


def folder_size(path: Path) -> tuple[int, int]:
    """Bytes and files under `path` (symlinks counted once, as links)."""
    total = count = 0
    for f in path.rglob("*"):
        if f.is_file() and not f.is_symlink():
            total += f.stat().st_size
            count += 1
    return total, count


def executable(dist: Path) -> Path:
    if WINDOWS:
        return dist / "regie" / "regie-cli.exe"  # the console twin: output reaches the shell
    return dist / "regie" / "regie"


def self_test(dist: Path) -> int:
    """Run the bundle's --self-test (offscreen when there is no display)."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run([str(executable(dist)), "--self-test"], env=env, check=False)
    print(f"build: self-test {'passed' if done.returncode == 0 else 'FAILED'}")
    return done.returncode


def inno_setup(dist: Path, work: Path) -> int:
    """Compile installer/regie.iss into <dist>/regie-<version>-setup.exe."""
    candidates = [shutil.which("iscc"), shutil.which("ISCC")]
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                 os.environ.get("LOCALAPPDATA")):
        if base:
            candidates += [str(Path(base) / "Inno Setup 6" / "ISCC.exe"),
                           str(Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe")]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        print("build: Inno Setup 6 (ISCC.exe) not found. Install it from "
              "https://jrsoftware.org/isdl.php, or add it to PATH, then run again.",
              file=sys.stderr)
        return 1
    return subprocess.run(
        [iscc, f"/DAppVersion={version()}", f"/DSourceDir={dist / 'regie'}",
         f"/DOutputDir={dist}", f"/DIconFile={work / 'regie' / 'icons' / 'regie.ico'}", str(ISS)],
        check=False,
    ).returncode


def build(dist: Path, work: Path, *, clean: bool) -> int:
    pyi = ensure_pyinstaller()
    print(f"build: Régie {version()} with PyInstaller {pyi} on {sys.platform}", flush=True)
    t0 = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    seconds = time.monotonic() - t0
    if done.returncode != 0:
        print(f"build: PyInstaller failed (exit {done.returncode}) after {seconds:.0f} s",
              file=sys.stderr)
        return 1
    size, files = folder_size(dist / "regie")
    print(f"build: {dist / 'regie'}: {size / 1e6:.0f} MB in {files} files, "
          f"built in {seconds:.0f} s")
    print(f"build: run it with {executable(dist)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build Régie's bundle for this machine with PyInstaller."
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/); the bundle is DIST/regie/")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder (default: build/)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--check", action="store_true", help="run the bundle's --self-test")
    parser.add_argument("--installer", action="store_true",
                        help="Windows: also compile the Inno Setup installer")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["icons"]:
        if len(argv) != 2:
            parser.error("usage: build.py icons DIR")
        for path in make_icons(Path(argv[1])).values():
            print(path)
        return 0
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    code = build(dist, work, clean=args.clean)
    if code == 0 and args.check:
        code = self_test(dist)
    if code == 0 and args.installer:
        if not WINDOWS:
            print("build: the Inno Setup installer is built on Windows only.", file=sys.stderr)
            return 1
        code = inno_setup(dist, work)
    return code


if __name__ == "__main__":
    sys.exit(main())
