"""Unlocking through the chain: the console's one way into a vault.

``open_vault`` opens the database (``Vault.open``), then, before anything is
shown:

1. reads the head this user last verified, sealed in their own key slot
   (``seal``; or this computer's copy of that seal, if it is newer), checks
   the chain still holds it, and replays only the entries after it from the
   authority sealed with it. A head no longer in the chain
   is refused in one sentence (``ChainRewound``) unless a governor's
   "restored to entry #N" entry explains it; a broken entry is refused
   naming it (``ChainBroken``). With no seal, the whole chain is replayed.
2. takes the user's role, staff number and standing from the chain, never
   from the ``users`` row; a user the chain removed cannot get in.
3. compares the rows that carry authority with the chain (``consistency``);
   disagreements are kept in ``vault.findings`` for the console to show.
4. on a vault from before, lets the founding governor attest it (``attest``);
5. on a governor's unlock, drops key slots the chain does not list and
   rotates the data key (``slot_check``);
6. seals the verified head and its authority in the user's slot (again at
   lock and close, with the session's own entries).

The whole chain is replayed afterwards, in the background (``background``),
and by ``audit-verify`` and ``check``.
"""

from __future__ import annotations

from console.audit import attest, backup_ledger, consistency, replay, seal, slot_check
from console.audit.authority import State
from console.audit.current import RESTORE_HINT, intact, now
from console.clock import now_iso
from console.errors import ChainBroken, ChainRewound, ConsoleError, UnknownUser, VaultDamaged
from console.storage.accounts import User
from console.storage.vault import Vault
from console.i18n import _, ngettext



def open_vault(folder, user: str | None = None, passphrase: str | None = None, *,
               user_secret: bytes | None = None, migrate: bool = True,
               use_copy: bool = True) -> Vault:
    """Unlock ``folder`` for ``user`` and check the chain as above.
    ``use_copy=False`` leaves out this computer's copy of the user's seal
    (only a restore does, before it records itself in the chain)."""
    vault = Vault.open(folder, user, passphrase, user_secret=user_secret, migrate=migrate,
                       trust_rows=False)
    try:
        settle(vault, use_copy)
        if passphrase is not None:
            stamp_quick(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def stamp_quick(vault: Vault) -> None:
    """The user has just typed their passphrase: seal the time in their slot,
    so quick unlock (``quick``) works again for a while."""
    if vault.slots.has_quick(vault.user.name):
        vault.slots.stamp_quick(vault.user.name, vault.user_secret(), now_iso())
        try:
            vault.save_slots()
        except ConsoleError:
            pass  # a full disk: quick unlock asks for the passphrase sooner, nothing else


def after_create(vault: Vault) -> None:
    """A new vault: its founder's authority and first seal."""
    with vault.guard():
        report = replay.run(vault.conn, rows=False)
    vault.authority = report.state
    backup_ledger.install(vault)
    _seal(vault, report.state)
    vault.closing.append(lambda: seal_now(vault))


# -- 1. the verified state --------------------------------------------------------------

def _sealed_head(vault: Vault, use_copy: bool) -> seal.Sealed | None:
    """The newer of the seal in the user's slot and this computer's copy of
    it; what is wrong with the slot's is noted in ``vault.findings``."""
    name = vault.user.name
    try:
        sealed = seal.read(vault.slots, name, vault.user_secret())
    except VaultDamaged:
        sealed = None
        vault.findings.append((0, _("{name}'s key slot held a record of the chain that no longer "
                                    "opens: it was altered.").format(name=name)))
    copy = seal.read_copy(vault.slots, name, vault.user_secret()) if use_copy else None
    if copy is not None and sealed is not None and copy.seq > sealed.seq:
        vault.findings.append((sealed.seq, _("{name}'s key slot holds an older record of the "
                                             "chain than the copy this computer keeps: an older "
                                             "slot file was put back.").format(name=name)))
    # What is already sealed, in the slot and in the copy: an unlock that finds
    # nothing new writes neither again.
    vault.sealed_seq = sealed.seq if sealed is not None and sealed.state is not None else -1
    vault.copied_seq = copy.seq if copy is not None else -1
    if copy is not None and (sealed is None or copy.seq > sealed.seq):
        if sealed is None and not vault.findings:
            vault.findings.append((0, _("{name}'s key slot no longer holds the record of the "
                                        "chain they last verified; this computer's copy of it "
                                        "was used.").format(name=name)))
        return copy
    return sealed


def verified_state(vault: Vault, use_copy: bool = True) -> State:
    conn = vault.conn
    sealed = _sealed_head(vault, use_copy)
    with vault.guard():
        if sealed is not None and sealed.state is not None:
            row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (sealed.seq,)).fetchone()
            if row and row[0] == sealed.hash and sealed.state.head == sealed.hash:
                return intact(replay.run(conn, start=sealed.state, rows=False)).state
        report = intact(replay.run(conn, rows=False))
    vault.sealed_seq = -1    # replayed in full: seal what was verified, whatever came before
    me = report.state.member(vault.user.name)
    if sealed is None:
        if me is not None and me.sealed and not vault.findings:
            vault.findings.append((0, _("{name}'s key slot no longer holds the record of the "
                                        "chain they last verified: it was removed, which could "
                                        "hide entries removed since.").format(name=vault.user.name)))
        return report.state
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (sealed.seq,)).fetchone()
    if row and row[0] == sealed.hash:
        return report.state   # sealed by another format of the state: replayed in full
    restored = [r for r in report.restores if r.explains(sealed.seq)]
    when = sealed.at[:10]
    if not restored:
        raise ChainRewound(_("Entries after #{parting} were removed or changed since you last "
                             "signed in on {when}; {RESTORE_HINT}.").format(
                             parting=seal.parting(conn, sealed), when=when,
                             RESTORE_HINT=_(RESTORE_HINT)))
    r = restored[-1]
    vault.notices.append(_("The vault was restored from a backup on {at} (entry #{seq}): entries "
                           "after #{restored_to} that you had seen on {when} are not in it.").format(
                           at=r.at[:10], seq=r.seq, restored_to=r.restored_to, when=when))
    return report.state


# -- 2 to 6 -------------------------------------------------------------------------------

def settle(vault: Vault, use_copy: bool = True) -> None:
    vault.findings = []
    state = verified_state(vault, use_copy)
    me = state.member(vault.user.name)
    if me is None or not me.active:
        raise UnknownUser(_("That user is no longer allowed into this vault."))
    vault.user = user_from_chain(vault, state)
    vault.authority = state
    if vault.user.role == "governor":
        with vault.guard():
            marked = replay.replica_marked(vault.conn)
        if marked:
            raise VaultDamaged(_("This vault is marked as a deputy's replica, which a "
                                 "governor's vault never is; nothing was opened. Restore the "
                                 "vault from a backup."))
    backup_ledger.install(vault)
    slot_check.settle_changes(vault, state)
    with vault.guard():
        vault.findings += consistency.findings(vault.conn, state)
    _own_identity(vault, state)
    if not state.attested:
        if attest.can_attest(vault, state):
            attest.attest(vault, state)
            state = current(vault)
            vault.notices.append(_("This vault's users, key slots and settings are now attested "
                                   "in its signed chain."))
        else:
            founder = state.founder
            vault.notices.append(
                _("This vault's users and key slots are not yet attested in its signed chain; "
                  "until its founding governor ({founder}) signs in, roles come from the chain "
                  "but planted key slots cannot be found.").format(founder=founder))
    if vault.user.role == "governor":
        dropped = slot_check.drop_strangers(vault, state)
        if dropped:
            state = current(vault)
            vault.notices.append(ngettext(
                "{n} key slot the chain does not list was removed and the vault's key was "
                "changed.",
                "{n} key slots the chain does not list were removed and the vault's key was "
                "changed.", len(dropped)).format(n=len(dropped)))
    if not state.users[vault.user.name].sealed:
        from console.audit import chain
        with vault.write():
            chain.append(vault, "user.sealed", "user", vault.user.name)
        state = current(vault)
    if state.seq != vault.sealed_seq:
        _seal(vault, state)
    elif vault.copied_seq != state.seq:
        seal.keep_copy(vault.slots, vault.user.name)
        vault.copied_seq = state.seq
    vault.closing.append(lambda: seal_now(vault))


def seal_now(vault: Vault) -> None:
    """Seal the head as it stands now, the session's own entries verified
    (on lock and close), so entries written in this session cannot later be
    cut from the chain unnoticed either."""
    if vault.closed:
        return
    state = current(vault)
    if state.seq != vault.sealed_seq:
        _seal(vault, state)


def _own_identity(vault: Vault, state: State) -> None:
    """The user's own signing key must be the one the chain's certificate for
    them holds: otherwise the entries about them were forged (a rewritten
    chain) and anything they sign would not verify. A certificate row swapped
    under a genuine key is put back from the chain."""
    m = state.users[vault.user.name]
    with vault.guard():
        pem = replay.certificate(vault.conn, m.fingerprint, m.cert_seq)
    if pem is None:
        return  # the tables lost it: the replay names that when it matters
    from console.storage import identities
    from console.storage.identity import Identity, public_key
    mine = vault.identity()
    if mine.private_key().public_key().public_numbers() != public_key(pem).public_numbers():
        raise ChainBroken(_("Your signing key is not the one the signed chain gives you (entry "
                            "#{cert_seq}), so its history may have been rewritten. Nothing was "
                            "opened; {RESTORE_HINT}.").format(
                            cert_seq=m.cert_seq, RESTORE_HINT=_(RESTORE_HINT)))
    if mine.cert_pem != pem:
        with vault.write():
            identities.store(vault.conn, vault.vault_id, vault.user.name, vault.user_secret(),
                             Identity(mine.key_pem, pem))
        vault.forget_identity()


def user_from_chain(vault: Vault, state: State) -> User:
    m = state.users[vault.user.name]
    row = vault.user if vault.user.active else None
    staff = m.staff_number if m.staff_number is not None else (row.staff_number if row else "")
    return User(vault.user.name, m.display_name, m.role, row.job_title if row else "",
                staff, True)


def _seal(vault: Vault, state: State) -> None:
    with vault.guard():
        seal.seal(vault.conn, vault.slots, vault.user.name, vault.user_secret(), state)
    try:
        vault.save_slots()
    except ConsoleError:
        return  # a full disk: the next unlock replays from the older seal
    seal.keep_copy(vault.slots, vault.user.name)
    vault.sealed_seq = vault.copied_seq = state.seq


# -- the authority now --------------------------------------------------------------------

def current(vault: Vault) -> State:
    """The authority at the chain's head now (see ``current.now``)."""
    return now(vault)


def seal_for(vault: Vault, name: str, user_secret: bytes) -> None:
    """Seal the current head in another user's new slot (the governor, who
    verified it, adding or resetting that user), in memory."""
    state = current(vault)
    with vault.guard():
        seal.seal(vault.conn, vault.slots, name, user_secret, state)
