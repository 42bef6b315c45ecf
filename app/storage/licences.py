"""Licences, their secret references, session meetings and race-free booking.

The booking write reads the licence's current bookings, then updates the session and its
hold (see `app.storage.bookings`) in one transaction. On SQLite that transaction takes
the write lock first (BEGIN IMMEDIATE), so of two people booking the same licence at once
one waits, then sees the other's booking. On PostgreSQL both may decide at once; the
exclusion constraint on the holds refuses the second, which decides again and gets the
same clash message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from app.core.clock import Clock, now_local
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.licences import (
    ALL_RULES,
    Booking,
    BookingPolicy,
    ClashReason,
    LicenceDraft,
    check_fit,
)
from app.core.models import Licence, MeetingRecord, SessionStatus
from app.core.secrets import SecretKind
from app.errors import NotFoundError, ValidationError
from app.storage import schema as t
from app.storage.bookings import (
    ATTEMPTS,
    REACH,
    check_running,
    clash_from_holds,
    drop,
    is_exclusion_violation,
    place,
    policy_in,
    rehold,
    retrying,
    write_policy,
)
from app.storage.database import Database
from app.storage.rows import BOOKING_COLUMNS, booking_from_row, licence_from_row

licence_secrets = sa.Table(
    "licence_secrets",
    t.metadata,
    sa.Column(
        "licence_id",
        sa.Integer,
        sa.ForeignKey("licences.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("updated_at", t.UtcDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('password', 'host-key')", name="kind"),
)

session_meetings = sa.Table(
    "session_meetings",
    t.metadata,
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("meeting_id", sa.String(20), nullable=False),
    sa.Column("join_url", sa.String(500), nullable=True),
    sa.Column("passcode_ref", sa.String(200), nullable=True),
    sa.Column("updated_at", t.UtcDateTime(), nullable=False),
)






_REACH = REACH
_BUT_OVERLAP = ALL_RULES - {ClashReason.OVERLAP}

Chooser = Callable[[Booking, list[Licence], list[Booking]], Licence]


def _missing_session(session_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "Session {id} does not exist."),
        _N("errors", "Check the number with “regie sessions list”."),
        id=session_id,
    )


# A session over or cancelled keeps the licence it had: it is part of its history.
_HISTORY = frozenset({SessionStatus.DONE, SessionStatus.CANCELLED})


def _licence_is_history(session_id: int) -> ValidationError:
    return ValidationError(
        "licence",
        _N("errors", "Session {id} is over or cancelled; its licence cannot change."),
        _N("errors", "Duplicate it to plan it again."),
        id=session_id,
    )


def _missing_licence() -> NotFoundError:
    return NotFoundError(
        _N("errors", "This licence no longer exists."),
        _N("errors", "Refresh the list and choose another one."),
    )


class SqlLicenceRepository:
    def __init__(self, db: Database, clock: Clock = now_local) -> None:
        self._db = db
        self._clock = clock  # "upcoming" bookings are those still to end at this time

    # ------------------------------------------------------------ licences
    def licences(self) -> list[Licence]:
        with self._db.read() as conn:
            rows = conn.execute(sa.select(t.licences).order_by(t.licences.c.label)).all()
        return [licence_from_row(r) for r in rows]

    def licence(self, licence_id: int) -> Licence:
        with self._db.read() as conn:
            r = conn.execute(sa.select(t.licences).where(t.licences.c.id == licence_id)).first()
        if r is None:
            raise _missing_licence()
        return licence_from_row(r)

    def add(self, draft: LicenceDraft) -> int:
        with self._db.begin() as conn:
            try:
                with conn.begin_nested():
                    res = conn.execute(t.licences.insert().values(**_values(draft)))
            except sa.exc.IntegrityError as err:
                raise _duplicate(draft) from err
        key = res.inserted_primary_key
        assert key is not None
        return int(key[0])

    def update(self, licence_id: int, draft: LicenceDraft) -> None:
        with self._db.begin() as conn:
            try:
                with conn.begin_nested():
                    res = conn.execute(
                        t.licences.update()
                        .where(t.licences.c.id == licence_id)
                        .values(**_values(draft))
                    )
            except sa.exc.IntegrityError as err:
                raise _duplicate(draft) from err
            if res.rowcount == 0:
                raise _missing_licence()

    def delete(self, licence_id: int) -> None:
        """Remove a licence no session ever used; used ones are deactivated instead."""
        with self._db.begin(immediate=True) as conn:
            used = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.sessions)
                .where(t.sessions.c.licence_id == licence_id)
            ).scalar_one()
            if used:
                raise ValidationError(
                    "licence",
                    _N(
                        "errors",
                        "This licence is assigned to {count} session(s) and stays in "
                        "their history.",
                    ),
                    _N("errors", "Deactivate it instead, or unassign those sessions first."),
                    count=used,
                )
            conn.execute(licence_secrets.delete().where(licence_secrets.c.licence_id == licence_id))
            res = conn.execute(t.licences.delete().where(t.licences.c.id == licence_id))
            if res.rowcount == 0:
                raise _missing_licence()

    # ------------------------------------------------------------ buffers
    def apply_policy(self, policy: BookingPolicy, *, since: datetime | None = None) -> int:
        """Store the buffers and hold every booked session still to end under them, in
        one transaction: a change that would overbook a licence is refused whole (see
        `rehold`). Returns how many upcoming bookings changed."""
        since = since or self._clock()
        for _attempt in range(ATTEMPTS):
            try:
                with self._db.begin(immediate=True) as conn:
                    write_policy(conn, policy)
                    return rehold(conn, policy, since)
            except sa.exc.IntegrityError as err:
                # PostgreSQL: someone booked meanwhile under the old buffers; go again.
                if not is_exclusion_violation(err):
                    raise
        raise ValidationError(
            "buffer",
            _N("errors", "The buffers could not be changed: bookings kept changing meanwhile."),
            _N("errors", "Try again in a moment."),
        )

    # ------------------------------------------------------------ bookings
    def bookings(self, start: datetime | None = None, end: datetime | None = None) -> list[Booking]:
        """Sessions holding a licence (cancelled ones excluded), optionally in a window."""
        c = t.sessions.c
        q = sa.select(*BOOKING_COLUMNS).where(
            c.licence_id.is_not(None), c.status != SessionStatus.CANCELLED.value
        )
        if start is not None:
            q = q.where(c.ends_at > start)
        if end is not None:
            q = q.where(c.starts_at < end)
        with self._db.read() as conn:
            return [booking_from_row(r) for r in conn.execute(q.order_by(c.starts_at, c.id))]

    def assign(self, session_id: int, choose: Chooser) -> Licence:
        """Check, then write the booking and its hold, in one transaction.

        On SQLite the transaction holds the write lock from the start, so nobody books in
        between. On PostgreSQL several people may decide at once; the exclusion constraint
        on the holds lets only one of them through, and the others decide again on what
        is now booked, which gives them the usual clash message.
        """
        return retrying(lambda tried: self._assign_once(session_id, choose, tried))

    def _assign_once(self, session_id: int, choose: Chooser, tried: list[Licence]) -> Licence:
        c = t.sessions.c
        with self._db.begin(immediate=True) as conn:
            r = conn.execute(sa.select(*BOOKING_COLUMNS).where(c.id == session_id)).first()
            if r is None:
                raise _missing_session(session_id)
            cand = booking_from_row(r)
            if cand.status in _HISTORY:
                raise _licence_is_history(session_id)
            lic_rows = conn.execute(sa.select(t.licences).order_by(t.licences.c.id)).all()
            licences = [licence_from_row(x) for x in lic_rows]
            books = [
                booking_from_row(x)
                for x in conn.execute(
                    sa.select(*BOOKING_COLUMNS).where(
                        c.licence_id.is_not(None),
                        c.status != SessionStatus.CANCELLED.value,
                        c.id != session_id,
                        c.starts_at < cand.end + _REACH,
                        c.ends_at > cand.start - _REACH,
                    )
                )
            ]
            chosen = choose(cand, licences, books)
            tried.append(chosen)
            # Whoever chose, storage writes no booking the rules refuse: the licence's
            # state, branch and cap here; overlaps by the holds themselves (`place`).
            policy = policy_in(conn)
            err = check_fit(chosen, cand, books, policy, rules=_BUT_OVERLAP)
            if err is not None:
                raise err
            hold = place(conn, session_id, chosen, cand.start, cand.end, policy, strict=True)
            if hold is None:
                raise clash_from_holds(conn, chosen, session_id)
            conn.execute(
                t.sessions.update()
                .where(c.id == session_id)
                # wall clock: when the row was written (audit)
                .values(licence_id=chosen.id, updated_at=datetime.now(UTC))
            )
            check_running(conn, session_id)  # a running session moved to a busy licence
        return chosen

    def unassign(self, session_id: int) -> None:
        c = t.sessions.c
        with self._db.begin() as conn:
            status = conn.execute(sa.select(c.status).where(c.id == session_id)).scalar()
            if status is None:
                raise _missing_session(session_id)
            if SessionStatus(status) in _HISTORY:
                raise _licence_is_history(session_id)
            conn.execute(
                t.sessions.update()
                .where(c.id == session_id)
                # wall clock: when the row was written (audit)
                .values(licence_id=None, updated_at=datetime.now(UTC))
            )
            drop(conn, session_id)

    # ------------------------------------------------------------ secret references
    def secret_refs(self, licence_id: int) -> dict[SecretKind, str]:
        with self._db.read() as conn:
            rows = conn.execute(
                sa.select(licence_secrets.c.kind, licence_secrets.c.ref).where(
                    licence_secrets.c.licence_id == licence_id
                )
            ).all()
        return {SecretKind(k): ref for k, ref in rows}

    def all_secret_kinds(self) -> dict[int, list[SecretKind]]:
        with self._db.read() as conn:
            rows = conn.execute(
                sa.select(licence_secrets.c.licence_id, licence_secrets.c.kind)
            ).all()
        out: dict[int, list[SecretKind]] = {}
        for lid, kind in rows:
            out.setdefault(lid, []).append(SecretKind(kind))
        return out

    def set_secret_ref(self, licence_id: int, kind: SecretKind, ref: str) -> None:
        now = datetime.now(UTC)  # wall clock: when the row was written (audit)
        with self._db.begin() as conn:
            done = conn.execute(
                licence_secrets.update()
                .where(
                    licence_secrets.c.licence_id == licence_id,
                    licence_secrets.c.kind == kind.value,
                )
                .values(ref=ref, updated_at=now)
            )
            if done.rowcount == 0:
                conn.execute(
                    licence_secrets.insert().values(
                        licence_id=licence_id, kind=kind.value, ref=ref, updated_at=now
                    )
                )

    def drop_secret_ref(self, licence_id: int, kind: SecretKind) -> None:
        with self._db.begin() as conn:
            conn.execute(
                licence_secrets.delete().where(
                    licence_secrets.c.licence_id == licence_id,
                    licence_secrets.c.kind == kind.value,
                )
            )

    # ------------------------------------------------------------ meetings
    def meeting(self, session_id: int) -> MeetingRecord | None:
        with self._db.read() as conn:
            r = conn.execute(
                sa.select(session_meetings).where(session_meetings.c.session_id == session_id)
            ).first()
        if r is None:
            return None
        return MeetingRecord(r.session_id, r.meeting_id, r.join_url, r.passcode_ref)

    def delete_meeting(self, session_id: int) -> None:
        with self._db.begin() as conn:
            conn.execute(
                session_meetings.delete().where(session_meetings.c.session_id == session_id)
            )

    def meetings(self, session_ids: Iterable[int]) -> dict[int, MeetingRecord]:
        """The meetings of these sessions, in one query (those without one left out)."""
        ids = sorted(set(session_ids))
        if not ids:
            return {}
        m = session_meetings.c
        with self._db.read() as conn:
            rows = conn.execute(sa.select(session_meetings).where(m.session_id.in_(ids))).all()
        return {
            r.session_id: MeetingRecord(r.session_id, r.meeting_id, r.join_url, r.passcode_ref)
            for r in rows
        }

    def set_meeting(self, record: MeetingRecord) -> None:
        now = datetime.now(UTC)  # wall clock: when the row was written (audit)
        values = {
            "meeting_id": record.meeting_id,
            "join_url": record.join_url,
            "passcode_ref": record.passcode_ref,
            "updated_at": now,
        }
        with self._db.begin() as conn:
            exists = conn.execute(
                sa.select(t.sessions.c.id).where(t.sessions.c.id == record.session_id)
            ).first()
            if exists is None:
                raise _missing_session(record.session_id)
            done = conn.execute(
                session_meetings.update()
                .where(session_meetings.c.session_id == record.session_id)
                .values(**values)
            )
            if done.rowcount == 0:
                conn.execute(
                    session_meetings.insert().values(session_id=record.session_id, **values)
                )


def _values(d: LicenceDraft) -> dict[str, Any]:
    return {
        "label": d.label,
        "email": d.email,
        "plan": d.plan.value,
        "participant_cap": d.participant_cap,
        "concurrent_limit": d.concurrent_limit,
        "branch_id": d.branch_id,
        "active": d.active,
    }


def _duplicate(d: LicenceDraft) -> ValidationError:
    return ValidationError(
        "label",
        _N("errors", "A licence called “{label}” already exists."),
        _N("errors", "Choose another label."),
        label=d.label,
    )
