"""The whole chain replayed in the background after an unlock.

An unlock verifies only the entries after the head the user last sealed; the
full replay (every entry from the first, and every row that carries
authority or decides a conflict bar) then runs here, on a thread of its own,
over a second, read-only connection (``Vault.reader``), so the register
opens at once and a break anywhere in the history is still found and shown.

Rules:
- ``start(vault, on_done)`` is called on the vault's own thread; ``on_done``
  gets the ``ChainReport`` on the check's thread (the caller hands it on).
- The check is cancelled, and its connection (which holds the data key)
  closed, before the vault closes: locking never leaves it running.
- A report that did not finish (cancelled, or the data key rotated under
  it) says so; it is never taken for a break.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from console.audit import replay


class FullCheck:
    def __init__(self, vault, on_done: Callable[[replay.ChainReport], None]):
        self._conn = vault.reader()
        self._on_done = on_done
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chain-check", daemon=True)
        self.report: replay.ChainReport | None = None

    def start(self) -> "FullCheck":
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop between slices and wait for the thread (and its connection) to end."""
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            report = replay.run(self._conn, cancel=self._stop.is_set)
        except Exception:  # noqa: BLE001 - the driver's own errors (a rotated key) included
            report = replay.ChainReport(False, 0, finished=False)
        finally:
            self._conn.close()
        self.report = report
        if not self._stop.is_set():
            self._on_done(report)


def start(vault, on_done: Callable[[replay.ChainReport], None]) -> FullCheck:
    """Start the full replay; it is cancelled when ``vault`` closes."""
    check = FullCheck(vault, on_done)
    vault.closing.insert(0, check.cancel)
    return check.start()
