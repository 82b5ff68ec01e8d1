"""The subject access pack: a signed PDF of what the register holds about one
member of staff, listing every item withheld and the reason.

``build_access_pack(pack) -> Built`` is pure (no vault, no files) and draws
only what the ``AccessPack`` carries: a withheld item arrives with no content
(``console.lawful.subject_access`` guarantees it), so the PDF can only show its label
and the reason. ``make_access_pack`` drafts the pack, builds, signs with the
governor's identity, writes the file atomically and journals the decision.

Also holds the small page furniture (styles, running header and footer, the
signature slot) shared with ``journal_pdf``. Every user string goes through
``markup.para``; reportlab is imported inside the functions. Both documents
are worded in the language the console speaks (``console.i18n``), with the
English marking on every page and the Welsh form beside it in Welsh.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from console import i18n
from console.errors import ValidationError
from console.i18n import _, ngettext
from console.text import shown
from reports import fonts
from reports.language import Words
from reports.markup import has_rtl, para
from reports.pdf_parts import (
    STAMP_H,
    STAMP_W,
    Built,
    SignatureSlot,
    preview_mark,
    signature_slot,
)


@dataclass(frozen=True)
class AccessPackResult:
    path: Path
    sha256: str
    released: int
    withheld: int
    pages: int


# -- shared page furniture ---------------------------------------------------------

@functools.lru_cache(maxsize=None)
def styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle
    fonts.register()
    base = ParagraphStyle("Body", fontName=fonts.SANS, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "title": ParagraphStyle("Title", base, fontName=fonts.SANS_BOLD, fontSize=16,
                                leading=20, spaceAfter=6),
        "h2": ParagraphStyle("H2", base, fontName=fonts.SANS_BOLD, fontSize=11.5,
                             leading=15, spaceBefore=10, spaceAfter=4),
        "label": ParagraphStyle("Label", base, fontName=fonts.SANS_BOLD, spaceBefore=5),
        "small": ParagraphStyle("Small", base, fontSize=7.5, leading=9.5),
        "withheld": ParagraphStyle("Withheld", base, fontName=fonts.SANS_ITALIC,
                                   textColor="#7a1f12", leftIndent=10),
        "cell": ParagraphStyle("Cell", base, fontSize=7.5, leading=9.2),
    }


def P(text, style: str = "body"):
    """A paragraph of user text, escaped and shaped."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    st = styles()[style]
    if has_rtl(text):
        st = ParagraphStyle(st.name + "-rtl", st, shaping=1)
    return Paragraph(para(text), st)


def marking() -> str:
    """The protective marking in the language spoken (English always there)."""
    return Words(i18n.language()).marking


def render(story, *, title: str, author: str, subject: str, header: str,
           preview: bool = False) -> Built:
    """Lay ``story`` out on A4 with the marking and "page N" on every page,
    reserve the signature block at the end, and say where it fell; a
    ``preview`` is marked as unsigned on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

    fonts.register()
    w, h = A4
    margin = 18 * 72 / 25.4
    sink = [None]
    story = list(story) + [Spacer(1, 12), KeepTogether([signature_slot(sink)])]
    buf = io.BytesIO()

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont(fonts.SANS_BOLD, 8)
        canvas.drawCentredString(w / 2, h - 12 * 72 / 25.4, marking())
        canvas.drawCentredString(w / 2, 8 * 72 / 25.4, marking())
        canvas.setFont(fonts.SANS, 7)
        canvas.drawString(margin, h - 17 * 72 / 25.4, shown(header, one_line=True)[:120])
        canvas.drawRightString(w - margin, 13 * 72 / 25.4,
                               _("Page {page}").format(page=doc.page))
        canvas.restoreState()
        if preview:
            preview_mark(canvas, w, h)

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=24 * 72 / 25.4, bottomMargin=22 * 72 / 25.4,
                            title=title, author=author, subject=subject,
                            creator="Governor's Console", lang=Words(i18n.language()).lang)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    page, x, y = sink[0]
    return Built(buf.getvalue(), page, SignatureSlot(page - 1, (x, y, x + STAMP_W,
                                                                  y + STAMP_H)))


def check_out_path(out_path) -> Path:
    out_path = Path(out_path).expanduser()
    if out_path.suffix.lower() != ".pdf":
        raise ValidationError(_("The file name must end in .pdf."))
    if not out_path.parent.is_dir():
        raise ValidationError(_("The folder to save it in does not exist."))
    return out_path


# -- the access pack ---------------------------------------------------------------------

def pack_reference(pack) -> str:
    return f"SAR-{pack.ref}-{pack.prepared_at[:10]}"


def pack_content(pack) -> str:
    """A digest of what a pack gives and withholds (not when it was made)."""
    import hashlib
    return hashlib.sha256(repr((pack.ref, pack.items)).encode("utf-8")).hexdigest()


def preview_access_pack(pack) -> bytes:
    """The pack's PDF for reading on screen: unsigned, marked as a preview on
    every page, never journaled or saved (the caller keeps it in memory)."""
    return build_access_pack(pack, preview=True).pdf


def pack_title(pack) -> str:
    return _("Subject access pack {ref}").format(ref=pack.ref)


def build_access_pack(pack, preview: bool = False) -> Built:
    from reportlab.platypus import Spacer

    when = pack.prepared_at[:16].replace("T", " ")
    by = pack.prepared_by + (f", {pack.prepared_role}" if pack.prepared_role else "")
    prepared = (_("Prepared {when} UTC by {by}, in answer to your request received {day}.")
                if pack.received_on else _("Prepared {when} UTC by {by}.")).format(
        when=when, by=by, day=pack.received_on.isoformat() if pack.received_on else "")
    released, withheld = len(pack.released), len(pack.withheld)
    story = [P(_("Subject access: information held about you"), "title"),
             P(_("{establishment} · counter-corruption register · reference {ref}").format(
                 establishment=pack.establishment, ref=pack.ref)),
             P(prepared),
             Spacer(1, 6),
             P(_("This pack lists every item the register holds about you.") + " "
               + ngettext("{n} item is given in full below.",
                          "{n} items are given in full below.", released).format(n=released)
               + " "
               + ngettext("{n} item is withheld, wholly or in part; it is listed with the "
                          "reason, as the Data Protection Act 2018 requires, so you know it "
                          "exists.",
                          "{n} items are withheld, wholly or in part; each is listed with the "
                          "reason, as the Data Protection Act 2018 requires, so you know it "
                          "exists.", withheld).format(n=withheld)
               + " " + _("You may ask the Information Commissioner's Office to review a "
                         "restriction.")),
             ]
    section = None
    for item in pack.items:
        if item.section != section:
            section = item.section
            story.append(P(section, "h2"))
        story.append(P(item.label, "label"))
        if item.withheld:
            story.append(P(_("Withheld: {reason}.").format(reason=item.reason_label),
                           "withheld"))
        else:
            for line in (item.text or "").split("\n"):
                story.append(P(line or " "))
    if pack.withheld:
        story.append(P(_("Summary of items withheld"), "h2"))
        for item in pack.withheld:
            story.append(P(f"• {item.label} — {item.reason_label}"))
    return render(story, title=pack_title(pack), author=pack.prepared_by,
                  subject=marking() + " " + _("subject access pack"),
                  header=f"{pack.establishment} · {pack_reference(pack)}", preview=preview)


def make_access_pack(vault, ref, out_path, decisions: dict | None = None,
                     request_id: int | None = None, password: str | None = None,
                     recipients=("the data subject",), *,
                     expect: str | None = None) -> AccessPackResult:
    """Draft, build, sign and save the pack; journal the decision. With
    ``expect`` (a preview's ``pack_content``), only if it still holds what
    the preview showed."""
    from console.lawful import subject_access
    out_path = check_out_path(out_path)
    pack = subject_access.draft_pack(vault, ref, decisions, request_id=request_id)
    if expect is not None and pack_content(pack) != expect:
        raise ValidationError(_("The record changed after the preview, so nothing was signed; "
                                "look at the new preview, then sign it."))
    built = build_access_pack(pack)
    from reports.signing import sign_and_save
    _signed, digest = sign_and_save(
        vault, built, out_path, title=pack_title(pack),
        subject=marking() + " " + _("subject access pack"), reference=pack_reference(pack),
        purpose="subject access pack", password=password, language=i18n.language())
    subject_access.record_decision(vault, pack, digest, recipients)
    return AccessPackResult(out_path, digest, len(pack.released), len(pack.withheld),
                            built.pages)
