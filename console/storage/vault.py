"""The vault: one folder holding the SQLCipher database and its key slots.

``Vault.create`` makes a new vault; ``Vault.open`` unlocks one for a user
with a passphrase (or quick unlock) and returns it; ``close()`` is idempotent.
Everything else in the core takes the vault as its first argument.

Driver errors (sqlcipher3 raises its own exception classes) are translated to
``console.errors`` here and in ``guard()``, so no caller ever sees one.

Only one process may hold a vault open: a lock file, held with an OS lock
that the kernel drops if the process dies, so a crash never leaves a stale
lock behind.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import uuid
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

import sqlcipher3

from console.clock import now_iso
from console.errors import DAMAGED_MESSAGE as _DAMAGED
from console.errors import (
    ConsoleError,
    ReadOnly,
    UnknownUser,
    ValidationError,
    VaultClosed,
    VaultDamaged,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    storage_full,
    translate,
)
from console.storage import (
    accounts,
    identities,
    keyslots,
    schema,
    settings,
    snapshot,
    sqlite_memory,
)
from console.storage.accounts import User
from console.storage.fileio import restrict
from console.storage.identity import Identity, generate_identity
from console.storage.keyslots import KdfParams, SlotFile
from console.storage.layout import DB_FILE
from console.storage.connection import connect as _connect
from console.storage.connection import database
from console.storage.lock import BorrowedLock, VaultLock
from console.i18n import N_, _

class Vault:
    """An unlocked vault for one user. Not thread-safe: one thread owns it."""

    def __init__(self, folder: Path, conn, slots: SlotFile, user: User,
                 user_secret: bytes, data_key: bytes, lock: VaultLock):
        self.folder = Path(folder)
        self._conn = conn
        self.db = database(conn)
        self.slots = slots
        self.user = user
        self._user_secret = bytearray(user_secret)
        self._data_key = bytearray(data_key)
        self._lock = lock
        self._identity: Identity | None = None
        # Sentences for the user about this unlock (shown once, never record data).
        self.notices: list[str] = []
        # (entry, sentence) for rows found disagreeing with the signed chain.
        self.findings: list[tuple[int, str]] = []
        # The authority the signed chain gives, set by the audit room on unlock.
        self.authority = None
        # Called (in order) before the key is dropped; the audit room seals the
        # head this session verified and wrote. A failure there never stops a close.
        self.closing: list[Callable[[], None]] = []
        self.sealed_seq = 0  # the chain entry last sealed in this user's slot
        self.copied_seq = 0  # ...and in this computer's copy of that seal
        # The sealing keys this user unwrapped (the audit room's KeyRing) and
        # the records room's store of sealed records: set when first needed.
        self.keyring = None
        self.sealed = None
        # Objects told about each outermost write: ``before_commit()`` runs
        # inside it just before it commits (the records room reseals the
        # sealed records the write changed), ``after_commit()`` once it has,
        # ``rolled_back()`` if it did not.
        self.commit_hooks: list = []
        # Keeps the newest automatic backups, placed by the signed chain (the
        # audit room's ledger sets it on unlock; None: nothing is pruned).
        self.prune_backups: Callable[[], None] | None = None
        # A data key rotation backs the vault up first; a restore's scratch copy
        # (whose backup is the file being restored) does not.
        self.backup_before_rekey = True
        # Set when this vault may be read but not written (a stale replica):
        # the sentence every write is then refused with.
        self.read_only: str | None = None

    # -- lifecycle -----------------------------------------------------------
    @classmethod
    def create(cls, folder: Path | str, user: str, passphrase: str, establishment: str,
               display_name: str | None = None, job_title: str = "Governor",
               kdf: KdfParams | None = None, migrate_to: str | None = None,
               founding: Callable[["Vault"], None] | None = None,
               staff_number: str = "") -> "Vault":
        """A new vault with ``user`` as its governor. ``founding(vault)`` runs
        inside the creating transaction (the audit room writes the chain's
        first entry there), so a vault never exists without it."""
        folder = Path(folder)
        accounts.check_name(user)
        if (folder / DB_FILE).exists() or (folder / keyslots.SLOTS_FILE).exists():
            raise VaultExists(_("A vault already exists in that folder; open it, or choose "
                                "another folder."))
        if len(passphrase) < 8:
            raise ValidationError(_("The passphrase must be at least 8 characters long."))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            restrict(folder, 0o700)
        except OSError as exc:
            raise translate(exc) from None
        kdf = kdf or keyslots.DEFAULT_KDF
        lock = VaultLock(folder)
        lock.acquire()
        try:
            data_key = secrets.token_bytes(32)
            slots = SlotFile(str(uuid.uuid4()), kdf=kdf)
            user_secret = slots.add_user(user, passphrase, data_key, kdf)
            slots.users[user]["default"] = True
            conn = _connect(folder / DB_FILE, data_key)
            db = database(conn)
            if migrate_to:
                schema.migrations.apply(db, stop_before=migrate_to)
            else:
                schema.migrations.apply(db)
            u = User(user, display_name or user, "governor", job_title, staff_number)
            vault = cls(folder, conn, slots, u, user_secret, data_key, lock)
            ident = generate_identity(u.display_name, job_title, establishment)
            with vault.db.atomic():
                accounts.insert_user(conn, u)
                identities.store(conn, slots.vault_id, user, bytes(vault._user_secret), ident)
                first = dict(settings.DEFAULT_SETTINGS, establishment=establishment,
                             vault_id=slots.vault_id, created_at=now_iso())
                for k, v in first.items():
                    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                                 (k, json.dumps(v)))
                if founding is not None:
                    founding(vault)
            slots.save(folder)
            return vault
        except sqlcipher3.Error as exc:
            lock.release()
            raise translate(exc) from None
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, folder: Path | str, user: str | None = None, passphrase: str | None = None,
             *, user_secret: bytes | None = None, migrate: bool = True,
             trust_rows: bool = True, held_lock: VaultLock | None = None) -> "Vault":
        """Unlock with a passphrase, or with a user secret already recovered
        (quick unlock). Applies pending migrations after taking a backup.

        This opens the database only. Who the user is, in which role, comes
        from the ``users`` row here, which anyone holding a key slot can
        write; the console's own entry points open through the audit room
        (``console.audit.unlock``), which passes ``trust_rows=False`` and takes
        the user's role from the signed chain instead.

        ``held_lock``: the vault's lock, already held by the caller (a restore
        reading the vault it is about to replace); the vault then neither
        takes nor releases it."""
        folder = Path(folder)
        if not (folder / DB_FILE).exists():
            if (folder / keyslots.SLOTS_FILE).exists():
                raise VaultDamaged(_("The vault's database file is missing; restore the vault "
                                     "from a backup."))
            raise VaultNotFound(_("There is no vault in that folder; check the path, or create a "
                                  "vault first."))
        lock = BorrowedLock(held_lock) if held_lock is not None else VaultLock(folder)
        lock.acquire()
        try:
            slots = SlotFile.load(folder)
            if user is None:
                user = default_user(slots)
            own_secret = user_secret is None
            if own_secret:
                user_secret = slots.user_secret_from_passphrase(user, passphrase or "")
            conn, slots = _open_settling_pending(folder, slots, user, user_secret)
            try:
                data_key = bytearray(slots.data_key(user, user_secret))
                db = database(conn)
                schema.check_version(db)
                pending = schema.migrations.pending(db)
                if pending and migrate:
                    snapshot.backup_before(folder, conn, "migration", snapshot.migration_signer(
                        conn, slots.vault_id, user, user_secret))
                    schema.upgrade(db)
                u = accounts.fetch_user(conn, user)
                if trust_rows and (u is None or not u.active):
                    raise UnknownUser(_("That user is no longer allowed into this vault."))
            except BaseException:
                conn.close()
                raise
            if u is None:  # the audit room decides from the chain
                u = User(user, user, "viewer", active=False)
            vault = cls(folder, conn, slots, u, user_secret, data_key, lock)
            # The vault holds its own copies (wiped when it closes).
            sqlite_memory.wipe(data_key)
            if own_secret:
                sqlite_memory.wipe(user_secret)
            if passphrase is not None:
                _raise_to_floor(vault, passphrase)
            return vault
        except sqlcipher3.Error as exc:
            lock.release()
            raise translate(exc) from None
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        if self._conn is None:
            return
        hooks, self.closing = self.closing, []
        for hook in hooks:
            try:
                hook()
            except (ConsoleError, sqlcipher3.Error, OSError):
                pass
        try:
            self._conn.close()
        except sqlcipher3.Error:
            pass
        self._conn = None
        self.db = None
        self._identity = None
        self.keyring = self.sealed = None
        self.commit_hooks = []
        for buf in (self._data_key, self._user_secret):
            for i in range(len(buf)):
                buf[i] = 0
        self._lock.release()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def conn(self):
        if self._conn is None:
            raise VaultClosed(_("The vault is locked; unlock it to continue."))
        return self._conn

    @contextlib.contextmanager
    def guard(self):
        """Translate driver errors raised inside the block."""
        try:
            yield
        except sqlcipher3.Error as exc:
            raise translate(exc) from None
        except OSError as exc:
            raise translate(exc) from None

    @contextlib.contextmanager
    def write(self):
        """One atomic write: all of it is stored, or none of it. Nested
        writes are savepoints of the outermost one, whose ``commit_hooks``
        run around its commit."""
        outer = not self.conn.in_transaction  # raises VaultClosed when locked
        if self.read_only:
            raise ReadOnly(self.read_only)
        try:
            with self.guard():
                with self.db.atomic():
                    yield self.db
                    if outer:
                        for hook in list(self.commit_hooks):
                            hook.before_commit()
        except BaseException:
            if outer:
                for hook in list(self.commit_hooks):
                    hook.rolled_back()
            raise
        if outer:
            for hook in list(self.commit_hooks):
                hook.after_commit()

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.guard():
            return self.conn.execute(sql, params).fetchall()

    # -- settings --------------------------------------------------------------
    def setting(self, key: str):
        with self.guard():
            return settings.read(self.conn, key)

    @property
    def establishment(self) -> str:
        return self.setting("establishment") or ""

    @property
    def vault_id(self) -> str:
        return self.slots.vault_id

    # -- identity ----------------------------------------------------------------
    def forget_identity(self) -> None:
        """Drop the cached signing identity (after it was replaced)."""
        self._identity = None

    def identity(self) -> Identity:
        """The signed-in user's signing identity (private key decrypted)."""
        if self._identity is None:
            with self.guard():
                self._identity = identities.load(self.conn, self.vault_id, self.user.name,
                                                 bytes(self._user_secret))
        return self._identity

    def user_secret(self) -> bytes:
        self.conn
        return bytes(self._user_secret)

    def adopt_secret(self, user_secret: bytes) -> None:
        """The signed-in user's new secret after a passphrase change (the old
        one is wiped); their signing identity is read again under it."""
        self.conn
        for i in range(len(self._user_secret)):
            self._user_secret[i] = 0
        self._user_secret = bytearray(user_secret)
        self._identity = None

    def data_key(self) -> bytes:
        self.conn
        return bytes(self._data_key)

    # -- key rotation --------------------------------------------------------
    def rotate_data_key(self) -> None:
        """Re-encrypt the database under a fresh data key and rewrap every slot.

        The new slots are written to a pending file first; if the process dies
        between the rekey and the final rename, ``open`` finds the pending set
        matches the database and promotes it.
        """
        if self.backup_before_rekey:
            snapshot.automatic_backup(self, "rekey")
        new_key = secrets.token_bytes(32)
        pending = SlotFile(self.slots.vault_id, deepcopy(self.slots.users), self.slots.kdf)
        pending.rewrap_all(new_key)
        pending.save(self.folder, keyslots.PENDING_FILE)
        try:
            with self.guard():
                if not sqlite_memory.hand_key(sqlcipher3, self.conn, self.folder / DB_FILE,
                                              new_key, rekey=True):
                    self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except ConsoleError as exc:
            self._reconnect_after_failed_rekey(new_key, pending)
            if isinstance(exc, VaultInUse):
                # This process holds the vault's lock, so nothing else was
                # writing: SQLCipher reports a rekey that ran out of room so.
                raise storage_full() from None
            raise
        self.slots = pending
        self._data_key = bytearray(new_key)
        pending.save(self.folder)
        keyslots.discard_pending(self.folder)

    def _reconnect_after_failed_rekey(self, new_key: bytes, pending: SlotFile) -> None:
        """A failed rekey (e.g. a full disk) leaves the connection unusable;
        the file itself holds the old key, or the new one if the rekey got
        as far as committing. Reconnect with whichever it is."""
        with contextlib.suppress(sqlcipher3.Error):
            self._conn.close()
        try:
            self._conn = _connect(self.folder / DB_FILE, self._data_key)
            keyslots.discard_pending(self.folder)
        except sqlcipher3.DatabaseError:
            self._conn = _connect(self.folder / DB_FILE, new_key)
            self.slots, self._data_key = pending, bytearray(new_key)
            with contextlib.suppress(ConsoleError):
                pending.save(self.folder)
                keyslots.discard_pending(self.folder)
        self.db = database(self._conn)

    def reader(self):
        """A second, read-only connection to the same database (for a check
        that runs on another thread while this one goes on working). The
        caller closes it; it stops working if the data key is rotated."""
        self.conn
        with self.guard():
            conn = _connect(self.folder / DB_FILE, self._data_key)
            conn.execute("PRAGMA query_only = ON")
        return conn

    def save_slots(self) -> None:
        self.slots.save(self.folder)

    def adopt(self, conn, slots: SlotFile, data_key: bytes) -> None:
        """Work on a database put in place of this one (``storage.replace``)."""
        self._conn, self.db, self.slots = conn, database(conn), slots
        self._data_key = bytearray(data_key)
        self.sealed = self.keyring = self._identity = None


REDERIVED = (N_("Your key slot was protected by a cheaper key derivation than this version "
               "allows; it is now protected at the standard cost."))


def _raise_to_floor(vault: Vault, passphrase: str) -> None:
    """A slot below the floor (written by an older version, or from a slot
    file someone lowered) is re-derived at the default cost on unlock."""
    kdf = vault.slots.passphrase_kdf(vault.user.name)
    if kdf is None or not keyslots.below_floor(kdf):
        return
    if vault.slots.public_of(bytes(vault._user_secret)) != \
            vault.slots.users[vault.user.name].get("public"):
        return  # unlocked by a passphrase change not yet settled: that slot is new
    old = deepcopy(vault.slots.users[vault.user.name])
    vault.slots.set_passphrase(vault.user.name, bytes(vault._user_secret), passphrase,
                               keyslots.DEFAULT_KDF)
    try:
        vault.save_slots()
    except ConsoleError:  # e.g. a full disk: the old slot stays, and so does the notice
        vault.slots.users[vault.user.name] = old
        return
    vault.notices.append(_(REDERIVED))


def default_user(slots: SlotFile) -> str:
    for name, slot in slots.users.items():
        if slot.get("default"):
            return name
    names = slots.names()
    if not names:
        raise VaultDamaged(_("The vault has no key slots left; restore it from a backup."))
    return names[0]


def _open_settling_pending(folder: Path, slots: SlotFile, user: str, user_secret: bytes):
    """Open the database with the key from the slots; if that fails and a
    pending slot set from an interrupted rotation exists, try that one."""
    pending_file = keyslots.pending_path(folder)
    key = None
    try:
        key = slots.data_key(user, user_secret)
        conn = _connect(folder / DB_FILE, key)
    except (sqlcipher3.DatabaseError, VaultDamaged):
        if not pending_file.exists():
            raise VaultDamaged(_(_DAMAGED)) from None
        pending = SlotFile.load(folder, keyslots.PENDING_FILE)
        try:
            conn = _connect(folder / DB_FILE, pending.data_key(user, user_secret))
        except sqlcipher3.DatabaseError:
            raise VaultDamaged(_(_DAMAGED)) from None
        finally:
            sqlite_memory.wipe(key)
        pending.save(folder)  # the rotation had finished: promote its slots
        keyslots.discard_pending(folder)
        return conn, pending
    sqlite_memory.wipe(key)
    if pending_file.exists():
        keyslots.discard_pending(folder)  # the rotation never reached the database
    return conn, slots
