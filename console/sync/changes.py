"""A replica's change pack: its operations the governor has not
acknowledged, for the governor's vault.

Each pack is numbered on its replica and names the previous pack's hash, so
the governor can tell a replayed or reordered pack from the next one; it
carries every operation since the last the governor acknowledged (in the
last update), so a pack that was lost is covered by the next. It is signed
with the user's signing key and encrypted to the governor's key as the last
update gave it; it also announces this replica's own public key, to which
the governor's next update is encrypted.

Sending works on a replica that opens read-only (stale): what was done
before it went stale should still reach the governor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from console.clock import now_iso
from console.errors import PackRefused
from console.i18n import _
from console.storage.fileio import atomic_write_bytes
from console.sync import ops, packs, tables
from console.sync.replica import NOT_A_REPLICA


@dataclass(frozen=True)
class Sent:
    pack_no: int
    operations: int
    first: int
    last: int


def export(vault, out, on_progress=None) -> Sent:
    if not tables.is_replica(vault):
        raise PackRefused(_(NOT_A_REPLICA))
    with tables.writable(vault), vault.write():
        conn = vault.conn
        ops.collect(vault)
        m = tables.meta(conn)
        pending = ops.pending(conn, int(m.get("acked", 0)))
        if on_progress:
            on_progress(1, 3)
        number = int(m.get("pack_no", 0)) + 1
        seqs = [op["seq"] for op in pending]
        meta = {"kind": "changes", "vault_id": vault.vault_id, "replica_id": m["replica_id"],
                "sender": vault.user.name, "recipient": m["governor"],
                "recipient_key": m["governor_key"], "pack_no": number,
                "prev_pack": m.get("pack_hash") or "", "update_no": int(m["update_no"]),
                "acked": int(m.get("acked", 0)), "first": seqs[0] if seqs else 0,
                "last": seqs[-1] if seqs else 0, "count": len(seqs),
                "reply_key": vault.slots.users[vault.user.name]["public"],
                "created_at": now_iso()}
        blob = json.dumps(pending, separators=(",", ":")).encode("utf-8")
        raw = packs.seal(meta, blob, vault.identity().sign, m["governor_key"])
        if on_progress:
            on_progress(2, 3)
        import hashlib
        tables.set_meta(conn, pack_no=number, pack_hash=hashlib.sha256(raw).hexdigest())
        atomic_write_bytes(Path(out), raw)
    return Sent(number, len(seqs), meta["first"], meta["last"])
