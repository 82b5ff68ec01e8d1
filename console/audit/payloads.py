"""The details of audit entries about a sealed record, sealed under its key.

While a record is sealed, every entry about it (``entity = 'subject'``,
``entity_id`` its reference) stores its details in sealed form: the salt,
before and after it would have stored, encrypted (AES-256-GCM) under the
record's current key with the vault, reference, entry number and key
version as associated data. The chain hashes the form that is stored, so
every user can still check every entry; only those holding the key read it.

Entries that carry authority stay readable so every user can replay it
(``READABLE``): restrictions and who may see a record, lifted conflict bars,
the sealing keys' commitments, and a record's deletion or erasure.

When a record is sealed, the details written before in clear are put into
sealed form, and when it is unsealed they are put back; either way the
change of form is attested by the entry that seals or unseals it (its
``forms``: entry number -> hash of the new stored form), signed by a
governor, and the replay accepts a stored form only if it is the one the
chain last attested for that entry (or, never attested, the one it was
written with). An erasure attests the same way the journal entries it took
the erased person's name out of.
"""

from __future__ import annotations

import base64
import json
import os

from console.audit.hashing import canonical, payload_hash
from console.i18n import _

READABLE = frozenset({
    "subject.restrict", "subject.unrestrict", "subject.grant", "subject.revoke",
    "conflict.lift", "keys.seal", "keys.rekey", "keys.unseal", "subject.delete",
    "subject.erase"})
FORM_ACTIONS = ("keys.seal", "keys.unseal", "subject.erase")
ERASE_ACTION = "subject.erase"
_MARK = '{"sealed":'


def sealable(entity: str, action: str) -> bool:
    """Would an entry of this kind about a sealed record be sealed?"""
    return entity == "subject" and action not in READABLE


def is_sealed(text) -> bool:
    return isinstance(text, str) and text.startswith(_MARK)


def _aad(vault_id: str, ref: str, seq: int, version: int) -> bytes:
    return f"gc payload\x00{vault_id}\x00{ref}\x00{seq}\x00{version}".encode("utf-8")


def _aesgcm(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    return AESGCM(bytes(key))


def seal(vault_id: str, ref: str, seq: int, version: int, key: bytes, salt: bytes,
         before: str | None, after: str | None) -> tuple[bytes, None, str]:
    """The stored form (salt, before, after) of details sealed under ``key``."""
    inner = canonical({"salt": base64.b64encode(salt).decode("ascii"), "before": before,
                       "after": after})
    nonce = os.urandom(12)
    ct = _aesgcm(key).encrypt(nonce, inner, _aad(vault_id, ref, seq, version))
    text = canonical({"sealed": {"v": int(version),
                                 "n": base64.b64encode(nonce).decode("ascii"),
                                 "c": base64.b64encode(ct).decode("ascii")}}).decode("ascii")
    return os.urandom(16), None, text


def version_of(text: str) -> int | None:
    try:
        return int(json.loads(text)["sealed"]["v"])
    except (ValueError, KeyError, TypeError):
        return None


def open_sealed(vault_id: str, ref: str, seq: int, text: str, key_for
                ) -> tuple[bytes, str | None, str | None] | None:
    """(salt, before, after) of a sealed form, or None when ``key_for(version)``
    gives no key that opens it."""
    from cryptography.exceptions import InvalidTag
    try:
        s = json.loads(text)["sealed"]
        version = int(s["v"])
        key = key_for(version)
        if key is None:
            return None
        inner = json.loads(_aesgcm(key).decrypt(base64.b64decode(s["n"]),
                                                base64.b64decode(s["c"]),
                                                _aad(vault_id, ref, seq, version)))
        return base64.b64decode(inner["salt"]), inner["before"], inner["after"]
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None


def stored_hash(salt: bytes, before: str | None, after: str | None) -> str:
    return payload_hash(bytes(salt), before, after)


def forms_after(conn, seq: int) -> dict[int, tuple[str, int]]:
    """entry -> (hash of the form last attested for it, the attesting entry),
    from the sealing and unsealing entries after ``seq``."""
    out: dict[int, tuple[str, int]] = {}
    marks = ",".join("?" * len(FORM_ACTIONS))
    for s, after in conn.execute(
            "SELECT a.seq, p.after FROM audit a JOIN audit_payload p ON p.seq = a.seq "
            f"WHERE a.seq > ? AND a.action IN ({marks}) ORDER BY a.seq",
            (seq, *FORM_ACTIONS)):
        try:
            forms = (json.loads(after) or {}).get("forms") or {}
            for k, h in forms.items():
                out[int(k)] = (str(h), s)
        except (ValueError, TypeError, AttributeError):
            continue   # the entry itself is then refused when the replay reaches it
    return out


def check_forms(conn, seq: int, ref: str, forms, action: str = "keys.seal") -> str | None:
    """A sealing or unsealing entry may attest forms only for earlier entries
    about its own record; an erasure only for earlier journal entries about
    other records (the erased person's name taken out of them: see
    ``console.lawful.scrub``)."""
    if not forms:
        return None
    try:
        wanted = sorted({int(k) for k in forms})
    except (TypeError, ValueError):
        return _("its list of changed details cannot be read")
    if wanted[-1] >= seq:
        return _("it attests details of an entry that comes after it")
    rows = conn.execute("SELECT seq, action, entity, entity_id FROM audit WHERE seq IN "
                        "(SELECT value FROM json_each(?))", (json.dumps(wanted),)).fetchall()
    if len(rows) != len(wanted):
        return _("it attests details of entries that are not in the chain")
    if action == ERASE_ACTION:
        if any(not a.startswith("journal.") or (e == "subject" and eid == ref)
               for _s, a, e, eid in rows):
            return _("it changes the details of entries other than the journal's")
        return None
    if any(e != "subject" or eid != ref for _s, _a, e, eid in rows):
        return _("it attests details of entries about another record")
    return None
