"""Checklist runs get a key of their own, so a run kept offline finds its place.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite rebuilds the table to add a constraint; PostgreSQL alters it.
    with op.batch_alter_table("checklist_runs") as batch:
        batch.add_column(sa.Column("client_key", sa.String(32), nullable=True))
        batch.create_unique_constraint("uq_checklist_runs_client_key", ["client_key"])


def downgrade() -> None:
    with op.batch_alter_table("checklist_runs") as batch:
        batch.drop_constraint("uq_checklist_runs_client_key", type_="unique")
        batch.drop_column("client_key")
