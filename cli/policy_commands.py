"""CLI command for the IT officer: ``policy`` shows this laptop's policy
(``console.storage.policy``) as the console reads it, with any part it
ignored and why. Needs no vault and no passphrase; exits 1 when the file has
problems, so a deployment script can check it."""

from __future__ import annotations

from console.storage import policy
from console.i18n import _


def add_commands(sub, common) -> None:
    p = sub.add_parser("policy", help=_("show this computer's policy for every user (auto-lock, "
                                        "backup folder) and any problem in it"))
    p.set_defaults(func=cmd_policy)


def cmd_policy(args) -> int:
    current = policy.load()
    if current.empty and not current.problems:
        print(_("No policy is set on this computer (the file would be {source}).").format(
                source=current.source))
        return 0
    print(_("Policy file: {source}").format(source=current.source))
    if current.autolock_minutes is not None:
        print(_("  The console locks after at most {autolock_minutes} minutes of inactivity.").format(
                autolock_minutes=current.autolock_minutes))
    if current.backup_folder is not None:
        print(_("  Automatic backups are also copied to {backup_folder}.").format(
                backup_folder=current.backup_folder))
    for problem in current.problems:
        print(_("  Problem: {problem}").format(problem=problem))
    return 1 if current.problems else 0
