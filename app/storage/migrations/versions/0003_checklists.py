"""Checklists: runs of a checklist and the record of each step.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_runs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("checklist_id", sa.String(80), nullable=False),
        sa.Column("checklist_version", sa.Integer, nullable=False),
        sa.Column("checklist_title", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(12), nullable=False),
        sa.Column("session_mode", sa.String(10), nullable=False),
        sa.Column("session_id", sa.Integer, nullable=True),
        sa.Column("staff_id", sa.Integer, nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("current_index", sa.Integer, nullable=False, server_default="0"),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_off_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_runs"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_checklist_runs_session_id_sessions",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name="fk_checklist_runs_staff_id_staff"
        ),
        sa.ForeignKeyConstraint(
            ["signed_off_by"], ["staff.id"], name="fk_checklist_runs_signed_off_by_staff"
        ),
        sa.CheckConstraint("mode IN ('read_do', 'do_confirm')", name="ck_checklist_runs_mode"),
        sa.CheckConstraint(
            "session_mode IN ('remote', 'hybrid')", name="ck_checklist_runs_session_mode"
        ),
        sa.CheckConstraint(
            "status IN ('in_progress', 'signed_off', 'abandoned')",
            name="ck_checklist_runs_status",
        ),
    )
    op.create_index("ix_checklist_runs_session_id", "checklist_runs", ["session_id"])
    op.create_index("ix_checklist_runs_staff_id", "checklist_runs", ["staff_id"])
    op.create_table(
        "checklist_steps",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("step_id", sa.String(80), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("skip_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("auto", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_steps"),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["checklist_runs.id"],
            name="fk_checklist_steps_run_id_checklist_runs",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("run_id", "step_id", name="uq_checklist_steps_run_id"),
        sa.CheckConstraint(
            "state IN ('pending', 'done', 'skipped')", name="ck_checklist_steps_state"
        ),
    )


def downgrade() -> None:
    op.drop_table("checklist_steps")
    op.drop_table("checklist_runs")
