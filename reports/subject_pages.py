"""A briefing's pages about one subject: profile, threat assessment, graded
reports (their sanitised summaries only), referrals and measures with their
latest log entries, in the briefing's language (``self.w``, a
``reports.language.Words``).

A mix-in of the briefing's builder (``content._Builder``), which gives it
``data``, ``w``, ``st``, ``frame_width`` and the building blocks of
``pdf_parts.Blocks``. Every user string goes through ``markup`` here too.
"""

from __future__ import annotations

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
from reports.briefing_json import report_referred_on
from reports.markup import escape, has_rtl, para
from reports.pdf_parts import LOG_ENTRIES_SHOWN, Heading

DASH = "–"


def day(value) -> str:
    if value is None or value == "":
        return DASH
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def when(at: str) -> str:
    """An ISO timestamp as 'YYYY-MM-DD HH:MM' (UTC as stored)."""
    return at[:16].replace("T", " ") if at else DASH


class SubjectPages:
    """The ``subject(rec)`` section of the briefing's builder."""

    def subject(self, rec) -> list:
        from reportlab.platypus import PageBreak
        d, st = self.data, self.st
        s = rec.subject
        title = s.ref if d.pseudonymised else f"{s.ref} — {s.name}"
        h1 = st.shaped(st.h1) if has_rtl(title) else st.h1
        out = [PageBreak(), Heading(para(title, bold=True), h1, key=f"s{s.id}", outline=title)]
        out += self.profile(rec)
        out += self.assessment(rec)
        out += self.reports(rec)
        out += self.referrals(rec)
        out += self.measures(rec)
        return out

    def heading(self, text: str, style=None):
        return self.M(escape(text), style or self.st.h2)

    def profile(self, rec) -> list:
        d, w = self.data, self.w
        s = rec.subject
        status = w.label(STATUSES, s.status)
        if s.status == "closed" and s.outcome:
            status += f" ({w.label(OUTCOMES, s.outcome)})"
        side = [x for x, on in ((w.say("suspended"), s.suspended),
                                (w.say("on restricted duties"), s.restricted_duties)) if on]
        rows = []
        if not d.pseudonymised:
            rows += [(w.say("Name"), s.name), (w.say("Staff number"), s.staff_number or DASH)]
        rows += [
            (w.say("Reference"), s.ref), (w.say("Role"), s.role or DASH),
            (w.say("Location"), s.location or DASH),
            (w.say("Employment"), w.label(EMPLOYMENT, s.employment_type)),
            (w.say("Start date"), day(s.start_date)),
            (w.say("Categories"), "; ".join(w.label(CATEGORIES, c) for c in s.categories)
             or DASH),
            (w.say("Status"), status + (f"; {', '.join(side)}" if side else "")),
            (w.say("Case owner"), s.owner or DASH),
            (w.say("Next review"), day(s.next_review)
             + (" ({})".format(w.say("overdue")) if rec.flags.overdue_review else "")),
        ]
        if s.notes:
            rows.append((w.say("Notes"), s.notes))
        return [self.heading(w.say("Profile")),
                self.kv(rows, widths=(150 if w.bilingual else 110, None))]

    def assessment(self, rec) -> list:
        w, fw = self.w, self.frame_width
        s = rec.subject
        out = [self.heading(w.say("Threat assessment"))]
        out += self.table(
            ["", w.say("Likelihood"), w.say("Impact"), w.say("Score"), w.say("Band")],
            [[w.say("Inherent"), str(s.likelihood), str(s.impact), str(s.score),
              self.rag_cell(rec.rag, self.band(rec.rag))],
             [w.say("Residual (with measures)"), str(s.residual_likelihood),
              str(s.residual_impact), str(s.residual_score),
              self.rag_cell(rec.residual_rag, self.band(rec.residual_rag))]],
            [fw * 0.36, fw * 0.16, fw * 0.16, fw * 0.16, fw * 0.16])
        if rec.flags.needs_attention:
            words = w.each(lambda c: "; ".join(rec.flags.labels(c)))
            label = escape(w.say("Needs attention:"))
            out.append(self.M(f'<font color="#9b1c12"><b>{label}'
                              f'</b></font> {escape(words)}.', self.st.flag))
        return out

    def band(self, key: str) -> str:
        from console.records.model import RAG
        return self.w.label(RAG, key)

    def reports(self, rec) -> list:
        w, st, fw = self.w, self.st, self.frame_width
        out = [self.heading(w.say("Graded reports ({n})", n=len(rec.reports)))]
        if not rec.reports:
            return out + [self.P(t, st.small) for t in w.prose("No reports recorded.")]
        out += [self.P(t, st.note) for t in w.prose(
            "Grading is 3x5x2: source evaluation, intelligence assessment, handling code. "
            "Only the sanitised summary is shown.")]
        rows = []
        for r in rec.reports:
            summary = r.summary or w.say("(no sanitised summary recorded)")
            if r.handling == "C" and r.handling_condition:
                summary += "\n" + w.say("Handling condition: {condition}",
                                        condition=r.handling_condition)
            on = report_referred_on(r, rec.referrals) if r.referred else None
            if r.referred:
                referred = w.say("Yes, {day}", day=on) if on else w.say("Yes")
            else:
                referred = w.say("No (overdue)") if r.unreferred_overdue else w.say("Not yet")
            rows.append([day(r.received_on), w.label(REPORT_TYPES, r.type),
                         f"{r.source_grade}{r.intel_grade}{r.handling}", referred, summary])
        out += self.table([w.say("Received"), w.say("Type"), w.say("Grade"),
                           w.say("Referred"), w.say("Sanitised summary")],
                          rows, [fw * 0.13, fw * 0.2, fw * 0.08, fw * 0.16, fw * 0.43])
        return out

    def referrals(self, rec) -> list:
        w, st, fw = self.w, self.st, self.frame_width
        out = [self.heading(w.say("Referrals and outcomes ({n})", n=len(rec.referrals)))]
        if not rec.referrals:
            return out + [self.P(t, st.small) for t in w.prose("No referrals recorded.")]
        not_yet = w.say("Not yet")
        rows = [[w.label(REFERRAL_TARGETS, f.target), day(f.referred_on), f.referred_by,
                 f.reference or DASH,
                 day(f.acknowledged_on) if f.acknowledged_on else
                 (w.say("Not yet (overdue)") if f.unacknowledged_overdue else not_yet),
                 f.outcome or DASH] for f in rec.referrals]
        out += self.table([w.say("To"), w.say("Referred"), w.say("By"),
                           w.say("Their reference"), w.say("Acknowledged"), w.say("Outcome")],
                          rows, [fw * 0.17, fw * 0.13, fw * 0.17, fw * 0.15, fw * 0.14,
                                 fw * 0.24])
        return out

    def measures(self, rec) -> list:
        from reportlab.platypus import Spacer
        w, st, fw = self.w, self.st, self.frame_width
        out = [self.heading(w.say("Mitigation measures ({n})", n=len(rec.measures)))]
        if not rec.measures:
            out += [self.P(t, st.small) for t in w.prose("No measures recorded.")]
        for m in rec.measures:
            review = day(m.review_due) + (" ({})".format(w.say("overdue")) if m.overdue else "")
            out += self.table(
                [w.say("Aim"), w.say("Measure"), w.say("Status"), w.say("Owner"),
                 w.say("Review due")],
                [[w.label(AIMS, m.aim), w.label(MEASURE_TYPES, m.type),
                  w.label(MEASURE_STATUSES, m.status), m.owner or DASH, review]],
                [fw * 0.12, fw * 0.34, fw * 0.12, fw * 0.24, fw * 0.18])
            detail = []
            if m.details:
                detail.append((w.say("Details"), m.details))
            if m.effectiveness:
                detail.append((w.say("Effectiveness"), m.effectiveness))
            if detail:
                out.append(self.kv(detail, widths=(110 if w.bilingual else 80, None)))
            recent = list(m.log)[-LOG_ENTRIES_SHOWN:]
            if recent:
                title = (w.say("Recent log entries (latest {n} of {total})", n=len(recent),
                               total=len(m.log))
                         if len(m.log) > len(recent) else w.say("Recent log entries"))
                out.append(self.heading(title, st.small))
                out += self.table(
                    [w.say("When (UTC)"), w.say("By"), w.say("Entry")],
                    [[when(e.at), e.by_user,
                      (w.say("(corrects entry {n})", n=e.corrects) + " " if e.corrects else "")
                      + e.text] for e in reversed(recent)],
                    [fw * 0.2, fw * 0.15, fw * 0.65])
            out.append(Spacer(1, 6))
        return out
