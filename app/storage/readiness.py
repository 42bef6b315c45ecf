"""The decisions an agent signs while preparing a session: a step skipped, "ready" set by
hand. Each keeps its reason, who gave it and when, so the desk shows why a session reads
ready although a fact is missing (`app.core.readiness`)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.readiness import SKIPPABLE, Decision
from app.errors import NotFoundError, ValidationError
from app.storage import schema as t
from app.storage.database import Database

# The row that holds "ready" set by hand, next to the skipped steps.
OVERRIDE = "ready"
DECISION_KEYS = (*(k.value for k in SKIPPABLE), OVERRIDE)

readiness_decisions = sa.Table(
    "readiness_decisions",
    t.metadata,
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("step", sa.String(20), primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("decided_by", sa.String(120), nullable=False),
    sa.Column("decided_at", t.UtcDateTime(), nullable=False),
    sa.CheckConstraint(
        "step IN ({})".format(", ".join(f"'{k}'" for k in DECISION_KEYS)), name="step"
    ),
    # A decision without its reason is not one: storage refuses it whatever the client.
    sa.CheckConstraint("length(trim(reason)) > 0", name="reason_given"),
)


def _missing(session_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "Session {id} does not exist."),
        _N("errors", "Check the number with “regie sessions list”."),
        id=session_id,
    )


class SqlReadinessRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def decisions(self, session_ids: Iterable[int]) -> dict[int, dict[str, Decision]]:
        """Each session's decisions by step (`OVERRIDE` for "ready" by hand), one query."""
        ids = sorted(set(session_ids))
        out: dict[int, dict[str, Decision]] = {}
        if not ids:
            return out
        d = readiness_decisions.c
        q = sa.select(d.session_id, d.step, d.reason, d.decided_by, d.decided_at).where(
            d.session_id.in_(ids)
        )
        with self._db.read() as conn:
            for r in conn.execute(q):
                out.setdefault(r.session_id, {})[r.step] = Decision(
                    r.reason, r.decided_by, r.decided_at
                )
        return out

    def decide(self, session_id: int, step: str, decision: Decision) -> None:
        """Record (or replace) the decision on `step` of the session."""
        if step not in DECISION_KEYS:
            raise ValueError(f"no decision is kept for step {step!r}")
        if not decision.reason.strip():
            raise ValidationError(
                "reason",
                _N("errors", "The reason is empty."),
                _N("errors", "Say why, in a few words."),
            )
        values = {
            "reason": decision.reason,
            "decided_by": decision.by[:120],
            "decided_at": decision.at,
        }
        d = readiness_decisions.c
        with self._db.begin() as conn:
            exists = conn.execute(
                sa.select(t.sessions.c.id).where(t.sessions.c.id == session_id)
            ).first()
            if exists is None:
                raise _missing(session_id)
            done = conn.execute(
                readiness_decisions.update()
                .where(d.session_id == session_id, d.step == step)
                .values(**values)
            )
            if done.rowcount == 0:
                conn.execute(
                    readiness_decisions.insert().values(
                        session_id=session_id, step=step, **values
                    )
                )

    def undo(self, session_id: int, step: str) -> bool:
        """Forget the decision on `step`; False when there was none."""
        d = readiness_decisions.c
        with self._db.begin() as conn:
            done = conn.execute(
                readiness_decisions.delete().where(d.session_id == session_id, d.step == step)
            )
        return bool(done.rowcount)
