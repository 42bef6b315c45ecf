"""The offline queue: attendance typed while the network database is down waits on this
computer and reaches the server once it answers again — no loss, no duplicate. The
PostgreSQL test stops the real server in the middle (and always starts it again)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app import cli
from app.config import data_dir
from app.core.outbox import PendingKind, PendingWrite, attendance_payload, replay
from app.errors import RegieError
from app.services import Services, build_attendance, open_services
from app.storage.outbox import LocalOutbox, apply, send_pending
from tests.support.fixtures import PgControl, desk_config
from tests.support.offline import add_cafe_fle


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(cli.build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ pure replay
def _item(key: str) -> PendingWrite:
    payload = attendance_payload(1, registered=3, connected=None, on_site=None)
    return PendingWrite(key, PendingKind.ATTENDANCE, payload, datetime.now().astimezone())


def test_replay_keeps_order_and_stops_when_offline_again() -> None:
    applied: list[str] = []
    forgotten: list[str] = []

    def send(item: PendingWrite) -> bool:
        if item.key == "c":
            raise ConnectionError("gone")
        applied.append(item.key)
        return item.key != "b"  # "b" had reached the server before

    report = replay(
        [_item(k) for k in "abcd"],
        send,
        forgotten.append,
        lambda k, e: None,
        lambda err: isinstance(err, ConnectionError),
    )
    assert applied == ["a", "b"] and forgotten == ["a", "b"]
    assert report.sent == ["a"] and report.already == ["b"] and report.still_offline


def test_a_refused_write_stays_queued_with_its_reason() -> None:
    refused: dict[str, str] = {}

    def send(item: PendingWrite) -> bool:
        raise RegieError("Session {id} does not exist.", "Check.", id=7)

    report = replay(
        [_item("a")],
        send,
        lambda k: None,
        lambda k, e: refused.update({k: e.text()}),
        lambda err: False,
    )
    assert "7" in refused["a"] and report.refused and not report.sent


# ------------------------------------------------------------------ storage, both engines
@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_apply_twice_writes_once(services: Services, tmp_path: Path) -> None:
    sid = add_cafe_fle(services)
    outbox = LocalOutbox(tmp_path)
    key = outbox.add(
        PendingKind.ATTENDANCE, attendance_payload(sid, registered=12, connected=9, on_site=2)
    )
    item = outbox.items()[0]
    assert apply(services.db, item) is True
    att = build_attendance(services)
    att.set_counts(sid, connected=10)  # someone corrects it online afterwards
    assert apply(services.db, item) is False  # sent again: the correction stays
    assert att.record(sid) is not None and att.record(sid).connected == 10  # type: ignore[union-attr]
    report = send_pending(services.db, outbox)
    assert report.already == [key] and outbox.count() == 0
    bad = outbox.add(
        PendingKind.ATTENDANCE, attendance_payload(999, registered=1, connected=None, on_site=None)
    )
    report = send_pending(services.db, outbox)
    assert bad in report.refused and outbox.count() == 0 and outbox.refused() == 1


# ------------------------------------------------------------------ the real server stops
@pytest.mark.postgresql
def test_counts_typed_while_the_server_is_down_arrive_once(
    stoppable: tuple[str, PgControl],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, ctl = stoppable
    monkeypatch.setenv("REGIE_DB", url)
    services = open_services(desk_config(url))
    sid = add_cafe_fle(services)
    services.close()

    code, out, _ = run(capsys, "attendance", "set", str(sid), "--registered", "15", "--json")
    assert code == 0 and json.loads(out)["registered"] == 15

    ctl.stop()
    code, out, err = run(capsys, "attendance", "set", str(sid), "--connected", "11", "--json")
    assert code == 0 and json.loads(out) == {
        "session": sid,
        "queued": True,
        "queue": 1,
        "registered": None,
        "connected": 11,
        "on_site": None,
    }
    assert "cannot be reached" in err
    code, out, _ = run(capsys, "attendance", "set", str(sid), "--onsite", "4", "--json")
    assert json.loads(out)["queue"] == 2
    code, out, _ = run(capsys, "db", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["online"] is False and status["queue"] == 2
    assert (data_dir() / "outbox.sqlite3").is_file()

    ctl.start()
    code, out, _ = run(capsys, "db", "status", "--json")
    status = json.loads(out)
    assert status["online"] is True and status["queue"] == 0
    assert status["sent"] == {"sent": 2, "already_applied": 0, "refused": 0, "still_offline": False}
    code, out, _ = run(capsys, "attendance", "show", str(sid), "--json")
    shown = json.loads(out)
    assert (shown["registered"], shown["connected"], shown["on_site"]) == (15, 11, 4)
    # Nothing is sent twice: the receipts hold exactly the two keys.
    services = open_services(desk_config(url))
    import sqlalchemy as sa

    from app.storage.outbox import offline_receipts

    with services.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(offline_receipts)).scalar() == 2
    services.close()
    assert LocalOutbox(data_dir()).count() == 0


def test_a_local_file_that_cannot_be_opened_is_an_error_not_a_queue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plain path is a file on this computer: counts never wait for it as for a server."""
    folder = tmp_path / "not-a-database"
    folder.mkdir()
    code, out, err = run(
        capsys, "--db", str(folder), "attendance", "set", "1", "--registered", "3"
    )
    assert code == 1 and out == ""
    assert "cannot be opened" in err and "queued" not in err
    assert LocalOutbox(data_dir()).count() == 0
