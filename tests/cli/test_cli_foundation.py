"""The command-line twin, run as a real process on a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__


def regie(
    *args: str, db: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "app", "--no-err-windows"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(
        [*cmd, *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite3"
    out = regie("demo", "--json", db=db)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"branches": 10, "staff": 24, "licences": 4, "sessions": 257}
    return db


def test_version() -> None:
    out = regie("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"regie {__version__}"


def test_demo_then_list(demo_db: Path) -> None:
    out = regie("sessions", "list", "--json", db=demo_db)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 257
    for key in (
        "id",
        "title",
        "type",
        "branch",
        "start",
        "end",
        "mode",
        "capacity",
        "licence",
        "status",
    ):
        assert key in rows[0]
    assert {r["type"] for r in rows} == {
        "reading_circle",
        "media_literacy",
        "talk",
        "workshop",
        "concert",
        "storytime",
        "games",
        "screening",
    }
    filtered = json.loads(
        regie(
            "sessions",
            "list",
            "--json",
            "--branch",
            "vaise",
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-31",
            db=demo_db,
        ).stdout
    )
    assert filtered and all(
        r["branch"] == "vaise" and r["start"].startswith("2026-12") for r in filtered
    )


def test_demo_as_of_april_reproduces_the_activity_report(tmp_path: Path) -> None:
    """The term just ended, all held: the report's by-type table of the 2020 activity report
    (89 reading circles … 7 screenings) and its 30–50 % gap between registered and connected."""
    db = tmp_path / "april.sqlite3"
    assert regie("demo", "--as-of", "2027-04-15", db=db).returncode == 0
    out = regie("report", "--json", db=db)
    assert out.returncode == 0, out.stderr
    by_type = {row["code"]: row for row in json.loads(out.stdout)["by_type"]}
    assert {t: r["sessions"] for t, r in by_type.items()} == {
        "reading_circle": 89, "media_literacy": 64, "talk": 27, "workshop": 26,
        "concert": 13, "storytime": 12, "games": 11, "screening": 7,
    }
    assert all(0.30 <= r["no_show_rate"] <= 0.50 for r in by_type.values())


def test_add_accepts_what_list_prints_and_cancel(demo_db: Path) -> None:
    out = regie(
        "sessions",
        "add",
        "--title",
        "Atelier d'écriture : haïkus",
        "--type",
        "workshop",
        "--branch",
        "Vaise",
        "--start",
        "2026-12-10T14:00",
        "--end",
        "2026-12-10T16:00",
        "--mode",
        "hybrid",
        "--capacity",
        "12",
        db=demo_db,
    )
    assert out.returncode == 0, out.stderr
    new_id = int(out.stdout.strip())
    shown = json.loads(regie("sessions", "show", str(new_id), "--json", db=demo_db).stdout)
    assert shown["branch"] == "vaise" and shown["type"] == "workshop"
    assert shown["start"] == "2026-12-10T14:00:00+01:00"
    assert regie("sessions", "cancel", str(new_id), db=demo_db).returncode == 0
    shown = json.loads(regie("sessions", "show", str(new_id), "--json", db=demo_db).stdout)
    assert shown["status"] == "cancelled"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--title", "", "--capacity", "10"], "title is empty"),
        (["--title", "X", "--capacity", "0"], "capacity must be at least 1"),
        (["--title", "X", "--capacity", "10", "--type", "opera"], "Unknown session type"),
        (["--title", "X", "--capacity", "10", "--branch", "Nowhere"], "Unknown branch"),
        (["--title", "X", "--capacity", "10", "--end", "2026-12-10T13:00"], "ends before"),
        (["--title", "X", "--capacity", "10", "--start", "tomorrow"], "not a date and time"),
    ],
)
def test_bad_input_exits_non_zero_and_adds_nothing(
    demo_db: Path, args: list[str], needle: str
) -> None:
    base = {
        "--title": "X",
        "--type": "talk",
        "--branch": "vaise",
        "--start": "2026-12-10T14:00",
        "--end": "2026-12-10T16:00",
        "--mode": "remote",
        "--capacity": "10",
    }
    for k, v in zip(args[::2], args[1::2], strict=True):
        base[k] = v
    flat = [x for kv in base.items() for x in kv]
    out = regie("sessions", "add", *flat, db=demo_db)
    assert out.returncode != 0
    assert needle in out.stderr
    rows = json.loads(regie("sessions", "list", "--json", db=demo_db).stdout)
    assert len(rows) == 257


def test_db_upgrade_backup_and_status(tmp_path: Path, demo_db: Path) -> None:
    out = regie("db", "upgrade", "--json", db=demo_db)
    assert out.returncode == 0 and json.loads(out.stdout)["backup"] is None
    copy = tmp_path / "copy" / "backup.sqlite3"
    out = regie("db", "backup", str(copy), db=demo_db)
    assert out.returncode == 0, out.stderr
    rows = json.loads(regie("sessions", "list", "--json", db=copy).stdout)
    assert len(rows) == 257
    status = json.loads(regie("db", "status", "--json", db=demo_db).stdout)
    assert status["revision"] == status["head"]


def test_regie_db_env_and_plain_path(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    out = regie("sessions", "list", "--json", env={"REGIE_DB": f"sqlite:///{db}"})
    assert out.returncode == 0 and json.loads(out.stdout) == []
    assert db.is_file()


def test_default_database_lives_in_the_data_folder() -> None:
    out = regie("db", "status", "--json")
    data = Path(os.environ["REGIE_DATA_DIR"])
    assert json.loads(out.stdout)["database"] == str(data / "regie.sqlite3")


def test_unwritable_database_folder_is_explained() -> None:
    out = regie("sessions", "list", db=Path("/proc/regie/regie.sqlite3"))
    assert out.returncode == 1
    assert "/proc/regie" in out.stderr and "--db" in out.stderr
    assert "Traceback" not in out.stderr


def test_corrupt_database_is_explained_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"garbage" * 500)
    out = regie("sessions", "list", db=db)
    assert out.returncode == 1 and "damaged" in out.stderr
    assert db.read_bytes() == b"garbage" * 500


def test_broken_pipe_is_quiet(demo_db: Path) -> None:
    proc = subprocess.run(
        f"{sys.executable} -m app --db {demo_db} sessions list --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in proc.stderr


def test_parser_loads_no_heavy_module() -> None:
    """`regie --help` and the GUI's argument parsing stay instant: heavy libraries load
    only when a verb needs them."""
    code = (
        "import sys, app.cli as c; c.build_parser()\n"
        "heavy = ['sqlalchemy', 'alembic', 'numpy', 'cv2', 'sounddevice', 'keyring', 'PySide6']\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
