"""Fixtures shared with the licence suite: a small network on the test's engine."""

from __future__ import annotations

from tests.zoom.conftest import at, network  # noqa: F401  (shared fixtures)
