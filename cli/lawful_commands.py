"""CLI commands for lawful handling: the consultation journal, need-to-know
restrictions, processing basis, the retention review queue and its decisions
(retain, legal hold, erase).

Every command is a thin wrapper over ``console.records.journal``,
``console.records.access`` and ``console.lawful.retention``; the rules
(governor only, legal hold, reasons that must not name the subject) live
there. ``erase`` needs ``--yes``: it cannot be undone.
"""

from __future__ import annotations

import dataclasses

from cli.common import emit_json, open_vault, term
from console.errors import ValidationError
from console.lawful import retention, subject_access
from console.records import access, journal
from console.i18n import N_, _, ngettext


# An access request's status as stored, and as said.
REQUEST_STATUS = {"open": N_("open"), "answered": N_("answered")}

def add_commands(sub, common) -> None:
    p = sub.add_parser("journal", parents=[common],
                       help=_("list the consultation and disclosure journal (governor)"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--by", metavar="USER", help=_("only entries by this user"))
    p.add_argument("--ref", help=_("only entries about this subject"))
    p.add_argument("--kind", choices=journal.KINDS.keys())
    p.add_argument("--reason", help=_("only entries with this justification"))
    p.add_argument("--since", metavar="DATE", help=_("from this date (YYYY-MM-DD)"))
    p.add_argument("--until", metavar="DATE", help=_("to this date, inclusive"))
    p.set_defaults(func=cmd_journal)

    p = sub.add_parser("review-queue", parents=[common],
                       help=_("records due for retention review (governor)"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--within", type=int, default=0, metavar="DAYS",
                   help=_("also list records due within this many days"))
    p.set_defaults(func=cmd_review_queue)

    p = sub.add_parser("retention-defaults", parents=[common],
                       help=_("show or change how long each kind of record is kept before review"))
    p.add_argument("--set", action="append", default=[], metavar="CLASS=MONTHS",
                   help=_("e.g. cleared=6 (classes: {classes})").format(classes=", ".join(
                       retention.RETENTION_CLASSES.keys())))
    p.set_defaults(func=cmd_retention_defaults)

    p = sub.add_parser("retain", parents=[common],
                       help=_("keep a record after review, with a reason and next review date"))
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--next", required=True, metavar="DATE", help=_("next review (YYYY-MM-DD)"))
    p.set_defaults(func=cmd_retain)

    p = sub.add_parser("erase", parents=[common],
                       help=_("erase a record for good, leaving only an audit tombstone"))
    p.add_argument("ref")
    p.add_argument("--reason", required=True,
                   help=_("why (kept after erasure, so do not name the person)"))
    p.add_argument("--yes", action="store_true", help=_("confirm: erasure cannot be undone"))
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser("hold", parents=[common], help=_("place or lift a legal hold"))
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--lift", action="store_true", help=_("lift the hold instead"))
    p.set_defaults(func=cmd_hold)

    p = sub.add_parser("restrict", parents=[common],
                       help=_("restrict a record to named users (need-to-know), or lift it"))
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--allow", nargs="*", metavar="USER",
                   help=_("users who may see it (default: its owner); governors always may"))
    p.add_argument("--grant", metavar="USER", help=_("name one more user"))
    p.add_argument("--revoke", metavar="USER", help=_("take one user off"))
    p.add_argument("--lift", action="store_true", help=_("lift the restriction"))
    p.set_defaults(func=cmd_restrict)

    p = sub.add_parser("access-request", parents=[common],
                       help=_("log a subject access request, or list them (no REF)"))
    p.add_argument("ref", nargs="?")
    p.add_argument("--received", metavar="DATE", help=_("date received (default: today)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_access_request)

    p = sub.add_parser("processing", parents=[common],
                       help=_("show or set a record's processing basis and data-subject category"))
    p.add_argument("ref")
    p.add_argument("--basis", choices=retention.BASES.keys())
    p.add_argument("--category", choices=retention.DATA_CATEGORIES.keys())
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_processing)


def _entry_json(e: journal.JournalEntry) -> dict:
    return {**dataclasses.asdict(e), "kind_label": e.kind_label,
            "reason_label": e.reason_label}


def cmd_journal(args) -> int:
    with open_vault(args) as v:
        rows = journal.entries(v, user=args.by, ref=args.ref, kind=args.kind,
                               reason=args.reason, since=args.since, until=args.until)
        if args.json:
            emit_json([_entry_json(e) for e in rows])
            return 0
        if not rows:
            print(_("The journal has no entries that match."))
            return 0
        for e in rows:
            refs = ", ".join(e.refs) if len(e.refs) <= 3 else ngettext(
                "{n} subject", "{n} subjects", len(e.refs)).format(n=len(e.refs))
            extra = "" if not e.recipients else " " + _("to {recipients}").format(
                recipients=", ".join(e.recipients))
            gone = " " + _("(record erased)") if e.erased else ""
            print(term(f"{e.at[:16].replace('T', ' ')}  {e.user:12} {e.kind_label}{extra}: "
                       f"{refs} - {e.reason_label}{gone}", one_line=True))
        print("\n" + ngettext("{n} entry.", "{n} entries.", len(rows)).format(n=len(rows)))
    return 0


def _item_json(i: retention.ReviewItem) -> dict:
    p = i.processing
    return {"ref": i.ref, "name": i.name, "status": i.status, "outcome": i.outcome,
            "retention_class": p.retention_class, "review_on": p.review_on.isoformat(),
            "days_overdue": i.days_overdue, "legal_hold": p.legal_hold, "basis": p.basis,
            "category": p.category, "last_decision": i.last_decision}


def cmd_review_queue(args) -> int:
    with open_vault(args) as v:
        items = retention.review_queue(v, within_days=args.within)
        if args.json:
            emit_json([_item_json(i) for i in items])
            return 0
        if not items:
            print(_("No record is due for retention review."))
            _print_backup_flags(v)
            return 0
        # Translators: column headings of 'review-queue', in capitals like the English.
        head = (_("REF"), _("DUE"), _("CLASS"), _("NAME"), _("NOTE"))
        print(f"{head[0]:13} {head[1]:10} {head[2]:22} {head[3]:28} {head[4]}")
        for i in items:
            note = _("LEGAL HOLD") if i.processing.legal_hold else (
                ngettext("{n} day overdue", "{n} days overdue", i.days_overdue).format(
                    n=i.days_overdue) if i.days_overdue > 0 else "")
            print(f"{i.ref:13} {i.processing.review_on.isoformat():10} "
                  f"{i.processing.class_label[:22]:22} {term(i.name, one_line=True)[:28]:28} "
                  f"{note}")
        print("\n" + ngettext("{n} record needs a decision: 'retain REF --reason ... --next "
                              "DATE' or 'erase REF --reason ... --yes'.",
                              "{n} records need a decision: 'retain REF --reason ... --next "
                              "DATE' or 'erase REF --reason ... --yes'.",
                              len(items)).format(n=len(items)))
        _print_backup_flags(v)
    return 0


def _print_backup_flags(v) -> None:
    flags = retention.backup_flags(v)
    for f in flags:
        print(_("Backup {name} ({day}): {reason}").format(
            name=f.path.name, day=f.created_at[:10], reason=f.reason))


def cmd_retention_defaults(args) -> int:
    with open_vault(args) as v:
        for spec in args.set:
            key, sep, months = spec.partition("=")
            if not sep:
                raise ValidationError(_("Write --set as CLASS=MONTHS, e.g. cleared=6."))
            retention.set_retention_default(v, key.strip(), months.strip())
        months = retention.retention_defaults(v)
        for key in retention.RETENTION_CLASSES.keys():
            print(f"{retention.RETENTION_CLASSES.label(key):28} " + ngettext(
                "review after {n} month", "review after {n} months", months[key]).format(
                n=months[key]))
        print(_("Backups are flagged for deletion after {days} days, or once a record they "
                "hold has been erased.").format(days=retention.backup_horizon_days(v)))
        _print_backup_flags(v)
    return 0


def cmd_retain(args) -> int:
    with open_vault(args) as v:
        p = retention.retain(v, args.ref, args.reason, args.next)
        print(_("{ref} kept; next review {day}.").format(ref=p.ref,
                                                            day=p.review_on.isoformat()))
    return 0


def cmd_erase(args) -> int:
    if not args.yes:
        raise ValidationError(_("Erasure cannot be undone; add --yes to confirm."))
    with open_vault(args) as v:
        r = retention.erase(v, args.ref, args.reason)
        print(_("{ref} was erased; the audit chain keeps only its reference, the date, who and "
                "why.").format(ref=r.ref))
        if r.scrubbed:
            print(ngettext("The name was taken out of {n} journal entry about other records.",
                           "The name was taken out of {n} journal entries about other records.",
                           r.scrubbed).format(n=r.scrubbed))
        if r.backups_flagged:
            print(ngettext("{n} backup still holds erased records and should be deleted (see "
                           "'backups').",
                           "{n} backups still hold erased records and should be deleted (see "
                           "'backups').", r.backups_flagged).format(n=r.backups_flagged))
    return 0


def cmd_hold(args) -> int:
    with open_vault(args) as v:
        p = retention.set_legal_hold(v, args.ref, not args.lift, args.reason)
        print((_("{ref} is now under legal hold.") if p.legal_hold
               else _("{ref} is no longer under legal hold.")).format(ref=p.ref))
    return 0


def cmd_restrict(args) -> int:
    with open_vault(args) as v:
        if args.lift:
            r = access.unrestrict(v, args.ref, args.reason)
        elif args.grant:
            r = access.grant(v, args.ref, args.grant, args.reason)
        elif args.revoke:
            r = access.revoke(v, args.ref, args.revoke, args.reason)
        else:
            r = access.restrict(v, args.ref, args.reason, allow=args.allow)
        if r.restricted:
            names = ", ".join(r.allowed) or _("no one else")
            print(_("{ref} is restricted to the governor and: {names}.").format(
                    ref=r.ref, names=names))
        else:
            print(_("{ref} is open to every user of the vault.").format(ref=r.ref))
    return 0


def cmd_processing(args) -> int:
    with open_vault(args) as v:
        if args.basis or args.category:
            p = retention.set_processing(v, args.ref, basis=args.basis, category=args.category)
        else:
            p = retention.processing(v, args.ref)
        if args.json:
            emit_json({"ref": p.ref, "basis": p.basis, "category": p.category,
                       "retention_class": p.retention_class,
                       "review_on": p.review_on.isoformat(), "review_source": p.review_source,
                       "legal_hold": p.legal_hold, "restricted": p.restricted})
            return 0
        extra = ("; " + _("LEGAL HOLD") if p.legal_hold else "") + (
            "; " + _("restricted") if p.restricted else "")
        print(f"{p.ref}: {p.basis_label}; {p.category_label}; {p.class_label}, "
              + _("review {day}").format(day=p.review_on.isoformat()) + extra + ".")
    return 0


def cmd_access_request(args) -> int:
    with open_vault(args) as v:
        if args.ref:
            r = subject_access.open_request(v, args.ref, args.received)
            print(_("Logged access request {id} for {ref}; the answer is due by {day}. Make the "
                    "pack with 'access-pack {ref} --request {id} --out FILE.pdf'.").format(
                id=r.id, ref=r.ref, day=r.due_on.isoformat()))
            return 0
        rows = subject_access.requests(v)
        if args.json:
            emit_json([dataclasses.asdict(r) for r in rows])
            return 0
        if not rows:
            print(_("No subject access requests have been logged."))
        for r in rows:
            late = " " + _("OVERDUE") if r.overdue else ""
            print(f"#{r.id:<4} {term(r.ref):13} " + _("received {received} due {due}").format(
                received=r.received_on, due=r.due_on) + f" {_(REQUEST_STATUS.get(r.status, r.status))}" + late)
    return 0
