"""`regie today` and `regie sessions prepare|skip|ready` on a real database (SQLite and
PostgreSQL), at the fixed "now" given with --now."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app import cli
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.models import MeetingRecord, SessionStatus
from app.core.secrets import SecretKind
from app.services import Services, build_licences
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import Network

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
pytestmark = pytest.mark.parametrize("engine", ENGINES, indirect=True)

NOW = FIXED_NOW.replace(tzinfo=None).isoformat()  # 2026-11-24T10:00, local time

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def net(services: Services) -> Network:
    refs = services.references
    a = refs.add_branch("centre", "Médiathèque centrale")
    b = refs.add_branch("nord", "Bibliothèque Nord")
    return Network(services, build_licences(services), a, b, refs.session_types()[0].id)


@pytest.fixture
def regie(services: Services, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str, now: str = NOW) -> tuple[int, str, str]:
        args = ["--db", services.config.db_url, "--now", now, *argv]
        code = cli.run(cli.build_parser().parse_args(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def at(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return FIXED_NOW.replace(hour=hour, minute=minute) + timedelta(days=day)


def ready_to_launch(net: Network, sid: int) -> None:
    """Every fact before the launch (the host key's reference only, not the keyring)."""
    services, f = net.services, net.feature
    lid = net.licence(f"Zoom {sid}")
    f.service.assign(sid, lid)
    f.repo.set_secret_ref(lid, SecretKind.HOST_KEY, f"regie/test/{lid}")
    f.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    for kind, name in [(CheckKind.CAMERA, "brightness"), (CheckKind.AUDIO, "signal")]:
        result = CheckResult(kind, "USB", {name: Criterion(name, 1.0, Verdict.PASS)})
        services.checks.save(result, operator="x", session_id=sid, at=FIXED_NOW)


# ------------------------------------------------------------------ regie today
def test_today_one_line_per_session(net: Network, regie: Run) -> None:
    late = net.session("Soirée jeux", at(18))
    early = net.session("Café FLE", at(11))
    net.session("Conte", at(11, day=1))
    north = net.session("Lecture", at(14), branch=net.branch_b)
    cancelled = net.session("Annulée", at(16))
    net.services.sessions.cancel(cancelled)
    ready_to_launch(net, early)
    code, out, err = regie("sessions", "skip", str(early), "checklist", "--reason", "Known")
    assert code == 0, err

    code, out, err = regie("today", "--days", "1")
    assert code == 0, err
    assert out.splitlines() == [
        f"{early:>5}  24/11 11:00  {'Café FLE':<32}  {'centre':<12}  Check    Launch Zoom",
        f"{north:>5}  24/11 14:00  {'Lecture':<32}  {'nord':<12}  Check    Check the camera",
        f"{late:>5}  24/11 18:00  {'Soirée jeux':<32}  {'centre':<12}  Check    Check the camera",
    ]
    assert err == "3 session(s) from 24/11/2026\n"
    code, out, _ = regie("today", "--days", "1", "--branch", "nord")
    assert [line.split()[0] for line in out.splitlines()] == [str(north)]
    code, out, _ = regie("today")  # three days, like the Aujourd'hui area
    assert len(out.splitlines()) == 4
    code, out, _ = regie("today", "--date", "2026-11-25", "--days", "1")
    assert "Conte" in out and len(out.splitlines()) == 1


def test_today_json_is_the_readiness_of_each(net: Network, regie: Run) -> None:
    sid = net.session("Café FLE", at(11))
    ready_to_launch(net, sid)
    code, out, err = regie("today", "--days", "1", "--json")
    assert code == 0, err
    (data,) = json.loads(out)
    assert data["session"] == sid and data["branch"] == "centre"
    assert data["verdict"] == "warn" and data["next_step"] == "checklist"
    assert data["next_action"] == "Run the checklist" and data["ready"] is False
    assert [s["state"] for s in data["steps"]] == [
        "done", "done", "todo", "done", "done", "todo", "not_needed"
    ]
    assert data["start"] == at(11).isoformat()


def test_today_follows_now(net: Network, regie: Run) -> None:
    """At 20:00 the day's session is over: its attendance is what is left to do."""
    sid = net.session("Café FLE", at(11))
    code, out, _ = regie("today", "--days", "1", now="2026-11-24T20:00")
    assert code == 0 and out.split("  ")[-1].strip() == "Record attendance"
    code, out, err = regie("today", "--days", "1", now="2026-11-23T20:00")
    assert code == 0 and out == "" and "0 session(s) from 23/11/2026" in err
    assert sid


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["today", "--days", "0"], "--days must be between 1 and 31."),
        (["today", "--days", "32"], "--days must be between 1 and 31."),
        (["today", "--branch", "sud"], "Unknown branch “sud”."),
    ],
)
def test_today_says_what_to_do(net: Network, regie: Run, argv: list[str], said: str) -> None:
    code, out, err = regie(*argv)
    assert code == 1 and out == ""
    assert err.startswith(f"regie: {said} ")


# ------------------------------------------------------------------ prepare
def test_prepare_shows_the_steps_in_order_and_what_is_left(net: Network, regie: Run) -> None:
    sid = net.session("Café FLE", at(18))
    net.feature.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    result = CheckResult(CheckKind.CAMERA, "C920", {"b": Criterion("b", 1.0, Verdict.FAIL)})
    net.services.checks.save(result, operator="x", session_id=sid, at=FIXED_NOW)
    code, out, err = regie("sessions", "prepare", str(sid))
    assert code == 0, err
    assert out.splitlines() == [
        f"Session {sid} “Café FLE”, 24/11/2026 18:00–19:00, Médiathèque centrale, remote, "
        "planned",
        "  ✖ camera      failed      Checked with C920 (24/11 10:00)",
        "  … sound       to do       Not checked for this session yet",
        "  … checklist   to do       No checklist run for this session yet",
        "  … licence     to do       No licence booked",
        "  ✔ meeting     done        Meeting entered",
        "  … launch      to do       Not launched yet",
        "  – attendance  not needed  After the session",
        "Ready: no (4 left: camera, sound, checklist, licence)",
        "Next: Check the camera",
    ]
    code, out, _ = regie("sessions", "prepare", str(sid), "--json")
    data = json.loads(out)
    assert data["next_step"] == "camera" and data["verdict"] == "fail"
    code, out, err = regie("sessions", "prepare", "999")
    assert code == 1 and err.startswith("regie: Session 999 does not exist.")


# ------------------------------------------------------------------ skip
def test_skip_keeps_the_reason_and_who(
    net: Network, regie: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.cli.today.operator_name", lambda: "camille")
    sid = net.session("Café FLE", at(18))
    code, out, err = regie("sessions", "skip", str(sid), "camera", "--reason",
                           " No camera  in this room ")
    assert code == 0, err
    assert out.splitlines() == [
        f"Session {sid}: camera skipped (No camera in this room).",
        "Next: Check the sound",
    ]
    code, out, _ = regie("sessions", "prepare", str(sid))
    assert "  ↷ camera      skipped     Skipped: No camera in this room (camille, 24/11 10:00)" \
        in out.splitlines()
    code, out, _ = regie("sessions", "skip", str(sid), "camera", "--undo", "--json")
    assert code == 0 and json.loads(out)["next_step"] == "camera"
    code, out, _ = regie("sessions", "prepare", str(sid), "--json")
    assert json.loads(out)["steps"][0]["state"] == "todo"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["camera"], "A skipped step needs a reason. Say in a few words why it is left out"),
        (["camera", "--reason", "   "], "A skipped step needs a reason."),
        (["meeting", "--reason", "x"], "The step “meeting” cannot be skipped. Skip one of: "
                                       "camera, sound, checklist, licence, attendance."),
        (["launch", "--reason", "x"], "The step “launch” cannot be skipped."),
        (["camera", "--undo", "--reason", "x"], "--undo takes a skip back; it has no reason."),
    ],
)
def test_skip_says_what_to_do(net: Network, regie: Run, argv: list[str], said: str) -> None:
    sid = net.session("Café FLE", at(18))
    code, out, err = regie("sessions", "skip", str(sid), *argv)
    assert code == 1 and out == ""
    assert err.startswith(f"regie: {said}")
    code, out, _ = regie("sessions", "prepare", str(sid), "--json")
    assert all(s["state"] != "skipped" for s in json.loads(out)["steps"])


# ------------------------------------------------------------------ ready
def test_ready_by_the_facts_by_hand_and_cleared(net: Network, regie: Run) -> None:
    sid = net.session("Café FLE", at(11))
    code, out, err = regie("sessions", "ready", str(sid))
    assert code == 1 and out == ""
    assert err.startswith(
        f"regie: Session {sid} is not ready yet: camera, sound, checklist, licence, meeting "
        "still to do. Do those steps, skip them with a reason, or mark it ready by hand"
    )
    code, out, err = regie("sessions", "ready", str(sid), "--reason", "Rehearsed yesterday")
    assert code == 0, err
    assert out.splitlines() == [f"Session {sid} is ready, by hand: Rehearsed yesterday.",
                                "Next: Launch Zoom"]
    assert net.services.sessions.row(sid).status is SessionStatus.READY
    code, out, _ = regie("sessions", "prepare", str(sid))
    assert any(line.startswith("Ready by hand: Rehearsed yesterday (") for line in out.splitlines())
    code, out, _ = regie("sessions", "ready", str(sid), "--clear")
    assert code == 0 and out.splitlines()[0] == (
        f"Session {sid}: “ready” by hand taken back; it is planned."
    )
    assert net.services.sessions.row(sid).status is SessionStatus.PLANNED
    code, _, err = regie("sessions", "ready", str(sid), "--reason", "")
    assert code == 1 and err.startswith("regie: Marking a session ready by hand needs a reason.")
    # Prepared for real: ready by its facts.
    ready_to_launch(net, sid)
    assert regie("sessions", "skip", str(sid), "checklist", "--reason", "Known room")[0] == 0
    code, out, err = regie("sessions", "ready", str(sid), "--json")
    assert code == 0, err
    assert json.loads(out)["ready"] is True and json.loads(out)["override"] is None
    assert net.services.sessions.row(sid).status is SessionStatus.READY


def test_launch_refused_outside_its_window(net: Network, regie: Run) -> None:
    """`regie launch` says from when, before opening anything (a dry run too)."""
    sid = net.session("Café FLE", at(18), host=net.staff("Inès Martin"))
    net.feature.launcher.set_meeting(sid, "123 4567 8901", None, None)
    code, out, err = regie("launch", str(sid), "--dry-run")
    assert code == 1 and out == ""
    assert err == (
        f"regie: Session {sid} can be launched from 24/11/2026 17:30, 30 minutes before it "
        f"starts, until it ends. Prepare it meanwhile (“regie sessions prepare {sid}”).\n"
    )
    code, out, err = regie("launch", str(sid), "--dry-run", now="2026-11-24T17:30")
    assert code == 0, err
    assert "Would open: zoommtg://" in out
