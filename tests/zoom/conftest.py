"""Fixtures for the licence and Zoom tests: a small network on a real SQLite file and
the real Secret Service (gnome-keyring, started by tests/support/services.sh)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from app.core.licences import LicenceDraft
from app.core.models import LicencePlan, SessionDraft, SessionMode
from app.services import LicenceFeature, Services, build_licences
from app.zoom.vault import KeyringVault
from tests.support.fixtures import FIXED_NOW


@pytest.fixture
def keyring_vault() -> KeyringVault:
    if not os.environ.get("REGIE_TEST_KEYRING"):
        pytest.skip("needs the Secret Service started by tests/support/services.sh")
    vault = KeyringVault()
    assert vault.health().usable, vault.health()
    return vault


@dataclass
class Network:
    services: Services
    feature: LicenceFeature
    branch_a: int
    branch_b: int
    type_id: int

    def session(
        self,
        title: str,
        start: datetime,
        minutes: int = 60,
        *,
        capacity: int = 20,
        branch: int | None = None,
        host: int | None = None,
    ) -> int:
        return self.services.sessions.create(
            SessionDraft(
                title=title,
                type_id=self.type_id,
                branch_id=branch or self.branch_a,
                start=start,
                end=start + timedelta(minutes=minutes),
                mode=SessionMode.REMOTE,
                capacity=capacity,
                host_id=host,
            )
        )

    def staff(self, name: str, branch: int | None = None) -> int:
        """A staff member (a session's host, or who launches it)."""
        return self.services.references.add_staff(name, branch or self.branch_a, "agent")

    def licence(self, label: str, cap: int = 100, **kw: object) -> int:
        plan = kw.pop("plan", LicencePlan.PRO)
        draft = LicenceDraft(label, f"{label.lower().replace(' ', '.')}@bm.fr", plan, cap, **kw)  # type: ignore[arg-type]
        return self.feature.service.add(draft)


MakeNetwork = Callable[..., Network]


@pytest.fixture
def network(services: Services) -> Network:
    """Two branches, no licences yet; secrets go to the real keyring when it is there."""
    refs = services.references
    a = refs.add_branch("centre", "Médiathèque centrale")
    b = refs.add_branch("nord", "Bibliothèque Nord")
    type_id = refs.session_types()[0].id
    vault = KeyringVault() if os.environ.get("REGIE_TEST_KEYRING") else None
    return Network(services, build_licences(services, vault), a, b, type_id)


@pytest.fixture
def at() -> Callable[[int, int], datetime]:
    """A local time on the fixed demo day (24 Nov 2026) or days after it."""

    def make(hour: int, minute: int = 0, day: int = 0) -> datetime:
        return FIXED_NOW.replace(hour=hour, minute=minute) + timedelta(days=day)

    return make
