"""The face search spread over frames finds what one whole search finds, on time."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
import pytest

from app.devices.face_search import MIN_NEIGHBOURS, SCALE_STEP, FaceSearch, _group
from app.devices.video_analysis import FrameAnalyzer, face_cascade_path, load_thresholds, shrink
from tests.camera import videos

EVERY = 5


def cascade() -> Any:
    c = cv2.CascadeClassifier(str(face_cascade_path()))
    assert not c.empty()
    return c


def search_picture(frame: Any) -> Any:
    """The grey picture the analyser searches (work width, then face width)."""
    h, w = frame.shape[:2]
    gray = cv2.cvtColor(shrink(frame, 640, round(h * 640 / w)), cv2.COLOR_BGR2GRAY)
    return shrink(gray, 224, round(gray.shape[0] * 224 / 640), area_last=True)


def whole(image: Any) -> list[tuple[int, int, int, int]]:
    side = max(12, round(image.shape[0] * 0.12))
    found = cascade().detectMultiScale(image, scaleFactor=SCALE_STEP,
                                       minNeighbors=MIN_NEIGHBOURS, minSize=(side, side))
    return sorted((int(x), int(y), int(w), int(h)) for x, y, w, h in found)


@pytest.mark.parametrize(("size", "face_x"), [
    ((1280, 720), 0.5), ((1920, 1080), 0.12), ((640, 480), 0.3), ((1280, 720), None),
])
def test_all_passes_together_are_one_whole_search(
    size: tuple[int, int], face_x: float | None
) -> None:
    image = search_picture(videos.noisy(videos.scene(face_x, size), np.random.default_rng(2)))
    search = FaceSearch(cascade(), EVERY, 0.12)
    search.step(image)  # plans for this picture size
    passes = search._plan(image.shape[1], image.shape[0])
    hits = [h for p in passes for h in search._run(image, p.low, p.high)]
    assert sorted(_group(hits)) == whole(image)
    assert (face_x is None) == (whole(image) == [])
    sizes = sorted(s for p in passes for s in search._levels(*image.shape[1::-1])
                   if p.low <= s <= p.high)
    assert sizes == search._levels(*image.shape[1::-1])  # each size once, none left out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (640, 480)])
def test_no_pass_does_much_of_a_whole_search(size: tuple[int, int]) -> None:
    image = search_picture(videos.scene(None, size))
    search = FaceSearch(cascade(), EVERY, 0.12)
    search.step(image)
    w, h = image.shape[1], image.shape[0]
    levels = search._levels(w, h)
    total = sum(search._cost(w, h, s) for s in levels)
    passes = search._plan(w, h)
    assert 3 <= len(passes) <= EVERY
    for p in passes:
        share = sum(search._cost(w, h, s) for s in levels if p.low <= s <= p.high) / total
        assert share <= 0.45, (p, share)


def test_each_search_ends_before_the_next_is_due() -> None:
    """One search result every EVERY frames, face or not, as whole searches gave."""
    for face_x, found in ((None, False), (0.5, True)):
        image = search_picture(videos.scene(face_x, (1920, 1080)))
        search = FaceSearch(cascade(), EVERY, 0.12)
        done = [search.step(image) for _ in range(4 * EVERY)]
        assert sum(o.done for o in done) == 4
        assert all((o.box is not None) == found for o in done if o.done)
        assert all(o.box is None for o in done if not o.done)


def test_a_face_in_view_is_found_on_the_search_s_first_frame() -> None:
    analyzer = FrameAnalyzer(load_thresholds())
    rng = np.random.default_rng(3)
    for face_x in (0.5, 0.12, 0.3):
        lit = videos.scene(face_x, (1920, 1080))
        m = analyzer.analyze(videos.noisy(lit, rng), 0.0)
        for i in range(1, EVERY):
            assert not analyzer.analyze(videos.noisy(lit, rng), i / 30).face_searched
        assert m.face_searched and m.face is not None
        assert abs(m.face.centre[0] - face_x) < 0.06


def _windows(width: int, height: int, factor: float) -> int:
    """Windows the cascade tries at one scale factor: one pixel apart above a factor of
    two, two pixels apart below, on the picture scaled down by that factor."""
    step = 1 if factor > 2.0 else 2
    across = max(0, round(width / factor) - 24 + 1)
    down = max(0, round(height / factor) - 24 + 1)
    return -(-across // step) * -(-down // step)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (640, 480)])
def test_each_frame_carries_a_bounded_slice_of_the_search(size: tuple[int, int]) -> None:
    """With the shipped settings, no frame's pass tries more than a third of a whole
    search's windows (the first, at the usual face sizes) or a quarter (the others)."""
    t = load_thresholds()
    every = t.int("analysis", "face_every_n_frames")
    image = search_picture(videos.scene(None, size))
    h, w = image.shape[:2]
    search = FaceSearch(cascade(), every, t.get("analysis", "face_min_height"))
    search.step(image)
    side_min = max(12, round(h * t.get("analysis", "face_min_height")))
    scales: dict[int, float] = {}
    factor = 1.0
    while round(24 * factor) <= min(w, h):
        side = round(24 * factor)
        if side >= side_min:
            scales.setdefault(side, factor)
        factor *= SCALE_STEP
    whole_windows = sum(_windows(w, h, f) for f in scales.values())
    assert all(search._cost(w, h, s) == _windows(w, h, f) for s, f in scales.items())
    passes = search._plan(w, h)
    assert len(passes) <= every
    shares = [sum(_windows(w, h, f) for s, f in scales.items() if p.low <= s <= p.high)
              / whole_windows for p in passes]
    assert shares[0] <= 0.33, (passes[0], shares[0])
    assert max(shares[1:]) <= 0.25, list(zip(passes, shares, strict=True))
    assert sum(shares) == pytest.approx(1.0)
