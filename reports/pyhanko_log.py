"""pyHanko's own logging, kept off the terminal and out of every log file.

pyHanko logs as it validates: a briefing changed after signing makes it log
the failed comparison of revisions with a traceback, at WARNING, which
Python's last-resort handler would print on standard error beside the
console's own one-sentence verdict (and which can quote the document).
``quiet()`` gives pyHanko's loggers a handler that drops every record and
stops them reaching the root logger; the verdict says what went wrong.
Called before pyHanko does any work (verify and sign); idempotent.
"""

from __future__ import annotations

import logging

LOGGERS = ("pyhanko", "pyhanko_certvalidator")


def quiet() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.propagate = False
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
