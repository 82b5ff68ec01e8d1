"""CLI command for the IT officer: ``policy`` shows this laptop's policy
(``console.storage.policy``) as the console reads it, with any part it
ignored and why. Needs no vault and no passphrase; exits 1 when the file has
problems, so a deployment script can check it."""

from __future__ import annotations

from console.storage import policy


def add_commands(sub, common) -> None:
    p = sub.add_parser("policy", help="show this computer's policy for every user "
                                      "(auto-lock, backup folder) and any problem in it")
    p.set_defaults(func=cmd_policy)


def cmd_policy(args) -> int:
    current = policy.load()
    if current.empty and not current.problems:
        print(f"No policy is set on this computer (the file would be {current.source}).")
        return 0
    print(f"Policy file: {current.source}")
    if current.autolock_minutes is not None:
        print(f"  The console locks after at most {current.autolock_minutes} minutes of "
              "inactivity.")
    if current.backup_folder is not None:
        print(f"  Automatic backups are also copied to {current.backup_folder}.")
    for problem in current.problems:
        print(f"  Problem: {problem}")
    return 1 if current.problems else 0
