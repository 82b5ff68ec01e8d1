"""CLI commands for backups: ``backup --vault V --out FILE``,
``restore --vault V FILE``, ``backups`` (the automatic ones) and ``check``
(every page and the audit chain, e.g. before taking a backup off the laptop).

A backup is encrypted under the vault's own key, so making one needs the
vault unlocked. Restoring asks for the passphrase of a governor *in the
backup* (and, if it changed since, theirs of today, from
``CONSOLE_CURRENT_PASSPHRASE`` or a prompt), checks the backup and the vault
it replaces completely before replacing anything, and keeps the replaced
vault aside; it is refused while the vault is open elsewhere.
"""

from __future__ import annotations

import os
import sys

from cli.common import open_vault, passphrase_from_env_or_prompt, term, vault_path
from console.audit import backup_ledger
from console.errors import ChainBroken, ChainRewound, VaultDamaged
from console.lawful import retention
from console.lawful.backups import make_backup
from console.lawful.restore import restore_backup
from console.storage import snapshot as backup
from console.storage.integrity import check_integrity
from console.i18n import _, ngettext


def add_commands(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common],
                       help=_("write an encrypted backup of the vault to one file"))
    p.add_argument("--out", required=True, metavar="FILE",
                   help=_("backup file to write (a folder gets a dated {suffix} name); never "
                          "inside the vault's folder").format(suffix=backup.SUFFIX))
    p.add_argument("--mkdir", action="store_true",
                   help=_("create the folder to write it in if it does not exist"))
    p.add_argument("--force", action="store_true", help=_("replace a file of that name"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common],
                       help=_("replace the vault with a checked backup (the old one is kept "
                              "aside)"))
    p.add_argument("file", metavar="FILE", help=_("a backup made by 'backup' or automatically"))
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backups", parents=[common],
                       help=_("list the automatic backups kept beside the vault, and which "
                              "should be deleted"))
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("check", parents=[common],
                       help=_("read every page of the vault and verify its audit chain"))
    p.set_defaults(func=cmd_check)


def cmd_backup(args) -> int:
    with open_vault(args) as v:
        path = make_backup(v, args.out, force=args.force, create_folder=args.mkdir)
    print(_("Backup written to {path}. It is encrypted; keep it somewhere safe, away from this "
            "computer.").format(path=path))
    return 0


def cmd_restore(args) -> int:
    folder = vault_path(args)
    backup.read_manifest(args.file)  # a bad file is refused before any prompt
    passphrase = passphrase_from_env_or_prompt(_("Your passphrase as it was in the backup: "))
    result = restore_backup(folder, args.file, getattr(args, "user", None), passphrase,
                            current_passphrase=_current_passphrase())
    aside = (" " + _("The vault it replaced is kept at {folder}.").format(
        folder=result.kept_aside) if result.kept_aside else "")
    values = dict(entries=result.audit_entries, folder=result.folder,
                  at=result.backup_created_at[:19].replace("T", " "),
                  maker=term(result.made_by, one_line=True))
    said = (_("Restored the backup, made by {maker}, whose chain ends at entry #{entries} ({at} "
              "UTC) into {folder}; the restore is recorded in its chain.") if result.made_by
            else _("Restored the backup whose chain ends at entry #{entries} ({at} UTC) into "
                   "{folder}; the restore is recorded in its chain."))
    print(said.format(**values) + aside)
    for sentence in result.carried:
        print(term(sentence))
    return 0


def _current_passphrase() -> str | None:
    """Your passphrase of today for the vault being replaced: from
    ``CONSOLE_CURRENT_PASSPHRASE``, or a prompt in a terminal (Enter: the
    same as in the backup), or else the same."""
    value = os.environ.get("CONSOLE_CURRENT_PASSPHRASE")
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass
        return getpass.getpass(_("Your passphrase today, if you changed it since "
                                 "(Enter if not): ")) or None
    return None


def cmd_backups(args) -> int:
    try:
        with open_vault(args) as v:
            placed = backup_ledger.place(v)
            flags = {f.path: f.reason for f in retention.backup_flags(v)}
    except (VaultDamaged, ChainBroken, ChainRewound) as exc:
        return _by_label(vault_path(args), str(exc))
    if not placed:
        print(_("There are no automatic backups beside this vault yet."))
        return 0
    for p in placed:
        when = (p.made_at or p.info.created_at)[:19].replace("T", " ") if p.counted \
            else _("not placed")
        reason = term(p.info.reason, one_line=True) if p.info.ok else _("damaged")
        maker = term(p.info.signer, one_line=True) if p.counted else ""
        size = _("{size:,} bytes").format(size=p.info.size)
        print(f"{when:<20} {reason or '-':<10} {size:>18}  {maker or '-':<12} {p.info.path}")
        flag = flags.get(p.info.path)
        if flag:
            print(f"{'':<20} " + _("DELETE: {why}").format(why=flag))
    flagged = sum(1 for p in placed if p.info.path in flags)
    if flagged:
        print("\n" + ngettext("{flagged} of {n} backup should be deleted (File › Backups…, or "
                              "remove the file once a new backup has been made).",
                              "{flagged} of {n} backups should be deleted (File › Backups…, or "
                              "remove the files once a new backup has been made).",
                              len(placed)).format(flagged=flagged, n=len(placed)))
    return 0


def _by_label(folder, why: str) -> int:
    """The vault cannot be opened (so nothing can be placed by its chain):
    the backups by what their own labels say, marked as such, for a restore."""
    print(why, file=sys.stderr)
    print(_("The vault could not be opened, so its backups are listed by what their own labels "
            "say, unchecked; choose one and run 'restore'."), file=sys.stderr)
    items = sorted(backup.list_backups(folder), key=lambda b: (b.ok, b.created_at),
                   reverse=True)
    if not items:
        print(_("There are no automatic backups beside this vault."))
    for b in items:
        when = b.created_at[:19].replace("T", " ") if b.ok else _("damaged")
        size = _("{size:,} bytes").format(size=b.size)
        print(f"{when:<20} {term(b.reason, one_line=True) or '-':<10} {size:>18}  "
              f"{_('(label)'):<12} {b.path}")
    return 0


def cmd_check(args) -> int:
    from console.audit import chain as audit
    with open_vault(args) as v:
        check_integrity(v)  # VaultDamaged names the problem and the way out
        report = audit.verify(v)
    print(_("Every page of the vault reads back intact.") + " " + report.sentence())
    return 0 if report.ok else 1
