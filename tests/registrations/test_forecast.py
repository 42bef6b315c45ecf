"""The no-show forecast on the demo network, checked against an independent calculation
(SQL written here, the binomial tail by exact sums, the textbook Wilson interval), and
its refusals."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from app.core.forecast import (
    MIN_SESSIONS,
    HeldSession,
    Scope,
    advise,
    hindsight,
    overflow_risk,
    registrations_to_accept,
    wilson,
)
from app.errors import ValidationError
from app.services import Services, load_demo_network, open_services
from tests.support.fixtures import FIXED_NOW, desk_config

BOTH = pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)

HISTORY_SQL = """
SELECT t.code, t.name, b.code AS branch, a.registered,
       COALESCE(a.connected, 0) + COALESCE(a.on_site, 0) AS came
FROM sessions s
JOIN attendance a ON a.session_id = s.id
JOIN session_types t ON t.id = s.type_id
JOIN branches b ON b.id = s.branch_id
WHERE s.status <> 'cancelled' AND a.registered > 0
  AND (a.connected IS NOT NULL OR a.on_site IS NOT NULL)
"""


@pytest.fixture
def demo(db_url: str) -> Iterator[Services]:
    services = open_services(desk_config(db_url))
    load_demo_network(services, FIXED_NOW)
    yield services
    services.close()


def binom_sf(c: int, n: int, p: float) -> float:
    """P(X > c) for X ~ Binomial(n, p), term by term."""
    return sum(math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(c + 1, n + 1))


def textbook_wilson(x: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = x / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n))


def by_hand_accept(capacity: int, no_show: float, risk: float) -> int:
    """The largest n with P(Binomial(n, 1 - no_show) > capacity) <= risk, by scanning."""
    n = capacity
    while n < 4 * capacity and binom_sf(capacity, n + 1, 1 - no_show) <= risk:
        n += 1
    return n


@BOTH
def test_each_type_matches_a_hand_calculation(demo: Services) -> None:
    with demo.db.read() as conn:
        rows = conn.execute(sa.text(HISTORY_SQL)).all()
    per_type: dict[str, list[int]] = {}
    network = [0, 0, 0]
    for code, _name, _branch, registered, came in rows:
        acc = per_type.setdefault(code, [0, 0, 0])
        for target in (acc, network):
            target[0] += 1
            target[1] += registered
            target[2] += max(0, registered - came)
    assert network[0] > 20  # the demo's held sessions are the material
    fallbacks = own = 0
    for code, name, basis, fallback in demo.registrations.rates():
        sessions, registered, missing = per_type.get(code, [0, 0, 0])
        if sessions >= MIN_SESSIONS:
            own += 1
            assert not fallback
            expected = (sessions, registered, missing)
        else:
            fallbacks += 1
            assert fallback and basis.scope is Scope.NETWORK
            expected = tuple(network)  # type: ignore[assignment]
        assert (basis.sessions, basis.registered, basis.no_shows) == expected, code
        rate = expected[2] / expected[1]
        assert basis.rate == pytest.approx(rate)
        assert basis.interval == pytest.approx(textbook_wilson(expected[2], expected[1]))
        for capacity in (9, 15, 90):
            advice = demo.registrations.advice_for(
                capacity=capacity,
                type_id=next(t.id for t in demo.references.session_types() if t.code == code),
                branch_id=None,
            )
            assert advice.accept == by_hand_accept(capacity, rate, 0.10), (code, capacity)
            assert advice.fallback is fallback
            assert name in advice.text()
    assert fallbacks > 0 and own > 0  # both cases occur on the demo


def test_the_sentence_says_places_registrations_rate_and_sessions() -> None:
    history = [
        HeldSession(i, "fle", "cafés FLE", "centre", FIXED_NOW, 15, 20, 13)
        for i in range(41)
    ]
    advice = advise(history, capacity=15, type_code="fle", type_name="cafés FLE")
    assert advice.basis.rate == pytest.approx(0.35)
    assert advice.accept == by_hand_accept(15, 0.35, 0.10)
    assert advice.text() == (
        f"For 15 places, accept {advice.accept} registrations: 35 % no-shows on average "
        "over 41 sessions “cafés FLE”."
    )


def test_too_little_history_says_so_and_uses_the_network() -> None:
    history = [HeldSession(i, "talk", "Talks", "c", FIXED_NOW, 30, 30, 15) for i in range(20)]
    history += [HeldSession(100 + i, "games", "Games", "c", FIXED_NOW, 10, 10, 9)
                for i in range(MIN_SESSIONS - 1)]
    advice = advise(history, capacity=10, type_code="games", type_name="Games")
    assert advice.fallback
    assert advice.basis.scope is Scope.NETWORK
    assert advice.basis.sessions == 20 + MIN_SESSIONS - 1
    assert "Too little history for “Games” (sessions held: 7)" in advice.text()
    # With enough sessions in one branch, that branch's own rate is used.
    history += [HeldSession(200 + i, "games", "Games", "nord", FIXED_NOW, 10, 10, 10)
                for i in range(MIN_SESSIONS)]
    nord = advise(history, capacity=10, type_code="games", type_name="Games",
                  branch_code="nord", branch_name="Nord")
    assert nord.basis.scope is Scope.BRANCH and nord.basis.rate == 0.0
    assert nord.accept == 10 and "Games, Nord" in nord.text()
    nothing = advise([], capacity=12, type_code="games", type_name="Games")
    assert nothing.accept == 12 and nothing.basis.sessions == 0


def test_overflow_risk_is_the_binomial_tail() -> None:
    for n, c, p in ((22, 15, 0.66), (40, 20, 0.5), (130, 90, 0.6)):
        assert overflow_risk(n, c, p) == pytest.approx(binom_sf(c, n, p), rel=1e-9)
    assert registrations_to_accept(15, 0.34, 0.10) == by_hand_accept(15, 0.34, 0.10)
    assert wilson(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize("capacity", [0, -3])
def test_a_capacity_below_one_is_refused(capacity: int) -> None:
    with pytest.raises(ValidationError, match="capacity"):
        advise([], capacity=capacity, type_code="x", type_name="X")
    with pytest.raises(ValidationError, match="capacity"):
        registrations_to_accept(capacity, 0.3)


def test_hindsight_uses_only_earlier_sessions() -> None:
    from datetime import timedelta

    history = [
        HeldSession(i, "t", "T", "c", FIXED_NOW + timedelta(days=i), 10, 10, 10 if i < 10 else 4)
        for i in range(20)
    ]
    judged, acc = hindsight(history, history[10:], 0.10)
    # Session 10 is judged on sessions 0..9 only, where everybody came.
    assert judged[0].session_id == 10 and judged[0].predicted_rate == 0.0
    assert judged[0].accept == 10
    assert acc.sessions == 10 and acc.followed == 10 and acc.overflowed == 0
    assert acc.mean_abs_error is not None and acc.mean_abs_error > 0


def test_more_people_than_registered_is_no_negative_no_show() -> None:
    """Walk-ins do not cancel out another session's no-shows (as in the activity report)."""
    from app.core.forecast import measure

    history = [HeldSession(1, "t", "T", "c", FIXED_NOW, 10, 10, 14),
               HeldSession(2, "t", "T", "c", FIXED_NOW, 10, 10, 6)]
    rate = measure(history)
    assert (rate.sessions, rate.registered, rate.no_shows) == (2, 20, 4)
