"""How a chain entry is hashed: its header and a salted hash of its details,
linked to the entry before. Shared by writing (``chain.append``) and
replaying (``replay``); changing anything here breaks every existing chain."""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64


def canonical(payload) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, default=str).encode("utf-8")


def payload_hash(salt: bytes, before: str | None, after: str | None) -> str:
    return hashlib.sha256(salt + canonical([before, after])).hexdigest()


def digest(prev_hash: str, seq: int, at: str, user: str, action: str, entity: str,
           entity_id: str, payload: str) -> str:
    body = canonical({"seq": seq, "at": at, "user": user, "action": action,
                      "entity": entity, "entity_id": entity_id, "payload": payload})
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body).hexdigest()
