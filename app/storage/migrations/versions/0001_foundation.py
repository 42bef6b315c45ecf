"""Foundation: branches, session types, staff, licences, sessions, device checks, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The eight categories of the 2020 activity report, in its order (most frequent first).
SESSION_TYPES = [
    ("reading_circle", "Cercles de lecteurs, cafés FLE"),
    ("media_literacy", "Éducation aux médias et à l'information"),
    ("talk", "Rencontres, conférences"),
    ("workshop", "Ateliers d'écriture et numériques"),
    ("concert", "Concerts, conférences musicales"),
    ("storytime", "Lectures, comptines, temps du conte"),
    ("games", "Jeux"),
    ("screening", "Projections, débats"),
]


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_branches"),
        sa.UniqueConstraint("code", name="uq_branches_code"),
        sa.UniqueConstraint("name", name="uq_branches_name"),
    )
    types = op.create_table(
        "session_types",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name="pk_session_types"),
        sa.UniqueConstraint("code", name="uq_session_types_code"),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("branch_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name="pk_staff"),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name="fk_staff_branch_id_branches"
        ),
        sa.CheckConstraint(
            "role IN ('agent', 'technician', 'trainee', 'coordinator')", name="ck_staff_role"
        ),
    )
    op.create_table(
        "licences",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("label", sa.String(80), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("plan", sa.String(20), nullable=False),
        sa.Column("participant_cap", sa.Integer, nullable=False),
        sa.Column("concurrent_limit", sa.Integer, nullable=False, server_default="1"),
        sa.Column("branch_id", sa.Integer, nullable=True),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name="pk_licences"),
        sa.UniqueConstraint("label", name="uq_licences_label"),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name="fk_licences_branch_id_branches"
        ),
        sa.CheckConstraint("participant_cap > 0", name="ck_licences_cap_positive"),
        sa.CheckConstraint("concurrent_limit > 0", name="ck_licences_concurrent_positive"),
        sa.CheckConstraint(
            "plan IN ('pro', 'business', 'enterprise', 'addon')", name="ck_licences_plan"
        ),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("type_id", sa.Integer, nullable=False),
        sa.Column("branch_id", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("host_id", sa.Integer, nullable=True),
        sa.Column("licence_id", sa.Integer, nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="planned"),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.ForeignKeyConstraint(
            ["type_id"], ["session_types.id"], name="fk_sessions_type_id_session_types"
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name="fk_sessions_branch_id_branches"
        ),
        sa.ForeignKeyConstraint(["host_id"], ["staff.id"], name="fk_sessions_host_id_staff"),
        sa.ForeignKeyConstraint(
            ["licence_id"], ["licences.id"], name="fk_sessions_licence_id_licences"
        ),
        sa.CheckConstraint("capacity > 0", name="ck_sessions_capacity_positive"),
        sa.CheckConstraint("ends_at > starts_at", name="ck_sessions_ends_after_start"),
        sa.CheckConstraint("mode IN ('remote', 'hybrid')", name="ck_sessions_mode"),
        sa.CheckConstraint(
            "status IN ('planned', 'ready', 'running', 'done', 'cancelled')",
            name="ck_sessions_status",
        ),
    )
    op.create_index("ix_sessions_starts_at", "sessions", ["starts_at"])
    op.create_index("ix_sessions_licence_id", "sessions", ["licence_id"])
    op.create_table(
        "device_checks",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("device", sa.String(200), nullable=False),
        sa.Column("device_key", sa.String(200), nullable=False),
        sa.Column("verdict", sa.String(4), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("operator", sa.String(120), nullable=False),
        sa.Column("staff_id", sa.Integer, nullable=True),
        sa.Column("session_id", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_device_checks"),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name="fk_device_checks_staff_id_staff"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_device_checks_session_id_sessions",
            ondelete="SET NULL",
        ),
        sa.CheckConstraint("kind IN ('camera', 'audio')", name="ck_device_checks_kind"),
        sa.CheckConstraint("verdict IN ('pass', 'warn', 'fail')", name="ck_device_checks_verdict"),
    )
    op.create_index("ix_device_checks_device_key", "device_checks", ["device_key"])
    op.create_index("ix_device_checks_session_id", "device_checks", ["session_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    op.bulk_insert(
        types,
        [
            {"code": code, "name": name, "position": i, "active": True}
            for i, (code, name) in enumerate(SESSION_TYPES)
        ],
    )


def downgrade() -> None:
    for table in ("settings", "device_checks", "sessions", "licences", "staff"):
        op.drop_table(table)
    op.drop_table("session_types")
    op.drop_table("branches")
