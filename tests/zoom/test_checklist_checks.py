"""The checklist's automatic checks that the licence feature answers ("licence secrets
ready", "Zoom launched"), as the composition root wires them: real database, real
keyring, secrets saved through the app's own licence feature."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from app.core.checklists import RunMode
from app.core.licences import LicenceDraft
from app.core.models import LicencePlan, SessionMode, SessionStatus
from app.services import Services, build_checklists
from app.zoom.vault import SecretKind
from tests.zoom.conftest import Network

pytestmark = pytest.mark.keyring

HOST_KEY = "615243"


def _licence(services: Services, label: str = "Zoom 1") -> int:
    return services.licences.service.add(
        LicenceDraft(label, "zoom1@bm.fr", LicencePlan.PRO, 100)
    )


def test_vault_ready_follows_the_host_key_of_the_sessions_licence(
    network: Network, at: Callable[..., datetime]
) -> None:
    services = network.services  # its licence feature writes to the real keyring
    checks = build_checklists(services).checks
    secrets = services.licences.secrets
    sid = network.session("Café FLE", at(18))
    assert checks.status("vault_ready", sid) is False  # no licence

    lid = _licence(services)
    services.licences.service.assign(sid, lid)
    assert checks.status("vault_ready", sid) is False  # a licence, no secret yet
    secrets.store(lid, SecretKind.PASSWORD, "Tr0ub4dor&3-check")
    assert checks.status("vault_ready", sid) is False  # the password is not the host key

    secrets.store(lid, SecretKind.HOST_KEY, HOST_KEY)
    assert checks.status("vault_ready", sid) is True
    assert secrets.read(lid, SecretKind.HOST_KEY) == HOST_KEY  # in the keyring itself

    other = network.session("Conte", at(18, day=1))
    assert checks.status("vault_ready", other) is False  # another session, no licence
    services.licences.service.assign(other, _licence(services, "Zoom 2"))
    assert checks.status("vault_ready", other) is False  # the other licence has no key

    secrets.remove(lid, SecretKind.HOST_KEY)
    assert checks.status("vault_ready", sid) is False
    secrets.store(lid, SecretKind.HOST_KEY, HOST_KEY)
    services.licences.service.unassign(sid)
    assert checks.status("vault_ready", sid) is False


def test_zoom_launched_follows_the_session_status(
    network: Network, at: Callable[..., datetime]
) -> None:
    services = network.services  # its licence feature writes to the real keyring
    checks = build_checklists(services).checks
    sid = network.session("Café FLE", at(10, 15))  # launched within its window
    assert checks.status("zoom_launched", sid) is False  # planned
    services.licences.launcher.mark_running(sid)  # what Launch Zoom does
    assert checks.status("zoom_launched", sid) is True
    services.sessions.set_status(sid, SessionStatus.DONE)
    assert checks.status("zoom_launched", sid) is True  # it was launched

    cancelled = network.session("Annulée", at(18, day=1))
    services.sessions.cancel(cancelled)
    assert checks.status("zoom_launched", cancelled) is False
    # Practice runs have no session: nothing to confirm.
    assert checks.status("zoom_launched", None) is None
    assert checks.status("vault_ready", None) is None


def test_a_run_ticks_the_steps_bound_to_them(
    network: Network, at: Callable[..., datetime]
) -> None:
    services = network.services  # its licence feature writes to the real keyring
    """A storytime checklist run for the session: its "licence access ready" and "launch
    Zoom" steps tick themselves once the feature says so, not before."""
    checklists = build_checklists(services)
    sid = network.session("Café FLE", at(10, 15))  # launched within its window
    lid = _licence(services)
    services.licences.service.assign(sid, lid)
    run = checklists.begin("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE, session_id=sid)
    assert run.apply_checks(checklists.checks) == ["licence"]

    services.licences.secrets.store(lid, SecretKind.HOST_KEY, HOST_KEY)
    assert run.apply_checks(checklists.checks) == ["acces-licence"]
    services.licences.launcher.mark_running(sid)
    assert run.apply_checks(checklists.checks) == ["lancer-zoom"]
