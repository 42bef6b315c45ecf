"""Alembic migrations of Régie's schema.

`HEAD` names the newest revision so that start-up can tell "nothing to do" with one
query, without loading Alembic; a test keeps it equal to the revision files' head.
"""

HEAD = "0011"
