"""PySide's import hook, made light before Régie's modules load (see below)."""

from __future__ import annotations

import sys

import PySide6  # noqa: F401 - loads shiboken's support modules, whose hook is lightened


def lighten_pyside_import_hook() -> None:
    """PySide's import hook asks of every module imported after it whether its source
    names PySide6 (for `from __feature__ import …`, which Régie does not use), through
    `inspect.getsource`: each module's whole source is read, split into lines and kept in
    `linecache` for the life of the process (20 MB and a noticeable part of start-up for
    the database layer alone). The same question is answered here from the file's bytes,
    which nothing keeps. Left as it is when PySide's internals are not as expected."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False
        try:
            with open(path, "rb") as f:  # noqa: PTH123 - the fastest plain read
                return b"PySide6" in f.read()
        except OSError:
            return False

    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 - a private name
