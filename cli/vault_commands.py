"""Core CLI commands: init, user, list, show, audit-verify, settings.

Each handler unlocks the vault, calls one service, prints the result and
closes the vault. Output for scripts is ``--json``; everything else is plain
text for a person.
"""

from __future__ import annotations

import dataclasses
import sys

from cli.common import emit_json, open_vault, passphrase_from_env_or_prompt, term, vault_path
from console.audit import chain as audit
from console.records import fields, register, users
from console.audit.roles import ROLES
from console.records.model import (
    AIMS,
    CATEGORY_SHORT,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    RAG,
    REFERRAL_TARGETS,
    STATUSES,
)
from console.i18n import _, ngettext


def add_commands(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help=_("create a new vault (you become its "
                                                        "governor)"))
    p.add_argument("--establishment", required=True, help=_("e.g. 'HMP Ashdown'"))
    p.add_argument("--name", help=_("your full name as it should appear on briefings"))
    p.add_argument("--title", default="Governor", help=_("your job title (default: Governor)"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("user", help=_("add, remove or list users, or change your passphrase"))
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    a = usub.add_parser("add", parents=[common], help=_("add a deputy or viewer"))
    a.add_argument("name", help=_("sign-in name (letters, digits, . _ -)"))
    a.add_argument("--role", choices=["deputy", "viewer", "governor"], default="deputy")
    a.add_argument("--display-name", default="")
    a.add_argument("--title", default="")
    a.add_argument("--staff-number", default="")
    a.set_defaults(func=cmd_user_add)
    r = usub.add_parser("remove", parents=[common],
                        help=_("remove a user (the vault key is then rotated)"))
    r.add_argument("name")
    r.set_defaults(func=cmd_user_remove)
    w = usub.add_parser("passwd", parents=[common], help=_("change your own passphrase"))
    w.set_defaults(func=cmd_user_passwd)
    from cli import authority_commands
    authority_commands.add_user_commands(usub, common)
    ls = usub.add_parser("list", parents=[common], help=_("list the vault's users"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_user_list)

    p = sub.add_parser("list", parents=[common], help=_("list the register"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help=_("show one subject's full record"))
    p.add_argument("ref", help=_("subject reference, e.g. CC-2026-001"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--reason", default="case review",
                   help=_("why you are opening the record, for the journal (default: case "
                          "review; also referral, briefing, subject access request, legal "
                          "advice, or your own words)"))
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("audit-verify", parents=[common],
                       help=_("check the audit chain has not been edited"))
    p.set_defaults(func=cmd_audit_verify)


def cmd_init(args) -> int:
    from console.audit.genesis import create_vault
    path = vault_path(args)
    passphrase = passphrase_from_env_or_prompt(_("New passphrase: "), confirm=True)
    user = args.user or "governor"
    with create_vault(path, user, passphrase, args.establishment,
                      display_name=args.name or user, job_title=args.title) as v:
        print(_("Created a vault for {establishment} at {path}; you ({user}) are its governor.").format(
                establishment=v.establishment, path=path, user=user))
    return 0


def cmd_user_add(args) -> int:
    with open_vault(args) as v:
        new_pass = _new_user_passphrase()
        u = users.add_user(v, args.name, new_pass, role=args.role,
                           display_name=args.display_name, job_title=args.title,
                           staff_number=args.staff_number)
        print(_("Added {name} as {role}. Give them their passphrase in person; they should "
                "change it with 'user passwd'.").format(
                    name=u.name, role=ROLES.label(u.role).lower()))
    return 0


def _new_user_passphrase() -> str:
    import os
    value = os.environ.get("CONSOLE_NEW_PASSPHRASE")
    if value is not None:
        return value
    import getpass
    if not sys.stdin or not sys.stdin.isatty():
        from console.errors import ValidationError
        raise ValidationError(_("No passphrase for the new user: set CONSOLE_NEW_PASSPHRASE or "
                                "run the command in a terminal."))
    first = getpass.getpass(_("Passphrase for the new user: "))
    if getpass.getpass("Repeat it: ") != first:
        from console.errors import ValidationError
        raise ValidationError(_("The two passphrases do not match."))
    return first


def cmd_user_remove(args) -> int:
    with open_vault(args) as v:
        users.remove_user(v, args.name)
        print(_("Removed {name}; the vault's key was rotated so any copy they kept is useless.").format(
                name=args.name))
    return 0


def cmd_user_passwd(args) -> int:
    import os
    old = passphrase_from_env_or_prompt()
    from console.audit import unlock
    new = os.environ.get("CONSOLE_NEW_PASSPHRASE")
    if new is None:
        new = _new_user_passphrase()
    with unlock.open_vault(vault_path(args), args.user, old) as v:
        users.change_passphrase(v, old, new)
        print(_("Your passphrase was changed."))
    return 0


def cmd_user_list(args) -> int:
    with open_vault(args) as v:
        rows = users.list_users(v)
        if args.json:
            emit_json([dataclasses.asdict(u) for u in rows])
        else:
            for u in rows:
                print(f"{u.name:20} {ROLES.label(u.role).lower():11} "
                      f"{term(u.display_name, one_line=True)}")
    return 0


def row_json(row) -> dict:
    s = row.subject
    if row.restricted:
        return {"ref": s.ref, "restricted": True, "risk": {"rag": row.rag}}
    return {**_open_row_json(row), "restricted_to": (
        list(row.restricted_to) if row.restricted_to is not None else None)}


def _open_row_json(row) -> dict:
    s = row.subject
    return {
        "ref": s.ref, "name": s.name, "staff_number": s.staff_number, "role": s.role,
        "location": s.location, "status": s.status, "status_label": STATUSES.label(s.status),
        "outcome": s.outcome, "suspended": s.suspended, "restricted_duties": s.restricted_duties,
        "categories": list(s.categories),
        "risk": {"likelihood": s.likelihood, "impact": s.impact, "score": s.score,
                 "rag": row.rag},
        "owner": s.owner, "next_review": s.next_review,
        "flags": {"unreferred_reports": row.flags.unreferred,
                  "unacknowledged_referrals": row.flags.unacknowledged,
                  "overdue_review": row.flags.overdue_review,
                  "overdue_measures": row.flags.overdue_measures,
                  "needs_attention": row.flags.needs_attention},
    }


def cmd_list(args) -> int:
    with open_vault(args) as v:
        rows = register.register_rows(v)
        if args.json:
            emit_json([row_json(r) for r in rows])
            return 0
        if not rows:
            print(_("The register is empty."))
            return 0
        # Translators: column headings of 'list', in capitals like the English.
        head = (_("REF"), _("RAG"), _("STATUS"), _("NAME"), _("FLAGS"))
        print(f"{head[0]:13} {head[1]:6} {head[2]:22} {head[3]:28} {head[4]}")
        for r in rows:
            s = r.subject
            flags = _("restricted") if r.restricted else ", ".join(
                ([_restricted_to(r.restricted_to)] if r.restricted_to is not None else [])
                + r.flags.labels())
            print(f"{s.ref:13} {RAG.label(r.rag).lower():6} {STATUSES.label(s.status)[:22]:22} "
                  f"{term(s.name, one_line=True)[:28]:28} {flags}")
        attention = sum(1 for r in rows if r.flags.needs_attention)
        print("\n" + ngettext("{n} subject; {attention} need attention.",
                              "{n} subjects; {attention} need attention.", len(rows)).format(
            n=len(rows), attention=attention))
    return 0


def _restricted_to(names) -> str:
    return (_("restricted to {names}").format(names=", ".join(names)) if names
            else _("restricted to governors only"))


def cmd_show(args) -> int:
    with open_vault(args) as v:
        rec = register.subject_record(v, args.ref, reason=args.reason)
        if args.json:
            emit_json(dataclasses.asdict(rec))
            return 0
        _print_record(rec)
    return 0


def _print_record(rec) -> None:
    s = rec.subject
    print(f"{s.ref}  {term(s.name)}  ({term(s.role) or _('role not recorded')}, "
          f"{term(s.location) or _('location not recorded')})")
    status = STATUSES.label(s.status)
    if s.outcome:
        status += f" - {OUTCOMES.label(s.outcome)}"
    side = [t for t, on in ((_("suspended"), s.suspended),
                            (_("restricted duties"), s.restricted_duties)) if on]
    print(_("Status: {status}").format(status=status)
          + (" (" + ", ".join(side) + ")" if side else ""))
    if rec.restricted_to is not None:
        print(_("Need-to-know: {restricted_to} (and governors)").format(
            restricted_to=_restricted_to(rec.restricted_to)))
    print(_("Categories: {categories}").format(
        categories=", ".join(CATEGORY_SHORT.get(c, c) for c in s.categories) or _("none")))
    print(_("Threat: likelihood {likelihood} x impact {impact} = {score} ({rag}); residual "
            "{residual_score} ({residual_rag})").format(
        likelihood=s.likelihood, impact=s.impact, score=s.score,
        rag=RAG.label(rec.rag).lower(), residual_score=s.residual_score,
        residual_rag=RAG.label(rec.residual_rag).lower()))
    print(_("Owner: {owner}   Next review: {day}").format(
        owner=term(s.owner) or "-", day=fields.plain(s.next_review) or "-"))
    if rec.flags.needs_attention:
        print(_("Needs attention: {flags}").format(flags=", ".join(rec.flags.labels())))
    print("\n" + _("Reports ({n}):").format(n=len(rec.reports)))
    for r in rec.reports:
        mark = " " + _("UNREFERRED") if r.unreferred_overdue else ""
        print(f"  #{r.id} {r.received_on} {r.grading}{mark}: {term(r.summary)}")
    print(_("Referrals ({n}):").format(n=len(rec.referrals)))
    for f in rec.referrals:
        ack = (_("acknowledged {day}").format(day=f.acknowledged_on) if f.acknowledged_on
               else _("not acknowledged"))
        outcome = (", " + _("outcome: {outcome}").format(outcome=term(f.outcome))
                   if f.outcome else "")
        print(_("  #{id} {target} on {day}, {reference}, {ack}").format(
            id=f.id, target=REFERRAL_TARGETS.label(f.target), day=f.referred_on,
            reference=term(f.reference) or _("no reference"), ack=ack) + outcome)
    print(_("Measures ({n}):").format(n=len(rec.measures)))
    for m in rec.measures:
        review = (fields.plain(m.review_due) or "-") + (", " + _("OVERDUE") if m.overdue else "")
        print(_("  #{id} [{status}] {aim}/{type}: {details} (review {review})").format(
            id=m.id, status=MEASURE_STATUSES.label(m.status).lower(),
            aim=AIMS.label(m.aim).lower(), type=MEASURE_TYPES.label(m.type).lower(),
            details=term(m.details), review=review))
        for e in m.log[-5:]:
            print(f"      {e.at[:16]} {e.by_user}: {term(e.text)}")


def cmd_audit_verify(args) -> int:
    with open_vault(args) as v:
        report = audit.verify(v)
        print(report.sentence())
        return 0 if report.ok else 1
