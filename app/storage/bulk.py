"""Writing many rows at once, each distinct value converted once.

SQLAlchemy's executemany converts every parameter of every row through its type (a
datetime to UTC, then to SQLite's text): for a 100,000-row Zoom import that was most of
the save, all of it holding the interpreter that the window's thread shares. Here each
column's conversion (the engine's own bind processor, so the stored form is exactly the
one SQLAlchemy writes) runs once per distinct value, and the rows go to the driver's
executemany as plain tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from app.storage.schema import UtcDateTime


def insert_columns(
    conn: sa.Connection, table: sa.Table, columns: dict[str, Any]
) -> int:
    """Insert one row per position of `columns` (column name → its values, every list
    as long; a value alone, not a list, is the same in every row). Returns the count."""
    dialect = conn.dialect
    names = list(columns)
    counts = {len(v) for v in columns.values() if isinstance(v, list)}
    if len(counts) > 1:
        raise ValueError(f"columns of different lengths: {sorted(counts)}")
    total = counts.pop() if counts else 1
    compiled = table.insert().compile(dialect=dialect, column_keys=names,
                                      for_executemany=True)
    order = compiled.positiontup or names  # a named statement takes them in any order
    cells: list[Sequence[Any]] = []
    for name in order:
        values = columns[name]
        convert = _converter(table.c[name], dialect)
        if not isinstance(values, list):
            values = [convert(values) if convert else values] * total
        elif convert is not None:
            values = _each_distinct_once(convert, values)
        cells.append(values)
    rows: list[Any] = list(zip(*cells, strict=True))
    if compiled.positiontup is None:
        rows = [dict(zip(order, row, strict=True)) for row in rows]
    if rows:
        conn.exec_driver_sql(compiled.string, rows)
    return total


def _converter(column: sa.Column[Any], dialect: sa.Dialect) -> Callable[[Any], Any] | None:
    general = column.type.dialect_impl(dialect).bind_processor(dialect)
    if isinstance(column.type, UtcDateTime) and dialect.name == "sqlite" and general:
        return _sqlite_text(general)
    return general


def _sqlite_text(general: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """An aware datetime as SQLite's text of its UTC time, in three calls into C (the
    general path goes through four Python functions). Checked against the general path
    on its first value: a form that ever differed would be given up for it."""
    same: bool | None = None

    def fast(value: datetime | None) -> Any:
        nonlocal same
        if value is None:
            return None
        text = value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        if same is None:
            same = text == general(value)
        return text if same else general(value)

    return fast


def _each_distinct_once(convert: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    seen: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            out = seen[value] = convert(value)
            return out

    return [one(v) for v in values]
