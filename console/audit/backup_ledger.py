"""The vault's own backups placed by the signed chain: when each was made, in
which order, which to keep, and when the daily one is due.

A backup's manifest names the chain head its copy holds (number, hash, time)
and is signed by the user who made it. The ledger believes it only as far as
the live chain allows:

- the signature must be by a certificate the chain gave that user, and the
  head must be an entry of the live chain (same number, same hash), or lie
  on a history a governor's restore replaced (after the entry restored to);
- its time is the manifest's, bounded by the chain: no earlier than its head
  entry was written, no later than the next entry (or now). A clock that ran
  ahead, or a name like ``backup-99991231...``, moves nothing;
- its order is the chain's order of heads, then that bounded time.

Files that cannot be placed (damaged, of another vault, from an earlier
version with an unsigned label, signed by nobody the chain knows) are listed
as such, never counted when pruning and never deleted by it. Only the
newest ``backup_keep`` (the chain's setting) placed backups are kept.

Runs on the thread that owns the vault.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass

from console.audit import current, replay
from console.clock import utcnow
from console.storage import snapshot
from console.storage.identity import public_key, verify_with
from console.i18n import N_, _

DAY = dt.timedelta(days=1)
PLACED, REPLACED = "placed", "replaced"
DAMAGED, FOREIGN, UNSIGNED, UNVERIFIED = "damaged", "foreign", "unsigned", "unverified"
WHY = {
    DAMAGED: N_("It cannot be read: the file is damaged or is not a backup."),
    FOREIGN: N_("It is not a backup of this vault's chain (another vault, or a history this "
               "vault's chain does not continue)."),
    UNSIGNED: N_("It was made by an earlier version, without a signed label, so the chain cannot "
                "place it."),
    UNVERIFIED: N_("Its label is not signed by a user of this vault, so the chain cannot place it."),
}
_CERT_ACTIONS = ("vault.create", "authority.attest", "user.add", "user.reset",
                 "identity.replace")


@dataclass(frozen=True)
class Placed:
    """One file of the backups folder as the chain places it."""
    info: snapshot.BackupInfo
    status: str
    made_at: str = ""          # bounded by the chain (UTC, ISO), "" when not placed
    position: float = -1.0     # the chain entry its copy ends at (a replaced history:
                               # the entry it was restored to, plus a half)

    @property
    def counted(self) -> bool:
        return self.status in (PLACED, REPLACED)

    @property
    def why(self) -> str:
        """Why the chain cannot place it ("" when it can)."""
        return _(WHY[self.status]) if self.status in WHY else ""


class _Chain:
    """What the ledger reads of the live chain: entries' hashes and times,
    restores, and the certificates it gave each user."""

    def __init__(self, conn):
        self.conn = conn
        self.top = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
        self.restores = []
        for seq, at, after in conn.execute(
                "SELECT a.seq, a.at, p.after FROM audit a JOIN audit_payload p USING (seq) "
                "WHERE a.action = 'vault.restore' ORDER BY a.seq"):
            doc = json.loads(after or "{}")
            self.restores.append((seq, at, int(doc.get("restored_to") or 0),
                                  int((doc.get("replaced") or {}).get("seq") or 0)))
        self._fps: dict[str, dict[str, int]] | None = None

    def entry(self, seq: int) -> tuple[str, str] | None:
        row = self.conn.execute("SELECT hash, at FROM audit WHERE seq = ?", (seq,)).fetchone()
        return (row[0], row[1]) if row else None

    def fingerprints(self, user: str) -> dict[str, int]:
        """fingerprint -> the entry that gave ``user`` that certificate."""
        if self._fps is None:
            self._fps = {}
            marks = ",".join("?" * len(_CERT_ACTIONS))
            for seq, action, who, eid, after in self.conn.execute(
                    "SELECT a.seq, a.action, a.user, a.entity_id, p.after FROM audit a JOIN "
                    f"audit_payload p USING (seq) WHERE a.action IN ({marks})", _CERT_ACTIONS):
                doc = json.loads(after or "{}")
                items = {}
                if action == "authority.attest":
                    items = {n: u for n, u in (doc.get("users") or {}).items()}
                elif action in ("vault.create", "identity.replace"):
                    items = {who: doc}
                else:
                    items = {eid: doc}
                for name, item in items.items():
                    fp = isinstance(item, dict) and item.get("fingerprint")
                    if fp:
                        self._fps.setdefault(name, {})[str(fp)] = seq
        return self._fps.get(user, {})


def _signed_by_a_user(chain: _Chain, m: dict) -> bool:
    signer = m.get("signer") or {}
    fp = signer.get("fingerprint")
    seq = chain.fingerprints(str(signer.get("user") or "")).get(str(fp))
    if seq is None:
        return False
    pem = replay.certificate(chain.conn, fp, seq)
    try:
        sig = base64.b64decode(str(m.get("signature") or ""), validate=True)
        return pem is not None and verify_with(public_key(pem), snapshot.signed_bytes(m), sig)
    except ValueError:
        return False


def label_signed(conn, manifest: dict) -> bool:
    """Whether a backup's label is signed by a certificate the chain on
    ``conn`` gave its signer."""
    return _signed_by_a_user(_Chain(conn), manifest)


def _when(text: str) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _bounded(claimed: str, lower: str, upper: str) -> str:
    lo, hi, t = _when(lower), _when(upper), _when(claimed)
    if lo is not None and hi is not None and hi < lo:
        hi = lo
    if t is None:
        t = lo or hi
    if lo is not None and t < lo:
        t = lo
    if hi is not None and t > hi:
        t = hi
    return t.isoformat(timespec="microseconds") if t else ""


def _place(chain: _Chain, vault_id: str, info: snapshot.BackupInfo, now: str) -> Placed:
    if not info.ok:
        return Placed(info, DAMAGED)
    m = info.manifest or {}
    if info.vault_id != vault_id:
        return Placed(info, FOREIGN)
    head = info.head
    if head is None or not m.get("signature"):
        return Placed(info, UNSIGNED)
    if not _signed_by_a_user(chain, m):
        return Placed(info, UNVERIFIED)
    seq, h, _at = head
    live = chain.entry(seq)
    if live is not None and live[0] == h:
        after = chain.entry(seq + 1)
        return Placed(info, PLACED, _bounded(info.created_at, live[1], after[1] if after
                                             else now), float(seq))
    for r_seq, r_at, restored_to, replaced in reversed(chain.restores):
        if restored_to < seq <= (replaced or seq):
            base = chain.entry(restored_to)
            return Placed(info, REPLACED, _bounded(info.created_at, base[1] if base else "",
                                                   r_at), restored_to + 0.5)
    return Placed(info, FOREIGN)


def place(vault) -> list[Placed]:
    """Every file in the vault's backups folder, placed ones newest first
    (by chain position, then bounded time), the others after them."""
    now = utcnow().isoformat(timespec="microseconds")
    with vault.guard():
        chain = _Chain(vault.conn)
        out = [_place(chain, vault.vault_id, i, now)
               for i in snapshot.list_backups(vault.folder)]
    return sorted(out, key=lambda p: (p.counted, p.position, p.made_at, p.info.path.name),
                  reverse=True)


def keep(vault) -> int:
    """How many placed backups to keep: the chain's setting, never the rows'."""
    return snapshot.keep_count(current.now(vault).setting("backup_keep"))


def prune(vault) -> list:
    """Delete placed backups beyond the newest ``keep``; returns their paths."""
    placed = [p for p in place(vault) if p.counted]
    gone = []
    for p in placed[keep(vault):]:
        try:
            p.info.path.unlink()
            gone.append(p.info.path)
        except OSError:
            pass
    return gone


def daily_due(vault) -> bool:
    """True when no backup of the chain as it stands was made in the last day."""
    latest = next((p for p in place(vault) if p.status == PLACED), None)
    if latest is None:
        return True
    made = _when(latest.made_at)
    return made is None or utcnow() - made >= DAY


def backup_on_close_if_due(vault):
    """Before closing: the daily backup, if one is due."""
    if vault.closed or not daily_due(vault):
        return None
    return snapshot.automatic_backup(vault, "daily")


def install(vault) -> None:
    """Let the vault's automatic backups prune by the ledger."""
    vault.prune_backups = lambda: prune(vault)
