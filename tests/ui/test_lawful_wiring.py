"""The Records menu in the main window: present, the governor's alone (a
deputy is told why), each entry opening its widget on real data through the
vault thread, and every lawful-handling window closed when the console locks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from console.records.journal import Reason
from tests.ui.conftest import DEPUTY_PASS, run_on, unlock
from ui.lawful import (
    AccessPackDialog,
    JournalWidget,
    RestrictionDialog,
    ReviewQueueWidget,
    reason_prompt,
    wiring,
)


def _window(make_window, path):
    window = make_window(path)
    if not hasattr(window, "act_journal"):      # the main window may install it itself
        wiring.install(window)
    return window


def test_menu_entries_follow_the_role(qtbot, make_window, filled_vault):
    window = _window(make_window, filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    menu = window.act_journal.associatedObjects()[0]
    menu.aboutToShow.emit()
    for name in ("review_queue", "journal", "access_request", "restrict"):
        act = getattr(window, f"act_{name}")
        assert not act.isEnabled() and "Only the governor" in act.toolTip()
    window.act_journal.setEnabled(True)   # as apply_role leaves it after an unlock
    window.act_journal.trigger()
    assert "Only the governor" in window.statusBar().currentMessage()
    assert getattr(window, "journal_dialog", None) is None
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Records") == len(titles) - 2 and titles[-1] == "&Help"


def test_governor_opens_the_journal_and_the_queue_and_lock_closes_them(
        qtbot, make_window, filled_vault):
    window = _window(make_window, filled_vault)
    unlock(qtbot, window)
    window.act_journal.associatedObjects()[0].aboutToShow.emit()
    assert window.act_journal.isEnabled()
    window.act_journal.trigger()
    qtbot.waitUntil(lambda: getattr(window, "journal_dialog", None) is not None, timeout=5000)
    journal_widget = window.journal_dialog.findChild(JournalWidget)
    assert journal_widget is not None and window.journal_dialog.isVisible()
    window.act_review_queue.trigger()
    qtbot.waitUntil(lambda: getattr(window, "review_dialog", None) is not None, timeout=5000)
    queue = window.review_dialog.findChild(ReviewQueueWidget)
    assert queue is not None and "No record is due" in queue.summary.text()
    window.lock("on request")
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_restrict_and_access_request_open_with_real_data(qtbot, make_window, filled_vault,
                                                         monkeypatch):
    window = _window(make_window, filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_restrict(restriction, users, runner, *, owner=None, parent=None):
        seen["restriction"] = (restriction, [u.name for u in users], owner)
        return None
    monkeypatch.setattr(RestrictionDialog, "ask", staticmethod(fake_restrict))
    window.act_restrict.trigger()
    assert "Choose a subject" in window.statusBar().currentMessage()
    ref = window.register.model.index(0, 0).data()
    window.register.select(ref)
    window.act_restrict.trigger()
    qtbot.waitUntil(lambda: "restriction" in seen, timeout=5000)
    restriction, names, _owner = seen["restriction"]
    assert restriction.ref == ref and not restriction.restricted
    assert names == ["governor", "dep"]

    def fake_pack(subjects, runner, draft, produce, *, ref="", can_change=True, places=None,
                  requests=(), parent=None):
        seen.update(subjects=subjects, ref=ref, draft=draft, requests=requests, runner=runner,
                    places=places)
        return None
    monkeypatch.setattr(AccessPackDialog, "ask", staticmethod(fake_pack))
    window.act_access_request.trigger()
    qtbot.waitUntil(lambda: "draft" in seen, timeout=10_000)
    assert len(seen["subjects"]) == 2 and seen["ref"] == ref and seen["requests"] == []
    assert seen["places"].user == "governor"        # this user's folder, not the vault's
    # The dialog runs its calls on the vault thread; so does this test.
    pack = run_on(qtbot, seen["runner"], lambda v: seen["draft"](v, ref, {}))
    assert pack.ref == ref and pack.items


def test_ask_reason_remembers_the_session_reason(qtbot, make_window, filled_vault,
                                                 monkeypatch):
    window = _window(make_window, filled_vault)
    offered = []

    def fake(parent, last, *, what="", default="case_review"):
        offered.append(last)
        return Reason("referral")
    monkeypatch.setattr(reason_prompt.ReasonPrompt, "ask", staticmethod(fake))
    assert wiring.ask_reason(window, "opening the full record") == Reason("referral")
    assert wiring.ask_reason(window) == Reason("referral")
    assert offered == [None, Reason("referral")]
    unlock(qtbot, window)                           # a new session asks afresh
    wiring.ask_reason(window)
    assert offered[-1] is None


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # offscreen
def test_opening_the_journal_twice_raises_the_same_window(qtbot, make_window, filled_vault):
    window = _window(make_window, filled_vault)
    unlock(qtbot, window)
    window.act_journal.trigger()
    qtbot.waitUntil(lambda: getattr(window, "journal_dialog", None) is not None, timeout=5000)
    first = window.journal_dialog
    window.act_journal.trigger()
    assert window.journal_dialog is first
    assert len([d for d in window.findChildren(QDialog) if d.isVisible()]) == 1
