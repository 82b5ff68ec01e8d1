"""Key slots only for users and keys the chain knows.

Whoever holds the data key can add a slot to ``keyslots.json`` (for nobody,
or for a user under a key of their own) and so keep a way in. On every
governor unlock and on every rotation of the data key, a slot whose user is
not active in the verified chain, or whose public key is not the one the
chain gave that user, is dropped with a ``slot.drop`` entry, and the data key
is rotated (whoever planted the slot knew the key). Rotation rewraps the new
key only to the slots the chain lists.

Before a legacy vault is attested the chain holds no slot keys: nothing is
dropped then but the slots of users the chain says were removed.

A passphrase change cut short leaves a slot's new half (``next``) beside the
old one; every unlock settles it from the chain: the half the chain lists
stays, the other goes. The signed-in user must have unlocked the half the
chain lists: an old passphrase after a change, or a slot swapped in under
their name, opens nothing.
"""

from __future__ import annotations

from console.audit import chain
from console.audit.authority import State
from console.errors import VaultDamaged, WrongPassphrase
from console.i18n import _


def strangers(state: State, slots) -> dict[str, str]:
    """Slots the chain does not list: name -> why."""
    out = {}
    for name, slot in slots.users.items():
        m = state.member(name)
        if m is None:
            out[name] = _("no user of that name in the chain")
        elif not m.active:
            out[name] = _("removed in entry #{role_seq}").format(role_seq=m.role_seq)
        elif state.attested and m.slot is not None and slot.get("public") != m.slot:
            out[name] = _("not the key entry #{role_seq} gave {name}").format(
                          role_seq=m.role_seq, name=name)
        elif state.attested and m.slot is None:
            out[name] = _("the chain holds no key for this user")
    return out


def drop_strangers(vault, state: State) -> list[str]:
    """Drop the slots the chain does not list (never the signed-in user's
    own), record each in the chain, and rotate the data key. Returns the
    names dropped."""
    found = {n: why for n, why in strangers(state, vault.slots).items()
             if n != vault.user.name}
    if not found:
        return []
    with vault.write():
        for name, why in sorted(found.items()):
            chain.append(vault, "slot.drop", "slot", name, after={"reason": why})
    for name in found:
        vault.slots.users.pop(name, None)
    vault.rotate_data_key()
    return sorted(found)


def rotate(vault, state: State) -> None:
    """Rotate the data key, rewrapping it only to the slots the chain lists."""
    if drop_strangers(vault, state):
        return  # dropping rotated already
    vault.rotate_data_key()


def settle_changes(vault, state: State) -> None:
    """Passphrase changes cut short, settled from the chain (see above)."""
    me, slots = vault.user.name, vault.slots
    m = state.member(me)
    mine = slots.public_of(vault.user_secret())
    if state.attested and m is not None and m.slot is not None and mine != m.slot:
        if mine == slots.users.get(me, {}).get("public") and slots.pending_public(me) == m.slot:
            raise WrongPassphrase(_("Your passphrase was changed; sign in with the new one."))
        if mine == slots.pending_public(me):
            raise WrongPassphrase(_("Your last passphrase change did not finish, so your "
                                    "previous passphrase still applies; sign in with it, then "
                                    "change it again."))
        raise VaultDamaged(_("Your key slot is not the one the signed chain gives you: it was "
                             "replaced outside the console, so nothing was opened. Ask the "
                             "governor to reset your account."))
    changed = False
    for name in list(slots.users):
        pending, member = slots.pending_public(name), state.member(name)
        if pending is None or member is None or member.slot is None:
            continue
        if member.slot == pending:
            slots.finish_change(name)
        elif member.slot == slots.users[name].get("public"):
            slots.abandon_change(name)
        else:
            continue
        changed = True
    if changed:
        vault.save_slots()
