"""`regie check camera` as a real process on real files and a real database."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.checks import CheckKind
from app.storage.database import Database
from app.storage.repositories import SqlCheckRepository
from tests.cli.test_cli_foundation import regie


def test_json_verdicts_and_saved_result(video_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "regie.sqlite3"
    out = regie("check", "camera", "--source", str(video_dir / "black.avi"), "--seconds", "2",
                "--json", db=db)
    assert out.returncode == 0, out.stderr  # a red verdict is still a successful check
    data = json.loads(out.stdout)
    assert data["device"] == "black.avi" and data["verdict"] == "fail"
    assert data["criteria"]["black_picture"] == {
        "value": True, "unit": "", "verdict": "fail",
        "advice": "The picture is black: open the camera's privacy shutter or remove the "
                  "lens cap.",
    }
    saved = SqlCheckRepository(Database(f"sqlite:///{db}")).history(kind=CheckKind.CAMERA)
    assert [s.id for s in saved] == [data["check_id"]]
    assert saved[0].verdict.value == "fail" and saved[0].device_key == "file:black.avi"
    assert saved[0].operator


def test_no_save_and_human_output(video_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "regie.sqlite3"
    out = regie("check", "camera", "--source", str(video_dir / "off_centre.avi"),
                "--no-save", db=db)
    assert out.returncode == 0, out.stderr
    assert "off_centre.avi: WARN" in out.stdout
    assert "You are off-centre" in out.stdout
    assert "Saved" not in out.stdout


def test_simulated_camera_and_session(video_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "regie.sqlite3"
    out = regie("--simulate-camera", str(video_dir / "scene.png"), "check", "camera",
                "--seconds", "0.5", "--session", "4242", "--json", db=db)
    assert out.returncode == 1
    assert "Session 4242 does not exist" in out.stderr
    out = regie("--simulate-camera", str(video_dir / "scene.png"), "check", "camera",
                "--list", "--json", db=db)
    assert out.returncode == 0
    assert json.loads(out.stdout)[0]["simulated"] is True
    out = regie("--simulate-camera", str(video_dir / "scene.png"), "check", "camera",
                "--seconds", "0.5", "--json", db=db)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["verdict"] == "pass"


def test_check_that_cannot_run_exits_non_zero(tmp_path: Path) -> None:
    out = regie("check", "camera", "--source", str(tmp_path / "nope.mp4"), "--json",
                db=tmp_path / "r.sqlite3")
    assert out.returncode == 1
    assert "does not exist" in out.stderr and out.stdout == ""
    out = regie("check", "camera", "--source", "61", db=tmp_path / "r.sqlite3")
    assert out.returncode == 1 and "No camera answers" in out.stderr


def test_a_camera_number_too_large_is_named_as_such(tmp_path: Path) -> None:
    for number in ("99999999999999999999", "256"):
        out = regie("check", "camera", "--source", number, "--no-save",
                    db=tmp_path / "r.sqlite3")
        assert out.returncode == 1
        assert out.stderr.strip() == (
            f"regie: There is no camera {number}: camera numbers go from 0 to 255. "
            "See the cameras with “regie check camera --list”."
        )


def test_a_folder_or_a_device_is_not_a_video(tmp_path: Path) -> None:
    for source, said in ((tmp_path, "is a folder, not a video or image file."),
                         (Path("/dev/null"), "is not a video or image file.")):
        out = regie("check", "camera", "--source", str(source), "--no-save",
                    db=tmp_path / "r.sqlite3")
        assert out.returncode == 1
        assert out.stderr.startswith(f"regie: {source} {said} Give the path of a video"), \
            out.stderr
