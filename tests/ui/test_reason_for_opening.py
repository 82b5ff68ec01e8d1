"""Opening a subject's full record is journaled with a justification: asked
at the first opening of a session (Enter repeats the last reason), reused
after that, changeable with Ctrl+R, and asked afresh after a lock."""

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
