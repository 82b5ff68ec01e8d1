"""CLI commands for who may do what, as the signed chain has it: ``user
role`` (a governor gives another user a different role), ``bars`` (every
conflict-of-interest bar, for the governor to review) and ``lift-bar`` (lift
one, with a reason that goes into the chain)."""

from __future__ import annotations

from cli.common import open_vault
from console.records import conflicts, users
from console.audit.roles import ROLES
from console.i18n import _


def add_user_commands(usub, common) -> None:
    r = usub.add_parser("role", parents=[common],
                        help=_("give another user a different role (governor only)"))
    r.add_argument("name")
    r.add_argument("--role", choices=["deputy", "viewer", "governor"], required=True)
    r.set_defaults(func=cmd_user_role)


def add_commands(sub, common) -> None:
    p = sub.add_parser("bars", parents=[common],
                       help=_("list the conflict-of-interest bars (governor only)"))
    p.set_defaults(func=cmd_bars)
    p = sub.add_parser("lift-bar", parents=[common],
                       help=_("lift a conflict-of-interest bar after review (governor only)"))
    p.add_argument("ref", help=_("the subject's reference"))
    p.add_argument("name", help=_("the user barred from it"))
    p.add_argument("--reason", required=True, help=_("why the bar is lifted (kept in the chain)"))
    p.set_defaults(func=cmd_lift_bar)


def cmd_user_role(args) -> int:
    with open_vault(args) as v:
        u = users.set_role(v, args.name, args.role)
        print(_("{name} is now a {role}.").format(name=u.name,
                                                   role=ROLES.label(u.role).lower()))
    return 0


def cmd_bars(args) -> int:
    with open_vault(args) as v:
        found = conflicts.bars(v)
    if not found:
        print(_("No user of the console is named as a subject, so nobody is barred."))
        return 0
    for b in found:
        print(f"{b.ref:13} {b.user:20} {_('lifted') if b.lifted else _('barred')}")
    return 0


def cmd_lift_bar(args) -> int:
    with open_vault(args) as v:
        bar = conflicts.lift(v, args.ref, args.name, args.reason)
    print(_("The bar on {user} for {ref} is lifted; the reason is kept in the audit chain.").format(
            user=bar.user, ref=bar.ref))
    return 0
