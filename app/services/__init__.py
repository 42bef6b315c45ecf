"""Composition root: wires the real repositories and services for the GUI and the CLI.

The wiring lives in `app.services.root` and loads on first use of one of its names, so
that the first screen's glance (`app.services.glance`) reads today's sessions without
loading the database layer behind it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.root import (
        DEMO_SEED,
        Database,
        LicenceFeature,
        Services,
        build_attendance,
        build_checklists,
        build_facts,
        build_licences,
        licence_checks,
        load_demo_network,
        network_is_empty,
        open_services,
    )

__all__ = [
    "DEMO_SEED",
    "Database",
    "LicenceFeature",
    "Services",
    "build_attendance",
    "build_checklists",
    "build_facts",
    "build_licences",
    "licence_checks",
    "load_demo_network",
    "network_is_empty",
    "open_services",
]
_ROOT = frozenset(__all__)


def __getattr__(name: str) -> Any:
    if name in _ROOT:
        value = getattr(importlib.import_module("app.services.root"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'app.services' has no attribute {name!r}")
