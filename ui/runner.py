"""The vault's own thread.

One worker thread owns the open vault: the connection is opened, used and
closed there and never touched from the GUI thread. Callers submit
``fn(vault, *args)``; results and errors come back on the GUI thread through
a queued signal. Key derivation (``Vault.open``/``Vault.create``) runs here
too, so unlocking never freezes the window. The core's vault module (and the
database driver behind it) is imported on the worker, when the first vault is
opened, so starting the console does not wait for it.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal

from console.errors import ConsoleError, VaultClosed

if TYPE_CHECKING:
    from console.storage.vault import Vault


def _vault_class():
    """``console.vault.Vault``, imported on first use (on the worker thread)."""
    from console.storage.vault import Vault
    return Vault


class Runner(QObject):
    """A single-worker executor that holds the vault."""

    _delivered = Signal(int, bool, object)
    _external_finished = Signal()
    busy_changed = Signal(bool)
    idle = Signal()
    vault_opened = Signal()   # a vault was unlocked or created (emitted from the worker)
    vault_closed = Signal()   # the vault was closed (the key dropped)
    vault_refused = Signal(object)  # unlocking failed with this ConsoleError

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = None                  # started on first use: see _executor()
        self._pool_lock = threading.Lock()
        self._vault: Vault | None = None   # touched only on the worker thread
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._writes = 0
        self._closed = False
        self._external = 0                 # run_and_wait calls in flight
        self._external_lock = threading.Lock()
        self._delivered.connect(self._deliver)
        self._external_finished.connect(self._after_external)

    def _executor(self):
        """The worker thread's executor, started when first needed, so that
        the unlock page paints without waiting for its module to load."""
        with self._pool_lock:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault")
            return self._pool

    # -- state seen from the GUI thread ----------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._callbacks) or self._external > 0

    @property
    def writing(self) -> bool:
        return self._writes > 0 or self._external > 0

    def _after_external(self) -> None:
        if not self.busy:
            self.idle.emit()

    # -- submitting work ---------------------------------------------------------
    def _enqueue(self, body: Callable[[], Any], on_done, on_error, write: bool = False) -> int:
        """Run ``body()`` on the worker; deliver its result or error by signal."""
        if self._closed:
            return 0                    # the window is closing: nothing more runs
        job = next(self._ids)
        was_busy = self.busy
        self._callbacks[job] = (on_done, on_error)
        if write:
            self._writes += 1
        if not was_busy:
            self.busy_changed.emit(True)

        def work():
            try:
                result = body()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                self._delivered.emit(job, False, (exc, write))
                return
            self._delivered.emit(job, True, (result, write))

        self._executor().submit(work)
        return job

    def _open_vault(self) -> Vault:
        vault = self._vault
        if vault is None or vault.closed:
            raise VaultClosed("The vault is locked; unlock it to continue.")
        return vault

    def submit(self, fn: Callable[..., Any], *args, on_done: Callable | None = None,
               on_error: Callable | None = None, write: bool = False, **kwargs) -> int:
        """Run ``fn(vault, *args, **kwargs)`` on the vault thread."""
        return self._enqueue(lambda: fn(self._open_vault(), *args, **kwargs), on_done,
                             on_error, write)

    def open(self, folder: Path, user: str | None, passphrase: str | None = None, *,
             quick: bool = False, on_done=None, on_error=None) -> int:
        """Unlock on the worker; ``on_done`` gets (User, establishment)."""
        return self._hold(lambda: _open(folder, user, passphrase, quick), on_done, on_error)

    def create(self, folder: Path, user: str, passphrase: str, establishment: str,
               display_name: str, *, quick: bool = False, on_done=None, on_error=None) -> int:
        def make():
            from console.audit.genesis import create_vault
            v = create_vault(folder, user, passphrase, establishment, display_name=display_name)
            if quick:
                from console.storage import quick_unlock
                try:
                    quick_unlock.enable(v)
                except Exception:  # noqa: BLE001 - the wizard said it may be off
                    pass
            return v
        return self._hold(make, on_done, on_error)

    def open_demo(self, builder: Callable, folder: Path, on_done=None, on_error=None) -> int:
        """Build the demo vault on the worker and open it as its governor;
        ``on_done`` gets ((User, establishment), {user: passphrase})."""
        built: dict = {}

        def make():
            result = builder(folder)
            built.update(result.users)
            from console.audit import unlock
            return unlock.open_vault(folder, result.governor, result.users[result.governor])
        return self._hold(make, on_done and (lambda r: on_done(r, dict(built))), on_error)

    def _hold(self, make: Callable[[], Vault], on_done, on_error) -> int:
        """Make or open a vault on the worker and keep it there."""
        def body():
            self._drop()
            try:
                self._vault = make()
            except ConsoleError as exc:
                self.vault_refused.emit(exc)
                raise
            self.vault_opened.emit()
            return self._vault.user, self._vault.establishment
        return self._enqueue(body, on_done, on_error)

    def _drop(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None:
            vault.close()
            self.vault_closed.emit()

    def close_vault(self, on_done: Callable | None = None) -> int:
        """Close the vault (drops the key) on the worker thread."""
        return self._enqueue(self._drop, on_done, None)

    def shutdown(self) -> None:
        """Close the vault and stop the thread; blocks until both are done."""
        if self._closed:
            return
        self._closed = True
        with self._pool_lock:
            pool = self._pool
        if pool is not None:           # never started: no vault was ever opened
            pool.submit(self._drop)
            pool.shutdown(wait=True)
        self._callbacks.clear()

    # -- results, on the GUI thread ----------------------------------------------
    def _deliver(self, job: int, ok: bool, payload) -> None:
        value, write = payload
        if job not in self._callbacks:
            return                     # shut down meanwhile: nobody is waiting
        on_done, on_error = self._callbacks.pop(job)
        if write:
            self._writes -= 1
        try:
            if ok:
                if on_done is not None:
                    on_done(value)
            elif on_error is not None:
                on_error(value)
            else:
                raise value
        finally:
            if not self.busy:
                self.busy_changed.emit(False)
                self.idle.emit()


def _open(folder, user, passphrase, quick) -> Vault:
    """Unlock through the signed chain (``console.records.session``)."""
    from console.records import session as unlock
    if quick:
        from console.storage import keyslots, quick_unlock
        slots = keyslots.SlotFile.load(Path(folder))
        secret = quick_unlock.user_secret(slots, user)
        return unlock.open_vault(folder, user, user_secret=secret)
    return unlock.open_vault(folder, user, passphrase)


def run_and_wait(runner: Runner, fn: Callable[..., Any], *args, **kwargs):
    """Run ``fn(vault, ...)`` on the vault thread and wait for the answer.

    Only for code already running on another worker (e.g. a briefing export
    on the thread pool): never call it from the GUI thread or the vault thread.
    """
    def work():
        return fn(runner._open_vault(), *args, **kwargs)
    with runner._external_lock:
        runner._external += 1           # counts as a write: auto-lock waits for it
    try:
        return runner._executor().submit(work).result()
    finally:
        with runner._external_lock:
            runner._external -= 1
        runner._external_finished.emit()
