"""Signing a briefing with the signed-in user's identity (pyHanko).

The signature is a PAdES baseline B-B signature (no network needed) that
certifies the document with no further changes permitted (DocMDP level 1),
with a visible block on the last page naming the signer. Its appearance is a
small page drawn with reportlab in the briefing's own fonts, so names in any
script render as they do in the body. Title, author and subject are set in
the document information and XMP metadata.

Attachments (a briefing's ``briefing.json``) are embedded in the same
revision the signature covers, never appended after it.

Optional AES-256 encryption (PDF 2.0 standard security handler) is applied
by pyHanko *before* signing, so the signature covers the encrypted file and
other tools (qpdf, poppler, Adobe) can open it with the password.

pyHanko and reportlab are imported inside the functions: they cost about
half a second to import and the console must start fast.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from console.i18n import N_, _
from console.text import shown
from reports import fonts
from reports.language import Words
from reports.markup import escape, has_rtl, para
from reports.pdf_parts import STAMP_H, STAMP_W, SignatureSlot

FIELD_NAME = "BriefingSignature"


# What each signed document is called in its stamp and in messages.
PURPOSES = {"briefing": N_("briefing"), "subject access pack": N_("subject access pack"),
            "journal": N_("journal"), "national summary": N_("national summary")}

@dataclass(frozen=True)
class SignRequest:
    title: str
    author: str
    subject: str
    signer_name: str
    signer_role: str
    establishment: str
    reference: str
    fingerprint: str
    slot: SignatureSlot
    password: str | None = None
    signed_at: dt.datetime | None = None
    purpose: str = "briefing"  # what the document is, as named in the stamp (PURPOSES)
    language: str = "en"       # the stamp's words: "en", "cy" or "both" (reports.language)
    # Files embedded in the signed revision before signing, so the signature
    # covers them: (name, bytes, MIME type, description).
    attachments: tuple[tuple[str, bytes, str, str], ...] = ()


def stamp_pdf(req: SignRequest, signed_at: dt.datetime) -> bytes:
    """The visible signature block as a one-page PDF of the stamp's size."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, Paragraph

    fonts.register()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(STAMP_W, STAMP_H), invariant=0, initialFontName=fonts.SANS)
    c.setFillColorRGB(0.95, 0.97, 1.0)
    c.setStrokeColorRGB(0.12, 0.23, 0.37)
    c.setLineWidth(1)
    c.rect(0.5, 0.5, STAMP_W - 1, STAMP_H - 1, stroke=1, fill=1)
    style = ParagraphStyle("Stamp", fontName=fonts.SANS, fontSize=7, leading=8.6)
    bold = ParagraphStyle("StampBold", style, fontName=fonts.SANS_BOLD, fontSize=8.5,
                          leading=10.5)
    small = ParagraphStyle("StampSmall", style, fontSize=5.6, leading=6.8)

    def p(text, st, markup=None):
        shaped = ParagraphStyle(st.name + "-shaped", st, shaping=1) if has_rtl(text) else st
        return Paragraph(markup if markup is not None else para(text), shaped)

    role = ", ".join(x for x in (req.signer_role, req.establishment) if x)
    fp = req.fingerprint
    half = len(fp) // 2 + (1 if len(fp) % 2 else 0)
    cut = fp.rfind(":", 0, half + 2) + 1 or half
    w = Words(req.language)
    what = w.say(PURPOSES[req.purpose]) if req.purpose in PURPOSES else req.purpose
    story = [p(w.say("Digitally signed by"), style),
             p(req.signer_name, bold),
             p(role, style),
             p(f"{signed_at.strftime('%Y-%m-%d %H:%M')} UTC · {what} {req.reference}", style),
             p("", small, markup=escape(w.say("Certificate SHA-256 {fingerprint}",
                                                fingerprint=fp[:cut])) + f"<br/>{fp[cut:]}")]
    Frame(4, 2, STAMP_W - 8, STAMP_H - 4, leftPadding=2, rightPadding=2, topPadding=2,
          bottomPadding=0, showBoundary=0).addFromList(story, c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _imported_page_class():
    from pyhanko.pdf_utils import content
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class InMemoryPdfPage(content.PdfContent):
        """Like pyHanko's ImportedPdfPage, but from bytes: nothing touches disk."""

        def __init__(self, data: bytes):
            self.data = data
            super().__init__()

        def render(self) -> bytes:
            w = self._ensure_writer
            xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
            name = "/BriefingStamp"
            self.resources.xobject[name] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name.encode("ascii") + b" Do"

    return InMemoryPdfPage


def encrypt(pdf: bytes, password: str) -> bytes:
    """The same document under AES-256 (PDF 2.0) with ``password`` to open it."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    w = copy_into_new_writer(PdfFileReader(io.BytesIO(pdf)))
    w.encrypt(password, password, pdf_mac=False)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _signer(key_pem: bytes, cert_pem: bytes):
    from pyhanko.keys.pemder import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = next(iter(load_certs_from_pemder_data(cert_pem)))
    key = load_private_key_from_pemder_data(key_pem, passphrase=None)
    return signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                cert_registry=SimpleCertificateStore.from_certs([cert]))


def embed_files(w, files, when: dt.datetime) -> None:
    """Add ``files`` ((name, bytes, MIME type, description)) to the writer's
    document-wide embedded files, compressed, with size and checksum."""
    from pyhanko.pdf_utils import embed

    for name, data, mime, description in files:
        params = embed.EmbeddedFileParams(creation_date=when, modification_date=when)
        stream = embed.EmbeddedFileObject.from_file_data(
            w, data, params=params, mime_type=mime)
        embed.embed_file(w, embed.FileSpec(file_spec_string=name, file_name=name,
                                           embedded_data=stream, description=description))


def sign_pdf(pdf: bytes, identity, req: SignRequest) -> bytes:
    """Encrypt (if asked), then certify-sign ``pdf`` with ``identity``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    from reports import pyhanko_log
    pyhanko_log.quiet()
    signed_at = req.signed_at or dt.datetime.now(dt.timezone.utc)
    if req.password:
        pdf = encrypt(pdf, req.password)
    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if req.password:
        w.encrypt(req.password)
    meta = w.document_meta
    meta.title, meta.author, meta.subject = (shown(x, one_line=True) for x in (
        req.title, req.author, req.subject))
    meta.creator = "Governor's Console"
    embed_files(w, req.attachments, signed_at)
    style = StaticStampStyle(
        background=_imported_page_class()(stamp_pdf(req, signed_at)), border_width=0,
        background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID,
                                              y_align=AxisAlignment.ALIGN_MID,
                                              margins=Margins.uniform(0)))
    x1, y1, x2, y2 = req.slot.box
    field_spec = fields.SigFieldSpec(FIELD_NAME, on_page=req.slot.page,
                                     box=(round(x1), round(y1), round(x2), round(y2)))
    sig_meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=shown(f"Counter-corruption {req.purpose} {req.reference}", one_line=True),
        location=shown(req.establishment, one_line=True),
        name=shown(req.signer_name, one_line=True))
    out = io.BytesIO()
    signer = _signer(identity.key_pem, identity.cert_pem)
    # Reserving room for the CMS blob up front spares pyHanko a trial signature
    # to measure it: an ECDSA or RSA signature, the certificate and the signed
    # attributes fit comfortably in this.
    reserved = 8192 + 2 * len(signer.signing_cert.dump())
    signers.PdfSigner(sig_meta, signer, stamp_style=style,
                      new_field_spec=field_spec).sign_pdf(w, bytes_reserved=reserved,
                                                          output=out)
    return out.getvalue()


def sign_and_save(vault, built, out_path, *, title: str, subject: str, reference: str,
                  purpose: str, password: str | None = None,
                  signed_at: dt.datetime | None = None,
                  attachments=(), language: str = "en") -> tuple[bytes, str]:
    """Sign ``built`` with the signed-in user's identity and write it
    atomically; returns the signed bytes and their SHA-256. ``purpose`` names
    the document in the stamp and in error messages ("briefing", ...)."""
    import hashlib

    from console.errors import ConsoleError
    from console.storage.fileio import atomic_write_bytes

    identity = vault.identity()
    author = vault.user.display_name + (f", {vault.user.job_title}"
                                        if vault.user.job_title else "")
    req = SignRequest(title=title, author=author, subject=subject,
                      signer_name=vault.user.display_name, signer_role=vault.user.job_title,
                      establishment=vault.establishment, reference=reference,
                      fingerprint=identity.fingerprint, slot=built.slot, password=password,
                      signed_at=signed_at, purpose=purpose, attachments=tuple(attachments),
                      language=language)
    try:
        signed = sign_pdf(built.pdf, identity, req)
    except ConsoleError:
        raise
    except Exception as exc:
        raise ConsoleError(_("The {purpose} could not be signed with your signing identity "
                             "({error}); check your certificate in Settings and try again.").format(
                             purpose=_(PURPOSES.get(purpose, purpose)),
                             error=type(exc).__name__)) from None
    try:
        atomic_write_bytes(out_path, signed)
    except OSError:
        raise ConsoleError(_("The {purpose} could not be saved there; choose a folder you can "
                             "write to and try again.").format(purpose=_(PURPOSES.get(purpose, purpose)))) from None
    return signed, hashlib.sha256(signed).hexdigest()
