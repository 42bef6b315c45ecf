"""Rows written in bulk (`insert_columns`) are stored exactly as SQLAlchemy stores them,
on both engines: the same text on SQLite, the same values on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.services import Services
from app.storage.attendance import attendance_people
from app.storage.bulk import insert_columns
from tests.attendance.helpers import add_session, network

PARIS = ZoneInfo("Europe/Paris")
MOMENTS = [
    datetime(2026, 11, 24, 14, 0, tzinfo=PARIS),
    datetime(2026, 3, 29, 3, 0, 1, 250, tzinfo=PARIS),  # just after the spring change
    datetime(2026, 10, 25, 2, 30, 59, 999_999, tzinfo=PARIS),  # in the repeated hour
    datetime(2026, 11, 24, 13, 0, tzinfo=UTC),
    datetime(2026, 11, 24, 8, 0, tzinfo=ZoneInfo("America/Montreal")),
]


def _stored(services: Services, session_id: int) -> list[tuple[Any, ...]]:
    """The rows as the engine holds them (no SQLAlchemy type reads them back)."""
    query = sa.text(
        "SELECT kind, name, email, minutes, first_join, last_leave, connections, "
        "imported_at FROM attendance_people WHERE session_id = :sid ORDER BY id"
    )
    with services.db.read() as conn:
        return [tuple(r) for r in conn.execute(query, {"sid": session_id})]


def test_rows_in_bulk_are_stored_as_sqlalchemy_stores_them(services: Services) -> None:
    network(services)
    general, bulk = add_session(services), add_session(services)
    at = datetime(2026, 11, 24, 18, 5, 7, 123_456, tzinfo=PARIS)
    people = [
        {"name": f"Personne {i}", "email": f"p{i}@example.fr" if i % 2 else None,
         "minutes": i * 7, "first_join": MOMENTS[i % 5],
         "last_leave": MOMENTS[i % 5] + timedelta(minutes=i, microseconds=i),
         "connections": 1 + i % 3}
        for i in range(12)
    ]
    with services.db.begin() as conn:
        conn.execute(attendance_people.insert(), [
            {**p, "session_id": general, "kind": "attendee", "imported_at": at}
            for p in people
        ])
        written = insert_columns(conn, attendance_people, {
            "session_id": bulk,
            "kind": "attendee",
            **{key: [p[key] for p in people] for key in people[0]},
            "imported_at": at,
        })
    assert written == 12
    assert _stored(services, bulk) == _stored(services, general)
    assert len(_stored(services, bulk)) == 12


def test_columns_of_different_lengths_are_refused(services: Services) -> None:
    network(services)
    sid = add_session(services)
    with pytest.raises(ValueError, match="different lengths"), services.db.begin() as conn:
        insert_columns(conn, attendance_people, {
            "session_id": sid, "kind": "attendee", "name": ["a", "b"], "connections": [1],
        })
    assert _stored(services, sid) == []
