"""A PDF on screen, from memory or from a saved file: the console's own
PDF view (``ui.pdf_preview``, drawn with PDFium), fitted to the width,
pages one under the other.

An unsigned preview is given as bytes and read from memory, so it is never
written to disk, not even to a temporary file; ``clear`` drops the document
and every page drawn from it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..pdf_preview import PdfDocument, PdfView


class PdfPane(QWidget):
    def __init__(self, parent: QWidget | None = None, accessible_name: str = ""):
        super().__init__(parent)
        # The document before the view: children go in the order they came,
        # so the view never outlives what it shows.
        self.document = PdfDocument(self)
        self.view = PdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(PdfView.PageMode.MultiPage)
        self.view.setZoomMode(PdfView.ZoomMode.FitToWidth)
        if accessible_name:
            self.view.setAccessibleName(accessible_name)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)

    def show_pdf(self, pdf: bytes, password: str = "") -> None:
        """Show a PDF held in memory."""
        self.document.setPassword(password)
        self.document.load(bytes(pdf))

    def show_file(self, path: str, password: str = "") -> None:
        self.document.setPassword(password)
        self.document.load(path)

    def clear(self) -> None:
        self.document.close()

    def text(self) -> str:
        """Every page's text (what a screen reader or a test reads)."""
        return "\n".join(self.document.text(n) for n in range(self.document.pageCount()))
