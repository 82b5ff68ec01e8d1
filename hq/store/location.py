"""Where an HQ store lives: a folder for the default encrypted SQLite file, or
a ``postgresql://`` URL for a server.

A URL may carry a password; ``label`` never shows it, and nothing here
writes a URL anywhere. libpq's own settings (``PGPASSWORD``, ``~/.pgpass``,
``PGSSLMODE``...) apply as for any PostgreSQL client.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console.errors import ValidationError
from console.i18n import _

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_PG_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")

DB_FILE = "hq.db"
LOCK_FILE = "hq.lock"


@dataclass(frozen=True)
class Location:
    kind: str
    folder: Path | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        """How to name the store in a message: the folder, or the server and
        database without any password."""
        if self.kind == SQLITE:
            return str(self.folder)
        from sqlalchemy.engine import make_url
        u = make_url(self.url)
        host = u.host or u.query.get("host") or _("local socket")
        if isinstance(host, tuple):
            host = host[0]
        return _("PostgreSQL database {database} on {host}").format(
                 database=u.database or _("(default)"), host=host)

    def sqlalchemy_url(self) -> str:
        """The URL with the psycopg 3 driver named."""
        url = self.url or ""
        for scheme in _PG_SCHEMES:
            if url.startswith(scheme):
                return "postgresql+psycopg://" + url[len(scheme):]
        return url


def parse(text: str) -> Location:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Give the HQ store with --db: a folder for the encrypted file, "
                                "or a postgresql:// URL."))
    if text.startswith(_PG_SCHEMES):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError
        try:
            u = make_url(Location(POSTGRESQL, url=text).sqlalchemy_url())
        except ArgumentError:
            raise ValidationError(_("That postgresql:// URL could not be read; write it as "
                                    "postgresql://USER@HOST/DATABASE.")) from None
        if not u.database:
            raise ValidationError(_("The postgresql:// URL must name a database, e.g. "
                                    "postgresql://hq@db.example/national."))
        return Location(POSTGRESQL, url=text)
    if "://" in text:
        raise ValidationError(_("Only folders and postgresql:// URLs can hold an HQ store."))
    return Location(SQLITE, folder=Path(text).expanduser())
