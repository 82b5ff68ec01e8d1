"""Starting the desktop console: the application object, its look, the one
hook for unexpected errors, and the first-run wizard or the unlock page.

``run(argv)`` accepts ``--vault PATH``; without it the vault is the default
one under the user's data folder (``console.storage.paths.default_vault()``).

Start-up keeps to what the unlock page needs before its first paint; the
window's workspace and the application icon follow just after it (see
``ui.main_window``). Qt's large ``Qt`` namespace is imported where it is
used, for the same reason.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from console import APP_NAME, APP_SLUG
from console.storage import paths

from .errors import ErrorPresenter, log_crash

ORG = "HM Prison Service"

STYLE = """
QMainWindow, QDialog { font-size: 10pt; }
#unlockCard { border: 1px solid palette(mid); border-radius: 10px; background: palette(base); }
#unlockTitle { font-size: 20pt; font-weight: 600; }
#unlockSubtitle, #hint, #unlockVault { color: palette(placeholder-text); }
#subjectHeader { font-size: 14pt; font-weight: 600; }
QTableView { gridline-color: palette(midlight); }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
QToolBar { spacing: 6px; padding: 3px; }
QToolBar QToolButton { padding: 4px 10px; }
"""


def app_icon() -> QIcon:
    """A plain shield mark drawn at run time (no image files needed)."""
    from PySide6.QtCore import Qt
    icon = QIcon()
    for size in (16, 32, 64, 256):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor("#1f3a5f"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(0, 0, size, size, size * 0.2, size * 0.2)
        p.setPen(QColor("white"))
        f = p.font()
        f.setPixelSize(int(size * 0.6))
        f.setBold(True)
        p.setFont(f)
        p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, "G")
        p.end()
        icon.addPixmap(pm)
    return icon


def make_application(argv: list[str], *, icon: bool = True,
                     language: str | None = None) -> QApplication:
    """The application object with its names, language (``language``, else
    the one chosen in Settings, else the system's), look and (unless
    ``icon`` is false, when the caller sets it later) its icon."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_SLUG,
                                                  *argv])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from . import i18n
    from .settings import Settings
    i18n.install(i18n.chosen(language, Settings().get("desktop/language")))
    if icon:
        app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    # Fusion takes the platform palette, so it follows the OS light/dark scheme;
    # the stylesheet names palette roles only, never fixed light colours.
    app.setStyleSheet(STYLE)
    from .theme import apply_theme
    apply_theme(Settings().get("desktop/high_contrast"))
    return app


def install_error_hook(presenter: ErrorPresenter) -> None:
    """Unexpected exceptions: logged without record data, then one apology."""
    def hook(exc_type, exc, tb):
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        try:
            presenter.crash(exc)
        except Exception:
            log_crash(exc)
    sys.excepthook = hook


def demo_builder():
    """Builds the demo vault with the demo's one known passphrase."""
    from console.demo import build as demo
    return functools.partial(demo.build_demo, passphrase=demo.DEMO_PASSPHRASE)


def open_demo_window(window_cls):
    from console.demo import build as demo
    folder = paths.demo_vault()
    window = window_cls(folder)
    if (folder / "register.db").exists():
        window.unlock_page.reset(QCoreApplication.translate(
            "App", "Demo vault (fictional data): every user's passphrase is “%1”.").replace(
            "%1", demo.DEMO_PASSPHRASE))
    else:
        window.open_demo(demo_builder())
    return window


def parse_args(argv: list[str]):
    parser = argparse.ArgumentParser(prog=APP_SLUG, add_help=True)
    parser.add_argument("--vault", type=Path, default=None,
                        help="the vault folder (default: the one in your data folder)")
    parser.add_argument("--language", choices=("en", "cy"), default=None,
                        help="the language of the window: en (English) or cy (Cymraeg)")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo vault, building it first if there is none")
    # Given by the console itself when it locks and starts afresh (``relaunch``).
    parser.add_argument("--locked", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--minimised", action="store_true", help=argparse.SUPPRESS)
    args, _qt = parser.parse_known_args(argv)
    return args


def first_run(window_cls, path: Path):
    """Ask for a new vault or the demo; return the window, or None if cancelled."""
    from .setup.setup_wizard import SetupWizard
    builder = demo_builder()
    answer = SetupWizard.ask(None, demo_available=builder is not None)
    if answer is None:
        return None
    if answer.mode == "demo":
        return open_demo_window(window_cls)
    window = window_cls(path)
    window.create_vault(answer)
    return window


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    app = make_application(argv, icon=False, language=args.language)
    from .main_window import MainWindow
    presenter = ErrorPresenter()
    install_error_hook(presenter)
    path = args.vault or paths.default_vault()
    if args.demo:
        window = open_demo_window(MainWindow)
    elif (path / "register.db").exists() or (path / "keyslots.json").exists():
        # The unlock page paints first; the rest of the window is built just after.
        window = MainWindow(path, defer_workspace=True)
    else:
        app.setWindowIcon(app_icon())    # the wizard comes first and shows it
        window = first_run(MainWindow, path)
        if window is None:
            return 0
    install_error_hook(window.presenter)
    from .relaunch import command
    vault, demo = window.vault_path, bool(args.demo)
    window.relaunch_on_lock = lambda why, minimised: command(vault, why, minimised, demo,
                                                              args.language)
    if args.locked:
        window.unlock_page.reset(QCoreApplication.translate("MainWindow", "Locked %1.").replace(
            "%1", args.locked))
    if args.minimised:
        window.showMinimized()
    else:
        window.show()
    if app.windowIcon().isNull():
        window.after_first_paint(lambda: app.setWindowIcon(app_icon()))
    try:
        return app.exec()
    except Exception as exc:  # pragma: no cover - last resort
        log_crash(exc)
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, APP_NAME, QCoreApplication.translate("App", "Sorry, the console had to stop."))
        return 1
