"""Several processes book the same licence at the same instant: exactly as many win as
the licence carries meetings at once, on both engines."""

from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.licences import LicenceClashError
from app.core.models import LicencePlan
from app.services import build_licences, open_services
from tests.support.fixtures import desk_config
from tests.zoom.conftest import Network

WRITERS = 8


def _book(
    db_url: str, session_id: int, licence_id: int, barrier: object, out: object, delay: float
) -> None:
    """Child process: open its own connection, wait for the others, then book."""
    # Opening is staggered (Database's write-probe file is shared by name); booking is not.
    time.sleep(delay)
    try:
        services = open_services(desk_config(db_url), migrate=False)
    except Exception as err:
        out.put((session_id, "error", repr(err)))  # type: ignore[attr-defined]
        barrier.abort()  # type: ignore[attr-defined]
        return
    feature = build_licences(services)
    try:
        barrier.wait(30)  # type: ignore[attr-defined]
        feature.service.assign(session_id, licence_id)
        out.put((session_id, "won", ""))  # type: ignore[attr-defined]
    except LicenceClashError as err:
        out.put((session_id, "clash", err.text()))  # type: ignore[attr-defined]
    except Exception as err:  # reported to the parent, which fails the test
        out.put((session_id, "error", repr(err)))  # type: ignore[attr-defined]
    finally:
        services.close()


@pytest.mark.slow
@pytest.mark.parametrize("limit", [1, 2])
def test_racing_processes_book_a_licence_up_to_its_limit(network: Network, at, limit: int) -> None:
    """Eight processes book eight sessions that all overlap at 9:35 on one licence: exactly
    `limit` of them win, on SQLite (write lock) as on PostgreSQL (exclusion constraint)."""
    ctx = mp.get_context("fork")
    url = network.services.config.db_url
    plan = LicencePlan.PRO if limit == 1 else LicencePlan.BUSINESS
    lid = network.licence("Partagée", 300, plan=plan, concurrent_limit=limit)
    sids = [network.session(f"Atelier {w}", at(9, 5 * w)) for w in range(WRITERS)]
    network.services.db.dispose()  # the children open their own connections
    barrier = ctx.Barrier(WRITERS)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_book, args=(url, s, lid, barrier, out, 0.05 * i), daemon=True)
        for i, s in enumerate(sids)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    outcome = sorted(kind for _s, kind, _t in results)
    assert outcome == ["clash"] * (WRITERS - limit) + ["won"] * limit, results
    winners = {s for s, kind, _t in results if kind == "won"}
    for _s, kind, text in results:
        if kind == "clash":
            # the loser is told who holds it, in the same words on either engine
            assert "is already booked for session" in text
            assert any(f"session {w} " in text for w in winners), text
    held = {s for s in sids if network.services.sessions.get(s).licence_id == lid}
    assert held == winners
    assert holds_of(network.services, lid) == winners


def holds_of(services: object, licence_id: int) -> set[int]:
    """The sessions holding the licence according to the database's own guard table."""
    from app.storage.bookings import licence_holds

    with services.db.read() as conn:  # type: ignore[attr-defined]
        rows = conn.execute(
            sa.select(licence_holds.c.session_id).where(licence_holds.c.licence_id == licence_id)
        ).scalars()
        return set(rows)


@pytest.mark.slow
def test_racing_cli_invocations(network: Network, at, tmp_path: Path) -> None:
    """Two command lines booking at once: one exit 0, the other exit 1 with the message."""
    network.licence("Partagée")
    a = network.session("Heure du conte", at(16))
    b = network.session("Club manga", at(16, 15))
    env = {**os.environ, "REGIE_DB": network.services.config.db_url}
    go = tmp_path / "go"
    script = (
        "import sys, time, pathlib\n"
        "from app.__main__ import main\n"
        f"while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.005)\n"
        # Database() shares a write-probe file by name: stagger the opening slightly.
        "time.sleep(float(sys.argv.pop(1)))\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                script,
                delay,
                "sessions",
                "assign",
                str(s),
                "--licence",
                "Partagée",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s, delay in ((a, "0"), (b, "0.1"))
    ]
    go.touch()
    outs = [p.communicate(timeout=60) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1], outs
    loser_err = next(err for p, (_o, err) in zip(procs, outs, strict=True) if p.returncode == 1)
    assert "already booked for session" in loser_err
