"""The kit kept where sessions take place, as readiness shows it (Aujourd'hui, Préparer):
each device at the branch, with its flag when it needs attention.

Wired into the readiness fact reader by the composition root (`build_facts`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from app.core.equipment import DeviceStatus, attention, attention_notes, history
from app.core.readiness import KitFact
from app.storage.equipment import SqlEquipmentRepository


def kit_by_branch(
    repo: SqlEquipmentRepository, today: date, branch_ids: Collection[int]
) -> dict[int, list[KitFact]]:
    """The devices kept at these branches (not retired, not away on loan), each with its
    flag: two queries for all of them."""
    if not branch_ids:
        return {}
    found = repo.in_branches(branch_ids)
    checks = repo.checks(d.id for d in found)
    out: dict[int, list[KitFact]] = {}
    for d in found:
        if d.status is DeviceStatus.ON_LOAN or d.draft.branch_id is None:
            continue
        h = history(checks[d.id])
        a = attention(d, h, today)
        notes = () if a is None else tuple(attention_notes(a))
        out.setdefault(d.draft.branch_id, []).append(KitFact(d.id, d.label, d.kind.value, notes))
    return out
