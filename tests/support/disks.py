"""A real, tiny, full disk: a tmpfs mounted for one test (the suite runs as root), and
a way to fill it to the last byte."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tiny_disk(mount_point: Path, size: str = "4m", *, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of `size` at `mount_point` (read-only even for root if asked), unmounted
    afterwards."""
    mount_point.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=1777" + (",ro" if read_only else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path) -> None:
    """Write to `disk` until it has no byte left."""
    chunk = b"\0" * 4096
    with (disk / "filler").open("wb", buffering=0) as f:
        while True:
            try:
                f.write(chunk)
            except OSError as err:
                if err.errno != errno.ENOSPC:
                    raise
                break
    # The last partial block too.
    with (disk / "filler-tail").open("wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0")
    os.sync()
