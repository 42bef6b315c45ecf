"""Moving a branch's own SQLite database into the network's PostgreSQL database.

One transaction on the target: the rows of every table are copied in dependency order,
the id sequences are moved past the copied ids, and each table's count is compared with
the source before committing. Anything wrong and the target is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError
from app.storage.database import Database
from app.storage.demo import network_is_empty
from app.storage.tables import metadata

BATCH = 1000


@dataclass(frozen=True, slots=True)
class TransferReport:
    source: str
    target: str
    counts: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "rows": self.counts}


def copy_database(source: Database, target: Database) -> TransferReport:
    """Copy everything from `source` into the empty `target` (both at the newest schema)."""
    if source.url == target.url:
        raise RegieError(
            _N("errors", "The source and the target are the same database."),
            _N("errors", "Give the address of the network's server as the target."),
        )
    if source.current_revision() != target.current_revision():
        raise RegieError(
            _N("errors", "The two databases are at different schema versions."),
            _N("errors", "Run “regie db upgrade” on both, then try again."),
        )
    if not network_is_empty(target):
        raise RegieError(
            _N("errors", "The database {path} already holds a network; nothing was copied."),
            _N("errors", "Copy into a new, empty database, or ask its technician to empty it."),
            path=target.display_name,
        )
    tables = metadata.sorted_tables
    counts: dict[str, int] = {}
    try:
        with source.read() as src, target.begin() as dst:
            # An empty network still has its seeded rows (session types): replace them.
            for table in reversed(tables):
                dst.execute(table.delete())
            for table in tables:
                result = src.execute(sa.select(table)).mappings()
                total = 0
                while batch := result.fetchmany(BATCH):
                    dst.execute(table.insert(), [dict(r) for r in batch])
                    total += len(batch)
                counts[table.name] = total
            if target.engine.dialect.name == "postgresql":
                _move_sequences(dst, tables)
            for table in tables:
                got = dst.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                if got != counts[table.name]:
                    raise RegieError(
                        _N(
                            "errors",
                            "The copy of table {table} has {got} rows instead of {want}; "
                            "nothing was copied.",
                        ),
                        _N("errors", "Report this to your technician with both databases."),
                        table=table.name,
                        got=got,
                        want=counts[table.name],
                    )
    except sa.exc.IntegrityError as err:
        raise RegieError(
            _N("errors", "The data of {path} breaks a rule of the network database; "
               "nothing was copied."),
            _N("errors", "Fix the reported rows in the local database, then try again: {detail}"),
            path=source.display_name,
            detail=str(err.orig).splitlines()[0] if err.orig is not None else "",
        ) from err
    return TransferReport(source.display_name, target.display_name, counts)


def _move_sequences(conn: sa.Connection, tables: list[sa.Table]) -> None:
    """Serial ids continue after the copied rows, so the next insert does not collide."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer) or pk[0].autoincrement is False:
            continue
        seq = conn.execute(
            sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}
        ).scalar()
        if seq is None:
            continue
        top = conn.execute(sa.select(sa.func.max(pk[0]))).scalar()
        conn.execute(sa.select(sa.func.setval(seq, int(top or 0) + 1, False)))
