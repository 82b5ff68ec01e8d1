"""The national summary: a signed PDF of ``hq status``, the staff overlap and
trend charts over the last twelve months, marked OFFICIAL-SENSITIVE on every
page and signed with HQ's own identity (PAdES, certified, no changes
permitted), through the same parts and signing as the briefings.

Rules: built from the store's data only; every label goes through the
escaping blocks of ``reports.pdf_parts``; written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from console.clock import utcnow
from console.errors import ConsoleError, ValidationError
from console import i18n
from console.i18n import N_, _
from hq.staff import overlaps
from hq.status import status
from hq.trends import monthly
from reports import fonts
from reports.access_pack import marking
from reports.markup import escape
from reports.pdf_parts import (
    MM,
    STAMP_H,
    STAMP_W,
    TOTAL_FORM,
    Blocks,
    SignatureSlot,
    canvas_class,
    fit,
    signature_slot,
)

TITLE = N_("National counter-corruption summary")
# The status report's continuity values, as the summary's table words them.
CONTINUITY = {"intact": N_("intact"), "broken": N_("broken"), "none yet": N_("none yet")}
INK = ("#1f3a5f", "#c62828", "#f2a900", "#2e7d32")


@dataclass(frozen=True)
class Report:
    path: Path
    sha256: str
    pages: int
    fingerprint: str


class _Summary(Blocks):
    def __init__(self, report: dict, months, shared, name: str, reference: str):
        super().__init__()
        self.report, self.months, self.shared = report, months, shared
        self.name, self.reference = name, reference
        self.slot: list = [None]

    def build(self) -> tuple[bytes, int, SignatureSlot]:
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import SimpleDocTemplate
        fonts.register()
        self.page_w, self.page_h = A4
        self.margin = 18 * MM
        self.frame_width = self.page_w - 2 * self.margin - 12
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=self.margin,
                                rightMargin=self.margin, topMargin=26 * MM,
                                bottomMargin=22 * MM, title=f"{_(TITLE)} {self.reference}",
                                author=self.name, subject=f"{marking()} {_(TITLE)}",
                                creator="Governor's Console", invariant=0, lang="en-GB")
        story = self.overview() + self.trends() + self.table() + self.staff() + self.end()
        doc.build(story, onFirstPage=self.decorate, onLaterPages=self.decorate,
                  canvasmaker=canvas_class())
        page, x, y = self.slot[0]
        return buf.getvalue(), doc.page, SignatureSlot(page - 1, (x, y, x + STAMP_W,
                                                                   y + STAMP_H))

    def decorate(self, canvas, doc):
        canvas.saveState()
        w, h, m = self.page_w, self.page_h, self.margin
        canvas.setFont(fonts.SANS_BOLD, 10)
        canvas.drawCentredString(w / 2, h - 11 * MM, marking())
        canvas.drawCentredString(w / 2, 8 * MM, marking())
        canvas.setFont(fonts.SANS, 7.5)
        canvas.drawString(m, h - 17 * MM, fit(self.name, fonts.SANS, 7.5, w / 2 - m))
        canvas.drawRightString(w - m, h - 17 * MM, _("National summary {reference}").format(
                                                     reference=self.reference))
        canvas.setLineWidth(0.5)
        canvas.line(m, h - 19 * MM, w - m, h - 19 * MM)
        canvas.line(m, 16 * MM, w - m, 16 * MM)
        canvas.drawString(m, 12 * MM, _("As of {at} UTC").format(
                                        at=self.report['as_of'].replace('T', ' ')[:16]))
        label = f"Page {doc.page} of "
        x = w - m - canvas.stringWidth(label + "0000", fonts.SANS, 7.5)
        canvas.drawString(x, 12 * MM, label)
        canvas.translate(x + canvas.stringWidth(label, fonts.SANS, 7.5), 12 * MM)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()

    def overview(self) -> list:
        from reportlab.platypus import Spacer
        st, n, s = self.st, self.report["national"], self.report["settings"]
        return [self.M(escape(marking()), st.marking), self.M(escape(_(TITLE)), st.cover_title),
                self.P(_("{name} · as of {day}").format(
                         name=self.name, day=self.report['as_of'][:10]), st.cover_sub),
                Spacer(1, 14), self.kv([
                    ("Establishments", str(n["establishments"])),
                    (_("Overdue briefings"), _("{n} (none received for more than {days} days)").format(
                                            n=n['overdue'], days=s['overdue_days'])),
                    (_("Continuity broken"), str(n["continuity_broken"])),
                    (_("Open subjects"), str(n["open_subjects"])),
                    (_("Red cases"), str(n["red_cases"])),
                    (_("Reports unreferred"), _("{n} (past {days} days)").format(
                                             n=n['unreferred_past_deadline'],
                                             days=s['unreferred_days'])),
                    (_("Referrals unacknowledged"), _("{n} (past {days} days)").format(
                                                   n=n['unacknowledged_past_deadline'],
                                                   days=s['unacknowledged_days'])),
                    (_("Staff in several establishments"), str(len(self.shared))),
                    (_("Briefings held"), str(n["briefings_held"])),
                ], widths=(170, None)),
                Spacer(1, 10),
                self.P(_("Figures come from each establishment's latest full-register briefing "
                         "(full edition of the whole register) that headquarters verified and "
                         "holds; deadlines are judged as of the date above."),
                       st.note)]

    def chart(self, title: str, series: list[tuple[str, list[int]]]):
        from reportlab.graphics.charts.legends import Legend
        from reportlab.graphics.charts.linecharts import HorizontalLineChart
        from reportlab.graphics.shapes import Drawing, String
        colors = self.colors
        width, height = self.frame_width, 150
        d = Drawing(width, height + 30)
        d.add(String(0, height + 18, title, fontName=fonts.SANS_BOLD, fontSize=9.5))
        c = HorizontalLineChart()
        c.x, c.y, c.width, c.height = 34, 28, width - 150, height - 30
        c.data = [vals for _, vals in series]
        c.categoryAxis.categoryNames = [m.label[2:] for m in self.months]
        c.categoryAxis.labels.fontName = fonts.SANS
        c.categoryAxis.labels.fontSize = 6.5
        c.valueAxis.labels.fontName = fonts.SANS
        c.valueAxis.labels.fontSize = 7
        c.valueAxis.valueMin = 0
        top = max([max(v) for _, v in series] + [1])
        c.valueAxis.valueMax = top + max(1, top // 8)
        c.valueAxis.valueStep = max(1, (top + 7) // 8)
        for i in range(len(series)):
            c.lines[i].strokeColor = colors.HexColor(INK[i % len(INK)])
            c.lines[i].strokeWidth = 1.6
        d.add(c)
        legend = Legend()
        legend.x, legend.y = width - 104, height - 10
        legend.fontName, legend.fontSize = fonts.SANS, 7.5
        legend.colorNamePairs = [(colors.HexColor(INK[i % len(INK)]), name)
                                 for i, (name, _) in enumerate(series)]
        d.add(legend)
        return d

    def trends(self) -> list:
        from reportlab.platypus import Spacer
        ms = self.months
        out = [Spacer(1, 16), self.M(escape(_("Trends over the last twelve months")), self.st.h1),
               self.P(_("Each month's value is what the establishments' latest full-register "
                        "briefings said at the month's end."), self.st.note)]
        for title, series in (
                (_("Open subjects and red cases"),
                 [(_("Open subjects"), [m.open_subjects for m in ms]),
                  (_("Red cases"), [m.red for m in ms])]),
                (_("Reports and referrals past deadline (as reported)"),
                 [(_("Unreferred reports"), [m.unreferred for m in ms]),
                  (_("Unacknowledged referrals"), [m.unacknowledged for m in ms])]),
                (_("Briefings made and establishments overdue"),
                 [(_("Briefings made"), [m.briefings for m in ms]),
                  (_("Overdue"), [m.overdue for m in ms])])):
            out += [self.chart(title, series), Spacer(1, 12)]
        return out

    def table(self) -> list:
        from reportlab.platypus import PageBreak
        fw = self.frame_width
        rows = []
        for e in self.report["establishments"]:
            last = e["last_briefing"]
            cont = _(CONTINUITY.get(e["continuity"], e["continuity"])) + (
                _("; {n} not received").format(n=e['missing_full_register'])
                if e["missing_full_register"] else "")
            rows.append([e["establishment"],
                         _("{number} ({days} d)").format(number=last['number'],
                                                         days=last['age_days'])
                         if last else _("none"),
                         _("Overdue") if e["overdue"] else _("In date"), str(e["open_subjects"]),
                         str(e["red_cases"]), str(e["unreferred_past_deadline"]),
                         str(e["unacknowledged_past_deadline"]), cont])
        out = [PageBreak(), self.M(escape(_("Establishments")), self.st.h1)]
        if not rows:
            return out + [self.P(_("No establishment is pinned yet."))]
        return out + self.table_rows(rows, fw)

    def table_rows(self, rows, fw) -> list:
        return super().table(
            [_("Establishment"), _("Last briefing (age)"), _("Briefing"), _("Open"), _("Red"),
             _("Unreferred"), _("Unack."), _("Continuity")], rows,
            [fw * 0.2, fw * 0.18, fw * 0.1, fw * 0.07, fw * 0.06, fw * 0.12, fw * 0.09,
             fw * 0.18])

    def staff(self) -> list:
        fw = self.frame_width
        out = [self.M(escape(_("Staff numbers in more than one establishment")), self.st.h2)]
        if not self.shared:
            return out + [self.P(_("None: no staff number appears in more than one "
                                   "establishment's full-edition briefings."))]
        rows = [[s["staff_number"], e["establishment"], e["ref"], e["last_seen"][:10]]
                for s in self.shared for e in s["establishments"]]
        return out + super().table(["Staff number", "Establishment", "Their reference",
                                    "Last seen"], rows,
                                   [fw * 0.2, fw * 0.4, fw * 0.2, fw * 0.2])

    def end(self) -> list:
        from reportlab.platypus import KeepTogether, Spacer
        return [KeepTogether([Spacer(1, 10), self.M("Signature", self.st.h2),
                              self.P(_("Signed by {name}. Check it with Adobe Reader, pdfsig or "
                                       "pyHanko against HQ's certificate.").format(name=self.name),
                                     self.st.body), signature_slot(self.slot)])]


def make_report(store, out_path, now: dt.datetime | None = None) -> Report:
    from console.storage.fileio import atomic_write_bytes
    from reports.signing import SignRequest, sign_pdf
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".pdf":
        raise ValidationError(_("The national summary must be saved as a .pdf file."))
    if not out_path.parent.is_dir():
        raise ValidationError(_("The folder to save the national summary in does not exist."))
    now = now or utcnow()
    reference = f"NS-{now:%Y%m%d-%H%M}"
    name = store.setting("name") or "HQ"
    builder = _Summary(status(store, now), monthly(store, now), overlaps(store), name,
                       reference)
    pdf, pages, slot = builder.build()
    identity = store.identity()
    req = SignRequest(title=f"{_(TITLE)} {reference}", author=name,
                      subject=f"{marking()} {_(TITLE)}", signer_name=name,
                      signer_role="Counter-corruption", establishment="Headquarters",
                      reference=reference, fingerprint=identity.fingerprint,
                      slot=slot, signed_at=now, purpose="national summary",
                      language=i18n.language())
    try:
        signed = sign_pdf(pdf, identity, req)
    except Exception as exc:
        raise ConsoleError(_("The national summary could not be signed with HQ's identity "
                             "({error}).").format(error=type(exc).__name__)) from None
    try:
        atomic_write_bytes(out_path, signed, mode=0o600)
    except OSError:
        raise ConsoleError(_("The national summary could not be saved there; choose a folder you "
                             "can write to.")) from None
    return Report(out_path, hashlib.sha256(signed).hexdigest(), pages, identity.fingerprint)
