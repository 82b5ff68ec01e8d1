"""ConflictBarsDialog: Tools › Conflict bars…, the governor reviews the
conflict-of-interest bars and lifts one with a reason.

A bar is what ``console.records.conflicts.bars`` returns: a record's
reference, the user whose staff number it carries, and whether a governor
has lifted it. The dialog shows exactly that, with the users' display names
from the users list: never a record's name, which a sealed record or a
barred governor may not see. The core has no date for a bar, so none is
shown.

Lifting asks for the reason (required, kept in the chain), then confirms
naming the user and the record, then runs ``conflicts.lift`` as an
operation on ``runner``; the list reloads whenever an operation says the
bars changed. The role check is the core's: a role that may not review bars
sees Lift disabled with the core's reason, and a refusal from the core is
shown in one sentence under the list. The dialog never touches the vault.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.audit import roles
from console.records import conflicts, users
from console.records.conflicts import Bar
from ui.errors import ERROR_STYLE, sentence
from ui.operation import Changes, Operation

from ..table_model import Column, TableModel
from ..tables import readonly_rows
from .lift_prompt import LiftBarPrompt, bar_who, confirm_lift

translate = QCoreApplication.translate


@dataclass(frozen=True)
class BarsView:
    """What the dialog shows: the bars, and display names by sign-in name."""
    bars: tuple[Bar, ...] = ()
    names: dict[str, str] = field(default_factory=dict)


def read_bars(vault) -> BarsView:
    """The bars and the users' display names (vault thread)."""
    found = conflicts.bars(vault)
    names = {u.name: u.display_name for u in users.list_users(vault, include_removed=True)}
    return BarsView(tuple(found), names)


@dataclass(frozen=True)
class BarActions:
    read: Callable[..., BarsView] = read_bars        # (vault)
    lift: Callable[..., Bar] = conflicts.lift        # (vault, ref, user, reason)


def lifted_changes(ref: str) -> Changes:
    """A lift may open the record to whoever was barred, the governor included."""
    return Changes.subject(ref, conflicts=True)


class BarsModel(TableModel):
    def __init__(self, view: BarsView, parent=None):
        super().__init__(view.bars, parent, (
            Column(translate("ConflictBars", "Record"), lambda b: b.ref),
            Column(translate("ConflictBars", "User barred"), lambda b: bar_who(b, self.names)),
            Column(translate("ConflictBars", "State"),
                   lambda b: (translate("ConflictBars", "Lifted after review") if b.lifted
                              else translate("ConflictBars", "Barred")))))
        self.names = dict(view.names)

    def set_view(self, view: BarsView) -> None:
        self.names = dict(view.names)
        self.set_rows(view.bars)


class ConflictBarsDialog(QDialog):
    def __init__(self, runner, view: BarsView = BarsView(), actions: BarActions | None = None,
                 role: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        title = self.tr("Conflict bars")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.runner = runner
        self.actions = actions or BarActions()
        self.role = role
        self.ask_reason = LiftBarPrompt.ask          # tests replace these
        self.confirm = confirm_lift
        self.operation: Operation | None = None
        self._reads: list[Operation] = []
        self._draft = ""                             # a reason kept through a refusal
        runner.changed.connect(self._on_changes)

        intro = QLabel(self.tr("A user whose staff number a subject carries is barred from "
                               "that record. Lift a bar only after checking the match, for "
                               "instance with HR."), self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("How many bars are in force"))
        self.model = BarsModel(view, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Conflict-of-interest bars"))
        readonly_rows(self.view)
        header = self.view.horizontalHeader()
        for column, mode in ((0, QHeaderView.ResizeMode.ResizeToContents),
                             (1, QHeaderView.ResizeMode.Stretch),
                             (2, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.empty = QLabel(self.tr("Nobody is barred: no subject carries the staff number "
                                    "of a user of the console."), self)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No conflict bars"))
        self.lift_button = QPushButton(self.tr("&Lift bar…"), self)
        self.lift_button.clicked.connect(self.lift)
        side = QVBoxLayout()
        side.addWidget(self.lift_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addWidget(self.empty, 1)
        row.addLayout(side)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.summary)
        lay.addLayout(row, 1)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(700, 400)
        self._shown()

    # -- what is shown ---------------------------------------------------------
    def selected_bar(self) -> Bar | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, ref: str, user: str) -> None:
        for n, b in enumerate(self.model.rows()):
            if (b.ref, b.user) == (ref, user):
                self.view.selectRow(n)
                return

    def _shown(self) -> None:
        bars = self.model.rows()
        barred = sum(1 for b in bars if not b.lifted)
        self.summary.setText(self.tr("%n bar(s) in force", "", barred))
        self.view.setVisible(bool(bars))
        self.empty.setVisible(not bars)
        if bars and not self.selected_bar():
            first = next((n for n, b in enumerate(bars) if not b.lifted), 0)
            self.view.selectRow(first)
        (self.view if bars else self.close_button).setFocus()
        self._update()

    def _update(self, *_args) -> None:
        bar = self.selected_bar()
        may = self.role is None or roles.allowed(self.role, "review_conflict")
        self.lift_button.setEnabled(may and not self.busy and bar is not None
                                    and not bar.lifted)
        if not may:
            why = roles.why_not(self.role, "review_conflict")
        elif bar is not None and bar.lifted:
            why = self.tr("This bar was lifted already.")
        elif bar is None:
            why = self.tr("Choose a bar in the list.")
        else:
            why = self.tr("Lift this bar after review, with a reason kept in the audit chain")
        self.lift_button.setToolTip(why)
        self.lift_button.setStatusTip(why)

    def _show(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.show()

    # -- lifting ---------------------------------------------------------------
    def lift(self) -> None:
        """Ask the reason, confirm, then ask the core (which refuses a role
        that may not lift bars)."""
        bar = self.selected_bar()
        if bar is None or bar.lifted or self.busy:
            return
        who = bar_who(bar, self.model.names)
        reason = self.ask_reason(self, bar, who, self._draft)
        if reason is None:
            return
        self._draft = reason
        if not self.confirm(self, bar, who, reason):
            return
        lift = self.actions.lift
        done = (self.tr("The bar on %1 for %2 is lifted; the reason is kept in the audit "
                        "chain.").replace("%1", who).replace("%2", bar.ref))
        self.operation = self.runner.run(Operation(
            lambda vault: lift(vault, bar.ref, bar.user, reason), write=True,
            changes=lifted_changes(bar.ref), message=done, parent=self,
            on_success=lambda _r: self._lifted(done),
            on_failure=lambda exc: self._show(sentence(exc), error=True),
            on_finished=self._update))
        self._update()

    def _lifted(self, done: str) -> None:
        self._draft = ""
        self._show(done)

    # -- running ---------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    @property
    def pending(self) -> bool:
        return self.busy or any(op.running for op in self._reads)

    def _on_changes(self, changes: Changes) -> None:
        if changes.conflicts or changes.users:
            self.refresh()

    def refresh(self) -> None:
        kept = self.selected_bar()

        def loaded(view: BarsView) -> None:
            self.model.set_view(view)
            if kept is not None:
                self.select(kept.ref, kept.user)
            self._shown()
        op = Operation(self.actions.read, parent=self, on_success=loaded,
                       on_failure=lambda exc: self._show(sentence(exc), error=True))
        self._reads = [r for r in self._reads if r.running] + [self.runner.run(op)]

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    @classmethod
    def ask(cls, runner, view: BarsView, actions: BarActions | None = None,
            role: str | None = None, parent: QWidget | None = None) -> None:
        dialog = cls(runner, view, actions, role, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
