"""Zoom: credential vault (keyring), launch URLs, participant-report import. No Qt."""
