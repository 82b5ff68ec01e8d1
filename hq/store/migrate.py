"""Schema migrations of the HQ store, with Alembic, run in code on the
store's own engine (no alembic.ini, no URL in a file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _config(conn=None):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def _script():
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config())


def current(conn) -> str | None:
    """The revision the database is at; None for a database with no HQ store."""
    from alembic.runtime.migration import MigrationContext
    return MigrationContext.configure(conn).get_current_revision()


def known(revision: str) -> bool:
    return any(s.revision == revision for s in _script().walk_revisions())


def is_head(revision: str) -> bool:
    return revision == _script().get_current_head()


def upgrade(engine) -> None:
    from alembic import command
    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
