"""Network mode: licence holds, guarded on PostgreSQL by an exclusion constraint.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import heapq
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Values at the time of this revision (the holds of existing bookings are computed once).
_BEFORE_KEY, _AFTER_KEY = "licences.buffer_before_minutes", "licences.buffer_after_minutes"
_DEFAULTS = {_BEFORE_KEY: 10, _AFTER_KEY: 5}
_MAX_MINUTES = 240


def upgrade() -> None:
    op.create_table(
        "licence_holds",
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("licence_id", sa.Integer, nullable=False),
        sa.Column("slot", sa.Integer, nullable=False),
        sa.Column("held_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("held_to", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_licence_holds"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_licence_holds_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["licence_id"], ["licences.id"], name="fk_licence_holds_licence_id_licences"
        ),
        sa.CheckConstraint("slot >= 1", name=op.f("ck_licence_holds_slot_positive")),
        sa.CheckConstraint(
            "held_to > held_from", name=op.f("ck_licence_holds_held_after_start")
        ),
    )
    op.create_index("ix_licence_holds_licence_id", "licence_holds", ["licence_id"])
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE licence_holds ADD CONSTRAINT ex_licence_holds_overlap EXCLUDE USING gist"
            " (licence_id WITH =, slot WITH =, tstzrange(held_from, held_to, '[)') WITH &&)"
        )


def downgrade() -> None:
    op.drop_index("ix_licence_holds_licence_id", table_name="licence_holds")
    op.drop_table("licence_holds")


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _backfill() -> None:
    """One hold per live booking, slots dealt earliest first per licence."""
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    minutes = dict(_DEFAULTS)
    for key, value in conn.execute(
        sa.text("SELECT key, value FROM settings WHERE key IN (:a, :b)"),
        {"a": _BEFORE_KEY, "b": _AFTER_KEY},
    ):
        try:
            if 0 <= int(value) <= _MAX_MINUTES:
                minutes[key] = int(value)
        except ValueError:
            pass
    before, after = timedelta(minutes=minutes[_BEFORE_KEY]), timedelta(minutes=minutes[_AFTER_KEY])
    rows = conn.execute(
        sa.text(
            "SELECT id, licence_id, starts_at, ends_at FROM sessions"
            " WHERE licence_id IS NOT NULL AND status <> 'cancelled'"
            " ORDER BY licence_id, starts_at, id"
        )
    ).all()
    holds = sa.table(
        "licence_holds",
        sa.column("session_id", sa.Integer),
        sa.column("licence_id", sa.Integer),
        sa.column("slot", sa.Integer),
        sa.column("held_from", sa.DateTime(timezone=True)),
        sa.column("held_to", sa.DateTime(timezone=True)),
    )
    out: list[dict[str, object]] = []
    busy: dict[int, list[tuple[datetime, int]]] = {}
    free: dict[int, list[int]] = {}
    top: dict[int, int] = {}
    for sid, lid, start, end in rows:
        if isinstance(start, str):  # SQLite hands back text through a plain query
            start, end = datetime.fromisoformat(start), datetime.fromisoformat(end)
        s, e = _aware(start) - before, _aware(end) + after
        b, f = busy.setdefault(lid, []), free.setdefault(lid, [])
        while b and b[0][0] <= s:
            heapq.heappush(f, heapq.heappop(b)[1])
        if f:
            slot = heapq.heappop(f)
        else:
            top[lid] = top.get(lid, 0) + 1
            slot = top[lid]
        heapq.heappush(b, (e, slot))
        if sqlite:
            out.append({"session_id": sid, "licence_id": lid, "slot": slot,
                        "held_from": s.replace(tzinfo=None), "held_to": e.replace(tzinfo=None)})
        else:
            out.append({"session_id": sid, "licence_id": lid, "slot": slot,
                        "held_from": s, "held_to": e})
    if out:
        conn.execute(holds.insert(), out)
