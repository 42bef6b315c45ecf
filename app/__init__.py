"""Régie: the library network's desk for remote and hybrid cultural sessions."""

__version__ = "0.1.0"
