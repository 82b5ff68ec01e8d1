"""``Store``: an unlocked HQ store.

``Store.create(location, passphrase)`` makes one; ``Store.open(location,
passphrase)`` unlocks it; ``close()`` is idempotent. The HQ passphrase
protects it as a user's passphrase protects a vault: an Argon2id key slot
(``console.storage.keyslots``) wraps a random data key, which encrypts the
SQLite file (SQLCipher), and a user secret, which encrypts HQ's own signing
key (for the national summary). A file store keeps its slot in
``keyslots.json`` beside ``hq.db`` and is held by one process at a time; a
server store keeps its slot in the database (the server's own access
control and encryption at rest protect the rest of its data).

Every other HQ module takes the store as an argument and runs its SQL
through ``store.read()`` / ``store.write()``, which translate driver errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
import uuid
from pathlib import Path

from console.clock import now_iso
from console.errors import ValidationError, VaultDamaged, VaultInUse, WrongPassphrase
from console.storage import keyslots
from console.storage.identity import Identity, generate_identity
from console.storage.keyslots import KdfParams, SlotFile
from hq.errors import StoreDamaged, StoreExists, StoreInUse, StoreNotFound
from hq.store import engines, location, migrate, tables
from hq.store.location import DB_FILE, POSTGRESQL, SQLITE, Location
from console.i18n import _

SLOT_USER = "hq"
DEFAULT_SETTINGS = {"overdue_days": 35, "unreferred_days": 7, "unacknowledged_days": 14}
HQ_NAME = "HQ Counter-Corruption Unit"


def _aad(store_id: str) -> bytes:
    return f"{store_id}\x00hq\x00identity".encode()


class Store:
    """An unlocked HQ store. One thread uses it at a time."""

    def __init__(self, loc: Location, engine, slots: SlotFile, user_secret: bytes, lock,
                 raw=None):
        self.location = loc
        self.engine = engine
        self._raw = raw          # the SQLite store's one connection
        self.slots = slots
        self._user_secret = bytearray(user_secret)
        self._lock = lock
        self._identity: Identity | None = None

    @property
    def kind(self) -> str:
        return self.location.kind

    @property
    def store_id(self) -> str:
        return self.slots.vault_id

    # -- lifecycle -----------------------------------------------------------
    @classmethod
    def create(cls, where: str | Location, passphrase: str, kdf: KdfParams | None = None,
               name: str = HQ_NAME) -> "Store":
        loc = where if isinstance(where, Location) else location.parse(where)
        if len(passphrase) < 8:
            raise ValidationError(_("The HQ passphrase must be at least 8 characters long."))
        kdf = kdf or keyslots.DEFAULT_KDF
        data_key = secrets.token_bytes(32)
        slots = SlotFile(str(uuid.uuid4()), kdf=kdf)
        user_secret = slots.add_user(SLOT_USER, passphrase, data_key, kdf)
        lock = None
        if loc.kind == SQLITE:
            folder = loc.folder
            if (folder / DB_FILE).exists() or (folder / keyslots.SLOTS_FILE).exists():
                raise StoreExists(_("An HQ store already exists in that folder; open it, or "
                                    "choose another folder."))
            with engines.guarded(SQLITE):
                folder.mkdir(parents=True, exist_ok=True)
                os.chmod(folder, 0o700)
            lock = _lock(folder)
            try:
                with engines.guarded(SQLITE):
                    engine, raw = engines.sqlite_engine(folder / DB_FILE, data_key)
            except BaseException:
                lock.release()
                raise
        else:
            engine, raw = engines.postgresql_engine(loc), None
        store = cls(loc, engine, slots, user_secret, lock, raw)
        try:
            with engines.guarded(loc.kind):
                with engine.connect() as conn:
                    if migrate.current(conn) is not None:
                        raise StoreExists(_("That database already holds an HQ store; open it, "
                                            "or create the store in an empty database."))
                migrate.upgrade(engine)
                ident = generate_identity(name, "Counter-corruption", "Headquarters")
                with engine.begin() as conn:
                    settings = dict(DEFAULT_SETTINGS, store_id=slots.vault_id,
                                    created_at=now_iso(), name=name)
                    conn.execute(tables.meta.insert(),
                                 [{"key": k, "value": json.dumps(v)}
                                  for k, v in settings.items()])
                    store._store_identity(conn, ident)
                    if loc.kind == POSTGRESQL:
                        conn.execute(tables.keyslot.insert(),
                                     {"id": 1, "doc": slots.to_bytes().decode()})
            if loc.kind == SQLITE:
                slots.save(loc.folder)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, where: str | Location, passphrase: str) -> "Store":
        loc = where if isinstance(where, Location) else location.parse(where)
        if loc.kind == SQLITE:
            return cls._open_file(loc, passphrase)
        engine = engines.postgresql_engine(loc)
        try:
            with engines.guarded(POSTGRESQL):
                with engine.connect() as conn:
                    if migrate.current(conn) is None:
                        raise StoreNotFound(_("That database holds no HQ store; create one with "
                                              "'hq init'."))
                    doc = conn.execute(tables.keyslot.select()).first()
            if doc is None:
                raise StoreDamaged(_(engines.DAMAGED))
            slots = _slots(doc.doc.encode())
            secret = _unlock(slots, passphrase)
            store = cls(loc, engine, slots, secret, None)
            store._check_version()
            return store
        except BaseException:
            engine.dispose()
            raise

    @classmethod
    def _open_file(cls, loc: Location, passphrase: str) -> "Store":
        folder = loc.folder
        if not (folder / DB_FILE).exists():
            if (folder / keyslots.SLOTS_FILE).exists():
                raise StoreDamaged(_("The HQ store's database file is missing; restore it from "
                                     "your backup."))
            raise StoreNotFound(_("There is no HQ store in that folder; check --db, or create "
                                  "one with 'hq init'."))
        lock = _lock(folder)
        try:
            try:
                slots = SlotFile.load(folder)
                secret = _unlock(slots, passphrase)
                key = slots.data_key(SLOT_USER, secret)
            except VaultDamaged:
                raise StoreDamaged(_("The HQ store's key slot is damaged; restore it from your "
                                     "backup.")) from None
            try:
                with engines.guarded(SQLITE):
                    engine, raw = engines.sqlite_engine(folder / DB_FILE, key)
            except StoreDamaged:
                raise StoreDamaged(_(engines.DAMAGED)) from None
            store = cls(loc, engine, slots, secret, lock, raw)
            try:
                store._check_version()
            except BaseException:
                store.close()
                raise
            return store
        except BaseException:
            lock.release()
            raise

    def _check_version(self) -> None:
        with self.read() as conn:
            rev = migrate.current(conn)
        if rev is None:
            raise StoreDamaged(_(engines.DAMAGED))
        if not migrate.known(rev):
            raise StoreDamaged(_("This HQ store was written by a newer version of Governor's "
                                 "Console; install that version to open it."))
        if not migrate.is_head(rev):
            migrate.upgrade(self.engine)

    def close(self) -> None:
        if self.engine is None:
            return
        with contextlib.suppress(Exception):
            self.engine.dispose()
        if self._raw is not None:
            # StaticPool keeps its one connection through dispose(): close it.
            with contextlib.suppress(Exception):
                self._raw.close()
            self._raw = None
        self.engine = None
        self._identity = None
        for i in range(len(self._user_secret)):
            self._user_secret[i] = 0
        if self._lock is not None:
            self._lock.release()

    @property
    def closed(self) -> bool:
        return self.engine is None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- access --------------------------------------------------------------
    def _engine(self):
        if self.engine is None:
            raise StoreDamaged(_("The HQ store is locked; unlock it to continue."))
        return self.engine

    @contextlib.contextmanager
    def read(self):
        """A connection for reading (its transaction is rolled back at the end)."""
        engine = self._engine()
        with engines.guarded(self.kind):
            with engine.connect() as conn:
                yield conn

    @contextlib.contextmanager
    def write(self):
        """One transaction: all of it is stored, or none of it."""
        engine = self._engine()
        with engines.guarded(self.kind):
            with engine.begin() as conn:
                yield conn

    @contextlib.contextmanager
    def batch(self, *, writes: int = 64, seconds: float = 1.0):
        """Many small writes, each all or nothing on its own
        (``batch.run(work)``: ``work(conn)``, with the contract of ``write()``,
        returning what ``work`` returns), committed
        together every ``writes`` writes or ``seconds``, and at the end, also
        when the caller stops early (every write finished is whole). One
        commit, one flush to disk, per batch rather than per write: ingest
        keeps a briefing in a few milliseconds, and a commit costs about one.
        While the batch is open, write through it only: a file store has one
        connection, which ``read()`` and ``write()`` would share with it."""
        engine = self._engine()
        with engines.guarded(self.kind):
            with engine.connect() as conn:
                batch = _Batch(conn, writes, seconds)
                try:
                    yield batch
                finally:
                    batch.commit()

    def settings(self) -> dict:
        with self.read() as conn:
            rows = conn.execute(tables.meta.select()).all()
        return {r.key: json.loads(r.value) for r in rows}

    def setting(self, key: str):
        return self.settings().get(key, DEFAULT_SETTINGS.get(key))

    def set_setting(self, key: str, value) -> None:
        from sqlalchemy import delete
        with self.write() as conn:
            conn.execute(delete(tables.meta).where(tables.meta.c.key == key))
            conn.execute(tables.meta.insert().values(key=key, value=json.dumps(value)))

    # -- HQ's signing identity ---------------------------------------------------
    def _store_identity(self, conn, ident: Identity) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        nonce = secrets.token_bytes(12)
        ct = AESGCM(keyslots.identity_key(bytes(self._user_secret))).encrypt(
            nonce, ident.key_pem, _aad(self.store_id))
        conn.execute(tables.identity.insert(),
                     {"id": 1, "cert_pem": ident.cert_pem.decode(), "key_nonce": nonce,
                      "key_ct": ct, "fingerprint": ident.fingerprint,
                      "created_at": now_iso()})

    def identity(self) -> Identity:
        """HQ's signing identity, its private key decrypted."""
        if self._identity is None:
            from cryptography.exceptions import InvalidTag
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
            with self.read() as conn:
                row = conn.execute(tables.identity.select()).first()
            if row is None:
                raise StoreDamaged(_("HQ's signing identity is missing from the store; restore "
                                     "it from your backup."))
            try:
                key = AESGCM(keyslots.identity_key(bytes(self._user_secret))).decrypt(
                    bytes(row.key_nonce), bytes(row.key_ct), _aad(self.store_id))
            except InvalidTag:
                raise StoreDamaged(_("HQ's signing identity cannot be decrypted; restore the "
                                     "store from your backup.")) from None
            self._identity = Identity(key, row.cert_pem.encode())
        return self._identity


def _lock(folder: Path):
    from console.storage.lock import VaultLock
    lock = VaultLock(folder)
    lock.path = Path(folder) / location.LOCK_FILE
    try:
        lock.acquire()
    except VaultInUse:
        raise StoreInUse(_("This HQ store is already open in another window or program; close "
                           "that one first.")) from None
    return lock


def _unlock(slots: SlotFile, passphrase: str) -> bytes:
    try:
        return slots.user_secret_from_passphrase(SLOT_USER, passphrase or "")
    except WrongPassphrase:
        raise WrongPassphrase(_("That passphrase does not unlock the HQ store; check Caps Lock "
                                "and try again.")) from None


def _slots(raw: bytes) -> SlotFile:
    try:
        return SlotFile.from_bytes(raw)
    except VaultDamaged:
        raise StoreDamaged(_("The HQ store's key slot is damaged; restore it from your backup.")) from None


# A server that picks this transaction to undo so that another can go on
# (a deadlock between two HQ operators taking the same establishments in
# another order, or a serialisation failure): the batch is taken back, the
# writes before are run again, and the one that failed is tried again.
_ATTEMPTS = 3


def _transient(exc: BaseException) -> bool:
    state = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    return state in ("40001", "40P01")


class _Batch:
    """Writes kept by ``Store.batch``.

    A write runs in the batch's transaction without a savepoint of its own:
    a savepoint makes SQLite copy every page the write touches that an
    earlier write of the transaction changed, and with memory security on
    each copy takes several locked, wiped heap blocks; that cost a briefing
    about as much as storing it. A write that fails part way (an error, or
    Ctrl+C) therefore takes the whole transaction back, and the writes
    finished before it in the batch are run again, in order, from the same
    state, and committed before the failure goes on to the caller: each
    write finished is kept whole, and nothing of the one that failed. A
    server's deadlock or serialisation failure is not a failure of the
    write: after the same recovery, it is tried again (``_ATTEMPTS``)."""

    def __init__(self, conn, writes: int, seconds: float):
        self.conn, self.writes, self.seconds = conn, writes, seconds
        self._trans = None
        self._done: list = []          # the writes since the last commit
        self._since = 0.0

    def run(self, work):
        for attempt in range(1, _ATTEMPTS + 1):
            if self._trans is None:
                self._trans, self._since = self.conn.begin(), time.monotonic()
            try:
                result = work(self.conn)
                break
            except BaseException as exc:
                self._recover()
                if attempt == _ATTEMPTS or not _transient(exc):
                    raise
        self._done.append(work)
        if len(self._done) >= self.writes or time.monotonic() - self._since >= self.seconds:
            self.commit()
        return result

    def _recover(self) -> None:
        """Take the transaction back, then run again and commit the writes
        that finished before the failure. Should that fail too, they are
        lost with it (they were never committed) and the first failure is
        the one the caller sees."""
        done, self._done, trans, self._trans = self._done, [], self._trans, None
        try:
            trans.rollback()
            if done:
                with self.conn.begin():
                    for work in done:
                        work(self.conn)
        except BaseException:      # noqa: BLE001 - the first failure is raised
            if self.conn.in_transaction():
                with contextlib.suppress(Exception):
                    self.conn.rollback()

    def commit(self) -> None:
        if self._trans is not None and self._trans.is_active:
            self._trans.commit()
        self._trans, self._done = None, []
