"""An index that covers the activity report's scan of the sessions.

The report groups held sessions by type and branch, and counts them per day: with the
sessions read from this index in (type, branch) order, both queries read no table row of
`sessions` and the grouping needs no temporary tree.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_sessions_report", "sessions", ["type_id", "branch_id", "status", "starts_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_sessions_report", table_name="sessions")
