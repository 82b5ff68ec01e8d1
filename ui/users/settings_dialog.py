"""SettingsDialog: the vault's settings and this computer's desktop hygiene.

Shows auto-lock minutes, the unreferred-report and unacknowledged-referral
deadlines, quick unlock (with the sentence saying who could use it, or why
it is off) and the governor's quick-unlock rules, clipboard clearing, and whether the window could be hidden from
screen capture (a fact the window reports, shown read-only).

Values come in as ``SettingsValues``; on OK the changed ones go to
``apply(vault, changes: dict)``, run as an operation on ``runner`` (the shell
gives a call that routes vault settings to ``console.records.users.set_setting``
and quick unlock to ``console.storage.quick_unlock``); it announces that the
settings, and the deadline flags on the register, changed. An error stays in
the dialog; ``ask`` returns the new values or None.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_label, sentence
from ui.operation import Changes, Operation

from .actions import SettingsValues

Apply = Callable[..., None]         # apply(vault, changes)
# Kept on this computer by the caller, never sent to the vault.
THIS_COMPUTER = {"capture_excluded", "language", "high_contrast"}
# Deadlines decide the register's and the dashboard's flags.
SETTINGS_CHANGED = Changes(settings=True, register=True, dashboard=True)


def _spin(parent, lo: int, hi: int, value: int, suffix: str, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(lo, hi)
    spin.setValue(int(value))
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, values: SettingsValues, runner=None, apply: Apply | None = None, *,
                 quick_unlock: tuple[bool, str] | None = None, can_change: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._initial = values
        self._runner, self._apply = runner, apply
        self.operation: Operation | None = None
        self.value: SettingsValues | None = None
        if quick_unlock is None:
            from console.storage.quick_unlock import availability
            quick_unlock = availability()  # the keychain alone: no vault to ask
        quick_ok, quick_reason = quick_unlock

        vault_box = QGroupBox(self.tr("This vault"), self)
        vault_form = QFormLayout(vault_box)
        self.autolock = _spin(vault_box, 0, 240, values.autolock_minutes, " min",
                              "Lock after idle minutes")
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setToolTip(self.tr("The console locks itself after this many idle minutes; "
                                 "Never is not recommended."))
        self.unreferred = _spin(vault_box, 1, 365, values.unreferred_days, " days",
                                "Days to refer a report")
        self.unreferred.setToolTip(self.tr("A report not referred within this many days is flagged."))
        self.unacknowledged = _spin(vault_box, 1, 365, values.unacknowledged_days, " days",
                                    "Days for a referral to be acknowledged")
        self.unacknowledged.setToolTip(self.tr("A referral not acknowledged within this many days "
                                       "is flagged for chasing."))
        self.quick_hours = _spin(vault_box, 1, 24, values.quick_unlock_hours, " h",
                                 "Hours quick unlock works after the passphrase")
        self.quick_hours.setToolTip(self.tr("Quick unlock asks for the user's own passphrase again "
                                    "after this many hours."))
        self.quick_shared = QCheckBox(self.tr("Allow quick unlock where several users sign in on the "
                                      "same computer"), vault_box)
        self.quick_shared.setChecked(values.quick_unlock_shared)
        self.quick_shared.setToolTip(self.tr("Anyone at that computer's account could then open the "
                                     "vault as a user who turned quick unlock on."))
        vault_form.addRow(self.tr("&Lock after idle:"), self.autolock)
        vault_form.addRow(self.tr("&Refer a report within:"), self.unreferred)
        vault_form.addRow(self.tr("Referral &acknowledged within:"), self.unacknowledged)
        vault_form.addRow(self.tr("Quick unlock &works for:"), self.quick_hours)
        vault_form.addRow(self.quick_shared)
        for spin in (self.autolock, self.unreferred, self.unacknowledged, self.quick_hours,
                     self.quick_shared):
            spin.setEnabled(can_change)
        if not can_change:
            vault_box.setToolTip(self.tr("Only the governor can change the vault's settings."))

        desk_box = QGroupBox(self.tr("This computer"), self)
        desk = QVBoxLayout(desk_box)
        self.quick_unlock = QCheckBox(self.tr("&Quick unlock with this computer's keychain"), desk_box)
        self.quick_unlock.setChecked(bool(values.quick_unlock and quick_ok))
        self.quick_unlock.setEnabled(quick_ok)
        self.quick_reason = QLabel(quick_reason, desk_box)
        self.quick_reason.setWordWrap(True)
        self.clear_clipboard = QCheckBox(self.tr("&Clear anything copied from the console after 15 "
                                         "seconds"), desk_box)
        self.clear_clipboard.setChecked(values.clear_clipboard)
        self.capture_label = QLabel(
            self.tr("The window is hidden from screen capture and recording.") if values.capture_excluded
            else self.tr("This system does not let the console hide its window from screen capture; "
                 "take care when sharing or recording the screen."), desk_box)
        self.capture_label.setWordWrap(True)
        self.capture_label.setAccessibleName(self.tr("Screen capture protection"))
        self.language = QComboBox(desk_box)
        for code, name in (("", self.tr("The system's language")), ("en", "English"),
                           ("cy", "Cymraeg")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("Applies when the console next starts."))
        language_label = QLabel(self.tr("&Language (from the next start):"), desk_box)
        language_label.setBuddy(self.language)
        self.high_contrast = QCheckBox(self.tr("&High contrast colours"), desk_box)
        self.high_contrast.setChecked(values.high_contrast)
        self.high_contrast.setToolTip(self.tr("Black, white and yellow, with a thick focus "
                                              "outline; the system's high-contrast setting is "
                                              "followed too."))
        for w in (self.quick_unlock, self.quick_reason, self.clear_clipboard, self.capture_label,
                  language_label, self.language, self.high_contrast):
            desk.addWidget(w)

        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(vault_box)
        lay.addWidget(desk_box)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def values(self) -> SettingsValues:
        return dataclasses.replace(
            self._initial, autolock_minutes=self.autolock.value(),
            unreferred_days=self.unreferred.value(),
            unacknowledged_days=self.unacknowledged.value(),
            quick_unlock=self.quick_unlock.isChecked(),
            clear_clipboard=self.clear_clipboard.isChecked(),
            quick_unlock_hours=self.quick_hours.value(),
            quick_unlock_shared=self.quick_shared.isChecked(),
            language=self.language.currentData() or "",
            high_contrast=self.high_contrast.isChecked())

    def changes(self) -> dict:
        new, old = dataclasses.asdict(self.values()), dataclasses.asdict(self._initial)
        return {k: v for k, v in new.items() if v != old[k] and k not in THIS_COMPUTER}

    def save(self) -> None:
        changes = self.changes()
        if not changes or self._apply is None:
            self.value = self.values()
            self.accept()
            return
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        apply = self._apply
        self.operation = self._runner.run(Operation(
            lambda vault: apply(vault, changes), write=True, changes=SETTINGS_CHANGED,
            parent=self, on_success=self._saved, on_failure=self._failed))

    def _saved(self, _result) -> None:
        self.value = self.values()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(sentence(exc))
        self.error_label.show()

    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    @classmethod
    def ask(cls, values: SettingsValues, runner=None, apply: Apply | None = None,
            parent: QWidget | None = None, **kwargs) -> SettingsValues | None:
        dialog = cls(values, runner, apply, parent=parent, **kwargs)
        dialog.exec()
        return dialog.value
