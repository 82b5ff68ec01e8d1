"""Locking by starting afresh: the unlocked process ends, a new one shows the
unlock page.

Python cannot wipe the memory it frees: after the vault is closed, the
names, notes and report text the console showed stay in the process's freed
memory (and so in a memory dump, a crash dump or a hibernation file) until
something happens to reuse it. So the desktop console does not merely hide
its workspace when it locks, on request, after idle time or when minimised:
it closes the vault (the key is dropped, the chain head sealed in the user's
slot), saves the window's layout, and replaces itself with a fresh start of
the console on the same vault (``os.execv`` on Linux and macOS: the same
process id, none of its memory; elsewhere a new process, and this one
exits). Start-up to the unlock page takes about 0.15 s.

Rules:
- Nothing about records reaches the new process: its command line carries
  the vault's folder, the phrase saying why the console locked, and whether
  the window was minimised; everything else is in the settings already.
- Open dialogs are closed, unsaved entries in them included: a draft would
  otherwise survive in memory, which is what locking must not allow.
- The new process is the console itself (``main.py`` in a source folder,
  the installed ``launcher``, or the frozen program), never whatever script
  started this one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCKED = "--locked"
MINIMISED = "--minimised"


def command(vault: Path, why: str, minimised: bool, demo: bool = False,
            language: str | None = None) -> list[str]:
    """The command line of the console's fresh start after a lock."""
    args = ["gui", "--demo"] if demo else ["gui", "--vault", str(vault)]
    args += [LOCKED, why] + ([MINIMISED] if minimised else [])
    args += ["--language", language] if language else []
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    main_py = Path(__file__).resolve().parents[1] / "main.py"   # beside ui/ in a source folder
    if main_py.exists():
        return [sys.executable, str(main_py), *args]
    return [sys.executable, "-c", "import sys; from launcher import main; sys.exit(main())",
            *args]


def start_again(cmd: list[str]) -> None:
    """Replace this process with ``cmd`` (or start it and leave)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    if os.name == "posix":
        os.execv(cmd[0], cmd)
    import subprocess
    subprocess.Popen(cmd, close_fds=True)
    os._exit(0)


def lock_by_starting_again(window, why: str, cmd_for) -> None:
    """Close everything the unlocked window holds, then start again.
    ``cmd_for(why, minimised)`` gives the command line."""
    from PySide6.QtWidgets import QDialog
    minimised = window.isMinimized()
    autolock = getattr(window, "autolock", None)   # there once the workspace is built
    if autolock is not None:
        autolock.disarm()
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()
    window.save_layout()
    window.shutdown()            # the vault closed on its thread, the thread stopped
    start_again(cmd_for(why, minimised))
