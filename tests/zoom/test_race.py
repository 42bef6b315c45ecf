"""Several processes book the same licence at the same instant: exactly one wins."""

from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.config import AppConfig
from app.core.licences import LicenceClashError
from app.services import open_services
from app.zoom.launch import build_licences
from tests.zoom.conftest import Network

WRITERS = 4
ROUNDS = 3


def _book(
    db_url: str, session_id: int, licence_id: int, barrier: object, out: object, delay: float
) -> None:
    """Child process: open its own connection, wait for the others, then book."""
    # Opening is staggered (Database's write-probe file is shared by name); booking is not.
    time.sleep(delay)
    try:
        services = open_services(AppConfig(db_url=db_url, no_err_windows=True), migrate=False)
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
def test_racing_processes_book_a_licence_once(network: Network, at) -> None:
    ctx = mp.get_context("spawn")
    url = network.services.config.db_url
    lid = network.licence("Partagée")
    for r in range(ROUNDS):
        sids = [network.session(f"Round {r} / {w}", at(9, 5 * w, day=r)) for w in range(WRITERS)]
        barrier = ctx.Barrier(WRITERS)
        out = ctx.Queue()
        procs = [
            ctx.Process(target=_book, args=(url, s, lid, barrier, out, 0.2 * i), daemon=True)
            for i, s in enumerate(sids)
        ]
        for p in procs:
            p.start()
        results = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        outcome = sorted(kind for _s, kind, _t in results)
        assert outcome == ["clash"] * (WRITERS - 1) + ["won"], results
        winner = next(s for s, kind, _t in results if kind == "won")
        for _s, kind, text in results:
            if kind == "clash":
                assert f"session {winner}" in text  # the loser is told who holds it
        held = [s for s in sids if network.services.sessions.get(s).licence_id == lid]
        assert held == [winner]


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
