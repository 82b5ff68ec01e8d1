"""The vault's own thread, and the one way work reaches it.

One worker thread owns the open vault: the connection is opened, used and
closed there and never touched from the GUI thread. ``run(op)`` runs an
``ui.operation.Operation`` there; its result or error comes back on the GUI
thread through a queued signal, and on success the runner announces what it
changed (``changed(Changes)``) and its sentence (``status``). Errors no
operation handles go to ``failed``. Key derivation (``open``, ``create``)
runs on the same thread, so unlocking never freezes the window.

The worker thread is started when the first operation is run, and the core's
vault module (with the database driver behind it) is imported on the worker
when the first vault is opened, so starting the console waits for neither.
``writing`` is true while a write runs or waits: auto-lock holds off until
``idle``. After ``shutdown`` nothing more runs and nothing is called back.

The HQ window runs the same way on its own runner, which holds the HQ store
instead of a vault (``hold``).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import SIGNAL, QObject, Signal

from console.errors import ConsoleError, VaultClosed

from .operation import Operation

if TYPE_CHECKING:
    from console.storage.vault import Vault


class Runner(QObject):
    """A single-worker executor that holds the vault (or, at HQ, the HQ store)
    and runs operations on it."""

    changed = Signal(object)        # Changes, after an operation succeeded
    status = Signal(str)            # an operation's sentence of success
    failed = Signal(object)         # an exception no operation handled
    busy_changed = Signal(bool)
    idle = Signal()
    vault_opened = Signal()   # a vault was unlocked or created (emitted from the worker)
    vault_closed = Signal()   # the vault was closed (the key dropped)
    vault_refused = Signal(object)  # unlocking failed with this ConsoleError
    _delivered = Signal(int, bool, object)
    _progressed = Signal(int, int, int)

    def __init__(self, parent=None, *,
                 locked: str = "The vault is locked; unlock it to continue."):
        super().__init__(parent)
        self._locked = locked              # the sentence when nothing is held
        self._pool = None                  # started on first use: see _executor()
        self._pool_lock = threading.Lock()
        self._vault: Vault | None = None   # what is held; touched only on the worker thread
        self._ids = itertools.count(1)
        self._running: dict[int, Operation] = {}
        self._writes = 0
        self._closed = False
        self._delivered.connect(self._deliver)
        self._progressed.connect(self._progress)

    def _executor(self):
        """The worker thread's executor, started when first needed, so that
        the unlock page paints without waiting for its module to load."""
        with self._pool_lock:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault")
            return self._pool

    # -- state seen from the GUI thread ----------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def writing(self) -> bool:
        return self._writes > 0

    @property
    def closed(self) -> bool:
        return self._closed

    # -- running operations ------------------------------------------------------------
    def run(self, op: Operation) -> Operation:
        """Run ``op`` on the vault thread; returns it (to cancel, or to ask
        whether it is still running)."""
        if self._closed or op.started:
            return op                   # the window is closing, or it ran once already
        job = next(self._ids)
        was_busy = self.busy
        op.started = op.running = True
        self._running[job] = op
        if op.write:
            self._writes += 1
        if op.progress is not None:
            from .progress import ProgressPresenter
            op.presenter = ProgressPresenter(op.progress, op.parent,
                                             op.cancel if op.cancellable else None)
        if not was_busy:
            self.busy_changed.emit(True)

        def work():
            try:
                vault = self._open_vault() if op.needs_vault else None
                result = op.execute(vault, lambda done, total:
                                    self._progressed.emit(job, done, total))
            except BaseException as exc:  # delivered to the GUI thread, never lost
                self._delivered.emit(job, False, exc)
                return
            self._delivered.emit(job, True, result)

        self._executor().submit(work)
        return op

    def _open_vault(self) -> Vault:
        vault = self._vault
        if vault is None or vault.closed:
            raise VaultClosed(self._locked)
        return vault

    # -- opening and closing the vault ---------------------------------------------------
    def open(self, folder: Path, user: str | None, passphrase: str | None = None, *,
             quick: bool = False, on_success=None, on_failure=None) -> Operation:
        """Unlock on the worker; ``on_success`` gets (User, establishment)."""
        return self._hold(lambda: _open(folder, user, passphrase, quick), on_success,
                          on_failure)

    def create(self, folder: Path, user: str, passphrase: str, establishment: str,
               display_name: str, *, quick: bool = False, on_success=None,
               on_failure=None) -> Operation:
        def make():
            from console.audit.genesis import create_vault
            v = create_vault(folder, user, passphrase, establishment, display_name=display_name)
            if quick:
                from console.audit import quick as quick_unlock
                try:
                    quick_unlock.enable(v)
                except Exception:  # noqa: BLE001 - the wizard said it may be off
                    pass
            return v
        return self._hold(make, on_success, on_failure)

    def open_demo(self, builder: Callable, folder: Path, on_success=None,
                  on_failure=None) -> Operation:
        """Build the demo vault on the worker and open it as its governor;
        ``on_success`` gets ((User, establishment), {user: passphrase})."""
        built: dict = {}

        def make():
            result = builder(folder)
            built.update(result.users)
            from console.audit import unlock
            return unlock.open_vault(folder, result.governor, result.users[result.governor])
        return self._hold(make, on_success and (lambda r: on_success(r, dict(built))),
                          on_failure)

    def _hold(self, make: Callable[[], Vault], on_success, on_failure) -> Operation:
        """Make or open a vault on the worker, keep it there, and say so."""
        def open_vault():
            try:
                vault = make()
            except ConsoleError as exc:
                self.vault_refused.emit(exc)
                raise
            self.vault_opened.emit()
            return vault
        return self.hold(open_vault, lambda v: (v.user, v.establishment),
                         on_success=on_success, on_failure=on_failure)

    def hold(self, make: Callable[[], object], describe: Callable[[object], object], *,
             on_success=None, on_failure=None) -> Operation:
        """Close what is held, then ``make()`` the new one on the worker and keep
        it there (it has ``close()`` and ``closed``); ``on_success`` gets
        ``describe(it)``, plain data: what is held never leaves the worker."""
        def body(_none):
            self._drop()
            self._vault = make()
            return describe(self._vault)
        return self.run(Operation(body, needs_vault=False, on_success=on_success,
                                  on_failure=on_failure))

    def _drop(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None:
            vault.close()
            self.vault_closed.emit()

    def close_vault(self, on_success: Callable | None = None) -> Operation:
        """Close the vault (drops the key) on the worker thread."""
        return self.run(Operation(lambda _none: self._drop(), needs_vault=False,
                                  on_success=on_success))

    def shutdown(self) -> None:
        """Close the vault and stop the thread; blocks until both are done.
        Work already queued finishes (a save the user pressed is kept), but
        nothing is called back."""
        if self._closed:
            return
        self._closed = True
        for op in self._running.values():
            op.running = False
            if op.presenter is not None:
                op.presenter.close()
        self._running.clear()
        self._writes = 0
        with self._pool_lock:
            pool = self._pool
        if pool is not None:           # never started: no vault was ever opened
            pool.submit(self._drop)
            pool.shutdown(wait=True)

    # -- results, on the GUI thread ------------------------------------------------------
    def _progress(self, job: int, done: int, total: int) -> None:
        op = self._running.get(job)
        if op is not None and op.presenter is not None:
            op.presenter.update(done, total)

    def _deliver(self, job: int, ok: bool, value) -> None:
        op = self._running.pop(job, None)
        if op is None:
            return                      # shut down meanwhile: nobody is waiting
        if op.write:
            self._writes -= 1
        op.running = False
        if op.presenter is not None:
            op.presenter.close()
        try:
            if ok:
                self._succeeded(op, value)
            else:
                self._failed(op, value)
            if op.on_finished is not None and op.parent_alive():
                op.on_finished()
        finally:
            if not self.busy:
                self.busy_changed.emit(False)
                self.idle.emit()

    def _succeeded(self, op: Operation, result) -> None:
        changes = op.changes_for(result)
        if changes:
            self.changed.emit(changes)
        message = op.message_for(result)
        if message:
            self.status.emit(message)
        if op.on_success is not None and op.parent_alive():
            op.on_success(result)

    def _failed(self, op: Operation, exc: BaseException) -> None:
        if not op.parent_alive():
            if not isinstance(exc, ConsoleError):
                from .errors import log_crash
                log_crash(exc)          # nobody to tell, but a fault is still logged
            return
        if op.on_failure is not None:
            op.on_failure(exc)
        elif self.receivers(SIGNAL("failed(PyObject)")):
            self.failed.emit(exc)
        else:
            raise exc


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused for a burst of work on the
    vault thread that makes thousands of new objects and no cycles (an
    unlock, the register's rows): each burst would otherwise set off full
    collections over every object of the process (40-80 ms at an unlock of
    10,000 subjects). It is switched back on after, unless it was off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _open(folder, user, passphrase, quick) -> Vault:
    """Unlock through the signed chain (``console.sync.session``: a replica's
    rules included), with the collector paused (``collector_paused``): the
    chain's state and the record keys are thousands of new objects."""
    from console.sync import session as unlock
    with collector_paused():
        if quick:
            from console.audit import quick as quick_unlock
            return quick_unlock.open_quick(folder, user, opener=unlock.open_vault)
        return unlock.open_vault(folder, user, passphrase)


