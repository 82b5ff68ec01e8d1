"""Governor's Console, run from its source folder: ``python main.py``.

With no arguments (or with ``--vault PATH``, ``--demo`` or ``gui``) it opens
the desktop console; with a command it runs the command line
(``python main.py --help`` lists them). An installed copy runs the same
``launcher.main`` as the ``governors-console`` command.
"""

import sys

from launcher import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The frozen build's worker processes (hq ingest) start this program
        # again; this lets them run their task instead of the console.
        import multiprocessing
        multiprocessing.freeze_support()
    sys.exit(main())
