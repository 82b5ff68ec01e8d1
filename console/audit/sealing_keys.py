"""Sealing keys: the keys that seal what only some users may read, wrapped to
each entitled user's key-slot public key.

A *scope* is what one key seals: ``FULLTEXT`` (every report's full text and
source, for the roles that may read them) or a restricted subject's
reference (that record's contents and audit details). Each scope has a
random 256-bit key with a version; the signed chain carries a commitment to
every version (``commitment``: a hash of the key, bound to the vault, scope
and version), so a key planted in the ``sealing_keys`` table by someone
holding the data key is refused rather than used to seal new text.

Wrapping follows the data key's key slots: ECDH between a fresh X25519
ephemeral key and the user's slot public key (as the chain gives it), HKDF,
then AES-256-GCM with the vault, user, scope and version as associated data.
One ephemeral key serves a whole batch for one user, so unwrapping costs one
ECDH per batch, not per record; ``KeyRing.load`` packs a user's keys back
into one batch when they are spread over many.

Rules:
- Only the chain says who is entitled to a key (``console.records.sealed``
  works it out); this module wraps, unwraps and checks keys against the
  chain's commitments and never decides entitlement.
- A key whose commitment does not match the chain's current version for its
  scope is never used (``KeyRing.problems`` says how many were refused).
- Earlier versions of a scope's key are kept sealed under the current one
  (``sealing_history``), for audit details written under them.

**For a change of a user's key pair** (a passphrase change that rotates the
user secret): call ``rewrap_user(vault, user, old_user_secret, new_public)``
in the same write as the change. It moves every sealing key the user holds
from the old key pair to the new public key; nothing else needs to change.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace

from console.audit.authority import FULLTEXT  # noqa: F401 (the scope's name, shared)
from console.i18n import _, ngettext

PACK_AFTER = 8        # distinct ephemeral keys before a user's keys are packed into one


@cache
def _c() -> SimpleNamespace:
    from cryptography.exceptions import InvalidTag  # noqa: F401
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: F401
    from cryptography.hazmat.primitives.asymmetric.x25519 import (  # noqa: F401
        X25519PrivateKey, X25519PublicKey)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF  # noqa: F401
    return SimpleNamespace(**locals())


def new_key() -> bytes:
    return os.urandom(32)


def commitment(vault_id: str, scope: str, version: int, key: bytes) -> str:
    """What the chain records for a key: reveals nothing of it, binds it."""
    return hashlib.sha256(b"gc sealing key\x00" + f"{vault_id}\x00{scope}\x00{version}\x00"
                          .encode("utf-8") + bytes(key)).hexdigest()


def _aad(vault_id: str, user: str, scope: str, version: int) -> bytes:
    return f"gc wrap\x00{vault_id}\x00{user}\x00{scope}\x00{version}".encode("utf-8")


def _raw(public_b64: str) -> bytes:
    return base64.b64decode(public_b64.encode("ascii"), validate=True)


def _kek(shared: bytes, vault_id: str, user: str, eph: bytes) -> bytes:
    c = _c()
    info = b"gc sealing wrap\x00" + f"{vault_id}\x00{user}\x00".encode("utf-8") + eph
    return c.HKDF(algorithm=c.hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def wrap(conn, vault_id: str, user: str, recipient: str,
         keys: dict[str, tuple[int, bytes]]) -> None:
    """Wrap ``keys`` (scope -> (version, key)) to ``recipient`` (the user's
    slot public key, base64) under one ephemeral key, replacing whatever the
    user held for those scopes."""
    if not keys:
        return
    c = _c()
    eph = c.X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(c.serialization.Encoding.Raw,
                                            c.serialization.PublicFormat.Raw)
    kek = c.AESGCM(_kek(eph.exchange(c.X25519PublicKey.from_public_bytes(_raw(recipient))),
                        vault_id, user, eph_pub))
    rows = []
    for scope, (version, key) in keys.items():
        nonce = os.urandom(12)
        rows.append((scope, user, int(version), recipient, eph_pub, nonce,
                     kek.encrypt(nonce, bytes(key), _aad(vault_id, user, scope, int(version)))))
    conn.executemany("INSERT OR REPLACE INTO sealing_keys(scope, user, version, recipient, eph, "
                     "nonce, ct) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def unwrap(conn, vault_id: str, user: str, user_secret: bytes
           ) -> tuple[dict[str, tuple[int, bytes]], int, int]:
    """Every key wrapped to ``user`` that opens under ``user_secret``:
    (scope -> (version, key), how many did not open, how many ephemeral
    keys they were spread over)."""
    from console.storage.keyslots import user_private_key
    c = _c()
    private = user_private_key(user_secret)
    rows = conn.execute("SELECT scope, version, eph, nonce, ct FROM sealing_keys WHERE user = ?",
                        (user,)).fetchall()
    keks: dict[bytes, object] = {}
    out: dict[str, tuple[int, bytes]] = {}
    bad = 0
    for scope, version, eph, nonce, ct in rows:
        eph = bytes(eph)
        kek = keks.get(eph)
        if kek is None:
            try:
                shared = private.exchange(c.X25519PublicKey.from_public_bytes(eph))
                kek = c.AESGCM(_kek(shared, vault_id, user, eph))
            except ValueError:
                kek = False
            keks[eph] = kek
        if kek is False:
            bad += 1
            continue
        try:
            out[scope] = (int(version), kek.decrypt(bytes(nonce), bytes(ct),
                                                    _aad(vault_id, user, scope, int(version))))
        except (c.InvalidTag, ValueError):
            bad += 1
    return out, bad, len(keks)


# -- earlier versions -------------------------------------------------------------------

def _history_aad(vault_id: str, scope: str, version: int) -> bytes:
    return f"gc history\x00{vault_id}\x00{scope}\x00{version}".encode("utf-8")


def seal_history(conn, vault_id: str, scope: str, version: int, key: bytes,
                 older: dict[int, bytes]) -> None:
    """Keep ``older`` (version -> key) sealed under ``scope``'s current key."""
    if not older:
        conn.execute("DELETE FROM sealing_history WHERE scope = ?", (scope,))
        return
    doc = json.dumps({str(v): base64.b64encode(k).decode("ascii") for v, k in older.items()},
                     sort_keys=True).encode("ascii")
    nonce = os.urandom(12)
    ct = _c().AESGCM(bytes(key)).encrypt(nonce, doc, _history_aad(vault_id, scope, version))
    conn.execute("INSERT OR REPLACE INTO sealing_history(scope, version, nonce, ct) VALUES "
                 "(?, ?, ?, ?)", (scope, int(version), nonce, ct))


def open_history(conn, vault_id: str, scope: str, version: int, key: bytes) -> dict[int, bytes]:
    row = conn.execute("SELECT version, nonce, ct FROM sealing_history WHERE scope = ?",
                       (scope,)).fetchone()
    if row is None or int(row[0]) != int(version):
        return {}
    try:
        doc = _c().AESGCM(bytes(key)).decrypt(bytes(row[1]), bytes(row[2]),
                                              _history_aad(vault_id, scope, int(version)))
    except (_c().InvalidTag, ValueError):
        return {}
    return {int(v): base64.b64decode(k) for v, k in json.loads(doc).items()}


# -- the signed-in user's keys ------------------------------------------------------------

@dataclass
class KeyRing:
    """The sealing keys the signed-in user holds, each checked against the
    chain's commitment for its scope's current version."""
    vault_id: str
    keys: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    problems: int = 0            # wraps that did not open or matched no commitment
    tables: bool = True          # False on a vault not yet upgraded to hold sealed records
    _older: dict[str, dict[int, bytes]] = field(default_factory=dict)

    def holds(self, scope: str) -> bool:
        return scope in self.keys

    def current(self, scope: str) -> tuple[int, bytes] | None:
        return self.keys.get(scope)

    def version(self, conn, scope: str, version: int) -> bytes | None:
        """The key of ``scope`` at ``version`` (current or kept in its history)."""
        item = self.keys.get(scope)
        if item is None:
            return None
        if item[0] == version:
            return item[1]
        if scope not in self._older:
            self._older[scope] = open_history(conn, self.vault_id, scope, *item)
        return self._older[scope].get(int(version))

    def older(self, conn, scope: str) -> dict[int, bytes]:
        item = self.keys.get(scope)
        if item is None:
            return {}
        if scope not in self._older:
            self._older[scope] = open_history(conn, self.vault_id, scope, *item)
        return dict(self._older[scope])

    def put(self, scope: str, version: int, key: bytes) -> None:
        """A key this session made or was given (after the chain holds it)."""
        self.keys[scope] = (int(version), bytes(key))
        self._older.pop(scope, None)

    def drop(self, scope: str) -> None:
        self.keys.pop(scope, None)
        self._older.pop(scope, None)


def load(vault, commitments: dict[str, list]) -> KeyRing:
    """The signed-in user's keys, kept only where they match ``commitments``
    (scope -> [version, commitment, entry], from the chain's authority).
    Keys spread over many ephemeral keys are packed into one batch."""
    conn = vault.conn
    name, vault_id = vault.user.name, vault.vault_id
    found, bad, batches = unwrap(conn, vault_id, name, vault.user_secret())
    ring = KeyRing(vault_id, problems=bad)
    for scope, (version, key) in found.items():
        item = commitments.get(scope)
        if item is None or int(item[0]) != version or \
                item[1] != commitment(vault_id, scope, version, key):
            ring.problems += 1
            continue
        ring.keys[scope] = (version, key)
    if batches > PACK_AFTER and ring.keys:
        recipient = conn.execute("SELECT recipient FROM sealing_keys WHERE user = ? LIMIT 1",
                                 (name,)).fetchone()
        if recipient is not None:
            with vault.write():
                wrap(conn, vault_id, name, recipient[0], ring.keys)
    return ring


def rewrap_user(vault, user: str, old_user_secret: bytes, new_public: str) -> int:
    """Move every sealing key ``user`` holds from their old key pair (opened
    with ``old_user_secret``) to ``new_public`` (their new slot public key,
    base64, as ``SlotFile`` stores it). Call it in the same ``vault.write()``
    as the change of key pair; returns how many keys were moved. Wraps that
    no longer open under the old secret are dropped: the governor's next
    session wraps whatever the user is entitled to again."""
    with vault.write():
        found, _bad, _batches = unwrap(vault.conn, vault.vault_id, user, old_user_secret)
        vault.conn.execute("DELETE FROM sealing_keys WHERE user = ?", (user,))
        wrap(vault.conn, vault.vault_id, user, new_public, found)
    return len(found)


def has_tables(conn) -> bool:
    """Whether the vault's schema holds sealed records (it was upgraded)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'sealed_records'").fetchone() is not None


def keyring(vault) -> KeyRing:
    """The signed-in user's ring, loaded on first use in a session and kept
    on the vault (dropped with it)."""
    ring = vault.keyring
    if ring is None:
        from console.audit.current import now
        with vault.guard():
            upgraded = has_tables(vault.conn)
        if upgraded:
            state = now(vault)
            with vault.guard():
                ring = load(vault, state.keys)
            if ring.problems:
                vault.findings.append((0, ngettext(
                    "{problems} sealing key wrapped to {name} does not match the keys the "
                    "signed chain names: it was planted or damaged, and is not used.",
                    "{problems} sealing keys wrapped to {name} do not match the keys the "
                    "signed chain names: they were planted or damaged, and are not used.",
                    ring.problems).format(
                                            problems=ring.problems, name=vault.user.name)))
        else:                      # a vault not yet upgraded: nothing is sealed
            ring = KeyRing(vault.vault_id)
            ring.tables = False
        vault.keyring = ring
    return ring


def record_key(vault, ref: str) -> tuple[int, bytes] | None:
    """(version, key) that sealed record ``ref``'s details are sealed under
    now; None if the record is not sealed. PermissionDenied when it is and
    the signed-in user does not hold its key."""
    ring = keyring(vault)
    if not ring.tables:
        return None
    with vault.guard():
        row = vault.conn.execute("SELECT r.version FROM sealed_records r JOIN subjects s ON "
                                 "s.id = r.subject_id WHERE s.ref = ?", (ref,)).fetchone()
    if row is None:
        return None
    item = ring.current(ref)
    if item is None or item[0] != int(row[0]):
        from console.errors import PermissionDenied
        raise PermissionDenied(_("This record is restricted to named users (need-to-know); ask "
                                 "the governor if you need to see it."))
    return item
