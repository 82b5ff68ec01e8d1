"""Making a briefing: the one call the desktop console and the CLI use.

``make_briefing`` checks the user may sign, collects the register through the
console's services, lays the PDF out, encrypts it if a password is given,
signs it with the user's own identity, writes it atomically (temp file in the
same folder, fsync, rename) and records it in the vault and audit chain.

Rules: this module must not import reportlab or pyHanko when it is imported
(they are imported inside ``make_briefing``); progress is reported by a plain
``on_progress(done, total)`` callback; every failure a user can cause is a
``ConsoleError`` with one plain sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from console.audit import roles
from console.errors import ValidationError
from console.records import briefings, journal

SCOPES = ("all", "selected", "since_last")


@dataclass(frozen=True)
class BriefingOptions:
    scope: str = "all"            # "all" | "selected" | "since_last"
    refs: tuple[str, ...] = ()    # subject references when scope == "selected"
    pseudonymise: bool = False
    password: str | None = None   # AES-256 via pyHanko, before signing
    distribution: str = "HQ Counter-Corruption Unit"
    reason: str = "briefing"       # journal justification for the disclosure


@dataclass(frozen=True)
class BriefingResult:
    path: Path
    sha256: str
    reference: str
    signer: str
    fingerprint: str
    subjects: int
    pages: int


MIN_PASSWORD = 8


def _check(options: BriefingOptions, out_path: Path) -> None:
    if options.scope not in SCOPES:
        raise ValidationError("A briefing's scope must be all, selected or since_last.")
    if options.password is not None and len(options.password) < MIN_PASSWORD:
        raise ValidationError(f"A briefing password must be at least {MIN_PASSWORD} "
                              "characters long.")
    if out_path.suffix.lower() != ".pdf":
        raise ValidationError("A briefing must be saved as a .pdf file.")
    if not out_path.parent.is_dir():
        raise ValidationError("The folder to save the briefing in does not exist.")


def make_briefing(vault, out_path, options: BriefingOptions,
                  on_progress=None) -> BriefingResult:
    roles.require(vault, "sign_briefing")
    out_path = Path(out_path).expanduser()
    _check(options, out_path)
    from reports import briefing_json
    from reports.collect import collect
    from reports.content import MARKING, build, title_of
    from reports.signing import sign_and_save

    briefings.check_continuity(vault)     # refuses when the last one's head is gone
    reference = briefings.next_reference(vault)
    generated_at = dt.datetime.now(dt.timezone.utc)

    def collecting(done: int, total: int) -> None:
        # Two more steps follow the subjects: layout, then signing and saving.
        if on_progress:
            on_progress(done, total + 2)

    distribution = (options.distribution or "").strip() or BriefingOptions.distribution
    data, head_seq = collect(vault, scope=options.scope, refs=options.refs,
                             pseudonymise=options.pseudonymise,
                             distribution=distribution, reference=reference,
                             generated_at=generated_at, on_progress=collecting)
    total = len(data.records) + 2
    built = build(data)
    if on_progress:
        on_progress(total - 1, total)
    _signed, digest = sign_and_save(
        vault, built, out_path, title=title_of(data),
        subject=f"{MARKING} counter-corruption briefing for {data.establishment}",
        reference=reference, purpose="briefing", password=options.password,
        signed_at=generated_at, attachments=[(
            briefing_json.FILE_NAME, briefing_json.encode(briefing_json.document(data)),
            briefing_json.MIME, "The briefing's data for headquarters (JSON)")])
    briefings.record_briefing(
        vault, reference=reference, sha256=digest, scope=options.scope,
        edition=data.edition, subjects=len(data.records), audit_seq=head_seq,
        audit_head=data.audit_head)
    if data.records:
        # The briefing leaves the vault: one disclosure in the journal, listing
        # every subject it details and who it is for.
        journal.record_export(vault, [r.subject.ref for r in data.records],
                              options.reason or "briefing",
                              kind="disclose", recipients=(distribution,),
                              detail=f"Briefing {reference} ({data.edition} edition)")
    if on_progress:
        on_progress(total, total)
    return BriefingResult(out_path, digest, reference, vault.user.display_name,
                          vault.identity().fingerprint, len(data.records), built.pages)
