"""Bringing a vault made before authority lived in the chain under it.

Such a vault's chain already names every user's role and certificate (its
``user.add``, ``user.reset`` and ``identity.replace`` entries always did), so
its roles are replayed from the chain from the start. What it lacks, each
user's key-slot public key, staff number and the vault's settings, is
attested once, in an ``authority.attest`` entry signed by the founding
governor: the holder of the certificate that signed the chain's first entry,
as the chain has carried it since (never whoever the ``users`` rows call a
governor). Only if the founder has been removed, in the chain, may another
governor the chain made attest instead.

The founder proves who they are by unlocking: their signing key must be the
one the chain gives them. Settings found outside their limits are attested
at their defaults, and slots the chain does not know are dropped afterwards
(``slot_check``) like any other.
"""

from __future__ import annotations

import json

from console.audit import chain
from console.audit.authority import State
from console.audit.limits import KNOWN, check_setting
from console.storage import settings


def attester(state: State) -> set[str]:
    """Who may attest this vault now."""
    founder = state.member(state.founder)
    if founder is not None and founder.active:
        return {state.founder}
    return {n for n, m in state.active().items() if m.role == "governor"}


def can_attest(vault, state: State) -> bool:
    m = state.member(vault.user.name)
    return (not state.attested and vault.user.name in attester(state) and m is not None
            and vault.identity().fingerprint == m.fingerprint)


def attest(vault, state: State) -> None:
    """Append the attestation (the caller replays it into the state)."""
    conn = vault.conn
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT name, display_name, staff_number FROM users")}
    certs = {}
    for user, pem in conn.execute("SELECT user, cert_pem FROM identities UNION ALL "
                                  "SELECT user, cert_pem FROM retired_certs"):
        from console.storage.identity import cert_fingerprint
        certs[cert_fingerprint(pem.encode())] = pem
    users = {}
    for name, m in sorted(state.active().items()):
        display, staff = rows.get(name, (m.display_name, ""))
        item = {"role": m.role, "fingerprint": m.fingerprint,
                "slot": vault.slots.users.get(name, {}).get("public"),
                "staff_number": staff or "", "display_name": display or name}
        if m.fingerprint in certs:
            item["cert"] = certs[m.fingerprint]
        users[name] = item
    found = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    chosen = {}
    for key in sorted(KNOWN):
        value = found.get(key, settings.DEFAULT_SETTINGS.get(key))
        if value is None:
            continue
        if check_setting(key, value):
            value = settings.DEFAULT_SETTINGS.get(key)
            if value is None:
                continue
        chosen[key] = value
    with vault.write():
        for key, value in chosen.items():
            if found.get(key) != value:
                settings.write(conn, key, value)
        chain.append(vault, "authority.attest", "vault", state.vault_id,
                     after={"users": users, "settings": chosen})
