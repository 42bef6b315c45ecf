"""Sessions around the fixed "now" that a device check may be for, and what was saved."""

from __future__ import annotations

from datetime import timedelta

from app.core.checks import CheckKind
from app.core.models import SessionDraft, SessionMode
from app.services import Services
from tests.support.fixtures import FIXED_NOW


def add_sessions(services: Services) -> dict[str, int]:
    """Sessions around the fixed "now" at two branches: which of them a check may be for."""
    refs = services.references
    cen = refs.add_branch("CEN", "Centrale")
    nor = refs.add_branch("NOR", "Nord")
    type_id = refs.session_types()[0].id

    def add(title: str, branch: int, days: float, hours: int = 0) -> int:
        start = FIXED_NOW + timedelta(days=days, hours=hours)
        return services.session_repo.add(SessionDraft(
            title=title, type_id=type_id, branch_id=branch, start=start,
            end=start + timedelta(hours=1), mode=SessionMode.HYBRID, capacity=10))

    ids = {
        "cen": cen, "nor": nor,
        "today": add("Atelier numérique", cen, 0, 2),
        "tomorrow": add("Café FLE", cen, 1),
        "nord": add("Heure du conte", nor, 0, 3),
        "yesterday": add("Club lecture", cen, -1),
        "far": add("Concert", cen, 10),
        "cancelled": add("Annulée", cen, 0, 4),
    }
    services.sessions.cancel(ids["cancelled"])
    return ids


def saved_checks(
    services: Services, kind: CheckKind = CheckKind.CAMERA
) -> list[tuple[int | None, bool]]:
    """(session, marked as an equipment test) of every saved check, oldest first."""
    found = []
    for h in reversed(services.checks.history(kind=kind)):
        metrics = h.result.get("metrics")
        assert isinstance(metrics, dict)
        found.append((h.session_id, bool(metrics.get("equipment_test"))))
    return found
