"""Registrations per session: places, waiting list, cancellations, promotions.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("promoted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_registrations"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_registrations_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "status IN ('registered', 'waiting', 'cancelled')", name="ck_registrations_status"
        ),
    )
    op.create_index("ix_registrations_session_id", "registrations", ["session_id"])
    op.create_index("ix_registrations_created_at", "registrations", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_registrations_created_at", table_name="registrations")
    op.drop_index("ix_registrations_session_id", table_name="registrations")
    op.drop_table("registrations")
