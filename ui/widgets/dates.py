"""The one date field of the desktop console: a day picked from a calendar.

``DateField`` is a ``QDateEdit`` with its calendar popup, written YYYY-MM-DD
as the core and the briefings write dates. An optional date has a checkbox
before it (as KeePassXC's "Expires"): unticked, the date is not set, the
field is disabled and reads "Not set", never a placeholder day. A field
that ``warns_past`` says so under itself when the day chosen has already
passed (a review date in the past is overdue at once); it warns, it never
refuses. The calendar offers only the days the core accepts (from 1900 to
ten years ahead, ``console.records.fields``), "today" being the core's
(``console.clock.today``, the UTC date); the core checks every date again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console import clock
from console.records import fields

FORMAT = "yyyy-MM-dd"
# A QDateEdit cannot be empty: its lowest day, the one before the first the
# core accepts, stands for "not set" and shows the special text instead
# (Qt's own idiom), while the box is unticked.
NOT_SET = QDate(fields.EARLIEST - dt.timedelta(days=1))


translate = QCoreApplication.translate


class DateField(QWidget):
    """A calendar date, optional or not, with an inline warning for past days."""

    changed = Signal()

    def __init__(self, value: dt.date | None = None, *, optional: bool = False,
                 suggest: dt.date | None = None, warns_past: bool = False,
                 latest: dt.date | None = None, accessible_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        self.warns_past = warns_past
        self._suggest = suggest
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(FORMAT)
        self.edit.setMinimumDate(NOT_SET)
        self.edit.setMaximumDate(QDate(min(latest or fields.latest_day(),
                                           fields.latest_day())))
        self.edit.setSpecialValueText(translate("DateField", "Not set"))
        self.edit.calendarWidget().setGridVisible(True)
        self.set_box = QCheckBox(self) if optional else None
        self.warning = QLabel(self)
        self.warning.setObjectName("dateWarning")
        self.warning.setStyleSheet("color: #9a5b00;")
        self.warning.setWordWrap(True)
        self.warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if self.set_box is not None:
            row.addWidget(self.set_box)
            self.set_box.toggled.connect(self._ticked)
        row.addWidget(self.edit)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.warning)
        self.setFocusProxy(self.set_box if self.set_box is not None else self.edit)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.edit.dateChanged.connect(self._date_changed)
        self.set_value(value)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - as QWidget's
        """Name the date box, and the tick box after it ("Set next review")."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        if self.set_box is not None:
            self.set_box.setAccessibleName(
                translate("DateField", "Set %1").replace("%1", name.lower()))
            self.set_box.setToolTip(
                translate("DateField", "Tick to set a date; untick to leave it unset."))

    # -- value --------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        if self.set_box is not None and not self.set_box.isChecked():
            return None
        day = self.edit.date()
        return None if day == NOT_SET else day.toPython()

    def set_value(self, value: dt.date | None) -> None:
        if value is None and not self.optional:
            value = self._suggest or clock.today()
        if self.set_box is not None:
            self.set_box.blockSignals(True)
            self.set_box.setChecked(value is not None)
            self.set_box.blockSignals(False)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(QDate(value) if value is not None else NOT_SET)
        self._check()

    def _ticked(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.date() == NOT_SET:
            self.edit.setDate(QDate(self._suggest or clock.today()))
        elif not on:
            self.edit.setDate(NOT_SET)
        if on:
            self.edit.setFocus()
        self._check()
        self.changed.emit()

    def _date_changed(self, _day) -> None:
        self._check()
        self.changed.emit()

    # -- warning ------------------------------------------------------------------------
    def _check(self) -> None:
        day = self.value()
        past = self.warns_past and day is not None and day < clock.today()
        self.warning.setText(translate("DateField", "This day has already passed, so it will "
                                                 "show as overdue at once.") if past else "")
        self.warning.setVisible(past)

    @property
    def in_past(self) -> bool:
        day = self.value()
        return day is not None and day < clock.today()
