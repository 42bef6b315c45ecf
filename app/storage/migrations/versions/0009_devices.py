"""The equipment inventory, and each check result's device record.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("make", sa.String(120), nullable=False, server_default=""),
        sa.Column("model", sa.String(120), nullable=False, server_default=""),
        sa.Column("serial", sa.String(80), nullable=True),
        sa.Column("branch_id", sa.Integer, nullable=True),
        sa.Column("room", sa.String(120), nullable=False, server_default=""),
        sa.Column("purchased_on", sa.Date, nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="in_service"),
        sa.Column("loan_to", sa.String(120), nullable=True),
        sa.Column("loan_until", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("match_key", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
        sa.UniqueConstraint("serial", name="uq_devices_serial"),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name="fk_devices_branch_id_branches"
        ),
        sa.CheckConstraint(
            "kind IN ('camera', 'microphone', 'speaker', 'speakerphone', 'headset')",
            name="ck_devices_kind",
        ),
        sa.CheckConstraint(
            "status IN ('in_service', 'on_loan', 'broken', 'retired')", name="ck_devices_status"
        ),
        sa.CheckConstraint(
            "(status = 'on_loan') = (loan_to IS NOT NULL AND loan_until IS NOT NULL)",
            name="ck_devices_loan_complete",
        ),
    )
    op.create_index("ix_devices_match_key", "devices", ["match_key"])
    with op.batch_alter_table("device_checks") as batch:
        batch.add_column(sa.Column("device_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_device_checks_device_id_devices",
            "devices",
            ["device_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_device_checks_device_id", ["device_id"])


def downgrade() -> None:
    with op.batch_alter_table("device_checks") as batch:
        batch.drop_index("ix_device_checks_device_id")
        batch.drop_constraint("fk_device_checks_device_id_devices", type_="foreignkey")
        batch.drop_column("device_id")
    op.drop_index("ix_devices_match_key", "devices")
    op.drop_table("devices")
