"""A preview of a PDF the console made, drawn with PDFium (pypdfium2).

``PdfDocument`` and ``PdfView`` offer the small part of Qt's QtPdf API the
console uses (load, password, status, page count, page text; a scrolling
view of every page fitted to its width), so that the console needs only
PySide6-Essentials: QtPdf ships in PySide6-Addons for the Qt versions we can
use, several hundred megabytes for one preview.

Pages are drawn when they come into view, at the width shown, and the
drawing is kept for one width only, so a briefing of a thousand pages
costs the memory of the pages on screen. ``close()`` drops the document
and every drawing: the preview holds record text, so the dialog closes it
when it closes and the console when it locks.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

_MARGIN = 8        # pixels around each page
_POINTS_PER_INCH = 72


class PdfDocument(QObject):
    """One PDF, opened from a path or from bytes (a QByteArray or QBuffer
    too), with an optional password."""

    class Status(enum.Enum):
        Null = 0
        Loading = 1
        Ready = 2
        Unloading = 3
        Error = 4

    statusChanged = Signal(object)
    pageCountChanged = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pdf = None
        self._password: str | None = None
        self._status = PdfDocument.Status.Null
        self._sizes: list[tuple[float, float]] = []

    # -- the QtPdf-like surface ------------------------------------------------
    def setPassword(self, password: str | None) -> None:
        self._password = password or None

    def status(self) -> "PdfDocument.Status":
        return self._status

    def pageCount(self) -> int:
        return len(self._sizes)

    def load(self, source) -> None:
        """Open ``source``: a path, bytes, or a Qt byte array or buffer."""
        import pypdfium2 as pdfium
        self.close()
        self._set_status(PdfDocument.Status.Loading)
        try:
            self._pdf = pdfium.PdfDocument(_readable(source), password=self._password)
            self._sizes = [self._pdf.get_page_size(i) for i in range(len(self._pdf))]
        except (pdfium.PdfiumError, OSError, ValueError):
            self._pdf, self._sizes = None, []
            self._set_status(PdfDocument.Status.Error)
            return
        self.pageCountChanged.emit(len(self._sizes))
        self._set_status(PdfDocument.Status.Ready)

    def close(self) -> None:
        if self._pdf is None and self._status == PdfDocument.Status.Null:
            return
        self._set_status(PdfDocument.Status.Unloading)
        if self._pdf is not None:
            self._pdf.close()
        self._pdf, self._sizes = None, []
        self.pageCountChanged.emit(0)
        self._set_status(PdfDocument.Status.Null)

    def text(self, page: int) -> str:
        """The text of one page (0-based), as PDFium reads it."""
        if self._pdf is None:
            return ""
        pdf_page = self._pdf[page]
        textpage = pdf_page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
            pdf_page.close()

    # -- for the view ------------------------------------------------------------
    def page_size(self, page: int) -> tuple[float, float]:
        """Width and height of a page in points."""
        return self._sizes[page]

    def render(self, page: int, width_px: int) -> QImage:
        """One page drawn ``width_px`` pixels wide."""
        w_pt, _h_pt = self._sizes[page]
        pdf_page = self._pdf[page]
        try:
            bitmap = pdf_page.render(scale=width_px / w_pt, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            return image.copy()   # own the pixels before PDFium frees its buffer
        finally:
            pdf_page.close()

    def _set_status(self, status: "PdfDocument.Status") -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)


def _readable(source):
    if isinstance(source, (str, Path)):
        return str(source)
    if hasattr(source, "data") and callable(source.data):   # QBuffer, QByteArray
        data = source.data()
        return bytes(data.data() if hasattr(data, "data") else data)
    return bytes(source)


class _Page(QWidget):
    """One page: its height follows its width; drawn when painted."""

    def __init__(self, document: PdfDocument, index: int, parent: QWidget):
        super().__init__(parent)
        self._doc, self._index = document, index
        self._image: QImage | None = None
        w_pt, h_pt = document.page_size(index)
        self._ratio = h_pt / w_pt if w_pt else 1.414
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self._ratio)

    def sizeHint(self) -> QSize:
        width = int(self._doc.page_size(self._index)[0])
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def forget(self) -> None:
        self._image = None

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        scale = self.devicePixelRatioF()
        width_px = max(1, int(self.width() * scale))
        if self._image is None or self._image.width() != width_px:
            self._image = self._doc.render(self._index, width_px)
            self._image.setDevicePixelRatio(scale)
        painter.fillRect(self.rect(), QColor("white"))
        painter.drawImage(0, 0, self._image)
        painter.end()


class PdfView(QScrollArea):
    """Every page of a ``PdfDocument`` one under another, fitted to the
    view's width; pages are drawn only when they come into view."""

    class PageMode(enum.Enum):
        MultiPage = 1

    class ZoomMode(enum.Enum):
        FitToWidth = 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # arrows and Page keys scroll it
        self._doc: PdfDocument | None = None
        self._pages: list[_Page] = []
        self._holder = QWidget(self)
        self._holder.setBackgroundRole(QPalette.ColorRole.Dark)
        self._holder.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self._holder)
        self._layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        self._layout.setSpacing(_MARGIN)
        self._layout.addStretch(1)
        self.setWidget(self._holder)

    def setDocument(self, document: PdfDocument) -> None:
        if self._doc is not None:
            self._doc.statusChanged.disconnect(self._rebuild)
        self._doc = document
        document.statusChanged.connect(self._rebuild)
        self._rebuild()

    def setPageMode(self, _mode) -> None:
        """Pages are always shown one under another."""

    def setZoomMode(self, _mode) -> None:
        """Pages always fit the view's width."""

    def pages(self) -> int:
        return len(self._pages)

    def _rebuild(self, *_args) -> None:
        for page in self._pages:
            page.forget()
            self._layout.removeWidget(page)
            page.deleteLater()
        self._pages = []
        doc = self._doc
        if doc is None or doc.status() != PdfDocument.Status.Ready:
            return
        for index in range(doc.pageCount()):
            page = _Page(doc, index, self._holder)
            self._pages.append(page)
            self._layout.insertWidget(index, page)
        self.verticalScrollBar().setValue(0)
