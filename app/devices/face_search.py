"""Finding the face in the picture cheaply enough to do it while a camera streams.

A whole-picture cascade search costs several times a frame's other measurements, so it
is split into passes, one per frame, each over a range of face sizes and a bounded share
of the windows a whole search tries (counted as the cascade steps them):

- Each pass tries exactly the windows a whole search tries at its sizes (same steps)
  and keeps the raw detections; after each pass, all the detections so far are grouped
  as the cascade groups them at the end of a whole search. Once every pass ran, the
  faces are those of a whole search.
- The first pass covers faces of about a third of the picture's height, the usual size
  at a desk, and the sizes next to it (a face is found when enough detections at
  neighbouring sizes group); the others follow from the largest faces to the smallest,
  as finely as the searches' cadence allows. A search stops
  as soon as the detections so far make a face, and keeps the largest: a face in view
  is mostly found on the search's first frame.

A search is done (its frame reports `searched`) when it found a face or ran all its
passes; searches start every `every` frames, as whole searches did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.devices.lazy import lazy

if TYPE_CHECKING:
    import cv2
    import numpy.typing as npt

    Image = npt.NDArray[Any]
else:
    cv2 = lazy("cv2")  # imported when a camera is first used
    Image = "npt.NDArray[Any]"
Box = tuple[int, int, int, int]  # x, y, w, h in pixels of the search picture

SCALE_STEP = 1.15
MIN_NEIGHBOURS = 4
GROUP_EPS = 0.2  # how OpenCV's cascade search merges neighbouring detections
_ONE_PIXEL_ABOVE = 2.0  # the cascade steps one pixel (four times the work) above this scale
_PASS_SHARE = 0.12  # each pass does at most about this share of a whole search
_USUAL_SHARE = 0.3  # the usual face height at a desk, as a share of the picture's
# The first pass: the sizes a usual face's detections spread over, enough of them to group.
_FIRST_FROM, _FIRST_TO = 0.95, 1.3


@dataclass(frozen=True, slots=True)
class _Pass:
    """Window sizes (pixels of the search picture) searched together."""

    low: int
    high: int


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
        self._passes: list[_Pass] = []
        self._passes_for: tuple[int, int] | None = None
        self._pending: list[_Pass] = []
        self._hits: list[Box] = []
        self._count = 0

    def step(self, image: Image) -> SearchOutcome:
        """This frame's share of the search on `image` (grey, the search size)."""
        due = self._count % self._every == 0
        self._count += 1
        if not self._pending and not due:
            return SearchOutcome(False)
        self._min_side = max(12, round(image.shape[0] * self._min_share))
        if not self._pending:
            self._pending = list(self._plan(image.shape[1], image.shape[0]))
            self._hits = []
        step = self._pending.pop(0)
        self._hits += self._run(image, step.low, step.high)
        faces = _group(self._hits)
        if faces or not self._pending:
            self._pending, self._hits = [], []
            found = max(faces, key=lambda r: r[2] * r[3]) if faces else None
            return SearchOutcome(True, found)
        return SearchOutcome(False)

    # -- planning

    def _levels(self, width: int, height: int) -> list[int]:
        """The window sizes a whole search tries, as the cascade computes them."""
        return [side for side, _factor in self._scales(width, height)]

    def _scales(self, width: int, height: int) -> list[tuple[int, float]]:
        """Each window size a whole search tries, with the cascade's scale factor for it
        (the factor, not the rounded size, sets the cascade's step)."""
        out: list[tuple[int, float]] = []
        factor = 1.0
        while True:
            side = round(self._window * factor)
            if side > width or side > height:
                return out
            if side >= self._min_side and (not out or side != out[-1][0]):
                out.append((side, factor))
            factor *= SCALE_STEP

    def _plan(self, width: int, height: int) -> list[_Pass]:
        """The passes of a whole search, in the order they run (see the module's text)."""
        if self._passes_for == (width, height):
            return self._passes
        scales = self._scales(width, height)
        usual = height * _USUAL_SHARE
        first = [i for i, (side, _f) in enumerate(scales)
                 if usual * _FIRST_FROM <= side <= usual * _FIRST_TO]
        below = [i for i in range(len(scales)) if not first or i < first[0]]
        above = [i for i in range(len(scales)) if first and i > first[-1]]
        costs = [self._cost(width, height, side) for side, _f in scales]
        budget = sum(costs) * _PASS_SHARE
        while True:
            passes = [self._split([scales[i][0] for i in part], [costs[i] for i in part],
                                  budget) for part in (above, below)]
            rest = passes[0] + passes[1]  # from the largest faces to the smallest
            if len(rest) + (1 if first else 0) <= self._every:
                break  # a search must end before the next is due
            budget *= 1.25
        if first:
            rest.insert(0, _Pass(scales[first[0]][0], scales[first[-1]][0]))
        self._passes, self._passes_for = rest, (width, height)
        return rest

    @staticmethod
    def _split(levels: list[int], costs: list[float], budget: float) -> list[_Pass]:
        """Consecutive sizes, from the largest, grouped up to `budget` of work each."""
        passes: list[_Pass] = []
        i = len(levels) - 1
        while i >= 0:
            low, spent = i, costs[i]
            while low > 0 and spent + costs[low - 1] <= budget:
                low -= 1
                spent += costs[low]
            passes.append(_Pass(levels[low], levels[i]))
            i = low - 1
        return passes

    def _cost(self, width: int, height: int, side: int) -> float:
        """How many windows the cascade tries at this size, stepping them as it does
        (one pixel above a scale factor of two, else two)."""
        factor = next((f for s, f in self._scales(width, height) if s == side),
                      side / self._window)
        step = 1 if factor > _ONE_PIXEL_ABOVE else 2
        across = max(0, round(width / factor) - self._window + 1)
        down = max(0, round(height / factor) - self._window + 1)
        return float(-(-across // step) * -(-down // step))

    # -- searching

    def _run(self, image: Image, low: int, high: int) -> list[Box]:
        """The raw detections (ungrouped) with a window side in [low, high]."""
        if high < low or min(image.shape[:2]) < max(low, self._window):
            return []
        rects = self._cascade.detectMultiScale(
            image, scaleFactor=SCALE_STEP, minNeighbors=0,
            minSize=(low, low), maxSize=(high, high),
        )
        return [_box(r) for r in rects]


def _box(r: Any) -> Box:
    return int(r[0]), int(r[1]), int(r[2]), int(r[3])


def _group(hits: list[Box]) -> list[Box]:
    """Faces from raw detections, as the cascade's own search groups them."""
    if not hits:
        return []
    grouped, _weights = cv2.groupRectangles([list(h) for h in hits], MIN_NEIGHBOURS,
                                            GROUP_EPS)
    return [_box(r) for r in grouped]
