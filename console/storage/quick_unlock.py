"""Quick unlock: a user's key slot also wrapped by a secret in the OS keychain.

The secret lives in the keychain (Windows Credential Manager, macOS Keychain,
Secret Service on Linux) through ``keyring``; the vault only holds the slot it
unlocks. Where no keychain exists, ``availability()`` says why and the vault
works with passphrases alone.
"""

from __future__ import annotations

import secrets

import keyring
import keyring.errors

from console.errors import QuickUnlockUnavailable, WrongPassphrase

SERVICE = "Governor's Console quick unlock"


def _account(vault_id: str, user: str) -> str:
    return f"{vault_id}:{user}"


def availability() -> tuple[bool, str]:
    """(available, reason). The reason is a sentence for the settings page."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # keyring raises many things when misconfigured
        return False, "Quick unlock is off: no system keychain could be reached."
    name = type(backend).__module__ + "." + type(backend).__name__
    if "fail" in name.lower() or "null" in name.lower() or getattr(backend, "priority", 1) <= 0:
        return False, ("Quick unlock is off: this computer has no system keychain, so the "
                       "console uses passphrases only.")
    return True, "Quick unlock can use this computer's keychain."


def enable(vault) -> None:
    ok, why = availability()
    if not ok:
        raise QuickUnlockUnavailable(why)
    secret = secrets.token_bytes(32)
    try:
        keyring.set_password(SERVICE, _account(vault.vault_id, vault.user.name), secret.hex())
    except keyring.errors.KeyringError:
        raise QuickUnlockUnavailable("Quick unlock could not be saved in this computer's "
                                     "keychain; use the passphrase.") from None
    vault.slots.set_quick(vault.user.name, vault.user_secret(), secret)
    vault.save_slots()


def disable(vault) -> None:
    vault.slots.clear_quick(vault.user.name)
    vault.save_slots()
    try:
        keyring.delete_password(SERVICE, _account(vault.vault_id, vault.user.name))
    except keyring.errors.KeyringError:
        pass


def user_secret(slots, user: str) -> bytes:
    """The user secret via the keychain, or WrongPassphrase to fall back."""
    if not slots.has_quick(user):
        raise WrongPassphrase("Quick unlock is not set up for this user on this computer; "
                              "use the passphrase.")
    try:
        stored = keyring.get_password(SERVICE, _account(slots.vault_id, user))
    except keyring.errors.KeyringError:
        stored = None
    if not stored:
        raise WrongPassphrase("Quick unlock is not set up for this user on this computer; "
                              "use the passphrase.")
    return slots.user_secret_from_quick(user, bytes.fromhex(stored))
