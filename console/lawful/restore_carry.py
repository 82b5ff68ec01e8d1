"""Carrying forward, into a restored backup, what the vault it replaces had
decided since: erasures, removals, role changes and new key slots, each as
an entry the restoring governor signs in the restored chain (after the
"restored to entry #N" entry), so a restore never silently brings back an
erased record, a removed user, a demoted role or an old passphrase.

- An erasure is made again (with its tombstone, naming the entry of the
  replaced chain that made it) for a record the backup holds from before it;
  a legal hold the backup still shows does not stop it.
- A user the replaced vault removed (or never had) is removed again, and
  their slot goes.
- A role the replaced vault changed is changed again.
- A user whose slot key changed since (a passphrase change, a reset) gets
  the replaced vault's slot and signing identity, when its database could
  be read; otherwise their slot is dropped, and the governor resets them.
- The restoring governor's own keys are changed to a fresh pair under their
  current passphrase, when they changed since the backup.

Nothing is carried forward for users added after the backup (they are named,
for the governor to add again) or for restrictions decided since. Runs in
the restore's scratch copy, before anything is replaced.
"""

from __future__ import annotations

from console.audit import chain as audit
from console.audit import unlock
from console.lawful import retention
from console.records import users
from console.storage import identities
from console.storage.identity import cert_fingerprint
from console.i18n import _, ngettext


def carry_forward(v, standing, backup_passphrase: str, current_passphrase: str) -> list[str]:
    """Re-apply what the replaced vault decided after the backup (see above);
    returns one sentence per kind of change, for the restore's result."""
    said: list[str] = []
    erased = _erasures(v, standing)
    if erased:
        said.append(ngettext("{erased} record erased since the backup was erased again.",
                             "{erased} records erased since the backup were erased again.",
                             erased).format(erased=erased))
    mine, cur, me = unlock.current(v), standing.state, v.user.name
    removed, roles, keys, dropped = [], [], [], []
    for name, m in sorted(mine.active().items()):
        c = cur.member(name)
        if name == me:
            continue
        if c is None or not c.active:
            _remove(v, name, c.role_seq if c is not None else None)
            removed.append(name)
            continue
        if c.role != m.role:
            users.set_role(v, name, c.role)
            roles.append(name)
        if cur.attested and c.slot and c.slot != m.slot:
            (keys if _carry_slot(v, standing, name) else dropped).append(name)
    if removed:
        said.append(_("Removed again, as in the replaced vault: ") + ", ".join(removed) + ".")
    if roles:
        said.append(_("Roles changed again, as in the replaced vault: ") + ", ".join(roles) + ".")
    if keys:
        said.append(_("Passphrases changed since the backup stay changed: ") + ", ".join(keys)
                    + ".")
    if dropped:
        said.append(_("These users changed their passphrase after the backup and could not be "
                      "given their new one; reset them: ") + ", ".join(dropped) + ".")
    mine = unlock.current(v)
    added = sorted(n for n in cur.active() if n not in mine.active())
    if added:
        said.append(_("Added after the backup, and not in it; add them again: ")
                    + ", ".join(added) + ".")
    own = cur.member(me)
    if cur.attested and own is not None and own.slot != mine.member(me).slot:
        users.change_passphrase(v, backup_passphrase, current_passphrase)
        said.append(_("Your own passphrase is the one you use today."))
    return said


def _erasures(v, standing) -> int:
    count = 0
    for ref, seq in sorted(standing.erased.items(), key=lambda item: item[1]):
        created = v.query("SELECT max(seq) FROM audit WHERE entity = 'subject' AND "
                          "entity_id = ? AND action = 'subject.create'", (ref,))[0][0]
        held = v.query("SELECT 1 FROM subjects WHERE ref = ?", (ref,))
        if held and created is not None and created < seq:
            retention.erase(v, ref, _("Erased in entry #{seq} of the vault this restore "
                                      "replaced; erased again on restoring a backup made before "
                                      "it.").format(seq=seq),
                            carried_from=seq)
            count += 1
    return count


def _remove(v, name: str, removed_in: int | None) -> None:
    with v.write():
        v.conn.execute("UPDATE users SET active = 0 WHERE name = ?", (name,))
        audit.append(v, "user.remove", "user", name,
                     after={"rotated_key": True, "carried_from": removed_in})
    v.slots.users.pop(name, None)


def _fingerprint(cert_pem) -> str | None:
    """The fingerprint of a certificate row as stored (None if unreadable):
    the row's own fingerprint column is not trusted."""
    try:
        return cert_fingerprint(str(cert_pem).encode())
    except ValueError:
        return None


def _carry_slot(v, standing, name: str) -> bool:
    """Give ``name`` the replaced vault's slot and identity; False (their
    slot dropped) when those could not be read."""
    c = standing.state.member(name)
    slot = standing.slots.users.get(name) or {}
    row = standing.identities.get(name)
    if slot.get("public") != c.slot or row is None or _fingerprint(row[0]) != c.fingerprint:
        v.slots.users.pop(name, None)
        return False
    cert_pem, nonce, ct, _stored, created_at = row
    fingerprint = c.fingerprint
    old = unlock.current(v).member(name)
    with v.write():
        if old.fingerprint != fingerprint:
            identities.retire(v.conn, name)
        v.conn.execute(
            "INSERT INTO identities(user, cert_pem, key_nonce, key_ct, fingerprint, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user) DO UPDATE SET cert_pem = "
            "excluded.cert_pem, key_nonce = excluded.key_nonce, key_ct = excluded.key_ct, "
            "fingerprint = excluded.fingerprint, created_at = excluded.created_at",
            (name, cert_pem, nonce, ct, fingerprint, created_at))
        audit.append(v, "user.reset", "user", name,
                     after={"fingerprint": fingerprint, "cert": cert_pem, "slot": c.slot,
                            "carried_from": c.cert_seq})
    kept = {k: slot[k] for k in ("public", "passphrase")}
    if v.slots.users.get(name, {}).get("default"):
        kept["default"] = True
    v.slots.users[name] = kept
    v.slots.wrap_data_key(name, v.data_key())
    return True
