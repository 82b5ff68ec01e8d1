"""ReviewQueueWidget: records due for retention review (DPA 2018 s.39), each
needing a decision: retain (with a reason and the next review date) or erase
(after a confirmation that names the consequence). A legal hold is shown on
the row and blocks erasure; the governor places or lifts it here.

Data comes in as a ``console.lawful.retention.ReviewQueueView``; every
action runs a core call from ``ReviewActions`` as an operation on ``runner``,
announcing that the subject and the review queue changed; the queue reloads
whenever an operation says so. A record leaves the queue only when a
decision is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QDate, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.lawful import retention
from console.lawful.retention import ReviewQueueView
from console.text import shown
from ui.errors import error_label, sentence
from ui.operation import Changes, Operation

from ..tables import readonly_rows
from .decision_dialogs import ConfirmErasure, HoldPrompt
from .models import ROW_ROLE, SORT_ROLE, ReviewQueueModel


@dataclass(frozen=True)
class ReviewActions:
    """The core calls the queue runs on the vault thread, each taking the vault first."""
    load: Callable[..., ReviewQueueView] = retention.review_view                 # (vault)
    retain: Callable[..., Any] = retention.retain                # (vault, ref, reason, when)
    erase: Callable[..., Any] = retention.erase                        # (vault, ref, reason)
    set_hold: Callable[..., Any] = retention.set_legal_hold        # (vault, ref, on, reason)


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class ReviewQueueWidget(QWidget):
    def __init__(self, view: ReviewQueueView, runner, actions: ReviewActions | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Retention review queue"))
        self.runner = runner
        self._actions = actions or ReviewActions()
        self._months = {}
        self._running: list[Operation] = []
        runner.changed.connect(self._on_changes)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = ReviewQueueModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Records due for review"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        readonly_rows(self.table, row_padding=10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.footer = QLabel(self)
        self.footer.setWordWrap(True)

        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.summary)
        left_lay.addWidget(self.table, 1)
        left_lay.addWidget(self.footer)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self._decision_panel())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([790, 350])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        for button in (self.retain_button, self.erase_button, self.hold_button):
            button.setAutoDefault(False)    # Enter in a reason acts on that reason only
        self.set_view(view)

    # -- layout ------------------------------------------------------------------------
    def _decision_panel(self) -> QWidget:
        panel = QWidget(self)
        self.heading = QLabel(panel)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.details = QLabel(panel)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        retain_box = QGroupBox(self.tr("Retain"), panel)
        self.retain_reason = QLineEdit(retain_box)
        self.retain_reason.setAccessibleName(self.tr("Reason for keeping the record"))
        self.retain_reason.setPlaceholderText(self.tr("e.g. investigation still live"))
        self.next_review = QDateEdit(retain_box)
        self.next_review.setAccessibleName(self.tr("Next review date"))
        self.next_review.setCalendarPopup(True)
        self.next_review.setDisplayFormat("yyyy-MM-dd")
        # A real day even with no record chosen (never Qt's 2000-01-01).
        self.next_review.setMinimumDate(QDate.currentDate().addDays(1))
        self.next_review.setMaximumDate(QDate.currentDate().addYears(10))
        self.next_review.setDate(QDate.currentDate().addYears(1))
        self.retain_button = QPushButton(self.tr("&Retain"), retain_box)
        self.retain_button.setAccessibleName(self.tr("Retain the record"))
        self.retain_button.clicked.connect(self.retain)
        form = QFormLayout(retain_box)
        for text, widget in (("Rea&son:", self.retain_reason),
                             ("&Next review:", self.next_review)):
            label = QLabel(text, retain_box)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", _right(self.retain_button))

        erase_box = QGroupBox(self.tr("Erase"), panel)
        self.erase_reason = QLineEdit(erase_box)
        self.erase_reason.setAccessibleName(self.tr("Reason for erasure"))
        self.erase_reason.setPlaceholderText(self.tr("Kept after erasure: use the reference, no names"))
        self.erase_button = QPushButton(self.tr("&Erase…"), erase_box)
        self.erase_button.setAccessibleName(self.tr("Erase the record"))
        self.erase_button.clicked.connect(self.erase)
        self.retain_reason.returnPressed.connect(self.retain)
        self.erase_reason.returnPressed.connect(self.erase)
        eform = QFormLayout(erase_box)
        label = QLabel(self.tr("Reas&on:"), erase_box)
        label.setBuddy(self.erase_reason)
        eform.addRow(label, self.erase_reason)
        eform.addRow("", _right(self.erase_button))

        self.hold_button = QPushButton(panel)
        self.hold_button.clicked.connect(self.toggle_hold)
        self.error_label = error_label(panel)
        hold_row = QHBoxLayout()
        hold_row.addWidget(self.hold_button)
        hold_row.addStretch(1)
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(6, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.details)
        lay.addWidget(retain_box)
        lay.addWidget(erase_box)
        lay.addLayout(hold_row)
        lay.addWidget(self.error_label)
        lay.addStretch(1)
        self.decision_boxes = (retain_box, erase_box)
        return panel

    # -- data --------------------------------------------------------------------------
    def set_view(self, view: ReviewQueueView) -> None:
        keep = self.current_ref()
        self._months = {k: m for k, _label, m in view.defaults}
        self.model.set_rows(view.items)
        due = sum(1 for i in view.items if i.days_overdue >= 0)
        soon = len(view.items) - due
        self.summary.setText(
            f"{_plural(due, 'record')} due for review now"
            + (f" and {soon} more within 30 days" if soon else "") + self.tr(". Each needs a "
            "decision: retain with a reason and a next review date, or erase.")
            if view.items else self.tr("No record is due for review. Nothing needs a decision."))
        self.summary.setToolTip(self.tr("Review dates follow these defaults until a decision sets "
                                "one: ") + "; ".join(f"{label} {m} months"
                                                    for _k, label, m in view.defaults))
        notes = [f"{_plural(view.erased, 'record')} erased so far (tombstones kept in the "
                 "audit chain)."]
        if view.backups_to_delete:
            notes.append(f"{_plural(len(view.backups_to_delete), 'backup')} should be "
                         "deleted: " + "; ".join(f"{b.path.name} ({b.reason})"
                                                 for b in view.backups_to_delete[:3]))
        self.footer.setText(" ".join(notes))
        if not (keep and self.select(keep)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_current()

    def select(self, ref: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() == ref:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def current_item(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(self.proxy.mapToSource(index), ROW_ROLE)

    def current_ref(self) -> str:
        item = self.current_item()
        return item.ref if item else ""

    def _show_current(self) -> None:
        item = self.current_item()
        self.error_label.hide()
        if item is None:
            self.heading.setText(self.tr("No record chosen"))
            self.details.setText("")
        else:
            p = item.processing
            self.heading.setText(shown(f"{item.ref} · {item.name}", one_line=True))
            lines = [f"Status: {item.status_label}", f"Basis: {p.basis_label}",
                     f"Data subject: {p.category_label}",
                     f"Retention class: {p.class_label}; review due {p.review_on.isoformat()}"
                     + (" (by decision)" if p.review_source == "decision" else
                        " (by default)"),
                     "Last decision: " + (item.last_decision or "none yet")]
            if p.legal_hold:
                lines.append(f"Legal hold: {p.hold_reason or 'no reason given'}. "
                             "Erasure is blocked while it stands.")
            self.details.setText(shown("\n".join(lines)))
            months = self._months.get(p.retention_class, 12)
            self.next_review.setMinimumDate(QDate.currentDate().addDays(1))
            self.next_review.setMaximumDate(QDate.currentDate().addYears(10))
            self.next_review.setDate(QDate.currentDate().addMonths(months))
        self.retain_reason.clear()
        self.erase_reason.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        idle = not self.busy
        for box in self.decision_boxes:
            box.setEnabled(item is not None and idle)
        held = bool(item and item.processing.legal_hold)
        self.erase_button.setEnabled(item is not None and idle and not held)
        self.erase_button.setToolTip(
            self.tr("This record is under legal hold, so it cannot be erased; lift the hold first.")
            if held else self.tr("Erase the record for good, leaving only a tombstone."))
        self.hold_button.setEnabled(item is not None and idle)
        self.hold_button.setText(self.tr("&Lift legal hold…") if held else self.tr("Place legal &hold…"))
        self.hold_button.setAccessibleName(self.tr("Lift legal hold") if held else self.tr("Place legal hold"))

    # -- decisions ---------------------------------------------------------------------
    def _problem(self, message: str, focus: QWidget) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        focus.setFocus()

    def retain(self) -> None:
        item = self.current_item()
        reason = self.retain_reason.text().strip()
        if item is None:
            return
        if not reason:
            self._problem("Give the reason for keeping the record.", self.retain_reason)
            return
        when, retain = self.next_review.date().toPython(), self._actions.retain
        self._run(lambda v: retain(v, item.ref, reason, when), item.ref,
                  f"{item.ref} retained; next review {when.isoformat()}.")

    def erase(self) -> None:
        item = self.current_item()
        reason = self.erase_reason.text().strip()
        if item is None:
            return
        if item.processing.legal_hold:
            self._problem("This record is under legal hold, so it cannot be erased; lift the "
                          "hold first.", self.hold_button)
            return
        if not reason:
            self._problem("Give the reason for erasure; it is kept in the audit chain.",
                          self.erase_reason)
            return
        if not ConfirmErasure.ask(self, item.ref):
            return
        erase = self._actions.erase
        # An erasure also flags the backups that still hold the record.
        self._run(lambda v: erase(v, item.ref, reason), item.ref,
                  f"{item.ref} erased; a tombstone is kept in the audit chain.", backups=True)

    def toggle_hold(self) -> None:
        item = self.current_item()
        if item is None:
            return
        placing = not item.processing.legal_hold
        reason = HoldPrompt.ask(self, item.ref, placing)
        if reason is None:
            return
        set_hold = self._actions.set_hold
        self._run(lambda v: set_hold(v, item.ref, placing, reason), item.ref,
                  f"Legal hold {'placed on' if placing else 'lifted from'} {item.ref}.")

    def _run(self, call, ref: str, message: str, backups: bool = False) -> None:
        self.error_label.hide()
        self._start(call, write=True, message=message,
                    changes=Changes.subject(ref, retention=True, backups=backups),
                    on_failure=lambda exc: self._problem(sentence(exc), self.table))

    def _on_changes(self, changes: Changes) -> None:
        if changes.retention:
            self.reload()

    def reload(self) -> None:
        self._start(self._actions.load, on_success=self.set_view,
                    on_failure=lambda exc: self._problem(sentence(exc), self.table))

    def _start(self, call, **options) -> None:
        op = Operation(call, parent=self, on_finished=self._update_buttons, **options)
        self._running = [o for o in self._running if o.running] + [self.runner.run(op)]
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return any(op.running for op in self._running)
