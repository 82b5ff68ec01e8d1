"""The retention review queue: every model checked, a decision forced per
record, legal hold shown and blocking erasure, the erasure confirmation
naming the consequence, and the whole flow on a real vault through the
vault thread (retain, hold, lift, erase)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.audit import chain as audit
from console.lawful import retention
from console.lawful.retention import Processing, ReviewItem, ReviewQueueView
from console.records import register, subjects
from console.records.commands import SubjectFields
from tests.ui.conftest import open_runner, run_on
from ui.lawful import ReviewActions, ReviewQueueWidget, decision_dialogs
from ui.lawful.decision_dialogs import ConfirmErasure
from ui.operation import Changes

TODAY = dt.date.today()


def backdate(vault, ref: str, days: int) -> None:
    """Make a record look ``days`` old, so the defaults put it in the queue."""
    when = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat()
    with vault.write():
        vault.conn.execute("UPDATE subjects SET created_at = ? WHERE ref = ?", (when, ref))


def on_vault(qtbot, runner, fn, *args):
    return run_on(qtbot, runner, lambda vault: fn(vault, *args))


@pytest.fixture
def due_runner(qtbot, vault_path, vault):
    """A runner holding a vault with two records overdue for review."""
    a = subjects.create_subject(vault, SubjectFields("Avery Overdue", owner="governor"))
    b = subjects.create_subject(vault, SubjectFields("Blair Older"))
    backdate(vault, a.ref, 400)
    backdate(vault, b.ref, 500)
    subjects.create_subject(vault, SubjectFields("Casey Recent"))
    vault.close()
    runner = open_runner(qtbot, vault_path)
    yield runner, a.ref, b.ref
    runner.shutdown()


def _item(ref, name, days, hold=False):
    p = Processing(ref, "part3", "suspect", "open", TODAY - dt.timedelta(days=days),
                   "default", hold, "Tribunal pending" if hold else "")
    return ReviewItem(ref, name, "concern_logged", None, p, days)


def _view(*items):
    return ReviewQueueView(tuple(items), (("open", "Open case", 12),), (), 0)


class Calls:
    def __init__(self, view):
        self.view, self.log = view, []

    def actions(self):
        return ReviewActions(
            load=lambda vault: self.view,
            retain=lambda vault, *a: self.log.append(("retain",) + a),
            erase=lambda vault, *a: self.log.append(("erase",) + a),
            set_hold=lambda vault, *a: self.log.append(("hold",) + a))


def _widget(qtbot, view, runner, actions=None):
    w = ReviewQueueWidget(view, runner, actions)
    qtbot.addWidget(w)
    w.resize(1100, 500)
    w.show()
    return w


def test_model_and_proxy_pass_the_model_tester(qtbot, qtmodeltester, vault_runner):
    w = _widget(qtbot, _view(_item("R-1", "A", 3), _item("R-2", "B", 40, hold=True)),
                vault_runner, Calls(None).actions())
    qtmodeltester.check(w.model)
    qtmodeltester.check(w.proxy)
    assert w.current_ref() == "R-2"                   # most overdue first


def test_retain_needs_a_reason_and_sends_the_date(qtbot, vault_runner):
    calls = Calls(_view())
    w = _widget(qtbot, _view(_item("R-1", "A", 3)), vault_runner, calls.actions())
    assert w.next_review.date().toPython() > TODAY
    w.retain_button.click()
    assert w.error_label.isVisible() and calls.log == []
    w.retain_reason.setText("Investigation still live")
    w.retain_button.click()
    qtbot.waitUntil(lambda: not w.busy, timeout=5000)
    [(what, ref, reason, when)] = calls.log
    assert (what, ref, reason) == ("retain", "R-1", "Investigation still live")
    assert when > TODAY
    assert w.model.rowCount() == 0 and "No record is due" in w.summary.text()


def test_legal_hold_blocks_erasure(qtbot, monkeypatch, vault_runner):
    calls = Calls(_view())
    w = _widget(qtbot, _view(_item("R-2", "B", 40, hold=True)), vault_runner, calls.actions())
    assert not w.erase_button.isEnabled()
    assert "legal hold" in w.erase_button.toolTip()
    assert "Lift" in w.hold_button.text() and "Tribunal pending" in w.details.text()
    monkeypatch.setattr(ConfirmErasure, "ask", classmethod(lambda cls, p, r: True))
    w.erase_reason.setText("Review found no need")
    w.erase()
    assert calls.log == [] and "legal hold" in w.error_label.text()


def test_erasure_asks_first_and_can_be_cancelled(qtbot, monkeypatch, vault_runner):
    calls = Calls(_view())
    w = _widget(qtbot, _view(_item("R-1", "A", 3)), vault_runner, calls.actions())
    asked = []
    monkeypatch.setattr(ConfirmErasure, "ask",
                        classmethod(lambda cls, p, r: asked.append(r) or False))
    w.erase_reason.setText("No longer needed")
    w.erase_button.click()
    assert asked == ["R-1"] and calls.log == []
    monkeypatch.setattr(ConfirmErasure, "ask", classmethod(lambda cls, p, r: True))
    w.erase_button.click()
    qtbot.waitUntil(lambda: not w.busy, timeout=5000)
    assert calls.log == [("erase", "R-1", "No longer needed")]


def test_confirmation_names_the_consequence_and_wants_the_reference(qtbot):
    d = ConfirmErasure("ABC-7")
    qtbot.addWidget(d)
    assert "for good" in decision_dialogs.erasure_text("ABC-7")
    assert "tombstone" in decision_dialogs.erasure_text("ABC-7")
    assert not d.ok_button.isEnabled()
    qtbot.keyClicks(d.typed, "abc-7")
    assert d.ok_button.isEnabled()
    d.ok_button.click()
    assert d.value is True


def test_real_vault_retain_hold_and_erase(qtbot, due_runner, monkeypatch):
    runner, a, b = due_runner
    view = on_vault(qtbot, runner, retention.review_view)
    assert {i.ref for i in view.items} == {a, b}
    w = _widget(qtbot, view, runner)
    changed = []
    runner.changed.connect(changed.append)

    # Retain the first: it leaves the queue with the next date recorded.
    assert w.select(a)
    w.retain_reason.setText("Referral to police awaiting decision")
    w.retain_button.click()
    qtbot.waitUntil(lambda: not w.busy and w.model.rowCount() == 1, timeout=10_000)
    p = on_vault(qtbot, runner, retention.processing, a)
    assert p.review_source == "decision" and p.review_on > TODAY

    # Place a legal hold on the other: erasure is blocked in the widget.
    monkeypatch.setattr(decision_dialogs.HoldPrompt, "ask",
                        classmethod(lambda cls, parent, ref, placing: "Tribunal claim"))
    assert w.current_ref() == b
    w.hold_button.click()
    qtbot.waitUntil(lambda: not w.busy and w.current_item().processing.legal_hold,
                    timeout=10_000)
    assert not w.erase_button.isEnabled()

    # Lift it and erase, confirming.
    w.hold_button.click()
    qtbot.waitUntil(lambda: not w.busy and not w.current_item().processing.legal_hold,
                    timeout=10_000)
    monkeypatch.setattr(ConfirmErasure, "ask", classmethod(lambda cls, p, r: True))
    w.erase_reason.setText(f"{b}: review found no continuing need")
    w.erase_button.click()
    qtbot.waitUntil(lambda: not w.busy and w.model.rowCount() == 0, timeout=20_000)
    refs = {r.subject.ref for r in on_vault(qtbot, runner, register.register_rows)}
    assert b not in refs and a in refs
    assert Changes.subject(b, retention=True, backups=True) in changed
    assert on_vault(qtbot, runner, audit.verify).ok
    actions = [e.action for e in on_vault(qtbot, runner,
                                          lambda v: audit.entries(v, entity_id=b))]
    assert actions[0] == audit.ERASE_ACTION and "subject.hold" in actions


def test_an_erasure_reason_naming_the_subject_is_refused_inline(qtbot, due_runner,
                                                                monkeypatch):
    runner, a, _b = due_runner
    w = _widget(qtbot, on_vault(qtbot, runner, retention.review_view), runner)
    monkeypatch.setattr(ConfirmErasure, "ask", classmethod(lambda cls, p, r: True))
    w.select(a)
    w.erase_reason.setText("Avery Overdue left the service")
    w.erase_button.click()
    qtbot.waitUntil(lambda: not w.busy, timeout=10_000)
    assert w.error_label.isVisible() and "must not name the subject" in w.error_label.text()
    assert w.model.rowCount() == 2


def test_a_decision_outlives_its_closed_widget_quietly(qtbot, vault_runner):
    import threading
    gate, announced = threading.Event(), []
    vault_runner.changed.connect(announced.append)
    actions = ReviewActions(load=lambda v: _view(), retain=lambda *a: gate.wait(5),
                            erase=None, set_hold=None)
    w = ReviewQueueWidget(_view(_item("R-1", "A", 3)), vault_runner, actions)
    w.retain_reason.setText("Still needed")
    w.retain()
    assert w.busy and vault_runner.writing
    w.deleteLater()                                  # the console locked meanwhile
    qtbot.waitUntil(lambda: _deleted(w), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not vault_runner.busy, timeout=5000)
    # The decision was recorded, so the window still hears what changed.
    assert announced == [Changes.subject("R-1", retention=True)]


def _deleted(widget) -> bool:
    from shiboken6 import isValid
    return not isValid(widget)


def test_enter_in_the_reason_retains_once_and_keeps_the_window(qtbot, vault_runner):
    from PySide6.QtCore import Qt

    from ui.lawful.wiring import _host
    calls = Calls(_view(_item("R-2", "B", 9)))
    w = ReviewQueueWidget(_view(_item("R-1", "A", 3), _item("R-2", "B", 9)), vault_runner,
                          calls.actions())
    dialog = _host(None, w, "Retention review queue", (1000, 500))
    qtbot.addWidget(dialog)
    w.select("R-1")
    qtbot.keyClicks(w.retain_reason, "Appeal pending")
    qtbot.keyClick(w.retain_reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.busy, timeout=5000)
    assert [c[:2] for c in calls.log] == [("retain", "R-1")]
    assert dialog.isVisible()


def test_an_empty_queue_shows_a_real_next_review_day(qtbot, vault_runner):
    w = _widget(qtbot, _view(), vault_runner)
    assert not w.next_review.isEnabled() or w.current_item() is None
    day = w.next_review.date().toPython()
    assert dt.date.today() < day <= dt.date.today() + dt.timedelta(days=3660)
    assert "2000" not in w.next_review.text()
