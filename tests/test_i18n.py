"""The French catalogue is complete, current and loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_catalogue_is_complete_and_current() -> None:
    """Every source string is in the .ts, translated, with its placeholders, and the .qm
    is compiled from it (installer/i18n.py check)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "i18n.py"), "check"],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_french_loads_and_english_is_the_source(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators

    assert QCoreApplication.translate("MainWindow", "Sessions") == "Sessions"
    translators = install_translators(qapp, "fr")
    try:
        assert translators
        assert QCoreApplication.translate("MainWindow", "Sessions") == "Séances"
        assert QCoreApplication.translate("labels", "Hybrid") == "Hybride"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
