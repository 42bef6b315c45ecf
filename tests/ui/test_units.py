"""Every figure the camera check shows carries its unit: a bare 0.74, 114.9 or 18.1 does
not say what it measures."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.core.checks import Criterion, Verdict
from app.devices.video_analysis import CRITERIA
from app.ui.camera_check import _value_text
from app.ui.i18n import install_translators

# A figure such as each criterion gives (see app/devices/video_analysis.py).
SAMPLES: dict[str, float | int | str | bool] = {
    "black_picture": False, "frozen": 0.74, "exposure": 114.9, "contrast": 41.3,
    "sharpness": 18.1, "colour_cast": 3.2, "face": 0.8, "framing": 12,
    "frame_rate": 29.6, "dropped_frames": 1.5, "resolution": "1280x720",
}
_BARE = re.compile(r"[\d\s.,×x\u00a0\u202f-]+")


@pytest.fixture
def french() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "fr")
    yield
    for t in translators:
        app.removeTranslator(t)


def test_every_camera_figure_has_a_unit(french: None) -> None:
    assert set(SAMPLES) == set(CRITERIA), "a new criterion needs its unit here"
    bare = {}
    for name, value in SAMPLES.items():
        text = _value_text(Criterion(name, value, Verdict.PASS))
        if name != "resolution" and _BARE.fullmatch(text):
            bare[name] = text
    assert not bare, bare


def test_figures_use_the_french_decimal_comma(french: None) -> None:
    assert QLocale().decimalPoint() == ","
    def text(name: str, value: float) -> str:
        return re.sub(r"[\u00a0\u202f]", " ", _value_text(Criterion(name, value, Verdict.PASS)))

    assert text("frame_rate", 29.6) == "29,6 i/s"
    assert text("exposure", 114.9) == "45 % (115/255)"
    assert text("sharpness", 18.1) == "indice de netteté 18,1"
