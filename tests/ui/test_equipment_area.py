"""The Matériel area and the inventory offer under the check screens, on a real SQLite
file: the window shows what `regie devices list --json` prints, a device's trend and
flag, and refused changes are said in the form and change nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app import cli
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.equipment import DeviceDraft, DeviceKind
from app.services import Services
from app.services import equipment as eq
from app.ui.equipment_area import EquipmentArea
from app.ui.inventory_offer import InventoryOffer
from app.ui.workers import ImmediatePool
from tests.support.fixtures import FIXED_NOW

KEY = "usb:046d:082d:A1"


def result(verdict: Verdict, value: float, key: str = KEY, name: str = "C920") -> CheckResult:
    return CheckResult(
        CheckKind.CAMERA, name, {"exposure": Criterion("exposure", value, verdict)}, key
    )


@pytest.fixture
def bench(services: Services) -> dict[str, int]:
    branch = services.references.add_branch("vaise", "Bibliothèque de Vaise")
    cam = eq.add_device(
        services,
        DeviceDraft(
            DeviceKind.CAMERA,
            "Webcam Vaise",
            "Logitech",
            "C920",
            serial="SN-1",
            branch_id=branch,
            room="Auditorium",
            match_key=KEY,
        ),
    )
    mic = eq.add_device(
        services, DeviceDraft(DeviceKind.MICROPHONE, "Jabra 510", "Jabra", "Speak 510")
    )
    for day, (verdict, value) in enumerate(
        [(Verdict.PASS, 0.5), (Verdict.WARN, 0.3), (Verdict.FAIL, 0.1)]
    ):
        services.checks.save(
            result(verdict, value), operator="Léa", at=FIXED_NOW + timedelta(days=day)
        )
    return {"cam": cam, "mic": mic}


def make(qtbot: QtBot, services: Services) -> EquipmentArea:
    area = EquipmentArea(services, pool=ImmediatePool())
    qtbot.addWidget(area)
    return area


def cells(area: EquipmentArea, col: int) -> list[str]:
    out = []
    for row in range(area.table.rowCount()):
        item = area.table.item(row, col)
        assert item is not None
        out.append(item.text())
    return out


def test_the_window_and_the_command_line_agree(
    qtbot: QtBot, services: Services, bench: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    area = make(qtbot, services)
    args = ["--db", services.config.db_url, "devices", "list", "--json"]
    assert cli.run(cli.build_parser().parse_args(args)) == 0
    listed = json.loads(capsys.readouterr().out)
    assert cells(area, 0) == [d["label"] for d in listed]
    assert cells(area, 6) == ["✖ failed 1 of 3", "Never checked"]
    assert [d["failed_recent"] for d in listed] == [1, 0]
    assert area.summary.text() == "2 device(s), 1 to look at"


def test_a_device_shows_its_trend_and_flag(
    qtbot: QtBot, services: Services, bench: dict[str, int]
) -> None:
    area = make(qtbot, services)
    area.select(bench["cam"])
    assert "failed 1 of 3" in area.details.text()
    assert "Getting worse: Exposure" in area.details.text()
    line = area.sparklines["exposure"]
    line.resize(200, 40)
    ys = [p.y() for p in line.positions()]
    assert len(ys) == 3 and ys[0] < ys[1] < ys[2]  # going down: y grows downwards
    assert area.checks.rowCount() == 3
    area.attention_only.setChecked(True)
    assert cells(area, 0) == ["Webcam Vaise"]


def test_a_duplicate_serial_is_said_in_the_form_and_changes_nothing(
    qtbot: QtBot, services: Services, bench: dict[str, int]
) -> None:
    area = make(qtbot, services)
    before = eq.devices(services)
    dialog = area.device_dialog()
    qtbot.addWidget(dialog)
    dialog.label.setText("Copie")
    dialog.serial.setText("SN-1")
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "SN-1 already belongs to device" in dialog.error_label.text()
    assert eq.devices(services) == before
    dialog.serial.setText("SN-2")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "Copie" in cells(area, 0)


def test_a_loan_in_the_past_is_refused_in_the_form(
    qtbot: QtBot, services: Services, bench: dict[str, int]
) -> None:
    area = make(qtbot, services)
    area.select(bench["mic"])
    dialog = area.lend_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.to.setText("Bibliothèque Nord")
    dialog.until.setDate(dialog.until.date().addDays(-30))
    dialog.buttons.accepted.emit()
    assert "already past" in dialog.error_label.text()
    assert eq.device(services, bench["mic"]).loan is None


def test_two_devices_side_by_side(qtbot: QtBot, services: Services, bench: dict[str, int]) -> None:
    area = make(qtbot, services)
    other = eq.add_device(
        services, DeviceDraft(DeviceKind.CAMERA, "Webcam neuve", match_key="other")
    )
    services.checks.save(result(Verdict.PASS, 0.55, "other", "Autre"), operator="Léa")
    area.reload()
    area.select(bench["cam"])
    area.compare_with(other)
    dialog = area.findChild(QDialog, "CompareDialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.table  # type: ignore[attr-defined]
    row = [table.item(0, c).text() for c in range(3)]
    assert row == ["Exposure", "0.1  ✖ Problem", "0.55  ✔ OK"]
    dialog.close()


def test_an_unknown_device_is_offered_for_the_inventory(
    qtbot: QtBot, services: Services, bench: dict[str, int]
) -> None:
    offer = InventoryOffer(services, pool=ImmediatePool())
    qtbot.addWidget(offer)
    unknown = result(Verdict.PASS, 0.5, "simulated:scene.png", "Simulated camera (scene.png)")
    services.checks.save(unknown, operator="Léa")
    offer.consider(unknown)
    assert offer.add_button.isVisibleTo(offer)
    assert "is not in the inventory" in offer.label.text()
    dialog = offer.dialog()
    qtbot.addWidget(dialog)
    assert dialog.label.text() == "Simulated camera (scene.png)"
    with qtbot.waitSignal(offer.added):
        dialog.buttons.accepted.emit()
    [added] = [d for d in eq.devices(services) if d.draft.match_key == "simulated:scene.png"]
    assert len(eq.device_history(services, added.id).checks) == 1
    offer.consider(unknown)
    assert not offer.add_button.isVisibleTo(offer)
    assert offer.label.text() == "Inventory: Simulated camera (scene.png)"


def test_the_test_report_is_written_from_the_area(
    qtbot: QtBot, services: Services, bench: dict[str, int], tmp_path: Path
) -> None:
    from tests.camera.test_devices_cli import pdf_text

    area = make(qtbot, services)
    area.select(bench["cam"])
    written: list[Path] = []
    area.write_report(tmp_path / "rapport", written.append)
    assert written == [tmp_path / "rapport.pdf"]
    text = pdf_text(written[0])
    for expected in (
        "Test report — Webcam Vaise",
        "Exposure",
        "0.1",
        "✖ Problem",
        "Failed 1 of the last 3 checks.",
    ):
        assert expected in text, expected


def test_a_refused_inventory_file_names_each_bad_line(
    qtbot: QtBot, services: Services, bench: dict[str, int], tmp_path: Path
) -> None:
    from app.core.equipment import InventoryImportError
    from app.ui.equipment_area import import_problems_text

    area = make(qtbot, services)
    bad = tmp_path / "inventaire.csv"
    bad.write_text("kind,label,serial\ncamera,Autre,SN-1\nradio,Poste,\n", encoding="utf-8")
    before = eq.devices(services)
    errors: list[BaseException] = []
    area.import_from(bad, errors.append)
    [err] = errors
    assert isinstance(err, InventoryImportError)
    text = import_problems_text(err)
    assert "Line 2: serial SN-1 already belongs to device 1 (“Webcam Vaise”)" in text
    assert "Line 3: kind “radio” is not one of" in text
    assert eq.devices(services) == before


def test_preparer_names_the_failing_kit_first() -> None:
    from app.core.readiness import KitFact, KitNote
    from app.ui.equipment_dialogs import kit_line

    assert kit_line(()) == ""
    kit = (
        KitFact(1, "Jabra 510", "speakerphone"),
        KitFact(
            2,
            "Webcam Vaise",
            "camera",
            (KitNote("Failed {k} of the last {n} checks", (("k", "1"), ("n", "3"))),),
        ),
    )
    assert kit_line(kit) == (
        "▲ A device here needs attention. Kit here: "
        "✖ Webcam Vaise (Failed 1 of the last 3 checks), Jabra 510"
    )
    assert kit_line(kit[:1]) == "Kit here: Jabra 510"
