"""Helpers for the insider-attack tests: what a hostile deputy or viewer can
do with nothing but their own passphrase (which gives them the data key),
the project's own ``Vault.open`` and a few lines of Python: raw SQL on the
vault's connection, entries signed with their own key, edits to the slot
file. And a vault as versions before the signed authority wrote it."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from console.audit import chain
from console.audit.hashing import digest, payload_hash
from console.clock import now_iso
from console.storage import accounts, identities
from console.storage.accounts import User
from console.storage.identity import generate_identity
from console.storage.vault import Vault


def open_raw(folder, user, passphrase) -> Vault:
    """The database opened with a legitimately obtained data key, trusting
    nothing but the key slot (as an insider's own script would)."""
    return Vault.open(folder, user, passphrase)


def resign_from(v: Vault, seq: int, keys: dict) -> None:
    """Rewrite every entry from ``seq`` on so the chain links again, signing
    each with ``keys[user]`` (an Identity), as someone rewriting history
    would after deleting or editing an entry."""
    conn = v.conn
    prev = conn.execute("SELECT hash FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT 1",
                        (seq,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    rows = conn.execute("SELECT seq, at, user, action, entity, entity_id, payload_hash "
                        "FROM audit WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()
    for old_seq, at, user, action, entity, eid, ph in rows:
        h = digest(prev, old_seq, at, user, action, entity, eid, ph)
        sig = keys[user].sign(bytes.fromhex(h))
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ?, signature = ? WHERE seq = ?",
                     (prev, h, sig, old_seq))
        prev = h


def renumber_after_delete(v: Vault, seq: int) -> None:
    """Delete entry ``seq`` and close the gap, as a careful forger would."""
    conn = v.conn
    conn.commit()
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM audit_payload WHERE seq = ?", (seq,))
    conn.execute("DELETE FROM audit WHERE seq = ?", (seq,))
    top = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    for s in range(seq + 1, top + 1):
        conn.execute("UPDATE audit_payload SET seq = ? WHERE seq = ?", (s - 1, s))
        conn.execute("UPDATE audit SET seq = ? WHERE seq = ?", (s - 1, s))


def append_signed(v: Vault, action: str, entity: str, entity_id: str, after=None,
                  identity=None, user: str | None = None) -> int:
    """An entry signed with ``identity`` (default: the signed-in user's own
    key) under ``user`` (default: the signed-in user)."""
    conn = v.conn
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = row[0] + 1, row[1]
    at = now_iso()
    a = chain.canonical(after).decode() if after is not None else None
    salt = secrets.token_bytes(16)
    ph = payload_hash(salt, None, a)
    who = user or v.user.name
    h = digest(prev, seq, at, who, action, entity, str(entity_id), ph)
    sig = (identity or v.identity()).sign(bytes.fromhex(h))
    conn.execute("INSERT INTO audit(seq, at, user, action, entity, entity_id, payload_hash, "
                 "prev_hash, hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)",
                 (seq, at, who, action, entity, str(entity_id), ph, prev, h, sig))
    conn.execute("INSERT INTO audit_payload(seq, salt, before, after) VALUES (?,?,?,?)",
                 (seq, salt, None, a))
    return seq


def slot_file(folder) -> dict:
    return json.loads((Path(folder) / "keyslots.json").read_text())


def write_slot_file(folder, doc: dict) -> None:
    (Path(folder) / "keyslots.json").write_text(json.dumps(doc))


# -- a vault as earlier versions wrote it ---------------------------------------------------

def legacy_vault(folder, governor: str, passphrase: str, establishment: str, kdf) -> Vault:
    """A vault whose chain opens the old way: no certificate, slot key or
    settings in its first entry (unlocked, for adding more the old way)."""
    def founding(v: Vault) -> None:
        chain.append(v, "vault.create", "vault", v.vault_id,
                     after={"establishment": establishment, "governor": governor})
    return Vault.create(folder, governor, passphrase, establishment, "Gwen Governor",
                        kdf=kdf, founding=founding)


def legacy_add_user(v: Vault, name: str, passphrase: str, role: str,
                    staff_number: str = "") -> None:
    """``users.add_user`` as it was: the entry names role and fingerprint only."""
    secret = v.slots.add_user(name, passphrase, v.data_key())
    ident = generate_identity(name, role, v.establishment)
    with v.write():
        accounts.insert_user(v.conn, User(name, name, role, "", staff_number))
        identities.store(v.conn, v.vault_id, name, secret, ident)
        chain.append(v, "user.add", "user", name,
                     after={"role": role, "display_name": name,
                            "fingerprint": ident.fingerprint})
    v.save_slots()
