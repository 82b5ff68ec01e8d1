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
"""

from __future__ import annotations

from console.audit import chain
from console.audit.authority import State


def strangers(state: State, slots) -> dict[str, str]:
    """Slots the chain does not list: name -> why."""
    out = {}
    for name, slot in slots.users.items():
        m = state.member(name)
        if m is None:
            out[name] = "no user of that name in the chain"
        elif not m.active:
            out[name] = f"removed in entry #{m.role_seq}"
        elif state.attested and m.slot is not None and slot.get("public") != m.slot:
            out[name] = f"not the key entry #{m.role_seq} gave {name}"
        elif state.attested and m.slot is None:
            out[name] = "the chain holds no key for this user"
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
