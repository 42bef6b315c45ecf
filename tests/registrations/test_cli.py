"""`regie registrations …`, `regie forecast` and `regie report --survey` on a real file."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app import cli
from app.core.models import SessionStatus
from app.services import Services, load_demo_network
from tests.attendance.helpers import add_session, network
from tests.support.fixtures import FIXED_NOW


def run(db_path: Path, *argv: str) -> int:
    return cli.run(
        cli.build_parser().parse_args(
            ["--db", str(db_path), "--now", FIXED_NOW.isoformat(), *argv]
        )
    )


def out(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.fixture
def sid(services: Services) -> int:
    network(services)
    return add_session(services, start=FIXED_NOW + timedelta(days=3), capacity=2,
                       status=SessionStatus.PLANNED, title="Café FLE")


def test_add_list_cancel_promote(
    db_path: Path, sid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = []
    for name in ("Ana", "Ben", "Chloé"):
        assert run(db_path, "registrations", "add", str(sid), "--name", name,
                   "--email", f"{name.lower()}@x.fr", "--json") == 0
        ids.append(out(capsys)["added"][0]["id"])  # type: ignore[index]
    assert run(db_path, "registrations", "list", str(sid), "--json") == 0
    listed = out(capsys)
    # No history: the session accepts its capacity, then the waiting list.
    assert (listed["capacity"], listed["accept"]) == (2, 2)
    assert (listed["registered"], listed["waiting"]) == (2, 1)
    assert run(db_path, "registrations", "cancel", str(ids[0]), "--json") == 0
    cancelled = out(capsys)
    offer = cancelled["offer"]
    assert offer is not None and offer["registration"]["id"] == ids[2]  # type: ignore[index]
    assert "Chloé" in offer["message"]  # type: ignore[index]
    assert run(db_path, "registrations", "promote", str(ids[2]), "--json") == 0
    promoted = out(capsys)["registration"]
    assert promoted["status"] == "registered" and promoted["promoted_at"]  # type: ignore[index]


def test_bad_input_is_a_clear_message_and_changes_nothing(
    db_path: Path, sid: int, tmp_path: Path, services: Services,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf = tmp_path / "inscrits.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert run(db_path, "registrations", "add", str(sid), "--file", str(pdf)) == 1
    assert "regie: " in capsys.readouterr().err
    assert run(db_path, "forecast", "--type", "talk", "--capacity", "-3") == 1
    assert "capacity" in capsys.readouterr().err
    gone = add_session(services, start=FIXED_NOW + timedelta(days=4),
                       status=SessionStatus.CANCELLED)
    assert run(db_path, "registrations", "add", str(gone), "--name", "Ana") == 1
    assert "was cancelled" in capsys.readouterr().err
    for session in (sid, gone):
        assert run(db_path, "registrations", "list", str(session), "--json") == 0
        assert out(capsys)["registrations"] == []


def test_forecast_and_survey_on_the_demo(
    db_path: Path,
    services: Services,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    qapp: Any,
) -> None:
    # qapp: in-process, the PDF export would otherwise make the command line's
    # QGuiApplication, which the widget tests after this one cannot use.
    load_demo_network(services, FIXED_NOW)
    assert run(db_path, "forecast", "--type", "reading_circle", "--capacity", "15",
               "--json") == 0
    data = out(capsys)
    advice = data["advice"]
    assert advice["capacity"] == 15 and advice["accept"] > 15  # type: ignore[index]
    assert "For 15 places, accept" in advice["advice"]  # type: ignore[index]
    assert [t["type"] for t in data["types"]] == ["reading_circle"]  # type: ignore[attr-defined]
    assert data["accuracy"]["sessions"] > 0  # type: ignore[index]
    assert run(db_path, "report", "--year", "2026", "--survey", "--json") == 0
    survey = out(capsys)
    net = survey["network"]
    assert net["held"] == sum(x["held"] for x in survey["by_branch"])  # type: ignore[index,attr-defined]
    csv_path, pdf_path = tmp_path / "survey.csv", tmp_path / "survey.pdf"
    assert run(db_path, "report", "--year", "2026", "--survey", "--csv", str(csv_path)) == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf2026")
    assert run(db_path, "report", "--year", "2026", "--survey", "--pdf", str(pdf_path)) == 0
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(pdf_path)) == QPdfDocument.Error.None_
    text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    for expected in ("Yearly survey 2026", "Sessions held", "Network", "Definitions",
                     "Unique registrants: people registered"):
        assert expected in text, expected
    capsys.readouterr()
    assert run(db_path, "report", "--year", "2026") == 1
    assert "--survey" in capsys.readouterr().err
