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


def add_commands(sub, common) -> None:
    p = sub.add_parser("journal", parents=[common],
                       help="list the consultation and disclosure journal (governor)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--by", metavar="USER", help="only entries by this user")
    p.add_argument("--ref", help="only entries about this subject")
    p.add_argument("--kind", choices=journal.KINDS.keys())
    p.add_argument("--reason", help="only entries with this justification")
    p.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="to this date, inclusive")
    p.set_defaults(func=cmd_journal)

    p = sub.add_parser("review-queue", parents=[common],
                       help="records due for retention review (governor)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--within", type=int, default=0, metavar="DAYS",
                   help="also list records due within this many days")
    p.set_defaults(func=cmd_review_queue)

    p = sub.add_parser("retention-defaults", parents=[common],
                       help="show or change how long each kind of record is kept before review")
    p.add_argument("--set", action="append", default=[], metavar="CLASS=MONTHS",
                   help="e.g. cleared=6 (classes: " + ", ".join(
                       retention.RETENTION_CLASSES.keys()) + ")")
    p.set_defaults(func=cmd_retention_defaults)

    p = sub.add_parser("retain", parents=[common],
                       help="keep a record after review, with a reason and next review date")
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--next", required=True, metavar="DATE", help="next review (YYYY-MM-DD)")
    p.set_defaults(func=cmd_retain)

    p = sub.add_parser("erase", parents=[common],
                       help="erase a record for good, leaving only an audit tombstone")
    p.add_argument("ref")
    p.add_argument("--reason", required=True,
                   help="why (kept after erasure, so do not name the person)")
    p.add_argument("--yes", action="store_true", help="confirm: erasure cannot be undone")
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser("hold", parents=[common], help="place or lift a legal hold")
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--lift", action="store_true", help="lift the hold instead")
    p.set_defaults(func=cmd_hold)

    p = sub.add_parser("restrict", parents=[common],
                       help="restrict a record to named users (need-to-know), or lift it")
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.add_argument("--allow", nargs="*", metavar="USER",
                   help="users who may see it (default: its owner); governors always may")
    p.add_argument("--grant", metavar="USER", help="name one more user")
    p.add_argument("--revoke", metavar="USER", help="take one user off")
    p.add_argument("--lift", action="store_true", help="lift the restriction")
    p.set_defaults(func=cmd_restrict)

    p = sub.add_parser("access-request", parents=[common],
                       help="log a subject access request, or list them (no REF)")
    p.add_argument("ref", nargs="?")
    p.add_argument("--received", metavar="DATE", help="date received (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_access_request)

    p = sub.add_parser("processing", parents=[common],
                       help="show or set a record's processing basis and data-subject category")
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
            print("The journal has no entries that match.")
            return 0
        for e in rows:
            refs = ", ".join(e.refs) if len(e.refs) <= 3 else f"{len(e.refs)} subjects"
            extra = "" if not e.recipients else f" to {', '.join(e.recipients)}"
            gone = " (record erased)" if e.erased else ""
            print(term(f"{e.at[:16].replace('T', ' ')}  {e.user:12} {e.kind_label}{extra}: "
                       f"{refs} - {e.reason_label}{gone}", one_line=True))
        print(f"\n{len(rows)} entries.")
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
            print("No record is due for retention review.")
            _print_backup_flags(v)
            return 0
        print(f"{'REF':13} {'DUE':10} {'CLASS':22} {'NAME':28} NOTE")
        for i in items:
            note = "LEGAL HOLD" if i.processing.legal_hold else (
                f"{i.days_overdue} days overdue" if i.days_overdue > 0 else "")
            print(f"{i.ref:13} {i.processing.review_on.isoformat():10} "
                  f"{i.processing.class_label[:22]:22} {term(i.name, one_line=True)[:28]:28} "
                  f"{note}")
        print(f"\n{len(items)} records need a decision: 'retain REF --reason ... --next DATE' "
              "or 'erase REF --reason ... --yes'.")
        _print_backup_flags(v)
    return 0


def _print_backup_flags(v) -> None:
    flags = retention.backup_flags(v)
    for f in flags:
        print(f"Backup {f.path.name} ({f.created_at[:10]}): {f.reason}")


def cmd_retention_defaults(args) -> int:
    with open_vault(args) as v:
        for spec in args.set:
            key, sep, months = spec.partition("=")
            if not sep:
                raise ValidationError("Write --set as CLASS=MONTHS, e.g. cleared=6.")
            retention.set_retention_default(v, key.strip(), months.strip())
        months = retention.retention_defaults(v)
        for key in retention.RETENTION_CLASSES.keys():
            print(f"{retention.RETENTION_CLASSES.label(key):28} review after {months[key]} months")
        print(f"Backups are flagged for deletion after {retention.backup_horizon_days(v)} days, "
              "or once a record they hold has been erased.")
        _print_backup_flags(v)
    return 0


def cmd_retain(args) -> int:
    with open_vault(args) as v:
        p = retention.retain(v, args.ref, args.reason, args.next)
        print(f"{p.ref} kept; next review {p.review_on.isoformat()}.")
    return 0


def cmd_erase(args) -> int:
    if not args.yes:
        raise ValidationError("Erasure cannot be undone; add --yes to confirm.")
    with open_vault(args) as v:
        r = retention.erase(v, args.ref, args.reason)
        print(f"{r.ref} was erased; the audit chain keeps only its reference, the date, who "
              f"and why.")
        if r.scrubbed:
            print(f"The name was taken out of {r.scrubbed} journal entr"
                  f"{'y' if r.scrubbed == 1 else 'ies'} about other records.")
        if r.backups_flagged:
            print(f"{r.backups_flagged} backup(s) still hold erased records and should be "
                  "deleted (see 'backups').")
    return 0


def cmd_hold(args) -> int:
    with open_vault(args) as v:
        p = retention.set_legal_hold(v, args.ref, not args.lift, args.reason)
        print(f"{p.ref} is {'now under' if p.legal_hold else 'no longer under'} legal hold.")
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
            names = ", ".join(r.allowed) or "no one else"
            print(f"{r.ref} is restricted to the governor and: {names}.")
        else:
            print(f"{r.ref} is open to every user of the vault.")
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
        print(f"{p.ref}: {p.basis_label}; {p.category_label}; {p.class_label}, review "
              f"{p.review_on.isoformat()}{'; LEGAL HOLD' if p.legal_hold else ''}"
              f"{'; restricted' if p.restricted else ''}.")
    return 0


def cmd_access_request(args) -> int:
    with open_vault(args) as v:
        if args.ref:
            r = subject_access.open_request(v, args.ref, args.received)
            print(f"Logged access request {r.id} for {r.ref}; the answer is due by "
                  f"{r.due_on.isoformat()}. Make the pack with 'access-pack {r.ref} "
                  f"--request {r.id} --out FILE.pdf'.")
            return 0
        rows = subject_access.requests(v)
        if args.json:
            emit_json([dataclasses.asdict(r) for r in rows])
            return 0
        if not rows:
            print("No subject access requests have been logged.")
        for r in rows:
            late = " OVERDUE" if r.overdue else ""
            print(f"#{r.id:<4} {term(r.ref):13} received {r.received_on} due {r.due_on} "
                  f"{r.status}{late}")
    return 0
