"""The authority at the chain's head now, for the services of an open vault.

``now(vault)`` starts from the state the unlock verified (``vault.authority``)
and replays, verifying them, the entries written since (this session's own,
normally one or two); a vault opened without the unlock (a script over
``Vault.open``) gets a full replay the first time. A chain that no longer
verifies raises ``ChainBroken`` naming the entry, so no service acts on
authority the chain does not give.
"""

from __future__ import annotations

from console.audit import replay
from console.audit.authority import State
from console.errors import ChainBroken
from console.i18n import N_, _

RESTORE_HINT = (N_("restore the vault from a backup (File › Backups…, or the 'backups' and "
                  "'restore' commands), or ask the governor to"))


def intact(report: replay.ChainReport) -> replay.ChainReport:
    if not report.intact:
        raise ChainBroken(_("{sentence} Nothing was opened; {RESTORE_HINT}.").format(
                            sentence=report.sentence(), RESTORE_HINT=_(RESTORE_HINT)))
    return report


def now(vault) -> State:
    base: State | None = vault.authority
    with vault.guard():
        row = vault.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC "
                                 "LIMIT 1").fetchone()
        seq, h = row if row else (0, "0" * 64)
        if base is not None and (base.seq, base.head) == (seq, h):
            return base
        start = None
        if base is not None and base.seq <= seq:
            at = vault.conn.execute("SELECT hash FROM audit WHERE seq = ?",
                                    (base.seq,)).fetchone()
            if base.seq == 0 or (at and at[0] == base.head):
                start = base
        report = intact(replay.run(vault.conn, start=start, rows=False))
    vault.authority = report.state
    return report.state
