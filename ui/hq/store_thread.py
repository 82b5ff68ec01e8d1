"""The HQ store's own thread: opened, used and closed there, never from the
GUI thread. ``submit(fn, *args)`` runs ``fn(store, *args)``; the result or
error comes back on the GUI thread by a queued signal. Key derivation
(unlocking) runs there too, so the window never freezes."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from console.errors import ConsoleError


class StoreThread(QObject):
    _delivered = Signal(int, bool, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hq-store")
        self._store = None
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple] = {}
        self._delivered.connect(self._deliver)

    def _run(self, body, on_done, on_error) -> None:
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)

        def work():
            try:
                result = body()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                self._delivered.emit(job, False, exc)
                return
            self._delivered.emit(job, True, result)
        self._pool.submit(work)

    def open(self, location: str, passphrase: str, on_done=None, on_error=None) -> None:
        def body():
            from hq.store.store import Store
            self._drop()
            self._store = Store.open(location, passphrase)
            return self._store.location.label
        self._run(body, on_done, on_error)

    def submit(self, fn, *args, on_done=None, on_error=None) -> None:
        def body():
            if self._store is None:
                raise ConsoleError("The HQ store is locked; unlock it to continue.")
            return fn(self._store, *args)
        self._run(body, on_done, on_error)

    def _drop(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def shutdown(self) -> None:
        self._pool.submit(self._drop)
        self._pool.shutdown(wait=True)
        self._callbacks.clear()

    def _deliver(self, job: int, ok: bool, value) -> None:
        if job not in self._callbacks:
            return
        on_done, on_error = self._callbacks.pop(job)
        if ok and on_done:
            on_done(value)
        elif not ok:
            if on_error:
                on_error(value)
            else:
                raise value
