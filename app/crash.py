"""Crash logs for real bugs: a traceback file in the data folder, and faulthandler for
hard crashes. Known problems (RegieError) never come here: they are shown with their fix.

Only the traceback is written (never local variables), so secrets held in variables do
not reach the log.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from app import __version__

log = logging.getLogger(__name__)

_fault_file: IO[str] | None = None


def write_crash_log(
    folder: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Write the crash log; returns its path, or None if even that failed."""
    import platform

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # noqa: DTZ005 - for people
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        with path.open("w", encoding="utf-8") as f:
            f.write(f"Régie {__version__} on Python {platform.python_version()}, ")
            f.write(f"{platform.platform()}\n\n")
            f.write("".join(traceback.format_exception(exc_type, exc, tb)))
    except OSError:
        return None
    return path


Notify = Callable[[Path | None, BaseException], None]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_hook(folder: Path, notify: Notify | None) -> ExceptHook:
    """What a bug ends in: a crash log under `folder`/crashes, the traceback on stderr,
    and `notify` (e.g. a dialog)."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_log(folder / "crashes", exc_type, exc, tb)
        sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
        sys.stderr.write(f"regie: this is a bug; crash log written to {path}\n")
        if notify is not None:
            notify(path, exc)

    return hook


def install(folder: Path, notify: Notify | None) -> None:
    """Route uncaught exceptions to a crash log (and `notify`, e.g. a dialog)."""
    global _fault_file
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fault_file = (folder / "faulthandler.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    except OSError:
        faulthandler.enable()
    sys.excepthook = crash_hook(folder, notify)


def report(exc: BaseException) -> None:
    """A bug caught on its way up (a job's error that nobody handles): it goes where an
    uncaught one goes, the installed hook (crash log and dialog)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)
