"""Drives the real desktop console in this process, as its user would:
unlocks (the passphrase comes on standard input), opens a subject, answers
the reason-for-opening prompt with its default, prints ``unlocked`` when the
subject's record is on screen, and locks with File › Lock once ``FLAG``
exists. The console then starts afresh (``ui.relaunch``), and this script is
gone from the process: what is left is the console showing its unlock page.

Run: ``python tests/console_driver.py VAULT USER REF FLAG``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    vault, user, ref, flag = sys.argv[1:5]
    passphrase = sys.stdin.readline().rstrip("\n")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from ui import app as console
    from ui.main_window import MainWindow

    console.make_application([])
    step = {"now": "unlock"}

    def tick():
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow)), None)
        modal = QApplication.activeModalWidget()
        if window is None:
            return
        if modal is not None and modal is not window:
            modal.accept()                  # the reason for opening: its default
            return
        if step["now"] == "unlock" and window.unlock_page.isVisible():
            window.unlock_page.user.setCurrentText(user)
            window.unlock_page.passphrase.setText(passphrase)
            window.unlock_page.submit()
            step["now"] = "register"
        elif step["now"] == "register" and not window.locked \
                and window.register.model.rowCount() > 0:
            window.open_subject(ref)
            step["now"] = "record"
        elif step["now"] == "record" and ref in window.panel.header.text():
            print("unlocked", flush=True)
            step["now"] = "flag"
        elif step["now"] == "flag" and os.path.exists(flag):
            step["now"] = "done"
            lock = next(a for a in window.findChildren(QAction)
                        if a.shortcut().toString() == "Ctrl+L")
            lock.trigger()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    return console.run(["--vault", vault])


if __name__ == "__main__":
    sys.exit(main())
