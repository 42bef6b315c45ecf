"""Licences: secret references in the keyring and each session's Zoom meeting.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "licence_secrets",
        sa.Column("licence_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("licence_id", "kind", name="pk_licence_secrets"),
        sa.ForeignKeyConstraint(
            ["licence_id"],
            ["licences.id"],
            name="fk_licence_secrets_licence_id_licences",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("kind IN ('password', 'host-key')", name="ck_licence_secrets_kind"),
    )
    op.create_table(
        "session_meetings",
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("meeting_id", sa.String(20), nullable=False),
        sa.Column("join_url", sa.String(500), nullable=True),
        sa.Column("passcode_ref", sa.String(200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_session_meetings"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_session_meetings_session_id_sessions",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("session_meetings")
    op.drop_table("licence_secrets")
