"""The keyring vault against the real Secret Service, and without any backend."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.errors import ValidationError
from app.zoom.vault import (
    MAX_SECRET_BYTES,
    SERVICE,
    KeyringVault,
    SecretKind,
    VaultError,
    VaultState,
    clean_secret,
    mark_secret,
    mask_secrets,
)
from tests.zoom.conftest import Network


@pytest.mark.keyring
def test_real_secret_service_round_trip(keyring_vault: KeyringVault) -> None:
    ref = f"test/{uuid.uuid4().hex}/host-key"
    keyring_vault.put(ref, "123456")
    assert keyring_vault.get(ref) == "123456"
    assert keyring.get_password(SERVICE, ref) == "123456"  # really in the Secret Service
    keyring_vault.put(ref, "654321")  # replace
    assert keyring_vault.get(ref) == "654321"
    keyring_vault.delete(ref)
    assert keyring_vault.get(ref) is None
    keyring_vault.delete(ref)  # deleting twice is fine
    health = keyring_vault.health()
    assert health.state is VaultState.USABLE and "SecretService" in health.backend
    assert keyring_vault.get(f"{SERVICE}/health-probe") is None  # the probe cleans up


@pytest.mark.keyring
def test_licence_secrets_written_replaced_deleted_with_the_licence(network: Network) -> None:
    f = network.feature
    lid = network.licence("Zoom 1")
    f.secrets.store(lid, SecretKind.PASSWORD, "correct horse battery staple\n")
    f.secrets.store(lid, SecretKind.HOST_KEY, "123456")
    f.secrets.store(lid, SecretKind.HOST_KEY, "246810")
    refs = f.repo.secret_refs(lid)
    assert set(refs) == {SecretKind.PASSWORD, SecretKind.HOST_KEY}
    assert all("/licence/" in r and "2468" not in r for r in refs.values())
    assert f.secrets.read(lid, SecretKind.HOST_KEY) == "246810"
    assert f.secrets.read(lid, SecretKind.PASSWORD) == "correct horse battery staple"
    f.secrets.remove_all(lid)
    assert f.repo.secret_refs(lid) == {}
    assert all(keyring.get_password(SERVICE, r) is None for r in refs.values())


def test_secret_rules_never_quote_the_secret() -> None:
    too_long = "x" * (MAX_SECRET_BYTES // 2 + 1)
    with pytest.raises(ValidationError) as err:
        clean_secret(SecretKind.PASSWORD, too_long)
    assert too_long not in err.value.text() and "2560" in err.value.text()
    assert clean_secret(SecretKind.PASSWORD, "x" * (MAX_SECRET_BYTES // 2)) == "x" * 1280
    # Non-ASCII counts in UTF-16 units, as Windows stores it.
    with pytest.raises(ValidationError):
        clean_secret(SecretKind.PASSWORD, "🔑" * 641)
    for bad in ("", "12345", "12345a", "12345678901"):
        with pytest.raises(ValidationError) as err:
            clean_secret(SecretKind.HOST_KEY, bad)
        assert not bad or bad not in err.value.text()
    with pytest.raises(ValidationError):
        clean_secret(SecretKind.PASSCODE, "has space")
    assert clean_secret(SecretKind.PASSCODE, " Ab3@x \n") == "Ab3@x"


def test_masking_hides_passcodes_passwords_and_what_the_vault_handled() -> None:
    """What logs and crash logs go through (app.crash)."""
    assert (
        mask_secrets("open https://bm.zoom.us/j/123456789?pwd=Ab3%40x&x=1 now")
        == "open https://bm.zoom.us/j/123456789?pwd=****&x=1 now"
    )
    assert (
        mask_secrets("db postgresql://regie:hunter2@serveur/regie")
        == "db postgresql://regie:****@serveur/regie"
    )
    mark_secret("mkX9vault")
    mark_secret("7301")
    assert (
        mask_secrets("key mkX9vault, passcode 7301 on line 73012")
        == "key ****, passcode **** on line 73012"
    )
    with pytest.raises(ValidationError):
        clean_secret(SecretKind.HOST_KEY, " 12ab-refused ")
    assert mask_secrets("typed 12ab-refused") == "typed ****"  # refused, still a secret


def test_no_backend_is_reported_missing_and_nothing_is_written() -> None:
    vault = KeyringVault(keyring.backends.fail.Keyring())
    health = vault.health()
    assert health.state is VaultState.MISSING and not health.usable
    assert "GNOME Keyring" in health.fix
    with pytest.raises(VaultError) as err:
        vault.put("x/licence/1/password", "s3cret-value")
    assert err.value.state is VaultState.MISSING
    assert "s3cret-value" not in err.value.text()


class _Plaintext:
    """Stands for keyrings.alt's file backend, which must never be used."""

    def set_password(self, *_a: str) -> None:
        raise AssertionError("a plaintext backend was written to")


_Plaintext.__module__ = "keyrings.alt.file"


def test_plaintext_backend_is_refused() -> None:
    vault = KeyringVault(_Plaintext())
    assert vault.health().state is VaultState.MISSING
    with pytest.raises(VaultError):
        vault.put("x", "secret")


def test_check_vault_cli_without_backend(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "licences", "check-vault", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert '"state": "missing"' in done.stdout


@pytest.mark.keyring
def test_locked_keyring_is_reported(tmp_path: Path) -> None:
    """A Secret Service that was never unlocked: its own private bus and daemon."""
    if shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None:
        pytest.skip("gnome-keyring is not installed")
    home = tmp_path / "home"
    run = tmp_path / "run"
    home.mkdir()
    run.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(run),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    lock = (
        "import secretstorage; c = secretstorage.dbus_init(); "
        "secretstorage.get_default_collection(c).lock()"
    )
    script = (
        "printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f"{sys.executable} -c '{lock}' && "
        f"{sys.executable} -m app licences check-vault --json"
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert '"state": "locked"' in done.stdout, done.stdout + done.stderr


@pytest.mark.keyring
def test_health_checks_at_once_all_see_a_usable_keyring() -> None:
    """The desk and the Licences area check the keyring at the same moment at start-up."""
    import threading

    results: list[object] = []

    def check() -> None:
        results.append(KeyringVault().health().state)

    threads = [threading.Thread(target=check) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [VaultState.USABLE] * 6


def _regie(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--no-err-windows", "--db", str(db),
         "--now", "2026-11-24T10:00", *args],
        input=stdin, capture_output=True, text=True, timeout=120, env=os.environ.copy(),
    )


@pytest.mark.keyring
def test_a_keyring_never_unlocked_is_locked_for_every_command(tmp_path: Path) -> None:
    """A Secret Service whose login keyring was never created (its creation prompt is
    dismissed: keyring's InitError) is "locked" whichever command meets it, as the
    health check says: launching, storing the server's password, storing a secret."""
    if shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None:
        pytest.skip("gnome-keyring is not installed")
    import sqlite3

    db = tmp_path / "regie.sqlite3"
    assert _regie(db, "demo").returncode == 0
    conn = sqlite3.connect(db)
    sid, label, starts = conn.execute(
        "SELECT s.id, l.label, s.starts_at FROM sessions s "
        "JOIN licences l ON l.id = s.licence_id "
        "WHERE s.status = 'planned' ORDER BY s.starts_at LIMIT 1"
    ).fetchone()
    conn.close()
    # On the test command's unlocked keyring: the meeting's passcode and the host key.
    done = _regie(db, "sessions", "meeting", str(sid), "--meeting-id", "81234567890",
                  "--passcode-stdin", stdin="abc123\n")
    assert done.returncode == 0, done.stderr
    done = _regie(db, "licences", "set-secret", label, "--kind", "host-key", stdin="123456\n")
    assert done.returncode == 0, done.stderr

    home = tmp_path / "home"
    run = tmp_path / "run"
    home.mkdir()
    run.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(run),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # In the session's launch window, so that the keyring is what stops the launch.
    now = (datetime.fromisoformat(str(starts)).replace(tzinfo=UTC) - timedelta(minutes=15))
    regie = (f"{shlex.quote(sys.executable)} -m app --no-err-windows --db {shlex.quote(str(db))}"
             f" --now {now.isoformat()}")
    commands = {
        "launch": f"{regie} launch {sid} --json",
        "set-password": f"printf pw | {regie} db set-password "
                        "postgresql+psycopg://regie@db.example.org/regie",
        "set-secret": f"printf 123456 | {regie} licences set-secret {shlex.quote(label)} "
                      "--kind host-key",
        "check-vault": f"{regie} licences check-vault --json",
    }
    script = "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; " + "; ".join(
        f"{command} >{tmp_path / name}.out 2>{tmp_path / name}.err; "
        f"echo $? >{tmp_path / name}.rc"
        for name, command in commands.items()
    )
    subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env,
                   capture_output=True, text=True, timeout=300, check=False)
    for name in commands:
        rc = (tmp_path / f"{name}.rc").read_text().strip()
        said = (tmp_path / f"{name}.out").read_text() + (tmp_path / f"{name}.err").read_text()
        assert rc == "1", f"{name}: {said}"
        assert "refused the operation" not in said, f"{name}: {said}"
        if name == "check-vault":
            assert '"state": "locked"' in said, said
        else:
            assert "regie: The password store is locked. Unlock it" in said, f"{name}: {said}"


def test_health_checked_in_a_child_process_is_the_health_checked_here() -> None:
    """The desk's start-up check runs `regie licences check-vault` apart: same answer."""
    assert KeyringVault().health_apart() == KeyringVault().health()


@pytest.mark.keyring
def test_health_checked_in_a_child_process_sees_a_usable_keyring() -> None:
    assert KeyringVault().health_apart().state is VaultState.USABLE
