"""Focus and errors in the forms: the cursor starts in the first field, moves
to the field at fault, and the sentence goes as soon as it is put right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from console.errors import ValidationError
from ui.subject.record_dialogs import LogEntryDialog, MeasureUpdateDialog, ReportDialog
from ui.subject.subject_dialogs import DeleteDialog, StatusDialog, SubjectDialog


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.open_async()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_a_new_subject_starts_in_the_name_and_typing_a_space_presses_nothing(qtbot):
    dialog = _shown(qtbot, SubjectDialog())
    sent = []
    dialog.submitted.connect(sent.append)
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(QApplication.focusWidget(), "Alex Smith")
    assert dialog.name.text() == "Alex Smith" and sent == [] and dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.staff_number
    qtbot.keyClicks(QApplication.focusWidget(), "AS1")
    assert dialog.staff_number.text() == "AS1"


def test_the_cursor_moves_to_the_field_at_fault_and_the_error_clears_when_fixed(qtbot):
    dialog = _shown(qtbot, SubjectDialog())
    dialog.role.setFocus()
    dialog.ok_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == "Name cannot be empty."
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "A")
    assert not dialog.error.isVisible()           # put right: the sentence goes at once


def test_an_error_from_the_core_names_its_field(qtbot):
    dialog = _shown(qtbot, SubjectDialog())
    dialog.name.setText("Someone")
    refused = ValidationError("A subject with this staff number is already on the register.")
    refused.field = "staff_number"
    dialog.fail(refused)
    assert dialog.error.isVisible() and QApplication.focusWidget() is dialog.staff_number
    qtbot.keyClicks(dialog.staff_number, "9")
    assert not dialog.error.isVisible()


def test_other_forms_start_in_their_first_useful_field(qtbot):
    from console.records import model
    report = _shown(qtbot, ReportDialog())
    assert QApplication.focusWidget() is report.type
    report.reject()
    status = _shown(qtbot, StatusDialog("concern_logged"))
    assert QApplication.focusWidget() is status.status
    status.reject()
    measure = model.Measure(4, 7, "protect", "moved", status="active",
                            review_due=dt.date.today())
    update = _shown(qtbot, MeasureUpdateDialog(measure))
    assert QApplication.focusWidget() is update.status     # not the read-only line
    update.reject()
    log = _shown(qtbot, LogEntryDialog((measure,)))
    assert QApplication.focusWidget() is log.text


def test_the_delete_dialog_is_destructive_and_shows_its_error_whole(qtbot):
    dialog = _shown(qtbot, DeleteDialog("CR-2026-001"))
    assert QApplication.focusWidget() is dialog.reason
    role = dialog.buttons.buttonRole(dialog.ok_button)
    assert role == QDialogButtonBox.ButtonRole.DestructiveRole
    assert dialog.ok_button.icon().isNull() and not dialog.ok_button.isDefault()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)     # Enter never deletes
    assert dialog.isVisible() and not dialog.error.isVisible()
    before = dialog.height()
    dialog.ok_button.click()
    assert dialog.error.isVisible() and dialog.height() >= before
    bottom = dialog.error.geometry().bottom()
    assert bottom <= dialog.buttons.geometry().top()         # nothing clipped under it
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
