"""What a replica trusts and what it throws away: the governor's signature
as the replica's own chain gives it, and its backups once a refresh may
have taken records away (they may hold what was erased or restricted).
"""

from __future__ import annotations

from pathlib import Path

from console.audit import replay
from console.audit.current import now
from console.storage import snapshot
from console.storage.identity import verify_signature


def signed_by_governor(vault, signer: str, data: bytes, signature: bytes, state=None) -> bool:
    """Was ``data`` signed by ``signer``, a governor as this vault's chain
    has it now, with the certificate the chain gives them?"""
    state = state or now(vault)
    m = state.member(signer)
    if m is None or not m.active or m.role != "governor":
        return False
    with vault.guard():
        pem = replay.certificate(vault.conn, m.fingerprint, m.cert_seq)
    return pem is not None and verify_signature(pem, data, signature)


def drop_backups(folder: Path) -> int:
    """Delete every backup the replica holds (they may keep records that
    were since erased or restricted away). Returns how many."""
    gone = 0
    for path in snapshot.backups_dir(folder).glob("*" + snapshot.SUFFIX):
        try:
            path.unlink()
            gone += 1
        except OSError:
            pass
    return gone
