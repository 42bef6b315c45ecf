"""`regie attendance …` and `regie report` on a real database file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app import cli
from app.core.models import SessionMode
from app.services import Services
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US, add_session, network


def run(db_path: Path, *argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(["--db", str(db_path), *argv]))


@pytest.fixture
def sid(services: Services) -> int:
    network(services)
    return add_session(services, mode=SessionMode.HYBRID, capacity=40)


def test_import_dry_run_then_for_real(
    db_path: Path, sid: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    assert run(db_path, "attendance", "import", str(sid), str(f), "--dry-run", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] is True
    assert (out["unique_attendees"], out["rows_read"], out["merged_reconnections"],
            out["skipped_rows"]) == (3, 7, 2, 2)
    assert run(db_path, "attendance", "show", str(sid), "--json") == 0
    assert json.loads(capsys.readouterr().out)["connected"] is None
    assert run(db_path, "attendance", "import", str(sid), str(f), "--json") == 0
    capsys.readouterr()
    assert run(db_path, "attendance", "show", str(sid), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["connected"] == 3
    assert shown["people_kept"] == 3


def test_set_registrations_and_show(
    db_path: Path, sid: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "attendance", "set", str(sid), "--connected", "12", "--onsite", "6",
               "--json") == 0
    capsys.readouterr()
    f = tmp_path / "inscrits.csv"
    f.write_text("Nom;E-mail\na;a@x.fr\nb;b@x.fr\nc;c@x.fr\n" * 1 + "d;d@x.fr\n" * 1,
                 encoding="utf-8")
    assert run(db_path, "attendance", "registrations", str(sid), str(f), "--json") == 0
    assert json.loads(capsys.readouterr().out)["registered"] == 4
    assert run(db_path, "attendance", "show", str(sid), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["registered"], shown["connected"], shown["on_site"]) == (4, 12, 6)
    assert shown["no_show_rate"] == 0.0
    assert shown["fill_rate"] == 0.45


def test_errors_go_to_stderr_and_change_nothing(
    db_path: Path, sid: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(ZOOM_US + "X,,11/24/2026 03:00:00 PM,later,5,Yes,,No\n", encoding="utf-8")
    assert run(db_path, "attendance", "import", str(sid), str(bad)) == 1
    err = capsys.readouterr().err
    assert "Line 9" in err
    assert "leave time" in err
    assert run(db_path, "attendance", "import", str(sid), str(tmp_path / "none.csv")) == 1
    assert "does not exist" in capsys.readouterr().err
    assert run(db_path, "attendance", "set", str(sid)) == 1
    assert "No count given" in capsys.readouterr().err
    assert run(db_path, "attendance", "show", str(sid), "--json") == 0
    assert json.loads(capsys.readouterr().out)["connected"] is None


def test_purge(db_path: Path, sid: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_path, "attendance", "purge", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["retention_months"] == 12
    assert out["people_removed"] == 0


def test_report_json_csv_pdf(
    db_path: Path, sid: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: Any
) -> None:
    # qapp: in-process, the PDF export would otherwise make the command line's
    # QGuiApplication, which the widget tests after this one cannot use.
    assert run(db_path, "attendance", "set", str(sid), "--registered", "20", "--connected",
               "8", "--onsite", "4") == 0
    capsys.readouterr()
    assert run(db_path, "report", "--from", "2026-01-01", "--to", "2026-12-31",
               "--branch", "centre", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["sessions"] == 1
    assert data["total"]["no_show_rate"] == 0.4
    assert data["branch"] == "Médiathèque centre"
    out_csv = tmp_path / "rapport.csv"
    assert run(db_path, "report", "--csv", str(out_csv)) == 0
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbfSession type;Sessions;")
    out_pdf = tmp_path / "rapport.pdf"
    assert run(db_path, "report", "--pdf", str(out_pdf)) == 0
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert run(db_path, "report") == 0
    assert "Rencontres, conférences" in capsys.readouterr().out
    assert run(db_path, "report", "--from", "2026-12-01", "--to", "2026-01-01") == 1


def test_report_pdf_is_drawn_without_widgets(
    db_path: Path, sid: int, tmp_path: Path, qapp: Any
) -> None:
    """`regie report --pdf` draws with Qt's painter only (no widget layer is loaded), and
    the document still holds the tables and the three charts."""
    import subprocess
    import sys

    from PySide6.QtPdf import QPdfDocument

    assert run(db_path, "attendance", "set", str(sid), "--registered", "20", "--connected",
               "8", "--onsite", "4") == 0
    pdf = tmp_path / "rapport.pdf"
    code = (
        "import sys; from app import cli; "
        "rc = cli.run(cli.build_parser().parse_args(sys.argv[1:])); "
        "print(rc, 'PySide6.QtWidgets' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db_path), "report", "--pdf", str(pdf)],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.splitlines()[-1] == "0 False", out.stderr
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    for expected in ("Activity report", "Rencontres, conférences", "40,0 %",
                     "Sessions per week", "No-show by session type", "No-show by branch",
                     "Médiathèque centre"):
        assert expected in text, expected


def test_cli_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = "import app.cli.attendance, app.cli.report, sys; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
