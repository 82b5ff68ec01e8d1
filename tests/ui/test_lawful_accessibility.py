"""Every control in the lawful-handling widgets can be reached and named by
assistive technology: each input has an accessible name, each table a name,
and each can take keyboard focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
)

from console.records.access import Restriction
from console.records.journal import JournalView
from console.storage.accounts import User
from tests.ui.test_lawful_review_queue import Calls, _item, _view
from ui.lawful import (
    AccessPackDialog,
    JournalWidget,
    ReasonPrompt,
    RestrictionDialog,
    ReviewQueueWidget,
)
from ui.lawful.decision_dialogs import ConfirmErasure, HoldPrompt, WithholdPrompt
from ui.runner import Runner

INPUTS = (QLineEdit, QComboBox, QDateEdit, QAbstractItemView, QPlainTextEdit)


def _make(kind, runner):
    if kind == "queue":
        return ReviewQueueWidget(_view(_item("R-1", "A", 3)), runner, Calls(_view()).actions())
    if kind == "journal":
        return JournalWidget(JournalView((), ("governor",)), runner, lambda v, p, f: None)
    if kind == "reason":
        return ReasonPrompt()
    if kind == "restrict":
        return RestrictionDialog(Restriction("R-1", False),
                                 [User("governor", "G", "governor")], runner)
    if kind == "pack":
        return AccessPackDialog([], runner, lambda *a: None, lambda *a: None)
    if kind == "erase":
        return ConfirmErasure("R-1")
    if kind == "hold":
        return HoldPrompt("R-1", True)
    return WithholdPrompt("Item")


@pytest.mark.parametrize("kind", ["queue", "journal", "reason", "restrict", "pack", "erase",
                                  "hold", "withhold"])
def test_inputs_are_named_and_focusable(qtbot, kind):
    runner = Runner()                    # nothing runs: no vault is needed
    widget = _make(kind, runner)
    qtbot.addWidget(widget)
    runner.shutdown()
    from PySide6.QtWidgets import QWidget
    controls = [w for w in widget.findChildren(QWidget) if isinstance(w, INPUTS)]
    assert controls
    for control in controls:
        if _inside_an_input(control, widget):
            continue                     # a date edit's inner line edit, a combo's popup
        assert control.accessibleName(), f"{type(control).__name__} has no accessible name"
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.text():
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def _inside_an_input(control, top) -> bool:
    parent = control.parent()
    while parent is not None and parent is not top:
        if isinstance(parent, INPUTS):
            return True
        parent = parent.parent()
    return False
