"""Licence holds: the database's own guard against double booking.

Every session that holds a licence has one row here: the licence, the time it is held
(the session plus the network's buffers) and a *slot* between 1 and the licence's
concurrent-meeting limit. On PostgreSQL an exclusion constraint forbids two rows of the
same licence and slot whose times overlap, so whatever the clients do, a licence never
carries more meetings at once than it has slots. On SQLite the same rows are written
inside `BEGIN IMMEDIATE`, where the check-then-insert cannot interleave.

The rows are kept in step with `sessions.licence_id` by every write of a session here in
storage (`sync_sessions`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.licences import (
    MAX_BUFFER,
    SETTING_BUFFER_AFTER,
    SETTING_BUFFER_BEFORE,
    Booking,
    BookingPolicy,
    ClashReason,
    LicenceClashError,
    check_fit,
    overlap_error,
    policy_from_settings,
    rules_for_change,
    running_clash,
)
from app.core.models import Licence, SessionStatus
from app.errors import ValidationError
from app.storage import schema as t
from app.storage.database import BusyError
from app.storage.rows import BOOKING_COLUMNS, booking_from_row, licence_from_row

T = TypeVar("T")

EXCLUSION_NAME = "ex_licence_holds_overlap"
# A loser on PostgreSQL decides again on what the winner booked; a few rounds suffice
# even when several slots of one licence are being taken at once.
ATTEMPTS = 12
BUSY_ROUNDS = 2  # more rounds after the busy timeout, before saying it is busy
# Widest reach of a hold: a session is at most 12 h long (see app.core.sessions).
REACH = 2 * MAX_BUFFER + timedelta(hours=12)
EXCLUSION_SQLSTATE = "23P01"

licence_holds = sa.Table(
    "licence_holds",
    t.metadata,
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("licence_id", sa.Integer, sa.ForeignKey("licences.id"), nullable=False, index=True),
    sa.Column("slot", sa.Integer, nullable=False),
    sa.Column("held_from", t.UtcDateTime(), nullable=False),
    sa.Column("held_to", t.UtcDateTime(), nullable=False),
    sa.CheckConstraint("slot >= 1", name="slot_positive"),
    sa.CheckConstraint("held_to > held_from", name="held_after_start"),
)
# PostgreSQL only: no two holds of one licence slot overlap (half-open ranges, so
# back-to-back holds are allowed). SQLite relies on its write lock instead.
licence_holds.append_constraint(
    postgresql.ExcludeConstraint(
        (licence_holds.c.licence_id, "="),
        (licence_holds.c.slot, "="),
        (sa.func.tstzrange(licence_holds.c.held_from, licence_holds.c.held_to, "[)"), "&&"),
        name=EXCLUSION_NAME,
        using="gist",
    ).ddl_if(dialect="postgresql")
)


@dataclass(frozen=True, slots=True)
class Hold:
    session_id: int
    licence_id: int
    slot: int
    start: datetime
    end: datetime


def is_exclusion_violation(err: sa.exc.IntegrityError) -> bool:
    """The PostgreSQL exclusion constraint refused a hold (someone booked that slot first)."""
    code = getattr(err.orig, "sqlstate", None)
    return code == EXCLUSION_SQLSTATE or EXCLUSION_NAME in str(err.orig)


def policy_in(conn: sa.Connection) -> BookingPolicy:
    """The buffer policy as stored in this transaction's view of the settings."""
    rows = dict(
        conn.execute(
            sa.select(t.settings.c.key, t.settings.c.value).where(
                t.settings.c.key.in_([SETTING_BUFFER_BEFORE, SETTING_BUFFER_AFTER])
            )
        ).all()
    )
    return policy_from_settings(rows.get)


def _overlapping(
    conn: sa.Connection, licence_id: int, start: datetime, end: datetime, session_id: int
) -> list[Hold]:
    h = licence_holds.c
    rows = conn.execute(
        sa.select(h.session_id, h.licence_id, h.slot, h.held_from, h.held_to).where(
            h.licence_id == licence_id,
            h.session_id != session_id,
            h.held_from < end,
            h.held_to > start,
        )
    ).all()
    return [Hold(*r) for r in rows]


def place(
    conn: sa.Connection,
    session_id: int,
    licence: Licence,
    start: datetime,
    end: datetime,
    policy: BookingPolicy,
    *,
    strict: bool,
) -> Hold | None:
    """Write the session's hold on `licence`, in the lowest slot free for its time.

    When every slot is taken somewhere in that time although the licence is never full at
    one instant, the licence's holds are dealt out again (earliest first, which needs no
    more slots than the busiest instant). `strict` refuses (returns None, writes nothing)
    when even that needs more slots than the licence has; otherwise the hold goes to an
    extra slot, as for data written before the rules applied.
    """
    held_from, held_to = policy.hold(start, end)
    h = licence_holds.c
    conn.execute(licence_holds.delete().where(h.session_id == session_id))
    used = {x.slot for x in _overlapping(conn, licence.id, held_from, held_to, session_id)}
    free = next((s for s in range(1, licence.concurrent_limit + 1) if s not in used), None)
    if free is not None:
        hold = Hold(session_id, licence.id, free, held_from, held_to)
        conn.execute(licence_holds.insert().values(**_values(hold)))
        return hold
    return _redeal(conn, session_id, licence, held_from, held_to, strict=strict)


def _redeal(
    conn: sa.Connection,
    session_id: int,
    licence: Licence,
    held_from: datetime,
    held_to: datetime,
    *,
    strict: bool,
) -> Hold | None:
    h = licence_holds.c
    rows = conn.execute(
        sa.select(h.session_id, h.licence_id, h.slot, h.held_from, h.held_to).where(
            h.licence_id == licence.id
        )
    ).all()
    holds = [Hold(*r) for r in rows]
    dealt = deal([*holds, Hold(session_id, licence.id, 0, held_from, held_to)])
    mine = next(x for x in dealt if x.session_id == session_id)
    before = {x.session_id: x.slot for x in holds}
    limit = licence.concurrent_limit
    # Strict: nobody, neither this hold nor one moved for it, may end up past the limit
    # (holds already past it, from data written before the rules, may stay there).
    if strict and any(
        x.slot > limit and before.get(x.session_id, 0) <= limit for x in dealt
    ):
        return None
    moved = [x for x in dealt if x.session_id != session_id and before[x.session_id] != x.slot]
    if moved:
        # Delete then insert: an in-place update would briefly overlap on PostgreSQL.
        conn.execute(licence_holds.delete().where(h.session_id.in_([x.session_id for x in moved])))
        conn.execute(licence_holds.insert(), [_values(x) for x in moved])
    conn.execute(licence_holds.insert().values(**_values(mine)))
    return mine


def deal(holds: Iterable[Hold]) -> list[Hold]:
    """Slots for interval holds, earliest start first, lowest free slot each: the classic
    greedy colouring, which uses exactly as many slots as the busiest instant needs."""
    out: list[Hold] = []
    busy: list[tuple[datetime, int]] = []  # (end, slot) of holds still running
    free: list[int] = []
    top = 0
    for x in sorted(holds, key=lambda x: (x.start, x.session_id)):
        while busy and busy[0][0] <= x.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            slot = heapq.heappop(free)
        else:
            top += 1
            slot = top
        heapq.heappush(busy, (x.end, slot))
        out.append(Hold(x.session_id, x.licence_id, slot, x.start, x.end))
    return out


def _values(x: Hold) -> dict[str, Any]:
    return {
        "session_id": x.session_id,
        "licence_id": x.licence_id,
        "slot": x.slot,
        "held_from": x.start,
        "held_to": x.end,
    }


def sync_sessions(conn: sa.Connection, session_ids: Iterable[int]) -> None:
    """Bring the holds of these sessions in line with their licence, times and status."""
    ids = sorted(set(session_ids))
    if not ids:
        return
    c = t.sessions.c
    rows = conn.execute(
        sa.select(c.id, c.licence_id, c.starts_at, c.ends_at, c.status).where(c.id.in_(ids))
    ).all()
    h = licence_holds.c
    current = {
        r.session_id: r
        for r in conn.execute(
            sa.select(h.session_id, h.licence_id, h.held_from, h.held_to).where(
                h.session_id.in_(ids)
            )
        )
    }
    policy: BookingPolicy | None = None
    licences: dict[int, Licence] = {}
    for r in rows:
        live = r.licence_id is not None and r.status != SessionStatus.CANCELLED.value
        if not live:
            if r.id in current:
                conn.execute(licence_holds.delete().where(h.session_id == r.id))
            continue
        policy = policy or policy_in(conn)
        held_from, held_to = policy.hold(r.starts_at, r.ends_at)
        old = current.get(r.id)
        if old is not None and (old.licence_id, old.held_from, old.held_to) == (
            r.licence_id,
            held_from,
            held_to,
        ):
            continue
        lic = licences.get(r.licence_id) or _licence_row(conn, r.licence_id)
        licences[r.licence_id] = lic
        place(conn, r.id, lic, r.starts_at, r.ends_at, policy, strict=False)


def drop(conn: sa.Connection, session_id: int) -> None:
    conn.execute(licence_holds.delete().where(licence_holds.c.session_id == session_id))


def _licence_row(conn: sa.Connection, licence_id: int) -> Licence:
    r = conn.execute(sa.select(t.licences).where(t.licences.c.id == licence_id)).one()
    return licence_from_row(r)


def clash_from_holds(conn: sa.Connection, licence: Licence, session_id: int) -> LicenceClashError:
    """The clash message when the stored holds (not the current rules) leave no slot."""
    c = t.sessions.c
    mine = conn.execute(sa.select(*BOOKING_COLUMNS).where(c.id == session_id)).one()
    policy = policy_in(conn)
    held_from, held_to = policy.hold(mine.starts_at, mine.ends_at)
    others = _overlapping(conn, licence.id, held_from, held_to, session_id)
    if others:
        first = min(others, key=lambda x: (x.start, x.session_id))
        row = conn.execute(sa.select(*BOOKING_COLUMNS).where(c.id == first.session_id)).one()
        return overlap_error(licence, booking_from_row(row), policy)
    return booked_meanwhile(licence)


def booked_meanwhile(licence: Licence) -> LicenceClashError:
    return LicenceClashError(
        ClashReason.OVERLAP,
        _N("licences", "The licence “{licence}” was booked by someone else for that time."),
        _N("licences", "Choose another licence or the best free one."),
        cli_fix=_N("licences", "Refresh the planning, then choose another licence or use --auto."),
        licence=licence.label,
    )


def retrying(write: Callable[[list[Licence]], T]) -> T:
    """Run a booking write (its own transaction) until the exclusion constraint lets it
    through. `write` records each licence it tried; when every round lost, the message
    names the last one. SQLite never raises here: its write lock serialises the writers."""
    tried: list[Licence] = []
    busy = 0
    for _attempt in range(ATTEMPTS):
        try:
            return write(tried)
        except sa.exc.IntegrityError as err:
            if not is_exclusion_violation(err):
                raise
        except BusyError:
            # PostgreSQL: waiting on a concurrent booking of the same slot outlasted the
            # lock timeout (or the two deadlocked). Once it has committed, the next round
            # sees it and says which session holds the licence. A database that stays
            # busy is said so after a few rounds.
            busy += 1
            if busy > BUSY_ROUNDS:
                raise
    raise booked_meanwhile(tried[-1])


def check_running(conn: sa.Connection, session_id: int) -> None:
    """Raise the clash, in the caller's transaction, when the session is running on a
    licence that now carries more running meetings than it can at once.

    Called by every write that makes a session running or moves a running session to a
    licence. On PostgreSQL the licence's row is locked first, so of two launches on it at
    once the second waits, then counts the first; SQLite's write lock does the same.
    """
    c = t.sessions.c
    me = conn.execute(sa.select(c.licence_id, c.status).where(c.id == session_id)).first()
    if me is None or me.licence_id is None or me.status != SessionStatus.RUNNING.value:
        return
    row = conn.execute(
        sa.select(t.licences).where(t.licences.c.id == me.licence_id).with_for_update()
    ).one()
    licence = licence_from_row(row)
    others = conn.execute(
        sa.select(c.id, c.title)
        .where(
            c.licence_id == licence.id,
            c.status == SessionStatus.RUNNING.value,
            c.id != session_id,
        )
        .order_by(c.starts_at, c.id)
    ).all()
    if len(others) >= licence.concurrent_limit:
        raise running_clash(licence.label, licence.concurrent_limit, others[0].id, others[0].title)


def session_booking(conn: sa.Connection, session_id: int) -> Booking | None:

    r = conn.execute(sa.select(*BOOKING_COLUMNS).where(t.sessions.c.id == session_id)).first()
    return None if r is None else booking_from_row(r)


def rebook(
    conn: sa.Connection, session_id: int, before: Booking | None, tried: list[Licence]
) -> None:
    """After a write of a session, hold its licence again under the licence rules, or
    raise the clash (the caller's transaction then writes nothing).

    Only the rules the change can break are checked again (see `rules_for_change`), so
    editing the notes of a session booked before its licence was restricted still works.
    """

    after = session_booking(conn, session_id)
    assert after is not None
    if after.licence_id is None or after.status is SessionStatus.CANCELLED:
        drop(conn, session_id)
        return
    rules = rules_for_change(before, after)
    if not rules:
        sync_sessions(conn, [session_id])
        return
    licence = _licence_row(conn, after.licence_id)
    tried.append(licence)
    policy = policy_in(conn)
    c = t.sessions.c
    books = [
        booking_from_row(x)
        for x in conn.execute(
            sa.select(*BOOKING_COLUMNS).where(
                c.licence_id == licence.id,
                c.status != SessionStatus.CANCELLED.value,
                c.id != session_id,
                c.starts_at < after.end + REACH,
                c.ends_at > after.start - REACH,
            )
        )
    ]
    err = check_fit(licence, after, books, policy, rules=rules)
    if err is not None:
        raise err
    if ClashReason.OVERLAP not in rules:
        sync_sessions(conn, [session_id])
        return
    # Overlap already checked above; `strict` also refuses when the holds written by
    # others (not the rules as this client sees them) leave no slot.
    lic = replace(licence, active=True)
    if place(conn, session_id, lic, after.start, after.end, policy, strict=True) is None:
        raise clash_from_holds(conn, licence, session_id)


def write_policy(conn: sa.Connection, policy: BookingPolicy) -> None:
    minutes = policy.as_json()
    for key, value in (
        (SETTING_BUFFER_BEFORE, minutes["buffer_before_minutes"]),
        (SETTING_BUFFER_AFTER, minutes["buffer_after_minutes"]),
    ):
        done = conn.execute(
            t.settings.update().where(t.settings.c.key == key).values(value=str(value))
        )
        if done.rowcount == 0:
            conn.execute(t.settings.insert().values(key=key, value=str(value)))


def rehold(conn: sa.Connection, policy: BookingPolicy, since: datetime) -> int:
    """Hold every booked session that ends after `since` under `policy` (new buffers);
    returns how many holds changed. Raises ValidationError, having written nothing it
    should keep (the caller's transaction rolls back), when a licence would then carry
    more meetings at once than it allows; holds of sessions already over stay as held.
    """
    c = t.sessions.c
    h = licence_holds.c
    live = conn.execute(
        sa.select(c.id, c.title, c.licence_id, c.starts_at, c.ends_at).where(
            c.licence_id.is_not(None),
            c.status != SessionStatus.CANCELLED.value,
            c.ends_at > since,
        )
    ).all()
    titles = {r.id: (r.title, r.starts_at) for r in live}
    wanted: dict[int, list[Hold]] = {}
    for r in live:
        held_from, held_to = policy.hold(r.starts_at, r.ends_at)
        wanted.setdefault(r.licence_id, []).append(
            Hold(r.id, r.licence_id, 0, held_from, held_to)
        )
    changed = 0
    for licence_id, new in sorted(wanted.items()):
        lic = _licence_row(conn, licence_id)
        current = [
            Hold(*x)
            for x in conn.execute(
                sa.select(h.session_id, h.licence_id, h.slot, h.held_from, h.held_to).where(
                    h.licence_id == licence_id
                )
            )
        ]
        mine = {x.session_id for x in new}
        kept = [x for x in current if x.session_id not in mine]  # sessions already over
        dealt = deal([*kept, *new])
        worst = max((x.slot for x in dealt), default=0)
        before = max((x.slot for x in current), default=0)
        if worst > lic.concurrent_limit and worst > before:
            raise _too_many(lic, dealt, titles)
        old = {x.session_id: x for x in current}
        moved = [x for x in dealt if old.get(x.session_id) != x]
        if not moved:
            continue
        changed += sum(1 for x in moved if x.session_id in mine)
        # Delete then insert: an in-place update would briefly overlap on PostgreSQL.
        conn.execute(
            licence_holds.delete().where(h.session_id.in_([x.session_id for x in moved]))
        )
        conn.execute(licence_holds.insert(), [_values(x) for x in moved])
    return changed


def _too_many(
    lic: Licence, dealt: list[Hold], titles: dict[int, tuple[str, datetime]]
) -> ValidationError:
    """Name two sessions that would hold the licence at once past its limit."""
    over = min((x for x in dealt if x.slot > lic.concurrent_limit), key=lambda x: x.start)
    other = next(
        x
        for x in sorted(dealt, key=lambda x: x.start)
        if x.session_id != over.session_id and x.start < over.end and x.end > over.start
    )
    first, second = sorted((other, over), key=lambda x: x.start)

    def name(x: Hold) -> str:
        title, start = titles.get(x.session_id, (f"#{x.session_id}", x.start))
        return f"{title} ({start.astimezone():%d/%m %H:%M})"

    return ValidationError(
        "buffer",
        _N(
            "errors",
            "With these buffers, “{first}” and “{second}” would hold the licence “{licence}” "
            "at the same time, beyond its limit of {limit} meeting(s) at once.",
        ),
        _N(
            "errors",
            "Keep the current buffers, or give one of these sessions another licence first.",
        ),
        first=name(first),
        second=name(second),
        licence=lic.label,
        limit=lic.concurrent_limit,
    )
