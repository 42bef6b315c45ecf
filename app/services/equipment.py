"""The equipment bench for both front ends: the inventory, each device's history, the
devices that need attention, comparisons, the inventory file and the kit of a room.

Every function takes the opened services; the window runs them in workers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.checks import CheckResult
from app.core.csvfiles import read_file_bytes, write_file_bytes
from app.core.equipment import (
    RECENT,
    Attention,
    Comparison,
    Device,
    DeviceDraft,
    DeviceStatus,
    History,
    attention,
    compare,
    draft_from_result,
    export_csv,
    give_back,
    history,
    lend,
    mark,
    match_device,
    read_csv,
    retire,
)
from app.storage.equipment import SqlEquipmentRepository

if TYPE_CHECKING:
    from app.services import Services


def repository(services: Services) -> SqlEquipmentRepository:
    return SqlEquipmentRepository(services.db, services.clock)


def _today(services: Services) -> date:
    return services.clock().date()


def devices(services: Services, *, include_retired: bool = True) -> list[Device]:
    return repository(services).all(include_retired=include_retired)


def device(services: Services, device_id: int) -> Device:
    return repository(services).get(device_id)


def add_device(services: Services, draft: DeviceDraft) -> int:
    return repository(services).add(draft)


def edit_device(services: Services, device_id: int, draft: DeviceDraft) -> None:
    repository(services).update(device_id, draft)


def lend_device(services: Services, device_id: int, to: str, until: date) -> Device:
    today = _today(services)
    return repository(services).change_status(device_id, lambda d: lend(d, to, until, today))


def return_device(services: Services, device_id: int) -> Device:
    return repository(services).change_status(device_id, give_back)


def retire_device(services: Services, device_id: int) -> Device:
    return repository(services).change_status(device_id, retire)


def mark_device(services: Services, device_id: int, status: DeviceStatus) -> Device:
    return repository(services).change_status(device_id, lambda d: mark(d, status))


def device_history(services: Services, device_id: int, recent: int = RECENT) -> History:
    repo = repository(services)
    repo.get(device_id)  # a clear "does not exist" first
    return history(repo.checks([device_id])[device_id], recent)


@dataclass(frozen=True, slots=True)
class DeviceView:
    """A device with what its results say: one row of the Matériel area."""

    device: Device
    history: History
    attention: Attention | None


def overview(services: Services, recent: int = RECENT) -> list[DeviceView]:
    """Every device with its history read at once (one query), for the inventory list."""
    repo = repository(services)
    found = repo.all()
    checks = repo.checks(d.id for d in found)
    today = _today(services)
    out = []
    for d in found:
        h = history(checks[d.id], recent)
        out.append(DeviceView(d, h, attention(d, h, today)))
    return out


def needing_attention(services: Services, recent: int = RECENT) -> list[Attention]:
    """The devices across the network that a technician should look at."""
    return [v.attention for v in overview(services, recent) if v.attention is not None]


def compare_devices(services: Services, a: int, b: int) -> Comparison:
    repo = repository(services)
    da, db_ = repo.get(a), repo.get(b)
    checks = repo.checks([a, b])
    return compare(da, history(checks[a]), db_, history(checks[b]))


def export_inventory(services: Services, path: Path) -> int:
    found = devices(services)
    write_file_bytes(path, export_csv(found).encode("utf-8"))
    return len(found)


def import_inventory(services: Services, path: Path) -> tuple[int, int]:
    """Read and apply an inventory file: every line, or nothing (each bad line said)."""
    data = read_file_bytes(path)
    codes = {b.code: b.id for b in services.references.branches()}
    rows, problems = read_csv(data, codes)
    return repository(services).import_rows(rows, problems)


def record_for(services: Services, result: CheckResult) -> Device | None:
    """The inventory record of the device a check just measured, or None: then the
    screen offers to add it."""
    return match_device(devices(services), result.kind, result.device_key, result.device)


def add_from_result(
    services: Services, result: CheckResult, draft: DeviceDraft | None = None
) -> int:
    """Add the measured device to the inventory (the proposed record, or the one the
    technician completed) and file its results already saved under it."""
    draft = draft or draft_from_result(result)
    key = draft.match_key or (result.device_key or result.device)
    draft = replace(draft, match_key=key)
    repo = repository(services)
    device_id = repo.add(draft)
    repo.assign_checks(device_id, key)
    return device_id


def room_kit(services: Services, branch_id: int) -> list[DeviceView]:
    """The kit kept at a branch, with each device's flag."""
    repo = repository(services)
    found = repo.in_branches([branch_id])
    checks = repo.checks(d.id for d in found)
    today = _today(services)
    out = []
    for d in found:
        h = history(checks[d.id])
        out.append(DeviceView(d, h, attention(d, h, today)))
    return out


def criterion_words() -> dict[str, tuple[str, str]]:
    """Each criterion's name as the check screens say it: (translation context, English
    words), for both front ends to translate their own way."""
    from app.devices.audio_levels import CRITERION_LABELS as AUDIO
    from app.devices.video_analysis import CRITERION_LABELS as CAMERA

    out = {name: ("audio", words) for name, words in AUDIO.items()}
    out |= {name: ("camera", words) for name, words in CAMERA.items()}
    return out


def report_of(services: Services, device_id: int) -> tuple[Device, History]:
    """What a device's test report (PDF) shows: its record and its history."""
    return device(services, device_id), device_history(services, device_id)
