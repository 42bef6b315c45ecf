"""`regie devices …` and `regie check camera --device` on a real SQLite file, with a
simulated camera and real video files through OpenCV."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from tests.support.fixtures import FIXED_NOW

Run = Callable[..., tuple[int, str, str]]
NOW = FIXED_NOW.replace(tzinfo=None).isoformat()


@pytest.fixture
def regie(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    db = tmp_path / "regie.sqlite3"

    def run(*argv: str) -> tuple[int, str, str]:
        args = ["--db", str(db), "--now", NOW, *argv]
        code = cli.run(cli.build_parser().parse_args(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def ok(run: Run, *argv: str) -> object:
    code, out, err = run(*argv)
    assert code == 0, err
    return json.loads(out)


def test_three_checks_of_one_camera_make_its_history(
    regie: Run, video_dir: Path, tmp_path: Path, qapp: object
) -> None:
    scene = str(video_dir / "scene.png")
    added = ok(
        regie,
        "devices",
        "add",
        "--kind",
        "camera",
        "--label",
        "Webcam Vaise",
        "--make",
        "Logitech",
        "--model",
        "C920",
        "--match-key",
        "simulated:scene.png",
        "--json",
    )
    assert isinstance(added, dict)
    cam = added["id"]
    for _ in range(2):  # matched by the simulated camera's stable id
        data = ok(
            regie, "--simulate-camera", scene, "check", "camera", "--seconds", "0.5", "--json"
        )
        assert isinstance(data, dict) and data["device_id"] == cam
    data = ok(
        regie,
        "check",
        "camera",
        "--source",
        str(video_dir / "black.avi"),
        "--seconds",
        "1",
        "--device",
        str(cam),
        "--json",
    )
    assert isinstance(data, dict) and data["verdict"] == "fail" and data["device_id"] == cam

    h = ok(regie, "devices", "history", str(cam), "--json")
    assert isinstance(h, dict)
    assert [c["verdict"] for c in h["checks"]] == ["pass", "pass", "fail"]
    assert h["flag"] == "failed 1 of 3" and h["last_good_id"] == h["checks"][1]["id"]
    assert [p["verdict"] for p in h["trend"]["black_picture"]] == ["pass", "pass", "fail"]
    assert "black_picture" in h["worsening"]
    code, out, _ = regie("devices", "history", str(cam))
    assert code == 0 and "failed 1 of the last 3" in out and "Last good check" in out
    listed = ok(regie, "devices", "list", "--attention", "--json")
    assert isinstance(listed, list)
    assert [(d["id"], d["failed_recent"], d["attention"]) for d in listed] == [
        (cam, 1, ["failing", "worsening"])
    ]

    other = ok(regie, "devices", "add", "--kind", "camera", "--label", "Webcam neuve", "--json")
    assert isinstance(other, dict)
    ok(
        regie,
        "--simulate-camera",
        scene,
        "check",
        "camera",
        "--seconds",
        "0.5",
        "--device",
        str(other["id"]),
        "--json",
    )
    c = ok(regie, "devices", "compare", str(cam), str(other["id"]), "--json")
    assert isinstance(c, dict)
    rows = {r["criterion"]: (r["a"]["verdict"], r["b"]["verdict"]) for r in c["criteria"]}
    assert rows["black_picture"] == ("fail", "pass")
    code, out, _ = regie("devices", "compare", str(cam), str(other["id"]))
    assert code == 0 and "Webcam Vaise" in out and "Webcam neuve" in out

    code, out, err = regie("devices", "report", str(cam), "--pdf", str(tmp_path / "rapport"))
    assert code == 0, err
    text = pdf_text(tmp_path / "rapport.pdf")
    for expected in (
        "Test report — Webcam Vaise",
        "Logitech C920",
        "Newest check: 24/11/2026 10:00 — ✖ Problem",
        "Black picture",
        "Yes",
        "✖ Problem",
        "Failed 1 of the last 3 checks.",
        "The picture the newest check saw.",
    ):
        assert expected in text, expected


def pdf_text(path: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    return text


def test_an_unknown_camera_is_offered_for_the_inventory(regie: Run, video_dir: Path) -> None:
    code, out, err = regie(
        "check", "camera", "--source", str(video_dir / "off_centre.avi"), "--seconds", "1"
    )
    assert code == 0, err
    assert "not in the inventory" in out and "--match-key file:off_centre.avi" in out
    code, _, err = regie(
        "check", "camera", "--source", str(video_dir / "scene.png"), "--device", "77"
    )
    assert code == 1 and "Device 77 does not exist" in err


def test_bad_input_gets_a_clear_message_and_changes_nothing(regie: Run, tmp_path: Path) -> None:
    a = ok(
        regie,
        "devices",
        "add",
        "--kind",
        "microphone",
        "--label",
        "Jabra 510",
        "--serial",
        "J-1",
        "--json",
    )
    assert isinstance(a, dict)
    before = ok(regie, "devices", "list", "--json")

    code, _, err = regie(
        "devices", "add", "--kind", "microphone", "--label", "Autre", "--serial", "J-1"
    )
    assert code == 1 and "serial number J-1 already belongs to device 1" in err

    ok(regie, "devices", "retire", str(a["id"]), "--json")
    retired = ok(regie, "devices", "list", "--json")
    code, _, err = regie("devices", "lend", str(a["id"]), "--to", "Nord", "--until", "2026-12-01")
    assert code == 1 and "a retired device cannot be lent" in err
    assert ok(regie, "devices", "list", "--json") == retired
    assert before != retired

    bad = tmp_path / "inventaire.csv"
    bad.write_text("kind;label;serial\ncamera;Webcam;J-1\nradio;Poste;\n", encoding="utf-8")
    code, _, err = regie("devices", "import", "--csv", str(bad))
    assert code == 1 and "nothing was changed" in err
    assert "line 2: serial J-1 already belongs to device 1" in err
    assert "line 3: kind “radio” is not one of" in err
    assert ok(regie, "devices", "list", "--json") == retired

    path = tmp_path / "export.csv"
    code, out, _ = regie("devices", "export", "--csv", str(path))
    assert code == 0 and "1 device(s)" in out
    assert ok(regie, "devices", "import", "--csv", str(path), "--json") == {
        "added": 0,
        "updated": 1,
    }
    assert ok(regie, "devices", "list", "--json") == retired
