"""Readiness decisions: a step skipped or "ready" set by hand, with its reason, who, when.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "readiness_decisions",
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(120), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "step", name="pk_readiness_decisions"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_readiness_decisions_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "step IN ('camera', 'sound', 'checklist', 'licence', 'attendance', 'ready')",
            name="ck_readiness_decisions_step",
        ),
        sa.CheckConstraint(
            "length(trim(reason)) > 0", name="ck_readiness_decisions_reason_given"
        ),
    )


def downgrade() -> None:
    op.drop_table("readiness_decisions")
