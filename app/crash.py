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


def install(folder: Path, notify: Callable[[Path | None, BaseException], None] | None) -> None:
    """Route uncaught exceptions to a crash log (and `notify`, e.g. a dialog)."""
    global _fault_file
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fault_file = (folder / "faulthandler.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    except OSError:
        faulthandler.enable()

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_log(folder / "crashes", exc_type, exc, tb)
        sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
        sys.stderr.write(f"regie: this is a bug; crash log written to {path}\n")
        if notify is not None:
            notify(path, exc)

    sys.excepthook = hook
