"""CLI commands for who may do what, as the signed chain has it: ``user
role`` (a governor gives another user a different role), ``bars`` (every
conflict-of-interest bar, for the governor to review) and ``lift-bar`` (lift
one, with a reason that goes into the chain)."""

from __future__ import annotations

from cli.common import open_vault
from console.records import conflicts, users


def add_user_commands(usub, common) -> None:
    r = usub.add_parser("role", parents=[common],
                        help="give another user a different role (governor only)")
    r.add_argument("name")
    r.add_argument("--role", choices=["deputy", "viewer", "governor"], required=True)
    r.set_defaults(func=cmd_user_role)


def add_commands(sub, common) -> None:
    p = sub.add_parser("bars", parents=[common],
                       help="list the conflict-of-interest bars (governor only)")
    p.set_defaults(func=cmd_bars)
    p = sub.add_parser("lift-bar", parents=[common],
                       help="lift a conflict-of-interest bar after review (governor only)")
    p.add_argument("ref", help="the subject's reference")
    p.add_argument("name", help="the user barred from it")
    p.add_argument("--reason", required=True, help="why the bar is lifted (kept in the chain)")
    p.set_defaults(func=cmd_lift_bar)


def cmd_user_role(args) -> int:
    with open_vault(args) as v:
        u = users.set_role(v, args.name, args.role)
        print(f"{u.name} is now a {u.role}.")
    return 0


def cmd_bars(args) -> int:
    with open_vault(args) as v:
        found = conflicts.bars(v)
    if not found:
        print("No user of the console is named as a subject, so nobody is barred.")
        return 0
    for b in found:
        print(f"{b.ref:13} {b.user:20} {'lifted' if b.lifted else 'barred'}")
    return 0


def cmd_lift_bar(args) -> int:
    with open_vault(args) as v:
        bar = conflicts.lift(v, args.ref, args.name, args.reason)
    print(f"The bar on {bar.user} for {bar.ref} is lifted; the reason is kept in the audit "
          "chain.")
    return 0
