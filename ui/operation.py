"""The one way the desktop runs work: an ``Operation`` names a core call (a
function taking the vault), says whether it writes, what to do on success
and on failure, whether to show progress, and what it changed;
``Runner.run(op)`` runs it on the vault thread.

Rules:
- ``call(vault)`` runs on the vault thread and never touches a widget. With
  ``progress`` set it is called ``call(vault, on_progress)``: the core reports
  ``on_progress(done, total)``, which raises ``Cancelled`` once the user has
  cancelled, so the work stops at its next step and the core rolls back.
- ``write=True`` for anything that appends to the vault, journaled reads
  included: auto-lock waits until it has finished.
- On success the runner announces ``changes`` (a ``Changes``, or a function
  of the result giving one) and ``message`` (the status sentence), then calls
  ``on_success(result)``. Views react to the fields of ``Changes``, never to
  strings. On failure ``on_failure(exc)`` is called (``errors.sentence(exc)``
  gives the line to show); without one the window's presenter shows it.
- Callbacks run on the GUI thread, and only while ``parent`` (when given)
  still exists: a dialog closed meanwhile hears nothing, though what was
  changed is still announced. ``on_finished()`` follows either callback.
- An operation runs once. Nothing runs, and nothing is called back, after
  the runner has shut down.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields
from typing import Any, Callable

from console.errors import ConsoleError


class Cancelled(ConsoleError):
    """The user stopped the work; nothing was saved."""


@dataclass(frozen=True)
class Changes:
    """What an operation changed, for each view to check the fields it shows."""

    subjects: frozenset[str] = frozenset()   # references whose own record changed
    register: bool = False                   # the register's rows, risk or flags
    dashboard: bool = False
    journal: bool = False                    # the consultation and disclosure journal
    retention: bool = False                  # the retention review queue
    users: bool = False
    settings: bool = False
    backups: bool = False
    conflicts: bool = False                  # the conflict-of-interest bars

    @classmethod
    def subject(cls, *refs: str, **flags: bool) -> Changes:
        """One or more subjects' records changed, so the register and dashboard too."""
        return cls(subjects=frozenset(r for r in refs if r), register=True, dashboard=True,
                   **flags)

    def __or__(self, other: Changes) -> Changes:
        return Changes(subjects=self.subjects | other.subjects,
                       **{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self) if f.name != "subjects"})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()


class Operation:
    """One piece of work for the vault thread, with its callbacks."""

    def __init__(self, call: Callable[..., Any], *, write: bool = False,
                 changes: Changes | Callable[[Any], Changes] = NOTHING,
                 message: str | Callable[[Any], str] = "",
                 on_success: Callable[[Any], Any] | None = None,
                 on_failure: Callable[[BaseException], Any] | None = None,
                 on_finished: Callable[[], Any] | None = None,
                 progress: str | None = None, cancellable: bool = True,
                 parent=None, needs_vault: bool = True):
        self.call = call
        self.write = write
        self.changes = changes
        self.message = message
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_finished = on_finished
        self.progress = progress            # the progress dialog's label, if any
        self.cancellable = cancellable and progress is not None
        self.parent = parent
        self.needs_vault = needs_vault      # False: the call gets None (a restore, a file save)
        self.running = False
        self.started = False
        self._stop = threading.Event()
        self.presenter = None               # the progress dialog's presenter, once started

    # -- seen from the GUI thread ----------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (if it reports any)."""
        if self.cancellable:
            self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def changes_for(self, result) -> Changes:
        return self.changes(result) if callable(self.changes) else self.changes

    def message_for(self, result) -> str:
        return self.message(result) if callable(self.message) else self.message

    def parent_alive(self) -> bool:
        if self.parent is None:
            return True
        from shiboken6 import isValid
        return isValid(self.parent)

    # -- on the vault thread -----------------------------------------------------------
    def execute(self, vault, report: Callable[[int, int], None]):
        """Run the call; ``report`` carries progress to the GUI thread."""
        if self.progress is None:
            return self.call(vault)

        def on_progress(done: int, total: int) -> None:
            if self._stop.is_set():
                raise Cancelled("Cancelled; nothing was saved.")
            report(int(done), int(total))
        return self.call(vault, on_progress)
