"""The network server's password lives in the keyring: never in settings, URLs or logs."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from app import cli
from app.services.database import open_database
from app.storage.database import StorageError, credential_ref
from app.zoom.vault import KeyringVault
from tests.support.fixtures import PgServer

pytestmark = [pytest.mark.postgresql, pytest.mark.keyring]

SECRET = "s3rveur-Bibli0-7d1e"


@pytest.fixture
def protected_url(pg_server: PgServer) -> Iterator[str]:
    """A database owned by the role `regie_pw`, which the test server makes give a password."""
    url = pg_server.empty()
    name = sa.engine.make_url(url).database
    with pg_server._admin.connect() as conn:
        exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'regie_pw'").first()
        if exists is None:
            conn.exec_driver_sql("CREATE ROLE regie_pw LOGIN")
        conn.exec_driver_sql(f"ALTER ROLE regie_pw PASSWORD '{SECRET}'")
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" OWNER TO regie_pw')
    yield pg_server.url.set(username="regie_pw", database=name).render_as_string(False)
    KeyringVault().delete(credential_ref(url.replace("postgres@", "regie_pw@")))
    pg_server.drop(url)


def test_password_from_the_keyring(
    protected_url: str, capsys, monkeypatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    db = open_database(protected_url)
    with pytest.raises(StorageError) as caught:
        db.current_revision()
    assert caught.value.kind == "auth"
    assert "regie db set-password" in caught.value.text()
    db.dispose()

    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    code = cli.run(cli.build_parser().parse_args(["db", "set-password", protected_url]))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert SECRET not in out + err
    assert KeyringVault().get(credential_ref(protected_url)) == SECRET

    db = open_database(protected_url)
    db.migrate()
    assert db.current_revision() == db.head_revision()
    assert SECRET not in db.url and SECRET not in db.display_name
    with db.read() as conn:
        values = conn.execute(sa.text("SELECT value FROM settings")).scalars().all()
    assert all(SECRET not in v for v in values)
    db.dispose()
    assert all(SECRET not in r.getMessage() for r in caplog.records)


def test_credential_reference_has_no_password() -> None:
    ref = credential_ref("postgresql+psycopg://regie:hunter2@db.bm.lan:5432/regie")
    assert ref == "database:postgresql://regie@db.bm.lan:5432/regie"


def test_a_password_typed_in_the_url_is_not_kept(protected_url: str, capsys, monkeypatch) -> None:
    with_secret = protected_url.replace("regie_pw@", f"regie_pw:{SECRET}@")
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET))
    code = cli.run(cli.build_parser().parse_args(["db", "set-password", with_secret]))
    out, _err = capsys.readouterr()
    assert code == 0
    assert SECRET not in out
    assert KeyringVault().get(credential_ref(protected_url)) == SECRET
