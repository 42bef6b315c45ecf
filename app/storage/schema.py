"""The database schema, as SQLAlchemy Core tables on one shared `metadata`.

Feature modules (licences, checklists, attendance…) declare their tables on the same
`metadata`. Every change here is matched by an Alembic revision in `migrations/versions`;
a test compares the two.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every engine.

    SQLite has no time-zone type: there it stores naive UTC; PostgreSQL gets timestamptz.
    A naive datetime is refused: its meaning would depend on the machine that wrote it.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        """On SQLite, the stored text straight to an aware datetime in one C call: lists
        read two of these per session, and the generic path (parse, then attach the
        zone) costs more than the query itself on large lists."""
        if dialect.name == "sqlite":
            return _sqlite_utc
        return super().result_processor(dialect, coltype)


def _sqlite_utc(value: Any) -> datetime | None:
    """'YYYY-MM-DD HH:MM:SS[.ffffff]' as stored by SQLAlchemy on SQLite: naive UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)  # wall clock: when the row was written (audit)


branches = sa.Table(
    "branches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(40), nullable=False, unique=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
)

session_types = sa.Table(
    "session_types",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(40), nullable=False, unique=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id"), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("email", sa.String(200), nullable=True),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.CheckConstraint("role IN ('agent', 'technician', 'trainee', 'coordinator')", name="role"),
)

licences = sa.Table(
    "licences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(80), nullable=False, unique=True),
    sa.Column("email", sa.String(200), nullable=False),
    sa.Column("plan", sa.String(20), nullable=False),
    sa.Column("participant_cap", sa.Integer, nullable=False),
    sa.Column("concurrent_limit", sa.Integer, nullable=False, server_default="1"),
    sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id"), nullable=True),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.CheckConstraint("participant_cap > 0", name="cap_positive"),
    sa.CheckConstraint("concurrent_limit > 0", name="concurrent_positive"),
    sa.CheckConstraint("plan IN ('pro', 'business', 'enterprise', 'addon')", name="plan"),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("type_id", sa.Integer, sa.ForeignKey("session_types.id"), nullable=False),
    sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id"), nullable=False),
    sa.Column("starts_at", UtcDateTime(), nullable=False, index=True),
    sa.Column("ends_at", UtcDateTime(), nullable=False),
    sa.Column("mode", sa.String(10), nullable=False),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("host_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=True),
    sa.Column("licence_id", sa.Integer, sa.ForeignKey("licences.id"), nullable=True, index=True),
    sa.Column("status", sa.String(12), nullable=False, server_default="planned"),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.CheckConstraint("capacity > 0", name="capacity_positive"),
    sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    sa.CheckConstraint("mode IN ('remote', 'hybrid')", name="mode"),
    sa.CheckConstraint(
        "status IN ('planned', 'ready', 'running', 'done', 'cancelled')", name="status"
    ),
    # Covers the activity report: held sessions grouped by type and branch, per day.
    sa.Index("ix_sessions_report", "type_id", "branch_id", "status", "starts_at"),
)

device_checks = sa.Table(
    "device_checks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("device", sa.String(200), nullable=False),
    sa.Column("device_key", sa.String(200), nullable=False, index=True),
    sa.Column("verdict", sa.String(4), nullable=False),
    sa.Column("result", sa.JSON, nullable=False),
    sa.Column("operator", sa.String(120), nullable=False),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # The inventory record the result is about (app.storage.equipment), when known.
    sa.Column(
        "device_id",
        sa.Integer,
        sa.ForeignKey("devices.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.CheckConstraint("kind IN ('camera', 'audio')", name="kind"),
    sa.CheckConstraint("verdict IN ('pass', 'warn', 'fail')", name="verdict"),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(80), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
