"""The form's save as one change (app.services.sessions): the session, its licence and its
meeting on the real database and keyring; what each licence says beforehand; nothing
half-saved when a part is refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from app.core.licences import ClashReason, LicenceClashError
from app.core.models import LicencePlan, SessionDraft, SessionMode, SessionStatus
from app.errors import RegieError, ValidationError
from app.services.sessions import (
    AUTO,
    MeetingEntry,
    licence_options,
    save_session,
)
from tests.zoom.conftest import Network
from tests.zoom.test_cli import stored_bytes

pytestmark = pytest.mark.keyring

PASSCODE = "Qz7mK2"
LINK = f"https://bm.zoom.us/j/12345678901?pwd={PASSCODE}"


def _draft(network: Network, title: str, start: datetime, **kw: object) -> SessionDraft:
    values: dict[str, object] = {
        "title": title,
        "type_id": network.type_id,
        "branch_id": network.branch_a,
        "start": start,
        "end": start + timedelta(hours=1),
        "mode": SessionMode.REMOTE,
        "capacity": 20,
    }
    values.update(kw)
    return SessionDraft(**values)  # type: ignore[arg-type]


def _count(network: Network) -> int:
    return len(network.services.sessions.list())


def test_options_say_which_licence_fits_and_why_not(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    busy = network.licence("Zoom 1", 100)
    small = network.licence("Zoom 50", 50)
    north = network.licence("Zoom Nord", 100, branch_id=network.branch_b)
    free = network.licence("Zoom 300", 300, plan=LicencePlan.BUSINESS)
    held = network.session("Café FLE", at(14))
    network.feature.service.assign(held, busy)

    draft = _draft(network, "Atelier", at(14, 30), capacity=80)
    opts = licence_options(network.services, None, draft)
    reasons = {lic.id: err.reason if err else None for lic, err in opts.fits}
    assert reasons == {
        busy: ClashReason.OVERLAP,
        small: ClashReason.CAPACITY,
        north: ClashReason.BRANCH,
        free: None,
    }
    clash = next(err for lic, err in opts.fits if lic.id == busy)
    assert clash is not None and clash.clashing is not None and clash.clashing.session_id == held
    assert opts.best is not None and opts.best.id == free

    # The session already on "Zoom 1" fits it (its own hold is not a clash).
    mine = licence_options(network.services, held, network.services.sessions.get(held))
    assert {lic.id: err for lic, err in mine.fits}[busy] is None


def test_best_free_is_booked_and_a_clashing_choice_writes_nothing(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    s = network.services
    busy = network.licence("Zoom 1", 100)
    other = network.licence("Zoom 2", 100)
    held = network.session("Café FLE", at(14))
    network.feature.service.assign(held, busy)
    before = _count(network)

    with pytest.raises(LicenceClashError) as err:
        save_session(s, None, _draft(network, "Atelier BD", at(14, 30)), licence=busy)
    assert err.value.reason is ClashReason.OVERLAP and f"session {held}" in err.value.text()
    assert _count(network) == before  # nothing created

    saved = save_session(s, None, _draft(network, "Atelier BD", at(14, 30)), licence=AUTO)
    assert saved.licence_id == other
    assert s.sessions.get(saved.session_id).licence_id == other
    third = licence_options(s, None, _draft(network, "Troisième", at(14, 30)))
    clash = {lic.id: e for lic, e in third.fits}[other]
    assert clash is not None and clash.clashing is not None  # the hold is real
    assert clash.clashing.session_id == saved.session_id

    with pytest.raises(RegieError, match="No licence is free at that time"):
        save_session(s, None, _draft(network, "Troisième", at(14, 45)), licence=AUTO)
    assert _count(network) == before + 1


def test_meeting_from_a_pasted_link_passcode_in_the_keyring_only(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    s, f = network.services, network.feature
    saved = save_session(
        s, None, _draft(network, "Café FLE", at(18)), licence=None,
        meeting=MeetingEntry(join_url=LINK),
    )
    sid = saved.session_id
    assert saved.meeting is not None
    assert (saved.meeting.meeting_id, saved.meeting.join_url) == (
        "12345678901", "https://bm.zoom.us/j/12345678901"
    )
    assert saved.meeting.passcode_ref == f.secrets.session_ref(sid)
    assert f.vault.get(f.secrets.session_ref(sid)) == PASSCODE
    for blob in stored_bytes(network):
        assert PASSCODE.encode() not in blob and PASSCODE.encode("utf-16-le") not in blob

    # Edited without touching the passcode: kept. A new one replaces it; removed, it goes.
    draft = s.sessions.get(sid)
    save_session(s, sid, replace(draft, capacity=30), licence=None,
                 meeting=MeetingEntry("123 4567 8901", "https://bm.zoom.us/j/12345678901"))
    assert f.vault.get(f.secrets.session_ref(sid)) == PASSCODE
    assert s.sessions.get(sid).capacity == 30
    save_session(s, sid, draft, licence=None,
                 meeting=MeetingEntry("12345678901", "", passcode="New7"))
    assert f.vault.get(f.secrets.session_ref(sid)) == "New7"
    record = f.launcher.meeting(sid)
    assert record is not None and record.join_url is None
    save_session(s, sid, draft, licence=None,
                 meeting=MeetingEntry("12345678901", remove_passcode=True))
    record = f.launcher.meeting(sid)
    assert record is not None and record.passcode_ref is None
    assert f.vault.get(f.secrets.session_ref(sid)) is None
    # No ID and no link: the meeting is forgotten. Without a meeting entry: untouched.
    save_session(s, sid, draft, licence=None, meeting=MeetingEntry("12345678901", "", "Pw9x"))
    save_session(s, sid, draft, licence=None)
    assert f.launcher.meeting(sid) is not None
    save_session(s, sid, draft, licence=None, meeting=MeetingEntry())
    assert f.launcher.meeting(sid) is None
    assert f.vault.get(f.secrets.session_ref(sid)) is None


def test_typed_values_are_checked_before_anything_is_written(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    s = network.services
    before = _count(network)
    writes: list[str] = []

    def watch(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(statement)

    sa.event.listen(s.db.engine, "before_cursor_execute", watch)
    cases = [
        (MeetingEntry("12345"), "meeting_id"),
        (MeetingEntry("", "", passcode="Pw9x"), "meeting_id"),
        (MeetingEntry("12345678901", passcode="has space"), "passcode"),
        (MeetingEntry("987654321", LINK), "join_url"),  # the link is another meeting's
        (MeetingEntry("", "https://example.org/j/12345678901"), "join_url"),
    ]
    for entry, field in cases:
        with pytest.raises(ValidationError) as err:
            save_session(s, None, _draft(network, "Café FLE", at(18)), licence=None,
                         meeting=entry)
        assert err.value.field == field, entry
        assert "has space" not in err.value.text()
    sa.event.remove(s.db.engine, "before_cursor_execute", watch)
    assert writes == []  # refused before the first write, not undone after it
    assert _count(network) == before
    # A personal-room link names no meeting: accepted beside a typed ID.
    saved = save_session(s, None, _draft(network, "Café FLE", at(18)), licence=None,
                         meeting=MeetingEntry("12345678901", "https://zoom.us/my/mediatheque"))
    assert saved.meeting is not None and saved.meeting.join_url == "https://zoom.us/my/mediatheque"


@pytest.mark.sqlite_only  # the refusal is an SQLite trigger
def test_a_refused_meeting_undoes_the_session(
    network: Network, keyring_vault: object, at: Callable[..., datetime]
) -> None:
    s, f = network.services, network.feature
    lic = network.licence("Zoom 1", 100)
    sid = network.session("Café FLE", at(14))
    save_session(s, sid, s.sessions.get(sid), licence=None,
                 meeting=MeetingEntry("12345678901", passcode="Old1"))
    before = _count(network)
    with s.db.begin() as conn:
        for when in ("INSERT", "UPDATE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse_{when} BEFORE {when} ON session_meetings "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )

    with pytest.raises(sa.exc.DatabaseError, match="refused"):
        save_session(s, None, _draft(network, "Atelier BD", at(16)), licence=lic,
                     meeting=MeetingEntry(join_url=LINK))
    assert _count(network) == before  # the new session is gone, its hold with it
    assert [b.session_id for b in f.repo.bookings()] == []

    old = s.sessions.get(sid)
    with pytest.raises(sa.exc.DatabaseError, match="refused"):
        save_session(s, sid, replace(old, title="Renamed", capacity=40), licence=lic,
                     meeting=MeetingEntry("12345678901", passcode="New7"))
    assert s.sessions.get(sid) == old  # fields and (no) licence as they were
    assert f.vault.get(f.secrets.session_ref(sid)) == "Old1"
    assert old.status is SessionStatus.PLANNED
