"""Human camera names from Qt Multimedia, the one Qt import allowed outside app.ui.

OpenCV numbers cameras but cannot name them on Windows and macOS; Qt Multimedia can.
Anything going wrong here (no Qt Multimedia, no application object, no backend) gives an
empty list, and the caller falls back to numbered cameras.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def camera_names() -> list[str]:
    """Names of the video inputs in system order, or [] when Qt cannot tell."""
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    if QCoreApplication.instance() is None:
        # Qt Multimedia needs an application object; the CLI has none.
        return []
    try:
        return [str(device.description()) for device in QMediaDevices.videoInputs()]
    except Exception as err:  # a backend failing must not stop the check
        log.info("Qt Multimedia could not list cameras: %s", err)
        return []
