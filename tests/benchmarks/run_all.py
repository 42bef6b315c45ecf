"""Every benchmark's figures in one Markdown table.

Imports each `tests/benchmarks/bench_*.py` that exposes `rows() -> list[Row]`, runs them
one after the other and prints one table: figure, value, baseline, ratio, goal, met.
A module without `rows()`, or whose `rows()` fails (a service it needs is not there),
gets a line saying so under the table. What the benches print themselves goes to stderr,
the table alone to stdout. Exits 0: the figures are for reading, the goals are judged in
the table.

Run: `python tests/benchmarks/run_all.py [NAME…]` (names like `camera` or `bench_camera`
pick some of them), from the project root; under tests/support/services.sh the benches
that need PostgreSQL or the sound card measure those too.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.table import Row

HERE = Path(__file__).resolve().parent
HEADER = ("| figure | value | baseline | ratio | goal | met |\n"
          "| --- | --- | --- | --- | --- | --- |")


def bench_modules(folder: Path | None = None) -> list[str]:
    """The benchmark modules' names, in name order."""
    return sorted(p.stem for p in (folder or HERE).glob("bench_*.py"))


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def collect(names: list[str], package: str = "tests.benchmarks",
            log: Callable[[str], None] = _log) -> tuple[list[Row], list[str]]:
    """The rows of every module in `names`, and a note for each that gave none."""
    table: list[Row] = []
    notes: list[str] = []
    for name in names:
        try:
            module = importlib.import_module(f"{package}.{name}")
        except Exception as err:  # a bench that cannot even be imported here
            notes.append(f"- {name}: not run, it cannot be imported ({err!r})")
            continue
        rows = getattr(module, "rows", None)
        if not callable(rows):
            notes.append(f"- {name}: skipped, it has no rows()")
            continue
        log(f"running {name}…")
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(sys.stderr):  # stdout: the table alone
                got = list(rows())
        except BaseException as err:  # SystemExit too: a bench asking for its services
            if isinstance(err, KeyboardInterrupt):
                raise
            log(traceback.format_exc())
            notes.append(f"- {name}: failed ({err!r})")
            continue
        if not got:
            notes.append(f"- {name}: no figures in this run (see its output above)")
        table += got
        log(f"{name}: {len(got)} rows in {time.perf_counter() - started:.0f} s")
    return table, notes


def markdown(table: list[Row], notes: list[str]) -> str:
    lines = [HEADER, *(row.line() for row in table)]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="some benches only (camera, bench_stall…)")
    args = parser.parse_args(argv)
    names = bench_modules()
    if args.names:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.names}
        unknown = wanted - set(names)
        if unknown:
            print(f"unknown benches: {', '.join(sorted(unknown))}", file=sys.stderr)
        names = [n for n in names if n in wanted]
    table, notes = collect(names)
    print(markdown(table, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
