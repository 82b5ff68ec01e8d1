"""The ``identities`` table: each user's certificate, and their signing key
encrypted under a key only their own user secret gives (so a colleague who
can open the vault still cannot sign as them)."""

from __future__ import annotations

import secrets

from console.clock import now_iso
from console.errors import VaultDamaged
from console.storage import keyslots
from console.storage.identity import Identity
from console.i18n import _


def _aad(vault_id: str, user: str) -> bytes:
    return f"{vault_id}\x00{user}\x00identity".encode()


def store(conn, vault_id: str, user: str, user_secret: bytes, ident: Identity) -> None:
    """Write (or replace) ``user``'s identity, its key sealed to their secret."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    nonce = secrets.token_bytes(12)
    ct = AESGCM(keyslots.identity_key(user_secret)).encrypt(nonce, ident.key_pem,
                                                             _aad(vault_id, user))
    conn.execute(
        "INSERT INTO identities(user, cert_pem, key_nonce, key_ct, fingerprint, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user) DO UPDATE SET cert_pem = "
        "excluded.cert_pem, key_nonce = excluded.key_nonce, key_ct = excluded.key_ct, "
        "fingerprint = excluded.fingerprint, created_at = excluded.created_at",
        (user, ident.cert_pem.decode(), nonce, ct, ident.fingerprint, now_iso()))


def load(conn, vault_id: str, user: str, user_secret: bytes) -> Identity:
    """``user``'s identity with its private key decrypted."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    row = conn.execute("SELECT cert_pem, key_nonce, key_ct FROM identities WHERE user = ?",
                       (user,)).fetchone()
    if row is None:
        raise VaultDamaged(_("Your signing identity is missing from the vault; ask the governor "
                             "to reset your account."))
    cert, nonce, ct = row
    try:
        key = AESGCM(keyslots.identity_key(user_secret)).decrypt(nonce, ct,
                                                                  _aad(vault_id, user))
    except InvalidTag:
        raise VaultDamaged(_("Your signing identity cannot be decrypted; ask the governor to "
                             "reset your account.")) from None
    return Identity(key, cert.encode())


def retire(conn, user: str) -> None:
    """Keep ``user``'s current certificate so their past entries still verify."""
    conn.execute("INSERT INTO retired_certs(user, cert_pem, retired_at) SELECT user, "
                 "cert_pem, ? FROM identities WHERE user = ?", (now_iso(), user))
