"""Which database Régie opens: --db, then REGIE_DB, then the one chosen in the app."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import db_url, default_db_url, save_db_url, saved_db_file, saved_db_url


def test_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert db_url() == default_db_url()
    save_db_url("postgresql://regie@server/regie")
    assert saved_db_file().read_text(encoding="utf-8").strip() == "postgresql://regie@server/regie"
    assert db_url() == "postgresql://regie@server/regie"
    monkeypatch.setenv("REGIE_DB", "/tmp/env.sqlite3")
    assert db_url() == "/tmp/env.sqlite3"
    assert db_url("/tmp/cli.sqlite3") == "/tmp/cli.sqlite3"
    monkeypatch.delenv("REGIE_DB")
    save_db_url(None)
    assert saved_db_url() is None and db_url() == default_db_url()


def test_saved_file_lives_in_the_config_folder() -> None:
    assert saved_db_file().parent == Path(os.environ["REGIE_CONFIG_DIR"])
