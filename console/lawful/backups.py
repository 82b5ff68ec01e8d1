"""Backups as a person asks for them: a manual backup to a file of their
choosing, and deleting one of the vault's automatic backups, each checked
against the rights table (and deleting recorded in the audit chain).

Where a manual backup may go: never inside the vault's folder (its database,
key slots, lock file or automatic backups, which the console prunes), never
over an existing file unless the caller says so (``force``), and into a
missing folder only when asked to create it (``create_folder``). A path
ending in a separator, or naming a folder, is a folder: the file gets a
dated name inside it."""

from __future__ import annotations

import os
from pathlib import Path

from console.audit import chain as audit
from console.audit import roles
from console.clock import utcnow
from console.errors import ValidationError, translate
from console.storage import snapshot
from console.i18n import _


def make_backup(vault, out_path, on_progress=None, *, force: bool = False,
                create_folder: bool = False) -> Path:
    """A manual backup of the open vault to ``out_path`` (one file)."""
    roles.require(vault, "backup")
    out_path = backup_target(vault, out_path, force=force, create_folder=create_folder)
    return snapshot.write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out_path,
                                 "manual", on_progress, signer=snapshot.signer_of(vault))


def backup_target(vault, out_path, *, force: bool = False, create_folder: bool = False) -> Path:
    """The file a manual backup to ``out_path`` writes, or the sentence why not."""
    text = str(out_path)
    as_folder = text.endswith(("/", os.sep)) or (os.altsep is not None
                                                  and text.endswith(os.altsep))
    path = Path(os.path.abspath(Path(text).expanduser()))
    if path.is_dir():
        as_folder = True
    folder = path if as_folder else path.parent
    if _inside(folder, Path(vault.folder)):
        raise ValidationError(_("A backup cannot be saved inside the vault's own folder (its "
                                "database, key slots and automatic backups live there); choose a "
                                "folder elsewhere, ideally removable media."))
    if not folder.is_dir():
        if folder.exists():
            raise ValidationError(_("The place to save the backup in is a file, not a folder; "
                                    "choose a folder."))
        if not create_folder:
            raise ValidationError(_("The folder to save the backup in does not exist; create it "
                                    "first, or ask for it to be created (--mkdir)."))
    if create_folder and not folder.is_dir():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise translate(exc) from None
    target = folder / snapshot.auto_name(utcnow(), "manual") if as_folder else path
    if target.is_dir():
        raise ValidationError(_("A folder of that name exists; choose a file name."))
    if target.exists() and not force:
        raise ValidationError(_("A file of that name exists already; choose another name, or "
                                "replace it knowingly (--force)."))
    return target


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies under it (links and ``..`` followed)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def delete_backup(vault, path) -> None:
    """Delete one automatic backup from the vault's own backups folder
    (governor only; recorded in the audit chain)."""
    roles.require(vault, "delete_backup")
    folder = snapshot.backups_dir(vault.folder).resolve()
    path = Path(path).resolve()
    if path.parent != folder or path.suffix != snapshot.SUFFIX or not path.is_file():
        raise ValidationError(_("Only a backup in this vault's own backups folder can be deleted "
                                "here."))
    with vault.write():
        audit.append(vault, "backup.delete", "vault", vault.vault_id, after={"file": path.name})
        try:
            path.unlink()
        except OSError:
            raise ValidationError(_("That backup could not be deleted; check that the file is "
                                    "not open elsewhere, then try again.")) from None
