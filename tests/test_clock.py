"""No rule reads the wall clock behind its caller's back: "now" comes from the injected
clock (`app.core.clock`, handed out by the composition root). The few places that stamp a
file name or an audit column say so with a `wall clock:` comment, which this test asks for."""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
READS = re.compile(r"\b(datetime\.now|datetime\.utcnow|date\.today|time\.time)\(")
THE_CLOCK = APP / "core" / "clock.py"


def unmarked_reads(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts or path == THE_CLOCK:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if READS.search(line) and not any(
                "wall clock:" in near for near in (line, lines[i - 1] if i else "")
            ):
                found.append(f"{path.relative_to(root.parent)}:{i + 1}: {line.strip()}")
    return found


def test_every_wall_clock_read_is_the_clock_or_says_why() -> None:
    assert unmarked_reads(APP) == []


def test_the_guard_sees_an_unmarked_read(tmp_path: Path) -> None:
    (tmp_path / "rule.py").write_text(
        "from datetime import date\n"
        "def due() -> bool:\n"
        "    return date.today().day == 1\n",
        encoding="utf-8",
    )
    (tmp_path / "stamp.py").write_text(
        "import datetime\n"
        "# wall clock: a file name\n"
        "NAME = datetime.datetime.now().isoformat()\n",
        encoding="utf-8",
    )
    assert unmarked_reads(tmp_path) == [f"{tmp_path.name}/rule.py:3: return date.today().day == 1"]
