"""Test isolation: nothing a test does touches this machine's real settings,
keychain or data folders, and key derivation is cheap (the defaults stay
strong; only tests pass small Argon2 parameters, through ``fast_kdf``)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from console.storage.keyslots import KdfParams  # noqa: E402

FAST_KDF = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)
PASS = "correct horse battery staple"


class MemoryKeyring(KeyringBackend):
    """A keychain that lives only as long as the test."""
    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_machine(tmp_path, monkeypatch):
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    # The machine-wide policy (console.storage.policy) is read from here.
    (home / "site-config").mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site-config"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(exist_ok=True)
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.delenv("CONSOLE_PASSPHRASE", raising=False)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    # Quick unlock trusts system keychains only; the tests' stands in for one.
    from console.storage import quick_unlock
    monkeypatch.setitem(quick_unlock.SYSTEM_KEYCHAINS,
                        f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}",
                        "the tests' keychain")
    yield home
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture(autouse=True, scope="session")
def kdf_floor_for_tests():
    """The key-derivation floor lowered in this process only, so tests may
    ask for cheap Argon2 (``fast_kdf``, ``kdf=FAST_KDF``); the defaults stay
    strong, and nothing on disk can lower the floor."""
    import console.storage.keyslots as ks
    saved, ks.KDF_FLOOR = ks.KDF_FLOOR, FAST_KDF
    yield
    ks.KDF_FLOOR = saved


@pytest.fixture
def fast_kdf(monkeypatch):
    """Cheap Argon2 for tests, applied to vaults created by the services and CLI."""
    import console.storage.keyslots as ks
    monkeypatch.setattr(ks, "DEFAULT_KDF", FAST_KDF)
    return FAST_KDF


@pytest.fixture
def vault_path(tmp_path):
    return tmp_path / "vault"


@pytest.fixture(scope="session")
def new_vault_template(tmp_path_factory, kdf_floor_for_tests) -> Path:
    """A new vault (its governor, signing identity and first chain entries),
    built once a session: ``vault`` copies it rather than building another."""
    from console.audit.genesis import create_vault
    path = tmp_path_factory.mktemp("templates") / "new-vault"
    create_vault(path, "governor", PASS, "HMP Testshire", display_name="Gwen Governor",
                 kdf=FAST_KDF).close()
    return path


@pytest.fixture
def vault(vault_path, fast_kdf, new_vault_template):
    """A new vault of this test's own, open as the governor (through the
    signed chain, as the console opens it)."""
    from console.audit import unlock
    shutil.copytree(new_vault_template, vault_path)
    v = unlock.open_vault(vault_path, "governor", PASS)
    yield v
    v.close()


@dataclass(frozen=True)
class CliResult:
    """What a command-line run gave back (named as ``subprocess`` names it)."""
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch, fast_kdf):
    """The command line run in this process, as ``main.py`` runs it:
    ``cli("list", "--vault", path, passphrase=PASS)`` (or the words as one
    list) returns the exit code and what it printed. The passphrase goes in ``CONSOLE_PASSPHRASE`` (None
    leaves it unset); standard input is ``stdin`` and never a terminal; log
    records reach standard error as they would in a bare process."""
    from cli.main import main

    def run(*args, passphrase: str | None = None, env: dict | None = None,
            stdin: str = "") -> CliResult:
        if passphrase is None:
            monkeypatch.delenv("CONSOLE_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("CONSOLE_PASSPHRASE", passphrase)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        if len(args) == 1 and isinstance(args[0], (list, tuple)):
            args = tuple(args[0])
        out, err = io.StringIO(), io.StringIO()
        root = logging.getLogger()
        handlers, root.handlers = root.handlers, []
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main([str(a) for a in args])
                except SystemExit as exc:  # argparse's usage errors and --help
                    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None
                                                                        else 1)
        finally:
            root.handlers = handlers
        return CliResult(code, out.getvalue(), err.getvalue())
    return run


# -- the HQ store on both back ends -------------------------------------------------
# Every HQ test runs on the encrypted SQLite file and on a real PostgreSQL
# server (a throwaway cluster on a Unix socket, started once per session).
# The server's variants are marked slow: the fast suite keeps to its budget.

@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pg_cluster import Cluster
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


HQ_STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


@pytest.fixture(params=HQ_STORES)
def hq_location(request, tmp_path):
    """Where a fresh HQ store goes: a folder, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "hq")
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def hq_store(hq_location):
    from hq.store.store import Store
    store = Store.create(hq_location, PASS, kdf=FAST_KDF)
    yield store
    store.close()


@pytest.fixture(scope="session")
def hq_briefings(tmp_path_factory):
    """Briefing files from several real vaults (see tests/hq_briefings.py)."""
    from tests import hq_briefings as hb
    return hb.build(tmp_path_factory.mktemp("hq-briefings"), FAST_KDF)


@pytest.fixture(scope="session")
def hq_odd_briefings(hq_briefings):
    """Signed briefings whose data HQ must refuse though the schema allows it."""
    from tests import hq_briefings as hb
    return hb.build_odd(hq_briefings["files"].parent)
