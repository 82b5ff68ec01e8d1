"""Governor's Console entry point.

With no arguments, opens the desktop console; with a subcommand, runs the
command line (``python main.py --help`` lists them). The briefing commands and
the desktop console are named here, outside the core, and imported only when
used.
"""

import sys

from console import cli

EXTRA_COMMAND_MODULES = ("reports.commands", "reports.commands_lawful")
GUI = "ui.app:run"


def main(argv=None) -> int:
    return cli.main(argv, extra_modules=EXTRA_COMMAND_MODULES, gui=GUI)


if __name__ == "__main__":
    sys.exit(main())
