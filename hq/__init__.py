"""Headquarters: the receiving end of the establishments' briefings.

HQ pins each governor's certificate, ingests signed briefings (verifying
each against the pinned certificate and continuity of its audit chain),
keeps their data in a national store (an encrypted SQLite file by default,
PostgreSQL for the national deployment) and reports across establishments.

Rules: nothing here imports Qt (the HQ window lives in ``ui/hq``); every
database access goes through SQLAlchemy Core on a ``Store``; every failure a
user can cause is a ``ConsoleError`` with one plain sentence, and no message
carries record data (staff numbers, references) or a server password.
"""

# The HQ commands of ``main.py hq COMMAND``; with none, the HQ window opens.
COMMANDS = ("init", "trust", "ingest", "status", "staff", "report")
