"""Key slots: how each user's passphrase unlocks the vault's data key.

The database is encrypted under one random 256-bit *data key*. Each user has
a random 256-bit *user secret*, from which two keys are derived with HKDF:
an X25519 key pair (the data key is wrapped to its public half) and an
AES-256 key that encrypts the user's signing key inside the vault. The user
secret itself is wrapped with AES-256-GCM under a key derived from the
passphrase with Argon2id (salt and cost stored in the slot).

Wrapping the data key to each user's *public* key is what lets the governor
rotate the data key after removing a user without knowing anyone else's
passphrase: the new key is simply wrapped again to every remaining public key.

The slot file is JSON, written atomically (temp file, fsync, rename). A data
key rotation first writes the new slots beside the old ones as
``keyslots.pending.json``; ``Vault.open`` settles whichever set matches the
database, so a crash mid-rotation leaves one working set, never none.

A passphrase change gives the user a fresh user secret and key pair. The new
slot is first written beside the old one (the slot's ``next``), the vault
then records the new public key in its chain and rewraps the signing key,
and only then does ``next`` replace the slot. Either passphrase unlocks its
half in between; which one counts is the one the chain lists (settled by the
audit room on the next unlock).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from functools import cache

# The operating system's CSPRNG, which is what ``secrets.token_bytes`` calls;
# importing ``secrets`` would load OpenSSL's hashlib before the unlock page,
# which reads this module, can paint.
from os import urandom as random_bytes
from pathlib import Path
from types import SimpleNamespace

from console.errors import UnknownUser, VaultDamaged, WrongPassphrase
from console.storage.fileio import atomic_write_bytes
from console.i18n import _


@cache
def _c() -> SimpleNamespace:
    """The cryptography and Argon2 names, imported on first use: listing the
    users of a vault (the unlock page, before anything is typed) only reads
    JSON, and these imports cost tens of milliseconds at start-up."""
    from argon2.low_level import Type, hash_secret_raw  # noqa: F401
    from cryptography.exceptions import InvalidTag  # noqa: F401
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: F401
    from cryptography.hazmat.primitives.asymmetric.x25519 import (  # noqa: F401
        X25519PrivateKey, X25519PublicKey)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF  # noqa: F401
    return SimpleNamespace(**locals())


SLOTS_FILE = "keyslots.json"
PENDING_FILE = "keyslots.pending.json"
FORMAT = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes about 0.5 s and 256 MiB on a current
    office laptop; it is stored in every slot so stronger settings can be
    introduced later without breaking existing slots."""

    time_cost: int = 3
    memory_cost: int = 262_144  # KiB
    parallelism: int = 2

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return _c().hash_secret_raw(
            passphrase.encode("utf-8"), salt, self.time_cost, self.memory_cost,
            self.parallelism, 32, _c().Type.ID,
        )


DEFAULT_KDF = KdfParams()
# The weakest cost a slot is ever written with, or unlocked without being
# re-derived at the default cost. Nothing read from disk can lower it (the slot
# file's own ``kdf`` is raised to it when loaded); only a test fixture, in its
# own process, may lower it to keep the suite fast.
KDF_FLOOR = KdfParams()


def below_floor(kdf: KdfParams) -> bool:
    """True when ``kdf`` costs less time or memory than the floor."""
    return kdf.time_cost < KDF_FLOOR.time_cost or kdf.memory_cost < KDF_FLOOR.memory_cost


def beyond_reason(kdf: KdfParams) -> bool:
    """True for a cost no slot this program writes could have: deriving it
    would exhaust the machine's memory or time (a slot file edited to stop
    anyone unlocking)."""
    return (not 1 <= kdf.time_cost <= 64 or not 8 <= kdf.memory_cost <= 4 * 1024 * 1024
            or not 1 <= kdf.parallelism <= 64)


def at_least_floor(kdf: KdfParams | None) -> KdfParams:
    """``kdf`` itself, or the default when it is missing or below the floor."""
    if kdf is None or below_floor(kdf) or beyond_reason(kdf):
        return DEFAULT_KDF if not below_floor(DEFAULT_KDF) else KDF_FLOOR
    return kdf


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _hkdf(secret: bytes, info: bytes) -> bytes:
    c = _c()
    return c.HKDF(algorithm=c.hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def user_private_key(user_secret: bytes):
    return _c().X25519PrivateKey.from_private_bytes(_hkdf(user_secret, b"gc x25519"))


def identity_key(user_secret: bytes) -> bytes:
    """The AES key that encrypts this user's signing key inside the vault."""
    return _hkdf(user_secret, b"gc identity")


def _public_bytes(user_secret: bytes) -> bytes:
    return user_private_key(user_secret).public_key().public_bytes(
        _c().serialization.Encoding.Raw, _c().serialization.PublicFormat.Raw)


class SlotFile:
    """The parsed slot file. Mutating methods change memory only; call
    ``save()`` to write it."""

    def __init__(self, vault_id: str, users: dict | None = None, kdf: KdfParams | None = None):
        self.vault_id = vault_id
        self.users: dict[str, dict] = users or {}
        self.kdf = at_least_floor(kdf)

    # -- persistence -------------------------------------------------------
    @classmethod
    def load(cls, folder: Path, name: str = SLOTS_FILE) -> "SlotFile":
        path = Path(folder) / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultDamaged(
                _("The vault's key-slot file is missing, so nobody can unlock it; restore the "
                  "vault from a backup.")) from None
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "SlotFile":
        """A slot set from its JSON bytes (as ``to_bytes`` writes them)."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError
            kdf = KdfParams(**doc["kdf"])
            users = doc["users"]
            if not isinstance(users, dict):
                raise ValueError
            return cls(str(doc["vault_id"]), users, kdf)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise VaultDamaged(
                _("The vault's key-slot file is damaged; restore the vault from a backup.")) from None

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "vault_id": self.vault_id, "kdf": asdict(self.kdf),
               "users": self.users}
        return json.dumps(doc, indent=1, sort_keys=True).encode("utf-8")

    def save(self, folder: Path, name: str = SLOTS_FILE) -> None:
        atomic_write_bytes(Path(folder) / name, self.to_bytes())

    # -- slots -------------------------------------------------------------
    def _aad(self, user: str, kind: str) -> bytes:
        return f"{self.vault_id}\x00{user}\x00{kind}".encode("utf-8")

    def names(self) -> list[str]:
        return sorted(self.users)

    def _slot(self, user: str) -> dict:
        try:
            return self.users[user]
        except KeyError:
            raise UnknownUser(_("There is no user of that name in this vault.")) from None

    def add_user(self, user: str, passphrase: str, data_key: bytes,
                 kdf: KdfParams | None = None) -> bytes:
        """Create a slot; returns the new user's secret."""
        user_secret = random_bytes(32)
        self.users[user] = {"public": _b64(_public_bytes(user_secret))}
        self.set_passphrase(user, user_secret, passphrase, kdf)
        self.wrap_data_key(user, data_key)
        return user_secret

    def remove_user(self, user: str) -> None:
        self._slot(user)
        del self.users[user]

    def _passphrase_wrap(self, user: str, user_secret: bytes, passphrase: str,
                         kdf: KdfParams | None) -> dict:
        kdf = at_least_floor(kdf or self.kdf)
        salt = random_bytes(16)
        nonce = random_bytes(12)
        kek = kdf.derive(passphrase, salt)
        ct = _c().AESGCM(kek).encrypt(nonce, user_secret, self._aad(user, "passphrase"))
        return {"salt": _b64(salt), "nonce": _b64(nonce), "ct": _b64(ct), "kdf": asdict(kdf)}

    def set_passphrase(self, user: str, user_secret: bytes, passphrase: str,
                       kdf: KdfParams | None = None) -> None:
        """Rewrap the same user secret under another passphrase (a slot
        re-derived at a stronger cost; a passphrase *change* is
        ``begin_change``)."""
        self._slot(user)["passphrase"] = self._passphrase_wrap(user, user_secret, passphrase, kdf)

    def _data_key_wrap(self, user: str, public_b64: str, data_key: bytes) -> dict:
        public = _c().X25519PublicKey.from_public_bytes(_unb64(public_b64))
        eph = _c().X25519PrivateKey.generate()
        wrap = _hkdf(eph.exchange(public), self._aad(user, "data"))
        nonce = random_bytes(12)
        return {
            "eph": _b64(eph.public_key().public_bytes(
                _c().serialization.Encoding.Raw, _c().serialization.PublicFormat.Raw)),
            "nonce": _b64(nonce),
            "ct": _b64(_c().AESGCM(wrap).encrypt(nonce, data_key, self._aad(user, "data"))),
        }

    def wrap_data_key(self, user: str, data_key: bytes) -> None:
        slot = self._slot(user)
        slot["data_key"] = self._data_key_wrap(user, slot["public"], data_key)
        if isinstance(slot.get("next"), dict) and slot["next"].get("public"):
            slot["next"]["data_key"] = self._data_key_wrap(user, slot["next"]["public"],
                                                           data_key)

    def rewrap_all(self, data_key: bytes) -> None:
        for user in self.users:
            self.wrap_data_key(user, data_key)

    # -- a passphrase change: a new key pair beside the old until the chain has it ----
    def begin_change(self, user: str, new_secret: bytes, passphrase: str, data_key: bytes,
                     kdf: KdfParams | None = None) -> str:
        """Put the new secret's slot beside the user's current one (in
        memory); returns its public key (base64)."""
        public = _b64(_public_bytes(new_secret))
        self._slot(user)["next"] = {
            "public": public,
            "passphrase": self._passphrase_wrap(user, new_secret, passphrase, kdf),
            "data_key": self._data_key_wrap(user, public, data_key)}
        return public

    def pending_public(self, user: str) -> str | None:
        nxt = self.users.get(user, {}).get("next")
        return nxt.get("public") if isinstance(nxt, dict) else None

    def finish_change(self, user: str) -> None:
        """The new slot replaces the old: its passphrase, data key and seal;
        quick unlock, which wrapped the old secret, is dropped."""
        slot = self._slot(user)
        nxt = slot.pop("next")
        for key in ("passphrase", "data_key", "seal", "quick"):
            slot.pop(key, None)
        slot.update(nxt)

    def abandon_change(self, user: str) -> None:
        self._slot(user).pop("next", None)

    # -- unlocking -------------------------------------------------------------------------
    def _part(self, user: str, user_secret: bytes) -> dict:
        """The slot, or its pending ``next``, that ``user_secret`` belongs to."""
        slot = self._slot(user)
        mine = _b64(_public_bytes(user_secret))
        nxt = slot.get("next")
        if isinstance(nxt, dict) and nxt.get("public") == mine:
            return nxt
        return slot

    def public_of(self, user_secret: bytes) -> str:
        """The slot public key (base64) a user secret gives."""
        return _b64(_public_bytes(user_secret))

    def passphrase_kdf(self, user: str) -> KdfParams | None:
        """The cost this user's passphrase slot was written with (None if unreadable)."""
        try:
            return KdfParams(**self._slot(user)["passphrase"]["kdf"])
        except (KeyError, TypeError, ValueError):
            return None

    def _open_wrap(self, user: str, p: dict, passphrase: str) -> bytes:
        kdf = KdfParams(**p["kdf"])
        if beyond_reason(kdf):
            raise ValueError
        kek = kdf.derive(passphrase, _unb64(p["salt"]))
        return _c().AESGCM(kek).decrypt(_unb64(p["nonce"]), _unb64(p["ct"]),
                                   self._aad(user, "passphrase"))

    def user_secret_from_passphrase(self, user: str, passphrase: str) -> bytes:
        """The user secret the passphrase opens: the slot's, or that of a
        change not yet settled (``next``)."""
        slot = self._slot(user)
        try:
            return self._open_wrap(user, slot["passphrase"], passphrase)
        except _c().InvalidTag:
            nxt = slot.get("next")
            if isinstance(nxt, dict):
                try:
                    return self._open_wrap(user, nxt["passphrase"], passphrase)
                except (_c().InvalidTag, KeyError, TypeError, ValueError):
                    pass
            raise WrongPassphrase(_("That passphrase is not right for this user; check Caps Lock "
                                    "and try again.")) from None
        except (KeyError, TypeError, ValueError):
            raise VaultDamaged(_("This user's key slot is damaged; another user can reset it, or "
                                 "restore the vault from a backup.")) from None

    def data_key(self, user: str, user_secret: bytes) -> bytes:
        part = self._part(user, user_secret)
        try:
            d = part["data_key"]
            eph = _c().X25519PublicKey.from_public_bytes(_unb64(d["eph"]))
            wrap = _hkdf(user_private_key(user_secret).exchange(eph), self._aad(user, "data"))
            return _c().AESGCM(wrap).decrypt(_unb64(d["nonce"]), _unb64(d["ct"]),
                                        self._aad(user, "data"))
        except (_c().InvalidTag, KeyError, TypeError, ValueError):
            raise VaultDamaged(_("This user's key slot is damaged; another user can reset it, or "
                                 "restore the vault from a backup.")) from None

    # -- the sealed head ------------------------------------------------------
    # What the audit room sealed for this user (the chain head they last
    # verified, and the authority at it), under a key only their own secret
    # gives: a colleague holding the data key can delete it, not forge it.
    def set_sealed(self, user: str, user_secret: bytes, data: bytes) -> None:
        nonce = random_bytes(12)
        ct = _c().AESGCM(_hkdf(user_secret, b"gc seal")).encrypt(
            nonce, data, self._aad(user, "seal"))
        self._part(user, user_secret)["seal"] = {"nonce": _b64(nonce), "ct": _b64(ct)}

    def sealed(self, user: str, user_secret: bytes, s: dict | None = None) -> bytes | None:
        """The sealed bytes (of this slot, or of ``s``, a copy of a seal kept
        elsewhere), None if there are none; VaultDamaged if they were altered
        (they no longer open under this user's secret)."""
        s = self._part(user, user_secret).get("seal") if s is None else s
        if s is None:
            return None
        try:
            return _c().AESGCM(_hkdf(user_secret, b"gc seal")).decrypt(
                _unb64(s["nonce"]), _unb64(s["ct"]), self._aad(user, "seal"))
        except (_c().InvalidTag, KeyError, TypeError, ValueError):
            raise VaultDamaged(_("Your key slot's record of the chain was altered.")) from None

    # -- quick unlock --------------------------------------------------------
    # The keychain's secret wraps the user secret; beside it, under a key only
    # the user secret gives, the time the user last typed their passphrase
    # (so quick unlock can ask for it again after a while, and nobody holding
    # the data key can make that time later).
    def set_quick(self, user: str, user_secret: bytes, machine_secret: bytes) -> None:
        nonce = random_bytes(12)
        ct = _c().AESGCM(machine_secret).encrypt(nonce, user_secret, self._aad(user, "quick"))
        self._slot(user)["quick"] = {"nonce": _b64(nonce), "ct": _b64(ct)}

    def clear_quick(self, user: str) -> None:
        self._slot(user).pop("quick", None)

    def has_quick(self, user: str) -> bool:
        return "quick" in self.users.get(user, {})

    def user_secret_from_quick(self, user: str, machine_secret: bytes) -> bytes:
        q = self._slot(user).get("quick")
        if not q:
            raise WrongPassphrase(_("Quick unlock is not set up for this user; use the "
                                    "passphrase."))
        try:
            return _c().AESGCM(machine_secret).decrypt(_unb64(q["nonce"]), _unb64(q["ct"]),
                                                  self._aad(user, "quick"))
        except (_c().InvalidTag, KeyError, ValueError):
            raise WrongPassphrase(_("Quick unlock did not work on this computer; use the "
                                    "passphrase.")) from None

    def stamp_quick(self, user: str, user_secret: bytes, when: str) -> None:
        """Record (sealed) when the user last typed their passphrase."""
        q = self._slot(user).get("quick")
        if q is None:
            return
        nonce = random_bytes(12)
        ct = _c().AESGCM(_hkdf(user_secret, b"gc quick stamp")).encrypt(
            nonce, when.encode("utf-8"), self._aad(user, "quick stamp"))
        q["stamp"] = {"nonce": _b64(nonce), "ct": _b64(ct)}

    def quick_stamp(self, user: str, user_secret: bytes) -> str | None:
        """When the user last typed their passphrase, as sealed; None when
        there is no stamp or it does not open under their secret."""
        try:
            st = self._slot(user)["quick"]["stamp"]
            return _c().AESGCM(_hkdf(user_secret, b"gc quick stamp")).decrypt(
                _unb64(st["nonce"]), _unb64(st["ct"]),
                self._aad(user, "quick stamp")).decode("utf-8")
        except (_c().InvalidTag, KeyError, TypeError, ValueError, UnknownUser):
            return None


def pending_path(folder: Path) -> Path:
    return Path(folder) / PENDING_FILE


def discard_pending(folder: Path) -> None:
    try:
        os.unlink(pending_path(folder))
    except FileNotFoundError:
        pass
