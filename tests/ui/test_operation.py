"""The one way the desktop runs work: an operation runs its core call on the
vault thread, calls back on the GUI thread, announces a typed record of what
changed, shows progress only when slow, can be cancelled where the work
reports progress, holds auto-lock off while it writes, and nothing runs or
calls back after the runner has shut down."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from console.errors import ConsoleError, VaultClosed
from ui.autolock import AutoLock
from ui.operation import Cancelled, Changes, Operation
from ui.progress import SHOW_AFTER_MS
from ui.runner import Runner


def finish(qtbot, op: Operation, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: not op.running, timeout=timeout)


def test_the_call_runs_on_the_vault_thread_and_success_comes_back_on_the_gui_thread(
        qtbot, vault_runner):
    seen = {}

    def call(vault):
        seen["thread"] = threading.current_thread().name
        return vault.establishment
    op = vault_runner.run(Operation(call, on_success=lambda r: seen.update(
        result=r, back_on=threading.current_thread().name)))
    assert op.running
    finish(qtbot, op)
    assert seen["thread"].startswith("vault")
    assert seen["back_on"] == threading.main_thread().name
    assert seen["result"] == "HMP Testshire"


def test_success_announces_the_typed_changes_and_the_sentence_before_the_callback(
        qtbot, vault_runner):
    order = []
    vault_runner.changed.connect(lambda c: order.append(("changed", c)))
    vault_runner.status.connect(lambda m: order.append(("status", m)))
    op = vault_runner.run(Operation(
        lambda v: "CC-0001", write=True, changes=lambda ref: Changes.subject(ref),
        message=lambda ref: f"{ref} saved.", on_success=lambda r: order.append(("done", r))))
    finish(qtbot, op)
    kind, changes = order[0]
    assert kind == "changed" and isinstance(changes, Changes)
    assert changes.subjects == {"CC-0001"} and changes.register and changes.dashboard
    assert not (changes.users or changes.settings or changes.backups or changes.journal)
    assert order[1:] == [("status", "CC-0001 saved."), ("done", "CC-0001")]


def test_a_read_announces_nothing(qtbot, vault_runner):
    announced = []
    vault_runner.changed.connect(announced.append)
    vault_runner.status.connect(announced.append)
    finish(qtbot, vault_runner.run(Operation(lambda v: 1)))
    assert announced == []


def test_changes_combine_and_are_frozen():
    both = Changes.subject("CC-1") | Changes(users=True, subjects=frozenset({"CC-2"}))
    assert both.subjects == {"CC-1", "CC-2"} and both.users and both.register
    assert not Changes() and Changes(backups=True)
    with pytest.raises(AttributeError):
        both.users = False  # type: ignore[misc]


def test_failure_goes_to_its_callback_then_to_the_runner_then_is_raised(qtbot, vault_runner):
    def refuse(vault):
        raise ConsoleError("Only the governor can do that.")
    got = []
    op = vault_runner.run(Operation(refuse, on_failure=got.append,
                                    on_finished=lambda: got.append("finished")))
    finish(qtbot, op)
    assert str(got[0]) == "Only the governor can do that." and got[1] == "finished"

    unhandled = []
    vault_runner.failed.connect(unhandled.append)
    finish(qtbot, vault_runner.run(Operation(refuse)))
    assert isinstance(unhandled[0], ConsoleError)
    vault_runner.failed.disconnect()

    with qtbot.capture_exceptions() as raised:
        finish(qtbot, vault_runner.run(Operation(refuse)))
    assert isinstance(raised[0][1], ConsoleError)


def test_a_failed_write_announces_no_change(qtbot, vault_runner):
    announced = []
    vault_runner.changed.connect(announced.append)

    def broken(vault):
        raise ConsoleError("No.")
    finish(qtbot, vault_runner.run(Operation(broken, write=True, changes=Changes(users=True),
                                             on_failure=lambda e: None)))
    assert announced == []


def test_without_an_open_vault_the_operation_fails_in_one_sentence(qtbot):
    runner = Runner()
    got = []
    try:
        finish(qtbot, runner.run(Operation(lambda v: 1, on_failure=got.append)))
    finally:
        runner.shutdown()
    assert isinstance(got[0], VaultClosed) and "unlock" in str(got[0])


def test_a_parent_closed_meanwhile_hears_nothing_but_the_change_is_announced(
        qtbot, vault_runner):
    gate = threading.Event()
    parent = QWidget()
    heard, announced = [], []
    vault_runner.changed.connect(announced.append)
    op = vault_runner.run(Operation(lambda v: gate.wait(5), write=True,
                                    changes=Changes(backups=True), parent=parent,
                                    on_success=heard.append, on_finished=lambda: heard.append(0)))
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    gate.set()
    finish(qtbot, op)
    assert heard == [] and announced == [Changes(backups=True)]


def _alive(widget) -> bool:
    from shiboken6 import isValid
    return isValid(widget)


def test_quick_work_never_shows_progress(qtbot, vault_runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    op = vault_runner.run(Operation(lambda v, on_progress: on_progress(1, 1),
                                    progress="Working…", parent=parent))
    assert op.presenter.waiting
    finish(qtbot, op)
    assert op.presenter.dialog is None and not op.presenter.waiting


def test_slow_work_shows_progress_after_half_a_second_and_cancel_stops_it(
        qtbot, vault_runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started, gate, steps, failed = threading.Event(), threading.Event(), [], []

    def slow(vault, on_progress):
        on_progress(0, 3)
        started.set()
        gate.wait(5)
        for n in range(1, 4):
            on_progress(n, 3)              # raises Cancelled after the click
            steps.append(n)
        return "saved"
    op = vault_runner.run(Operation(slow, write=True, changes=Changes(backups=True),
                                    progress="Backing up…", parent=parent,
                                    on_failure=failed.append))
    since = time.monotonic()
    assert started.wait(5)
    assert op.presenter.dialog is None and op.presenter.waiting   # not before the delay
    qtbot.waitUntil(lambda: op.presenter.visible, timeout=3000)
    assert time.monotonic() - since >= SHOW_AFTER_MS / 1000 - 0.05
    dialog = op.presenter.dialog
    assert dialog.maximum() == 3 and dialog.labelText() == "Backing up…"
    dialog.findChild(QPushButton).click()
    gate.set()
    finish(qtbot, op)
    assert steps == [] and isinstance(failed[0], Cancelled)
    assert "nothing was saved" in str(failed[0])
    assert op.presenter.dialog is None             # handed back to close


def test_work_that_must_finish_offers_no_cancel(qtbot, vault_runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gate = threading.Event()
    op = vault_runner.run(Operation(lambda v, on_progress: (on_progress(0, 1), gate.wait(5)),
                                    write=True, progress="Rotating the key…",
                                    cancellable=False, parent=parent))
    qtbot.waitUntil(lambda: op.presenter.visible, timeout=3000)
    assert op.presenter.dialog.findChild(QPushButton) is None
    op.cancel()                                    # ignored
    gate.set()
    finish(qtbot, op)
    assert not op.cancelled


def test_auto_lock_waits_while_a_write_runs_but_not_for_a_read(qtbot, vault_runner):
    lock = AutoLock(vault_runner)
    locked = []
    lock.lock_requested.connect(locked.append)
    try:
        gate = threading.Event()
        lock.arm()
        read = vault_runner.run(Operation(lambda v: gate.wait(5)))
        lock.request("on request")
        assert locked == ["on request"]            # a read never holds the lock off
        gate.set()
        finish(qtbot, read)

        gate.clear()
        lock.arm()
        write = vault_runner.run(Operation(lambda v: gate.wait(5), write=True))
        assert vault_runner.writing
        lock.request("after a period without use")
        assert locked == ["on request"]            # postponed, not dropped
        gate.set()
        qtbot.waitUntil(lambda: len(locked) == 2, timeout=5000)
        assert not write.running and not vault_runner.writing
    finally:
        lock.stop()


def test_nothing_runs_or_calls_back_after_shutdown(qtbot, vault_runner):
    gate, ran, heard = threading.Event(), [], []
    inflight = vault_runner.run(Operation(lambda v: (gate.wait(5), ran.append("first")),
                                          write=True, on_success=heard.append,
                                          on_failure=heard.append))
    threading.Timer(0.2, gate.set).start()
    vault_runner.shutdown()                        # waits for the write in hand
    assert ran == ["first"] and not inflight.running
    later = vault_runner.run(Operation(lambda v: ran.append("later"), on_success=heard.append,
                                       on_failure=heard.append))
    qtbot.wait(100)
    assert not later.started and ran == ["first"] and heard == []


def test_an_operation_runs_once(qtbot, vault_runner):
    calls = []
    op = Operation(lambda v: calls.append(1))
    vault_runner.run(op)
    vault_runner.run(op)
    finish(qtbot, op)
    qtbot.wait(50)
    assert calls == [1]


def test_the_register_reloads_only_for_changes_that_concern_it(qtbot, make_window,
                                                               filled_vault):
    from tests.ui.conftest import unlock
    window = make_window(filled_vault)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    window.runner.changed.emit(Changes(users=True, backups=True, journal=True))
    assert not window.runner.busy                  # nothing shown here changed
    window.runner.changed.emit(Changes(register=True))
    assert window.runner.busy                      # the rows are read again
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)

    ref = window.register.model.row_at(0).subject.ref
    window.register.select(ref)
    qtbot.waitUntil(lambda: window.panel.ref == ref and not window.runner.busy, timeout=5000)
    window.runner.changed.emit(Changes(subjects=frozenset({"SOMEONE-ELSE"})))
    assert not window.runner.busy                  # another subject: the panel stays
    window.runner.changed.emit(Changes(subjects=frozenset({ref})))
    assert window.runner.writing                   # the open record is read (journaled)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
