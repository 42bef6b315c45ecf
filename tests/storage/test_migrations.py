"""The schema's life: created from nothing, upgraded with data in it, never half-applied."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.errors import RegieError
from app.storage import schema, tables
from app.storage.database import MIGRATIONS, Database


def _first_revision(db: Database) -> str:
    script = ScriptDirectory.from_config(db.alembic_config())
    bases = script.get_bases()
    assert len(bases) == 1
    return bases[0]


def test_upgrade_from_empty_creates_the_whole_schema(db_path: Path) -> None:
    db = Database(str(db_path))
    report = db.migrate()
    assert report.before is None
    assert report.after == db.head_revision()
    assert report.backup is None  # nothing worth backing up in an empty file
    with db.read() as conn:
        inspector = sa.inspect(conn)
        names = set(inspector.get_table_names())
        columns = {
            name: {c["name"] for c in inspector.get_columns(name)}
            for name in tables.metadata.tables
            if name in names
        }
        foreign = {
            name: len(inspector.get_foreign_keys(name))
            for name in tables.metadata.tables
            if name in names
        }
        types = conn.execute(sa.select(sa.func.count()).select_from(schema.session_types)).scalar()
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        enforced = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert set(tables.metadata.tables) <= names
    # Every table whole: each of its columns, and the links to the others.
    assert columns == {name: set(t.c.keys()) for name, t in tables.metadata.tables.items()}
    assert foreign == {
        name: len(t.foreign_key_constraints) for name, t in tables.metadata.tables.items()
    }
    assert enforced == 1
    assert types == 8
    assert mode == "wal"
    db.dispose()


def test_schema_matches_the_migrations(db_path: Path) -> None:
    """The models and the migrations describe the same database."""
    db = Database(str(db_path))
    db.migrate()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, tables.metadata)
    db.dispose()
    assert diff == []


def test_upgrade_from_first_revision_keeps_data(db_path: Path) -> None:
    db = Database(str(db_path))
    first = _first_revision(db)
    db.migrate(target=first)
    now = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    with db.begin() as conn:
        conn.execute(schema.branches.insert().values(id=1, code="vaise", name="Vaise"))
        conn.execute(
            sa.text(
                "INSERT INTO sessions (id, title, type_id, branch_id, starts_at, ends_at, mode,"
                " capacity, status, notes, created_at, updated_at) VALUES (7, 'Café FLE', 1, 1,"
                " :s, :e, 'remote', 15, 'planned', '', :s, :s)"
            ),
            {"s": now.replace(tzinfo=None), "e": now.replace(tzinfo=None, hour=18)},
        )
    report = db.migrate()
    assert report.before == first
    assert report.after == db.head_revision()
    assert report.backup is not None and report.backup.is_file()
    with db.read() as conn:
        row = conn.execute(sa.select(schema.sessions).where(schema.sessions.c.id == 7)).one()
    assert row.title == "Café FLE"
    assert row.starts_at == now
    # the backup holds the database as it was before the upgrade
    with sqlite3.connect(report.backup) as old:
        (rev,) = old.execute("SELECT version_num FROM alembic_version").fetchone()
    assert rev == first
    db.dispose()


def test_migrate_is_a_no_op_when_up_to_date(db_path: Path) -> None:
    db = Database(str(db_path))
    db.migrate()
    again = db.migrate()
    assert not again.changed and again.backup is None
    db.dispose()


def test_failed_migration_leaves_the_database_as_it_was(
    db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A revision that breaks halfway is rolled back whole (transactional DDL on SQLite)."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    good = Database(str(db_path))
    good.migrate()
    head = good.head_revision()
    heads = tuple(ScriptDirectory.from_config(good.alembic_config()).get_heads())
    good.dispose()
    (scripts / "versions" / "9999_broken.py").write_text(
        f"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = {heads!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade() -> None:
    pass
""",
        encoding="utf-8",
    )
    db = Database(str(db_path), migrations=scripts)
    with pytest.raises(RegieError) as caught:
        db.migrate()
    assert "left unchanged" in caught.value.text()
    assert "backups" in caught.value.text()
    assert [r.getMessage() for r in caplog.records] == ["migration failed"]
    caplog.clear()
    with db.read() as conn:
        assert "half_done" not in sa.inspect(conn).get_table_names()
    assert db.current_revision() == head
    db.dispose()


def test_backups_are_pruned(db_path: Path) -> None:
    db = Database(str(db_path))
    db.migrate()
    folder = db_path.parent / "backups"
    folder.mkdir()
    for i in range(8):
        (folder / f"regie-2020010{i}-000000-rev0001.sqlite3").write_bytes(b"")
    db._prune_backups(folder)
    assert len(list(folder.glob("regie-*.sqlite3"))) == 4
    db.dispose()


def test_head_constant_matches_the_revision_files(db_path: Path) -> None:
    """Start-up trusts HEAD to skip Alembic when nothing is pending."""
    from app.storage.migrations import HEAD

    db = Database(str(db_path))
    heads = ScriptDirectory.from_config(db.alembic_config()).get_heads()
    db.dispose()
    assert heads == [HEAD]
