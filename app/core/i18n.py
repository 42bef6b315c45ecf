"""Marking strings for Qt's translation without importing Qt.

`pyside6-lupdate` recognises the call name `QT_TRANSLATE_NOOP(context, text)`; the core
marks its user-facing sentences with it and the UI translates them at display time.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Return `text` unchanged; only marks it for extraction."""
    del context
    return text
