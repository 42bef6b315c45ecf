"""Crash logs tell what led to a bug: the last log lines go with the traceback, and no
secret goes with them. Each crash happens in a real `regie` process started as the CLI
starts (`app.__main__.main`), whose command then fails with a bug."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from app.config import data_dir

JOIN = "zoommtg://zoom.us/join?action=join&confno=12345678901&pwd=SECRET&uname=Accueil"

# The command line's verb is replaced by `body`, which logs, then meets a bug.
_CLI = """
import logging, sys
from app import __main__, cli

def verb(_args):
{body}
    raise RuntimeError("the import fell over")

cli.run = verb
sys.exit(__main__.main(["sessions", "list"]))
"""


def _crash(body: str) -> tuple[str, str]:
    """Run the CLI with `body` as its command; the crash log's text and stderr."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    done = subprocess.run(
        [sys.executable, "-c", _CLI.format(body=indented)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
        check=False,
    )
    assert done.returncode == 1, done.stderr
    [log] = (data_dir() / "crashes").glob("crash-*.log")
    return log.read_text(encoding="utf-8"), done.stderr


def test_a_crash_log_carries_the_recent_log_lines_with_passcodes_masked() -> None:
    text, stderr = _crash(
        f"""
logging.getLogger("app.zoom.launch").info("launched session 4 with %s", {JOIN!r})
logging.getLogger("app.ui.workers").debug("task failed: the printer is away")
logging.getLogger("app.storage").warning("the outbox waits")
"""
    )
    assert "RuntimeError: the import fell over" in text
    lines = text.split("log records, oldest first:\n", 1)[1].splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "INFO app.zoom.launch: launched session 4 with "
        "zoommtg://zoom.us/join?action=join&confno=12345678901&pwd=****&uname=Accueil",
        "DEBUG app.ui.workers: task failed: the printer is away",
        "WARNING app.storage: the outbox waits",
    ]
    assert "SECRET" not in text and "SECRET" not in stderr
    assert "the outbox waits" in stderr  # warnings still reach stderr, as before


def test_a_crash_log_keeps_a_bounded_number_of_lines() -> None:
    text, _ = _crash(
        """
for i in range(1000):
    logging.getLogger("app.devices").info("frame %d", i)
"""
    )
    lines = text.split("log records, oldest first:\n", 1)[1].splitlines()
    assert len(lines) == 400
    assert lines[0].endswith("frame 600") and lines[-1].endswith("frame 999")


@pytest.mark.keyring
def test_a_secret_the_vault_handled_is_masked_in_the_crash_log() -> None:
    ref = f"tests-{uuid.uuid4().hex}/licence/1/host-key"
    try:
        text, stderr = _crash(
            f"""
from app.zoom.vault import KeyringVault
vault = KeyringVault()
vault.put({ref!r}, "80421937")
key = vault.get({ref!r})
logging.getLogger("app.zoom").info("claiming host with %s", key)
raise RuntimeError("host key " + key + " refused")
"""
        )
    finally:
        from app.zoom.vault import KeyringVault

        KeyringVault().delete(ref)
    assert "80421937" not in text and "80421937" not in stderr
    assert "INFO app.zoom: claiming host with ****" in text
    assert "RuntimeError: host key **** refused" in text
