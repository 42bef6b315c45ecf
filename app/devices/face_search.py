"""Finding the face in the picture cheaply enough to do it while a camera streams.

A whole-picture cascade search costs several times a frame's other measurements, so it
is split into passes, one per frame, each doing at most `PASS_WORK` of the work of the
windows a whole search tries (counted as the cascade steps them), so that no frame's
analysis outgrows its budget whatever the picture:

- A pass is made of slices: the windows of one face size whose top edges lie in a band
  of rows. A slice is searched as the cascade searches that size, on the picture scaled
  down as the cascade scales it, cut to the band (the cascade's two-pixel grid, and its
  one-pixel grid above a scale of two as four two-pixel grids): the very windows a whole
  search tries there, with the same answers. After each pass, all the detections so far
  are grouped as the cascade groups them at the end of a whole search. Once every pass
  ran, the faces are those of a whole search.
- The first passes cover faces of about a third of the picture's height, the usual size
  at a desk, and the sizes next to it (a face is found when enough detections at
  neighbouring sizes group); the others follow from the largest faces to the smallest.
  A search stops as soon as the detections so far make a face, and keeps the largest: a
  face in view is mostly known within `USUAL_FACE_FRAMES` frames (300 ms at 30 frames a
  second on a wide picture; `usual_passes`).

A search that follows one that found a face first tries the windows around that face
(its size and the sizes next to it, where it may have moved to since), the sizes nearest
the face's first, in passes of their own: windows on a face run far down the cascade, so
these count for more work (`_NEAR_COST`). A face still in view is found again within the
first of them or two (those windows are the whole search's, but not all of them: a
larger face that came in view elsewhere meanwhile waits for a search that does not find
this one); if it is not there, the search goes on as any other.

A search is done (its frame reports `searched`) when it found a face or ran all its
passes. Searches start every `every` frames, or as soon as the previous one is done when
it needs more frames than that (a picture without a face).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.devices.lazy import lazy

if TYPE_CHECKING:
    import cv2
    import numpy as np
    import numpy.typing as npt

    Image = npt.NDArray[Any]
else:
    cv2 = lazy("cv2")  # imported when a camera is first used
    np = lazy("numpy")
    Image = "npt.NDArray[Any]"
Box = tuple[int, int, int, int]  # x, y, w, h in pixels of the search picture

SCALE_STEP = 1.15
MIN_NEIGHBOURS = 4
GROUP_EPS = 0.2  # how OpenCV's cascade search merges neighbouring detections
_ONE_PIXEL_ABOVE = 2.0  # the cascade steps one pixel (four times the work) above this scale
# Each pass does at most this much work (about 1 ms on a desk computer, a face in it
# included): one unit per window tried at the picture's own scale, more for larger windows
# (`Scale.weight`), and `_CALL` per call of the cascade. A whole search of a 224×126
# picture is about 35,000.
PASS_WORK = 1500
_CALL = 60
# A window's cost against one at the picture's own scale: windows of larger faces run
# further down the cascade (measured: 0.4 µs a window at scale 1, 0.7 µs from 1.5 on).
_WEIGHT_SLOPE, _WEIGHT_MOST = 1.25, 1.75
# The usual face sizes take this many passes on a wide picture (224×126): a face of the
# usual size is known by then (on a 4:3 picture, where they lie on the one-pixel grid,
# they take about twice as many).
USUAL_FACE_FRAMES = 9
# Windows on a face run far down the cascade: measured, about eight times the work of
# windows elsewhere; the windows searched around the last face found count so.
_NEAR_COST = 8.0
# A search after one that found a face first tries the windows of sizes within this
# factor of that face's, centred within `_NEAR` of its height of that face's centre.
_NEAR_SIZE = 1.3
_NEAR = 0.25
_USUAL_SHARE = 0.3  # the usual face height at a desk, as a share of the picture's
# The first passes: the sizes a usual face's detections spread over, enough to group.
_FIRST_FROM, _FIRST_TO = 0.95, 1.3


@dataclass(frozen=True, slots=True)
class Scale:
    """One window size of a whole search, as the cascade computes it."""

    side: int  # the window's side, in pixels of the search picture
    factor: float  # the cascade's scale factor (a 32-bit float, as it keeps it)
    width: int  # the picture scaled down by `factor`, in which windows of the
    height: int  # cascade's own size (`window`) step
    window: int
    step: int  # pixels between windows: 2, or 1 above a scale of two

    @property
    def across(self) -> int:
        """Windows in one row."""
        return -(-max(0, self.width - self.window + 1) // self.step)

    @property
    def rows(self) -> list[int]:
        """The top edges of the windows' rows, in the scaled picture."""
        return list(range(0, max(0, self.height - self.window + 1), self.step))

    @property
    def windows(self) -> int:
        return len(self.rows) * self.across

    @property
    def weight(self) -> float:
        """The work of one window (see `PASS_WORK`)."""
        return min(_WEIGHT_MOST, 1 + _WEIGHT_SLOPE * (self.factor - 1))

    @property
    def calls(self) -> int:
        """Cascade calls a slice takes: the one-pixel grid is four two-pixel grids."""
        return 1 if self.step == 2 else 4


@dataclass(frozen=True, slots=True)
class Slice:
    """The windows of one size whose top edges are rows `first`..`last` and, unless
    `right` is None (whole rows), whose left edges are columns `left`..`right` (scaled;
    on the cascade's grid)."""

    scale: Scale
    first: int
    last: int
    left: int = 0
    right: int | None = None
    cost: float = 1.0  # a window's work against the same window elsewhere (`_NEAR_COST`)

    @property
    def windows(self) -> int:
        step = self.scale.step
        across = (self.scale.across if self.right is None
                  else len(range(self.left, self.right + 1, step)))
        return len(range(self.first, self.last + 1, step)) * across

    @property
    def work(self) -> float:
        """Its share of a pass's `PASS_WORK`."""
        return self.windows * self.scale.weight * self.cost + self.scale.calls * _CALL


@dataclass(frozen=True, slots=True)
class Pass:
    slices: tuple[Slice, ...]

    @property
    def windows(self) -> int:
        return sum(s.windows for s in self.slices)

    @property
    def work(self) -> float:
        return sum(s.work for s in self.slices)

    @property
    def sides(self) -> set[int]:
        return {s.scale.side for s in self.slices}


# Plans by (pass budget, cascade window, smallest face, picture width and height): the
# same for every search of a picture size, made on a check's first frame once a process.
_PLANS: dict[tuple[float, int, int, int, int], tuple[list[Pass], int]] = {}


@dataclass(slots=True)
class SearchOutcome:
    done: bool
    box: Box | None = None


class FaceSearch:
    """Spreads the search for a face over frames (see the module's text)."""

    def __init__(self, cascade: Any, every: int, min_share: float) -> None:
        self._cascade = cascade
        self._every = max(1, every)
        self._min_share = min_share
        self._min_side = 12
        size = cascade.getOriginalWindowSize()
        self._window = int(size[0]) if size is not None and size[0] > 0 else 24
        self._pending: list[Pass] = []
        self._hits: list[Box] = []
        self._since_start: int | None = None  # frames since the last search started
        self._last: Box | None = None  # the face the last search found

    def step(self, image: Image) -> SearchOutcome:
        """This frame's share of the search on `image` (grey, the search size)."""
        due = self._since_start is None or self._since_start + 1 >= self._every
        self._since_start = None if self._since_start is None else self._since_start + 1
        if not self._pending and not due:
            return SearchOutcome(False)
        self._min_side = max(12, round(image.shape[0] * self._min_share))
        if not self._pending:
            h, w = image.shape[:2]
            self._pending = list(self._plan(w, h))
            if self._last is not None:
                self._pending[:0] = self._near(self._last, w, h)
            self._hits = []
            self._since_start = 0
            if not self._pending:  # a picture too small for any face
                return SearchOutcome(True)
        self._hits += self._run(image, self._pending.pop(0))
        faces = _group(self._hits)
        if faces or not self._pending:
            self._pending, self._hits = [], []
            found = max(faces, key=lambda r: r[2] * r[3]) if faces else None
            self._last = found
            return SearchOutcome(True, found)
        return SearchOutcome(False)

    # -- planning

    def scales(self, width: int, height: int) -> list[Scale]:
        """Each window size a whole search tries, as the cascade computes it."""
        out: list[Scale] = []
        factor = 1.0
        while True:
            side = round(self._window * factor)
            if side > width or side > height:
                return out
            if side >= self._min_side and (not out or side != out[-1].side):
                f32 = np.float32(factor)
                out.append(Scale(
                    round(self._window * float(f32)), float(f32),
                    round(float(np.float32(width) / f32)),
                    round(float(np.float32(height) / f32)),
                    self._window, 1 if f32 > _ONE_PIXEL_ABOVE else 2))
            factor *= SCALE_STEP

    def _plan(self, width: int, height: int) -> list[Pass]:
        """The passes of a whole search, in the order they run (see the module's text)."""
        return self._planned(width, height)[0]

    def _planned(self, width: int, height: int) -> tuple[list[Pass], int]:
        """The passes and how many of them cover the usual sizes; planned once a process
        for each picture size."""
        key = (PASS_WORK, self._window, self._min_side, width, height)
        if key not in _PLANS:
            scales = self.scales(width, height)
            usual = height * _USUAL_SHARE
            first = [s for s in scales if usual * _FIRST_FROM <= s.side <= usual * _FIRST_TO]
            rest = [s for s in reversed(scales) if s not in first]  # from the largest
            usual_passes = _pack(first, PASS_WORK)
            _PLANS[key] = (usual_passes + _pack(rest, PASS_WORK), len(usual_passes))
        return _PLANS[key]

    def _near(self, face: Box, width: int, height: int) -> list[Pass]:
        """The windows around `face` (sizes and places it may have drifted to since it
        was found), searched first, the sizes nearest the face's first, in passes of up
        to `PASS_WORK`: a face still in view is found again within a pass or two."""
        x, y, w, h = face
        slices: list[Slice] = []
        for sc in self.scales(width, height):
            if not h / _NEAR_SIZE <= sc.side <= h * _NEAR_SIZE:
                continue
            f, last_x, last_y = sc.factor, sc.width - sc.window, sc.height - sc.window
            # Window corners that put the window's centre within the margin of the face's.
            cx, cy, margin = x + w / 2 - sc.side / 2, y + h / 2 - sc.side / 2, _NEAR * h
            left = max(0, math.floor((cx - margin) / f)) // sc.step * sc.step
            top = max(0, math.floor((cy - margin) / f)) // sc.step * sc.step
            right = min(last_x, math.ceil((cx + margin) / f))
            bottom = min(last_y, math.ceil((cy + margin) / f))
            if left <= right and top <= bottom:
                slices.append(Slice(sc, top, bottom, left, right, _NEAR_COST))
        slices.sort(key=lambda piece: abs(math.log(piece.scale.side / h)))
        return _cut(slices, PASS_WORK)

    def usual_passes(self, width: int, height: int) -> int:
        """How many passes (frames) the usual face sizes take: USUAL_FACE_FRAMES on a
        wide picture; more on a 4:3 one, taller, where they lie on the one-pixel grid."""
        return self._planned(width, height)[1]

    # -- searching

    def _run(self, image: Image, work: Pass) -> list[Box]:
        """The raw detections (ungrouped) of one pass."""
        hits: list[Box] = []
        scaled: dict[int, Image] = {}
        for piece in work.slices:
            sc = piece.scale
            if sc.side not in scaled:
                scaled[sc.side] = image if sc.factor == 1.0 else cv2.resize(
                    image, (sc.width, sc.height), interpolation=cv2.INTER_LINEAR_EXACT)
            picture = scaled[sc.side]
            # The one-pixel grid is the two-pixel grid from each of four corners.
            starts = ((0, 0),) if sc.step == 2 else ((0, 0), (1, 0), (0, 1), (1, 1))
            for dx, dy in starts:
                top = piece.first + dy
                if top > piece.last:
                    continue
                left = piece.left + dx
                # One more row (and column) of windows than asked, their answers dropped:
                # the cascade skips a picture's last row of windows at some heights.
                end = None if piece.right is None else piece.right + sc.window + 2
                band = picture[top: piece.last + sc.window + 2, left:end]
                if band.shape[0] < sc.window or band.shape[1] < sc.window:
                    continue
                rects = self._cascade.detectMultiScale(
                    band, scaleFactor=SCALE_STEP, minNeighbors=0,
                    minSize=(sc.window, sc.window), maxSize=(sc.window, sc.window))
                for r in rects:
                    x, y = int(r[0]) + left, int(r[1]) + top
                    if y <= piece.last and (piece.right is None or x <= piece.right):
                        hits.append((round(x * sc.factor), round(y * sc.factor),
                                     sc.side, sc.side))
        return hits


def _pack(scales: list[Scale], budget: float) -> list[Pass]:
    """The windows of `scales`, in that order, cut into passes of up to `budget` work,
    by bands of rows."""
    return _cut([Slice(sc, sc.rows[0], sc.rows[-1]) for sc in scales if sc.rows], budget)


def _cut(slices: list[Slice], budget: float) -> list[Pass]:
    """`slices`, in that order, cut by bands of rows into passes of up to `budget` work
    (a single row of windows that does not fit alone makes a pass of its own)."""
    passes: list[Pass] = []
    current: list[Slice] = []
    room = budget
    for whole in slices:
        sc = whole.scale
        rows = range(whole.first, whole.last + 1, sc.step)
        across = whole.windows // len(rows) if rows else 0
        i = 0
        while i < len(rows):
            each = across * sc.weight * whole.cost
            fit = int((room - sc.calls * _CALL) // each) if across else 0
            n = min(len(rows) - i, max(1, fit))
            piece = Slice(sc, rows[i], rows[i + n - 1], whole.left, whole.right, whole.cost)
            if piece.work > room and current:  # not even one row fits: the next pass
                passes.append(Pass(tuple(current)))
                current, room = [], budget
                continue
            current.append(piece)
            room -= piece.work
            i += n
    if current:
        passes.append(Pass(tuple(current)))
    return passes


def _group(hits: list[Box]) -> list[Box]:
    """Faces from raw detections, as the cascade's own search groups them."""
    if not hits:
        return []
    grouped, _weights = cv2.groupRectangles([list(h) for h in hits], MIN_NEIGHBOURS,
                                            GROUP_EPS)
    return [_box(r) for r in grouped]


def _box(r: Any) -> Box:
    return int(r[0]), int(r[1]), int(r[2]), int(r[3])
