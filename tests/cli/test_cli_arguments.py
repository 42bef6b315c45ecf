"""Arguments the database or the terminal could not take are refused by the parser, with
a message, before anything is opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

TOO_LARGE = str(2**63)

ID_VERBS = [
    ["sessions", "show", "{id}"],
    ["sessions", "cancel", "{id}"],
    ["sessions", "edit", "{id}", "--notes", "x"],
    ["sessions", "assign", "{id}", "--auto"],
    ["sessions", "meeting", "{id}", "--meeting-id", "123"],
    ["launch", "{id}", "--dry-run"],
    ["attendance", "show", "{id}"],
    ["attendance", "set", "{id}", "--registered", "3"],
    ["attendance", "import", "{id}", "report.csv"],
    ["attendance", "registrations", "{id}", "list.csv"],
    ["check", "camera", "--source", "0", "--session", "{id}"],
    ["check", "audio", "--session", "{id}"],
]


def run(*args: str | bytes, db: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd: list[str | bytes] = [sys.executable, "-m", "app", "--no-err-windows"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run([*cmd, *args], capture_output=True, timeout=120, env=os.environ.copy())


@pytest.mark.parametrize("verb", ID_VERBS, ids=lambda v: " ".join(v[:2]))
@pytest.mark.parametrize("value", [TOO_LARGE, "0", "-1", "1e3", "12abc", "٣"])
def test_every_id_is_a_database_number(
    verb: list[str], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{id}", value) for a in verb]
    with pytest.raises(SystemExit) as caught:
        cli.parse(argv)
    assert caught.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert ("not a number" in err) or ("no record has the number" in err), err


def test_the_largest_id_reaches_the_database(tmp_path: Path) -> None:
    """2**63 - 1 is accepted and simply not found; one more is refused by the parser."""
    db = tmp_path / "regie.sqlite3"
    assert run("demo", db=db).returncode == 0
    found = run("sessions", "show", str(2**63 - 1), db=db)
    assert found.returncode == 1
    assert b"does not exist" in found.stderr
    for verb in (["sessions", "show"], ["sessions", "cancel"], ["attendance", "set"]):
        refused = run(*verb, TOO_LARGE, db=db)
        assert refused.returncode == 2
        assert b"no record has the number" in refused.stderr
        assert b"Traceback" not in refused.stderr


@pytest.mark.parametrize(
    "argv",
    [
        [b"sessions", b"add", b"--title", b"caf\xe9", b"--type", b"talk", b"--branch", b"vaise",
         b"--start", b"2026-12-01T10:00", b"--end", b"2026-12-01T11:00", b"--mode", b"remote",
         b"--capacity", b"10"],
        [b"sessions", b"list", b"--branch", b"\xff"],
        [b"attendance", b"import", b"3", b"/tmp/r\xe9union.csv"],
    ],
    ids=["title", "branch", "path"],
)
def test_bytes_that_are_not_utf8_are_refused_at_parsing(tmp_path: Path, argv: list[bytes]) -> None:
    db = tmp_path / "regie.sqlite3"
    done = run(*argv, db=db)
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode("utf-8")
    assert "holds bytes that are not UTF-8 text" in err
    assert "\\xe9" in err or "\\xff" in err
    assert "Traceback" not in err
    assert not db.exists()  # refused before anything was opened


def test_text_arguments_still_pass(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli.parse(["sessions", "list", "--branch", "Vénissieux ☕"])
    assert args.branch == "Vénissieux ☕"


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--title", "\x1b[2J\x1b[31mEffacé", "The title holds control characters"),
        ("--notes", "ok\x1b]0;titre\x07", "The notes hold control characters"),
        ("--start", "9999-12-31T10:00", "The session starts more than 5 years from now."),
        ("--start", "1970-01-01T10:00", "The session starts before 2000."),
    ],
    ids=["title", "notes", "year-9999", "year-1970"],
)
def test_sessions_refuse_control_characters_and_absurd_dates(
    tmp_path: Path, option: str, value: str, said: str
) -> None:
    db = tmp_path / "regie.sqlite3"
    assert run("--now", "2026-11-24T10:00", "demo", db=db).returncode == 0
    args = {"--title": "Café FLE", "--notes": "", "--start": "2026-12-03T18:30"}
    args[option] = value
    end = "2026-12-03T20:00" if option != "--start" else value[:11] + "11:00"
    done = run(
        "--now", "2026-11-24T10:00", "sessions", "add", "--title", args["--title"],
        "--notes", args["--notes"], "--type", "talk", "--branch", "vaise",
        "--start", args["--start"], "--end", end, "--mode", "remote", "--capacity", "10",
        db=db,
    )
    assert done.returncode == 1, done.stderr
    assert said in done.stderr.decode()
    assert b"Traceback" not in done.stderr
    listed = run("sessions", "list", "--json", db=db)
    assert len(json.loads(listed.stdout)) == 257
