"""What a restore learns from the vault it is about to replace: who its
governors are, which users it removed, which records it erased, which slot
keys it gives, its head, and its identity, as far as its signed chain (or,
when its database cannot be read, the restorer's own sealed record of it)
can vouch for them.

Rules:
- The person restoring must open *their own* key slot in the vault being
  replaced, with their current passphrase, and that vault's chain must list
  them as an active governor with that slot's key: a governor it removed,
  someone knowing only an old passphrase, or a slot planted under a
  governor's name cannot restore over it.
- Its chain is replayed in full; a chain broken at entry N vouches for the
  entries before N only, and a chain shorter than the head sealed in the
  restorer's slot (cut since they last signed in) gives way to that sealed
  state. When the database is missing, or opens with the restorer's key but
  cannot be read, the sealed state stands in for it, and the restore says
  so.
- A database the restorer's slot key does not open at all is refused: the
  slot may be one kept from before a key rotation (a removed governor's),
  and nothing could be checked. So is a vault whose slot file is unreadable.
  A new folder is always possible.

Reads under the vault's lock, which the restore holds throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from console.audit import replay, seal
from console.audit.authority import GOVERNOR, State
from console.errors import (
    ConsoleError,
    UnknownUser,
    ValidationError,
    VaultDamaged,
    WrongPassphrase,
)
from console.storage import keyslots
from console.storage.layout import DB_FILE
from console.storage.vault import Vault
from console.i18n import N_, _

MIN_DATABASE = 4096   # one SQLCipher page: anything shorter holds nothing to read
NOT_OPENED = (N_("Your key slot in the vault in that folder does not open its database: the "
                "database is damaged at its start, or the vault's key was changed after your "
                "slot was written (as when a user is removed). Nothing can be checked, so "
                "nothing was changed; restore into a new folder instead."))

UNREADABLE = (N_("The vault in that folder cannot be read, and your key slot there does not hold "
                "a record of it, so the console cannot check that you are its governor or carry "
                "its erasures and removals forward; restore into a new folder instead (the files "
                "in this one stay as they are)."))


@dataclass
class Standing:
    """The vault being replaced, as far as it could be checked."""
    vault_id: str
    state: State
    secret: bytes                       # the restorer's current user secret
    slots: keyslots.SlotFile
    head: tuple[int, str] | None = None        # its chain's head, None if unread
    erased: dict[str, int] = field(default_factory=dict)   # ref -> erasure entry
    identities: dict[str, tuple] = field(default_factory=dict)   # user -> identity row
    briefings: tuple[str, ...] = ()     # references of the briefings it made
    note: str = ""                      # what could not be checked, for the result


def _refuse_unless_governor(state: State, user: str, slots, secret: bytes) -> None:
    m = state.member(user)
    if m is None or not m.active or m.role != GOVERNOR:
        when = " " + _("(entry #{seq})").format(seq=m.role_seq) if m is not None else ""
        raise ValidationError(_("The vault in that folder no longer lists you as one of its "
                                "governors{when}, so you cannot restore a backup over it; "
                                "nothing was changed.").format(when=when))
    if state.attested and m.slot is not None and m.slot != slots.public_of(secret):
        raise ValidationError(_("Your key slot in the vault in that folder is not the one its "
                                "signed chain gives you, so it was replaced outside the console; "
                                "nothing was changed."))


def read_standing(folder, user: str, passphrase: str, lock) -> Standing:
    """The standing of the vault in ``folder`` (see above), or the sentence
    why a restore over it is refused."""
    try:
        slots = keyslots.SlotFile.load(folder)
    except ConsoleError:
        raise ValidationError(_(UNREADABLE)) from None
    try:
        secret = slots.user_secret_from_passphrase(user, passphrase)
    except UnknownUser:
        raise ValidationError(_("You have no key slot in the vault in that folder (its governor "
                                "removed you, or you were never its user), so you cannot restore "
                                "a backup over it; nothing was changed.")) from None
    except WrongPassphrase:
        raise WrongPassphrase(_("That is not your current passphrase for the vault being "
                                "replaced; give the one you sign in with today.")) from None
    except ConsoleError:
        raise ValidationError(_(UNREADABLE)) from None
    db = Path(folder) / DB_FILE
    if not db.exists() or db.stat().st_size < MIN_DATABASE:
        standing = _from_seal(user, secret, slots)
    else:
        standing = _from_database(folder, user, secret, slots, lock)
    _refuse_unless_governor(standing.state, user, slots, secret)
    return standing


def _from_database(folder, user, secret, slots, lock) -> Standing:
    try:
        v = Vault.open(folder, user, user_secret=secret, migrate=False, trust_rows=False,
                       held_lock=lock)
    except VaultDamaged:
        raise ValidationError(_(NOT_OPENED)) from None
    try:
        with v.guard():
            report = replay.run(v.conn, rows=False)
            head = v.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC "
                                  "LIMIT 1").fetchone()
            rows = {r[0]: tuple(r[1:]) for r in v.conn.execute(
                "SELECT user, cert_pem, key_nonce, key_ct, fingerprint, created_at "
                "FROM identities")}
            made = tuple(r[0] for r in v.conn.execute("SELECT reference FROM briefings"))
            sealed = _sealed(user, secret, slots)
            cut = sealed is not None and (sealed.seq > report.state.seq or v.conn.execute(
                "SELECT hash FROM audit WHERE seq = ?", (sealed.seq,)).fetchone()
                != (sealed.hash,))
    except ConsoleError:
        v.close()   # opened with the restorer's key, but damaged: what they sealed stands
        return _from_seal(user, secret, slots)
    finally:
        v.close()
    state, note = report.state, ""
    me = state.member(user)
    if sealed is None and me is not None and me.sealed:
        note = (_("Your key slot in the replaced vault no longer held the record of the chain "
                  "you last verified (it was removed), so entries cut from its chain since could "
                  "not be seen."))
    if cut and sealed.state is not None:
        state = sealed.state
        note = (_("The replaced vault's chain no longer holds entry #{seq} as you last saw it; "
                  "what you had verified was carried forward instead.").format(seq=sealed.seq))
    elif not report.intact:
        note = (_("The replaced vault's chain is broken at entry {first_bad}; only what it "
                  "recorded before that entry was carried forward.").format(
                  first_bad=report.first_bad))
    if not state.vault_id:
        raise ValidationError(_(UNREADABLE))
    return Standing(state.vault_id, state, secret, slots, head=tuple(head) if head else None,
                    erased=dict(state.erased), identities=rows, note=note, briefings=made)


def _sealed(user, secret, slots):
    try:
        return seal.read(slots, user, secret)
    except ConsoleError:
        return None


def _from_seal(user, secret, slots) -> Standing:
    sealed = _sealed(user, secret, slots)
    state = sealed.state if sealed is not None else None
    if state is None or not state.vault_id:
        raise ValidationError(_(UNREADABLE))
    note = (_("The replaced vault's database could not be read; what you had verified of it (up "
              "to entry #{seq}) was carried forward, and nothing written after that could be "
              "checked.").format(seq=state.seq))
    return Standing(state.vault_id, state, secret, slots, erased=dict(state.erased), note=note)
