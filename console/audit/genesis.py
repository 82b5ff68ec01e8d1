"""Creating a vault: the storage room makes the folder, slots and tables; the
chain's first entry, signed by the founding governor, is written here in
the same transaction."""

from __future__ import annotations

from pathlib import Path

from console.audit import chain
from console.storage.keyslots import KdfParams
from console.storage.vault import Vault


def create_vault(folder: Path | str, user: str, passphrase: str, establishment: str,
                 display_name: str | None = None, job_title: str = "Governor",
                 kdf: KdfParams | None = None, migrate_to: str | None = None) -> Vault:
    """A new vault with ``user`` as its founding governor, unlocked."""

    def founding(vault: Vault) -> None:
        chain.append(vault, "vault.create", "vault", vault.vault_id,
                     after={"establishment": establishment, "governor": user})

    return Vault.create(folder, user, passphrase, establishment, display_name, job_title,
                        kdf=kdf, migrate_to=migrate_to, founding=founding)
