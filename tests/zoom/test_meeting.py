"""Recording a session's meeting on the real keyring and SQLite file: the passcode kept,
replaced or removed, and nothing half-written when the database refuses the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
import sqlalchemy as sa

from tests.zoom.conftest import Network

pytestmark = pytest.mark.keyring

MEETING = "12345678901"


def _stored(network: Network, sid: int) -> tuple[str | None, str | None]:
    """(passcode reference in the database, passcode in the keyring under the session's
    reference)."""
    f = network.feature
    record = f.launcher.meeting(sid)
    ref = record.passcode_ref if record is not None else None
    return ref, f.vault.get(f.secrets.session_ref(sid))


def test_passcode_kept_replaced_and_removed(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    f = network.feature
    sid = network.session("Café FLE", at(18))
    f.launcher.set_meeting(sid, MEETING, "Pw9x", None)
    ref = f.secrets.session_ref(sid)
    assert _stored(network, sid) == (ref, "Pw9x")

    f.launcher.set_meeting(sid, MEETING, None, "https://zoom.us/j/12345678901", keep_passcode=True)
    assert _stored(network, sid) == (ref, "Pw9x")
    record = f.launcher.meeting(sid)
    assert record is not None and record.join_url == "https://zoom.us/j/12345678901"

    f.launcher.set_meeting(sid, MEETING, "New7", None, keep_passcode=True)  # typed wins
    assert _stored(network, sid) == (ref, "New7")

    f.launcher.set_meeting(sid, MEETING, None, None)
    assert _stored(network, sid) == (None, None)

    f.launcher.set_meeting(sid, MEETING, "Pw9x", None)
    f.launcher.clear_meeting(sid)
    assert f.launcher.meeting(sid) is None
    assert _stored(network, sid) == (None, None)
    f.launcher.clear_meeting(sid)  # nothing to clear: no error


@pytest.mark.sqlite_only
def test_a_refused_record_puts_the_previous_passcode_back(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    f = network.feature
    sid = network.session("Café FLE", at(18))
    f.launcher.set_meeting(sid, MEETING, "Old1", None)
    with network.services.db.begin() as conn:  # the database refuses any meeting change
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE UPDATE ON session_meetings "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(sa.exc.DatabaseError, match="refused"):
        f.launcher.set_meeting(sid, "987654321", "New2", None)
    assert _stored(network, sid) == (f.secrets.session_ref(sid), "Old1")
    record = f.launcher.meeting(sid)
    assert record is not None and record.meeting_id == MEETING

    other = network.session("Atelier BD", at(20))
    with network.services.db.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse_new BEFORE INSERT ON session_meetings "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(sa.exc.DatabaseError, match="refused"):
        f.launcher.set_meeting(other, MEETING, "New2", None)
    assert _stored(network, other) == (None, None)  # no passcode left behind
