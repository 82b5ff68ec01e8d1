"""The Qt binding itself, for the faults that would take the console down in a
long session rather than fail a feature: PySide6 6.12.0 on Python 3.11 lost
a reference to None on every call of a Qt method that returns nothing, so
after some thousands of calls the interpreter aborted with "deallocating
None". pyproject.toml keeps to a release without that fault; this test fails
if a later one brings it back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calling_qt_methods_keeps_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1_000):
        label.setText("x")          # returns nothing
        label.setToolTip("y")
    assert sys.getrefcount(None) >= before - 50
