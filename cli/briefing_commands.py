"""Briefing commands: ``brief`` (make and sign a briefing), ``verify`` (check
one, no vault needed: what headquarters runs; ``--extract`` writes its
embedded data once it checks out) and ``export-cert`` (write the
signed-in user's certificate for HQ to pin).

Handlers return an exit code: 0 fine, 1 the briefing checked is not valid,
2 a user error (raised as ConsoleError and reported by ``cli.main``).
reportlab and pyHanko are imported only inside the handlers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.common import open_vault, password_from_stdin, term
from console.errors import ValidationError


def add_commands(sub, common) -> None:
    p = sub.add_parser("brief", parents=[common],
                       help="make a signed PDF briefing for headquarters")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to save it")
    p.add_argument("--pseudonymise", action="store_true",
                   help="name subjects by reference only (for wider distribution)")
    p.add_argument("--since-last", action="store_true",
                   help="only subjects changed since the last briefing")
    p.add_argument("--ref", action="append", default=[], metavar="REF",
                   help="only this subject (repeat for several)")
    p.add_argument("--password-stdin", action="store_true",
                   help="encrypt with a password read from the first line of stdin")
    p.add_argument("--distribution", default=None, help="distribution line on the cover")
    p.add_argument("--reason", default="briefing",
                   help="justification recorded in the journal (default: briefing)")
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("verify", help="check a signed briefing (no vault needed)")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--trust", metavar="CERT.pem",
                   help="the governor's certificate: the briefing must be signed with it")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password of an encrypted briefing from stdin")
    p.add_argument("--extract", metavar="OUT.json",
                   help="write the briefing's embedded data, only if it is valid and "
                        "signed with the --trust certificate")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("export-cert", parents=[common],
                       help="write your signing certificate (PEM) for headquarters to pin")
    p.add_argument("--out", required=True, metavar="CERT.pem")
    p.set_defaults(func=cmd_export_cert)


def cmd_brief(args) -> int:
    from reports.briefing_service import BriefingOptions, make_briefing

    if args.since_last and args.ref:
        raise ValidationError("Use either --since-last or --ref, not both.")
    password = password_from_stdin() if args.password_stdin else None
    scope = "since_last" if args.since_last else "selected" if args.ref else "all"
    options = BriefingOptions(scope=scope, refs=tuple(args.ref),
                              pseudonymise=args.pseudonymise, password=password,
                              reason=args.reason,
                              **({"distribution": args.distribution}
                                 if args.distribution else {}))
    vault = open_vault(args)
    try:
        result = make_briefing(vault, Path(args.out), options)
    finally:
        vault.close()
    print(f"Briefing {result.reference} saved to {result.path}: {result.subjects} subject(s), "
          f"{result.pages} pages, signed by {term(result.signer, one_line=True)}.")
    print(f"SHA-256 of the file: {result.sha256}")
    print(f"Signing certificate SHA-256: {result.fingerprint}")
    return 0


def cmd_verify(args) -> int:
    from reports.verify import verify_pdf

    trusted = None
    if args.trust:
        try:
            trusted = Path(args.trust).expanduser().read_bytes()
        except OSError:
            raise ValidationError("The trusted certificate file could not be read; check "
                                  "the path given to --trust.") from None
    if args.extract and not args.trust:
        raise ValidationError("--extract needs --trust: the data is written only from a "
                              "briefing signed with the certificate you pinned.")
    out = Path(args.extract).expanduser() if args.extract else None
    if out is not None and not out.parent.is_dir():
        raise ValidationError("The folder to write the data in does not exist.")
    password = password_from_stdin() if args.password_stdin else None
    verdict = verify_pdf(Path(args.file).expanduser(), trusted, password=password,
                         extract=out is not None)
    print(verdict.sentence, file=sys.stdout if verdict.ok else sys.stderr)
    if not verdict.ok:
        return 1
    if out is not None:
        if verdict.data is None:
            print(f"{Path(args.file).name} carries no briefing data (briefing.json); it was "
                  "made by an older version of the console. Nothing was written.",
                  file=sys.stderr)
            return 1
        from console.storage.fileio import atomic_write_bytes
        atomic_write_bytes(out, verdict.data, mode=0o600)
        print(f"Briefing data written to {out}.")
    return 0


def cmd_export_cert(args) -> int:
    from console.records import users
    from console.storage.fileio import atomic_write_bytes
    from console.storage.identity import cert_fingerprint

    vault = open_vault(args)
    try:
        pem = users.certificate_pem(vault)
        who = vault.user.display_name
    finally:
        vault.close()
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise ValidationError("The folder to save the certificate in does not exist.")
    atomic_write_bytes(out, pem, mode=0o644)
    print(f"Certificate of {term(who, one_line=True)} saved to {out}.")
    print(f"SHA-256 fingerprint: {cert_fingerprint(pem)}")
    return 0
