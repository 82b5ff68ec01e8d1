"""Headquarters' commands: ``hq init|trust|ingest|status|staff|report``.

Each takes ``--db``: a folder (the encrypted SQLite store) or a
``postgresql://`` URL. The HQ passphrase comes from ``CONSOLE_PASSPHRASE``
or a prompt, never an argument. ``main.py hq --db DB`` with no command opens
the HQ window (the launcher decides). Exit codes as for every command: 0
fine, 1 something was refused or is not fine, 2 a user error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from cli.common import passphrase_from_env_or_prompt, password_from_stdin
from cli.vault_commands import term
from console.errors import ValidationError
from hq import COMMANDS


def add_commands(sub, _common) -> None:
    import argparse
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", required=True, metavar="DB",
                    help="the HQ store: a folder, or a postgresql:// URL")
    hq = sub.add_parser("hq", help="headquarters: ingest briefings into a national store "
                                   "(with only --db: the HQ window)")
    hq.add_argument("--db", metavar="DB", help=argparse.SUPPRESS)
    hq.set_defaults(func=_no_command)
    cmds = hq.add_subparsers(dest="hq_command", metavar="COMMAND")

    p = cmds.add_parser("init", parents=[db], help="create an HQ store")
    p.add_argument("--overdue-days", type=int, default=35, metavar="N",
                   help="a briefing is overdue when the last is older (default 35)")
    p.set_defaults(func=cmd_init)

    p = cmds.add_parser("trust", parents=[db],
                        help="pin a governor's certificate for an establishment")
    p.add_argument("establishment", metavar="ESTABLISHMENT")
    p.add_argument("cert", metavar="CERT.pem")
    p.set_defaults(func=cmd_trust)

    p = cmds.add_parser("ingest", parents=[db], help="verify briefings and keep their data")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--password-stdin", action="store_true",
                   help="password of encrypted briefings, from the first line of stdin")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    for name, func, text in (("status", cmd_status, "the national picture"),
                             ("staff", cmd_staff, "staff numbers seen in several "
                                                  "establishments")):
        p = cmds.add_parser(name, parents=[db], help=text)
        p.add_argument("--json", action="store_true")
        p.add_argument("--at", metavar="TIME", help="judge ages and deadlines as of this "
                                                    "UTC time (default: now)")
        p.set_defaults(func=func)

    p = cmds.add_parser("report", parents=[db], help="the signed national summary (PDF)")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--at", metavar="TIME", help="as of this UTC time (default: now)")
    p.add_argument("--cert-out", metavar="CERT.pem",
                   help="also write HQ's signing certificate, to verify the summary")
    p.set_defaults(func=cmd_report)


def _no_command(args) -> int:
    raise ValidationError("Name an HQ command (init, trust, ingest, status, staff, report), "
                          "or run 'hq --db DB' on a desktop to open the HQ window.")


def _at(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError("--at must be a time such as 2026-12-01T09:00:00Z.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def open_store(args):
    from hq.store.store import Store
    return Store.open(args.db, passphrase_from_env_or_prompt("HQ passphrase: "))


def _json(obj) -> None:
    sys.stdout.write(json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


def cmd_init(args) -> int:
    from hq.store.store import DEFAULT_SETTINGS, Store
    if not 1 <= args.overdue_days <= 3650:
        raise ValidationError("--overdue-days must be between 1 and 3650.")
    passphrase = passphrase_from_env_or_prompt("New HQ passphrase: ", confirm=True)
    with Store.create(args.db, passphrase) as store:
        if args.overdue_days != DEFAULT_SETTINGS["overdue_days"]:
            store.set_setting("overdue_days", args.overdue_days)
        print(f"HQ store created: {store.location.label}.")
        print(f"HQ's signing certificate SHA-256: {store.identity().fingerprint}")
    return 0


def cmd_trust(args) -> int:
    from hq.trust import pin
    try:
        pem = Path(args.cert).expanduser().read_bytes()
    except OSError:
        raise ValidationError("The certificate file could not be read; check the path.") \
            from None
    with open_store(args) as store:
        done = pin(store, args.establishment, pem)
    if done.unchanged:
        print(f"That certificate is already pinned for {term(done.label)}; nothing changed.")
    else:
        print(f"Pinned the certificate of {term(done.subject)} for {term(done.label)}.")
        if done.replaced:
            print(f"It replaces certificate {done.replaced}, which is no longer accepted.")
    print(f"SHA-256 fingerprint: {done.fingerprint}")
    return 0


def cmd_ingest(args) -> int:
    from hq.ingest import REFUSED, ingest
    password = None
    if args.password_stdin:
        password = password_from_stdin()
    with open_store(args) as store:
        outcomes = ingest(store, [Path(p).expanduser() for p in args.paths],
                          password=password)
    if args.json:
        _json([o.__dict__ for o in outcomes])
    else:
        for o in outcomes:
            print(term(o.sentence), file=sys.stderr if o.result == REFUSED else sys.stdout)
        held = sum(1 for o in outcomes if o.result == "held")
        refused = sum(1 for o in outcomes if o.result == REFUSED)
        print(f"{held} held, {len(outcomes) - held - refused} already held, {refused} "
              "refused.")
    return 1 if any(o.result == REFUSED for o in outcomes) else 0


def cmd_status(args) -> int:
    from hq.status import status
    with open_store(args) as store:
        report = status(store, _at(args.at))
    if args.json:
        _json(report)
        return 0
    from cli.hq_text import status_lines
    for line in status_lines(report):
        print(line)
    return 0


def cmd_staff(args) -> int:
    from hq.staff import overlaps
    with open_store(args) as store:
        rows = overlaps(store)
    if args.json:
        _json(rows)
        return 0
    if not rows:
        print("No staff number appears in more than one establishment's briefings.")
    for r in rows:
        places = "; ".join(f"{term(e['establishment'])} ({term(e['ref'])}, last seen "
                           f"{e['last_seen'][:10]})" for e in r["establishments"])
        print(f"{term(r['staff_number'])}: {places}")
    return 0


def cmd_report(args) -> int:
    from hq.national import make_report
    out = Path(args.out).expanduser()
    with open_store(args) as store:
        result = make_report(store, out, now=_at(args.at))
        cert = store.identity().cert_pem
    if args.cert_out:
        from console.storage.fileio import atomic_write_bytes
        atomic_write_bytes(Path(args.cert_out).expanduser(), cert, mode=0o644)
    print(f"National summary saved to {result.path}: {result.pages} pages, signed by HQ.")
    print(f"SHA-256 of the file: {result.sha256}")
    print(f"HQ's signing certificate SHA-256: {result.fingerprint}")
    return 0
