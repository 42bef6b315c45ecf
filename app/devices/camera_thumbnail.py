"""A small JPEG of the picture a camera check judged, kept with its result: the test
report of a new camera shows what it saw (`app.core.equipment.THUMBNAIL`)."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.core.checks import CheckResult
from app.core.equipment import THUMBNAIL
from app.devices.lazy import lazy

if TYPE_CHECKING:
    import cv2
else:
    cv2 = lazy("cv2")  # imported when a camera is first used

WIDTH = 160  # pixels: a few kilobytes, enough to recognise the room and the framing
QUALITY = 70


def thumbnail_jpeg(image: Any) -> bytes | None:
    """The picture scaled to `WIDTH`, as JPEG bytes; None when it cannot be encoded."""
    if image is None or getattr(image, "size", 0) == 0:
        return None
    h, w = image.shape[:2]
    if w > WIDTH:
        image = cv2.resize(image, (WIDTH, max(1, round(h * WIDTH / w))),
                           interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [int(cv2.IMWRITE_JPEG_QUALITY), QUALITY])
    return bytes(data) if ok else None


def with_thumbnail(result: CheckResult, image: Any) -> CheckResult:
    """The result with the picture's thumbnail (base64 JPEG) among its metrics."""
    data = thumbnail_jpeg(image)
    if data is None:
        return result
    return replace(
        result, metrics={**result.metrics, THUMBNAIL: base64.b64encode(data).decode("ascii")}
    )
