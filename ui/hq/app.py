"""Starting the HQ window: ``main.py hq --db DB`` (the launcher sends it here)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="governors-console hq")
    parser.add_argument("--db", required=True, metavar="DB",
                        help="the HQ store: a folder, or a postgresql:// URL")
    args, qt_args = parser.parse_known_args(argv)
    from ..app import STYLE
    from .window import HqWindow
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setStyleSheet(STYLE)
    window = HqWindow(args.db)
    window.show()
    return app.exec()
