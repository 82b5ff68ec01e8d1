"""The pack file: what travels between a replica and the governor's vault.

Layout (``docs/replicas.md`` has it in full)::

    MAGIC | u32 header length | header (JSON) | AES-256-GCM ciphertext

The header holds only what opening needs: the format version, the hash of
the recipient's public key (``to``), the sender's ephemeral X25519 public
key and the nonce; a replica pack adds the vault id and the recipient's own
key slot (their passphrase-wrapped secret, as in ``keyslots.json``), since a
new replica has nothing else to open it with. No name of anyone, no record.

The key is HKDF-SHA256 over X25519(ephemeral, recipient) and the header; the
whole header is the associated data, so changing any byte of the file, or
cutting it short, fails decryption. Inside::

    u32 meta length | meta (JSON) | u16 signature length | signature | blob

``meta`` names the kind, the vault, the sender and the recipient (with the
recipient's public key, so a pack re-encrypted to someone else is caught),
counters against replay and the blob's SHA-256; the signature is the
sender's ECDSA signature over the meta bytes, checked by the caller against
the certificate the signed chain gives the sender.

Rules: every failure here is one ``PackRefused`` sentence; nothing is read
from a pack that has not decrypted whole. JSON nested deeper than the
parser's stack (anyone can write such a header, and a sender can sign such
a blob) is damage like any other.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from dataclasses import dataclass

from console.errors import PackRefused
from console.i18n import N_, _

MAGIC = b"GCPACK\x01\n"
VERSION = 1
KINDS = ("replica", "changes", "update")
# Translated where raised (``_(DAMAGED)``).
DAMAGED = N_("The pack is damaged or was changed on its way (or is not a pack at all); "
             "nothing was applied. Ask for it to be made again.")
NOT_YOURS = N_("This pack was made for someone else (another user, replica or key); nothing "
               "was applied. Check you chose the right file.")


# Size limits, checked before a pack is read: a replica or update pack holds
# a register's database (54 MB for 10,000 subjects); a change pack holds a
# replica's operations (about 1 MB for 1,000 log entries), parsed whole as
# JSON at the governor's vault. Opening a pack takes about twice its size
# in memory (the file, then what it decrypts to).
MAX_PACK = 1 << 30
MAX_CHANGES = 256 << 20


@dataclass(frozen=True)
class Opened:
    """A pack decrypted whole: its signed meta, the signature and the blob.
    ``digest`` (SHA-256 of the file) names the pack."""
    header: dict
    meta: dict
    meta_bytes: bytes
    signature: bytes
    blob: memoryview
    digest: str


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def key_id(public_b64: str) -> str:
    return hashlib.sha256(unb64(public_b64)).hexdigest()[:32]


def _kek(shared: bytes, header: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"gc pack v1\x00" + hashlib.sha256(header).digest()).derive(shared)


def seal(meta: dict, blob: bytes, sign, recipient_public: str, extra: dict | None = None
         ) -> bytes:
    """The pack's bytes: ``meta`` (given the blob's hash) signed with
    ``sign(bytes) -> signature`` and everything encrypted to the X25519
    public key ``recipient_public`` (base64)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    meta = dict(meta, blob_sha256=hashlib.sha256(blob).hexdigest())
    meta_bytes = json.dumps(meta, sort_keys=True, separators=(",", ":")).encode("utf-8")
    signature = sign(meta_bytes)
    inner = b"".join((struct.pack(">I", len(meta_bytes)), meta_bytes,
                      struct.pack(">H", len(signature)), signature, blob))
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    nonce = secrets.token_bytes(12)
    header = dict(extra or {}, v=VERSION, to=key_id(recipient_public), eph=b64(eph_pub),
                  nonce=b64(nonce))
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    shared = eph.exchange(X25519PublicKey.from_public_bytes(unb64(recipient_public)))
    ct = AESGCM(_kek(shared, header_bytes)).encrypt(nonce, inner, MAGIC + header_bytes)
    return b"".join((MAGIC, struct.pack(">I", len(header_bytes)), header_bytes, ct))


def header_of(raw: bytes) -> tuple[dict, bytes]:
    """The clear header of a pack (and its bytes), or ``PackRefused``."""
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 4:
        raise PackRefused(_(DAMAGED))
    (n,) = struct.unpack(">I", raw[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if n > 1 << 20 or len(raw) < start + n + 16:
        raise PackRefused(_(DAMAGED))
    header_bytes = raw[start:start + n]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict) or header.get("v") != VERSION:
            raise ValueError
        for name in ("to", "eph", "nonce"):
            if not isinstance(header.get(name), str):
                raise ValueError
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise PackRefused(_(DAMAGED)) from None
    return header, header_bytes


def open_(raw: bytes, private_key, public_b64: str) -> Opened:
    """Decrypt a pack with the recipient's X25519 ``private_key`` (whose
    public half is ``public_b64``)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    header, header_bytes = header_of(raw)
    if header["to"] != key_id(public_b64):
        raise PackRefused(_(NOT_YOURS))
    try:
        eph = X25519PublicKey.from_public_bytes(unb64(header["eph"]))
        nonce = unb64(header["nonce"])
        shared = private_key.exchange(eph)
        inner = AESGCM(_kek(shared, header_bytes)).decrypt(
            nonce, memoryview(raw)[len(MAGIC) + 4 + len(header_bytes):], MAGIC + header_bytes)
    except (InvalidTag, ValueError):
        raise PackRefused(_(DAMAGED)) from None
    try:
        (n,) = struct.unpack(">I", inner[:4])
        meta_bytes = inner[4:4 + n]
        (s,) = struct.unpack(">H", inner[4 + n:6 + n])
        signature = inner[6 + n:6 + n + s]
        blob = memoryview(inner)[6 + n + s:]     # no second copy of a large database
        meta = json.loads(meta_bytes.decode("utf-8"))
        if not isinstance(meta, dict) or meta.get("kind") not in KINDS:
            raise ValueError
    except (struct.error, ValueError, UnicodeDecodeError, RecursionError):
        raise PackRefused(_(DAMAGED)) from None
    if meta.get("blob_sha256") != hashlib.sha256(blob).hexdigest():
        raise PackRefused(_(DAMAGED))
    if meta.get("recipient_key") != public_b64:
        raise PackRefused(_(NOT_YOURS))
    return Opened(header, meta, meta_bytes, signature, blob, hashlib.sha256(raw).hexdigest())


def read_file(path, limit: int = MAX_PACK) -> bytes:
    """A pack file's bytes, or one sentence saying why it cannot be read.
    A file over ``limit`` is refused before a byte of it is read."""
    from pathlib import Path
    try:
        p = Path(path)
        if p.stat().st_size > limit:
            raise PackRefused(_("That file is larger than any pack of this kind (at most "
                                "{size} MB); nothing was applied. Check you chose the right "
                                "file.").format(size=limit >> 20))
        return p.read_bytes()
    except FileNotFoundError:
        raise PackRefused(_("There is no file at that path; check the name of the pack.")) \
            from None
    except IsADirectoryError:
        raise PackRefused(_("That is a folder, not a pack file; choose the pack itself.")) \
            from None
    except OSError:
        raise PackRefused(_("The pack could not be read (the operating system refused); check "
                            "the drive it is on and try again.")) from None
