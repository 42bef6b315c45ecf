"""The whole window: opening the database off the GUI thread, first-run demo offer,
and a database that cannot be opened."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.ui.audio_check import AudioCheckArea
from app.ui.camera_check import CameraCheckArea
from app.ui.desk import Desk
from tests.support.fixtures import desk_config


def test_first_run_offers_the_demo_and_loads_it(qtbot: QtBot, config: AppConfig) -> None:
    desk = Desk(config)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    # The desk opens on Aujourd'hui; Sessions comes next.
    assert [a.key for a in desk.window.areas][:2] == ["today", "sessions"]
    assert desk.window.stack.currentWidget() is desk.today_area()
    qtbot.waitUntil(lambda: desk.demo_box is not None and desk.demo_box.isVisible())
    box = desk.demo_box
    assert box is not None
    with qtbot.waitSignal(desk.demo_loaded, timeout=20_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: desk.sessions_area().model.rowCount() == 257, timeout=10_000)
    assert desk.window.sidebar.count() == len(desk.window.areas)
    desk.close()


def test_declining_the_demo_leaves_an_empty_desk(qtbot: QtBot, config: AppConfig) -> None:
    desk = Desk(config)
    qtbot.addWidget(desk.window)
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    qtbot.waitUntil(lambda: desk.demo_box is not None and desk.demo_box.isVisible())
    assert desk.demo_box is not None
    desk.demo_box.button(QMessageBox.StandardButton.No).click()
    assert desk.sessions_area().model.rowCount() == 0
    desk.close()


def test_unopenable_database_shows_the_fix(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 300)
    desk = Desk(desk_config(str(broken)))
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.failed, timeout=20_000) as blocker:
        desk.open()
    text = blocker.args[0]
    assert str(broken) in text
    assert desk.startup.retry.isVisible() and desk.startup.quit.isVisible()
    assert str(broken) in desk.startup.message.text()
    assert broken.read_bytes() == b"garbage" * 300
    desk.close()


def test_device_areas_list_their_devices_when_first_shown(
    qtbot: QtBot, config: AppConfig, tmp_path: Path
) -> None:
    """Probing cameras and sound cards loads their libraries and drivers: the desk's
    camera and sound areas do it when first opened, not at start-up."""
    scene = tmp_path / "scene.png"
    cv2.imwrite(str(scene), np.full((48, 64, 3), 128, np.uint8))
    mic = Path(__file__).parents[1] / "audio" / "data" / "speech.wav"
    desk = Desk(replace(config, simulate_camera=scene, simulate_mic=mic), offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    camera, audio = desk.window.area("camera"), desk.window.area("audio")
    assert isinstance(camera, CameraCheckArea) and isinstance(audio, AudioCheckArea)
    qtbot.wait(200)  # a listing started at build time would have reported by now
    assert camera.devices.count() == 0 and audio.input_combo.count() == 0
    desk.window.show_area("camera")
    qtbot.waitUntil(lambda: camera.devices.count() > 0, timeout=10_000)
    assert audio.input_combo.count() == 0
    desk.window.show_area("audio")
    qtbot.waitUntil(lambda: audio.input_combo.count() > 0, timeout=10_000)
    desk.close()


def test_areas_beyond_the_first_two_are_built_when_first_shown(
    qtbot: QtBot, config: AppConfig
) -> None:
    """Start-up builds Aujourd'hui, Sessions and Licences only; the sidebar and the View menu still
    list every area, and each is built, shown and wired when first reached."""
    from app.services.equipment import DeviceView
    from app.ui.equipment_area import EquipmentArea
    from app.ui.inventory_offer import InventoryOffer
    from app.ui.report import ReportArea

    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    window = desk.window
    built = [a.key for a in window.areas if a.built is not None]
    assert built == ["today", "sessions", "licences"]
    assert window.sidebar.count() == len(window.areas) == 8
    assert window.view_menu is not None
    titles = [a.text() for a in window.view_menu.actions()]
    assert titles == [a.title for a in window.areas]
    # The View menu's entry (Ctrl+7) builds the report and shows it.
    window.view_menu.actions()[[a.key for a in window.areas].index("report")].trigger()
    report = window.built_area("report")
    assert isinstance(report, ReportArea) and window.stack.currentWidget() is report
    assert window.sidebar.currentItem().text() == window.areas[6].title
    assert window.built_area("camera") is None
    # An area asked for is built once, and stays the same widget.
    camera = window.area("camera")
    assert isinstance(camera, CameraCheckArea) and window.area("camera") is camera
    assert window.show_area("camera") is camera and window.stack.currentWidget() is camera
    # The inventory offer under the camera check tells the equipment area, built later.
    equipment = window.show_area("equipment")
    assert isinstance(equipment, EquipmentArea)
    offer = camera.findChild(InventoryOffer)
    assert offer is not None
    # Its first load done (a worker, then its answer on the GUI thread)…
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    qtbot.wait(100)
    marker: list[DeviceView] = []
    equipment.views = marker
    with qtbot.waitSignal(desk.events.equipment_changed, timeout=1000):
        offer.added.emit()
    qtbot.waitUntil(lambda: equipment.views is not marker, timeout=10_000)  # it reloaded
    desk.close()
