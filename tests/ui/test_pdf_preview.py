"""The export preview's PDF document and view (PDFium through pypdfium2):
loading from a file or bytes, a password, a file that is no PDF, pages
drawn only when they come into view, and nothing kept after close."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QBuffer, QByteArray

from ui.pdf_preview import PdfDocument, PdfView


def _pdf(pages: int = 3, password: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    enc = StandardEncryption(password, canPrint=1) if password else None
    c = Canvas(buf, pagesize=A4, encrypt=enc)
    for n in range(pages):
        c.drawString(72, 720, f"Preview page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def view(qtbot):
    doc = PdfDocument()
    view = PdfView()
    view.setDocument(doc)
    view.resize(400, 600)
    qtbot.addWidget(view)
    return doc, view


def test_a_file_and_bytes_load_with_their_pages_and_text(view, tmp_path, qtbot):
    doc, v = view
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf(3))
    with qtbot.waitSignal(doc.statusChanged, check_params_cb=lambda s: s == doc.Status.Ready):
        doc.load(path)
    assert doc.pageCount() == 3 and v.pages() == 3
    assert "Preview page 2" in doc.text(1)
    doc.load(_pdf(2))
    assert doc.pageCount() == 2 and v.pages() == 2
    buffer = QBuffer()
    buffer.setData(QByteArray(_pdf(1)))
    doc.load(buffer)
    assert doc.status() == doc.Status.Ready and doc.pageCount() == 1


def test_a_password_opens_an_encrypted_briefing_and_a_wrong_one_does_not(view):
    doc, v = view
    data = _pdf(1, password="s3cret words")
    doc.setPassword("wrong")
    doc.load(data)
    assert doc.status() == doc.Status.Error and v.pages() == 0
    doc.setPassword("s3cret words")
    doc.load(data)
    assert doc.status() == doc.Status.Ready and "Preview page 1" in doc.text(0)


def test_something_that_is_no_pdf_is_an_error_not_a_crash(view):
    doc, v = view
    doc.load(b"%PDF-1.7 this is not really a PDF")
    assert doc.status() == doc.Status.Error and doc.pageCount() == 0 and v.pages() == 0


def test_pages_are_drawn_when_shown_at_the_width_shown(view, qtbot):
    doc, v = view
    doc.load(_pdf(40))
    v.show()
    qtbot.waitExposed(v)
    pages = v._pages
    qtbot.waitUntil(lambda: pages[0]._image is not None)
    assert pages[0]._image.width() >= pages[0].width()
    assert all(p._image is None for p in pages[-5:])   # far below: never drawn


def test_close_drops_the_document_and_every_drawing(view, qtbot):
    doc, v = view
    doc.load(_pdf(2))
    v.show()
    qtbot.waitUntil(lambda: v._pages and v._pages[0]._image is not None)
    doc.close()
    assert doc.status() == doc.Status.Null and doc.pageCount() == 0 and v.pages() == 0
    assert doc.text(0) == ""
