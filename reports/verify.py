"""Checking a signed briefing: what headquarters runs.

A briefing is *intact* only if it carries exactly one signature, the
signature is cryptographically valid over intact bytes, and the signed byte
range covers the *whole* file: an incremental update appended after signing,
even one that merely adds metadata and leaves the signature itself intact,
fails. It is accepted (``ok``) only if it is intact **and** its signer's
certificate is the trusted one given (pinned by its SHA-256 fingerprint):
anyone can make a certificate in a governor's name, so an intact briefing
from an unpinned signer is reported as "intact, but the signer is not
pinned" and is not ``ok``.

Never raises for a bad file: every failure, including a damaged signature or
a file that is not a PDF, becomes a ``Verdict`` with ``ok=False`` and a plain
sentence. Every string taken from the file (the signer's name, the stated
reason) and the file's own name are shown as ``console.text.shown`` gives
them, so a certificate name cannot rewrite the terminal line it is printed
on. pyHanko is imported only when a file is checked, and its logging never
reaches the terminal (``pyhanko_log``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from console.text import shown
from console.i18n import _


@dataclass(frozen=True)
class Verdict:
    ok: bool
    sentence: str
    signer: str = ""
    fingerprint: str = ""
    signed_at: dt.datetime | None = None
    covers_whole_file: bool = False
    trusted: bool | None = None
    intact: bool = False   # signed, unchanged since, whole file covered; pinned or not
    # With ``extract``: the embedded briefing.json when the file is valid
    # (None when it carries none, or more than one).
    data: bytes | None = None
    # With ``extract``: that data parsed (None when it is not valid JSON).
    doc: object = None
    reason: str = ""       # the signature's stated reason (names the briefing)


def _fingerprint_der(der: bytes) -> str:
    h = hashlib.sha256(der).hexdigest().upper()
    return ":".join(h[i:i + 2] for i in range(0, len(h), 2))


def _pem_fingerprint(pem: bytes) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    cert = x509.load_pem_x509_certificate(pem)
    return _fingerprint_der(cert.public_bytes(serialization.Encoding.DER))


def _fail(name: str, why: str, **kw) -> Verdict:
    return Verdict(False, _("{name} is not a valid briefing: {why}.").format(name=name, why=why), **kw)


def _byte_range_ok(data: bytes, byte_range) -> bool:
    """The signed range is [0, a) + [b, len(file)) and the gap is exactly the
    hex /Contents string."""
    try:
        byte_range = getattr(byte_range, "decrypted", byte_range)
        a0, a1, b0, b1 = (int(getattr(x, "decrypted", x)) for x in byte_range)
    except (TypeError, ValueError):
        return False
    if a0 != 0 or b0 + b1 != len(data) or not 0 < a1 < b0:
        return False
    gap = data[a1:b0]
    return bool(re.fullmatch(rb"<[0-9A-Fa-f]*>", gap))


def verify_pdf(path, trusted_cert_pem: bytes | None = None,
               password: str | None = None, extract: bool = False) -> Verdict:
    path = Path(path)
    name = shown(path.name, one_line=True)
    try:
        data = path.read_bytes()
    except OSError:
        return Verdict(False, _("{name} could not be read; check the path and that you may open "
                                "it.").format(name=name))
    return verify_bytes(name, data, trusted_cert_pem, password, extract)


def verify_bytes(name: str, data: bytes, trusted_cert_pem: bytes | None = None,
                 password: str | None = None, extract: bool = False) -> Verdict:
    """``verify_pdf`` on a file already read; ``name`` names it in sentences."""
    name = shown(name, one_line=True)
    if not data.startswith(b"%PDF-"):
        return _fail(name, _("it is not a PDF file"))
    trusted_fp = None
    if trusted_cert_pem is not None:
        try:
            trusted_fp = _pem_fingerprint(trusted_cert_pem)
        except ValueError:
            return Verdict(False, _("The trusted certificate could not be read; give the PEM "
                                    "file exported from the governor's console."))
    try:
        return _check(name, data, trusted_fp, password, extract)
    except Exception as exc:  # a damaged file must give a reason, never a traceback
        return _fail(name, _("its signature or structure is damaged and cannot be checked "
                             "({error})").format(error=type(exc).__name__))


def _check(name: str, data: bytes, trusted_fp: str | None, password: str | None,
           extract: bool = False) -> Verdict:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from reports import pyhanko_log
    pyhanko_log.quiet()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if reader.encrypted:
        if not password:
            return _fail(name, _("it is encrypted; give its password to check it"))
        result = reader.decrypt(password)
        if getattr(result, "status", None) is not None and result.status.name == "FAILED":
            return _fail(name, _("the password given does not open it"))
    sigs = list(reader.embedded_signatures)
    if not sigs:
        return _fail(name, _("it is not signed"))
    if len(sigs) > 1:
        return _fail(name, _("it carries {n} signatures where a briefing has exactly one, so it "
                             "was changed after signing").format(n=len(sigs)))
    sig = sigs[0]
    cert = sig.signer_cert
    fp = _fingerprint_der(cert.dump())
    signer = shown(cert.subject.native.get("common_name", ""), one_line=True).strip() \
        or _("an unnamed signer")
    vc = ValidationContext(trust_roots=[cert], allow_fetching=False)
    status = validate_pdf_signature(sig, signer_validation_context=vc)
    signed_at = status.signer_reported_dt
    whole = (status.coverage == SignatureCoverageLevel.ENTIRE_FILE
             and _byte_range_ok(data, sig.byte_range))
    trusted = None if trusted_fp is None else (fp == trusted_fp)
    reason = sig.sig_object.get("/Reason")
    reason = getattr(reason, "decrypted", reason)   # an encrypted file's strings
    common = dict(signer=signer, fingerprint=fp, signed_at=signed_at,
                  covers_whole_file=whole, trusted=trusted,
                  reason=shown(reason, one_line=True) if reason is not None else "")
    if not status.intact:
        return _fail(name, _("its contents were altered after it was signed (the signed bytes no "
                             "longer match the signature)"), **common)
    if not status.valid:
        return _fail(name, _("its signature does not verify against the signer's certificate"),
                     **common)
    if not whole:
        return _fail(name, _("something was added to the file after it was signed (the signature "
                             "no longer covers the whole file), even though the signed part is "
                             "intact"), **common)
    if status.docmdp_ok is False:
        return _fail(name, _("it was modified in a way its certification forbids"), **common)
    if trusted is False:
        return _fail(name, _("it was signed by {signer} with certificate {fp}, which is not the "
                             "trusted certificate given").format(signer=signer, fp=fp), **common)
    when = signed_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") \
        if signed_at else _("an unrecorded time")
    certified = (_("; it certifies the document with no further changes permitted")
                 if sig.docmdp_level is not None else "")
    signed = (_("it was signed by {signer} (certificate SHA-256 {fp}) on {when}; the signature "
                "covers the whole file, so nothing was changed or added after signing{certified}").format(
                signer=signer, fp=fp, when=when, certified=certified))
    from reports.briefing_json import FILE_NAME, attachments
    found = [d for n, d in attachments(reader) if n == FILE_NAME]
    embedded = found[0] if len(found) == 1 else None
    doc = _parsed(embedded)          # once: a briefing's data is tens of kilobytes
    if extract:
        common["data"], common["doc"] = embedded, doc
    heads = _heads(doc)
    if not trusted:
        return Verdict(False, _("{name} is intact, but the signer is not pinned: {signed}. "
                                "Anyone can make a certificate in any name, so this does not "
                                "show who signed it: run again with --trust and the certificate "
                                "headquarters pinned for this governor.{heads}").format(
                                name=name, signed=signed, heads=heads),
                       intact=True, **common)
    return Verdict(True, _("{name} is intact: {signed}. The signer's certificate is the trusted "
                           "certificate given.{heads}").format(
                           name=name, signed=signed, heads=heads), intact=True, **common)


_NUMBER = re.compile(r"BR-[0-9]{8}-[0-9]{2,4}")
_HASH = re.compile(r"[0-9a-f]{64}")


def _parsed(embedded: bytes | None):
    """The embedded data as JSON, or None when there is none or it is not JSON."""
    import json
    if not embedded:
        return None
    try:
        return json.loads(embedded.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _heads(doc) -> str:
    """The audit chain's head this briefing was taken at and the one the
    previous briefing was, as its signed data (parsed) records them, so HQ
    can check the chain it holds from the last briefing continues in this
    one. Only a briefing number and hex hashes of the expected shape are
    ever printed."""
    try:
        entries, head = int(doc["chain"]["entries"]), str(doc["chain"]["head"])
        if not _HASH.fullmatch(head):
            return ""
        text = _(" Its audit chain: {entries} entries, last entry {head}.").format(
                 entries=entries, head=head[:16])
        previous = doc.get("previous")
        if not previous:
            return text + _(" It names no previous briefing.")
        number, prev = str(previous["number"]), previous["chain"]
        prev_entries, prev_head = int(prev["entries"]), str(prev["head"])
        if not (_NUMBER.fullmatch(number) and _HASH.fullmatch(prev_head)):
            return text
        return text + (_(" The previous briefing, {number}, was taken at {prev_entries} entries, "
                         "last entry {prev_head}.").format(
                         number=number, prev_entries=prev_entries, prev_head=prev_head[:16]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return ""
