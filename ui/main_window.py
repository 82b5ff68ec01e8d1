"""The main window. It only assembles: menus and shortcuts, toolbar, status
bar, and a stack of two pages (unlock, workspace). Features live in their
own widgets and modules; all work runs as operations on the runner (the vault
thread), whose announcements (what changed, success, unhandled failure) the
window routes to the views and the status bar.

Locking drops the key (the vault is closed on its thread), every decrypted
model and the undo state, clears the clipboard if the console filled it, and
hides open edit dialogs with their text kept in memory until the next unlock.

Start-up paints the unlock page first: it needs only the user names from the
key slots. The workspace (register, subject panel, dashboard, menus, and the
core services behind them) is built by ``build_workspace()``, straight away
by default, or just after the unlock page's first paint when the window is
made with ``defer_workspace=True`` (as ``ui.app.run`` does). Browsing the
register lives in ``register.browser``; the dashboard is loaded only while
its tab is shown, so unlocking paints the register without waiting for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget

from console.audit.roles import ROLES
from console.errors import ConsoleError, WrongPassphrase
from console.text import shown

from .clipboard import SecureClipboard
from .errors import ErrorPresenter
from .first_paint import AfterFirstPaint
from .operation import Operation
from .runner import Runner
from .settings import Settings
from .unlock.unlock_page import UnlockPage


class MainWindow(QMainWindow):
    def __init__(self, vault_path: Path, runner: Runner | None = None,
                 settings: Settings | None = None, *, defer_workspace: bool = False):
        super().__init__()
        self.vault_path = Path(vault_path)
        self.settings = settings or Settings()
        self.runner = runner or Runner(self)
        self.clipboard = SecureClipboard(self)
        self.clipboard.enabled = self.settings.get("desktop/clear_clipboard")
        self.user = None
        self.establishment = ""
        self._hidden_dialogs: list = []
        self._hidden_for = ""
        self._kept_place: tuple[str, str] | None = None   # (user, subject ref) across a lock
        self._built = False
        # ``(why, minimised) -> command line``: set by the desktop console so a
        # lock ends this process and starts a fresh one (``relaunch``).
        self.relaunch_on_lock = None
        self.dashboard = None
        self.setWindowTitle(self.tr("Governor's Console"))

        self.unlock_page = UnlockPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)

        self.who = QLabel(self.tr("Locked"))
        self.statusBar().addPermanentWidget(self.who)
        self.presenter = ErrorPresenter(self, self.statusBar())
        self.runner.status.connect(self.presenter.success)
        self.runner.failed.connect(self.presenter.show)
        self.capture_protected, self.capture_status = False, ""

        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.quick_unlock_requested.connect(self._quick_unlock)

        self.resize(1280, 800)
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.unlock_page.load(self.vault_path, self.settings.get("unlock/last_user"))
        self._first_paint = AfterFirstPaint(self.unlock_page)
        self.after_first_paint(self.unlock_page.add_reveal_toggle)
        if defer_workspace:
            self.after_first_paint(self.build_workspace)
        else:
            self.build_workspace()

    def after_first_paint(self, fn) -> None:
        """Run ``fn`` just after the unlock page's first paint."""
        self._first_paint.add(fn)

    def build_workspace(self) -> None:
        """Build the register, subject panel, dashboard, menus and toolbar
        (idempotent; every path into the workspace calls it first)."""
        if self._built:
            return
        self._built = True
        from PySide6.QtCore import Qt

        from .autolock import AutoLock
        from .dashboard.dashboard_widget import DashboardWidget
        from .register.browser import RecordBrowser
        from .register.register_view import RegisterView
        from .subject.subject_actions import SubjectActions
        from .subject.subject_panel import SubjectPanel

        self.autolock = AutoLock(self.runner, self)
        self.autolock.lock_requested.connect(self.lock)
        self.register = RegisterView()
        self.panel = SubjectPanel()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.register)
        self.split.addWidget(self.panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([860, 540])
        self.split.setChildrenCollapsible(False)   # neither side can vanish by a drag
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.split, self.tr("Register"))
        self.dashboard = DashboardWidget()
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.stack.addWidget(self.tabs)
        self.browser = RecordBrowser(self, self.runner, self.register, self.panel, self.tabs,
                                     self.dashboard)

        self.actions = SubjectActions(self, self.runner, self.panel, self.register,
                                      lambda: self.user.role if self.user else "viewer")
        self._build_actions()
        from .integrity.chain_watch import ChainWatch
        from .lawful.wiring import install as install_records_menu
        install_records_menu(self)   # Records menu: lawful handling
        self.chain_watch = ChainWatch(self)   # the chain's verdict, after every unlock
        from .replicas.wiring import install as install_replicas
        install_replicas(self)   # File › Replicas… / Send changes… / Receive…, the banner
        self.register.activated.connect(
            lambda _ref: self._when_loaded(self.panel.tabs.setFocus))
        self.actions.undo_state.available.connect(self._undo_label)

        if not self.settings.get("window/splitter").isEmpty():
            self.split.restoreState(self.settings.get("window/splitter"))
        self.register.columns.changed.connect(self._save_columns)
        self._set_unlocked(False)
        if self.isVisible():
            self._exclude_from_capture()

    def _build_actions(self) -> None:
        from .menus import build_menus
        build_menus(self)

    def _set_unlocked(self, unlocked: bool) -> None:
        from .menus import apply_role
        self.presenter.set_locked(not unlocked)   # no message outlives a lock or a user
        self.stack.setCurrentIndex(1 if unlocked else 0)
        apply_role(self, self.user.role if (unlocked and self.user) else None)
        self.who.setText(shown(self.tr("%1 (%2) · %3").replace("%1", self.user.display_name)
                               .replace("%2", ROLES.label(self.user.role))
                               .replace("%3", self.establishment), one_line=True)
                         if unlocked and self.user else self.tr("Locked"))

    # -- unlocking and locking ---------------------------------------------------------------
    def _unlock(self, user: str, passphrase: str) -> None:
        self.build_workspace()
        self.runner.open(self.vault_path, user or None, passphrase, on_success=self._unlocked,
                         on_failure=self._unlock_failed)

    def _quick_unlock(self, user: str) -> None:
        self.build_workspace()
        self.unlock_page.set_busy(True)
        self.runner.open(self.vault_path, user or None, quick=True, on_success=self._unlocked,
                         on_failure=self._unlock_failed)

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConsoleError):
            self.unlock_page.failed(str(exc), isinstance(exc, WrongPassphrase))
        else:
            self.unlock_page.failed(self.tr("The vault could not be opened."), False)
            self.presenter.crash(exc)

    def _unlocked(self, result) -> None:
        self.build_workspace()
        self.user, self.establishment = result
        self.unlock_page.succeeded()
        self.settings.set("unlock/last_user", self.user.name)
        from .lawful.wiring import keep_reason_for
        keep_reason_for(self, self.user.name)
        self.register.columns.restore(self.settings.get_for("columns/register", self.user.name))
        self.setWindowTitle(shown(self.tr("Governor's Console — %1").replace(
            "%1", self.establishment), one_line=True))
        self._set_unlocked(True)
        from .autolock import DEFAULT_MINUTES
        self.runner.run(Operation(lambda v: v.setting("autolock_minutes"),
                                  on_success=self._arm_autolock,
                                  on_failure=lambda e: self._arm_autolock(DEFAULT_MINUTES)))
        kept, self._kept_place = self._kept_place, None
        if kept and kept[0] == self.user.name and kept[1]:
            self.browser.select_next = kept[1]   # back to the subject in hand before the lock
        self.refresh()
        self._restore_dialogs()
        self.register.table.setFocus()

    def _restore_dialogs(self) -> None:
        """Bring back the edit dialogs hidden by the lock, but only to the user
        who was typing in them: never show one user's draft to another."""
        kept, self._hidden_dialogs = self._hidden_dialogs, []
        owner, self._hidden_for = self._hidden_for, ""
        if not kept:
            return
        if owner != self.user.name:
            for dialog in kept:
                dialog.deleteLater()
            return
        for dialog in kept:
            dialog.open()
        self.presenter.status(self.tr("Your unfinished entry was kept and is open again."))

    def create_vault(self, answer) -> None:
        """Create a new vault from the wizard's answers, on the vault thread."""
        self.build_workspace()
        self.unlock_page.set_busy(True)
        self.unlock_page.reset(self.tr("Creating the vault and your signing identity…"))
        self.unlock_page.set_busy(True)

        def made(result):
            self.unlock_page.load(self.vault_path, answer.user)
            self._unlocked(result)
            self.presenter.success(QCoreApplication.translate("MainWindow", "Vault created. Your signing identity is ready."))
        self.runner.create(self.vault_path, answer.user, answer.passphrase,
                           answer.establishment, answer.display_name,
                           quick=answer.quick_unlock, on_success=made,
                           on_failure=self._unlock_failed)

    def open_demo(self, builder) -> None:
        """Build the demo vault on the vault thread and open it as its governor."""
        self.build_workspace()
        self.unlock_page.reset(self.tr("Building the demo vault (fictional data)…"))
        self.unlock_page.set_busy(True)

        def built(result, passphrases):
            self.unlock_page.load(self.vault_path)
            self._unlocked(result)
            from .setup.demo_note import DemoNote
            DemoNote.ask(self, passphrases)
        self.runner.open_demo(builder, self.vault_path, on_success=built,
                              on_failure=self._unlock_failed)

    def _arm_autolock(self, minutes) -> None:
        self.autolock.set_minutes(minutes)
        self.autolock.arm()

    def lock(self, why: str | None = None) -> None:
        why = why or self.tr("on request")
        if self.locked:
            return
        if self.relaunch_on_lock is not None:    # the desktop console: start afresh
            from .relaunch import lock_by_starting_again
            return lock_by_starting_again(self, why, self.relaunch_on_lock)
        from .subject.form_dialog import FormDialog
        self.autolock.disarm()
        for dialog in self.findChildren(QDialog):
            if not dialog.isVisible():
                continue
            if isinstance(dialog, FormDialog) and dialog.objectName() == "formDialog":
                dialog.hide()                     # text kept in memory until unlock
                dialog.ok_button.setEnabled(True)
                self._hidden_dialogs.append(dialog)
                self._hidden_for = self.user.name if self.user else ""
            else:
                dialog.reject()
        self.clipboard.clear_now()
        self._save_columns()
        self.actions.forget()
        self._kept_place = ((self.user.name, self.register.current_ref() or "")
                            if self.user else None)
        self.browser.clear()
        self.runner.close_vault()
        self.user = None
        self._set_unlocked(False)
        self.unlock_page.reset(self.tr("Locked %1.").replace("%1", why))

    @property
    def locked(self) -> bool:
        return self.stack.currentIndex() != 1

    # -- browsing the register (``register.browser``) ------------------------------------
    def refresh(self) -> None:
        if not self.locked:
            self.browser.refresh()

    def select_after_refresh(self, ref: str) -> None:
        self.browser.select_after_refresh(ref)

    def open_subject(self, ref: str) -> None:
        self.browser.open_subject(ref)

    def _when_loaded(self, action) -> None:
        self.browser.when_loaded(action)

    def record_reason(self):
        """Why records are opened in this session, for the journal: asked at the
        first opening (Enter accepts the reason used last), then reused until
        changed with Ctrl+R or someone else signs in. (The desktop console
        starts afresh when it locks, which forgets it; locked in place, it is
        kept for the person who gave it.)"""
        reason = getattr(self, "last_reason", None)
        if reason is None:
            reason = self.ask_reason()
        return reason

    def ask_reason(self):
        from .lawful.wiring import ask_reason
        return ask_reason(self, self.tr("opening subject records"))

    def change_reason(self) -> None:
        reason = self.ask_reason()
        if reason is not None:
            self.presenter.status(self.tr("Records you open are journaled as: %1.").replace(
                "%1", reason.label))
            ref = self.register.current_ref()
            if ref:
                self.browser.load_record(ref)

    # -- small actions ---------------------------------------------------------------------------
    def _find(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.register.search.setFocus()
        self.register.search.selectAll()

    def _copy_ref(self) -> None:
        ref = self.register.current_ref()
        if ref:
            self.clipboard.copy(ref)
            self.presenter.success(self.tr("%1 copied; the clipboard is cleared in 15 "
                                           "seconds.").replace("%1", ref))

    def _undo_label(self, label: str) -> None:
        self.act_undo.setText(label or self.tr("&Undo"))
        self.act_undo.setEnabled(bool(label) and not self.locked)

    # -- feature dialogs ---------------------------------------------------------------------
    def import_csv(self) -> None:
        from .feature_dialogs import open_import
        open_import(self)

    def export_briefing(self) -> None:
        from .feature_dialogs import open_export
        open_export(self)

    def users(self) -> None:
        from .feature_dialogs import open_users
        open_users(self)

    def vault_settings(self) -> None:
        from .feature_dialogs import open_settings
        open_settings(self)

    # -- window events ------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._built:
            self._exclude_from_capture()

    def _exclude_from_capture(self) -> None:
        """Once shown and built (before any record can appear; the unlock page
        holds none), ask the system to keep the window out of captures."""
        if not self.capture_status:
            from .capture import exclude_from_capture
            self.capture_protected, self.capture_status = exclude_from_capture(self)

    def changeEvent(self, event) -> None:  # noqa: N802
        if (event.type() == QEvent.Type.WindowStateChange and self._built
                and self.isMinimized()):
            self.autolock.window_minimised()
        super().changeEvent(event)

    def save_layout(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        if not self._built:
            self.settings.sync()
            return
        self.settings.set("window/splitter", self.split.saveState())
        self._save_columns()
        self.settings.sync()

    def _save_columns(self) -> None:
        """The register's columns as this user left them (layout only, no data)."""
        if self.user is not None and self._built:
            self.settings.set_for("columns/register", self.user.name,
                                  self.register.columns.state())

    def shutdown(self) -> None:
        """Stop the timers, clear the clipboard, close the vault and its thread."""
        if self._built:
            self.browser.stop()
            self.autolock.stop()
        self.clipboard.clear_now()
        self.runner.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        # The daily backup runs on the vault thread just before shutdown closes the vault.
        from console.audit.backup_ledger import backup_on_close_if_due
        self.runner.run(Operation(backup_on_close_if_due, write=True,
                                  on_failure=lambda _exc: None))
        self.shutdown()
        super().closeEvent(event)
