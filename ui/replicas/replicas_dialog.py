"""ReplicasDialog: File › Replicas… for the governor.

Lists every replica made (for whom, the last update sent, the last change
pack received, how many operations were taken in, how many proposals wait)
and the proposals that wait for a decision. "Make a replica…" asks for whom
and where to save the pack; "Make an update…" writes the update for the
chosen replica's user; "Receive changes…" takes in a change pack and says
what happened to each operation; "Take it on" and "Set aside" decide the
chosen proposal.

Every action runs a core call from ``ReplicaActions`` as an operation on
``runner`` (progress shown when slow); the dialog never touches the vault.
Choosers are attributes so tests can replace them. Errors are the core's
one sentence, shown inline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.errors import ERROR_STYLE, sentence
from ui.operation import Changes, Operation

from ..tables import readonly_rows
from .actions import ReplicaActions, ReplicasView
from .replicas_model import DecisionsModel, ReplicasModel

OK_STYLE = "color: #1b5e20;"
PACKS = "Governor's Console packs (*.gcpack)"


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def choose_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(_documents() / suggested), PACKS)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == ".gcpack" else path.with_name(path.name + ".gcpack")


def choose_open_path(parent: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(_documents()), PACKS)
    return Path(name) if name else None


def choose_user(parent: QWidget, users) -> str | None:
    name, ok = QInputDialog.getItem(parent, parent.tr("Make a replica"),
                                    parent.tr("For which deputy or viewer?"), list(users), 0,
                                    False)
    return name if ok and name else None


class ReplicasDialog(QDialog):
    def __init__(self, runner, view: ReplicasView | None = None,
                 actions: ReplicaActions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Replicas"))
        self.setAccessibleName(self.tr("Replicas"))
        self.runner = runner
        self.actions = actions or ReplicaActions()
        self.view_data = view or ReplicasView()
        self.choose_save_path = choose_save_path     # tests replace these three
        self.choose_open_path = choose_open_path
        self.choose_user = choose_user
        self.operation: Operation | None = None

        intro = QLabel(self.tr(
            "Deputies' laptops carry replicas: the records each person may see, encrypted "
            "to them. Their changes come back as change packs, checked and signed into the "
            "chain here; send each replica an update after taking its changes in."), self)
        intro.setWordWrap(True)
        self.replicas = ReplicasModel((), self)
        self.table = readonly_rows(QTableView(self))
        self.table.setModel(self.replicas)
        self.table.setAccessibleName(self.tr("Replicas made"))
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.make_button = QPushButton(self.tr("&Make a replica…"), self)
        self.make_button.clicked.connect(self.make_replica)
        self.update_button = QPushButton(self.tr("Make an &update…"), self)
        self.update_button.clicked.connect(self.make_update)
        self.receive_button = QPushButton(self.tr("&Receive changes…"), self)
        self.receive_button.clicked.connect(self.receive)
        side = QVBoxLayout()
        for b in (self.make_button, self.update_button, self.receive_button):
            side.addWidget(b)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)

        self.decisions_label = QLabel(self)
        self.decisions = DecisionsModel((), self)
        self.decision_table = readonly_rows(QTableView(self))
        self.decision_table.setModel(self.decisions)
        self.decision_table.setAccessibleName(self.tr("Needs a decision"))
        header = self.decision_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("&Take it on"), self)
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.dismiss_button = QPushButton(self.tr("&Set aside"), self)
        self.dismiss_button.clicked.connect(lambda: self.decide(False))
        dside = QVBoxLayout()
        dside.addWidget(self.accept_button)
        dside.addWidget(self.dismiss_button)
        dside.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.decision_table, 1)
        bottom.addLayout(dside)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top, 2)
        layout.addWidget(self.decisions_label)
        layout.addLayout(bottom, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1040, 540)
        for v in (self.table, self.decision_table):
            v.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_view(self.view_data)

    # -- state --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _selected(self, view: QTableView, model):
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def selected_replica(self):
        return self._selected(self.table, self.replicas)

    def selected_decision(self):
        return self._selected(self.decision_table, self.decisions)

    def show_view(self, view: ReplicasView) -> None:
        self.view_data = view
        self.replicas.set_rows(view.replicas)
        self.decisions.set_rows(view.decisions)
        n = len(view.decisions)
        self.decisions_label.setText(
            self.tr("Needs a decision: %n proposed change(s) met a measure that had moved on "
                    "since the replica's copy; nothing was overwritten.", "", n) if n else
            self.tr("Needs a decision: nothing waits."))
        self._update_buttons()

    def _update_buttons(self, *args) -> None:
        idle = not self.busy
        self.make_button.setEnabled(idle and bool(self.view_data.users))
        self.update_button.setEnabled(idle and self.selected_replica() is not None)
        self.receive_button.setEnabled(idle)
        chosen = self.selected_decision() is not None
        self.accept_button.setEnabled(idle and chosen)
        self.dismiss_button.setEnabled(idle and chosen)

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setVisible(True)

    # -- actions ------------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.run(Operation(self.actions.load, parent=self, on_success=self.show_view,
                                  on_failure=lambda exc: self._show(sentence(exc), True)))

    def _run(self, call, label: str, said, changes: Changes = Changes()) -> None:
        def done(result):
            self._show(said(result))
            self.reload()
        self.operation = self.runner.run(Operation(
            call, write=True, progress=label, cancellable=False, parent=self, changes=changes,
            on_success=done, on_failure=lambda exc: self._show(sentence(exc), True),
            on_finished=self._update_buttons))
        self._update_buttons()

    def make_replica(self) -> None:
        user = self.choose_user(self, self.view_data.users)
        if not user:
            return
        out = self.choose_save_path(self, self.tr("Save the replica pack"),
                                    f"replica-{user}.gcpack")
        if out is None:
            return
        create = self.actions.create
        self._run(lambda v, p: create(v, user, out, p), self.tr("Making the replica…"),
                  lambda r: self.tr("Replica for %1 saved to %2. It opens only with their "
                                    "passphrase; carry it on an encrypted stick or send it by "
                                    "secure email.").replace("%1", r.user).replace(
                                        "%2", str(out)))

    def make_update(self) -> None:
        chosen = self.selected_replica()
        if chosen is None:
            return
        out = self.choose_save_path(self, self.tr("Save the update"),
                                    f"update-{chosen.user}.gcpack")
        if out is None:
            return
        update = self.actions.update
        self._run(lambda v, p: update(v, chosen.user, out, p), self.tr("Making the update…"),
                  lambda r: self.tr("Update %1 for %2 saved to %3.").replace(
                      "%1", str(r.update_no)).replace("%2", r.user).replace("%3", str(out)))

    def receive(self) -> None:
        path = self.choose_open_path(self, self.tr("Receive a change pack"))
        if path is None:
            return
        receive = self.actions.receive
        self._run(lambda v, p: receive(v, path, p), self.tr("Taking the changes in…"),
                  self._received, Changes(register=True, dashboard=True))

    def _received(self, got) -> str:
        t = got.taken
        if t.already:
            return self.tr("Already applied: nothing in this pack was new.")
        counts: dict[str, int] = {}
        for o in t.outcomes:
            counts[o.outcome] = counts.get(o.outcome, 0) + 1
        text = "; ".join(f"{n} {what}" for what, n in counts.items()) or self.tr("nothing")
        reasons = sorted({o.reason for o in t.outcomes if o.reason})
        return self.tr("Change pack %1 from %2: %3.").replace("%1", str(t.pack_no)).replace(
            "%2", t.user).replace("%3", text) + (" " + " ".join(reasons[:2]) if reasons else "")

    def decide(self, accept: bool) -> None:
        chosen = self.selected_decision()
        if chosen is None:
            return
        decide = self.actions.decide
        self._run(lambda v, _p: decide(v, chosen.id, accept), self.tr("Recording the decision…"),
                  lambda _r: self.tr("The proposal was taken on.") if accept else
                  self.tr("The proposal was set aside."),
                  Changes.subject(chosen.ref))

    @classmethod
    def open_async(cls, runner, actions: ReplicaActions | None = None,
                   parent: QWidget | None = None) -> None:
        """Load the view on the vault thread, then show the dialog."""
        actions = actions or ReplicaActions()

        def show(view):
            dialog = cls(runner, view, actions, parent)
            dialog.exec()
            dialog.deleteLater()
        runner.run(Operation(actions.load, on_success=show))
