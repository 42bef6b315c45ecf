"""One row of the performance table: a figure, the baseline measured in the same run, and
the goal it is held to. Each `bench_*.py` exposes `rows() -> list[Row]`; `run_all.py`
prints them all as one table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    figure: str  # what the user waits for, e.g. "launch → today's sessions on screen"
    value: float  # measured, in `unit`
    unit: str  # "s", "ms", "rows/s", "MB"…
    baseline_name: str  # e.g. "bare PySide6 window process"
    baseline: float | None  # same unit, measured in the same run; None when there is none
    goal: str  # human text, e.g. "≤ 1.5× bare"; "—" for a figure shown for information
    met: bool | None  # None: no goal to meet

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    def line(self) -> str:
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "—"
        base = f"{self.baseline:.4g} {self.unit}" if self.baseline is not None else "—"
        verdict = "—" if self.met is None else "met" if self.met else "NOT MET"
        return (
            f"| {self.figure} | {self.value:.4g} {self.unit} | {self.baseline_name}: {base} "
            f"| {ratio} | {self.goal} | {verdict} |"
        )
