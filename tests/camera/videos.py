"""Test videos written with cv2.VideoWriter: one per kind of picture the check must judge.

The face is a real photograph (NASA's public-domain portrait shipped inside scikit-image),
composed onto a room-like background; scenes without a face use a synthetic pattern.
Each frame gets fresh sensor noise, as a real camera gives, except the frozen video.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[Any]

SIZE = (1280, 720)
FPS = 30.0


def portrait() -> Image:
    """Head and shoulders of the astronaut portrait, BGR."""
    from skimage.data import astronaut

    bgr: Image = cv2.cvtColor(astronaut(), cv2.COLOR_RGB2BGR)  # type: ignore[no-untyped-call,unused-ignore]
    return bgr[0:330, 60:420]


def background(size: tuple[int, int] = SIZE, seed: int = 7) -> Image:
    """A neutral room-like backdrop: a grey wall with shelves of coloured books."""
    w, h = size
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    img[:] = np.linspace(95, 165, w, dtype=np.float32)[None, :, None].astype(np.uint8)
    for shelf in range(4):
        y = int(h * (0.12 + shelf * 0.22))
        img[y + int(h * 0.15): y + int(h * 0.17)] = (40, 50, 60)
        x = 0
        while x < w:
            bw = int(rng.integers(w // 80, w // 30))
            bh = int(rng.integers(int(h * 0.09), int(h * 0.15)))
            colour = rng.integers(15, 235, 3)
            img[y + int(h * 0.15) - bh: y + int(h * 0.15), x: x + bw - 2] = colour
            x += bw
    return img


def scene(face_x: float | None = 0.5, size: tuple[int, int] = SIZE) -> Image:
    """The backdrop, with the portrait's face centred at `face_x` of the width."""
    w, h = size
    img = background(size)
    if face_x is None:
        return img
    head = portrait()
    scale = h / head.shape[0]
    hs: Image = cv2.resize(head, (round(head.shape[1] * scale), h), interpolation=cv2.INTER_AREA)
    face_cx = round(164 * scale)  # the face's centre in the portrait
    x0 = round(face_x * w) - face_cx
    xs, xe = max(0, x0), min(w, x0 + hs.shape[1])
    img[:, xs:xe] = hs[:, xs - x0: xe - x0]
    return img


def noisy(img: Image, rng: np.random.Generator, sigma: float = 2.0) -> Image:
    noise = np.empty(img.shape, np.int16)
    cv2.randn(noise, 0.0, sigma)  # type: ignore[call-overload]
    out: Image = cv2.add(img, noise, dtype=cv2.CV_8U)
    return out


def brightness(img: Image, gain: float, offset: float = 0.0) -> Image:
    out: Image = np.clip(img.astype(np.float32) * gain + offset, 0, 255).astype(np.uint8)
    return out


def write_video(
    path: Path, frames: Callable[[int, np.random.Generator], Image], *, count: int = 75,
    fps: float = FPS, skip: Callable[[int], bool] | None = None,
) -> Path:
    """Write `count` frames (MJPG .avi, or mp4v for .mp4), each from `frames(i, rng)`."""
    rng = np.random.default_rng(1)
    first = frames(0, rng)
    h, w = first.shape[:2]
    fourcc = cv2.VideoWriter.fourcc(*("mp4v" if path.suffix == ".mp4" else "MJPG"))
    writer = cv2.VideoWriter(str(path), fourcc, fps, (w, h))
    assert writer.isOpened(), path
    try:
        for i in range(count):
            if skip is not None and skip(i):
                continue
            writer.write(first if i == 0 else frames(i, rng))
    finally:
        writer.release()
    return path


KINDS = ("well_lit", "dark", "over_exposed", "blurred", "frozen", "black", "no_face",
         "off_centre")
# Exposure warnings (orange, not red): written by the tests that need them.
EXPOSURE_KINDS = ("a_bit_dark", "a_bit_bright", "backlit")


def mean_luma(img: Image) -> float:
    return float(cv2.mean(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))[0])


def towards_white(img: Image, mean: float) -> Image:
    """Lighter, with a mean luminance of about `mean`, without burning out highlights
    (as a camera that exposes a little too long on a pale scene)."""
    k = (255 - mean) / (255 - mean_luma(img))
    out: Image = np.clip(255 - (255 - img.astype(np.float32)) * k, 0, 255).astype(np.uint8)
    return out


def backlit(size: tuple[int, int] = SIZE) -> Image:
    """A person as a dark silhouette against a bright window that fills the upper part of
    the wall behind them."""
    h = size[1]
    person = scene(0.5, size)
    img = background(size)
    columns = np.any(person != img, axis=(0, 2))  # where the portrait covers the wall
    img[:, columns] = brightness(person[:, columns], 0.03)
    img[: int(h * 0.65), ~columns] = 255
    return img


def make(kind: str, folder: Path, *, size: tuple[int, int] = SIZE, count: int = 75) -> Path:
    """One test video of `kind` in `folder`."""
    path = folder / f"{kind}.avi"
    lit = scene(0.5, size)
    if kind == "well_lit":
        return write_video(path, lambda i, r: noisy(lit, r), count=count)
    if kind == "dark":
        dim = brightness(lit, 0.18)
        return write_video(path, lambda i, r: noisy(dim, r, 1.5), count=count)
    if kind == "over_exposed":
        hot = brightness(lit, 1.9, 60)
        return write_video(path, lambda i, r: noisy(hot, r), count=count)
    if kind == "blurred":
        soft: Image = cv2.GaussianBlur(lit, (0, 0), 6)
        return write_video(path, lambda i, r: noisy(soft, r, 1.0), count=count)
    if kind == "frozen":
        still = noisy(lit, np.random.default_rng(3))
        return write_video(path, lambda i, r: still, count=count)
    if kind == "black":
        dark = np.full_like(lit, 3)
        return write_video(path, lambda i, r: noisy(dark, r, 1.0), count=count)
    if kind == "no_face":
        empty = scene(None, size)
        return write_video(path, lambda i, r: noisy(empty, r), count=count)
    if kind == "off_centre":
        side = scene(0.12, size)
        return write_video(path, lambda i, r: noisy(side, r), count=count)
    if kind == "a_bit_dark":
        dim = brightness(lit, 55 / mean_luma(lit))
        return write_video(path, lambda i, r: noisy(dim, r, 1.5), count=count)
    if kind == "a_bit_bright":
        pale = towards_white(lit, 200)
        return write_video(path, lambda i, r: noisy(pale, r), count=count)
    if kind == "backlit":
        against = backlit(size)
        return write_video(path, lambda i, r: noisy(against, r), count=count)
    raise ValueError(kind)


def tinted(folder: Path) -> Path:
    """Well lit, under a strong blue light."""
    blue = np.clip(scene(0.5).astype(np.float32) * (1.5, 0.95, 0.55), 0, 255).astype(np.uint8)
    return write_video(folder / "tinted.avi", lambda i, r: noisy(blue, r))
