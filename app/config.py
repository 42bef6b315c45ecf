"""Where Régie keeps its files, and which database it opens."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.core.clock import Clock, now_local

APP_NAME = "regie"


def data_dir() -> Path:
    """The per-user data folder (database, backups, crash logs); REGIE_DATA_DIR overrides."""
    override = os.environ.get("REGIE_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Per-user configuration (user checklists, thresholds); REGIE_CONFIG_DIR overrides."""
    override = os.environ.get("REGIE_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """Shipped resources: next to the package in a checkout, inside it once installed
    (`app/resources` in a wheel), at the bundle's root when frozen by PyInstaller."""
    here = Path(__file__).resolve().parent
    candidates = [here.parent / "resources", here / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def default_db_url() -> str:
    return "sqlite:///" + str(data_dir() / "regie.sqlite3")


def saved_db_file() -> Path:
    """Where the database chosen in the app is remembered (a URL without password)."""
    return config_dir() / "database.url"


def saved_db_url() -> str | None:
    """The network database chosen in the app, if any (shared by the window and the CLI)."""
    try:
        value = saved_db_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value or None


def save_db_url(url: str | None) -> None:
    """Remember the database to open from now on; None goes back to the embedded one."""
    path = saved_db_file()
    if url is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(url.strip() + "\n", encoding="utf-8")


def db_url(cli_value: str | None = None) -> str:
    """--db wins, then REGIE_DB, then the database chosen in the app, then the embedded
    SQLite file in the data folder."""
    return cli_value or os.environ.get("REGIE_DB") or saved_db_url() or default_db_url()


@dataclass(frozen=True, slots=True)
class AppConfig:
    """What the command line and environment decided, handed to the composition root."""

    db_url: str
    lang: str | None = None
    simulate_camera: Path | None = None
    simulate_mic: Path | None = None
    no_err_windows: bool = False
    # "Now" for every rule and screen: the wall clock, or a fixed instant (`--now`, tests).
    clock: Clock = field(default=now_local, compare=False)


def operator_name() -> str:
    """Who is at the keyboard, for saved results when no staff member was chosen."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
