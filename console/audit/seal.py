"""The chain head each user last verified, sealed in their own key slot.

After every unlock the audit room seals, under a key only that user's secret
gives (AES-GCM, ``SlotFile.set_sealed``), the head it verified (number and
hash), when, the hashes of a few earlier entries (at 1, 2, 4, 8... before the
head, to say where a changed chain parts from the one they saw) and the
authority state at that head with its hash. The next unlock checks that the
head is still in the chain and replays only the entries after it from that
state, so rows and entries before the head cannot be changed unnoticed and
unlocking stays fast on a long chain.

A colleague holding the data key can delete a seal (the next unlock then
replays the whole chain and says the seal went missing) but cannot forge or
alter one. They can put back an older copy of it, with the chain cut back to
that head: so a copy of each seal is also kept in the signed-in person's own
data folder on this computer (``keep_copy``), outside the vault folder, and
an unlock checks from whichever of the two is newer. Where colleagues share
one operating-system account that copy is theirs to replace too; where each
has their own, it is not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from pathlib import Path

from console.audit.authority import State, canonical
from console.clock import now_iso
from console.errors import ConsoleError, VaultDamaged
from console.i18n import _

FORMAT = 1
BACK = 24


@dataclass(frozen=True)
class Sealed:
    seq: int
    hash: str
    at: str
    back: tuple[tuple[int, str], ...]
    state: State | None      # None when it was sealed by another format of the state


def _back_seqs(seq: int) -> list[int]:
    out, step = [], 1
    while seq - step > 0 and len(out) < BACK:
        out.append(seq - step)
        step *= 2
    return out


def seal(conn, slots, user: str, user_secret: bytes, state: State) -> None:
    """Seal ``state`` (verified up to ``state.seq``) in ``user``'s slot, in
    memory; the caller saves the slot file."""
    seqs = _back_seqs(state.seq)
    back = []
    if seqs:
        marks = ",".join("?" * len(seqs))
        back = [[s, h] for s, h in conn.execute(
            f"SELECT seq, hash FROM audit WHERE seq IN ({marks}) ORDER BY seq DESC", seqs)]
    doc = state.to_json()
    body = {"format": FORMAT, "seq": state.seq, "hash": state.head, "at": now_iso(),
            "back": back, "state": doc,
            "state_hash": hashlib.sha256(canonical(doc)).hexdigest()}
    slots.set_sealed(user, user_secret, canonical(body))


def read(slots, user: str, user_secret: bytes, blob: dict | None = None) -> Sealed | None:
    """The sealed head (in the slot, or in ``blob``, a copy of a seal), or
    None if there is none. VaultDamaged if it was altered."""
    raw = slots.sealed(user, user_secret, blob)
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        if body.get("format") != FORMAT:
            return None
        doc = body["state"]
        state = None
        if hashlib.sha256(canonical(doc)).hexdigest() == body["state_hash"]:
            try:
                state = State.from_json(doc)
            except (ValueError, TypeError, KeyError):
                state = None
        else:
            raise ValueError
        return Sealed(int(body["seq"]), str(body["hash"]), str(body["at"]),
                      tuple((int(s), str(h)) for s, h in body.get("back", [])), state)
    except (ValueError, KeyError, TypeError):
        raise VaultDamaged(_("Your key slot's record of the chain was altered.")) from None


def parting(conn, sealed: Sealed) -> int:
    """The last entry the user saw that is still in the chain unchanged (as
    far as the sealed marks tell), 0 if none."""
    for seq, h in sealed.back:
        row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
        if row and row[0] == h:
            return seq
    return 0


def copy_path(vault_id: str, user: str, replica: str | None = None) -> Path:
    """Where this computer keeps its copy of ``user``'s seal for the vault
    (named by a hash: no user or vault names in file names). A replica (whose
    slot names it) shares the governor's vault id but keeps its own copy."""
    from console.storage import paths
    tail = f"\x00{replica}" if replica else ""
    name = hashlib.sha256(f"{vault_id}\x00{user}{tail}".encode()).hexdigest()[:32]
    return paths.data_dir() / "seals" / f"{name}.json"


def keep_copy(slots, user: str) -> None:
    """Keep a copy of ``user``'s seal (already encrypted) beside their data."""
    from console.storage.fileio import atomic_write_bytes
    blob = slots.users.get(user, {}).get("seal")
    if blob is None:
        return
    path = copy_path(slots.vault_id, user, slots.users.get(user, {}).get("replica"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(blob).encode("utf-8"))
    except (OSError, ConsoleError):
        pass    # the copy is a second line; the seal in the slot stands


def read_copy(slots, user: str, user_secret: bytes) -> Sealed | None:
    """This computer's copy of the seal, None if there is none or it is not
    one (any damage makes it count as absent, never as a reason to refuse)."""
    try:
        replica = slots.users.get(user, {}).get("replica")
        blob = json.loads(copy_path(slots.vault_id, user, replica).read_bytes())
        return read(slots, user, user_secret, blob) if isinstance(blob, dict) else None
    except (OSError, ValueError, VaultDamaged):
        return None
