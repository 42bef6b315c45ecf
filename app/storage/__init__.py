"""Storage: the SQLAlchemy schema, Alembic migrations and repositories. The only SQL."""
