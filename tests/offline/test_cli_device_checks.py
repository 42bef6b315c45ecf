"""`regie check camera|audio` while the network database is down: the result is kept on
this computer and reaches the server exactly once when it answers again. The real test
PostgreSQL is stopped in the middle (and always started again). A local SQLite database
never queues: a file that cannot be opened still fails at once."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest
import sqlalchemy as sa

from app import cli
from app.config import data_dir
from app.core.checks import CheckKind
from app.services import open_services
from app.storage import schema as t
from app.storage.outbox import OUTBOX_FILE, LocalOutbox
from tests.camera import videos
from tests.support.fixtures import PgControl, desk_config
from tests.support.offline import cafe_fle_at

WAV = Path(__file__).parents[1] / "audio" / "data" / "speech.wav"

pytestmark = [
    pytest.mark.usefixtures("collect_sockets"),
    # The keyring client behind the server's password lookup, and connections the stopped
    # server cut, are left to the garbage collector; they are collected here (below).
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "scene.png"
    cv2.imwrite(str(path), videos.scene(0.5))
    return path


def _rows(url: str, session_id: int) -> list[sa.Row[tuple[object, ...]]]:
    services = open_services(desk_config(url))
    try:
        c = t.device_checks.c
        with services.db.read() as conn:
            return list(
                conn.execute(
                    sa.select(c.id, c.kind, c.device, c.created_at)
                    .where(c.session_id == session_id)
                    .order_by(c.id)
                )
            )
    finally:
        services.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(cli.build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def _camera(picture: Path, *extra: str) -> list[str]:
    return ["check", "camera", "--source", str(picture), "--seconds", "0.5", *extra]


def _audio(*extra: str) -> list[str]:
    return ["--simulate-mic", str(WAV), "check", "audio", "--steps", "noise,speech",
            "--seconds", "0.5", *extra]


def _waiting() -> int:
    return LocalOutbox(data_dir()).count()


# ------------------------------------------------------------------ the server stops
@pytest.mark.postgresql
def test_camera_check_is_kept_while_the_server_is_down_and_sent_once(
    stoppable: tuple[str, PgControl],
    picture: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, ctl = stoppable
    monkeypatch.setenv("REGIE_DB", url)
    sid = cafe_fle_at(url)
    opened: list[int] = []
    real_services = cli.CliContext.services

    def counting(ctx: cli.CliContext) -> object:
        opened.append(1)
        return real_services(ctx)

    monkeypatch.setattr(cli.CliContext, "services", counting)

    ctl.stop()
    code, out, err = run(capsys, *_camera(picture, "--session", str(sid), "--json"))
    assert code == 0, err
    data = json.loads(out)
    assert data["verdict"] == "pass" and data["session_id"] == sid
    assert (data["check_id"], data["queued"], data["queue"]) == (None, True, 1)
    assert f"session {sid} cannot be checked now" in err
    assert "Kept on this computer: 1 waiting to be sent when the server answers." in err
    assert opened == [1]  # the dead server was asked once, not again to save
    assert _waiting() == 1

    # Human output says where the result went; the queue grows.
    code, out, err = run(capsys, *_camera(picture))
    assert code == 0, err
    assert "Kept on this computer: 2 waiting to be sent when the server answers." in out
    assert "Saved as check" not in out and _waiting() == 2

    ctl.start()
    code, out, _ = run(capsys, "db", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["online"] is True and status["queue"] == 0
    assert status["sent"]["sent"] == 2
    rows = _rows(url, sid)
    assert [(r.kind, r.device) for r in rows] == [(CheckKind.CAMERA.value, "scene.png")]
    code, out, _ = run(capsys, "db", "status", "--json")  # nothing is sent twice
    assert json.loads(out)["queue"] == 0 and len(_rows(url, sid)) == 1


@pytest.mark.postgresql
def test_audio_check_waits_then_goes_first_with_the_next_check(
    stoppable: tuple[str, PgControl],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, ctl = stoppable
    monkeypatch.setenv("REGIE_DB", url)
    sid = cafe_fle_at(url)

    ctl.stop()
    code, out, err = run(capsys, *_audio("--session", str(sid), "--json"))
    assert code == 0, err
    data = json.loads(out)
    assert data["device"] == "simulated:speech.wav" and data["verdict"] == "pass"
    assert (data["check_id"], data["saved_id"], data["queued"], data["queue"]) == (
        None, None, True, 1,
    )
    assert _waiting() == 1

    ctl.start()
    code, out, err = run(capsys, *_audio("--session", str(sid), "--json"))
    assert code == 0, err
    data = json.loads(out)
    assert data["queued"] is False and "queue" not in data
    assert data["check_id"] == data["saved_id"] and isinstance(data["check_id"], int)
    assert "sent 1 change(s)" in err and _waiting() == 0
    rows = _rows(url, sid)
    assert len(rows) == 2 and all(r.kind == CheckKind.AUDIO.value for r in rows)
    queued, fresh = rows
    assert fresh.id == data["check_id"]  # the waiting one went first
    assert queued.created_at < fresh.created_at  # and keeps the time it was measured


@pytest.mark.postgresql
def test_a_wrong_session_fails_before_measuring_when_the_server_answers(
    pg_url: str,
    picture: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REGIE_DB", pg_url)
    # A source that does not exist: measuring first would fail with another message.
    missing = picture.with_name("gone.mp4")
    code, out, err = run(capsys, *_camera(missing, "--session", "4242", "--json"))
    assert code == 1 and out == ""
    assert "Session 4242 does not exist" in err
    code, out, err = run(capsys, *_audio("--session", "4242", "--json"))
    assert code == 1 and out == ""
    assert "Session 4242 does not exist" in err and "Stay silent" not in err
    assert not (data_dir() / OUTBOX_FILE).exists()


# ------------------------------------------------------------------ local SQLite
def test_a_local_database_that_cannot_be_opened_is_not_queued(
    tmp_path: Path, picture: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "not-a-file.sqlite3"  # a folder where the database file should be
    folder.mkdir()
    code, out, err = run(capsys, "--db", str(folder), *_camera(picture, "--session", "1"))
    assert code == 1 and out == ""
    assert "cannot be opened" in err and "Kept on this computer" not in err
    code, out, err = run(capsys, "--db", str(folder), *_audio("--json"))
    assert code == 1 and out == ""
    assert "cannot be opened" in err
    # A folder that cannot be created: the problem is named, nothing is kept aside.
    code, out, err = run(capsys, "--db", "/proc/regie/r.sqlite3", *_camera(picture))
    assert code == 1 and "cannot be created" in err
    assert not (data_dir() / OUTBOX_FILE).exists()
