"""The governor's side of replicas: making one for a user, the update packs
that refresh it, and the list of replicas with their last contact.

A replica pack and an update pack carry the same thing: the database the
user may see (``extract``), encrypted under a fresh key that travels inside
the pack, which is signed by the governor and encrypted to the replica's
public key (at first the user's key-slot key as the chain gives it; later
the key the replica announced in its last change pack). Each is recorded in
the chain (``replica.create``, ``replica.update``) with its number, so an
older update is always told from a newer one.

Only a governor may do any of this (``roles``: "replicas"); a replica is for
a deputy or a viewer who is a user of the vault now.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from console.audit import chain, roles
from console.audit.current import now
from console.clock import now_iso
from console.errors import PermissionDenied, ValidationError, translate
from console.i18n import _
from console.storage.fileio import atomic_write_bytes
from console.sync import extract, packs, tables


@dataclass(frozen=True)
class ReplicaInfo:
    replica_id: str
    user: str
    created_at: str
    update_no: int
    last_update: str | None
    last_contact: str | None
    ops_taken: int
    decisions: int


def stamp(vault, replica_id: str, update_no: int, at: str) -> dict:
    """The governor's signed word on when a replica was last refreshed (the
    stale rule counts from it, and a replica cannot move it)."""
    doc = json.dumps({"replica_id": replica_id, "update_no": update_no, "at": at},
                     sort_keys=True)
    return {"doc": doc, "signer": vault.user.name,
            "sig": packs.b64(vault.identity().sign(doc.encode("utf-8")))}


def _member(vault, user: str):
    roles.require(vault, "replicas")
    m = now(vault).member(user)
    if m is None or not m.active:
        raise ValidationError(_("There is no current user of that name; a replica is made "
                                "for a deputy or viewer of this vault."))
    if m.role == roles.GOVERNOR:
        raise PermissionDenied(_("A replica is for a deputy or a viewer; a governor works on "
                                 "the vault itself."))
    if not m.slot or user not in vault.slots.users:
        raise ValidationError(_("That user has no key slot in this vault yet; reset their "
                                "passphrase first."))
    return m


def _pack(vault, user: str, recipient_key: str, replica_id: str, update_no: int,
          acked: int, kind: str, on_progress=None) -> tuple[bytes, dict]:
    at = now_iso()
    head_seq, head_hash = chain.head(vault)
    gov_key = vault.slots.users[vault.user.name]["public"]
    local = {"replica_id": replica_id, "user": user, "governor": vault.user.name,
             "governor_key": gov_key, "update_no": update_no, "acked": acked,
             "base_seq": head_seq, "base_hash": head_hash,
             "stamp": stamp(vault, replica_id, update_no, at)}
    db_key = secrets.token_bytes(32)
    try:
        work = Path(tempfile.mkdtemp(prefix=".gc-replica-", dir=vault.folder))
    except OSError as exc:
        raise translate(exc) from None
    try:
        target = work / "replica.db"
        extract.build(vault, user, target, db_key, local, on_progress)
        blob = target.read_bytes()
    except OSError as exc:
        raise translate(exc) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    meta = {"kind": kind, "vault_id": vault.vault_id, "replica_id": replica_id,
            "sender": vault.user.name, "recipient": user, "recipient_key": recipient_key,
            "governor_key": gov_key, "update_no": update_no, "acked": acked,
            "created_at": at, "base_seq": head_seq, "base_hash": head_hash,
            "db_key": db_key.hex()}
    extra = {}
    if kind == "replica":
        slot = vault.slots.users[user]
        extra = {"vault_id": vault.vault_id,
                 "slot": {"public": slot["public"], "passphrase": slot["passphrase"]}}
    raw = packs.seal(meta, blob, vault.identity().sign, recipient_key, extra)
    return raw, meta


def create(vault, user: str, out, on_progress=None) -> ReplicaInfo:
    """Make a replica pack for ``user`` at ``out``."""
    m = _member(vault, user)
    replica_id = str(uuid.uuid4())
    with vault.guard():
        tables.ensure_home(vault.conn)
    raw, meta = _pack(vault, user, m.slot, replica_id, 1, 0, "replica", on_progress)
    with vault.write():
        seq = chain.append(vault, "replica.create", "user", user, after={
            "replica_id": replica_id, "update_no": 1, "key": m.slot,
            "head": meta["base_seq"]})
        vault.conn.execute(
            "INSERT INTO sync_replicas(replica_id, user, created_at, created_seq, replica_key,"
            " update_no, last_update) VALUES (?,?,?,?,?,1,?)",
            (replica_id, user, meta["created_at"], seq, m.slot, meta["created_at"]))
        atomic_write_bytes(Path(out), raw)
    return info(vault, replica_id)


def latest(vault, user: str) -> str:
    """The newest replica made for ``user`` (the one updates go to)."""
    with vault.guard():
        tables.ensure_home(vault.conn)
        row = vault.conn.execute("SELECT replica_id FROM sync_replicas WHERE user = ? ORDER "
                                 "BY created_seq DESC LIMIT 1", (user,)).fetchone()
    if row is None:
        raise ValidationError(_("No replica was made for that user; make one first "
                                "('replica create')."))
    return row[0]


def update(vault, user: str, out, on_progress=None) -> ReplicaInfo:
    """An update pack for ``user``'s newest replica at ``out``: what they may
    see now, and how far their operations were taken in."""
    _member(vault, user)
    replica_id = latest(vault, user)
    with vault.guard():
        key, number, acked = vault.conn.execute(
            "SELECT replica_key, update_no, op_seq FROM sync_replicas WHERE replica_id = ?",
            (replica_id,)).fetchone()
    if not _is_key(key):    # a row: anyone holding the data key can write it
        raise ValidationError(_("The key recorded for this user's replica is not a key, so no "
                                "update can be made for it; make them a new replica."))
    raw, meta = _pack(vault, user, key, replica_id, number + 1, acked, "update", on_progress)
    with vault.write():
        chain.append(vault, "replica.update", "user", user, after={
            "replica_id": replica_id, "update_no": number + 1, "acked": acked,
            "head": meta["base_seq"]})
        vault.conn.execute("UPDATE sync_replicas SET update_no = ?, last_update = ? WHERE "
                           "replica_id = ?", (number + 1, meta["created_at"], replica_id))
        atomic_write_bytes(Path(out), raw)
    return info(vault, replica_id)


def _is_key(text) -> bool:
    try:
        return isinstance(text, str) and len(packs.unb64(text)) == 32
    except ValueError:
        return False


def info(vault, replica_id: str) -> ReplicaInfo:
    return next(r for r in replicas(vault) if r.replica_id == replica_id)


def replicas(vault) -> list[ReplicaInfo]:
    """Every replica made, newest first, with its last contact and how many
    of its proposed changes wait for a decision."""
    roles.require(vault, "replicas")
    with vault.guard():
        if not tables.has(vault.conn, "sync_replicas"):
            return []
        rows = vault.conn.execute(
            "SELECT r.replica_id, r.user, r.created_at, r.update_no, r.last_update, "
            "r.last_contact, (SELECT count(*) FROM sync_applied a WHERE a.origin = "
            "r.replica_id), (SELECT count(*) FROM sync_decisions d WHERE d.origin = "
            "r.replica_id AND d.decided IS NULL) FROM sync_replicas r ORDER BY "
            "r.created_seq DESC").fetchall()
    return [ReplicaInfo(*r) for r in rows]
