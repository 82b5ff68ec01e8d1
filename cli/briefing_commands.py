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
from console import i18n
from console.i18n import _, ngettext
from reports.language import LANGUAGES as DOCUMENT_LANGUAGES


def add_commands(sub, common) -> None:
    # Its --language also offers "both" (a bilingual briefing).
    p = sub.add_parser("brief", parents=[common.signed_in],
                       help=_("make a signed PDF briefing for headquarters"))
    p.add_argument("--language", choices=DOCUMENT_LANGUAGES,
                   help=_("language of the briefing and the messages: en (English), cy "
                          "(Cymraeg) or both (bilingual, Welsh first); default: the system's"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save it"))
    p.add_argument("--pseudonymise", action="store_true",
                   help=_("name subjects by reference only (for wider distribution)"))
    p.add_argument("--since-last", action="store_true",
                   help=_("only subjects changed since the last briefing"))
    p.add_argument("--ref", action="append", default=[], metavar="REF",
                   help=_("only this subject (repeat for several)"))
    p.add_argument("--password-stdin", action="store_true",
                   help=_("encrypt with a password read from the first line of stdin"))
    p.add_argument("--distribution", default=None, help=_("distribution line on the cover"))
    p.add_argument("--reason", default="briefing",
                   help=_("justification recorded in the journal (default: briefing)"))
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("verify", help=_("check a signed briefing (no vault needed)"))
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--trust", metavar="CERT.pem",
                   help=_("the governor's certificate: the briefing must be signed with it"))
    p.add_argument("--password-stdin", action="store_true",
                   help=_("read the password of an encrypted briefing from stdin"))
    p.add_argument("--extract", metavar="OUT.json",
                   help=_("write the briefing's embedded data, only if it is valid and signed "
                          "with the --trust certificate"))
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("export-cert", parents=[common],
                       help=_("write your signing certificate (PEM) for headquarters to pin"))
    p.add_argument("--out", required=True, metavar="CERT.pem")
    p.set_defaults(func=cmd_export_cert)


def cmd_brief(args) -> int:
    from reports.briefing_service import BriefingOptions, make_briefing

    if args.since_last and args.ref:
        raise ValidationError(_("Use either --since-last or --ref, not both."))
    password = password_from_stdin() if args.password_stdin else None
    scope = "since_last" if args.since_last else "selected" if args.ref else "all"
    options = BriefingOptions(scope=scope, refs=tuple(args.ref),
                              pseudonymise=args.pseudonymise, password=password,
                              reason=args.reason, language=args.language or i18n.language(),
                              **({"distribution": args.distribution}
                                 if args.distribution else {}))
    vault = open_vault(args)
    try:
        result = make_briefing(vault, Path(args.out), options)
    finally:
        vault.close()
    print(_("Briefing {reference} saved to {path}: {subjects}, {pages}, signed by {signer}.").format(
        reference=result.reference, path=result.path,
        subjects=ngettext("{n} subject", "{n} subjects", result.subjects).format(
            n=result.subjects),
        pages=ngettext("{n} page", "{n} pages", result.pages).format(n=result.pages),
        signer=term(result.signer, one_line=True)))
    print(_("SHA-256 of the file: {sha256}").format(sha256=result.sha256))
    print(_("Signing certificate SHA-256: {fingerprint}").format(fingerprint=result.fingerprint))
    return 0


def cmd_verify(args) -> int:
    from reports.verify import verify_pdf

    trusted = None
    if args.trust:
        try:
            trusted = Path(args.trust).expanduser().read_bytes()
        except OSError:
            raise ValidationError(_("The trusted certificate file could not be read; check the "
                                    "path given to --trust.")) from None
    if args.extract and not args.trust:
        raise ValidationError(_("--extract needs --trust: the data is written only from a "
                                "briefing signed with the certificate you pinned."))
    out = Path(args.extract).expanduser() if args.extract else None
    if out is not None and not out.parent.is_dir():
        raise ValidationError(_("The folder to write the data in does not exist."))
    password = password_from_stdin() if args.password_stdin else None
    verdict = verify_pdf(Path(args.file).expanduser(), trusted, password=password,
                         extract=out is not None)
    print(verdict.sentence, file=sys.stdout if verdict.ok else sys.stderr)
    if not verdict.ok:
        return 1
    if out is not None:
        if verdict.data is None:
            print(_("{name} carries no briefing data (briefing.json); it was made by an older "
                    "version of the console. Nothing was written.").format(
                    name=Path(args.file).name),
                  file=sys.stderr)
            return 1
        from console.storage.fileio import atomic_write_bytes
        atomic_write_bytes(out, verdict.data, mode=0o600)
        print(_("Briefing data written to {out}.").format(out=out))
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
        raise ValidationError(_("The folder to save the certificate in does not exist."))
    atomic_write_bytes(out, pem, mode=0o644)
    print(_("Certificate of {who} saved to {out}.").format(who=term(who, one_line=True), out=out))
    print(_("SHA-256 fingerprint: {cert_fingerprint}").format(
            cert_fingerprint=cert_fingerprint(pem)))
    return 0
