"""Commands for lawful-handling documents: ``access-pack`` (a signed subject
access pack for one member of staff, with ``--items`` to list what it would
hold and the default decisions first) and ``journal-pdf`` (the consultation
journal, signed, for an auditor).

reportlab and pyHanko are imported only inside the handlers.
"""

from __future__ import annotations

from cli.common import open_vault, password_from_stdin, term
from console.errors import ValidationError


def add_commands(sub, common) -> None:
    p = sub.add_parser("access-pack", parents=[common],
                       help="make a signed subject access pack for one member of staff")
    p.add_argument("ref", help="the subject's reference")
    p.add_argument("--out", metavar="FILE.pdf", help="where to save it")
    p.add_argument("--items", action="store_true",
                   help="list the items and the default decisions; make nothing")
    p.add_argument("--withhold", action="append", default=[], metavar="KEY=REASON[:TEXT]",
                   help="withhold an item (reasons: investigation, source, handling, "
                        "public_security, national_security, other:TEXT)")
    p.add_argument("--release", action="append", default=[], metavar="KEY",
                   help="release an item withheld by default")
    p.add_argument("--request", type=int, metavar="N", help="the access request it answers")
    p.add_argument("--password-stdin", action="store_true",
                   help="encrypt with a password read from the first line of stdin")
    p.set_defaults(func=cmd_access_pack)

    p = sub.add_parser("journal-pdf", parents=[common],
                       help="export the consultation journal as a signed PDF (governor)")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--by", metavar="USER")
    p.add_argument("--ref")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_journal_pdf)


def _password(args) -> str | None:
    return password_from_stdin() if args.password_stdin else None


def decisions_from_args(withhold, release) -> dict:
    out: dict = {}
    for spec in withhold:
        key, sep, reason = spec.partition("=")
        if not sep or not key.strip() or not reason.strip():
            raise ValidationError("Write --withhold as KEY=REASON, e.g. report:12=source.")
        reason, _, text = reason.partition(":")
        out[key.strip()] = (reason.strip(), text.strip())
    for key in release:
        out[key.strip()] = None
    return out


def cmd_access_pack(args) -> int:
    decisions = decisions_from_args(args.withhold, args.release)
    with open_vault(args) as v:
        if args.items:
            from console.lawful import subject_access
            pack = subject_access.draft_pack(v, args.ref, decisions, request_id=args.request)
            for i in pack.items:
                mark = f"WITHHELD ({i.reason})" if i.withheld else "released"
                print(f"{i.key:22} {mark:26} {term(i.detail, one_line=True)}")
            return 0
        if not args.out:
            raise ValidationError("Say where to save the pack with --out FILE.pdf.")
        from reports.access_pack import make_access_pack
        r = make_access_pack(v, args.ref, args.out, decisions, request_id=args.request,
                             password=_password(args))
        print(f"Saved the signed access pack to {r.path}: {r.released} items released, "
              f"{r.withheld} withheld with reasons ({r.pages} pages). SHA-256 {r.sha256}")
    return 0


def cmd_journal_pdf(args) -> int:
    with open_vault(args) as v:
        from reports.journal_pdf import make_journal_pdf
        r = make_journal_pdf(v, args.out, password=_password(args), user=args.by,
                             ref=args.ref, since=args.since, until=args.until)
        print(f"Saved the signed journal to {r.path}: {r.entries} entries, {r.pages} pages. "
              f"SHA-256 {r.sha256}")
    return 0
