"""A PDF on screen, from memory or from a saved file: Qt's PDF view, fitted
to the width, pages one under the other.

An unsigned preview is given as bytes and read through a ``QBuffer``, so it
is never written to disk, not even to a temporary file; ``clear`` lets the
document and the buffer go.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None, accessible_name: str = ""):
        super().__init__(parent)
        # The document before the view: children go in the order they came,
        # so the view never outlives what it shows.
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        if accessible_name:
            self.view.setAccessibleName(accessible_name)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)

    def show_pdf(self, pdf: bytes, password: str = "") -> None:
        """Show a PDF held in memory."""
        self.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.setPassword(password)
        self.document.load(self._buffer)

    def show_file(self, path: str, password: str = "") -> None:
        self.clear()
        self.document.setPassword(password)
        self.document.load(path)

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer = None

    def text(self) -> str:
        """Every page's text (what a screen reader or a test reads)."""
        return "\n".join(self.document.getAllText(n).text()
                         for n in range(self.document.pageCount()))
