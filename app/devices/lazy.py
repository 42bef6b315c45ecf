"""A library imported on first use rather than with the module that names it.

OpenCV and NumPy take a tenth of a second and some 30 MB to import; the camera and sound
screens are built at start-up but measure only when asked. Modules name them as usual
for the type checker and get this stand-in at run time.
"""

from __future__ import annotations

import importlib
import types
from typing import Any


class LazyModule(types.ModuleType):
    """Stands for the module `name`; imports it at the first attribute read (thread-safe:
    the import system's own locks), then hands out the real module's attributes."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)


def lazy(name: str) -> Any:
    """`cv2 = lazy("cv2")`: the module, imported when first used."""
    return LazyModule(name)
