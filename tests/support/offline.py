"""Helpers of the offline tests: one session on a fresh network, and a worker pool the
test releases by hand."""

from __future__ import annotations

import threading

from PySide6.QtCore import QRunnable

from app.core.models import SessionDraft, SessionMode
from app.services import Services, open_services
from tests.support.fixtures import FIXED_NOW, desk_config


def add_cafe_fle(services: Services) -> int:
    """A branch and one hybrid session in it (the first session type), 8–9 on the fixed day."""
    refs = services.references
    branch = refs.add_branch("centre", "Médiathèque centrale")
    return services.sessions.create(
        SessionDraft(
            title="Café FLE",
            type_id=refs.session_types()[0].id,
            branch_id=branch,
            start=FIXED_NOW.replace(hour=8),
            end=FIXED_NOW.replace(hour=9),
            mode=SessionMode.HYBRID,
            capacity=20,
        )
    )


def cafe_fle_at(url: str) -> int:
    """`add_cafe_fle` on the database at `url`, opened and closed for it."""
    services = open_services(desk_config(url))
    try:
        return add_cafe_fle(services)
    finally:
        services.close()


class HeldPool:
    """Keeps each job until the test runs it, in a thread of its own: its answer then
    waits in the event queue, as a worker's does, until the test lets Qt deliver it."""

    def __init__(self) -> None:
        self.jobs: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.jobs.append(runnable)

    def run_next(self) -> None:
        worker = threading.Thread(target=self.jobs.pop(0).run)
        worker.start()
        worker.join()
