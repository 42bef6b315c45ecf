"""The command-line twin, end to end, and proof that no secret leaks anywhere."""

from __future__ import annotations

import io
import json
import logging
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.core.models import SessionStatus
from app.crash import write_crash_log
from app.zoom.vault import SecretKind
from tests.zoom.conftest import Network

HOST_KEY = "739164"
PASSWORD = "Tr0ub4dor&3-unique-8f2c"
PASSCODE = "Qz7mK2"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.run(cli.build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_assign_without_keyring(network: Network, at, capsys, monkeypatch) -> None:
    monkeypatch.setenv("REGIE_DB", network.services.config.db_url)
    code, out, _ = run(
        capsys,
        monkeypatch,
        "licences",
        "add",
        "--label",
        "Zoom 1",
        "--email",
        "z1@bm.fr",
        "--plan",
        "pro",
        "--cap",
        "100",
        "--json",
    )
    assert code == 0 and json.loads(out)["label"] == "Zoom 1"
    code, _, err = run(
        capsys,
        monkeypatch,
        "licences",
        "add",
        "--label",
        "Nord",
        "--email",
        "n@bm.fr",
        "--plan",
        "pro",
        "--cap",
        "100",
        "--concurrent",
        "2",
    )
    assert code == 1 and "Pro licence runs only one meeting" in err
    code, out, _ = run(
        capsys,
        monkeypatch,
        "licences",
        "add",
        "--label",
        "Nord",
        "--email",
        "n@bm.fr",
        "--plan",
        "business",
        "--cap",
        "300",
        "--branch",
        "nord",
    )
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "licences", "list", "--json")
    rows = json.loads(out)
    assert [(r["label"], r["branch"], r["secrets"]) for r in rows] == [
        ("Nord", "nord", []),
        ("Zoom 1", None, []),
    ]
    s1 = network.session("Conte", at(10))
    s2 = network.session("Conte 2", at(10, 30))
    code, out, _ = run(capsys, monkeypatch, "sessions", "assign", str(s1), "--auto", "--json")
    assert code == 0 and json.loads(out)["licence"] == "Zoom 1"
    code, _, err = run(capsys, monkeypatch, "sessions", "assign", str(s2), "--licence", "Zoom 1")
    assert code == 1 and f"session {s1}" in err and "Conte" in err
    code, out, _ = run(
        capsys, monkeypatch, "licences", "planning", "--from", "2026-11-24", "--days", "1", "--json"
    )
    plan = {r["licence"]: r for r in json.loads(out)}
    assert [s["kind"] for s in plan["Zoom 1"]["segments"]] == ["free", "booked", "free"]
    code, out, _ = run(capsys, monkeypatch, "licences", "policy", "--before", "0", "--json")
    assert json.loads(out) == {
        "buffer_before_minutes": 0, "buffer_after_minutes": 5, "bookings_updated": 0
    }  # its session is over: its hold stays as it was
    code, out, _ = run(capsys, monkeypatch, "licences", "policy", "--json")
    assert json.loads(out) == {"buffer_before_minutes": 0, "buffer_after_minutes": 5}


def stored_bytes(network: Network) -> list[bytes]:
    """Everything the database holds. SQLite: the bytes of its file and of its journal
    (-wal), free pages included. PostgreSQL: every row of every table, as text."""
    db = network.services.db
    if db.path is not None:
        files = [db.path, *(db.path.with_name(db.path.name + end) for end in ("-wal", "-shm"))]
        blobs = [f.read_bytes() for f in files if f.is_file()]
        assert blobs and blobs[0], "the database file is there"
        return blobs
    from app.storage.database import Database

    server = Database(network.services.config.db_url)  # its own connection, after close
    try:
        with server.read() as conn:
            tables = conn.exec_driver_sql(
                "SELECT quote_ident(table_name) FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            ).scalars().all()
            assert "licence_secrets" in tables and "session_meetings" in tables
            rows = [
                text
                for table in tables
                for text in conn.exec_driver_sql(
                    f"SELECT row_to_json(t)::text FROM {table} t"  # names from the catalogue
                ).scalars()
            ]
    finally:
        server.dispose()
    return ["\n".join(rows).encode()]


@pytest.mark.keyring
def test_no_secret_reaches_db_logs_output_or_crash_log(
    network: Network, at, capsys, monkeypatch, caplog, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("REGIE_DB", network.services.config.db_url)
    outputs: list[str] = []

    def go(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        code, out, err = run(capsys, monkeypatch, *argv, stdin=stdin)
        outputs.extend([out, err])
        return code, out, err

    assert (
        go(
            "licences",
            "add",
            "--label",
            "Zoom 1",
            "--email",
            "z1@bm.fr",
            "--plan",
            "pro",
            "--cap",
            "100",
        )[0]
        == 0
    )
    assert (
        go("licences", "set-secret", "Zoom 1", "--kind", "host-key", stdin=HOST_KEY + "\n")[0] == 0
    )
    assert go("licences", "set-secret", "Zoom 1", "--kind", "password", stdin=PASSWORD)[0] == 0
    code, _, err = go("licences", "set-secret", "Zoom 1", "--kind", "password", stdin="y" * 5000)
    assert code == 1 and "too long" in err
    sid = network.session("Café FLE", at(18))
    assert go("sessions", "assign", str(sid), "--licence", "Zoom 1")[0] == 0
    assert (
        go(
            "sessions",
            "meeting",
            str(sid),
            "--meeting-id",
            "123 4567 8901",
            "--passcode-stdin",
            "--join-url",
            f"https://zoom.us/j/12345678901?pwd={PASSCODE}",
            stdin=PASSCODE,
        )[0]
        == 0
    )
    network.staff("Claire Fontaine")
    # Launched in its window: from 30 minutes before its start.
    code, out, _ = go(
        "--now", at(17, 45).isoformat(), "launch", str(sid), "--dry-run", "--json",
        "--as", "Claire Fontaine",
    )
    data = json.loads(out)
    assert code == 0 and data["client_url"].endswith(
        "pwd=****&uname=" + data["client_url"].rsplit("=", 1)[1]
    )
    assert data["client_url"].endswith("&uname=Claire%20Fontaine")
    assert data["host_key"] == "****" and data["passcode"] == "****" and data["dry_run"]
    go("licences", "list", "--json")
    go("launch", str(sid), "--dry-run", "--as", "claire fontaine")
    # A crash while a secret is in play: the crash log holds the traceback only.
    try:
        network.feature.secrets.store(999, network.feature.secrets.kinds(1)[0], HOST_KEY)
    except Exception as exc:  # the licence 999 does not exist: a foreign-key failure
        log = write_crash_log(tmp_path / "crashes", type(exc), exc, exc.__traceback__)
        assert log is not None
        outputs.append(log.read_text(encoding="utf-8"))
    blobs = stored_bytes(network)
    network.services.close()
    blobs += stored_bytes(network)
    # What was read is this network's data: its licence and meeting are in it.
    assert any(b"z1@bm.fr" in blob for blob in blobs)
    assert any(b"12345678901" in blob for blob in blobs)
    texts = [
        *outputs,
        *(r.getMessage() for r in caplog.records),
        *(str(r.args) for r in caplog.records),
    ]
    for secret in (HOST_KEY, PASSWORD, PASSCODE):
        for blob in blobs:
            assert secret.encode() not in blob
            assert secret.encode("utf-16-le") not in blob
        for text in texts:
            assert secret not in text
    # ... and they are in the keyring.
    import keyring

    refs = network.feature.repo.secret_refs(1)
    assert {keyring.get_password("regie", r) for r in refs.values()} == {HOST_KEY, PASSWORD}


@pytest.mark.sqlite_only  # reads the SQLite file's bytes
def test_set_secret_without_backend_in_subprocess(network: Network, tmp_path: Path) -> None:
    """The no-backend path end to end: a clear message, exit 1, nothing stored anywhere."""
    network.licence("Zoom 1")
    network.services.close()
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "REGIE_DB": network.services.config.db_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "licences", "set-secret", "Zoom 1", "--kind", "host-key"],
        input=HOST_KEY,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "No secure password store" in done.stderr
    assert HOST_KEY not in done.stdout + done.stderr
    assert HOST_KEY.encode() not in Path(network.services.db.path or "").read_bytes()
    crashes = Path(os.environ["REGIE_DATA_DIR"]) / "crashes"
    assert not crashes.exists() or not list(crashes.iterdir())


def _recording_opener(folder: Path, refuse: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """An `xdg-open` that writes each URL it is given to a file, and fails (as when no
    program handles the scheme) for URLs starting with one of `refuse`."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    record = folder / "opened.txt"
    refusals = "".join(f'  {shlex.quote(p)}*) exit 4 ;;\n' for p in refuse)
    opener = bin_dir / "xdg-open"
    opener.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$*" >> {shlex.quote(str(record))}\n'
        f'case "$1" in\n{refusals}esac\n'
        "exit 0\n"
    )
    opener.chmod(0o755)
    return bin_dir, record


@pytest.mark.keyring
@pytest.mark.sqlite_only  # the opener is what is tested, not the engine
@pytest.mark.parametrize(("refuse", "opened", "said"), [
    ((), "client", "Zoom opened."),
    (("zoommtg:",), "web", "Opened in the web browser."),
], ids=["zoom-client", "web-fallback"])
def test_launch_opens_the_meeting_with_the_system_opener(
    network: Network, at, tmp_path: Path, refuse: tuple[str, ...], opened: str, said: str
) -> None:
    """`regie launch` for real: the system opener (first on PATH) gets the URL with the
    passcode; what the command prints, in text or JSON, never shows it."""
    f = network.feature
    lid = network.licence("Zoom 1")
    sid = network.session("Café FLE", at(18), host=network.staff("Élise Noël"))
    f.service.assign(sid, lid)
    f.secrets.store(lid, SecretKind.HOST_KEY, HOST_KEY)
    f.launcher.set_meeting(sid, "123 4567 8901", PASSCODE, None)
    bin_dir, record = _recording_opener(tmp_path, refuse)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "REGIE_DB": network.services.config.db_url,
    }

    def launch(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--now", at(17, 45).isoformat(), "launch", str(sid),
             *extra],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )

    text = launch()
    assert text.returncode == 0, text.stderr
    assert said in text.stdout and "Claim host" in text.stdout
    client = f"zoommtg://zoom.us/join?action=join&confno=12345678901&pwd={PASSCODE}&uname="
    web = f"https://zoom.us/j/12345678901?pwd={PASSCODE}"
    urls = record.read_text().splitlines()
    assert len(urls) == (1 if opened == "client" else 2)
    assert urls[0].startswith(client) and len(urls[0]) > len(client)
    assert urls[0] == client + "%C3%89lise%20No%C3%ABl"  # the host's name, nobody else's
    if opened == "web":
        assert urls[1] == web
    assert network.services.sessions.get(sid).status is SessionStatus.RUNNING

    as_json = launch("--json")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["opened"] == opened and data["dry_run"] is False
    assert data["passcode"] == "****" and data["host_key"] == "****"
    assert "pwd=****" in data["client_url"] and data["web_url"].endswith("pwd=****")
    assert record.read_text().splitlines()[len(urls):] == urls  # opened the same again
    for done in (text, as_json):
        for secret in (PASSCODE, HOST_KEY):
            assert secret not in done.stdout and secret not in done.stderr
    # The command line copied nothing: it never says to paste the host key.
    [step] = data["next_steps"]
    assert "type the host key of “Zoom 1” (on that account's Zoom profile page" in step
    assert "paste" not in text.stdout + step and "Ctrl+V" not in text.stdout + step


@pytest.mark.keyring
@pytest.mark.sqlite_only
def test_launch_says_what_to_do_when_nothing_opens(
    network: Network, at, tmp_path: Path
) -> None:
    f = network.feature
    sid = network.session("Café FLE", at(18), host=network.staff("Élise Noël"))
    f.launcher.set_meeting(sid, "123 4567 8901", PASSCODE, None)
    bin_dir, record = _recording_opener(tmp_path, ("zoommtg:", "https:"))
    done = subprocess.run(
        [sys.executable, "-m", "app", "--now", at(17, 45).isoformat(), "launch", str(sid)],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
             "REGIE_DB": network.services.config.db_url},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1
    assert "Neither the Zoom application nor a web browser could be opened" in done.stderr
    assert "https://zoom.us/j/12345678901?pwd=****" in done.stderr
    assert PASSCODE not in done.stdout + done.stderr
    tried = record.read_text().splitlines()
    assert len(tried) == 2 and all(f"pwd={PASSCODE}" in url for url in tried)
    assert network.services.sessions.get(sid).status is SessionStatus.PLANNED


def test_launch_names_the_host_else_the_staff_member_given(
    network: Network, at, capsys, monkeypatch
) -> None:
    """Zoom shows the session's host; without one, the staff member named with --as;
    with neither the command refuses. The computer's account name is never sent."""
    import getpass

    monkeypatch.setenv("REGIE_DB", network.services.config.db_url)
    f = network.feature
    network.staff("Paul Martin")
    hostless = network.session("Sans hôte", at(18))
    f.launcher.set_meeting(hostless, "123 4567 8901", None, None)
    hosted = network.session("Avec hôte", at(20), host=network.staff("Marie Curie"))
    f.launcher.set_meeting(hosted, "987 6543 2100", None, None)

    before, before_hosted = at(17, 45).isoformat(), at(19, 45).isoformat()
    code, out, err = run(capsys, monkeypatch, "--now", before, "launch", str(hostless),
                         "--dry-run", "--json")
    assert code == 1 and out == ""
    assert "Session " + str(hostless) + " has no host" in err and "--as" in err

    code, out, _ = run(capsys, monkeypatch, "--now", before, "launch", str(hostless),
                       "--dry-run", "--json", "--as", "paul martin")
    data = json.loads(out)
    assert code == 0 and data["display_name"] == "Paul Martin"
    assert data["client_url"].endswith("&uname=Paul%20Martin")

    code, out, err = run(capsys, monkeypatch, "--now", before, "launch", str(hostless),
                         "--dry-run", "--as", "Quelqu'un d'autre")
    assert code == 1 and "not an active staff member" in err

    code, out, _ = run(capsys, monkeypatch, "--now", before_hosted, "launch", str(hosted),
                       "--dry-run", "--json", "--as", "Paul Martin")
    data = json.loads(out)
    assert data["display_name"] == "Marie Curie"
    assert data["client_url"].endswith("&uname=Marie%20Curie")
    code, out, _ = run(capsys, monkeypatch, "--now", before_hosted, "launch", str(hosted),
                       "--dry-run")
    assert code == 0 and "Name shown in Zoom: Marie Curie" in out
    assert f"uname={getpass.getuser()}" not in out


@pytest.mark.sqlite_only  # the opener is what is tested, not the engine
def test_launch_without_a_name_opens_nothing(network: Network, at, tmp_path: Path) -> None:
    f = network.feature
    sid = network.session("Sans hôte", at(18))
    f.launcher.set_meeting(sid, "123 4567 8901", None, None)
    bin_dir, record = _recording_opener(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--now", at(17, 45).isoformat(), "launch", str(sid)],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
             "REGIE_DB": network.services.config.db_url},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1 and "has no host" in done.stderr
    assert not record.exists()  # nothing was opened
    assert network.services.sessions.get(sid).status is SessionStatus.PLANNED


@pytest.mark.keyring
def test_meeting_json_says_what_was_saved_without_the_passcode(
    network: Network, at, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("REGIE_DB", network.services.config.db_url)
    sid = network.session("Café FLE", at(18))
    code, out, err = run(
        capsys, monkeypatch, "sessions", "meeting", str(sid), "--meeting-id", "123 4567 8901",
        "--passcode-stdin", "--join-url", f"https://zoom.us/j/12345678901?pwd={PASSCODE}",
        "--json", stdin=PASSCODE,
    )
    assert code == 0, err
    assert json.loads(out) == {
        "session_id": sid,
        "meeting_id": "12345678901",
        "join_url": "https://zoom.us/j/12345678901",
        "passcode": "****",
    }
    assert PASSCODE not in out + err
    code, out, err = run(
        capsys, monkeypatch, "sessions", "meeting", str(sid), "--meeting-id", "98765432100",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["passcode"] is None
