"""Making a briefing: the one call the desktop console and the CLI use.

``make_briefing`` checks the user may sign, collects the register through the
console's services, lays the PDF out, encrypts it if a password is given,
signs it with the user's own identity, writes it atomically (temp file in the
same folder, fsync, rename) and records it in the vault and audit chain.

``preview_briefing`` collects and lays out the same briefing without any of
that: no number is taken, nothing is signed, written, journaled or counted
as the last briefing, and the chain is not touched. Its PDF (bytes, for the
screen; the caller must not write it to disk) says "PREVIEW – NOT SIGNED" on
every page and carries no attached data. It also gives a digest of what the
briefing says; ``make_briefing(..., expect=digest)`` refuses to sign when the
register has changed since, so what is signed is what was read.

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
from console.i18n import _
from console.records import briefings, journal
from reports.language import LANGUAGES

SCOPES = ("all", "selected", "since_last")


@dataclass(frozen=True)
class BriefingOptions:
    scope: str = "all"            # "all" | "selected" | "since_last"
    refs: tuple[str, ...] = ()    # subject references when scope == "selected"
    pseudonymise: bool = False
    password: str | None = None   # AES-256 via pyHanko, before signing
    distribution: str = "HQ Counter-Corruption Unit"
    reason: str = "briefing"       # journal justification for the disclosure
    language: str = "en"           # "en", "cy" or "both" (Welsh first): reports.language


@dataclass(frozen=True)
class BriefingPreview:
    pdf: bytes                    # unsigned, marked as a preview; never written to disk
    subjects: int
    pages: int
    content: str                  # digest of what it says (see ``make_briefing``'s expect)


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
PREVIEW_REFERENCE = "PREVIEW"


def _check_options(options: BriefingOptions) -> None:
    if options.scope not in SCOPES:
        raise ValidationError(_("A briefing's scope must be all, selected or since_last."))
    if options.password is not None and len(options.password) < MIN_PASSWORD:
        raise ValidationError(_("A briefing password must be at least {n} characters "
                                "long.").format(n=MIN_PASSWORD))
    if options.language not in LANGUAGES:
        raise ValidationError(_("A briefing's language must be en, cy or both."))


def _check(options: BriefingOptions, out_path: Path) -> None:
    _check_options(options)
    if out_path.suffix.lower() != ".pdf":
        raise ValidationError(_("A briefing must be saved as a .pdf file."))
    if not out_path.parent.is_dir():
        raise ValidationError(_("The folder to save the briefing in does not exist."))


def _content(data) -> str:
    """A digest of what a briefing says to its reader: the subjects' records,
    the changes, the counts and who it is for; not its number, time or chain
    head, which only signing fixes."""
    import hashlib
    said = (data.records, data.changes, data.changes_total, data.dashboard, data.scope,
            data.edition, data.distribution, data.withheld, data.register_total,
            data.previous_reference, data.new_since_last, data.period_start)
    return hashlib.sha256(repr(said).encode("utf-8")).hexdigest()


def _collect(vault, options: BriefingOptions, reference: str, on_progress, steps: int):
    from reports.collect import collect

    def collecting(done: int, total: int) -> None:
        # ``steps`` more follow the subjects (layout, then signing and saving).
        if on_progress:
            on_progress(done, total + steps)

    distribution = (options.distribution or "").strip() or BriefingOptions.distribution
    generated_at = dt.datetime.now(dt.timezone.utc)
    data, head_seq = collect(vault, scope=options.scope, refs=options.refs,
                             pseudonymise=options.pseudonymise,
                             distribution=distribution, reference=reference,
                             generated_at=generated_at, on_progress=collecting)
    return data, head_seq, distribution, generated_at


def preview_briefing(vault, options: BriefingOptions, on_progress=None) -> BriefingPreview:
    """The briefing as it would be signed now, unsigned and unrecorded."""
    roles.require(vault, "sign_briefing")
    _check_options(options)
    from reports.content import build
    briefings.check_continuity(vault)     # say now if signing would be refused
    data, _head, _dist, _at = _collect(vault, options, PREVIEW_REFERENCE, on_progress, 1)
    built = build(data, preview=True, language=options.language)
    if on_progress:
        on_progress(len(data.records) + 1, len(data.records) + 1)
    return BriefingPreview(built.pdf, len(data.records), built.pages, _content(data))


def make_briefing(vault, out_path, options: BriefingOptions,
                  on_progress=None, *, expect: str | None = None) -> BriefingResult:
    """Number, sign, save and record the briefing; with ``expect`` (a
    preview's ``content``), only if it still says what the preview said."""
    roles.require(vault, "sign_briefing")
    out_path = Path(out_path).expanduser()
    _check(options, out_path)
    from reports import briefing_json
    from reports.content import build, subject_of, title_of
    from reports.signing import sign_and_save

    briefings.check_continuity(vault)     # refuses when the last one's head is gone
    reference = briefings.next_reference(vault)
    data, head_seq, distribution, generated_at = _collect(vault, options, reference,
                                                          on_progress, 2)
    if expect is not None and _content(data) != expect:
        raise ValidationError(_("The register changed after the preview, so nothing was "
                                "signed; look at the new preview, then sign it."))
    total = len(data.records) + 2
    built = build(data, language=options.language)
    if on_progress:
        on_progress(total - 1, total)
    _signed, digest = sign_and_save(
        vault, built, out_path, title=title_of(data, options.language),
        subject=subject_of(data, options.language),
        reference=reference, purpose="briefing", password=options.password,
        signed_at=generated_at, attachments=[(
            briefing_json.FILE_NAME, briefing_json.encode(briefing_json.document(data)),
            briefing_json.MIME, "The briefing's data for headquarters (JSON)")],
        language=options.language)
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
