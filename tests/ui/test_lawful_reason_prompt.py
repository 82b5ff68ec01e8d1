"""The reason prompt: one Enter repeats the reason last used in this session;
"other" needs words; Escape opens nothing; and the reason given reaches the
real consultation journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from console.records import journal, register, subjects
from console.records.commands import SubjectFields
from console.records.journal import Reason
from ui.lawful import ReasonPrompt


def _prompt(qtbot, last=None, **kw) -> ReasonPrompt:
    dialog = ReasonPrompt(last, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _press_enter_in_modal(qtbot, pressed: list):
    def press():
        dialog = QApplication.activeModalWidget()
        pressed.append(dialog)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)
    QTimer.singleShot(0, press)


def test_one_enter_reuses_the_last_reason(qtbot):
    pressed = []
    _press_enter_in_modal(qtbot, pressed)
    last = Reason("referral")
    assert ReasonPrompt.ask(None, last) == last
    assert len(pressed) == 1 and isinstance(pressed[0], ReasonPrompt)


def test_last_other_reason_comes_back_with_its_words(qtbot):
    last = Reason("other", "tribunal bundle")
    dialog = _prompt(qtbot, last)
    assert dialog.reasons.currentRow() == 0
    assert "tribunal bundle" in dialog.reasons.currentItem().text()
    assert not dialog.other_text.isEnabled()
    qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.value == last


def test_without_a_last_reason_the_default_is_chosen_and_listed_once(qtbot):
    dialog = _prompt(qtbot, default="briefing")
    labels = [dialog.reasons.item(i).text() for i in range(dialog.reasons.count())]
    assert len(labels) == len(journal.REASONS.keys())
    assert dialog.chosen() == Reason("briefing")
    with_last = _prompt(qtbot, Reason("legal_advice"))
    texts = [with_last.reasons.item(i).text() for i in range(with_last.reasons.count())]
    assert texts[0].startswith("Legal advice") and "(as last time)" in texts[0]
    assert sum(t.startswith("Legal advice") for t in texts) == 1


def test_other_needs_words(qtbot):
    dialog = _prompt(qtbot)
    dialog.reasons.setCurrentRow(dialog.reasons.count() - 1)     # Other…
    assert dialog.other_text.isEnabled()
    dialog.ok_button.click()
    assert dialog.error_label.isVisible() and dialog.value is None
    qtbot.keyClicks(dialog.other_text, "Coroner's request")
    qtbot.keyClick(dialog.other_text, Qt.Key.Key_Return)
    assert dialog.value == Reason("other", "Coroner's request")


def test_escape_gives_none(qtbot):
    def press():
        qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)
    QTimer.singleShot(0, press)
    assert ReasonPrompt.ask(None, Reason("referral")) is None


def test_the_reason_given_is_journaled_and_offered_next_time(qtbot, vault):
    s = subjects.create_subject(vault, SubjectFields("Robin Reason"))
    dialog = _prompt(qtbot, journal.last_reason(vault))
    dialog.reasons.setCurrentRow(next(i for i in range(dialog.reasons.count())
                                      if dialog.reasons.item(i).text() == "Legal advice"))
    qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)
    register.subject_record(vault, s.ref, reason=dialog.value)
    [entry] = journal.entries(vault, kind="view")
    assert (entry.reason, entry.refs, entry.user) == ("legal_advice", (s.ref,), "governor")

    again = _prompt(qtbot, journal.last_reason(vault))
    qtbot.keyClick(again.reasons, Qt.Key.Key_Return)         # one keystroke
    assert again.value == Reason("legal_advice")
