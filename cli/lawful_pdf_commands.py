"""Commands for lawful-handling documents: ``access-pack`` (a signed subject
access pack for one member of staff, with ``--items`` to list what it would
hold and the default decisions first) and ``journal-pdf`` (the consultation
journal, signed, for an auditor).

reportlab and pyHanko are imported only inside the handlers.
"""

from __future__ import annotations

from cli.common import open_vault, password_from_stdin, term
from console.errors import ValidationError
from console.i18n import _, ngettext


def add_commands(sub, common) -> None:
    p = sub.add_parser("access-pack", parents=[common],
                       help=_("make a signed subject access pack for one member of staff"))
    p.add_argument("ref", help=_("the subject's reference"))
    p.add_argument("--out", metavar="FILE.pdf", help=_("where to save it"))
    p.add_argument("--items", action="store_true",
                   help=_("list the items and the default decisions; make nothing"))
    p.add_argument("--withhold", action="append", default=[], metavar="KEY=REASON[:TEXT]",
                   help=_("withhold an item (reasons: investigation, source, handling, "
                          "public_security, national_security, other:TEXT)"))
    p.add_argument("--release", action="append", default=[], metavar="KEY",
                   help=_("release an item withheld by default"))
    p.add_argument("--request", type=int, metavar="N", help=_("the access request it answers"))
    p.add_argument("--password-stdin", action="store_true",
                   help=_("encrypt with a password read from the first line of stdin"))
    p.set_defaults(func=cmd_access_pack)

    p = sub.add_parser("journal-pdf", parents=[common],
                       help=_("export the consultation journal as a signed PDF (governor)"))
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
            raise ValidationError(_("Write --withhold as KEY=REASON, e.g. report:12=source."))
        reason, _colon, text = reason.partition(":")
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
                mark = (_("WITHHELD ({reason})").format(reason=i.reason) if i.withheld
                        else _("released"))
                print(f"{i.key:22} {mark:26} {term(i.detail, one_line=True)}")
            return 0
        if not args.out:
            raise ValidationError(_("Say where to save the pack with --out FILE.pdf."))
        from reports.access_pack import make_access_pack
        r = make_access_pack(v, args.ref, args.out, decisions, request_id=args.request,
                             password=_password(args))
        print(_("Saved the signed access pack to {path}: {released} released, {withheld} "
                "withheld with reasons ({pages}). SHA-256 {sha256}").format(
            path=r.path, sha256=r.sha256,
            released=ngettext("{n} item", "{n} items", r.released).format(n=r.released),
            withheld=r.withheld,
            pages=ngettext("{n} page", "{n} pages", r.pages).format(n=r.pages)))
    return 0


def cmd_journal_pdf(args) -> int:
    with open_vault(args) as v:
        from reports.journal_pdf import make_journal_pdf
        r = make_journal_pdf(v, args.out, password=_password(args), user=args.by,
                             ref=args.ref, since=args.since, until=args.until)
        print(_("Saved the signed journal to {path}: {entries}, {pages}. SHA-256 {sha256}").format(
            path=r.path, sha256=r.sha256,
            entries=ngettext("{n} entry", "{n} entries", r.entries).format(n=r.entries),
            pages=ngettext("{n} page", "{n} pages", r.pages).format(n=r.pages)))
    return 0
