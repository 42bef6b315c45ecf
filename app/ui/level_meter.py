"""The live level meter of the sound check: a bar per reading, coloured by broadcast band
(the band's word is said beside it by the area), with the peak held."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.devices import audio_analysis as aa
from app.devices.audio_analysis import Band, MeterReading, MeterThresholds
from app.ui.i18n import number

_BAND_COLOURS = {
    Band.SILENT: "#9e9e9e",
    Band.QUIET: "#6d8fb3",
    Band.GOOD: "#2e8b3d",
    Band.LOUD: "#c98a00",
    Band.CLIP: "#c62828",
}


def fmt_db(value: float) -> str:
    """Decibels as the meter says them: one decimal, a true minus sign, −∞ for silence."""
    if value <= aa.SILENCE_DBFS:
        return "−∞"
    return number(value, 1)


class LevelMeterWidget(QWidget):
    """A horizontal meter with the broadcast bands, the alignment mark and a peak hold.

    The bands are also marked by ticks and the level is written in the label next to it:
    colour is never the only signal.
    """

    def __init__(self, th: MeterThresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.th = th
        self.reading: MeterReading | None = None
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Microphone level"))

    def sizeHint(self) -> QSize:
        return QSize(360, 32)

    def set_reading(self, reading: MeterReading | None) -> None:
        self.reading = reading
        self.update()

    def _x(self, dbfs: float, width: float) -> float:
        lo = self.th.floor_dbfs
        frac = (min(max(dbfs, lo), 0.0) - lo) / (0.0 - lo)
        return frac * width

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        p = QPainter(self)
        w, h = float(self.width() - 1), float(self.height() - 1)
        p.fillRect(QRectF(0, 0, w, h), QColor("#f2f2f2"))
        # Band zones, faint: good up to warn, loud up to clip.
        warn_x, clip_x = self._x(self.th.warn_dbfs, w), self._x(self.th.clip_dbfs - 1, w)
        p.fillRect(QRectF(warn_x, 0, clip_x - warn_x, h), QColor("#fff1d6"))
        p.fillRect(QRectF(clip_x, 0, w - clip_x, h), QColor("#fde4e4"))
        if self.reading is not None:
            colour = QColor(_BAND_COLOURS[self.reading.band])
            p.fillRect(QRectF(0, h * 0.2, self._x(self.reading.display_dbfs, w), h * 0.6),
                       colour)
            hold = self._x(self.reading.hold_dbfs, w)
            p.setPen(QPen(QColor("#222222"), 2))
            p.drawLine(int(hold), 0, int(hold), int(h))
        p.setPen(QPen(QColor("#555555"), 1))
        for mark in (self.th.alignment_dbfs, self.th.warn_dbfs):
            x = int(self._x(mark, w))
            p.drawLine(x, 0, x, int(h * 0.25))
            p.drawLine(x, int(h * 0.75), x, int(h))
        p.drawRect(QRectF(0, 0, w, h))
        p.end()
