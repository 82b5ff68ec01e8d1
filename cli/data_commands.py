"""CLI commands that fill a vault with data: ``demo`` and ``import``.

``demo`` builds a new demo vault and refuses a folder that already holds one;
generated passphrases are printed once and never stored anywhere else.
``import`` reports every bad row by line number on stderr, then one summary
line; it exits non-zero when the file is rejected.
"""

from __future__ import annotations

import os
import sys

from cli.common import EXIT_USER, open_vault, term, vault_path
from console.errors import ImportRejected, VaultExists
from console.storage.keyslots import SLOTS_FILE
from console.storage.layout import DB_FILE
from console.i18n import _, ngettext


def add_commands(sub, common) -> None:
    p = sub.add_parser(
        "demo", parents=[common],
        help=_("create a demo vault with fictional staff, reports and measures"),
        description=_("Create a demo vault for a fictional establishment. With "
                      "CONSOLE_PASSPHRASE set, every demo user gets that passphrase; otherwise "
                      "passphrases are generated and printed once."))
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "import", parents=[common], help=_("import a spreadsheet register (CSV)"),
        description=_("Import a register CSV, one row per subject. Nothing is imported unless "
                      "every row is good, unless --skip-bad is given."))
    p.add_argument("file", metavar="FILE.csv", help=_("the CSV file to import"))
    p.add_argument("--skip-bad", action="store_true",
                   help=_("import the good rows and list the bad ones"))
    p.set_defaults(func=cmd_import)


def cmd_demo(args) -> int:
    from console.demo.build import build_demo
    path = vault_path(args)
    if path.is_dir() and any(path.iterdir()):
        if (path / DB_FILE).exists() or (path / SLOTS_FILE).exists():
            raise VaultExists(_("A vault already exists in that folder; the demo never "
                                "overwrites one, so choose another folder."))
        raise VaultExists(_("That folder is not empty; the demo vault needs a new or empty "
                            "folder."))
    passphrase = os.environ.get("CONSOLE_PASSPHRASE")
    result = build_demo(path, passphrase)
    print(_("Created a demo vault for {establishment} at {path}.").format(
            establishment=result.establishment, path=result.path))
    print(_("Sign in as {governor} (the governor) by default; the other users are deputies and a "
            "viewer.").format(governor=result.governor))
    if passphrase is None:
        print(_("Passphrases (shown once; keep them somewhere safe):"))
        width = max(len(n) for n in result.users)
        for name, secret in result.users.items():
            print(f"  {name.ljust(width)}  {result.roles.get(name, '')[:8].ljust(8)}  {secret}")
    else:
        print(_("Every demo user has the passphrase from CONSOLE_PASSPHRASE."))
    return 0


def cmd_import(args) -> int:
    from console.records.importer import import_csv
    with open_vault(args) as v:
        try:
            result = import_csv(v, args.file, skip_bad=args.skip_bad)
        except ImportRejected as exc:
            _print_problems(exc.problems, getattr(exc, "warnings", ()))
            hint = " " + _("(--skip-bad does that)") if getattr(exc, "skippable", False) else ""
            print(f"{str(exc).rstrip('.')}{hint}.", file=sys.stderr)
            return EXIT_USER
    _print_problems(result.problems, result.warnings)
    if result.imported:
        span = (result.refs[0] if result.imported == 1 else _("{first} to {last}").format(
            first=result.refs[0], last=result.refs[-1]))
        summary = ngettext("Imported {n} subject ({span})", "Imported {n} subjects ({span})",
                           result.imported).format(n=result.imported, span=span)
    else:
        summary = _("Imported no subjects")
    skipped = len({line for line, _reason in result.problems})
    if skipped:
        summary += "; " + ngettext("skipped {n} row with problems, listed above",
                                   "skipped {n} rows with problems, listed above",
                                   skipped).format(n=skipped)
    print(summary + ".")
    return 0


def _print_problems(problems, warnings=()) -> None:
    for warning in warnings:
        print(_("warning: {warning}").format(warning=term(warning, one_line=True)),
              file=sys.stderr)
    for line, reason in problems:
        print(_("line {line}: {reason}").format(line=line, reason=term(reason, one_line=True)),
              file=sys.stderr)
