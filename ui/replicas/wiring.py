"""Replicas in the main window: File › Replicas… (the governor), File › Send
changes… and File › Receive… (on a replica), and the replica banner.

``install(window)`` adds the entries and the banner; it needs only what the
main window already has (``runner``, ``presenter``, ``user``, ``locked``,
``menuBar()``, ``refresh``). After every unlock it asks the core, on the
vault thread, whether the vault is a replica: on a replica the banner shows
and Send/Receive are on; on the governor's vault Replicas… is. The core
decides who may do what; the menu only mirrors it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from ..operation import Changes, Operation
from .actions import ReplicaActions
from .replica_banner import ReplicaBanner
from .replicas_dialog import ReplicasDialog, choose_open_path, choose_save_path



class ReplicaWatch(QObject):
    """Keeps the banner and the File entries in step with the vault opened."""

    def __init__(self, window, actions: ReplicaActions | None = None):
        super().__init__(window)
        self.window = window
        self.actions = actions or ReplicaActions()
        self.status = None               # the replica's status, None on a governor's vault
        self.choose_save_path = choose_save_path     # tests replace these two
        self.choose_open_path = choose_open_path
        self.banner = ReplicaBanner()
        self.banner.send_requested.connect(self.send)
        self.banner.receive_requested.connect(self.receive)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("replicaDock")
        self.dock.setTitleBarWidget(QWidget(self.dock))
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setWidget(self.banner)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        self.dock.hide()
        self._menu_entries(window)
        self._pending = False
        window.runner.vault_opened.connect(self._opened)
        window.runner.idle.connect(self._idle)
        window.runner.vault_closed.connect(self.clear)
        window.runner.changed.connect(self._changed)

    def _menu_entries(self, window) -> None:
        file = window.menuBar().actions()[0].menu()
        lock = next((a for a in file.actions() if a.objectName() == "lock"), None)
        entries = (("replicas", QCoreApplication.translate("ReplicaMenus", "&Replicas…"), self.open_replicas,
                    QCoreApplication.translate("ReplicaMenus", "Make replicas for deputies, take in their changes, decide "
                        "conflicts")),
                   ("send_changes", QCoreApplication.translate("ReplicaMenus", "Send &changes…"), self.send,
                    QCoreApplication.translate("ReplicaMenus", "Save this replica's changes as a pack for the governor")),
                   ("receive_pack", QCoreApplication.translate("ReplicaMenus", "Recei&ve…"), self.receive,
                    QCoreApplication.translate("ReplicaMenus", "Take in the governor's update for this replica")))
        for name, text, slot, tip in entries:
            act = QAction(text, window)
            act.setObjectName(name)
            act.setStatusTip(tip)
            act.setToolTip(tip)
            act.triggered.connect(lambda _=False, s=slot: s())
            file.insertAction(lock, act)
            setattr(window, f"act_{name}", act)
        file.insertSeparator(lock)
        file.aboutToShow.connect(self.follow)
        self.follow()

    # -- after an unlock ----------------------------------------------------------------
    def _opened(self) -> None:
        self._pending = True

    def _idle(self) -> None:
        if self._pending:
            self._pending = False
            self.reload()

    def _changed(self, changes: Changes) -> None:
        if self.status is not None and (changes.register or changes.subjects):
            self.reload()

    def reload(self) -> None:
        self.window.runner.run(Operation(self.actions.status, on_success=self.show,
                                         on_failure=lambda _exc: self.clear()))

    def show(self, status) -> None:
        self.status = status
        if status is None:
            self.dock.hide()
        else:
            me = self.window.user
            self.banner.show_status(status, getattr(self.window, "establishment", ""),
                                    me.display_name if me is not None else "")
            self.dock.show()
        self.follow()

    def clear(self) -> None:
        self._pending = False
        self.status = None
        self.dock.hide()
        self.follow()

    def follow(self) -> None:
        w = self.window
        open_ = bool(w.user) and not w.locked
        governor = open_ and w.user.role == "governor" and self.status is None
        w.act_replicas.setEnabled(governor)
        w.act_replicas.setToolTip(w.act_replicas.statusTip() if governor else QCoreApplication.translate("ReplicaMenus", 
            self.tr("Only the governor, on the governor's own vault, can make replicas or take in "
            "their changes.")))
        on_replica = open_ and self.status is not None
        for act in (w.act_send_changes, w.act_receive_pack):
            act.setVisible(on_replica)
            act.setEnabled(on_replica)

    # -- actions ------------------------------------------------------------------------
    def open_replicas(self) -> None:
        ReplicasDialog.open_async(self.window.runner, self.actions, self.window)

    def send(self) -> None:
        if self.status is None:
            return
        out = self.choose_save_path(self.window, QCoreApplication.translate("ReplicaMenus", "Save your changes for the governor"),
                                    f"changes-{self.status.user}.gcpack")
        if out is None:
            return
        send = self.actions.send
        self.window.runner.run(Operation(
            lambda v, p: send(v, out, None, p), write=True, cancellable=False,
            progress=QCoreApplication.translate("ReplicaMenus", "Saving your changes…"), parent=self.window,
            message=lambda r: QCoreApplication.translate("ReplicaMenus", "Change pack %1 saved with %2 change(s); give it to the "
                                  "governor.").replace("%1", str(r.pack_no)).replace(
                                      "%2", str(r.operations)),
            on_success=lambda _r: self.reload()))

    def receive(self) -> None:
        if self.status is None:
            return
        path = self.choose_open_path(self.window, QCoreApplication.translate("ReplicaMenus", "Receive the governor's update"))
        if path is None:
            return
        receive = self.actions.receive

        def done(got) -> None:
            self.window.refresh()
            self.reload()
        self.window.runner.run(Operation(
            lambda v, p: receive(v, path, p), write=True, cancellable=False,
            progress=QCoreApplication.translate("ReplicaMenus", "Taking in the update…"), parent=self.window,
            changes=Changes(register=True, dashboard=True, users=True, settings=True,
                            backups=True),
            message=lambda got: QCoreApplication.translate("ReplicaMenus", "Already applied.") if got.already else QCoreApplication.translate("ReplicaMenus", 
                "Update %1 applied: the replica now holds what the governor's vault holds "
                "for you.").replace("%1", str(got.refreshed.update_no)),
            on_success=done, on_failure=lambda exc: self.window.presenter.show(exc)))


def install(window) -> ReplicaWatch:
    """Add the replica entries and banner to ``window``."""
    watch = ReplicaWatch(window)
    window.replica_watch = watch
    return watch

