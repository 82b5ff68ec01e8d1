"""Reading every page of an open vault, to prove it sound."""

from __future__ import annotations

from console.errors import VaultDamaged
from console.i18n import _


def check_integrity(vault) -> None:
    """Read every page of the open vault: SQLite's structure check and
    SQLCipher's per-page authentication. Raises VaultDamaged if either fails."""
    with vault.guard():
        rows = vault.conn.execute("PRAGMA integrity_check").fetchall()
        pages = vault.conn.execute("PRAGMA cipher_integrity_check").fetchall()
    if rows != [("ok",)] or pages:
        raise VaultDamaged(_("The vault's database is damaged; restore it from a backup (File › "
                             "Backups… › Restore, or the 'restore' command)."))
