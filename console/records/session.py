"""Opening a vault for the console: the audit room's unlock through the
signed chain, then, in a governor's session, what sealing needs.

``open_vault`` is what the desktop console and every command use. After the
chain is verified (``console.audit.unlock``), a governor's session
(``settle``):

1. gives a vault made before sealing its full-text key (``keys.seal`` for
   ``fulltext``) and seals every report's full text and source under it;
2. seals every restricted record that is not sealed yet (a vault from before,
   or one restricted in a session that could not seal it);
3. puts every key the governor holds in the hands the chain entitles
   (``sealing.reconcile``): keys for users added or reset since, a new key
   wherever someone lost access;
4. when anything readable was sealed in 1 or 2, rebuilds the file (``VACUUM``,
   with ``secure_delete`` on, then a checkpoint that empties the write-ahead
   log), so no page keeps the text in clear, and says that backups made
   before still hold it (``retention.backup_flags`` marks them for deletion).

Deputies' and viewers' sessions change nothing here.
"""

from __future__ import annotations

from console.audit import roles, sealing_keys, unlock
from console.audit.authority import FULLTEXT
from console.audit.current import now
from console.i18n import N_, _, ngettext
from console.records import fulltext, sealed, sealing

SEALED_NOTICE = N_("{what}, so only those entitled can read them; backups made before now "
                    "still hold them readable to every user and are marked for deletion "
                    "(File › Backups…, or the 'review-queue' command).")


def open_vault(folder, user: str | None = None, passphrase: str | None = None, *,
               user_secret: bytes | None = None, migrate: bool = True):
    """Unlock ``folder`` for ``user`` through the chain, then settle sealing."""
    vault = unlock.open_vault(folder, user, passphrase, user_secret=user_secret,
                              migrate=migrate)
    try:
        settle(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def settle(vault) -> list[str]:
    """A governor's session: seal what should be and hand keys to those
    entitled (see the module docstring). Returns what it did, in words."""
    if vault.user.role != roles.GOVERNOR or not sealing_keys.keyring(vault).tables:
        return []
    state = now(vault)
    if not state.attested:
        return []
    done = []
    with vault.write():
        if FULLTEXT not in state.keys:
            n = _found_fulltext(vault, state)
            done.append(ngettext("The full text and source of {n} report are now sealed",
                                 "The full text and source of {n} reports are now sealed",
                                 n).format(n=n) if n else "")
        st = sealed.store(vault)
        refs = {ref: sid for sid, ref in vault.query(
            "SELECT id, ref FROM main.subjects WHERE ref IN (SELECT value FROM json_each(?))",
            (_json(sorted(state.restrictions)),))}
        barred = _barred(vault)
        pending = [sid for ref, sid in sorted(refs.items())
                   if not st.is_sealed(sid) and sid not in barred]
        if pending:
            wraps = sealing.Wraps(vault, now(vault))
            for sid in pending:
                sealing.seal(vault, sid, wraps)
            wraps.flush()
            done.append(ngettext("{n} restricted record is now sealed",
                                 "{n} restricted records are now sealed",
                                 len(pending)).format(n=len(pending)))
        sealing.reconcile(vault)
    done = [d for d in done if d]
    if done:
        _rebuild(vault)
        vault.notices.append(_(SEALED_NOTICE).format(what="; ".join(done)))
    return done


def _json(value) -> str:
    import json
    return json.dumps(value)


def _barred(vault) -> set[int]:
    from console.records import access
    return access.barred_ids(vault)


def _found_fulltext(vault, state) -> int:
    """The vault's first full-text key, and every report sealed under it."""
    key = sealing_keys.new_key()
    users = sealing.entitled(state, FULLTEXT)
    from console.audit import chain
    chain.append(vault, "keys.seal", "vault", FULLTEXT, after={
        "version": 1, "commitment": sealing_keys.commitment(vault.vault_id, FULLTEXT, 1, key)})
    wraps = sealing.Wraps(vault, now(vault))
    sealing_keys.keyring(vault).put(FULLTEXT, 1, key)
    wraps.add(users, FULLTEXT, 1, key)
    wraps.flush()
    return fulltext.seal_clear_rows(vault, 1, key)


def _rebuild(vault) -> None:
    """Rewrite the file so no freed page keeps what was just sealed."""
    with vault.guard():
        conn = vault.conn
        conn.execute("PRAGMA secure_delete = ON")
        try:
            conn.execute("VACUUM")
        finally:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
