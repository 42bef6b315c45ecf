"""The face search spread over frames finds what one whole search finds, on time, and
no frame carries more than a bounded slice of it."""

from __future__ import annotations

import itertools
from typing import Any

import cv2
import numpy as np
import pytest

from app.devices import face_search
from app.devices.face_search import (
    MIN_NEIGHBOURS,
    PASS_WORK,
    SCALE_STEP,
    USUAL_FACE_FRAMES,
    FaceSearch,
    _group,
)
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


def whole(image: Any, neighbours: int = MIN_NEIGHBOURS) -> list[tuple[int, int, int, int]]:
    """One whole search by the cascade; with no neighbours, its raw detections."""
    side = max(12, round(image.shape[0] * 0.12))
    found = cascade().detectMultiScale(image, scaleFactor=SCALE_STEP,
                                       minNeighbors=neighbours, minSize=(side, side))
    return sorted((int(x), int(y), int(w), int(h)) for x, y, w, h in found)


@pytest.mark.parametrize(("size", "face_x", "seed"), [
    ((1280, 720), 0.5, 2), ((1920, 1080), 0.12, 2), ((640, 480), 0.3, 2),
    ((1280, 720), None, 2), ((1920, 1080), 0.5, 5), ((1920, 1080), 0.8, 6),
    ((800, 600), 0.6, 7), ((640, 480), 0.5, 8),
])
@pytest.mark.parametrize("work", [PASS_WORK, 700, 300])  # many bands, many band edges
def test_all_passes_together_are_one_whole_search(
    size: tuple[int, int], face_x: float | None, seed: int, work: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every window of a whole search is tried once, with the same answer: the raw
    detections are the cascade's own, so the faces are too."""
    monkeypatch.setattr(face_search, "PASS_WORK", work)
    image = search_picture(
        videos.noisy(videos.scene(face_x, size), np.random.default_rng(seed)))
    search = FaceSearch(cascade(), EVERY, 0.12)
    search.step(image)  # plans for this picture size
    passes = search._plan(image.shape[1], image.shape[0])
    hits = [h for p in passes for h in search._run(image, p)]
    raw = whole(image, neighbours=0)
    if face_x is not None:
        assert len(raw) > 8  # windows around a face answer
    assert sorted(hits) == raw
    assert sorted(_group(hits)) == whole(image)
    assert (face_x is None) == (whole(image) == [])
    for scale in search.scales(image.shape[1], image.shape[0]):  # each row once
        rows = sorted(r for p in passes for piece in p.slices if piece.scale == scale
                      for r in range(piece.first, piece.last + 1, scale.step))
        assert rows == scale.rows, scale


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (640, 480)])
def test_no_pass_does_much_of_a_whole_search(size: tuple[int, int]) -> None:
    image = search_picture(videos.scene(None, size))
    search = FaceSearch(cascade(), EVERY, 0.12)
    search.step(image)
    w, h = image.shape[1], image.shape[0]
    total = sum(s.windows for s in search.scales(w, h))
    passes = search._plan(w, h)
    assert len(passes) >= 8
    for i, p in enumerate(passes):
        assert p.windows / total <= 0.15, (i, p.windows / total)
        assert p.work <= PASS_WORK, (i, p.work)
    wide = h / w < 0.6
    assert search.usual_passes(w, h) == USUAL_FACE_FRAMES if wide else (
        USUAL_FACE_FRAMES < search.usual_passes(w, h) <= 2 * USUAL_FACE_FRAMES)


def test_each_search_ends_before_the_next_is_due() -> None:
    """With a face, one search result every EVERY frames, as whole searches gave; without
    one, a search runs all its passes, one a frame, and the next starts at once."""
    for face_x, found in ((None, False), (0.5, True)):
        image = search_picture(videos.scene(face_x, (1920, 1080)))
        search = FaceSearch(cascade(), EVERY, 0.12)
        passes = len(search._plan(image.shape[1], image.shape[0]))
        done = [search.step(image) for _ in range(4 * passes)]
        assert passes > EVERY  # the case of a search longer than the cadence
        period = EVERY if found else passes
        ends = [i for i, o in enumerate(done) if o.done]
        assert ends[0] == (ends[0] if found else passes - 1)
        assert ends[0] < (USUAL_FACE_FRAMES if found else passes)
        # Searches start every `period` frames; after the first found the face, the next
        # ones find it again on their first frame (around where it was).
        starts = [0, *ends[1:]] if found else ends
        assert [b - a for a, b in itertools.pairwise(starts)] == [period] * (
            len(starts) - 1)
        assert len(ends) == -(-(len(done) - starts[0]) // period)
        assert all((o.box is not None) == found for o in done if o.done)
        assert all(o.box is None for o in done if not o.done)


def test_a_face_in_view_is_known_within_usual_face_frames() -> None:
    """A face of the usual size is known within USUAL_FACE_FRAMES frames (300 ms at 30
    frames a second) on a wide picture, within the search's usual passes on a 4:3 one,
    and the frames after it until the next search search nothing."""
    rng = np.random.default_rng(3)
    for size in ((1920, 1080), (1280, 720), (640, 480)):
        search = FaceSearch(cascade(), EVERY, 0.12)
        picture = search_picture(videos.scene(0.5, size))
        search.step(picture)  # plans for this picture size
        within = search.usual_passes(picture.shape[1], picture.shape[0])
        assert within == USUAL_FACE_FRAMES or size[1] / size[0] == 0.75
        for face_x in (0.5, 0.12, 0.3, 0.8):
            analyzer = FrameAnalyzer(load_thresholds())
            lit = videos.scene(face_x, size)
            ms = [analyzer.analyze(videos.noisy(lit, rng), i / 30)
                  for i in range(max(within, EVERY))]
            searched = [i for i, m in enumerate(ms) if m.face_searched]
            assert searched and searched[0] < within, (size, face_x, searched)
            first = searched[0]
            face = ms[first].face
            assert face is not None, (size, face_x)
            assert abs(face.centre[0] - face_x) < 0.06
            assert all(m.face is None for m in ms if not m.face_searched)
            assert not any(m.face_searched for m in ms[first + 1: EVERY])


def _windows(width: int, height: int, factor: float) -> int:
    """Windows the cascade tries at one scale factor: one pixel apart above a factor of
    two, two pixels apart below, on the picture scaled down by that factor."""
    step = 1 if factor > 2.0 else 2
    across = max(0, round(width / factor) - 24 + 1)
    down = max(0, round(height / factor) - 24 + 1)
    return -(-across // step) * -(-down // step)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (640, 480)])
def test_each_frame_carries_a_bounded_slice_of_the_search(size: tuple[int, int]) -> None:
    """With the shipped settings, no frame's pass tries more than PASS_WORK windows, save
    the usual face sizes' passes, which come first; all together try each window of a
    whole search once."""
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
    assert {s.side: s.windows for s in search.scales(w, h)} == {
        s: _windows(w, h, f) for s, f in scales.items()}
    passes = search._plan(w, h)
    usual_passes = search.usual_passes(w, h)
    for i, p in enumerate(passes):
        assert p.windows <= (2.0 if i < usual_passes else 1.0) * PASS_WORK, (i, p)
    assert sum(p.windows for p in passes) == whole_windows
    usual = 0.3 * h
    first = {side for p in passes[:usual_passes] for side in p.sides}
    assert min(first) <= usual <= max(first) and max(first) >= usual * 1.2, first
    assert not first & {side for p in passes[usual_passes:] for side in p.sides}


def next_search(search: FaceSearch, picture: Any) -> tuple[int, Any]:
    """Steps `picture` until a search is done: the frames it took from its start (idle
    frames before it, waiting for its turn, not counted) and its outcome."""
    for _idle in range(EVERY + 1):
        outcome = search.step(picture)
        if outcome.done:
            return 1, outcome
        if search._pending:  # it started on this frame
            break
    else:
        raise AssertionError("no search started")
    frames = 1
    while True:
        frames += 1
        outcome = search.step(picture)
        if outcome.done:
            return frames, outcome


@pytest.mark.parametrize(("size", "face_x"), [((1920, 1080), 0.5), ((1920, 1080), 0.12),
                                              ((1280, 720), 0.8), ((640, 480), 0.3)])
def test_a_found_face_is_found_again_around_where_it_was(
    size: tuple[int, int], face_x: float
) -> None:
    """The search after one that found a face first tries windows of the whole search's
    grid around it, in passes of a fraction of a pass's work: a face still there, or
    moved a little, is found again within that search's first two frames; the first
    search is a plain one."""
    rng = np.random.default_rng(9)
    image = search_picture(videos.noisy(videos.scene(face_x, size), rng))
    moved = search_picture(videos.noisy(videos.scene(face_x + 0.03, size), rng))
    h, w = image.shape[:2]
    search = FaceSearch(cascade(), EVERY, 0.12)
    frames, first = next_search(search, image)
    found = first.box
    assert found is not None and frames <= search.usual_passes(w, h)
    near = search._near(found, w, h)
    assert near and all(p.work <= PASS_WORK for p in near)
    assert all(piece.cost == face_search._NEAR_COST for p in near for piece in p.slices)
    raw = set(whole(image, neighbours=0))
    assert {hit for p in near for hit in search._run(image, p)} <= raw  # on the grid
    for picture in (image, moved, image):
        frames, again = next_search(search, picture)
        assert again.box is not None and frames <= 2, (frames, len(near))
        assert abs(again.box[0] - found[0]) <= w * 0.05
        assert abs(again.box[2] - found[2]) <= found[2] * 0.2


def test_a_face_gone_is_looked_for_everywhere() -> None:
    """When the face found last is gone, the search goes on over the whole picture, and
    the next one starts from the usual sizes again."""
    face = search_picture(videos.scene(0.5, (1920, 1080)))
    empty = search_picture(videos.scene(None, (1920, 1080)))
    h, w = empty.shape[:2]
    search = FaceSearch(cascade(), EVERY, 0.12)
    _frames, first = next_search(search, face)
    assert first.box is not None
    passes = len(search._plan(w, h))
    around = len(search._near(first.box, w, h))
    assert next_search(search, empty) == (passes + around, first.__class__(True, None))
    assert next_search(search, empty) == (passes, first.__class__(True, None))
