"""Creating a vault: the storage room makes the folder, slots and tables; the
chain's first entry, signed by the founding governor, is written here in
the same transaction. It carries the authority every later entry is checked
against: the vault's id, the establishment, the founding governor with their
certificate and key slot's public key, and the vault's first settings."""

from __future__ import annotations

from pathlib import Path

from console.audit import chain, sealing_keys
from console.audit.authority import FULLTEXT, GENESIS_FORMAT
from console.audit.limits import check_setting
from console.errors import ValidationError
from console.storage import settings
from console.storage.keyslots import KdfParams
from console.storage.vault import Vault
from console.i18n import _


def create_vault(folder: Path | str, user: str, passphrase: str, establishment: str,
                 display_name: str | None = None, job_title: str = "Governor",
                 kdf: KdfParams | None = None, migrate_to: str | None = None,
                 staff_number: str = "") -> Vault:
    """A new vault with ``user`` as its founding governor, unlocked."""
    if check_setting("establishment", establishment):
        raise ValidationError(_("The establishment's name must be 1 to 300 characters."))

    def founding(vault: Vault) -> None:
        ident = vault.identity()
        slot = vault.slots.users[user]["public"]
        after = {
            "format": GENESIS_FORMAT, "establishment": establishment, "governor": user,
            "display_name": vault.user.display_name, "cert": ident.cert_pem.decode(),
            "fingerprint": ident.fingerprint, "slot": slot, "staff_number": staff_number,
            "settings": dict(settings.DEFAULT_SETTINGS, establishment=establishment)}
        # The key that seals reports' full text, from the first entry on
        # (a vault created at an older schema gets it in a later session).
        key = sealing_keys.new_key() if sealing_keys.has_tables(vault.conn) else None
        if key is not None:
            after["fulltext"] = {"version": 1, "commitment": sealing_keys.commitment(
                vault.vault_id, FULLTEXT, 1, key)}
        chain.append(vault, "vault.create", "vault", vault.vault_id, after=after)
        if key is not None:
            sealing_keys.wrap(vault.conn, vault.vault_id, user, slot, {FULLTEXT: (1, key)})

    vault = Vault.create(folder, user, passphrase, establishment, display_name, job_title,
                         kdf=kdf, migrate_to=migrate_to, founding=founding,
                         staff_number=staff_number)
    from console.audit import unlock
    unlock.after_create(vault)
    return vault
