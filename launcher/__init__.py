"""The one entry point: the desktop console or the command line.

``governors-console`` (the installed command and the frozen build) and
``python main.py`` (the source folder) both run ``main``:

- no command, or ``gui``: the desktop console, with its options
  (``--vault PATH``, ``--demo``, and Qt's own such as ``-platform``);
- a command (``list``, ``brief``...): the command line. Options given before
  the command (``--vault PATH list``) are handed to the command, which takes
  them all; ``--help`` and ``--version`` go to the command line too;
- ``hq`` with options only (``hq --db DB``): the HQ window; ``hq COMMAND``
  runs HQ's command line.

Each side is imported only when chosen, so a command never loads Qt and the
window never loads the command parser.
"""

from __future__ import annotations

import sys

_CLI_OPTIONS = {"-h", "--help", "--version"}
# Options that take a value as the next word, so that word is not a command:
# every command's own, and Qt's (see QGuiApplication's documentation).
_VALUE_OPTIONS = {"--vault", "--user", "--locked", "--language", "-platform", "-platformpluginpath",
                  "-platformtheme", "-plugin", "-qwindowgeometry", "-qwindowicon", "-qwindowtitle", "-session",
                  "-display", "-style", "-stylesheet"}


def _leading_options(argv: list[str]) -> int:
    """How many words of ``argv`` are options (with their values) before
    the first word that is not."""
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "-":
        i += 2 if argv[i] in _VALUE_OPTIONS else 1
    return min(i, len(argv))


def _hq_window(words: list[str]) -> bool:
    """The words after ``hq`` name no HQ command and ask for no help."""
    from hq import COMMANDS
    i = 0
    while i < len(words):
        if words[i] in COMMANDS or words[i] in _CLI_OPTIONS:
            return False
        i += 2 if words[i] == "--db" else 1
    return True


def route(argv: list[str]) -> tuple[str, list[str]]:
    """("desktop", "hq-window" or "cli", the arguments that side receives)."""
    if argv and argv[0] in _CLI_OPTIONS:
        return "cli", argv
    n = _leading_options(argv)
    options, rest = argv[:n], argv[n:]
    if not rest:
        return "desktop", options
    if rest[0] == "gui":
        return "desktop", options + rest[1:]
    if rest[0] == "hq" and _hq_window(rest[1:]):
        return "hq-window", options + rest[1:]
    return "cli", rest[:1] + options + rest[1:]


def main(argv: list[str] | None = None) -> int:
    side, args = route(list(sys.argv[1:] if argv is None else argv))
    if side == "desktop":
        from ui.app import run
        return run(args)
    if side == "hq-window":
        from ui.hq.app import run as run_hq
        return run_hq(args)
    from cli.main import main as run_command
    return run_command(args)
