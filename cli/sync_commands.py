"""CLI commands for replicas and change packs (``console.sync``):

- ``replica create --for USER --out FILE`` (governor) and ``replica open FILE``
  (the user, with their own passphrase, into the folder ``--vault`` names);
- ``sync export --out FILE [--for USER]``, ``sync import FILE [--json]`` and
  ``sync status [--json]``, on a replica or on the governor's vault;
- ``measures REF`` and ``log add REF MEASURE_ID --text TEXT``: a subject's
  measures with their ids, and a log entry, as the deputy's path in the
  desktop console adds one (on a replica it becomes an operation to send).

``sync import`` prints each operation's outcome and exits 1 when anything
was refused; a pack refused whole is one sentence and exit 2, with nothing
applied.
"""

from __future__ import annotations

import sys

from cli.common import emit_json, open_vault, passphrase_from_env_or_prompt, term, vault_path
from console.i18n import N_, _, ngettext
from console.records import access, measures
from console.records.model import MEASURE_STATUSES, MEASURE_TYPES
from console.sync import exchange, home, replica

# How each operation's outcome (a value kept as written in --json) reads.
OUTCOMES = {"applied": N_("applied"), "already applied": N_("already applied"),
            "needs a decision": N_("needs a decision"), "refused": N_("refused")}


def add_commands(sub, common) -> None:
    rp = sub.add_parser("replica", help=_("make a replica for a user, or open one on their "
                                         "laptop"))
    rsub = rp.add_subparsers(dest="replica_command", metavar="ACTION", required=True)
    p = rsub.add_parser("create", parents=[common],
                        help=_("make a replica pack for a deputy or viewer (governor only)"))
    p.add_argument("--for", dest="for_user", required=True, metavar="USER")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_replica_create)
    p = rsub.add_parser("open", parents=[common],
                        help=_("open a replica pack into a new vault folder (--vault)"))
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_replica_open)

    sp = sub.add_parser("sync", help=_("send, receive and check change packs"))
    ssub = sp.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = ssub.add_parser("export", parents=[common],
                        help=_("a replica's changes for the governor, or (governor) the "
                               "update for USER's replica"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--for", dest="for_user", metavar="USER")
    p.set_defaults(func=cmd_sync_export)
    p = ssub.add_parser("import", parents=[common], help=_("take in a change or update pack"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_import)
    p = ssub.add_parser("status", parents=[common],
                        help=_("a replica's last refresh, or the governor's replicas"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_status)

    p = sub.add_parser("measures", parents=[common], help=_("a subject's measures with their ids"))
    p.add_argument("ref")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_measures)
    lp = sub.add_parser("log", help=_("add to a measure's log"))
    lsub = lp.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    p = lsub.add_parser("add", parents=[common], help=_("add a log entry to a measure"))
    p.add_argument("ref")
    p.add_argument("measure_id", type=int)
    p.add_argument("--text", required=True)
    p.set_defaults(func=cmd_log_add)


def cmd_replica_create(args) -> int:
    with open_vault(args) as v:
        r = home.create(v, args.for_user, args.out)
    print(_("Replica pack for {user} written; it opens only with their passphrase. Give it to "
            "them on an encrypted stick or by secure email.").format(
                user=term(r.user, one_line=True)))
    return 0


def cmd_replica_open(args) -> int:
    user = getattr(args, "user", None)
    if not user:
        from console.errors import ValidationError
        raise ValidationError(_("Name the user the replica was made for (--user NAME)."))
    passphrase = passphrase_from_env_or_prompt()
    with replica.open_pack(args.file, vault_path(args), user, passphrase) as v:
        s = replica.status(v)
        n = v.query("SELECT count(*) FROM subjects")[0][0]
    print(ngettext("Replica opened: {n} record, refreshed by {governor} on {day}. Check with "
                   "them that their certificate's fingerprint is {fingerprint}.",
                   "Replica opened: {n} records, refreshed by {governor} on {day}. Check with "
                   "them that their certificate's fingerprint is {fingerprint}.", n).format(
        n=n, governor=term(s.governor, one_line=True), day=s.last_sync[:10],
        fingerprint=s.fingerprint))
    return 0


def cmd_sync_export(args) -> int:
    with open_vault(args) as v:
        out = exchange.send(v, args.out, args.for_user)
    if hasattr(out, "operations"):
        print(ngettext("Change pack {number} written with {n} operation.",
                       "Change pack {number} written with {n} operations.",
                       out.operations).format(number=out.pack_no, n=out.operations))
    else:
        print(_("Update {number} for {user}'s replica written.").format(
            number=out.update_no, user=term(out.user, one_line=True)))
    return 0


def cmd_sync_import(args) -> int:
    with open_vault(args) as v:
        got = exchange.receive(v, args.file)
    if got.kind == "update":
        r = got.refreshed
        doc = {"kind": "update", "update_no": r.update_no, "already_applied": r.already,
               "reapplied": r.reapplied, "not_reapplied": r.not_reapplied,
               "backups_deleted": r.backups_deleted, "records": r.subjects}
        lines = [_("already applied") if r.already else _refreshed(r)]
    else:
        t = got.taken
        doc = {"kind": "changes", "user": t.user, "pack_no": t.pack_no,
               "already_applied": t.already,
               "operations": [{"seq": o.seq, "outcome": o.outcome, "reason": o.reason,
                               "ref": o.ref} for o in t.outcomes]}
        lines = [_("already applied")] if t.already else [
            f"{o.seq}: {_(OUTCOMES.get(o.outcome, o.outcome))}"
            + (f" ({o.reason})" if o.reason else "")
            + (f" {o.ref}" if o.ref else "") for o in t.outcomes] or [_("nothing to apply")]
    if args.json:
        emit_json(doc)
    else:
        for line in lines:
            print(term(line, one_line=True))
    return 1 if got.refused else 0


def _refreshed(r) -> str:
    """One line saying what an update did to this replica."""
    line = ngettext("applied update {number}: {n} record", "applied update {number}: {n} records",
                    r.subjects).format(number=r.update_no, n=r.subjects)
    line += "; " + ngettext("{n} change not yet taken in made again",
                            "{n} changes not yet taken in made again",
                            r.reapplied).format(n=r.reapplied)
    if r.not_reapplied:
        line += ", " + ngettext("{n} no longer possible here", "{n} no longer possible here",
                                r.not_reapplied).format(n=r.not_reapplied)
    if r.backups_deleted:
        line += "; " + ngettext("{n} older backup deleted", "{n} older backups deleted",
                                r.backups_deleted).format(n=r.backups_deleted)
    return line


def cmd_sync_status(args) -> int:
    with open_vault(args) as v:
        doc = exchange.status(v)
    if args.json:
        emit_json(doc)
        return 0
    if doc["replica"]:
        print(ngettext("Replica for {user}, refreshed by {governor} on {day} ({n} day ago; "
                       "read-only after {limit}).",
                       "Replica for {user}, refreshed by {governor} on {day} ({n} days ago; "
                       "read-only after {limit}).", doc["days_since"]).format(
            user=term(doc["user"], one_line=True), governor=term(doc["governor"], one_line=True),
            day=doc["last_sync"][:10], n=doc["days_since"], limit=doc["stale_after_days"]))
        print(ngettext("{n} change not yet taken in by the governor.",
                       "{n} changes not yet taken in by the governor.",
                       doc["pending_operations"]).format(n=doc["pending_operations"]))
        print(_("The governor's certificate: {fingerprint}").format(
            fingerprint=doc["governor_fingerprint"]))
        if doc["read_only"]:
            print(term(doc["read_only"], one_line=True))
        return 0
    if not doc["replicas"]:
        print(_("No replica has been made."))
    for r in doc["replicas"]:
        print(f"{term(r['user'], one_line=True):20} " + _(
            "update {number:>3}  last contact {day:10}  {taken} taken in, {waiting} waiting "
            "for a decision").format(number=r["update_no"],
                                     day=(r["last_contact"] or _("never"))[:10],
                                     taken=r["ops_taken"], waiting=r["decisions"]))
    print(ngettext("{n} proposed change needs a decision.",
                   "{n} proposed changes need a decision.", doc["decisions"]).format(
        n=doc["decisions"]))
    return 0


def cmd_measures(args) -> int:
    with open_vault(args) as v:
        found = measures.measures_for(v, access.require_subject(v, args.ref))
    if args.json:
        emit_json([{"id": m.id, "type": m.type, "status": m.status, "aim": m.aim,
                    "details": m.details, "review_due": m.review_due,
                    "log": [{"id": e.id, "at": e.at, "by": e.by_user, "text": e.text}
                            for e in m.log]} for m in found])
        return 0
    if not found:
        print(_("No measures."))
    for m in found:
        print(f"{m.id:>5}  {MEASURE_STATUSES.label(m.status)[:8]:8} "
              f"{MEASURE_TYPES.label(m.type)[:22]:22} {term(m.details, one_line=True)[:60]}")
    return 0


def cmd_log_add(args) -> int:
    with open_vault(args) as v:
        access.require_subject(v, args.ref)
        m = measures.get_measure(v, args.measure_id)
        if access.subject_ref(v, m.subject_id) != args.ref:
            from console.errors import NotFound
            raise NotFound(_("That measure is not one of that subject's; check the id with "
                             "'measures REF'."))
        e = measures.add_log_entry(v, args.measure_id, args.text)
    print(_("Log entry {number} added.").format(number=e.id), file=sys.stdout)
    return 0
