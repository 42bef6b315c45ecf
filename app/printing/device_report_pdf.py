"""A device's test report as an A4 PDF, for the purchase file: the device, its newest
figures with their verdicts, the history of its checks, its flag and, for a camera, the
picture its newest check saw.

Drawn with QPdfWriter and QPainter only (QtGui, no widgets), like the other sheets.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from app.core.checks import VERDICT_LABELS, SavedCheck, Verdict
from app.core.equipment import (
    KIND_LABELS,
    STATUS_LABELS,
    Device,
    History,
    figures,
    thumbnail,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError
from app.printing.standalone import drawing_in

SHEET = "DeviceReport"  # translation context of the report's own words
_INK = QColor("#1a1a1a")
_GRID = QColor("#9a9a9a")
_SYMBOL = {Verdict.PASS: "✔", Verdict.WARN: "▲", Verdict.FAIL: "✖"}
HISTORY_ROWS = 20  # the newest checks listed; older ones are counted


def _t(text: str) -> str:
    return QCoreApplication.translate(SHEET, text)


def _verdict(v: Verdict) -> str:
    return f"{_SYMBOL[v]} {QCoreApplication.translate('labels', VERDICT_LABELS[v])}"


def report_title(device: Device) -> str:
    return _t(_N("DeviceReport", "Test report — {label}")).format(label=device.label)


def write_device_report_pdf(
    device: Device,
    history: History,
    path: Path,
    *,
    printed_at: datetime,
    criterion_label: dict[str, str] | None = None,
) -> None:
    """Write the report to `path`. Needs a QGuiApplication (fonts): see `standalone`."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(report_title(device))
    writer.setCreator("Régie")
    painter = QPainter()
    if not painter.begin(writer):
        raise RegieError(
            _N("errors", "The PDF file {path} cannot be written."),
            _N("errors", "Choose another folder, or close the file if a reader has it open."),
            path=str(path),
        )
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        _draw(painter, device, history, printed_at, float(page.width()), criterion_label or {})
    finally:
        painter.end()


def write_device_report_standalone(
    device: Device,
    history: History,
    path: Path,
    *,
    printed_at: datetime,
    criterion_label: dict[str, str] | None = None,
    lang: str = "en",
) -> None:
    """For the command line, in its language."""
    with drawing_in(lang):
        write_device_report_pdf(
            device, history, path, printed_at=printed_at, criterion_label=criterion_label
        )


def _font(painter: QPainter, size: float, *, bold: bool = False) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)


def _text(painter: QPainter, y: float, x: float, width: float, text: str) -> float:
    height = painter.fontMetrics().height() * 1.35
    box = QRectF(x, y, width, height * 3)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
        Qt.TextFlag.TextWordWrap
    )
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return y + max(used.height(), painter.fontMetrics().height()) + 4


def _when(c: SavedCheck) -> str:
    return f"{c.created_at.astimezone():%d/%m/%Y %H:%M}"


def _draw(
    painter: QPainter,
    device: Device,
    h: History,
    printed_at: datetime,
    width: float,
    labels: dict[str, str],
) -> None:
    d = device.draft
    painter.setPen(_INK)
    y = 0.0
    _font(painter, 16, bold=True)
    y = _text(painter, y, 0, width, report_title(device))
    _font(painter, 10)
    facts = [
        _t(_N("DeviceReport", "Kind: {kind} · Make and model: {model}")).format(
            kind=QCoreApplication.translate("equipment", KIND_LABELS[d.kind]),
            model=device.make_model or "—",
        ),
        _t(_N("DeviceReport", "Serial number: {serial} · Purchased: {date}")).format(
            serial=d.serial or "—",
            date=f"{d.purchased_on:%d/%m/%Y}" if d.purchased_on else "—",
        ),
        _t(_N("DeviceReport", "Branch: {branch} · Room: {room} · Status: {status}")).format(
            branch=device.branch_name or "—",
            room=d.room or "—",
            status=QCoreApplication.translate("equipment", STATUS_LABELS[device.status]),
        ),
    ]
    for line in facts:
        y = _text(painter, y, 0, width, line)
    y += 10
    latest = h.latest
    _font(painter, 12, bold=True)
    if latest is None:
        y = _text(painter, y, 0, width, _t(_N("DeviceReport", "No check saved yet.")))
    else:
        y = _text(
            painter,
            y,
            0,
            width,
            _t(_N("DeviceReport", "Newest check: {when} — {verdict}")).format(
                when=_when(latest), verdict=_verdict(latest.verdict)
            ),
        )
        y = _draw_figures(painter, latest, y, width, labels)
        picture = thumbnail(latest)
        if picture is not None:
            y = _draw_picture(painter, picture, y, width)
    y += 10
    _font(painter, 12, bold=True)
    y = _text(painter, y, 0, width, _t(_N("DeviceReport", "History")))
    _font(painter, 10)
    summary = _t(_N("DeviceReport", "Failed {k} of the last {n} checks.")).format(
        k=h.failed_recent, n=h.recent
    )
    if h.last_good is not None:
        summary += " " + _t(_N("DeviceReport", "Last good check: {when}.")).format(
            when=_when(h.last_good)
        )
    y = _text(painter, y, 0, width, summary)
    shown = list(reversed(h.checks))[:HISTORY_ROWS]
    for c in shown:
        y = _text(painter, y, 0, width, f"{_when(c)}   {_verdict(c.verdict)}   {c.operator}")
    if len(h.checks) > len(shown):
        y = _text(
            painter,
            y,
            0,
            width,
            _t(_N("DeviceReport", "… and {n} older check(s).")).format(
                n=len(h.checks) - len(shown)
            ),
        )
    _font(painter, 8)
    painter.setPen(_GRID)
    _text(
        painter,
        y + 20,
        0,
        width,
        _t(_N("DeviceReport", "Printed by Régie on {when}")).format(
            when=f"{printed_at.astimezone():%d/%m/%Y %H:%M}"
        ),
    )
    painter.setPen(_INK)


def _draw_figures(
    painter: QPainter, check: SavedCheck, y: float, width: float, labels: dict[str, str]
) -> float:
    _font(painter, 10)
    cols = (0.0, width * 0.45, width * 0.7)
    for text, x in zip(
        (
            _t(_N("DeviceReport", "Criterion")),
            _t(_N("DeviceReport", "Figure")),
            _t(_N("DeviceReport", "Verdict")),
        ),
        cols,
        strict=True,
    ):
        _font(painter, 10, bold=True)
        _text(painter, y, x, width * 0.3, text)
    y = _text(painter, y, 0, width, "")
    _font(painter, 10)
    for name, raw in figures(check).items():
        value = raw.get("value")
        if isinstance(value, bool):
            shown = _t(_N("DeviceReport", "Yes")) if value else _t(_N("DeviceReport", "No"))
        else:
            shown = "—" if value is None else f"{value} {raw.get('unit') or ''}".strip()
        try:
            verdict = _verdict(Verdict(str(raw.get("verdict"))))
        except ValueError:
            verdict = "—"
        _text(painter, y, cols[0], width * 0.44, labels.get(name, name))
        _text(painter, y, cols[1], width * 0.24, shown)
        y = _text(painter, y, cols[2], width * 0.3, verdict)
    return y


def _draw_picture(painter: QPainter, data: bytes, y: float, width: float) -> float:
    image = QImage()
    if not image.loadFromData(data, "JPG") or image.isNull():
        return y
    target_w = min(width * 0.5, image.width() * 3.0)
    target_h = target_w * image.height() / max(1, image.width())
    y += 8
    painter.drawImage(QRectF(0, y, target_w, target_h), image)
    _font(painter, 8)
    y = _text(
        painter,
        y + target_h + 2,
        0,
        width,
        _t(_N("DeviceReport", "The picture the newest check saw.")),
    )
    _font(painter, 10)
    return y
