#!/usr/bin/env python3
"""Take the README's screenshots from the real console, under an X server.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py 1600x1000
    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/screenshots.py 1024x700

Builds the demo vault (fictional data) in a temporary folder, with settings,
data folders and keychain there too (nothing of this computer's own is read
or written), opens it as its governor in a window filling the screen, and
grabs the whole X screen (as ``import -window root`` does) for: the register
with a subject chosen, a subject's measures, the new-subject dialog, the
export preview, and at 1600x1000 the retention review queue, Tools › Conflict
bars (after two users are added whose staff numbers two subjects carry, one
bar lifted) and Tools › Users › Change role. Files go to docs/ as
``<screen>-<size>.png``. Look at each one before committing it.
``--only conflict-bars change-role`` takes just those. ``--language cy``
takes them with the console in Welsh and ``--high-contrast`` in the
high-contrast theme (files ``<screen>-cy-<size>.png``,
``<screen>-high-contrast-<size>.png``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"


def _isolate(tmp: Path) -> None:
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state")):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(tmp / sub)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    import keyring
    from keyring.backends.null import Keyring
    keyring.set_keyring(Keyring())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", help="WIDTHxHEIGHT of the X screen, e.g. 1600x1000")
    parser.add_argument("--only", nargs="+", metavar="SHOT", help="take only these shots")
    parser.add_argument("--language", choices=("en", "cy"), default="en")
    parser.add_argument("--high-contrast", action="store_true")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="console-shots-") as folder:
        tmp = Path(folder)
        _isolate(tmp)
        wm = _window_manager()
        try:
            return Shots(tmp, width, height, args.only, args.language,
                         args.high_contrast).run()
        finally:
            if wm is not None:
                wm.terminate()
                wm.wait(10)


def _window_manager():
    """Openbox, where installed, so dialogs have their title bars as on a desk."""
    import shutil
    import subprocess
    import time
    if shutil.which("openbox") is None:
        return None
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return wm


class Shots:
    def __init__(self, tmp: Path, width: int, height: int, only=None, language: str = "en",
                 high_contrast: bool = False):
        self.tmp, self.width, self.height = tmp, width, height
        self.only = set(only or ())
        self.language, self.high_contrast = language, high_contrast
        tag = ("-cy" if language == "cy" else "") + ("-high-contrast" if high_contrast else "")
        self.suffix = f"{tag[1:]}-{width}x{height}" if tag else f"{width}x{height}"

    def wait(self, condition, seconds: float = 60.0) -> None:
        import time

        from PySide6.QtWidgets import QApplication
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the console")
            QApplication.processEvents()
            time.sleep(0.02)

    def settle(self, ms: int = 600) -> None:
        import time

        from PySide6.QtWidgets import QApplication
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    def grab(self, name: str) -> Path:
        from PySide6.QtGui import QGuiApplication
        self.settle()
        path = DOCS / f"{name}-{self.suffix}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))   # the root window
        print(path.relative_to(ROOT))
        return path

    def run(self) -> int:
        from PySide6.QtCore import QSettings

        from console.demo import build as demo
        from console.records import journal
        from ui.app import make_application
        from ui.main_window import MainWindow

        app = make_application([], language=self.language)
        if self.high_contrast:
            from ui.theme import apply_theme
            apply_theme(True)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(self.tmp / "settings"))
        vault = self.tmp / "demo-vault"
        demo.build_demo(vault, demo.DEMO_PASSPHRASE)
        w = MainWindow(vault)
        w.presenter.modal = False
        w.show()
        w.showMaximized()          # the whole screen, as a small laptop is used
        w.unlock_page.user.setCurrentText(demo.GOVERNOR)
        w.unlock_page.passphrase.setText(demo.DEMO_PASSPHRASE)
        w.unlock_page.unlock_button.click()
        self.wait(lambda: not w.locked and w.register.model.rowCount() == 10)
        # The reason for opening records, as the governor would give it once.
        w.last_reason = journal.parse_reason("case_review")
        w.reason_owner = w.user.name
        shots = [self.register, self.subject, self.new_subject, self.export_preview]
        if self.width >= 1600:
            shots += [self.review_queue, self.conflict_bars, self.change_role]
        for shot in shots:
            if not self.only or shot.__name__.replace("_", "-") in self.only:
                shot(w)
        w.lock()
        self.wait(lambda: not w.runner.busy)
        w.shutdown()
        app.processEvents()
        return 0

    def _choose(self, w, name: str) -> str:
        ref = next(r.subject.ref for r in w.register.model.snapshot_rows()
                   if r.subject.name == name)
        w.register.select(ref)
        self.wait(lambda: w.panel.ref == ref)
        return ref

    def register(self, w) -> None:
        self._choose(w, "Katarzyna Nowak")
        w.panel.tabs.setCurrentWidget(w.panel.profile)
        self.grab("register")

    def subject(self, w) -> None:
        self._choose(w, "Rhys Llewellyn")
        w.panel.tabs.setCurrentWidget(w.panel.measures)
        self.grab("subject")

    def new_subject(self, w) -> None:
        from PySide6.QtTest import QTest
        dialog = w.actions.new_subject()
        self.wait(dialog.isVisible)
        self.settle(300)
        QTest.keyClicks(dialog.name, "Jordan Ellis")
        dialog.role.setText("Prison officer (Band 3)")
        dialog.location.setText("C Wing")
        dialog.start_date.set_value(dt.date.today() - dt.timedelta(days=700))
        dialog.next_review.set_value(dt.date.today() - dt.timedelta(days=3))
        dialog.name.setFocus()
        self.grab("new-subject")
        dialog.reject()

    def export_preview(self, w) -> None:
        from ui.pdf_preview import PdfDocument

        from reports.briefing_service import make_briefing, preview_briefing
        from ui.export import ExportDialog
        from ui.save_location import SaveLocation
        dialog = ExportDialog(w.runner, make_briefing, preview_briefing, parent=w,
                              places=SaveLocation(w.settings, w.user.name),
                              signer=w.user.display_name)
        dialog.show()
        dialog.preview_button.click()
        self.wait(lambda: dialog.document.status() == PdfDocument.Status.Ready)
        dialog.resize(min(self.width - 80, 900), self.height - 80)
        dialog.move(40, 30)
        self.grab("export-preview")
        dialog.reject()

    def review_queue(self, w) -> None:
        from ui.lawful.wiring import open_review_queue
        open_review_queue(w)
        self.wait(lambda: getattr(w, "review_dialog", None) is not None
                  and w.review_dialog.isVisible())
        w.review_dialog.move(60, 60)
        path = self.grab("review-queue")
        path.replace(DOCS / "review-queue.png")
        w.review_dialog.close()

    def _run(self, w, call):
        from ui.operation import Operation
        out = []
        w.runner.run(Operation(call, write=True, on_success=out.append,
                               on_failure=out.append))
        self.wait(lambda: bool(out))
        if isinstance(out[0], BaseException):
            raise out[0]
        return out[0]

    def conflict_bars(self, w) -> None:
        from console.records import conflicts, users
        from ui.conflicts import ConflictBarsDialog
        from ui.conflicts.bars_dialog import read_bars

        def make(vault):
            # Two colleagues whose staff numbers two subjects carry; one bar is
            # reviewed and lifted (a number entered in error).
            users.add_user(vault, "jwren", "jwren demo passphrase", "deputy",
                           display_name="Jo Wren", staff_number="AS10417")
            users.add_user(vault, "pkaur", "pkaur demo passphrase", "viewer",
                           display_name="Priya Kaur", staff_number="AS30245")
            bars = conflicts.bars(vault)
            lifted = next(b for b in bars if b.user == "pkaur")
            conflicts.lift(vault, lifted.ref, lifted.user,
                           "Staff number entered in error; checked with HR.")
            return read_bars(vault)
        dialog = ConflictBarsDialog(w.runner, self._run(w, make), role="governor", parent=w)
        dialog.show()
        dialog.move(80, 80)
        self.grab("conflict-bars").replace(DOCS / "conflict-bars.png")
        dialog.reject()

    def change_role(self, w) -> None:
        from console.records import users
        from ui.users import UsersDialog
        from ui.users.role_dialog import ChangeRoleDialog
        listed = self._run(w, users.list_users)
        dialog = UsersDialog(w.runner, users=listed, current_user=w.user.name, parent=w)
        dialog.show()
        dialog.move(60, 60)
        dialog.select("dosei")
        ask = ChangeRoleDialog(listed, w.user.name, "dosei", dialog)
        ask.show()
        ask.move(380, 300)
        self.grab("change-role").replace(DOCS / "change-role.png")
        ask.reject()
        dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
