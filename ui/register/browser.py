"""Browsing the register: the rows, the chosen subject's record in the panel,
and the dashboard tab, each loaded by an operation on the vault thread and
reloaded when an operation announces a change that concerns it.

Rules: the register's rows are prepared on the vault thread, so the GUI
thread only swaps them in; the dashboard loads only while its tab is shown;
opening a record is journaled (a write), so it waits until the selection has
settled (arrowing past rows is not consulting them) and asks the window for
the reason; a restricted row shows no record at all. A subject the user has
just added is chosen in the register, but its record is opened without
asking only when a reason is already set for the session: otherwise the
panel says how to open it, and the prompt waits until the user does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ..operation import Changes, Operation

SETTLE_MS = 250


def _register_prepared(vault):
    """The register's rows with their display and search text (vault thread),
    built with the collector paused (``runner.collector_paused``); nothing
    they make is a cycle, and the model freezes them once shown and collects
    then (``RegisterModel.set_rows``)."""
    from console.records import register

    from ..runner import collector_paused
    from .register_model import prepare
    with collector_paused():
        return prepare(register.register_rows(vault))


def _record(ref: str, reason):
    def read(vault):
        from console.records import register
        record = register.subject_record(vault, ref, reason=reason or "case review")
        return record, register.subject_history(vault, ref)
    return read


class RecordBrowser(QObject):
    """Keeps the register, the subject panel and the dashboard up to date."""

    def __init__(self, window, runner, register, panel, tabs, dashboard):
        super().__init__(window)
        self.window, self.runner = window, runner
        self.register, self.panel, self.tabs, self.dashboard = register, panel, tabs, dashboard
        self.select_next = ""           # a reference to choose once the rows arrive
        self.just_added = ""            # chosen after being added: opened only when asked
        self._dashboard_stale = True
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(lambda: self.load_record(self.register.current_ref()))
        register.current_changed.connect(self._selection_moved)
        tabs.currentChanged.connect(lambda _i: self._load_dashboard_if_shown())
        dashboard.subject_requested.connect(self.open_subject)
        runner.changed.connect(self.on_changes)

    # -- what changed -----------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if self.window.locked:
            return
        if changes.register:
            self._load_rows()
        if changes.dashboard:
            self._dashboard_stale = True
            self._load_dashboard_if_shown()
        ref = self.register.current_ref()
        if ref and ref in changes.subjects:
            self.load_record(ref)

    def refresh(self) -> None:
        """Reload the register and (when shown) the dashboard."""
        self.on_changes(Changes(register=True, dashboard=True))

    def clear(self) -> None:
        """Drop every row and record (the console is locking)."""
        from console.records.model import Dashboard
        self._settle.stop()
        self.register.clear()
        self.panel.clear()
        self.dashboard.set_data(Dashboard(0))
        self._dashboard_stale = True

    def stop(self) -> None:
        self._settle.stop()

    # -- loading ----------------------------------------------------------------------
    def _load_rows(self) -> None:
        self.runner.run(Operation(_register_prepared, on_success=self._rows))

    def _load_dashboard_if_shown(self) -> None:
        if (self.window.locked or not self._dashboard_stale
                or self.tabs.currentWidget() is not self.dashboard):
            return
        self._dashboard_stale = False
        from console.records import register
        self.runner.run(Operation(register.dashboard, on_success=lambda d: None
                                  if self.window.locked else self.dashboard.set_data(d)))

    def _rows(self, rows) -> None:
        if self.window.locked:
            return
        self.register.set_rows(rows)
        ref = self.select_next
        if ref and not self.register.select(ref) and self.register.model.row_of(ref) >= 0:
            # The subject just added or changed is hidden by the search or a
            # quick filter: clear them rather than leave it out of sight.
            self.open_subject(ref)
        if ref and self.register.current_ref() == ref:
            self.select_next = ""

    def select_after_refresh(self, ref: str) -> None:
        self.select_next = ref
        if not self.register.select(ref):
            self.refresh()

    def select_added(self, ref: str) -> None:
        """Choose a subject the user has just added (see the rules above)."""
        self.just_added = ref
        self.select_after_refresh(ref)

    def _selection_moved(self, ref: str) -> None:
        if ref and ref != self.just_added:
            self.just_added = ""          # another subject chosen: the next one asks
        if not ref:
            self._settle.stop()
            self.panel.clear()
            return
        self._settle.start()

    def load_record(self, ref: str, then=None) -> None:
        self._settle.stop()
        if not ref or self.window.locked:
            self.panel.clear()
            return
        row = self.register.current_row()
        if row is not None and row.restricted:
            self.panel.clear()
            from .register_model import PLACEHOLDER_TIP
            self.panel.empty.setText(QCoreApplication.translate("RegisterModel", PLACEHOLDER_TIP))
            return
        if (then is None and ref == self.just_added
                and getattr(self.window, "last_reason", None) is None):
            self.panel.clear()
            self.panel.empty.setText(self.tr(
                "%1 was added to the register. Press Enter to open its record; opening a "
                "record asks why, for the journal.").replace("%1", ref))
            return
        self.just_added = ""
        reason = self.window.record_reason()
        if reason is None:
            self.panel.clear()
            self.panel.empty.setText(self.tr("Opening a record needs a reason for the journal; "
                                     "choose one with Subject › Reason for opening (Ctrl+R)."))
            return

        def shown(result):
            if self.window.locked or self.register.current_ref() != ref:
                return
            self.panel.show_record(*result)
            if then:
                then()
        # Opening a record is journaled: a write, so auto-lock waits for it.
        self.runner.run(Operation(_record(ref, reason), write=True,
                                  changes=Changes(journal=True), on_success=shown))

    def when_loaded(self, action) -> None:
        ref = self.register.current_ref()
        if self.panel.ref == ref and ref:
            action()
        elif ref:
            self.load_record(ref, then=action)
        else:
            self.window.presenter.status(self.tr("Choose a subject in the register first."))

    def open_subject(self, ref: str) -> None:
        self.tabs.setCurrentIndex(0)
        for box in (self.register.status_filter, self.register.category_filter,
                    self.register.rag_filter):
            box.setCurrentIndex(0)
        self.register.attention.setChecked(False)
        self.register.search.clear()
        self.register.select(ref)
