"""The licence form: what a licence is, and its secrets, which are write-only.

Saved secrets are never shown: the fields only say whether one is saved, and
`take_secrets` empties them as soon as they are read.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.licences import PLAN_CAPS, PLAN_LABELS, LicenceDraft
from app.core.models import Branch, Licence, LicencePlan
from app.core.secrets import SecretChange
from app.ui import colours
from app.ui.i18n import label
from app.zoom.vault import KIND_LABELS, SecretKind


class LicenceDialog(QDialog):
    """Add or edit a licence. Secret fields are write-only: saved ones are never shown."""

    def __init__(
        self,
        branches: list[Branch],
        licence: Licence | None = None,
        saved: list[SecretKind] | None = None,
        vault_usable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LicenceDialog")
        self.setWindowTitle(self.tr("Edit licence") if licence else self.tr("Add a licence"))
        self.setAccessibleName(self.windowTitle())
        saved = saved or []

        self.label_edit = QLineEdit(licence.label if licence else "")
        self.label_edit.setMaxLength(80)
        self.label_edit.setAccessibleName(self.tr("Label"))
        self.email_edit = QLineEdit(licence.email if licence else "")
        self.email_edit.setAccessibleName(self.tr("Account e-mail"))
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(self.tr("Plan"))
        for plan in LicencePlan:
            self.plan_combo.addItem(label(PLAN_LABELS[plan]), plan.value)
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(1, 100_000)
        self.cap_spin.setSingleStep(100)
        self.cap_spin.setAccessibleName(self.tr("Participant cap"))
        self.concurrent_spin = QSpinBox()
        self.concurrent_spin.setRange(1, 50)
        self.concurrent_spin.setAccessibleName(self.tr("Meetings at the same time"))
        self.branch_combo = QComboBox()
        self.branch_combo.setAccessibleName(self.tr("Reserved for branch"))
        self.branch_combo.addItem(self.tr("Shared by the network"), None)
        for b in branches:
            self.branch_combo.addItem(b.name, b.id)
        self.active_check = QCheckBox(self.tr("&Active (can be booked)"))
        self.active_check.setAccessibleName(self.tr("Active"))
        self.active_check.setChecked(licence.active if licence else True)

        self.password_edit = self._secret_edit(SecretKind.PASSWORD, saved)
        self.host_key_edit = self._secret_edit(SecretKind.HOST_KEY, saved)
        self.host_key_edit.setInputMask("")
        self.forget_password = QCheckBox(self.tr("Delete the saved password"))
        self.forget_password.setAccessibleName(self.forget_password.text())
        self.forget_password.setVisible(SecretKind.PASSWORD in saved)
        self.forget_host_key = QCheckBox(self.tr("Delete the saved host key"))
        self.forget_host_key.setAccessibleName(self.forget_host_key.text())
        self.forget_host_key.setVisible(SecretKind.HOST_KEY in saved)

        if licence is not None:
            self.plan_combo.setCurrentIndex(self.plan_combo.findData(licence.plan.value))
            self.cap_spin.setValue(licence.participant_cap)
            self.concurrent_spin.setValue(licence.concurrent_limit)
            self.branch_combo.setCurrentIndex(max(0, self.branch_combo.findData(licence.branch_id)))
        else:
            self.cap_spin.setValue(PLAN_CAPS[LicencePlan.PRO][0])
        self.plan_combo.currentIndexChanged.connect(self._plan_changed)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Label:"), self.label_edit),
            (self.tr("&E-mail:"), self.email_edit),
            (self.tr("&Plan:"), self.plan_combo),
            (self.tr("Participant &cap:"), self.cap_spin),
            (self.tr("&Meetings at once:"), self.concurrent_spin),
            (self.tr("&Branch:"), self.branch_combo),
            (self.tr("Account pass&word:"), self.password_edit),
            (self.tr("&Host key:"), self.host_key_edit),
        ):
            form.addRow(text, widget)
        form.addRow("", self.forget_password)
        form.addRow("", self.forget_host_key)
        form.addRow("", self.active_check)
        note = QLabel()
        note.setWordWrap(True)
        self.vault_note = note
        self.set_vault_usable(vault_usable)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {colours.ERROR_TEXT};")
        self.error_label.setAccessibleName(self.tr("Problem"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def set_vault_usable(self, usable: bool) -> None:
        """Secret fields open only when the password store can keep what is typed; the
        store's check may answer while the dialog is already open."""
        for edit in (self.password_edit, self.host_key_edit):
            edit.setEnabled(usable)
        self.vault_note.setText(
            self.tr("Secrets go to the system's password store, never to the database.")
            if usable
            else self.tr("Secrets cannot be saved: the password store is not available.")
        )

    def _secret_edit(self, kind: SecretKind, saved: list[SecretKind]) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(label(KIND_LABELS[kind]))
        edit.setPlaceholderText(
            self.tr("Saved — type to replace") if kind in saved else self.tr("Not saved")
        )
        return edit

    def _plan_changed(self) -> None:
        plan = LicencePlan(self.plan_combo.currentData())
        if self.cap_spin.value() not in PLAN_CAPS[plan]:
            self.cap_spin.setValue(PLAN_CAPS[plan][0])
        if plan is LicencePlan.PRO:
            self.concurrent_spin.setValue(1)

    def draft(self) -> LicenceDraft:
        return LicenceDraft(
            label=self.label_edit.text(),
            email=self.email_edit.text(),
            plan=LicencePlan(self.plan_combo.currentData()),
            participant_cap=self.cap_spin.value(),
            concurrent_limit=self.concurrent_spin.value(),
            branch_id=self.branch_combo.currentData(),
            active=self.active_check.isChecked(),
        )

    def take_secrets(self) -> list[SecretChange]:
        """The secrets typed (or deletions asked); empties the fields at once."""
        out: list[SecretChange] = []
        for kind, edit, forget in (
            (SecretKind.PASSWORD, self.password_edit, self.forget_password),
            (SecretKind.HOST_KEY, self.host_key_edit, self.forget_host_key),
        ):
            if edit.text():
                out.append(SecretChange(kind, edit.text()))
            elif forget.isChecked():
                out.append(SecretChange(kind, None))
            edit.clear()
        return out

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
