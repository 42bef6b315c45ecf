"""PySide's import hook looks at every module imported after it; made light at start-up,
it answers as before without keeping every module's source in memory."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from app.ui.app import lighten_pyside_import_hook


def test_modules_are_told_apart_without_their_source_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    # Put back PySide's own check after the test, whatever it does.
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    lighten_pyside_import_hook()
    uses = tmp_path / "regie_probe_uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\n\nBASE = QObject\n", "utf-8")
    plain = tmp_path / "regie_probe_plain.py"
    plain.write_text("ANSWER = 42\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("regie_probe_uses_qt", "regie_probe_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    # By the import statement, which PySide's hook wraps (importlib's function it does not).
    __import__("regie_probe_uses_qt")
    __import__("regie_probe_plain")
    try:
        # As PySide decides: a module naming PySide6 follows its features (0), others
        # are ignored (-1).
        assert feature.pyside_feature_dict["regie_probe_uses_qt"] == 0
        assert feature.pyside_feature_dict["regie_probe_plain"] == -1
        assert str(uses) not in linecache.cache and str(plain) not in linecache.cache
    finally:
        for name in ("regie_probe_uses_qt", "regie_probe_plain"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)
