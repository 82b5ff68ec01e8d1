"""The briefing's pages, laid out with reportlab Platypus from ``BriefingData``.

``build_briefing(data) -> bytes`` is pure: no vault, no files. ``build`` also
returns where the signature block was placed, for the signing step.

Rules: every user string goes through ``markup.para``/``escape`` before it
reaches a Paragraph; reports show only their sanitised summary, never the
full text; the data embedded as ``briefing.json`` (see ``briefing_json``)
says nothing the pages do not show; long tables are cut into chunks of ``CHUNK`` rows so a 10,000-row
briefing stays linear; every page carries the protective marking top and
bottom, the establishment, the briefing reference, the generation time and
"Page N of M" (the total is a form drawn once at the end, so one pass does).
"""

from __future__ import annotations

import io

from console.records.model import (
    AIMS,
    CATEGORIES,
    EMPLOYMENT,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    STATUSES,
)
from console.records.rules import rag as rag_band
from reports import fonts
from reports.briefing_json import report_referred_on
from reports.data import BriefingData
from reports.markup import escape, has_rtl, para
from reports.pdf_parts import (
    LOG_ENTRIES_SHOWN,
    MARKING,
    MM,
    RAG_FILL,
    STAMP_H,
    STAMP_W,
    TOTAL_FORM,
    Blocks,
    Built,
    Heading,
    SignatureSlot,
    canvas_class,
    fit,
    preview_mark,
    signature_slot,
)


def build_briefing(data: BriefingData) -> bytes:
    return build(data).pdf


def title_of(data: BriefingData) -> str:
    edition = " (pseudonymised edition)" if data.pseudonymised else ""
    return f"Counter-corruption briefing {data.reference}{edition}"


def _d(value) -> str:
    if value is None or value == "":
        return "–"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _when(at: str) -> str:
    """An ISO timestamp as 'YYYY-MM-DD HH:MM' (UTC as stored)."""
    return at[:16].replace("T", " ") if at else "–"


class _Builder(Blocks):
    def __init__(self, data: BriefingData):
        super().__init__()
        self.data = data
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
            topMargin=26 * mm, bottomMargin=22 * mm, title=title_of(d), author=author,
            subject=f"{MARKING} counter-corruption briefing for {d.establishment}",
            creator="Governor's Console", invariant=0, lang="en-GB")
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
        d = self.data
        canvas.saveState()
        w, h = self.page_w, self.page_h
        m = self.margin
        canvas.setFont(fonts.SANS_BOLD, 10)
        canvas.drawCentredString(w / 2, h - 11 * MM, MARKING)
        canvas.drawCentredString(w / 2, 8 * MM, MARKING)
        canvas.setFont(fonts.SANS, 7.5)
        canvas.setFillColor(self.colors.HexColor("#333333"))
        canvas.drawString(m, h - 17 * MM, fit(d.establishment, fonts.SANS, 7.5, w / 2 - m))
        canvas.drawRightString(w - m, h - 17 * MM, f"Briefing {d.reference}")
        canvas.setStrokeColor(self.colors.HexColor("#9aa7b4"))
        canvas.setLineWidth(0.5)
        canvas.line(m, h - 19 * MM, w - m, h - 19 * MM)
        canvas.line(m, 16 * MM, w - m, 16 * MM)
        canvas.drawString(m, 12 * MM,
                          f"Generated {d.generated_at.strftime('%Y-%m-%d %H:%M')} UTC")
        label = f"Page {doc.page} of "
        x = w - m - canvas.stringWidth(label + "0000", fonts.SANS, 7.5)
        canvas.drawString(x, 12 * MM, label)
        canvas.saveState()
        canvas.translate(x + canvas.stringWidth(label, fonts.SANS, 7.5), 12 * MM)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        canvas.restoreState()
        if self.preview:
            preview_mark(canvas, w, h)

    # -- cover -------------------------------------------------------------------
    def cover(self) -> list:
        from reportlab.platypus import PageBreak, Spacer
        d = self.data
        st = self.st
        edition = ("Pseudonymised edition: subjects are named by reference only"
                   if d.pseudonymised else "Full edition: contains subjects' names")
        scope = {"all": "every subject on the register",
                 "selected": "selected subjects",
                 "since_last": "subjects changed since the last briefing"}.get(d.scope, d.scope)
        period_end = d.generated_at.date().isoformat()
        period = (f"{d.period_start} to {period_end}" if d.period_start else
                  f"up to {period_end}")
        prepared = d.prepared_by + (f", {d.prepared_role}" if d.prepared_role else "")
        out = [Spacer(1, 30), self.M(MARKING, st.marking),
               self.M("Counter-corruption briefing", st.cover_title),
               self.P(d.establishment, st.cover_sub),
               self.M(escape(d.reference), st.cover_sub), Spacer(1, 24)]
        out.append(self.kv([
            ("Establishment", d.establishment), ("Period covered", period),
            ("Prepared by", prepared), ("Date", period_end),
            ("Distribution", d.distribution), ("Edition", edition),
            ("Subjects covered", f"{len(d.records)} ({scope})"),
            ("Previous briefing", f"{d.previous_reference} of {_when(d.previous_at)}"
             if d.previous_reference else "None: this is the first briefing"),
            ("Audit chain", f"{d.audit_entries} entries; last entry {d.audit_head[:16]}"
             if d.audit_head else "not recorded"),
            ("Chain at the previous briefing",
             f"{d.previous_audit_entries} entries; last entry {d.previous_audit_head[:16]}"
             if d.previous_audit_head else "None: this is the first briefing"
             if not d.previous_reference else "not recorded"),
            ("Register identity", f"vault {d.vault_id}" if d.vault_id else "not recorded"),
        ], widths=(120, None)))
        out += [Spacer(1, 18), self.M("In brief", st.h2), self.P(self.plain_summary(), st.body)]
        if d.withheld:
            out.append(self.P(f"{d.withheld} subject record(s) are withheld from this briefing "
                              "because the signer is barred from them (conflict of "
                              "interest).", st.note))
        out.append(Spacer(1, 12))
        out.append(self.P("Handling: this document is marked OFFICIAL-SENSITIVE. It is "
                          "digitally signed; any change after signing invalidates the "
                          "signature. Reports appear only as their sanitised summaries.",
                          st.note))
        out.append(PageBreak())
        return out

    def plain_summary(self) -> str:
        d = self.data
        dash = d.dashboard
        n = d.open_cases
        parts = [f"{n} member{'s' if n != 1 else ''} of staff "
                 f"{'are' if n != 1 else 'is'} managed as corruption threats"]
        if d.previous_reference:
            parts.append(f"{d.new_since_last} new since the last briefing")
        red = dash.by_rag.get("red", 0)
        parts.append(f"{red} {'is' if red == 1 else 'are'} rated red")
        u = len(dash.unreferred)
        parts.append(f"{u} report{'s' if u != 1 else ''} "
                     f"{'remains' if u == 1 else 'remain'} unreferred past the "
                     f"{d.unreferred_days}-day deadline")
        a = len(dash.unacknowledged)
        if a:
            parts.append(f"{a} referral{'s' if a != 1 else ''} "
                         f"{'awaits' if a == 1 else 'await'} acknowledgement past "
                         f"{d.unacknowledged_days} days")
        o = len(dash.overdue)
        parts.append(f"{o} review{'s' if o != 1 else ''} "
                     f"{'is' if o == 1 else 'are'} overdue")
        closed = dash.by_status.get("closed", 0)
        text = "; ".join(parts) + "."
        if closed:
            text += (f" {closed} closed case{'s' if closed != 1 else ''} "
                     f"{'remain' if closed != 1 else 'remains'} on the register.")
        return text[0].upper() + text[1:]

    # -- summary -----------------------------------------------------------------
    def summary(self) -> list:
        from reportlab.platypus import Spacer, Table, TableStyle
        d = self.data
        st = self.st
        dash = d.dashboard
        fw = self.frame_width
        out = [self.M("Summary", st.h1), self.M("Needs action first", st.h2)]
        if not (dash.unreferred or dash.overdue or dash.unacknowledged):
            out.append(self.P("Nothing is overdue: every report has been referred within "
                              f"{d.unreferred_days} days and every review is in date."))
        if dash.unreferred:
            out.append(self.M(f"Reports unreferred past the {d.unreferred_days}-day deadline "
                              f"({len(dash.unreferred)})", st.h3))
            out += self.table(["Subject", "Report", "Received"],
                              [[r, f"#{rid}", rec] for r, rid, rec in dash.unreferred],
                              [fw * 0.3, fw * 0.3, fw * 0.4])
        if dash.unacknowledged:
            out.append(self.M(f"Referrals awaiting acknowledgement past "
                              f"{d.unacknowledged_days} days ({len(dash.unacknowledged)})",
                              st.h3))
            out += self.table(["Subject", "Referral", "Referred on"],
                              [[r, f"#{fid}", on] for r, fid, on in dash.unacknowledged],
                              [fw * 0.3, fw * 0.3, fw * 0.4])
        if dash.overdue:
            out.append(self.M(f"Overdue reviews ({len(dash.overdue)})", st.h3))
            out += self.table(["Subject", "What is overdue"],
                              [[r, what] for r, what in dash.overdue],
                              [fw * 0.3, fw * 0.7])

        out.append(self.M("The register at a glance", st.h2))
        status_rows = [[STATUSES.label(k), str(dash.by_status.get(k, 0))]
                       for k in STATUSES.keys()]
        status_rows.append(["Total", str(dash.total)])
        left = self.table(["Status", "Subjects"], status_rows, [130, 50],
                          extra_style=[("FONTNAME", (0, -1), (-1, -1), fonts.SANS_BOLD)])
        rag_rows = [[self.rag_cell(b), str(dash.by_rag.get(b, 0))]
                    for b in ("red", "amber", "green")]
        left += [Spacer(1, 8)] + self.table(
            ["Risk band (open cases)", "Subjects"], rag_rows, [130, 50],
            extra_style=[("BACKGROUND", (0, i + 1), (0, i + 1),
                          self.colors.HexColor(RAG_FILL[b]))
                         for i, b in enumerate(("red", "amber", "green"))])
        right = [self.M("Likelihood × impact (open cases)", st.h3), self.matrix()]
        grid = Table([[left, right]], colWidths=[fw * 0.44, fw * 0.56])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out.append(grid)
        out.append(Spacer(1, 8))
        cat_rows = [[CATEGORIES.label(k), str(dash.by_category.get(k, 0))]
                    for k in CATEGORIES.keys()]
        out.append(self.M("Categories of corruption (a subject may fall in several)", st.h3))
        out += self.table(["Category", "Subjects"], cat_rows, [fw * 0.8, fw * 0.2])

        out.append(self.M("Changes since the last briefing", st.h2))
        if not d.previous_reference:
            out.append(self.P("This is the first briefing from this register, so there is "
                              "nothing to compare with."))
        elif not d.changes:
            out.append(self.P(f"Nothing has changed since briefing {d.previous_reference} "
                              f"of {_when(d.previous_at)}."))
        else:
            out.append(self.P(f"{d.changes_total} change(s) since briefing "
                              f"{d.previous_reference} of {_when(d.previous_at)}, newest "
                              "first" + (f"; the latest {len(d.changes)} are listed."
                                         if d.changes_total > len(d.changes) else ".")))
            out += self.table(["When (UTC)", "Subject", "What changed"],
                              [[_when(c.at), c.ref, c.what] for c in d.changes],
                              [fw * 0.22, fw * 0.2, fw * 0.58])
        if d.register_total > len(d.records) + d.withheld:
            out.append(Spacer(1, 6))
            out.append(self.P(f"This briefing details {len(d.records)} of the "
                              f"{d.register_total} subjects on the register.", st.note))
        return out

    def matrix(self):
        """The 5x5 likelihood x impact grid, each cell coloured by its risk band
        and showing how many open cases sit there."""
        from reportlab.graphics.shapes import Drawing, Rect, String
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
        dr.add(String(left + 2.5 * cell, bottom - 26, "Impact", fontName=fonts.SANS_BOLD,
                      fontSize=8.5, textAnchor="middle"))
        lab = String(0, 0, "Likelihood", fontName=fonts.SANS_BOLD, fontSize=8.5,
                     textAnchor="middle")
        from reportlab.graphics.shapes import Group
        g = Group(lab)
        g.translate(14, bottom + 2.5 * cell)
        g.rotate(90)
        dr.add(g)
        return dr

    # -- one subject ---------------------------------------------------------------
    def subject(self, rec) -> list:
        from reportlab.platypus import PageBreak, Spacer
        d = self.data
        st = self.st
        s = rec.subject
        fw = self.frame_width
        title = s.ref if d.pseudonymised else f"{s.ref} — {s.name}"
        h1 = self.st.shaped(st.h1) if has_rtl(title) else st.h1
        heading = Heading(para(title, bold=True), h1, key=f"s{s.id}", outline=title)
        out = [PageBreak(), heading]
        status = STATUSES.label(s.status)
        if s.status == "closed" and s.outcome:
            status += f" ({OUTCOMES.label(s.outcome)})"
        side = [x for x, on in (("suspended", s.suspended),
                                ("on restricted duties", s.restricted_duties)) if on]
        profile = []
        if not d.pseudonymised:
            profile += [("Name", s.name), ("Staff number", s.staff_number or "–")]
        profile += [
            ("Reference", s.ref), ("Role", s.role or "–"), ("Location", s.location or "–"),
            ("Employment", EMPLOYMENT.label(s.employment_type)),
            ("Start date", _d(s.start_date)),
            ("Categories", "; ".join(CATEGORIES.label(c) for c in s.categories) or "–"),
            ("Status", status + (f"; {', '.join(side)}" if side else "")),
            ("Case owner", s.owner or "–"), ("Next review", _d(s.next_review)
                                              + (" (overdue)" if rec.flags.overdue_review
                                                 else "")),
        ]
        if s.notes:
            profile.append(("Notes", s.notes))
        out += [self.M("Profile", st.h2), self.kv(profile)]

        out.append(self.M("Threat assessment", st.h2))
        out += self.table(
            ["", "Likelihood", "Impact", "Score", "Band"],
            [["Inherent", str(s.likelihood), str(s.impact), str(s.score),
              self.rag_cell(rec.rag)],
             ["Residual (with measures)", str(s.residual_likelihood), str(s.residual_impact),
              str(s.residual_score), self.rag_cell(rec.residual_rag)]],
            [fw * 0.36, fw * 0.16, fw * 0.16, fw * 0.16, fw * 0.16])
        if rec.flags.needs_attention:
            out.append(self.M('<font color="#9b1c12"><b>Needs attention:</b></font> '
                              + escape("; ".join(rec.flags.labels())) + ".", st.flag))

        out.append(self.M(f"Graded reports ({len(rec.reports)})", st.h2))
        if rec.reports:
            out.append(self.P("Grading is 3x5x2: source evaluation, intelligence assessment, "
                              "handling code. Only the sanitised summary is shown.", st.note))
            rows = []
            for r in rec.reports:
                summary = r.summary or "(no sanitised summary recorded)"
                if r.handling == "C" and r.handling_condition:
                    summary += f"\nHandling condition: {r.handling_condition}"
                when = report_referred_on(r, rec.referrals) if r.referred else None
                referred = (f"Yes, {when}" if when else "Yes") if r.referred else \
                    ("No (overdue)" if r.unreferred_overdue else "Not yet")
                rows.append([_d(r.received_on), REPORT_TYPES.label(r.type),
                             f"{r.source_grade}{r.intel_grade}{r.handling}",
                             referred, summary])
            out += self.table(["Received", "Type", "Grade", "Referred", "Sanitised summary"],
                              rows, [fw * 0.13, fw * 0.2, fw * 0.08, fw * 0.16, fw * 0.43])
        else:
            out.append(self.P("No reports recorded.", st.small))

        out.append(self.M(f"Referrals and outcomes ({len(rec.referrals)})", st.h2))
        if rec.referrals:
            rows = [[REFERRAL_TARGETS.label(f.target), _d(f.referred_on), f.referred_by,
                     f.reference or "–",
                     _d(f.acknowledged_on) if f.acknowledged_on else
                     ("Not yet (overdue)" if f.unacknowledged_overdue else "Not yet"),
                     f.outcome or "–"] for f in rec.referrals]
            out += self.table(["To", "Referred", "By", "Their reference", "Acknowledged",
                               "Outcome"], rows,
                              [fw * 0.17, fw * 0.13, fw * 0.17, fw * 0.15, fw * 0.14,
                               fw * 0.24])
        else:
            out.append(self.P("No referrals recorded.", st.small))

        out.append(self.M(f"Mitigation measures ({len(rec.measures)})", st.h2))
        if not rec.measures:
            out.append(self.P("No measures recorded.", st.small))
        for m in rec.measures:
            review = _d(m.review_due) + (" (overdue)" if m.overdue else "")
            out += self.table(
                ["Aim", "Measure", "Status", "Owner", "Review due"],
                [[AIMS.label(m.aim), MEASURE_TYPES.label(m.type),
                  MEASURE_STATUSES.label(m.status), m.owner or "–", review]],
                [fw * 0.12, fw * 0.34, fw * 0.12, fw * 0.24, fw * 0.18])
            detail = []
            if m.details:
                detail.append(("Details", m.details))
            if m.effectiveness:
                detail.append(("Effectiveness", m.effectiveness))
            if detail:
                out.append(self.kv(detail, widths=(80, None)))
            recent = list(m.log)[-LOG_ENTRIES_SHOWN:]
            if recent:
                more = len(m.log) - len(recent)
                out.append(self.M("Recent log entries" + (f" (latest {len(recent)} of "
                                                          f"{len(m.log)})" if more else ""),
                                  st.small))
                out += self.table(["When (UTC)", "By", "Entry"],
                                  [[_when(e.at), e.by_user,
                                    (f"(corrects entry {e.corrects}) " if e.corrects else "")
                                    + e.text] for e in reversed(recent)],
                                  [fw * 0.2, fw * 0.15, fw * 0.65])
            out.append(Spacer(1, 6))
        return out

    # -- end ---------------------------------------------------------------------------
    def closing(self) -> list:
        from reportlab.platypus import KeepTogether, Spacer
        d = self.data
        st = self.st
        block = [Spacer(1, 10), self.M("Signature", st.h2),
                 self.P(f"This briefing was prepared by {d.prepared_by} and is signed with "
                        "their digital signature below. To check it has not been changed, "
                        "open it in Adobe Reader, or run 'pdfsig' or 'python main.py "
                        f"verify' on it. Reference {d.reference}.", st.body),
                 signature_slot(self.slot_pos)]
        return [KeepTogether(block)]


def build(data: BriefingData, *, preview: bool = False) -> Built:
    """Lay the briefing out; a ``preview`` is marked as unsigned on every page."""
    builder = _Builder(data)
    builder.preview = preview
    return builder.build()
