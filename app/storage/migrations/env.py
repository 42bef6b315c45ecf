"""Alembic environment: runs every revision inside one transaction on the app's engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Engine

from app.storage.tables import metadata

config = context.config
engine: Engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=engine.dialect.name == "sqlite",
        compare_type=True,
        transactional_ddl=True,
    )
    context.run_migrations()
