"""What every signed PDF the console makes is built from, with reportlab:
the page geometry and marking, paragraph styles, escaped paragraphs and
tables cut into chunks, the canvas that draws "Page N of M" once, outline
headings, and the flowable that reserves the signature block.

Every user string goes through ``markup.para``/``escape`` here before it
reaches a Paragraph.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from console.text import shown
from reports import fonts
from reports.markup import clean, escape, has_rtl, para

MARKING = "OFFICIAL-SENSITIVE"
MM = 72 / 25.4
CHUNK = 200
CELL_SIZE, CELL_LEADING, CELL_PAD = 8, 10, 3
LOG_ENTRIES_SHOWN = 3
STAMP_W, STAMP_H = 260.0, 62.0  # points

RAG_FILL = {"red": "#e8a09a", "amber": "#f3cf8b", "green": "#a9d5a0"}
RAG_INK = {"red": "#9b1c12", "amber": "#8a5a00", "green": "#2d6a22"}


@dataclass(frozen=True)
class SignatureSlot:
    """Where the visible signature block sits: 0-based page, box in points."""
    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Built:
    pdf: bytes
    pages: int
    slot: SignatureSlot


class Styles:
    def __init__(self):
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        base = ParagraphStyle("Body", fontName=fonts.SANS, fontSize=9.5, leading=12.5,
                              spaceAfter=4)
        self.body = base
        self.small = ParagraphStyle("Small", base, fontSize=8, leading=10, spaceAfter=2)
        self.cell = ParagraphStyle("Cell", base, fontSize=8, leading=10, spaceAfter=0)
        self.cell_head = ParagraphStyle("CellHead", self.cell, fontName=fonts.SANS_BOLD)
        self.h1 = ParagraphStyle("H1", base, fontName=fonts.SANS_BOLD, fontSize=16, leading=20,
                                 spaceBefore=2, spaceAfter=8)
        self.h2 = ParagraphStyle("H2", base, fontName=fonts.SANS_BOLD, fontSize=11.5,
                                 leading=15, spaceBefore=8, spaceAfter=4,
                                 textColor=colors.HexColor("#1f3a5f"))
        self.h3 = ParagraphStyle("H3", base, fontName=fonts.SANS_BOLD, fontSize=9.5,
                                 leading=12, spaceBefore=6, spaceAfter=3)
        self.cover_title = ParagraphStyle("CoverTitle", base, fontName=fonts.SANS_BOLD,
                                          fontSize=22, leading=28, alignment=TA_CENTER,
                                          spaceAfter=6)
        self.cover_sub = ParagraphStyle("CoverSub", base, fontSize=13, leading=17,
                                        alignment=TA_CENTER, spaceAfter=4)
        self.marking = ParagraphStyle("Marking", base, fontName=fonts.SANS_BOLD, fontSize=12,
                                      alignment=TA_CENTER, spaceAfter=10)
        self.flag = ParagraphStyle("Flag", self.small, spaceBefore=4)
        self.note = ParagraphStyle("Note", self.small, textColor=colors.HexColor("#444444"))
        self._shaped: dict[str, ParagraphStyle] = {}

    def shaped(self, style):
        """The same style with HarfBuzz shaping on (only for right-to-left text:
        shaping every paragraph would cost time for nothing)."""
        from reportlab.lib.styles import ParagraphStyle
        s = self._shaped.get(style.name)
        if s is None:
            s = self._shaped[style.name] = ParagraphStyle(style.name + "-shaped", style,
                                                          shaping=1)
        return s


class Blocks:
    """Building blocks for a document: escaped paragraphs, cells, tables."""

    def __init__(self):
        from reportlab.lib import colors
        self.colors = colors
        self.st = Styles()

    def P(self, text, style=None):
        """A Paragraph from plain user text (escaped here)."""
        from reportlab.platypus import Paragraph
        style = style or self.st.body
        text = "" if text is None else str(text)
        if has_rtl(text):
            bold = style.fontName in (fonts.SANS_BOLD, fonts.SANS_BOLD_ITALIC)
            return Paragraph(para(text, bold=bold), self.st.shaped(style))
        return Paragraph(escape(text), style)

    def M(self, markup: str, style=None, rtl: bool = False):
        """A Paragraph from markup this module built (user parts already escaped)."""
        from reportlab.platypus import Paragraph
        style = style or self.st.body
        return Paragraph(markup, self.st.shaped(style) if rtl else style)

    def cell(self, c, width: float, font: str = fonts.SANS):
        """A table cell: short one-line plain text stays a plain string (drawn
        literally, no markup parsed, and much cheaper to lay out); anything that
        wraps or runs right to left becomes an escaped Paragraph."""
        if not isinstance(c, str):
            return c
        from reportlab.pdfbase.pdfmetrics import stringWidth
        text = clean(c)
        if ("\n" not in text and not has_rtl(text)
                and stringWidth(text, font, CELL_SIZE) <= width - 2 * CELL_PAD):
            return text
        return self.P(text, self.st.cell_head if font == fonts.SANS_BOLD else self.st.cell)

    def _cell_style(self):
        return [("FONT", (0, 0), (-1, -1), fonts.SANS, CELL_SIZE, CELL_LEADING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]

    def table(self, header: list[str], rows: list[list], widths: list[float],
              extra_style=()):
        """Tables cut into CHUNK-row pieces with the header repeated, so layout
        time stays linear in the number of rows."""
        from reportlab.platypus import Table, TableStyle
        colors = self.colors
        if not rows:
            return []
        head = [self.cell(h, w, fonts.SANS_BOLD) for h, w in zip(header, widths)]
        style = TableStyle([
            *self._cell_style(),
            ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, CELL_SIZE, CELL_LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe6ee")),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b4")),
            *extra_style])
        out = []
        for start in range(0, len(rows), CHUNK):
            chunk = [[self.cell(c, w) for c, w in zip(r, widths)]
                     for r in rows[start:start + CHUNK]]
            t = Table([head] + chunk, colWidths=widths, repeatRows=1, splitByRow=1,
                      splitInRow=1)
            t.setStyle(style)
            out.append(t)
        return out

    def kv(self, pairs: list[tuple[str, object]], widths=(110, None)):
        """A two-column label/value table (values are plain user text or flowables)."""
        from reportlab.platypus import Table, TableStyle
        colors = self.colors
        w0 = widths[0]
        w1 = widths[1] or (self.frame_width - w0)
        rows = [[self.cell(k, w0, fonts.SANS_BOLD), self.cell(v, w1)] for k, v in pairs]
        t = Table(rows, colWidths=[w0, w1], splitInRow=1)
        t.setStyle(TableStyle([
            *self._cell_style(),
            ("FONT", (0, 0), (0, -1), fonts.SANS_BOLD, CELL_SIZE, CELL_LEADING),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8d0d8"))]))
        return t

    def rag_cell(self, band: str, text: str | None = None):
        label = text or band.capitalize()
        return self.M(f'<font color="{RAG_INK[band]}"><b>{escape(label)}</b></font>',
                      self.st.cell)


TOTAL_FORM = "briefingPageTotal"


def fit(text: str, font: str, size: float, width: float) -> str:
    """One line of user text, as every view shows it, cut to ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    text = shown(text, one_line=True)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


@functools.lru_cache(maxsize=None)
def canvas_class():
    from reportlab.pdfgen.canvas import Canvas

    class _TotalCanvas(Canvas):
        """Draws the page total once, into a form every footer refers to."""

        def __init__(self, *args, **kwargs):
            # Start in our embedded font, so no page names an unembedded one.
            kwargs.setdefault("initialFontName", fonts.SANS)
            super().__init__(*args, **kwargs)

        def save(self):
            total = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
            self.beginForm(TOTAL_FORM)
            self.setFont(fonts.SANS, 7.5)
            self.setFillColorRGB(0.2, 0.2, 0.2)
            self.drawString(0, 0, str(total))
            self.endForm()
            super().save()

    return _TotalCanvas


@functools.lru_cache(maxsize=None)
def _heading_class():
    from reportlab.platypus import Paragraph

    class Heading(Paragraph):
        """A heading that adds itself to the PDF's outline (bookmarks)."""

        def __init__(self, text, style, key, outline):
            super().__init__(text, style)
            self._key = key
            self._outline = outline

        def draw(self):
            super().draw()
            self.canv.bookmarkPage(self._key)
            self.canv.addOutlineEntry(self._outline, self._key, level=0, closed=True)

    return Heading


def Heading(text, style, key, outline):
    return _heading_class()(text, style, key, outline)


@functools.lru_cache(maxsize=None)
def _slot_class():
    from reportlab.platypus import Flowable

    class Slot(Flowable):
        """Reserves the signature block's place and records where it fell."""

        def __init__(self, sink):
            super().__init__()
            self._sink = sink

        def wrap(self, aw, ah):
            return STAMP_W, STAMP_H

        def drawOn(self, canvas, x, y, _sW=0):
            # The block itself is the signature's appearance, added when signing.
            self._sink[0] = (canvas.getPageNumber(), x, y)

    return Slot


def signature_slot(sink: list):
    """A flowable that reserves the signature block and records where it fell."""
    return _slot_class()(sink)


PREVIEW_MARK = "PREVIEW – NOT SIGNED"


def preview_mark(canvas, width: float, height: float) -> None:
    """Across the page, in light grey: this copy is for reading on screen
    before signing, and is neither signed nor numbered."""
    canvas.saveState()
    canvas.setFillColorRGB(0.72, 0.1, 0.1)
    canvas.setFont(fonts.SANS_BOLD, 8)
    canvas.drawCentredString(width / 2, height - 22 * MM, PREVIEW_MARK)
    canvas.setFillColorRGB(0.78, 0.78, 0.78)
    canvas.setFont(fonts.SANS_BOLD, 44)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, 0, PREVIEW_MARK)
    canvas.restoreState()
