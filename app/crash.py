"""Crash logs for real bugs: a traceback file in the data folder, and faulthandler for
hard crashes. Known problems (RegieError) never come here: they are shown with their fix.

A crash log also carries the last few hundred log lines, kept in memory only until then
(`RecentLog`), so it tells what led to the bug. Only the traceback and those lines are
written (never local variables), with secrets masked (`app.zoom.vault.mask_secrets`:
Zoom passcodes in URLs and whatever the vault handled), so they do not reach the log.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from collections import deque
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from app import __version__
from app.core.masking import mask_secrets

log = logging.getLogger(__name__)

_fault_file: IO[str] | None = None

RECENT_LINES = 400  # log records a crash log carries


class RecentLog(logging.Handler):
    """The last log records, formatted, in memory only: written nowhere until a crash log
    says what led to the bug. Safe from any thread."""

    def __init__(self, capacity: int = RECENT_LINES) -> None:
        super().__init__(logging.DEBUG)
        self._lines: deque[str] = deque(maxlen=capacity)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(self.format(record))
        except Exception:  # a record that cannot be formatted must not break the caller
            self.handleError(record)

    def lines(self) -> list[str]:
        self.acquire()  # emit() runs under the same lock
        try:
            return list(self._lines)
        finally:
            self.release()


_recent: RecentLog | None = None


def keep_recent_log() -> RecentLog:
    """Keep the recent log lines for crash logs, once per process (the window and the CLI
    at start-up): Régie's own records from debug up, others from warnings up."""
    global _recent
    if _recent is None:
        root = logging.getLogger()
        if not root.handlers and logging.lastResort is not None:
            # Warnings still reach stderr, as they did with no handler configured.
            root.addHandler(logging.lastResort)
        _recent = RecentLog()
        root.addHandler(_recent)
        own = logging.getLogger("app")
        if own.level == logging.NOTSET:
            own.setLevel(logging.DEBUG)
    return _recent


def write_crash_log(
    folder: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Write the crash log (with the recent log lines, when they are kept); returns its
    path, or None if even that failed."""
    import platform

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # noqa: DTZ005 - wall clock: a file name
    recent = _recent.lines() if _recent is not None else []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        with path.open("w", encoding="utf-8") as f:
            f.write(f"Régie {__version__} on Python {platform.python_version()}, ")
            f.write(f"{platform.platform()}\n\n")
            f.write(mask_secrets("".join(traceback.format_exception(exc_type, exc, tb))))
            if recent:
                f.write(f"\nThe last {len(recent)} log records, oldest first:\n")
                f.write(mask_secrets("\n".join(recent)) + "\n")
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
        sys.stderr.write(mask_secrets("".join(traceback.format_exception(exc_type, exc, tb))))
        sys.stderr.write(f"regie: this is a bug; crash log written to {path}\n")
        if notify is not None:
            notify(path, exc)

    return hook


def install(folder: Path, notify: Notify | None) -> None:
    """Route uncaught exceptions to a crash log (and `notify`, e.g. a dialog), and keep
    the recent log lines for it."""
    global _fault_file
    keep_recent_log()
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
