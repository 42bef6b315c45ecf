"""The yearly survey on the demo network: totals equal the sum of their parts, each
session counted once, a person registered in two branches counted once for the network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
import sqlalchemy as sa

from app.core.models import SessionMode, SessionStatus
from app.core.survey import DEFINITIONS, SurveyLine, SurveySession, build_survey, survey_csv
from app.services import Services, load_demo_network, open_services
from tests.support.fixtures import desk_config

# The term just ended: every demo session of the winter is held (or cancelled).
AS_OF = datetime.combine(date(2027, 4, 10), time(12, 0)).astimezone()
ADDITIVE = ("held", "cancelled", "registered", "participants", "hours", "remote", "hybrid")


@pytest.fixture
def demo(db_url: str) -> Iterator[Services]:
    services = open_services(desk_config(db_url, clock=lambda: AS_OF))
    load_demo_network(services, AS_OF)
    yield services
    services.close()


def total(lines: tuple[SurveyLine, ...], name: str) -> float:
    return float(sum(getattr(x, name) for x in lines))


@pytest.mark.parametrize("year", [2026, 2027])
def test_totals_are_the_sum_of_their_parts(demo: Services, year: int) -> None:
    survey = demo.registrations.survey(year)
    net = survey.network
    assert net.held > 0
    for name in ADDITIVE:
        assert total(survey.by_type, name) == pytest.approx(getattr(net, name)), name
        assert total(survey.by_branch, name) == pytest.approx(getattr(net, name)), name
    assert net.remote + net.hybrid == net.held
    # Counted independently, straight from the tables.
    lo = datetime.combine(date(year, 1, 1), time.min).astimezone()
    hi = datetime.combine(date(year + 1, 1, 1), time.min).astimezone()
    with demo.db.read() as conn:
        statuses: dict[str, int] = dict(
            conn.execute(
                sa.text(
                    "SELECT status, COUNT(*) FROM sessions WHERE starts_at >= :lo "
                    "AND starts_at < :hi GROUP BY status"
                ).bindparams(lo=lo.astimezone().replace(tzinfo=None) if demo.db.is_sqlite
                             else lo, hi=hi.astimezone().replace(tzinfo=None)
                             if demo.db.is_sqlite else hi)
            ).all()
        )
    assert net.cancelled == statuses.get("cancelled", 0)
    assert net.held == statuses.get("done", 0)


def test_a_person_in_two_branches_is_one_person_for_the_network() -> None:
    start = datetime(2026, 3, 2, 14, 0).astimezone()

    def session(sid: int, branch: str, people: set[str], **kw: object) -> SurveySession:
        return SurveySession(
            sid, "talk", "Talks", branch, branch.title(), kw.pop("status", SessionStatus.DONE),  # type: ignore[arg-type]
            SessionMode.REMOTE, start, start + timedelta(minutes=90), registered=len(people),
            connected=len(people) - 1, registrants=frozenset(people), **kw,  # type: ignore[arg-type]
        )

    a = session(1, "nord", {"e:ana@x.fr", "p:0600000001"})
    b = session(2, "sud", {"e:ana@x.fr", "n:ben"}, anonymous_registrants=1)
    gone = session(3, "sud", {"e:zoe@x.fr"}, status=SessionStatus.CANCELLED)
    survey = build_survey(2026, [a, b, gone, a])  # a session listed twice is one session
    by_code = {x.code: x for x in survey.by_branch}
    assert by_code["nord"].unique_registrants == 2
    assert by_code["sud"].unique_registrants == 3  # two known people, one purged
    assert survey.network.unique_registrants == 4  # Ana once
    assert survey.network.held == 2 and survey.network.cancelled == 1
    assert survey.network.hours == pytest.approx(3.0)
    assert survey.network.participants == 1 + 1


def test_the_csv_carries_the_definitions(demo: Services) -> None:
    text = survey_csv(demo.registrations.survey(2026))
    assert text.startswith("2026\r\n")
    for d in DEFINITIONS:
        assert d.split(":")[0] in text
    assert "Network" in text
