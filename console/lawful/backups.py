"""Backups as a person asks for them: a manual backup to a file of their
choosing, and deleting one of the vault's automatic backups, each checked
against the rights table (and deleting recorded in the audit chain)."""

from __future__ import annotations

from pathlib import Path

from console.audit import chain as audit
from console.audit import roles
from console.clock import utcnow
from console.errors import ValidationError
from console.storage import snapshot


def make_backup(vault, out_path, on_progress=None) -> Path:
    """A manual backup of the open vault to ``out_path`` (one file)."""
    roles.require(vault, "backup")
    out_path = Path(out_path).expanduser()
    if out_path.is_dir():
        out_path = out_path / snapshot.auto_name(utcnow(), "manual")
    return snapshot.write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out_path,
                                 "manual", on_progress)


def delete_backup(vault, path) -> None:
    """Delete one automatic backup from the vault's own backups folder
    (governor only; recorded in the audit chain)."""
    roles.require(vault, "delete_backup")
    folder = snapshot.backups_dir(vault.folder).resolve()
    path = Path(path).resolve()
    if path.parent != folder or path.suffix != snapshot.SUFFIX or not path.is_file():
        raise ValidationError("Only a backup in this vault's own backups folder can be "
                              "deleted here.")
    with vault.write():
        audit.append(vault, "backup.delete", "vault", vault.vault_id, after={"file": path.name})
        try:
            path.unlink()
        except OSError:
            raise ValidationError("That backup could not be deleted; check that the file is "
                                  "not open elsewhere, then try again.") from None
