"""Opening a subject's full record is journaled with a justification: asked
at the first opening of a session (Enter repeats the last reason), reused
after that, changeable with Ctrl+R, kept across a lock for the same person and
asked afresh when someone else signs in; never asked for a record nobody chose."""

from __future__ import annotations

import pytest

from console.records import journal
from console.storage.vault import Vault
from tests.conftest import PASS
from tests.ui.conftest import unlock
from ui.lawful.reason_prompt import ReasonPrompt

pytestmark = pytest.mark.real_reason_prompt


def journal_reasons(path):
    with Vault.open(path, "governor", PASS) as v:
        return [(e.refs, e.reason) for e in journal.entries(v) if e.kind == "view"]


def test_the_first_opening_asks_then_the_reason_is_reused(qtbot, make_window, filled_vault,
                                                          monkeypatch):
    asked = []

    def answer(cls, parent, last_reason=None, **kw):
        asked.append(last_reason)
        return journal.parse_reason("legal_advice")
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(answer))
    window = make_window(filled_vault)
    unlock(qtbot, window)
    first, second = (window.register.model.row_at(i).subject.ref for i in (0, 1))
    window.register.select(first)
    qtbot.waitUntil(lambda: window.panel.ref == first, timeout=5000)
    window.register.select(second)
    qtbot.waitUntil(lambda: window.panel.ref == second, timeout=5000)
    assert asked == [None]                      # asked once for the session
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    window.shutdown()
    entries = journal_reasons(filled_vault)
    assert {(refs[0], key) for refs, key in entries} >= {(first, "legal_advice"),
                                                         (second, "legal_advice")}


def test_a_lock_keeps_the_reason_for_the_same_person_only(qtbot, make_window, filled_vault,
                                                          monkeypatch):
    from tests.ui.conftest import DEPUTY_PASS
    asked = []
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(
        lambda cls, parent, last_reason=None, **kw: asked.append(1)
        or journal.parse_reason("case_review")))
    window = make_window(filled_vault)
    unlock(qtbot, window)
    first = window.register.model.row_at(0).subject.ref
    window.register.select(first)
    qtbot.waitUntil(lambda: window.panel.ref == first, timeout=5000)
    window.lock("after a period without use")
    unlock(qtbot, window)                         # the same person, back at the desk
    window.register.select(first)
    qtbot.waitUntil(lambda: window.panel.ref == first, timeout=5000)
    assert asked == [1]
    window.lock()
    unlock(qtbot, window, "dep", DEPUTY_PASS)     # someone else: asked afresh
    window.register.select(first)
    qtbot.waitUntil(lambda: window.panel.ref == first, timeout=5000)
    assert asked == [1, 1]


def test_focus_or_a_blank_click_in_the_register_opens_nothing(qtbot, make_window,
                                                              filled_vault, monkeypatch):
    from PySide6.QtCore import QPoint, Qt
    asked = []
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(
        lambda cls, *a, **k: asked.append(1) or journal.parse_reason("case_review")))
    window = make_window(filled_vault)
    unlock(qtbot, window)                         # unlocking puts the focus in the table
    table = window.register.table
    assert table.hasFocus() or window.register.search.hasFocus()
    blank = QPoint(20, table.viewport().height() - 5)
    assert not table.indexAt(blank).isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=blank)
    qtbot.wait(400)                               # longer than the settling delay
    assert asked == [] and window.panel.record is None
    assert window.register.current_ref() == ""
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    window.shutdown()
    assert journal_reasons(filled_vault) == []    # no consultation was journaled


def test_a_subject_just_added_is_chosen_without_a_prompt(qtbot, make_window, filled_vault,
                                                         monkeypatch):
    from PySide6.QtCore import Qt
    asked = []
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(
        lambda cls, *a, **k: asked.append(1) or journal.parse_reason("case_review")))
    window = make_window(filled_vault)
    unlock(qtbot, window)
    dialog = window.actions.new_subject()
    dialog.name.setText("Newly Added")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.register.current_row() is not None
                    and window.register.current_row().subject.name == "Newly Added",
                    timeout=5000)
    ref = window.register.current_ref()
    qtbot.waitUntil(lambda: ref in window.panel.empty.text(), timeout=5000)
    assert asked == [] and "Press Enter" in window.panel.empty.text()
    window.register.table.setFocus()
    qtbot.keyClick(window.register.table, Qt.Key.Key_Return)   # asked for: now it opens
    qtbot.waitUntil(lambda: window.panel.ref == ref, timeout=5000)
    assert asked == [1]


def test_cancelling_the_prompt_opens_nothing(qtbot, make_window, filled_vault, monkeypatch):
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(lambda cls, *a, **k: None))
    window = make_window(filled_vault)
    unlock(qtbot, window)
    ref = window.register.model.row_at(0).subject.ref
    window.register.select(ref)
    qtbot.waitUntil(lambda: "needs a reason" in window.panel.empty.text(), timeout=5000)
    assert window.panel.record is None


def test_enter_repeats_the_last_reason(qtbot):
    last = journal.parse_reason("referral")
    dialog = ReasonPrompt(last, what="Opening subject records")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, "\r")
    assert dialog.value is not None and dialog.value.key == "referral"


def test_reloading_the_register_keeps_the_subject_in_hand(qtbot, make_window, filled_vault,
                                                         monkeypatch):
    monkeypatch.setattr(ReasonPrompt, "ask", classmethod(
        lambda cls, *a, **k: journal.parse_reason("case_review")))
    window = make_window(filled_vault)
    unlock(qtbot, window)
    ref = window.register.model.row_at(0).subject.ref
    window.register.select(ref)
    qtbot.waitUntil(lambda: window.panel.ref == ref, timeout=5000)
    seen = []
    window.register.current_changed.connect(seen.append)
    window.refresh()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    assert seen == [] and window.register.current_ref() == ref   # never "nothing chosen"
    assert window.panel.record is not None
