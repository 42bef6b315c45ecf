"""`regie db migrate-to URL`: a branch that started alone joins the network's server."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import cli
from app.config import AppConfig
from app.core.models import SessionFilter
from app.services import load_demo_network, open_services
from app.storage.bookings import licence_holds
from app.storage.database import Database
from app.storage.demo import network_is_empty
from app.storage.tables import metadata
from tests.support.fixtures import FIXED_NOW, PgServer

pytestmark = pytest.mark.postgresql


def _counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
        }


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.run(cli.build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def local_demo(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'branch.sqlite3'}"
    s = open_services(AppConfig(db_url=url, no_err_windows=True), clock=lambda: FIXED_NOW)
    load_demo_network(s, FIXED_NOW)
    s.close()
    return url


@pytest.fixture
def target(pg_server: PgServer):
    url = pg_server.empty()
    yield url
    pg_server.drop(url)


def test_demo_network_is_copied_intact(local_demo: str, target: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("REGIE_DB", local_demo)
    code, out, err = _run(capsys, monkeypatch, "db", "migrate-to", target, "--json")
    assert code == 0, err
    report = json.loads(out)
    src, dst = Database(local_demo), Database(target)
    assert report["rows"] == _counts(src) == _counts(dst)
    assert report["rows"]["sessions"] > 50 and report["rows"]["licence_holds"] > 10
    a = open_services(AppConfig(db_url=local_demo), clock=lambda: FIXED_NOW)
    b = open_services(AppConfig(db_url=target), clock=lambda: FIXED_NOW)
    try:
        assert a.sessions.list(SessionFilter()) == b.sessions.list(SessionFilter())
        assert a.licences.service.licences() == b.licences.service.licences()
        with src.read() as c1, dst.read() as c2:
            q = sa.select(licence_holds).order_by(licence_holds.c.session_id)
            assert c1.execute(q).all() == c2.execute(q).all()
        # the network carries on from there: new ids do not collide with copied ones
        branch = b.references.add_branch("annexe", "Annexe")
        assert branch > max(x.id for x in a.references.branches())
    finally:
        a.close()
        b.close()
        src.dispose()
        dst.dispose()
    # a second copy is refused and changes nothing
    code, _out, err = _run(capsys, monkeypatch, "db", "migrate-to", target)
    assert code == 1
    assert "already holds a network" in err


def test_copy_is_all_or_nothing(local_demo: str, target: str) -> None:
    """Rows the network refuses (two overlapping holds of one slot) abort the whole copy."""
    from app.storage.transfer import copy_database

    src = Database(local_demo)
    with src.begin() as conn:
        first = conn.execute(sa.select(licence_holds).limit(1)).one()
        other = conn.execute(
            sa.select(licence_holds.c.session_id).where(
                licence_holds.c.session_id != first.session_id
            ).limit(1)
        ).scalar_one()
        conn.execute(
            licence_holds.update()
            .where(licence_holds.c.session_id == other)
            .values(
                licence_id=first.licence_id,
                slot=first.slot,
                held_from=first.held_from,
                held_to=first.held_to,
            )
        )
    dst = Database(target)
    dst.migrate()
    from app.errors import RegieError

    with pytest.raises(RegieError) as caught:
        copy_database(src, dst)
    assert "nothing was copied" in caught.value.text()
    assert network_is_empty(dst)
    assert _counts(dst)["licences"] == 0
    assert _counts(dst)["session_types"] == 8  # the seeded rows are back too
    src.dispose()
    dst.dispose()


def test_only_a_local_database_is_copied(target: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("REGIE_DB", target)
    code, _out, err = _run(capsys, monkeypatch, "db", "migrate-to", target)
    assert code == 1
    assert "Only a local database" in err
