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
from console.i18n import _


def add_commands(sub, _common) -> None:
    import argparse
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", required=True, metavar="DB",
                    help=_("the HQ store: a folder, or a postgresql:// URL"))
    hq = sub.add_parser("hq", help=_("headquarters: ingest briefings into a national store (with "
                                     "only --db: the HQ window)"))
    hq.add_argument("--db", metavar="DB", help=argparse.SUPPRESS)
    hq.set_defaults(func=_no_command)
    cmds = hq.add_subparsers(dest="hq_command", metavar="COMMAND")

    p = cmds.add_parser("init", parents=[db], help=_("create an HQ store"))
    p.add_argument("--overdue-days", type=int, default=35, metavar="N",
                   help=_("a briefing is overdue when the last is older (default 35)"))
    p.set_defaults(func=cmd_init)

    p = cmds.add_parser("trust", parents=[db],
                        help=_("pin a governor's certificate for an establishment"))
    p.add_argument("establishment", metavar="ESTABLISHMENT")
    p.add_argument("cert", metavar="CERT.pem")
    p.set_defaults(func=cmd_trust)

    p = cmds.add_parser("ingest", parents=[db], help=_("verify briefings and keep their data"))
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--password-stdin", action="store_true",
                   help=_("password of encrypted briefings, from the first line of stdin"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    for name, func, text in (("status", cmd_status, _("the national picture")),
                             ("staff", cmd_staff, _("staff numbers seen in several "
                                                    "establishments"))):
        p = cmds.add_parser(name, parents=[db], help=text)
        p.add_argument("--json", action="store_true")
        p.add_argument("--at", metavar="TIME", help=_("judge ages and deadlines as of this UTC "
                                                      "time (default: now)"))
        p.set_defaults(func=func)

    p = cmds.add_parser("report", parents=[db], help=_("the signed national summary (PDF)"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--at", metavar="TIME", help=_("as of this UTC time (default: now)"))
    p.add_argument("--cert-out", metavar="CERT.pem",
                   help=_("also write HQ's signing certificate, to verify the summary"))
    p.set_defaults(func=cmd_report)


def _no_command(args) -> int:
    raise ValidationError(_("Name an HQ command (init, trust, ingest, status, staff, report), or "
                            "run 'hq --db DB' on a desktop to open the HQ window."))


def _at(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(_("--at must be a time such as 2026-12-01T09:00:00Z.")) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def open_store(args):
    from hq.store.store import Store
    return Store.open(args.db, passphrase_from_env_or_prompt(_("HQ passphrase: ")))


def _json(obj) -> None:
    sys.stdout.write(json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


def cmd_init(args) -> int:
    from hq.store.store import DEFAULT_SETTINGS, Store
    if not 1 <= args.overdue_days <= 3650:
        raise ValidationError(_("--overdue-days must be between 1 and 3650."))
    passphrase = passphrase_from_env_or_prompt(_("New HQ passphrase: "), confirm=True)
    with Store.create(args.db, passphrase) as store:
        if args.overdue_days != DEFAULT_SETTINGS["overdue_days"]:
            store.set_setting("overdue_days", args.overdue_days)
        print(_("HQ store created: {label}.").format(label=store.location.label))
        print(_("HQ's signing certificate SHA-256: {fingerprint}").format(
                fingerprint=store.identity().fingerprint))
    return 0


def cmd_trust(args) -> int:
    from hq.trust import pin
    try:
        pem = Path(args.cert).expanduser().read_bytes()
    except OSError:
        raise ValidationError(_("The certificate file could not be read; check the path.")) \
            from None
    with open_store(args) as store:
        done = pin(store, args.establishment, pem)
    if done.unchanged:
        print(_("That certificate is already pinned for {label}; nothing changed.").format(
                label=term(done.label)))
    else:
        print(_("Pinned the certificate of {subject} for {label}.").format(
                subject=term(done.subject), label=term(done.label)))
        if done.replaced:
            print(_("It replaces certificate {replaced}, which is no longer accepted.").format(
                    replaced=done.replaced))
    print(_("SHA-256 fingerprint: {fingerprint}").format(fingerprint=done.fingerprint))
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
        print(_("{held} held, {already} already held, {refused} refused.").format(
            held=held, already=len(outcomes) - held - refused, refused=refused))
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
        print(_("No staff number appears in more than one establishment's briefings."))
    for r in rows:
        places = "; ".join(_("{establishment} ({ref}, last seen {day})").format(
            establishment=term(e["establishment"]), ref=term(e["ref"]), day=e["last_seen"][:10])
            for e in r["establishments"])
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
    print(_("National summary saved to {path}: {pages} pages, signed by HQ.").format(
            path=result.path, pages=result.pages))
    print(_("SHA-256 of the file: {sha256}").format(sha256=result.sha256))
    print(_("HQ's signing certificate SHA-256: {fingerprint}").format(
            fingerprint=result.fingerprint))
    return 0
