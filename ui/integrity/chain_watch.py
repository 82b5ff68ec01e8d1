"""ChainWatch: the signed chain's verdict on a session, shown.

Rules:
- After every unlock (the runner's ``vault_opened``), once the vault thread
  is first idle (the register loaded), it reads the unlock's notices and the
  rows found disagreeing with the chain, and starts the full replay in the
  background (``console.audit.background``).
- A break, or a row disagreeing with the chain, is shown in a red banner
  across the top of the window, with a Backups… button, until the vault is
  locked; notices go to the status bar. Nothing else is a modal.
- An unlock the chain refused (entries removed since the user last signed
  in, or a broken entry) offers the backups on the unlock page, which lists
  them without opening the vault; restoring goes the usual way
  (``backup.wiring.restore``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from console.errors import ChainBroken, ChainRewound, ConsoleError
from ui.errors import ERROR_STYLE
from ui.operation import Operation

UNLOCK_FIRST = ("Unlock the vault to back it up or delete a backup; only a restore works "
                "while it is locked.")


class ChainBanner(QFrame):
    """A red strip with one or two sentences and a Backups… button."""

    backups_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chainBanner")
        self.setStyleSheet("#chainBanner { background: #fdecea; border-bottom: 2px solid "
                           "#d32f2f; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(ERROR_STYLE)
        self.text.setAccessibleName(self.tr("Audit chain problem"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long sentence wraps within the window; it never widens the window.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(240)
        self.backups_button = QPushButton(self.tr("Backups…"))
        self.backups_button.clicked.connect(self.backups_requested.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.backups_button)


class ChainWatch(QObject):
    _reported = Signal(object)       # a ChainReport, emitted from the check's thread

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.banner = ChainBanner()
        self.dock = QDockWidget(window)
        self.dock.setObjectName("chainDock")
        self.dock.setTitleBarWidget(QWidget(self.dock))
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setWidget(self.banner)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        self.dock.hide()
        self.report = None           # the last background check's report (tests read it)
        self.banner.backups_requested.connect(self._backups)
        self._reported.connect(self._checked)
        self._pending = False
        window.runner.vault_opened.connect(self._opened)
        window.runner.idle.connect(self._idle)
        window.runner.vault_closed.connect(self.clear)
        window.runner.vault_refused.connect(self.refused)
        window.unlock_page.backups_requested.connect(self._locked_backups)

    # -- after an unlock ----------------------------------------------------------------
    def _opened(self) -> None:
        """Begin once the vault thread has loaded what the window shows first
        (the register), so the check never delays that first paint."""
        self._pending = True

    def _idle(self) -> None:
        if self._pending:
            self._pending = False
            self._begin()

    def _begin(self) -> None:
        emit = self._reported.emit

        def begin(vault):
            from console.audit import background
            background.start(vault, emit)
            return list(vault.notices), [text for _seq, text in vault.findings]
        self.window.runner.run(Operation(begin, on_success=self._unlock_said,
                                         on_failure=self.window.presenter.show))

    def _unlock_said(self, said) -> None:
        notices, findings = said
        if notices:
            self.window.presenter.status(" ".join(notices))
        if findings:
            self.show_problem("Rows of this vault disagree with its signed audit chain, so "
                              "they were changed outside the console: " + " ".join(findings[:3]))

    def _checked(self, report) -> None:
        self.report = report
        if report.finished and not report.ok:
            self.show_problem(report.sentence() + " If you did not expect this, restore the "
                              "vault from a backup.")

    def show_problem(self, text: str) -> None:
        self.banner.text.setText(text)
        self.dock.show()

    def clear(self) -> None:
        self._pending = False
        self.banner.text.clear()
        self.dock.hide()

    @property
    def showing(self) -> str:
        return self.banner.text.text() if self.dock.isVisible() else ""

    # -- backups -------------------------------------------------------------------------
    def _backups(self) -> None:
        from ui.feature_dialogs import open_backups
        open_backups(self.window)

    def refused(self, exc: BaseException) -> None:
        """The unlock failed: offer the backups if the chain refused it."""
        self.window.unlock_page.offer_backups(isinstance(exc, (ChainRewound, ChainBroken)))

    def _locked_backups(self) -> None:
        """The backups of a vault the chain would not open: restore only."""
        from console.storage import snapshot
        from ui.backup.actions import BackupActions, BackupRow
        from ui.backup.backup_dialog import BackupDialog
        from ui.backup.wiring import restore

        def refuse(*_args):
            raise ConsoleError(UNLOCK_FIRST)
        folder = Path(self.window.vault_path)
        rows = [BackupRow(b, "") for b in snapshot.list_backups(folder)]
        actions = BackupActions(list_backups=lambda _none: rows, make_backup=refuse,
                                delete_backup=refuse, needs_vault=False)
        user = self.window.unlock_page.user.currentText().strip()
        request = BackupDialog.ask(self.window.runner, actions, rows, "governor", user,
                                   self.window)
        if request is not None:
            restore(self.window, request)
