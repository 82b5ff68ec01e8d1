"""Quick unlock: a user's key slot also wrapped by a secret in the OS keychain.

The secret lives in the system keychain through ``keyring``; the vault only
holds the slot it unlocks. Only the keychains the operating systems protect
are used, by name (``SYSTEM_KEYCHAINS``): Windows Credential Manager, the
macOS Keychain, Secret Service and KWallet. Any other keyring backend (a
plaintext or "encrypted" file from keyrings.alt, a null or failing one)
would keep the secret beside the vault or nowhere, so with one of those, or
with none, ``availability()`` says why and the vault works with passphrases
alone. Where keyring chains several backends, the secret goes to a system
keychain among them, never to the others.
"""

from __future__ import annotations

import secrets

import keyring
import keyring.errors

from console.errors import QuickUnlockUnavailable, WrongPassphrase
from console.i18n import N_, _

SERVICE = "Governor's Console quick unlock"

# keyring backend classes (module.qualname, exact: no subclasses) -> what they are.
SYSTEM_KEYCHAINS = {
    "keyring.backends.Windows.WinVaultKeyring": N_("Windows Credential Manager"),
    "keyring.backends.macOS.Keyring": N_("the macOS Keychain"),
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
}

_NOT_TRUSTED = (N_("Quick unlock is off: this computer's keyring is not a system keychain "
                  "(Windows Credential Manager, the macOS Keychain, Secret Service or KWallet), "
                  "so the console uses passphrases only."))


def _account(vault_id: str, user: str) -> str:
    return f"{vault_id}:{user}"


def _qualified_name(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _system_keychain(chosen):
    """The system keychain among what keyring chose, or None."""
    from keyring.backends.chainer import ChainerBackend
    candidates = list(chosen.backends) if isinstance(chosen, ChainerBackend) else [chosen]
    for backend in candidates:
        if _qualified_name(backend) in SYSTEM_KEYCHAINS and getattr(backend, "priority", 0) > 0:
            return backend
    return None


def _keychain():
    """(backend, None) for a usable system keychain, else (None, reason)."""
    try:
        chosen = keyring.get_keyring()
        backend = _system_keychain(chosen)
    except Exception:  # keyring raises many things when misconfigured
        return None, _("Quick unlock is off: no system keychain could be reached.")
    if backend is not None:
        return backend, None
    name = _qualified_name(chosen).lower()
    if "fail" in name or "null" in name or getattr(chosen, "priority", 1) <= 0:
        return None, (_("Quick unlock is off: this computer has no system keychain, so the "
                        "console uses passphrases only."))
    return None, _(_NOT_TRUSTED)


def availability() -> tuple[bool, str]:
    """(available, reason). The reason is a sentence for the settings page."""
    backend, why = _keychain()
    if backend is None:
        return False, why
    what = _(SYSTEM_KEYCHAINS[_qualified_name(backend)])
    return True, _("Quick unlock can use this computer's keychain ({what}).").format(what=what)


def enable(vault) -> None:
    backend, why = _keychain()
    if backend is None:
        raise QuickUnlockUnavailable(why)
    secret = secrets.token_bytes(32)
    try:
        backend.set_password(SERVICE, _account(vault.vault_id, vault.user.name), secret.hex())
    except keyring.errors.KeyringError:
        raise QuickUnlockUnavailable(_("Quick unlock could not be saved in this computer's "
                                       "keychain; use the passphrase.")) from None
    vault.slots.set_quick(vault.user.name, vault.user_secret(), secret)
    vault.save_slots()


def disable(vault) -> None:
    vault.slots.clear_quick(vault.user.name)
    vault.save_slots()
    forget(vault.vault_id, vault.user.name)


def forget(vault_id: str, user: str) -> None:
    """Delete the keychain's secret for ``user`` (nothing if there is none)."""
    backend, _why = _keychain()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(vault_id, user))
    except keyring.errors.KeyringError:
        pass


def user_secret(slots, user: str) -> bytes:
    """The user secret via the keychain, or WrongPassphrase to fall back."""
    if not slots.has_quick(user):
        raise WrongPassphrase(_("Quick unlock is not set up for this user on this computer; use "
                                "the passphrase."))
    backend, _why = _keychain()
    try:
        stored = backend.get_password(SERVICE, _account(slots.vault_id, user)) if backend else None
    except keyring.errors.KeyringError:
        stored = None
    if not stored:
        raise WrongPassphrase(_("Quick unlock is not set up for this user on this computer; use "
                                "the passphrase."))
    return slots.user_secret_from_quick(user, bytes.fromhex(stored))
