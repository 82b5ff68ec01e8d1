"""The main window. It only assembles: menus and shortcuts, toolbar, status
bar, and a stack of two pages (unlock, workspace). Features live in their
own widgets; loading and saving go through ``Operations`` on the runner.

Locking drops the key (the vault is closed on its thread), every decrypted
model and the undo state, clears the clipboard if the console filled it, and
hides open edit dialogs with their text kept in memory until the next unlock.

Start-up paints the unlock page first: it needs only the user names from the
key slots. The workspace (register, subject panel, dashboard, menus, and the
core services behind them) is built by ``build_workspace()``, straight away
by default, or just after the unlock page's first paint when the window is
made with ``defer_workspace=True`` (as ``ui.app.run`` does). The dashboard
is loaded only while its tab is shown, so unlocking paints the register
without waiting for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget

from console.errors import ConsoleError, WrongPassphrase
from console.text import shown

from .clipboard import SecureClipboard
from .errors import ErrorPresenter
from .first_paint import AfterFirstPaint
from .runner import Runner
from .settings import Settings
from .unlock.unlock_page import UnlockPage

SETTLE_MS = 250


def _register_prepared(vault):
    """The register's rows with their display and search text, built on the
    vault thread so the GUI thread only swaps them into the model."""
    from console.records import register

    from .register.register_model import prepare
    return prepare(register.register_rows(vault))


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
        self._select_next = ""
        self._kept_place: tuple[str, str] | None = None   # (user, subject ref) across a lock
        self._built = False
        self._dashboard_stale = True
        self.dashboard = None
        self.setWindowTitle("Governor's Console")

        self.unlock_page = UnlockPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)

        self.who = QLabel("Locked")
        self.statusBar().addPermanentWidget(self.who)
        self.presenter = ErrorPresenter(self, self.statusBar())
        self.capture_protected, self.capture_status = False, ""
        # Opening a record is journaled, so wait until the selection settles
        # (arrowing past rows is not consulting them).
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)

        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.quick_unlock_requested.connect(self._quick_unlock)

        self.resize(1280, 800)
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.unlock_page.load(self.vault_path, self.settings.get("unlock/last_user"))
        self._first_paint = AfterFirstPaint(self.unlock_page)
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
        from .operations import Operations
        from .register.register_view import RegisterView
        from .subject.subject_actions import SubjectActions
        from .subject.subject_panel import SubjectPanel

        self.ops = Operations(self.runner, self)
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.split, "Register")
        from .dashboard.dashboard_widget import DashboardWidget
        self.dashboard = DashboardWidget()
        self.tabs.addTab(self.dashboard, "Dashboard")
        self.dashboard.subject_requested.connect(self.open_subject)
        self.tabs.currentChanged.connect(lambda _i: self._load_dashboard_if_shown())
        self.stack.addWidget(self.tabs)

        self.actions = SubjectActions(self, self.ops, self.panel, self.register,
                                      lambda: self.user.role if self.user else "viewer")
        self._build_actions()
        from .integrity.chain_watch import ChainWatch
        from .lawful.wiring import install as install_records_menu
        install_records_menu(self)   # Records menu: lawful handling
        self.chain_watch = ChainWatch(self)   # the chain's verdict, after every unlock
        self._settle.timeout.connect(lambda: self._load_record(self.register.current_ref()))
        self.register.current_changed.connect(self._selection_moved)
        self.register.activated.connect(
            lambda _ref: self._when_loaded(self.panel.tabs.setFocus))
        self.ops.changed.connect(self._changed)
        self.ops.status.connect(self.presenter.success)
        self.ops.failed.connect(self.presenter.show)
        self.ops.undo_available.connect(self._undo_label)

        if not self.settings.get("window/splitter").isEmpty():
            self.split.restoreState(self.settings.get("window/splitter"))
        if not self.settings.get("register/header").isEmpty():
            self.register.table.horizontalHeader().restoreState(
                self.settings.get("register/header"))
        self._set_unlocked(False)
        if self.isVisible():
            self._exclude_from_capture()

    def _build_actions(self) -> None:
        from .menus import build_menus
        build_menus(self)

    def _set_unlocked(self, unlocked: bool) -> None:
        from .menus import apply_role
        self.stack.setCurrentIndex(1 if unlocked else 0)
        apply_role(self, self.user.role if (unlocked and self.user) else None)
        self.who.setText(shown(f"{self.user.display_name} ({self.user.role}) · "
                               f"{self.establishment}", one_line=True)
                         if unlocked and self.user else "Locked")

    # -- unlocking and locking ---------------------------------------------------------------
    def _unlock(self, user: str, passphrase: str) -> None:
        self.build_workspace()
        self.runner.open(self.vault_path, user or None, passphrase, on_done=self._unlocked,
                         on_error=self._unlock_failed)

    def _quick_unlock(self, user: str) -> None:
        self.build_workspace()
        self.unlock_page.set_busy(True)
        self.runner.open(self.vault_path, user or None, quick=True, on_done=self._unlocked,
                         on_error=self._unlock_failed)

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConsoleError):
            self.unlock_page.failed(str(exc), isinstance(exc, WrongPassphrase))
        else:
            self.unlock_page.failed("The vault could not be opened.", False)
            self.presenter.crash(exc)

    def _unlocked(self, result) -> None:
        self.build_workspace()
        self.user, self.establishment = result
        self.unlock_page.succeeded()
        self.settings.set("unlock/last_user", self.user.name)
        self.setWindowTitle(shown(f"Governor's Console — {self.establishment}", one_line=True))
        self._set_unlocked(True)
        from .autolock import DEFAULT_MINUTES
        self.runner.submit(lambda v: v.setting("autolock_minutes"),
                           on_done=self._arm_autolock, on_error=lambda e: self._arm_autolock(
                               DEFAULT_MINUTES))
        kept, self._kept_place = self._kept_place, None
        if kept and kept[0] == self.user.name and kept[1]:
            self._select_next = kept[1]   # back to the subject in hand before the lock
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
        self.presenter.status("Your unfinished entry was kept and is open again.")

    def create_vault(self, answer) -> None:
        """Create a new vault from the wizard's answers, on the vault thread."""
        self.build_workspace()
        self.unlock_page.set_busy(True)
        self.unlock_page.reset("Creating the vault and your signing identity…")
        self.unlock_page.set_busy(True)

        def made(result):
            self.unlock_page.load(self.vault_path, answer.user)
            self._unlocked(result)
            self.presenter.success("Vault created. Your signing identity is ready.")
        self.runner.create(self.vault_path, answer.user, answer.passphrase,
                           answer.establishment, answer.display_name,
                           quick=answer.quick_unlock, on_done=made,
                           on_error=self._unlock_failed)

    def open_demo(self, builder) -> None:
        """Build the demo vault on the vault thread and open it as its governor."""
        self.build_workspace()
        self.unlock_page.reset("Building the demo vault (fictional data)…")
        self.unlock_page.set_busy(True)

        def built(result, passphrases):
            self.unlock_page.load(self.vault_path)
            self._unlocked(result)
            from .setup.demo_note import DemoNote
            DemoNote.ask(self, passphrases)
        self.runner.open_demo(builder, self.vault_path, on_done=built,
                              on_error=self._unlock_failed)

    def _arm_autolock(self, minutes) -> None:
        self.autolock.set_minutes(minutes)
        self.autolock.arm()

    def lock(self, why: str = "on request") -> None:
        if self.locked:
            return
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
        self.ops.forget()
        self._kept_place = ((self.user.name, self.register.current_ref() or "")
                            if self.user else None)
        self.register.clear()
        self.panel.clear()
        from console.records.model import Dashboard
        self.dashboard.set_data(Dashboard(0))
        self._dashboard_stale = True
        self.runner.close_vault()
        self.user = None
        self._set_unlocked(False)
        self.unlock_page.reset(f"Locked {why}.")

    @property
    def locked(self) -> bool:
        return self.stack.currentIndex() != 1

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.locked:
            return
        # The rows' display text is built on the vault thread (see
        # ``register_model.prepare``); the dashboard loads only while its tab
        # is shown, so it never delays the register's first paint.
        self.ops.call(_register_prepared, on_done=self._rows)
        self._dashboard_stale = True
        self._load_dashboard_if_shown()

    def _load_dashboard_if_shown(self) -> None:
        if (self.locked or not self._dashboard_stale
                or self.tabs.currentWidget() is not self.dashboard):
            return
        self._dashboard_stale = False
        self.ops.load_dashboard(lambda d: None if self.locked else self.dashboard.set_data(d))

    def _rows(self, rows) -> None:
        if self.locked:
            return
        self.register.set_rows(rows)
        ref = self._select_next
        if ref and not self.register.select(ref) and self.register.model.row_of(ref) >= 0:
            # The subject just added or changed is hidden by the search or a
            # quick filter: clear them rather than leave it out of sight.
            self.open_subject(ref)
        if ref and self.register.current_ref() == ref:
            self._select_next = ""

    def select_after_refresh(self, ref: str) -> None:
        self._select_next = ref
        if not self.register.select(ref):
            self.refresh()

    def _selection_moved(self, ref: str) -> None:
        if not ref:
            self._settle.stop()
            self.panel.clear()
            return
        self._settle.start()

    def _load_record(self, ref: str, then=None) -> None:
        self._settle.stop()
        if not ref or self.locked:
            self.panel.clear()
            return
        row = self.register.current_row()
        if row is not None and row.restricted:
            self.panel.clear()
            self.panel.empty.setText("This record is restricted: you are not one of the users "
                                     "allowed to see it (need-to-know, or it concerns you).")
            return
        reason = self.record_reason()
        if reason is None:
            self.panel.clear()
            self.panel.empty.setText("Opening a record needs a reason for the journal; "
                                     "choose one with Subject › Reason for opening (Ctrl+R).")
            return

        def shown(result):
            if self.locked or self.register.current_ref() != ref:
                return
            self.panel.show_record(*result)
            if then:
                then()
        self.ops.load_record(ref, shown, reason=reason)

    def record_reason(self):
        """Why records are opened in this session, for the journal: asked at the
        first opening (Enter accepts the reason used last), then reused until
        changed with Ctrl+R or the console is locked."""
        reason = getattr(self, "last_reason", None)
        if reason is None:
            reason = self.ask_reason()
        return reason

    def ask_reason(self):
        from .lawful.wiring import ask_reason
        return ask_reason(self, "opening subject records")

    def change_reason(self) -> None:
        reason = self.ask_reason()
        if reason is not None:
            self.presenter.status(f"Records you open are journaled as: {reason.label}.")
            ref = self.register.current_ref()
            if ref:
                self._load_record(ref)

    def _when_loaded(self, action) -> None:
        ref = self.register.current_ref()
        if self.panel.ref == ref and ref:
            action()
        elif ref:
            self._load_record(ref, then=action)
        else:
            self.presenter.status("Choose a subject in the register first.")

    def _changed(self, kind: str, ref: str) -> None:
        self.refresh()
        if ref and ref == self.register.current_ref():
            self._load_record(ref)

    def open_subject(self, ref: str) -> None:
        self.tabs.setCurrentIndex(0)
        for box in (self.register.status_filter, self.register.category_filter,
                    self.register.rag_filter):
            box.setCurrentIndex(0)
        self.register.attention.setChecked(False)
        self.register.search.clear()
        self.register.select(ref)

    # -- small actions ---------------------------------------------------------------------------
    def _find(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.register.search.setFocus()
        self.register.search.selectAll()

    def _copy_ref(self) -> None:
        ref = self.register.current_ref()
        if ref:
            self.clipboard.copy(ref)
            self.presenter.success(f"{ref} copied; the clipboard is cleared in 15 seconds.")

    def _undo_label(self, label: str) -> None:
        self.act_undo.setText(label or "&Undo")
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
        self.settings.set("register/header", self.register.table.horizontalHeader().saveState())
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop the timers, clear the clipboard, close the vault and its thread."""
        self._settle.stop()
        if self._built:
            self.autolock.stop()
        self.clipboard.clear_now()
        self.runner.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        # The daily backup runs on the vault thread just before shutdown closes the vault.
        from console.storage.snapshot import backup_on_close_if_due
        self.runner.submit(backup_on_close_if_due, on_error=lambda _exc: None)
        self.shutdown()
        super().closeEvent(event)
