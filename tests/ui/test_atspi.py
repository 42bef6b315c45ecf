"""The desk as a screen reader sees it: the real window on Xvfb, published by Qt's
accessibility bridge on the AT-SPI bus the test command starts, read from another process
through pyatspi (tests/support/atspi_tree.py, the system's python3).

In French, for every work area and the main dialogs: each control shown has its role
(the one Qt gives its kind of widget) and a non-empty name; no interactive node is
nameless; verdicts say their state in words; a check result is announced.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.config import AppConfig
from app.services import load_demo_network, open_services
from tests.support.fixtures import FIXED_NOW

pytestmark = [pytest.mark.xvfb, pytest.mark.atspi]

ROOT = Path(__file__).resolve().parents[2]
WALKER = ROOT / "tests" / "support" / "atspi_tree.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # where the distribution's pyatspi lives
AREAS = ("today", "sessions", "camera", "audio", "checklists", "licences", "report")
DIALOGS = ("session", "licence", "network", "attendance")
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "password text", "spin button", "table", "tree table", "tree", "list", "list item",
    "page tab", "menu item", "slider",
}
VERDICT_WORDS = ("✔ OK", "▲ À vérifier", "✖ Problème")  # symbol and word, in French


class Desk:
    """The driven desk process (tests/support/a11y_desk.py)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def do(self, command: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.answer()

    def answer(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line.startswith(("ok", "expect")), line
        return line

    def tree(self) -> list[dict[str, Any]]:
        out = subprocess.run([SYSTEM_PYTHON, str(WALKER), "tree", str(self.proc.pid)],
                             capture_output=True, text=True, timeout=60, check=True)
        nodes: list[dict[str, Any]] = json.loads(out.stdout)
        return nodes

    def expected(self) -> list[list[str]]:
        """[role, name, other acceptable names…] of each control the desk shows."""
        line = self.do("expect")
        found: list[list[str]] = json.loads(line.removeprefix("expect "))
        return found


@pytest.fixture
def desk(config: AppConfig, tmp_path: Path) -> Iterator[Desk]:
    s = open_services(config)
    load_demo_network(s, FIXED_NOW)
    s.close()
    env = {
        **os.environ, "DISPLAY": os.environ["REGIE_TEST_DISPLAY"], "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "PYTHONPATH": str(ROOT),
    }
    log = (tmp_path / "desk.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.a11y_desk", config.db_url],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, env=env, cwd=ROOT,
    )
    driven = Desk(proc)
    try:
        assert driven.answer() == "ok loaded"
        yield driven
    finally:
        if proc.poll() is None:
            proc.stdin.write("quit\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
        log.close()


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _problems(
    where: str, nodes: list[dict[str, Any]], expected: list[list[str]]
) -> list[str]:
    """Nameless interactive nodes, and controls missing under their role and name. A
    field's name may also come from its label (Qt on Linux names a combo box by its
    current value and links it to its label) or its description."""
    out = [
        f"{where}: nameless {n['role']}"
        for n in nodes
        if n["role"] in INTERACTIVE and not (_norm(n["name"]) or any(map(_norm, n["labels"])))
    ]
    seen = {
        (n["role"], _norm(said))
        for n in nodes
        for said in (n["name"], n["description"], *n["labels"])
    }
    out += [
        f"{where}: {name!r} should be a {role}, is "
        + str(sorted({n["role"] for n in nodes if _norm(n["name"]) == _norm(name)}) or "absent")
        for role, name, *others in expected
        if not any((role, _norm(said)) in seen for said in (name, *others))
    ]
    return out


def test_every_area_and_dialog_is_named_with_its_role(desk: Desk) -> None:
    problems: list[str] = []
    checked = 0
    for key in AREAS:
        desk.do(f"area {key}")
        expected = desk.expected()
        checked += len(expected)
        problems += _problems(key, desk.tree(), expected)
    for name in DIALOGS:
        desk.do(f"dialog {name}")
        expected = desk.expected()
        checked += len(expected)
        problems += _problems(f"dialog {name}", desk.tree(), expected)
        desk.do("close")
    assert checked > 100, checked
    assert not problems, "\n".join(problems)


def test_verdicts_are_words_and_results_are_announced(desk: Desk) -> None:
    desk.do("area licences")
    badges = [n for n in desk.tree() if any(w in n["name"] for w in VERDICT_WORDS)]
    assert badges, "the password store's verdict is not said in words"

    desk.do("area camera")
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(WALKER), "listen", str(desk.proc.pid), "5"],
        stdout=subprocess.PIPE, text=True,
    )
    assert listener.stdout is not None
    assert listener.stdout.readline().strip() == "listening"
    desk.do("verdict")
    heard = [json.loads(line) for line in listener.communicate(timeout=30)[0].splitlines()]
    assert any("Problème" in h["text"] and "caméra" in h["text"] for h in heard), heard
    overall = [n for n in desk.tree() if "Problème" in n["name"] + n["description"]]
    assert overall, "the camera's verdict is not said in words"
