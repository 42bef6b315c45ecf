"""The test videos, written once per run (each takes about a second)."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from tests.camera import videos


@pytest.fixture(scope="session")
def video_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("camera-videos")
    for kind in videos.KINDS:
        videos.make(kind, folder)
    videos.tinted(folder)
    cv2.imwrite(str(folder / "scene.png"), videos.scene(0.5))
    return folder
