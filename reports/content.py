"""The briefing's pages, laid out with reportlab Platypus from ``BriefingData``.

``build_briefing(data) -> bytes`` is pure: no vault, no files. ``build`` also
returns where the signature block was placed, for the signing step. Each
subject's pages are laid out by ``subject_pages``.

Rules: every user string goes through ``markup.para``/``escape`` before it
reaches a Paragraph; reports show only their sanitised summary, never the
full text; the data embedded as ``briefing.json`` (see ``briefing_json``)
says nothing the pages do not show; long tables are cut into chunks of ``CHUNK`` rows so a 10,000-row
briefing stays linear; every page carries the protective marking top and
bottom, the establishment, the briefing reference, the generation time and
"Page N of M" (the total is a form drawn once at the end, so one pass does).
The words are in the briefing's language (``language``: English, Welsh, or
both with Welsh first); the English marking is on every page whatever it is.
"""

from __future__ import annotations

import io

from console.records.model import CATEGORIES, RAG, STATUSES
from console.records.rules import rag as rag_band
from reports import fonts
from reports.data import BriefingData
from reports.language import ENGLISH, Words
from reports.markup import escape
from reports.pdf_parts import (
    MM,
    RAG_FILL,
    STAMP_H,
    STAMP_W,
    TOTAL_FORM,
    Blocks,
    Built,
    SignatureSlot,
    canvas_class,
    fit,
    preview_mark,
    signature_slot,
)
from reports.subject_pages import SubjectPages, when


def build_briefing(data: BriefingData, language: str = ENGLISH) -> bytes:
    return build(data, language=language).pdf


def title_of(data: BriefingData, language: str = ENGLISH) -> str:
    w = Words(language)
    if data.pseudonymised:
        return w.say("Counter-corruption briefing {reference} (pseudonymised edition)",
                     reference=data.reference)
    return w.say("Counter-corruption briefing {reference}", reference=data.reference)


def subject_of(data: BriefingData, language: str = ENGLISH) -> str:
    """The PDF's subject line: the marking, then what it is and for whom."""
    w = Words(language)
    return w.marking + " " + w.say("counter-corruption briefing for {establishment}",
                                   establishment=data.establishment)


def plain_summary(d: BriefingData, tr) -> str:
    """The cover's summary in one language (``tr``, a catalogue)."""
    dash = d.dashboard
    n = d.open_cases
    parts = [tr.ngettext("{n} member of staff is managed as a corruption threat",
                         "{n} members of staff are managed as corruption threats", n)]
    if d.previous_reference:
        parts.append(tr.ngettext("{new} new since the last briefing",
                                 "{new} new since the last briefing", d.new_since_last))
    red = dash.by_rag.get("red", 0)
    parts.append(tr.ngettext("{red} is rated red", "{red} are rated red", red))
    u = len(dash.unreferred)
    parts.append(tr.ngettext("{u} report remains unreferred past the {days}-day deadline",
                             "{u} reports remain unreferred past the {days}-day deadline", u))
    a = len(dash.unacknowledged)
    if a:
        parts.append(tr.ngettext(
            "{a} referral awaits acknowledgement past {ack_days} days",
            "{a} referrals await acknowledgement past {ack_days} days", a))
    o = len(dash.overdue)
    parts.append(tr.ngettext("{o} review is overdue", "{o} reviews are overdue", o))
    closed = dash.by_status.get("closed", 0)
    text = "; ".join(parts) + "."
    if closed:
        text += " " + tr.ngettext("{closed} closed case remains on the register.",
                                  "{closed} closed cases remain on the register.", closed)
    text = text.format(n=n, new=d.new_since_last, red=red, u=u, days=d.unreferred_days, a=a,
                       ack_days=d.unacknowledged_days, o=o, closed=closed)
    return text[0].upper() + text[1:]


class _Builder(Blocks, SubjectPages):
    def __init__(self, data: BriefingData, language: str = ENGLISH):
        super().__init__()
        self.data = data
        self.w = Words(language)
        self.slot_pos: list = [None]
        self.preview = False

    # -- the document ------------------------------------------------------------
    def build(self) -> Built:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate

        fonts.register()
        d = self.data
        self.page_w, self.page_h = A4
        self.margin = 18 * mm
        self.frame_width = self.page_w - 2 * self.margin - 12  # frame padding 6 + 6
        buf = io.BytesIO()
        author = f"{d.prepared_by}, {d.prepared_role}" if d.prepared_role else d.prepared_by
        doc = SimpleDocTemplate(
            buf, pagesize=A4, leftMargin=self.margin, rightMargin=self.margin,
            topMargin=26 * mm, bottomMargin=22 * mm, title=title_of(d, self.w.code),
            author=author, subject=subject_of(d, self.w.code),
            creator="Governor's Console", invariant=0, lang=self.w.lang)
        story = self.cover() + self.summary()
        for rec in d.records:
            story += self.subject(rec)
        story += self.closing()
        doc.build(story, onFirstPage=self.decorate, onLaterPages=self.decorate,
                  canvasmaker=canvas_class())
        page, x, y = self.slot_pos[0]
        return Built(buf.getvalue(), doc.page,
                     SignatureSlot(page - 1, (x, y, x + STAMP_W, y + STAMP_H)))

    def decorate(self, canvas, doc):
        """Marking, establishment, reference, time and page number on every page."""
        d, w = self.data, self.w
        canvas.saveState()
        pw, h = self.page_w, self.page_h
        m = self.margin
        canvas.setFont(fonts.SANS_BOLD, 10)
        canvas.drawCentredString(pw / 2, h - 11 * MM, w.marking)
        canvas.drawCentredString(pw / 2, 8 * MM, w.marking)
        canvas.setFont(fonts.SANS, 7.5)
        canvas.setFillColor(self.colors.HexColor("#333333"))
        canvas.drawString(m, h - 17 * MM, fit(d.establishment, fonts.SANS, 7.5, pw / 2 - m))
        canvas.drawRightString(pw - m, h - 17 * MM,
                               w.say("Briefing {reference}", reference=d.reference))
        canvas.setStrokeColor(self.colors.HexColor("#9aa7b4"))
        canvas.setLineWidth(0.5)
        canvas.line(m, h - 19 * MM, pw - m, h - 19 * MM)
        canvas.line(m, 16 * MM, pw - m, 16 * MM)
        canvas.drawString(m, 12 * MM, w.say("Generated {at} UTC",
                                            at=d.generated_at.strftime('%Y-%m-%d %H:%M')))
        # "Page N of M" in each language, each followed by the total's form
        # (room for four digits), the last ending at the right margin.
        labels = list(dict.fromkeys(c.gettext("Page {page} of ").format(page=doc.page)
                                    for c in w.catalogues))
        digits = canvas.stringWidth("0000", fonts.SANS, 7.5)
        sep = "  /  "
        widths = [canvas.stringWidth(t, fonts.SANS, 7.5) + digits for t in labels]
        x = pw - m - sum(widths) - canvas.stringWidth(sep, fonts.SANS, 7.5) * (len(labels) - 1)
        for i, label in enumerate(labels):
            canvas.drawString(x, 12 * MM, label)
            canvas.saveState()
            canvas.translate(x + canvas.stringWidth(label, fonts.SANS, 7.5), 12 * MM)
            canvas.doForm(TOTAL_FORM)
            canvas.restoreState()
            x += widths[i]
            if i + 1 < len(labels):
                canvas.drawString(x, 12 * MM, sep)
                x += canvas.stringWidth(sep, fonts.SANS, 7.5)
        canvas.restoreState()
        self.after_decorate(canvas, pw, h)
        if self.preview:
            preview_mark(canvas, pw, h)

    def after_decorate(self, canvas, width, height) -> None:
        """Anything more on every page (nothing here)."""

    def paragraphs(self, texts: list[str], style=None) -> list:
        return [self.P(t, style) for t in texts]

    # -- cover -------------------------------------------------------------------
    def cover(self) -> list:
        from reportlab.platypus import PageBreak, Spacer
        d, w, st = self.data, self.w, self.st
        edition = (w.say("Pseudonymised edition: subjects are named by reference only")
                   if d.pseudonymised else w.say("Full edition: contains subjects' names"))
        scope = {"all": w.say("every subject on the register"),
                 "selected": w.say("selected subjects"),
                 "since_last": w.say("subjects changed since the last briefing")
                 }.get(d.scope, d.scope)
        period_end = d.generated_at.date().isoformat()
        period = (w.say("{start} to {end}", start=d.period_start, end=period_end)
                  if d.period_start else w.say("up to {end}", end=period_end))
        prepared = d.prepared_by + (f", {d.prepared_role}" if d.prepared_role else "")
        first = w.say("None: this is the first briefing")
        unrecorded = w.say("not recorded")
        out = [Spacer(1, 30), self.M(escape(w.marking), st.marking)]
        out += [self.M(escape(t), st.cover_title)
                for t in w.prose("Counter-corruption briefing")]
        out += [self.P(d.establishment, st.cover_sub),
                self.M(escape(d.reference), st.cover_sub), Spacer(1, 24)]
        out.append(self.kv([
            (w.say("Establishment"), d.establishment), (w.say("Period covered"), period),
            (w.say("Prepared by"), prepared), (w.say("Date"), period_end),
            (w.say("Distribution"), d.distribution), (w.say("Edition"), edition),
            (w.say("Subjects covered"), f"{len(d.records)} ({scope})"),
            (w.say("Previous briefing"), w.say("{reference} of {at}", reference=d.previous_reference,
                                                at=when(d.previous_at))
             if d.previous_reference else first),
            (w.say("Audit chain"), w.say("{n} entries; last entry {head}", n=d.audit_entries,
                                         head=d.audit_head[:16])
             if d.audit_head else unrecorded),
            (w.say("Chain at the previous briefing"),
             w.say("{n} entries; last entry {head}", n=d.previous_audit_entries,
                   head=d.previous_audit_head[:16])
             if d.previous_audit_head else first if not d.previous_reference else unrecorded),
            (w.say("Register identity"), w.say("vault {id}", id=d.vault_id)
             if d.vault_id else unrecorded),
        ], widths=(150 if w.bilingual else 120, None)))
        out += [Spacer(1, 18), self.M(escape(w.say("In brief")), st.h2)]
        out += [self.P(t, st.body) for t in dict.fromkeys(
            plain_summary(d, c) for c in w.catalogues)]
        if d.withheld:
            out += self.paragraphs(
                [c.ngettext("{n} subject record is withheld from this briefing because the "
                            "signer is barred from it (conflict of interest).",
                            "{n} subject records are withheld from this briefing because the "
                            "signer is barred from them (conflict of interest).",
                            d.withheld).format(n=d.withheld) for c in w.catalogues], st.note)
        out.append(Spacer(1, 12))
        out += self.paragraphs(w.prose(
            "Handling: this document is marked OFFICIAL-SENSITIVE. It is digitally signed; "
            "any change after signing invalidates the signature. Reports appear only as "
            "their sanitised summaries."), st.note)
        out.append(PageBreak())
        return out

    # -- summary -----------------------------------------------------------------
    def summary(self) -> list:
        from reportlab.platypus import Spacer, Table, TableStyle
        d, w, st = self.data, self.w, self.st
        dash = d.dashboard
        fw = self.frame_width
        subject = w.say("Subject")
        out = [self.M(escape(w.say("Summary")), st.h1),
               self.M(escape(w.say("Needs action first")), st.h2)]
        if not (dash.unreferred or dash.overdue or dash.unacknowledged):
            out += self.paragraphs(w.prose(
                "Nothing is overdue: every report has been referred within {days} days and "
                "every review is in date.", days=d.unreferred_days))
        if dash.unreferred:
            out.append(self.M(escape(w.say(
                "Reports unreferred past the {days}-day deadline ({n})",
                days=d.unreferred_days, n=len(dash.unreferred))), st.h3))
            out += self.table([subject, w.say("Report"), w.say("Received")],
                              [[r, f"#{rid}", rec] for r, rid, rec in dash.unreferred],
                              [fw * 0.3, fw * 0.3, fw * 0.4])
        if dash.unacknowledged:
            out.append(self.M(escape(w.say(
                "Referrals awaiting acknowledgement past {days} days ({n})",
                days=d.unacknowledged_days, n=len(dash.unacknowledged))), st.h3))
            out += self.table([subject, w.say("Referral"), w.say("Referred on")],
                              [[r, f"#{fid}", on] for r, fid, on in dash.unacknowledged],
                              [fw * 0.3, fw * 0.3, fw * 0.4])
        if dash.overdue:
            out.append(self.M(escape(w.say("Overdue reviews ({n})", n=len(dash.overdue))),
                              st.h3))
            from console.records.model import OVERDUE
            out += self.table([subject, w.say("What is overdue")],
                              [[r, w.each(lambda c, k=kind, due=due: c.gettext(
                                  "{what}, due {day}").format(
                                      what=OVERDUE.label_in(k, c), day=due))]
                               for r, kind, due in dash.overdue],
                              [fw * 0.3, fw * 0.7])

        out.append(self.M(escape(w.say("The register at a glance")), st.h2))
        count = w.say("Subjects")
        status_rows = [[w.label(STATUSES, k), str(dash.by_status.get(k, 0))]
                       for k in STATUSES.keys()]
        status_rows.append([w.say("Total"), str(dash.total)])
        label_w = 150 if w.bilingual else 130
        left = self.table([w.say("Status"), count], status_rows, [label_w, 50],
                          extra_style=[("FONT", (0, -1), (-1, -1), fonts.SANS_BOLD)])
        bands = ("red", "amber", "green")
        rag_rows = [[self.rag_cell(b, w.label(RAG, b)), str(dash.by_rag.get(b, 0))]
                    for b in bands]
        left += [Spacer(1, 8)] + self.table(
            [w.say("Risk band (open cases)"), count], rag_rows, [label_w, 50],
            extra_style=[("BACKGROUND", (0, i + 1), (0, i + 1),
                          self.colors.HexColor(RAG_FILL[b])) for i, b in enumerate(bands)])
        right = [self.M(escape(w.say("Likelihood × impact (open cases)")), st.h3),
                 self.matrix()]
        right += self.paragraphs(w.prose(
            "Bands by score (likelihood × impact): 1 to 4 green, 5 to 12 amber, 15 to 25 "
            "red."), st.small)
        grid = Table([[left, right]], colWidths=[fw * 0.44, fw * 0.56])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out.append(grid)
        out.append(Spacer(1, 8))
        cat_rows = [[w.label(CATEGORIES, k), str(dash.by_category.get(k, 0))]
                    for k in CATEGORIES.keys()]
        out.append(self.M(escape(w.say(
            "Categories of corruption (a subject may fall in several)")), st.h3))
        out += self.table([w.say("Category"), count], cat_rows, [fw * 0.8, fw * 0.2])
        out += self.changes()
        if d.register_total > len(d.records) + d.withheld:
            out.append(Spacer(1, 6))
            out += self.paragraphs(w.prose(
                "This briefing details {n} of the {total} subjects on the register.",
                n=len(d.records), total=d.register_total), st.note)
        return out

    def changes(self) -> list:
        d, w, st = self.data, self.w, self.st
        fw = self.frame_width
        out = [self.M(escape(w.say("Changes since the last briefing")), st.h2)]
        if not d.previous_reference:
            return out + self.paragraphs(w.prose(
                "This is the first briefing from this register, so there is nothing to "
                "compare with."))
        values = dict(reference=d.previous_reference, at=when(d.previous_at),
                      n=d.changes_total, shown=len(d.changes))
        if not d.changes:
            return out + self.paragraphs(w.prose(
                "Nothing has changed since briefing {reference} of {at}.", **values))
        if d.changes_total > len(d.changes):
            texts = [c.ngettext("{n} change since briefing {reference} of {at}, newest first; "
                                "the latest {shown} are listed.",
                                "{n} changes since briefing {reference} of {at}, newest "
                                "first; the latest {shown} are listed.", d.changes_total)
                     for c in w.catalogues]
        else:
            texts = [c.ngettext("{n} change since briefing {reference} of {at}.",
                                "{n} changes since briefing {reference} of {at}, newest first.",
                                d.changes_total) for c in w.catalogues]
        out += self.paragraphs(list(dict.fromkeys(t.format(**values) for t in texts)))
        out += self.table([w.say("When (UTC)"), w.say("Subject"), w.say("What changed")],
                          [[when(c.at), c.ref, w.each(c.words)] for c in d.changes],
                          [fw * 0.22, fw * 0.2, fw * 0.58])
        return out

    def matrix(self):
        """The 5x5 likelihood x impact grid, each cell coloured by its risk band
        and showing how many open cases sit there (the bands are also named in
        words under it)."""
        from reportlab.graphics.shapes import Drawing, Group, Rect, String
        colors = self.colors
        dash = self.data.dashboard
        cell, left, bottom = 34, 46, 34
        dr = Drawing(left + 5 * cell + 10, bottom + 5 * cell + 8)
        for li in range(1, 6):
            for im in range(1, 6):
                x = left + (im - 1) * cell
                y = bottom + (li - 1) * cell
                band = rag_band(li, im)
                dr.add(Rect(x, y, cell, cell, fillColor=colors.HexColor(RAG_FILL[band]),
                            strokeColor=colors.white, strokeWidth=1.5))
                n = dash.heat[li - 1][im - 1] if dash.heat else 0
                if n:
                    dr.add(String(x + cell / 2, y + cell / 2 - 4, str(n), fontName=fonts.SANS_BOLD,
                                  fontSize=11, textAnchor="middle", fillColor=colors.black))
            dr.add(String(left - 6, bottom + (li - 1) * cell + cell / 2 - 3, str(li),
                          fontName=fonts.SANS, fontSize=8, textAnchor="end"))
        for im in range(1, 6):
            dr.add(String(left + (im - 1) * cell + cell / 2, bottom - 11, str(im),
                          fontName=fonts.SANS, fontSize=8, textAnchor="middle"))
        dr.add(String(left + 2.5 * cell, bottom - 26, self.w.say("Impact"),
                      fontName=fonts.SANS_BOLD, fontSize=8.5, textAnchor="middle"))
        lab = String(0, 0, self.w.say("Likelihood"), fontName=fonts.SANS_BOLD, fontSize=8.5,
                     textAnchor="middle")
        g = Group(lab)
        g.translate(14, bottom + 2.5 * cell)
        g.rotate(90)
        dr.add(g)
        return dr

    # -- end ---------------------------------------------------------------------------
    def closing(self) -> list:
        from reportlab.platypus import KeepTogether, Spacer
        d, w, st = self.data, self.w, self.st
        block = [Spacer(1, 10), self.M(escape(w.say("Signature")), st.h2)]
        block += self.paragraphs(w.prose(
            "This briefing was prepared by {name} and is signed with their digital signature "
            "below. To check it has not been changed, open it in Adobe Reader, or run "
            "'pdfsig' or 'python main.py verify' on it. Reference {reference}.",
            name=d.prepared_by, reference=d.reference), st.body)
        block.append(signature_slot(self.slot_pos))
        return [KeepTogether(block)]


def build(data: BriefingData, *, language: str = ENGLISH, preview: bool = False) -> Built:
    """Lay the briefing out in ``language`` ("en", "cy" or "both"); a
    ``preview`` is marked as unsigned on every page."""
    builder = _Builder(data, language)
    builder.preview = preview
    return builder.build()
