"""What a hostile user holding the data key can read, with their own program.

``data_key(path, user, passphrase)`` unwraps the data key from the user's
own key slot, as anyone with a passphrase can. ``cells(path, key)`` opens
the database with it through SQLCipher and returns every cell of every
table (the Must-show dump). ``pages(path, key)`` goes further: it decrypts
every page of the database file and of its write-ahead log itself
(SQLCipher 4: AES-256-CBC per page with a raw key, the IV in the page's
reserved tail), free pages included, as a forensic tool would.

``found(texts, blobs)`` says which of ``texts`` appear in any of ``blobs``,
as UTF-8, UTF-16 (either byte order) or UTF-32.
"""

from __future__ import annotations

from pathlib import Path

PAGE = 4096
RESERVE = 80          # IV (16) + HMAC-SHA512 (64), SQLCipher 4's default
IV = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def data_key(folder, user: str, passphrase: str) -> bytes:
    from console.storage.keyslots import SlotFile
    slots = SlotFile.load(Path(folder))
    return slots.data_key(user, slots.user_secret_from_passphrase(user, passphrase))


def cells(folder, key: bytes) -> list[bytes]:
    """Every cell of every table, as bytes (text encoded UTF-8)."""
    import sqlcipher3
    conn = sqlcipher3.connect(str(Path(folder) / "register.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        out = []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")]
        for t in tables:
            for row in conn.execute(f'SELECT * FROM "{t}"'):
                for v in row:
                    if isinstance(v, bytes):
                        out.append(v)
                    elif v is not None:
                        out.append(str(v).encode("utf-8"))
        return out
    finally:
        conn.close()


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    start = 16 if first else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + IV]
    d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return d.update(page[start:PAGE - RESERVE]) + d.finalize()


def pages(folder, key: bytes) -> list[bytes]:
    """Every page of the database file and its WAL, decrypted."""
    folder = Path(folder)
    out = []
    data = (folder / "register.db").read_bytes()
    for i in range(0, len(data) - PAGE + 1, PAGE):
        out.append(_decrypt(data[i:i + PAGE], key, i == 0))
    wal = folder / "register.db-wal"
    if wal.exists():
        raw = wal.read_bytes()
        at = WAL_HEADER
        while at + FRAME_HEADER + PAGE <= len(raw):
            pgno = int.from_bytes(raw[at:at + 4], "big")
            out.append(_decrypt(raw[at + FRAME_HEADER:at + FRAME_HEADER + PAGE], key, pgno == 1))
            at += FRAME_HEADER + PAGE
    return out


def found(texts, blobs) -> set[str]:
    hits = set()
    forms = {t: [t.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")]
             for t in texts}
    for blob in blobs:
        for t, encoded in forms.items():
            if t not in hits and any(e in blob for e in encoded):
                hits.add(t)
    return hits
