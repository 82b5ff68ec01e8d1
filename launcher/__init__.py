"""The one entry point: the desktop console or the command line.

``governors-console`` (and ``python main.py``) with no arguments, with
``gui``, or with only options such as ``--vault PATH`` or ``--demo`` opens the
desktop console; with a command (``list``, ``brief``...) it runs the command
line. Each side is imported only when chosen, so a command never loads Qt and
the window never loads the command parser.
"""

from __future__ import annotations

import sys

_CLI_OPTIONS = {"-h", "--help", "--version"}


def wants_desktop(argv: list[str]) -> bool:
    if not argv or argv[0] == "gui":
        return True
    return argv[0].startswith("-") and argv[0] not in _CLI_OPTIONS


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_desktop(argv):
        from ui.app import run
        return run(argv[1:] if argv and argv[0] == "gui" else argv)
    from cli.main import main as run_command
    return run_command(argv)
