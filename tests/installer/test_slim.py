"""The bundle's slimmer libraries (installer/slim.py), built for real with gcc from this
environment's wheels and loaded into a fresh Python in place of the originals: ICU's
data cut to root, French and English still sorts French, and OpenCV's BLAS and LAPACK
calls forwarded to NumPy's OpenBLAS give NumPy's answers."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import slim  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the slimmer libraries are built for the Linux bundle")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


SITE = _package_dir("cv2").parent
ICU = next((_package_dir("PySide6") / "Qt" / "lib").glob("libicudata.so.*"))
OPENBLAS = next(SITE.glob("opencv_python_headless.libs/libopenblas*.so*"))
NUMPY_BLAS = next(p for p in SITE.glob("numpy.libs/*") if slim.NUMPY_BLAS.fullmatch(p.name))
CV2 = next((SITE / "cv2").glob("cv2*.so"))


def _compiler() -> None:
    if shutil.which("gcc") is None:
        pytest.fail("gcc is not installed: installer/bootstrap.sh installs it for these tests")


def _python(code: str, preload: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh Python with `preload` standing in for the library of the
    same soname (the loader then never opens the original)."""
    full = {**os.environ, "LD_PRELOAD": str(preload), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True,
                          text=True, timeout=120, check=False)


# ----------------------------------------------------------------------------- ICU


def test_icu_common_data_is_read_and_written_item_for_item():
    data = slim.CommonData.parse(slim.read_icu_data(ICU))
    assert len(data.items) > 3000
    assert data.items == sorted(data.items, key=lambda item: item[0].encode())
    again = slim.CommonData.parse(data.pack())
    assert again.header == data.header
    # Items come back padded to 16 bytes, as ICU's packager lays them out.
    assert [(n, d.rstrip(b"\0")) for n, d in again.items] == [
        (n, d.rstrip(b"\0")) for n, d in data.items]


@pytest.mark.parametrize(("name", "size", "kept"), [
    ("icudt73l/root.res", 100_000, True),
    ("icudt73l/fr.res", 100_000, True),
    ("icudt73l/fr_CA.res", 9_000, True),
    ("icudt73l/en_GB.res", 9_000, True),
    ("icudt73l/coll/fr.res", 4_000, True),
    ("icudt73l/coll/ucadata.icu", 570_000, True),
    ("icudt73l/res_index.res", 3_000, True),
    ("icudt73l/zoneinfo64.res", 150_000, True),
    ("icudt73l/likelySubtags.res", 260_000, True),
    ("icudt73l/ibm-5348_P100-1997.cnv", 1_600, True),  # windows-1252
    ("icudt73l/de.res", 100_000, False),
    ("icudt73l/zh_Hant_TW.res", 9_000, False),
    ("icudt73l/coll/ja.res", 100_000, False),
    ("icudt73l/brkitr/cjdict.dict", 2_000_000, False),
    ("icudt73l/translit/root.res", 1_000_000, False),
    ("icudt73l/gb18030.cnv", 230_000, False),
])
def test_icu_keeps_root_french_english_and_what_belongs_to_no_locale(name, size, kept):
    assert slim.keep_icu_item(name, size) is kept


FRENCH_SORT = "from app.selftest import french_sorting; print(french_sorting())"


def test_the_slim_icu_data_still_sorts_french_in_qt(tmp_path):
    _compiler()
    built = tmp_path / "slim" / ICU.name
    built.parent.mkdir()
    assert slim.icu_data(ICU, built)
    assert built.stat().st_size < ICU.stat().st_size / 4
    code = FRENCH_SORT + "; print(open('/proc/self/maps').read())"
    done = _python(code, built)
    assert done.returncode == 0, done.stderr
    verdict, maps = done.stdout.split("\n", 1)
    assert verdict == "True"
    assert str(built) in maps and str(ICU) not in maps

    # The same check fails once collation data is cut too: it can tell.
    broken = tmp_path / "broken" / ICU.name
    broken.parent.mkdir()
    assert slim.icu_data(ICU, broken,
                         keep=lambda n, s: slim.keep_icu_item(n, s) and "/coll/" not in n)
    done = _python(FRENCH_SORT, broken)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# ----------------------------------------------------------------------------- BLAS

# Every forwarded routine, called through OpenCV, against NumPy's answer.
BLAS_PROBE = """
import cv2, numpy as np
from app.selftest import linear_algebra_error
rng = np.random.default_rng(3)
gaps = {"selftest": linear_algebra_error(cv2, np)}
for dtype in (np.float32, np.float64):
    a = rng.standard_normal((200, 150, 2)).astype(dtype)
    b = rng.standard_normal((150, 120, 2)).astype(dtype)
    got = cv2.gemm(a, b, 1.0, None, 0.0)
    want = (a[..., 0] + 1j * a[..., 1]).astype(complex) @ (b[..., 0] + 1j * b[..., 1])
    gaps[dtype.__name__ + " complex"] = float(
        np.abs(got[..., 0] + 1j * got[..., 1] - want).max() / np.abs(want).max())
    m = rng.standard_normal((40, 40)).astype(dtype) + 40 * np.eye(40, dtype=dtype)
    inverse = cv2.invert(m, flags=cv2.DECOMP_LU)[1]
    gaps[dtype.__name__ + " inverse"] = float(np.abs(inverse @ m - np.eye(40)).max())
    w = cv2.SVDecomp(m)[0].ravel()
    want_w = np.linalg.svd(m.astype(np.float64), compute_uv=False)
    gaps[dtype.__name__ + " svd"] = float(np.abs(w - want_w).max() / want_w.max())
e = rng.standard_normal((30, 30))
values = np.sort(cv2.eigenNonSymmetric(e)[0].ravel())
want_e = np.sort(np.linalg.eigvals(e).real[np.abs(np.linalg.eigvals(e).imag) < 1e-12])
gaps["eigen"] = 0.0 if len(want_e) == 0 else float(
    np.min(np.abs(values[:, None] - want_e[None, :]), axis=0).max())
import json; print(json.dumps(gaps))
print(open("/proc/self/maps").read())
"""


def test_opencv_gets_numpys_answers_through_the_blas_forwarder(tmp_path):
    _compiler()
    built = tmp_path / OPENBLAS.name
    assert slim.blas_forwarder(OPENBLAS, [CV2], NUMPY_BLAS, built)
    assert built.stat().st_size < 100_000
    done = _python(BLAS_PROBE, built, LD_DEBUG="bindings",
                   LD_LIBRARY_PATH=str(NUMPY_BLAS.parent))
    assert done.returncode == 0, done.stderr[-3000:]
    first, maps = done.stdout.split("\n", 1)
    gaps = json.loads(first)
    assert gaps.pop("selftest") < 1e-6
    for name, gap in gaps.items():
        assert gap < (1e-3 if "float32" in name else 1e-9), (name, gap)
    assert str(built) in maps and str(OPENBLAS) not in maps
    bound = set(re.findall(rf"to {re.escape(str(built))} \[0\]: normal symbol `(\w+)'",
                           done.stderr))
    assert bound == set(slim.FORWARDED)


def test_no_forwarder_when_opencv_calls_a_routine_it_does_not_forward(tmp_path, monkeypatch):
    _compiler()
    monkeypatch.setattr(slim, "FORWARDED", slim.FORWARDED[1:])
    said: list[str] = []
    assert not slim.blas_forwarder(OPENBLAS, [CV2], NUMPY_BLAS, tmp_path / "x.so", said.append)
    assert not (tmp_path / "x.so").exists()
    assert "cblas_sgemm" in said[0]
