"""The equipment inventory on SQLite and PostgreSQL: results filed against their device
(chosen, matched, or queued offline and matched on arrival), and every refused change
leaving the inventory as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.equipment import (
    DeviceDraft,
    DeviceKind,
    DeviceStatus,
    InventoryImportError,
    for_device,
)
from app.core.outbox import PendingKind, device_check_payload
from app.errors import NotFoundError, ValidationError
from app.services import Services
from app.services import equipment as eq
from app.storage.outbox import LocalOutbox, send_pending
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import Network

KEY = "usb:046d:082d:A1"


def result(verdict: Verdict, brightness: float, key: str = KEY) -> CheckResult:
    return CheckResult(
        CheckKind.CAMERA,
        "HD Pro Webcam C920",
        {"brightness": Criterion("brightness", brightness, verdict)},
        device_key=key,
    )


def webcam(
    network: Network,
    serial: str | None = "SN-1",
    *,
    label: str = "Webcam Vaise",
    match_key: str | None = None,
) -> int:
    draft = DeviceDraft(
        DeviceKind.CAMERA,
        label,
        "Logitech",
        "C920",
        serial=serial,
        branch_id=network.branch_a,
        room="Auditorium",
        match_key=match_key,
    )
    return eq.add_device(network.services, draft)


def test_three_checks_of_one_camera_make_its_history(network: Network) -> None:
    s = network.services
    cid = webcam(network, match_key="usb:046d:082d:A1")
    other = webcam(network, "SN-2", label="Webcam Nord")
    for days, (verdict, value) in enumerate(
        [(Verdict.PASS, 0.5), (Verdict.WARN, 0.3), (Verdict.FAIL, 0.1)]
    ):
        s.checks.save(result(verdict, value), operator="Léa", at=FIXED_NOW + timedelta(days=days))
    # Chosen by the technician: filed under that record whatever the device says.
    s.checks.save(for_device(result(Verdict.PASS, 0.6, "camera:x"), other), operator="Léa")
    h = eq.device_history(s, cid)
    assert [c.verdict for c in h.checks] == [Verdict.PASS, Verdict.WARN, Verdict.FAIL]
    assert [p.value for p in h.series["brightness"]] == [0.5, 0.3, 0.1]
    assert (h.failed_recent, h.recent) == (1, 3) and h.last_good == h.checks[0]
    assert [c.device_id for c in h.checks] == [cid] * 3
    assert len(eq.device_history(s, other).checks) == 1
    [flagged] = eq.needing_attention(s)
    assert flagged.device.id == cid
    c = eq.compare_devices(s, cid, other)
    assert [(n, a.value, b.value) for n, a, b in c.rows] == [("brightness", 0.1, 0.6)]
    assert [v.device.label for v in eq.room_kit(s, network.branch_a)] == [
        "Webcam Vaise",
        "Webcam Nord",
    ]


def test_an_unknown_device_is_added_with_the_results_it_already_has(network: Network) -> None:
    s = network.services
    r = result(Verdict.PASS, 0.5, "usb:1234:5678:Z")
    s.checks.save(r, operator="Léa")
    assert eq.record_for(s, r) is None
    new_id = eq.add_from_result(s, r)
    assert eq.record_for(s, r) is not None
    assert eq.device(s, new_id).draft.match_key == "usb:1234:5678:Z"
    assert len(eq.device_history(s, new_id).checks) == 1


def test_a_result_queued_offline_is_matched_when_it_arrives(
    network: Network, tmp_path: Path
) -> None:
    s = network.services
    cid = webcam(network, match_key="usb:046d:082d:A1")
    outbox = LocalOutbox(tmp_path)
    made = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    outbox.add(
        PendingKind.DEVICE_CHECK,
        device_check_payload(
            result(Verdict.FAIL, 0.1), operator="Léa", staff_id=None, session_id=None, at=made
        ),
    )
    # Chosen with --device while offline: filed under that record when it arrives.
    spare = webcam(network, "SN-9", label="Webcam de secours")
    chosen = for_device(result(Verdict.PASS, 0.5, "camera:other"), spare)
    outbox.add(
        PendingKind.DEVICE_CHECK,
        device_check_payload(chosen, operator="Léa", staff_id=None, session_id=None, at=made),
    )
    assert len(send_pending(s.db, outbox).sent) == 2
    [check] = eq.device_history(s, cid).checks
    assert check.created_at == made and check.device_id == cid
    assert [c.verdict for c in eq.device_history(s, spare).checks] == [Verdict.PASS]


def test_a_duplicate_serial_is_refused_and_changes_nothing(network: Network) -> None:
    s = network.services
    first = webcam(network, "SN-1")
    second = webcam(network, "SN-2", label="Webcam 2")
    before = eq.devices(s)
    with pytest.raises(
        ValidationError, match=r"SN-1 already belongs to device \d+ \(“Webcam Vaise”\)"
    ):
        webcam(network, "sn-1", label="Copie")
    with pytest.raises(ValidationError, match="already belongs"):
        eq.edit_device(s, second, DeviceDraft(DeviceKind.CAMERA, "Webcam 2", serial="SN-1"))
    assert eq.devices(s) == before
    eq.edit_device(s, first, DeviceDraft(DeviceKind.CAMERA, "Webcam Vaise", serial="SN-1"))


def test_lending_a_retired_device_is_refused_and_changes_nothing(network: Network) -> None:
    s = network.services
    cid = webcam(network)
    until = FIXED_NOW.date() + timedelta(days=7)
    lent = eq.lend_device(s, cid, "Bibliothèque Nord", until)
    assert lent.status is DeviceStatus.ON_LOAN and lent.loan is not None
    with pytest.raises(ValidationError, match="on loan"):
        eq.retire_device(s, cid)
    eq.return_device(s, cid)
    eq.retire_device(s, cid)
    before = eq.device(s, cid)
    with pytest.raises(ValidationError, match="retired device cannot be lent"):
        eq.lend_device(s, cid, "Nord", until)
    assert eq.device(s, cid) == before
    with pytest.raises(NotFoundError, match="Device 999"):
        eq.lend_device(s, 999, "Nord", until)


def test_an_inventory_file_is_imported_whole_or_not_at_all(
    network: Network, tmp_path: Path
) -> None:
    s = network.services
    cid = webcam(network, "SN-1")
    path = tmp_path / "inventaire.csv"
    assert eq.export_inventory(s, path) == 1
    text = path.read_text(encoding="utf-8")
    good = text + ",microphone,Micro salle 2,,,SN-9,nord,,,in_service,,,,\n"
    bad = good + "9999,camera,Fantôme,,,,,,,,,,,\n" + ",speaker,Enceinte,,,sn-7,,,,,,,,\n"
    path.write_text(bad, encoding="utf-8")
    webcam(network, "SN-7", label="Webcam 7")  # not in the file, holding a serial it names
    before = eq.devices(s)
    with pytest.raises(InventoryImportError) as caught:
        eq.import_inventory(s, path)
    assert [p.line for p in caught.value.problems] == [4, 5]
    assert "sn-7 already belongs to device 2 (“Webcam 7”)" in caught.value.text()
    assert "device 9999 does not exist" in caught.value.text()
    assert eq.devices(s) == before
    path.write_text(good.replace("Webcam Vaise", "Webcam Vaise (salle 1)"), encoding="utf-8")
    assert eq.import_inventory(s, path) == (1, 1)
    labels = {d.label: d.branch_code for d in eq.devices(s)}
    assert labels == {
        "Webcam Vaise (salle 1)": "centre",
        "Micro salle 2": "nord",
        "Webcam 7": "centre",
    }
    assert eq.device(s, cid).draft.serial == "SN-1"


def test_a_sessions_readiness_names_the_failing_kit_of_its_branch(network: Network) -> None:
    from app.services.readiness import readiness

    s = network.services
    cam = webcam(network, match_key=KEY)
    mic = eq.add_device(
        s, DeviceDraft(DeviceKind.MICROPHONE, "Jabra 510", branch_id=network.branch_a)
    )
    lent = eq.add_device(s, DeviceDraft(DeviceKind.SPEAKER, "Enceinte", branch_id=network.branch_a))
    eq.lend_device(s, lent, "Nord", FIXED_NOW.date())
    eq.add_device(s, DeviceDraft(DeviceKind.CAMERA, "Ailleurs", branch_id=network.branch_b))
    s.checks.save(result(Verdict.PASS, 0.5), operator="Léa", at=FIXED_NOW)
    sid = network.session("Club lecture", FIXED_NOW + timedelta(days=1))
    r = readiness(s, sid)
    assert [(k.device_id, k.flag) for k in r.kit] == [(cam, ""), (mic, "")]
    s.checks.save(result(Verdict.FAIL, 0.1), operator="Léa", at=FIXED_NOW)
    r = readiness(s, sid)
    assert [(k.label, k.flag) for k in r.failing_kit] == [
        ("Webcam Vaise", "Failed 1 of the last 2 checks; Getting worse: brightness")
    ]
    assert r.as_json()["kit"][0] == {  # type: ignore[index]
        "id": cam,
        "label": "Webcam Vaise",
        "kind": "camera",
        "flag": "Failed 1 of the last 2 checks; Getting worse: brightness",
    }


def test_the_demo_network_has_equipment_with_a_history(services: Services) -> None:
    from app.services import load_demo_network

    load_demo_network(services)
    views = eq.overview(services)
    assert len({v.device.branch_code for v in views}) == 10
    assert all(len(v.history.checks) == 4 for v in views if v.device.draft.match_key)
    flagged = {a.device.label: a for a in eq.needing_attention(services)}
    assert set(flagged) == {"Webcam Vaise", "Micro Bachut"}
    assert "sharpness" in flagged["Webcam Vaise"].history.worsening
    assert flagged["Micro Bachut"].history.failed_recent == 2
    statuses = {v.device.label: v.device.status for v in views}
    assert statuses["Micro de conférence (réserve)"] is DeviceStatus.ON_LOAN
    assert statuses["Ancienne webcam"] is DeviceStatus.RETIRED
