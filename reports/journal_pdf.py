"""The consultation journal as a signed PDF for an auditor.

``build_journal_pdf(entries, ...) -> Built`` is pure; ``make_journal_pdf``
reads the journal (governor only), builds, signs, writes atomically and
journals the export itself. The PDF lists who, when, what, which record
(by reference only: names never appear) and why, with recipients of
disclosures; long journals are cut into table chunks so layout stays linear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from console import i18n
from console.i18n import _, ngettext
from reports.access_pack import P, check_out_path, marking, render, styles

CHUNK = 200


@dataclass(frozen=True)
class JournalPdfResult:
    path: Path
    sha256: str
    entries: int
    pages: int


def _refs(e) -> str:
    if len(e.refs) <= 4:
        return ", ".join(e.refs)
    return ngettext("{n} subject", "{n} subjects", len(e.refs)).format(n=len(e.refs))


def build_journal_pdf(entries, *, establishment: str, prepared_by: str,
                      filters: str = "", generated_at: dt.datetime | None = None):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)
    cell = styles()["cell"]
    from reports.markup import para

    def c(text):
        return Paragraph(para(text), cell)

    title = _("Consultation and disclosure journal")
    count = ngettext("{n} entry", "{n} entries", len(entries)).format(n=len(entries))
    story = [P(title, "title"),
             P(_("{establishment} · generated {at} UTC by {name}").format(
                 establishment=establishment, at=f"{generated_at:%Y-%m-%d %H:%M}",
                 name=prepared_by)),
             P(count + (" · " + filters if filters else "") + ". "
               + _("Every entry is also in the vault's signed audit chain ('audit-verify' "
                   "checks it). Records are named by reference only."), "small")]
    head = [c(h) for h in (_("When (UTC)"), _("User"), _("What"), _("Record"), _("Why"),
                           _("Recipients / detail"))]
    widths = [62, 50, 72, 62, 100, 135]
    rows = [[c(e.at[:16].replace("T", " ")), c(e.user), c(e.kind_label), c(_refs(e)),
             c(e.reason_label),
             c(_("record erased: details removed") if e.erased else
               "; ".join(x for x in (", ".join(e.recipients), e.detail) if x))]
            for e in entries]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    for i in range(0, max(len(rows), 1), CHUNK):
        t = Table([head] + rows[i:i + CHUNK], colWidths=widths, repeatRows=1)
        t.setStyle(style)
        story.append(t)
    return render(story, title=title, author=prepared_by,
                  subject=marking() + " " + _("consultation journal"),
                  header=establishment + " · " + _("consultation journal"))


def make_journal_pdf(vault, out_path, password: str | None = None, **filters
                     ) -> JournalPdfResult:
    from console.records import journal
    out_path = check_out_path(out_path)
    entries = journal.entries(vault, **filters)
    described = ", ".join(f"{k} {v}" for k, v in filters.items() if v)
    built = build_journal_pdf(entries, establishment=vault.establishment,
                              prepared_by=vault.user.display_name, filters=described)
    ref = f"JNL-{dt.date.today().isoformat()}"
    from reports.signing import sign_and_save
    _signed, digest = sign_and_save(vault, built, out_path,
                                    title=_("Consultation and disclosure journal"),
                                    subject=marking() + " " + _("consultation journal"),
                                    reference=ref, purpose="journal", password=password,
                                    language=i18n.language())
    journal.record(vault, "journal_export", [], "other", reason_text="audit of the journal",
                   detail=f"{len(entries)} entries; SHA-256 {digest}")
    return JournalPdfResult(out_path, digest, len(entries), built.pages)
