"""Under a camera or sound check: the inventory record of the measured device, or, for a
device the inventory does not know, « Ajouter à l'inventaire »."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.checks import CheckKind, CheckResult, device_words
from app.core.equipment import LABEL_MAX, Device, draft_from_result
from app.core.models import Branch
from app.ui.equipment_dialogs import DeviceDialog
from app.ui.workers import Pool, run_task

if TYPE_CHECKING:
    from app.services import Services


class InventoryOffer(QWidget):
    """Says which record a result is filed under; offers to add an unknown device."""

    added = Signal()  # a device was added to the inventory

    def __init__(
        self, services: Services, *, pool: Pool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InventoryOffer")
        self._services = services
        self._pool = pool
        self._result: CheckResult | None = None
        self._branches: list[Branch] = []
        self.label = QLabel()
        self.add_button = QPushButton(
            QCoreApplication.translate("Equipment", "Add to the &inventory…")
        )
        self.add_button.setObjectName("AddToInventory")
        self.add_button.clicked.connect(lambda: self.dialog().open())
        self.add_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.add_button)

    def consider(self, result: CheckResult) -> None:
        """Look the measured device up in the inventory (in a worker)."""
        self._result = result
        services = self._services

        def look_up() -> tuple[Device | None, list[Branch]]:
            # Imported by the worker: loading it would hold the window as the result comes.
            from app.services.equipment import record_for

            return record_for(services, result), services.references.branches()

        run_task(
            lambda _t, _p: look_up(),
            on_success=lambda found: self._found(result, *found),
            on_error=lambda _err: self._unknown_inventory(),
            pool=self._pool,
            parent=self,
        )

    def _unknown_inventory(self) -> None:
        """The inventory cannot be read now (server away): say nothing rather than
        offer to add a device that may be there."""
        self.label.setText("")
        self.add_button.hide()

    def _found(self, result: CheckResult, device: Device | None, branches: list[Branch]) -> None:
        if result is not self._result:
            return
        self._branches = branches
        if device is not None:
            self.label.setText(
                QCoreApplication.translate("Equipment", "Inventory: {label}").format(
                    label=device.label
                )
            )
            self.add_button.hide()
        else:
            self.label.setText(
                QCoreApplication.translate(
                    "Equipment", "“{device}” is not in the inventory."
                ).format(device=self._words(result))
            )
            self.add_button.show()

    @staticmethod
    def _words(result: CheckResult) -> str:
        """The device as the interface says it (« Caméra simulée (…) »)."""
        camera = result.kind is CheckKind.CAMERA
        return device_words(result.device, QCoreApplication.translate, camera=camera)

    def dialog(self) -> DeviceDialog:
        """The record proposed for the unknown device, to complete and save."""
        from app.services.equipment import add_from_result

        result = self._result
        assert result is not None
        services = self._services
        dialog = DeviceDialog(
            self._branches,
            lambda draft: add_from_result(services, result, draft),
            replace(draft_from_result(result), label=self._words(result)[:LABEL_MAX]),
            pool=self._pool,
            parent=self,
        )
        dialog.setWindowTitle(QCoreApplication.translate("Equipment", "Add to the inventory"))

        def done() -> None:
            self.add_button.hide()
            self.label.setText(QCoreApplication.translate("Equipment", "Added to the inventory."))
            self.added.emit()

        dialog.accepted.connect(done)
        return dialog
