"""The benchmark table: every bench module found by name, each one's rows in one table,
a module without rows (or failing) named under it. No benchmark is run here."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks import run_all
from tests.benchmarks.table import Row

BENCHES = {
    "bench_fast.py": (
        "from tests.benchmarks.table import Row\n"
        "def rows():\n"
        "    return [Row('thing done', 2.0, 'ms', 'bare thing', 1.0, '≤ 3 ms', True)]\n"
    ),
    "bench_old.py": "def main():\n    print('figures')\n",
    "bench_chatty.py": (
        "def rows():\n"
        "    print('details of the run')\n"
        "    return []\n"
    ),
    "bench_needs_server.py": (
        "import sys\n"
        "def rows():\n"
        "    sys.exit('Run me inside tests/support/services.sh')\n"
    ),
    "bench_empty.py": "def rows():\n    return []\n",
    "helper.py": "def rows():\n    raise AssertionError('not a bench')\n",
}


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "fakebenches"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for name, text in BENCHES.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield folder
    for name in [m for m in sys.modules if m.startswith("fakebenches")]:
        del sys.modules[name]


def test_benches_are_found_by_name_and_tolerated_without_rows(package: Path) -> None:
    names = run_all.bench_modules(package)
    assert names == ["bench_chatty", "bench_empty", "bench_fast", "bench_needs_server",
                     "bench_old"]
    table, notes = run_all.collect(names, package="fakebenches", log=lambda _s: None)
    assert table == [Row("thing done", 2.0, "ms", "bare thing", 1.0, "≤ 3 ms", True)]
    text = run_all.markdown(table, notes)
    lines = text.splitlines()
    assert lines[0] == "| figure | value | baseline | ratio | goal | met |"
    assert lines[2] == "| thing done | 2 ms | bare thing: 1 ms | 2.00× | ≤ 3 ms | met |"
    assert "- bench_old: skipped, it has no rows()" in lines
    assert any(line.startswith("- bench_needs_server: failed") for line in lines)
    assert any(line.startswith("- bench_empty: no figures") for line in lines)


def test_the_real_benches_are_all_listed() -> None:
    names = run_all.bench_modules()
    assert {"bench_camera", "bench_stall", "bench_audio", "bench_booking",
            "bench_network"} <= set(names)
    assert all(n.startswith("bench_") for n in names)


def test_main_prints_the_table_and_exits_0(package: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(run_all, "HERE", package)
    real = run_all.collect
    monkeypatch.setattr(run_all, "collect",
                        lambda names: real(names, package="fakebenches", log=lambda _s: None))
    assert run_all.main(["fast", "bench_old", "chatty"]) == 0
    out, err = capsys.readouterr()
    assert "| thing done |" in out and "- bench_old: skipped" in out
    assert "needs_server" not in out
    assert "details of the run" in err and "details of the run" not in out
