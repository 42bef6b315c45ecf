"""Attendance: counts per session, and imported people until the retention period ends.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("registered", sa.Integer, nullable=True),
        sa.Column("connected", sa.Integer, nullable=True),
        sa.Column("on_site", sa.Integer, nullable=True),
        sa.Column("registered_source", sa.String(16), nullable=True),
        sa.Column("connected_source", sa.String(16), nullable=True),
        sa.Column("peak_concurrent", sa.Integer, nullable=True),
        sa.Column("median_minutes", sa.Float, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_attendance"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_attendance_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "(registered IS NULL OR registered >= 0) AND (connected IS NULL OR connected >= 0)"
            " AND (on_site IS NULL OR on_site >= 0)",
            name="ck_attendance_counts_non_negative",
        ),
    )
    op.create_table(
        "attendance_people",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("minutes", sa.Integer, nullable=True),
        sa.Column("first_join", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_leave", sa.DateTime(timezone=True), nullable=True),
        sa.Column("connections", sa.Integer, nullable=False, server_default="1"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attendance_people"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_attendance_people_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "kind IN ('attendee', 'registrant')", name="ck_attendance_people_kind"
        ),
    )
    op.create_index("ix_attendance_people_session_id", "attendance_people", ["session_id"])
    op.create_index("ix_attendance_people_imported_at", "attendance_people", ["imported_at"])


def downgrade() -> None:
    op.drop_index("ix_attendance_people_imported_at", table_name="attendance_people")
    op.drop_index("ix_attendance_people_session_id", table_name="attendance_people")
    op.drop_table("attendance_people")
    op.drop_table("attendance")
