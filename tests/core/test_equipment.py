"""The equipment bench's rules: status changes, matching a plugged device to its record,
reading a history, comparing two devices and the inventory CSV."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.checks import CheckKind, CheckResult, Criterion, SavedCheck, Verdict
from app.core.csvfiles import FileFormatError
from app.core.equipment import (
    Device,
    DeviceDraft,
    DeviceKind,
    DeviceStatus,
    InventoryImportError,
    Loan,
    Reason,
    attention,
    compare,
    export_csv,
    flag_text,
    for_device,
    give_back,
    history,
    lend,
    match_device,
    parse_csv,
    retire,
)
from app.errors import ValidationError
from tests.support.fixtures import FIXED_NOW

TODAY = FIXED_NOW.date()


def cam(device_id: int = 1, label: str = "Webcam Vaise", **kw: object) -> Device:
    status = kw.pop("status", DeviceStatus.IN_SERVICE)
    loan = kw.pop("loan", None)
    draft = DeviceDraft(DeviceKind.CAMERA, label, "Logitech", "C920", **kw)  # type: ignore[arg-type]
    return Device(device_id, draft, status, loan)  # type: ignore[arg-type]


def saved(n: int, verdict: Verdict, brightness: float, days: int = 0) -> SavedCheck:
    crit = {
        "brightness": {"value": brightness, "unit": "", "verdict": verdict.value, "advice": ""},
        "fps": {"value": 30, "unit": "fps", "verdict": "pass", "advice": ""},
    }
    return SavedCheck(
        id=n,
        kind=CheckKind.CAMERA,
        device="C920",
        device_key="usb:046d:082d:A1",
        verdict=verdict,
        result={"criteria": crit},
        created_at=FIXED_NOW + timedelta(days=days),
        operator="Léa",
    )


def test_three_checks_give_a_trend_and_the_failed_1_of_3_flag() -> None:
    h = history(
        [
            saved(3, Verdict.FAIL, 0.1, 2),
            saved(1, Verdict.PASS, 0.5),
            saved(2, Verdict.WARN, 0.3, 1),
        ]
    )
    assert [c.id for c in h.checks] == [1, 2, 3]  # oldest first, whatever the order read
    assert [p.value for p in h.series["brightness"]] == [0.5, 0.3, 0.1]
    assert h.failed_recent == 1 and h.recent == 3
    assert flag_text(h) == "failed 1 of 3"
    assert h.last_good is not None and h.last_good.id == 1
    assert h.worsening == ["brightness"]  # pass → warn → fail; fps stayed good
    assert h.as_json()["flag"] == "failed 1 of 3"


def test_only_the_last_n_results_count_for_the_flag() -> None:
    h = history([saved(1, Verdict.FAIL, 0.1), *(saved(i, Verdict.PASS, 0.5, i) for i in (2, 3, 4))])
    assert h.failed_recent == 0 and not h.flagged and h.worsening == []
    assert attention(cam(), h, TODAY) is None


def test_attention_says_why() -> None:
    h = history([saved(1, Verdict.FAIL, 0.1)])
    overdue = cam(status=DeviceStatus.ON_LOAN, loan=Loan("Nord", TODAY - timedelta(days=1)))
    a = attention(overdue, h, TODAY)
    assert a is not None and a.reasons == [Reason.FAILING, Reason.OVERDUE]
    assert attention(cam(status=DeviceStatus.RETIRED), h, TODAY) is None


def test_a_retired_device_cannot_be_lent_and_loans_follow_their_rules() -> None:
    with pytest.raises(ValidationError, match="retired"):
        lend(cam(status=DeviceStatus.RETIRED), "Nord", TODAY, TODAY)
    with pytest.raises(ValidationError, match="broken"):
        lend(cam(status=DeviceStatus.BROKEN), "Nord", TODAY, TODAY)
    with pytest.raises(ValidationError, match="already past"):
        lend(cam(), "Nord", TODAY - timedelta(days=1), TODAY)
    with pytest.raises(ValidationError, match="to whom"):
        lend(cam(), "  ", TODAY, TODAY)
    change = lend(cam(), " Bibliothèque   Nord ", TODAY, TODAY)
    assert change.status is DeviceStatus.ON_LOAN and change.loan == Loan("Bibliothèque Nord", TODAY)
    lent = cam(status=DeviceStatus.ON_LOAN, loan=change.loan)
    with pytest.raises(ValidationError, match="already lent to Bibliothèque Nord"):
        lend(lent, "Sud", TODAY, TODAY)
    with pytest.raises(ValidationError, match="on loan"):
        retire(lent)
    assert give_back(lent).status is DeviceStatus.IN_SERVICE
    with pytest.raises(ValidationError, match="not on loan"):
        give_back(cam())


def test_a_plugged_device_matches_by_stable_id_then_by_name() -> None:
    by_key = cam(1, "Webcam Vaise", match_key="usb:046d:082d:A1")
    other = cam(2, "Webcam Nord")
    devices = [by_key, other]
    assert match_device(devices, CheckKind.CAMERA, "usb:046d:082d:A1", "whatever") == by_key
    assert match_device(devices, CheckKind.CAMERA, "camera:x", "webcam  NORD") == other
    # Same model twice: the name is ambiguous, so no record is guessed.
    assert match_device(devices, CheckKind.CAMERA, "camera:x", "Logitech C920") is None
    # A sound check never files under a camera; a retired record never matches.
    assert match_device(devices, CheckKind.AUDIO, "usb:046d:082d:A1", "Webcam Nord") is None
    retired = cam(3, "Old", match_key="k", status=DeviceStatus.RETIRED)
    assert match_device([retired], CheckKind.CAMERA, "k", "Old") is None


def test_a_chosen_device_rides_with_the_result() -> None:
    r = CheckResult(CheckKind.CAMERA, "C920", {"fps": Criterion("fps", 30, Verdict.PASS)})
    assert for_device(r, 7).metrics["inventory_id"] == 7


def test_two_devices_compare_on_the_same_criteria() -> None:
    old = history([saved(1, Verdict.WARN, 0.3)])
    new_checks = [saved(2, Verdict.PASS, 0.55)]
    c = compare(cam(1), old, cam(2, "Webcam neuve"), history(new_checks))
    rows = {name: (a.value, b.value) for name, a, b in c.rows}
    assert rows == {"brightness": (0.3, 0.55), "fps": (30, 30)}
    assert c.as_json()["criteria"][0]["a"]["verdict"] == "warn"  # type: ignore[index]


BRANCHES = {"vaise": 1, "nord": 2}


def test_inventory_csv_round_trips() -> None:
    d = cam(
        4,
        "=cmd|' /C calc'!A0",
        serial="SN1",
        room="Salle 2",
        purchased_on=date(2025, 3, 1),
        branch_id=1,
    )
    d = Device(4, d.draft, DeviceStatus.ON_LOAN, Loan("Nord", TODAY), "vaise", "Vaise")
    text = export_csv([d])
    assert "'=cmd" in text  # a spreadsheet shows it as text
    [row] = parse_csv(text.encode(), BRANCHES)
    assert row.device_id == 4 and row.draft.label == "=cmd|' /C calc'!A0"
    assert row.draft.branch_id == 1 and row.draft.purchased_on == date(2025, 3, 1)
    assert row.status is DeviceStatus.ON_LOAN and row.loan == Loan("Nord", TODAY)


def test_a_malformed_inventory_names_every_bad_line() -> None:
    data = (
        b"kind;label;serial;branch;purchased_on;status\n"
        b"camera;Webcam A;S1;vaise;2025-01-01;in_service\n"
        b"toaster;Grille-pain;;;;\n"
        b"camera;Webcam B;S1;;;\n"
        b"microphone;Micro;;sud;;\n"
        b"camera;Webcam C;;;1er mars;\n"
        b"camera;;;;;\n"
        b"speaker;Enceinte;;;;on_loan\n"
    )
    with pytest.raises(InventoryImportError) as caught:
        parse_csv(data, BRANCHES)
    lines = {p.line: p.text() for p in caught.value.problems}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8]
    assert "toaster" in lines[3] and "S1 is already on line 2" in lines[4]
    assert "sud" in lines[5] and "not a date" in lines[6] and "no label" in lines[7]
    assert "loan_to" in lines[8]
    assert "line 3:" in caught.value.text() and "nothing was changed" in caught.value.text()


def test_an_inventory_with_unknown_columns_is_refused() -> None:
    with pytest.raises(FileFormatError, match="colour"):
        parse_csv(b"kind,label,colour\ncamera,A,red\n", BRANCHES)
