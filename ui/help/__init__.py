"""Help: the user guide, the keyboard shortcuts and About, each opened from
the Help menu (any time, locked or not: none of them shows record data)."""

from __future__ import annotations


def open_guide(window) -> None:
    from .guide import GuideDialog
    GuideDialog.ask(window)


def open_shortcuts(window) -> None:
    from .shortcuts import ShortcutsDialog
    ShortcutsDialog.ask(window.menuBar(), window)


def open_about(window) -> None:
    from ..errors import log_file
    from .about import AboutDialog
    AboutDialog.ask(window.vault_path, log_file(), window)
