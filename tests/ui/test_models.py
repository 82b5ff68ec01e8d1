"""Every table model checked with pytest-qt's model tester, plus the
clipboard's time limit and the error presenter's rules."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from console.errors import ValidationError
from console.records.model import Flags, LogEntry, Measure, RegisterRow, Subject
from ui.clipboard import SecureClipboard
from ui.errors import ErrorPresenter, log_file
from ui.register.register_filter import RegisterFilter, RegisterProxy
from ui.register.register_model import Column, RegisterModel
from ui.subject.snapshot_model import SnapshotModel


def rows(n=30):
    out = []
    for i in range(n):
        s = Subject(i, f"CC-2026-{i:03d}", f"Person {i}", role="Officer" if i % 2 else "Nurse",
                    categories=("theft",) if i % 3 == 0 else ("bribes",), likelihood=1 + i % 5,
                    impact=1 + (i * 3) % 5, next_review=dt.date(2026, 1, 1 + i % 28))
        out.append(RegisterRow(s, ["green", "amber", "red"][i % 3],
                               Flags(unreferred=i % 4 == 0), restricted=i == 7))
    return out


def test_register_model_and_proxy(qtmodeltester):
    model = RegisterModel()
    model.set_rows(rows())
    qtmodeltester.check(model)
    proxy = RegisterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(RegisterFilter(text="nurse"))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 15
    proxy.set_filter(RegisterFilter(category="theft", needs_attention=True))
    assert proxy.rowCount() == len([i for i in range(30) if i % 3 == 0 and i % 4 == 0])
    proxy.set_filter(RegisterFilter())
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, Column.NAME).data() == "Person 9"
    assert model.index(7, 0).data() != ""
    stub = next(i for i in range(30) if model.row_at(i).restricted)
    assert model.index(stub, Column.NAME).data() == "(restricted)"
    risk = model.index(0, Column.RISK)
    assert risk.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_snapshot_model(qtmodeltester):
    m = Measure(1, 1, "protect", "moved", log=(LogEntry(1, 1, "2026-01-01T10:00", "dep", "x"),))
    model = SnapshotModel((("Type", lambda x: x.type), ("Log", lambda x: len(x.log))))
    model.set_items([m, m])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "1"


def test_clipboard_clears_itself(qtbot):
    board = SecureClipboard(clear_after_ms=50)
    board.copy("CC-2026-001")
    assert QGuiApplication.clipboard().text() == "CC-2026-001"
    with qtbot.waitSignal(board.cleared, timeout=2000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_leaves_the_users_own_copy(qtbot):
    board = SecureClipboard(clear_after_ms=50)
    board.copy("ours")
    QGuiApplication.clipboard().setText("theirs")
    board.clear_now()
    assert QGuiApplication.clipboard().text() == "theirs"


def test_errors_inline_status_and_scrubbed_crash_log(qtbot):
    bar, label = QStatusBar(), QLabel()
    qtbot.addWidget(bar)
    shown = ErrorPresenter(None, bar)
    shown.modal = False
    shown.show(ValidationError("Name cannot be empty."), inline=label)
    assert label.text() == "Name cannot be empty."
    shown.show(ValidationError("Try again."))
    assert bar.currentMessage() == "Try again."
    try:
        raise RuntimeError("Alex Smith secret note")
    except RuntimeError as exc:
        shown.show(exc)
    text = log_file().read_text()
    assert "RuntimeError" in text and "Alex Smith" not in text
    assert str(log_file()) in shown.apologies[0]
