"""Benches of the signed chain: unlocking a vault whose chain is 100,000
entries long, 1,000 of them written since the user's sealed head, and the
full replay the console then runs in the background.

Rules:
- The fixture is a real vault: its chain is built by the same hashing and
  signing as ``chain.append`` (bulk-inserted from a fresh process, as
  ``generate`` fills its rows, so SQLCipher's memory security does not make
  the build slow), then unlocked once through ``console.audit.unlock`` so the
  governor's slot seals the head at entry 99,000, then given 1,000 more
  entries. It is built once a day and kept in the user's cache folder.
- Unlock is timed from a recovered user secret (as quick unlock does), so
  key derivation is not in it: that cost is reported by ``bench_vault.py``.
  Its baseline is opening the same vault without any chain check
  (``Vault.open``, which trusts the rows), in the same run.
- Each unlock runs on a fresh copy of the fixture (an unlock seals the new
  head, which would make the next one check nothing).

Run alone: ``python bench/bench_chain.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

import generate  # noqa: E402 - also lowers the key-derivation floor for bench vaults
from figures import Figure  # noqa: E402

ENTRIES = 100_000
AFTER_SEAL = 1_000
UNLOCKS = 5


def _fill(folder: Path, upto: int) -> None:
    """Append signed log entries until the chain holds ``upto`` entries, on a
    connection of this process's own (see ``generate._fill``)."""
    import sqlcipher3

    from console.audit.hashing import canonical, digest, payload_hash
    from console.storage import identities
    from console.storage.keyslots import SlotFile
    from console.storage.layout import DB_FILE
    slots = SlotFile.load(folder)
    secret = slots.user_secret_from_passphrase(generate.USER, generate.PASSPHRASE)
    key = slots.data_key(generate.USER, secret)
    conn = sqlcipher3.connect(str(folder / DB_FILE), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA journal_mode = MEMORY").fetchone()
        conn.execute("PRAGMA synchronous = OFF")
        ident = identities.load(conn, slots.vault_id, generate.USER, secret)
        signer = ident.private_key()
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        seq, prev = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC "
                                 "LIMIT 1").fetchone()
        audit_rows, payload_rows = [], []
        base = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        while seq < upto:
            seq += 1
            at = (base + dt.timedelta(seconds=seq)).isoformat()
            ref = f"CC-2026-{seq % 997 + 1:03d}"
            after = canonical({"measure_id": seq % 1999 + 1, "log_id": seq}).decode()
            salt = secrets.token_bytes(16)
            ph = payload_hash(salt, None, after)
            h = digest(prev, seq, at, generate.USER, "log.add", "subject", ref, ph)
            sig = signer.sign(bytes.fromhex(h), ec.ECDSA(hashes.SHA256()))
            audit_rows.append((seq, at, generate.USER, "log.add", "subject", ref, ph, prev, h,
                               sig))
            payload_rows.append((seq, salt, None, after))
            prev = h
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO audit(seq, at, user, action, entity, entity_id, "
                         "payload_hash, prev_hash, hash, signature) VALUES "
                         "(?,?,?,?,?,?,?,?,?,?)", audit_rows)
        conn.executemany("INSERT INTO audit_payload(seq, salt, before, after) VALUES "
                         "(?,?,?,?)", payload_rows)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()


def _build(folder: Path) -> None:
    from console.audit import unlock
    from console.audit.genesis import create_vault
    create_vault(folder, generate.USER, generate.PASSPHRASE, generate.ESTABLISHMENT,
                 display_name="Bench Governor", kdf=generate.BENCH_KDF).close()
    for upto in (ENTRIES - AFTER_SEAL, None, ENTRIES):
        if upto is None:   # the governor signs in: their slot seals the head at 99,000
            unlock.open_vault(folder, generate.USER, generate.PASSPHRASE).close()
            continue
        subprocess.run([sys.executable, __file__, "--fill", str(folder), "--upto",
                        str(upto)], check=True)


def fixture() -> Path:
    """The chain fixture, built once a day (keyed by this file and the chain's
    code) in the user's cache folder. Treat it as read-only."""
    import hashlib

    import platformdirs
    code = "".join((ROOT / "console" / "audit" / n).read_text()
                   for n in ("hashing.py", "authority.py", "seal.py"))
    tag = hashlib.sha256((code + Path(__file__).read_text()).encode()).hexdigest()[:12]
    base = Path(platformdirs.user_cache_dir("governors-console-bench"))
    folder = base / f"chain-{ENTRIES}-{dt.date.today().isoformat()}-{tag}"
    if not (folder / "complete").exists():
        if folder.exists():
            shutil.rmtree(folder)
        for old in base.glob("chain-*"):
            shutil.rmtree(old, ignore_errors=True)
        _build(folder)
        (folder / "complete").write_text("built\n")
    return folder


def run() -> list[Figure]:
    from console.audit import replay, unlock
    from console.storage.keyslots import SlotFile
    from console.storage.vault import Vault
    source = fixture()
    slots = SlotFile.load(source)
    secret = slots.user_secret_from_passphrase(generate.USER, generate.PASSPHRASE)
    tmp = Path(tempfile.mkdtemp(prefix="bench-chain-"))
    checked, plain = [], []
    full = None
    # Each unlock keeps a copy of the user's seal in their data folder: a
    # folder of the bench's own, so no copy carries over between the copies.
    saved = os.environ.get("XDG_DATA_HOME")
    try:
        for i in range(UNLOCKS):
            for opener, times in ((unlock.open_vault, checked), (Vault.open, plain)):
                copy = tmp / f"v{i}-{len(times)}-{opener.__name__}"
                os.environ["XDG_DATA_HOME"] = str(copy) + "-data"
                shutil.copytree(source, copy, ignore=shutil.ignore_patterns("complete"))
                start = time.perf_counter()
                vault = opener(copy, generate.USER, user_secret=secret)
                times.append((time.perf_counter() - start) * 1000)
                if full is None and opener is unlock.open_vault:
                    assert vault.findings == [] and vault.authority.seq == ENTRIES
                    reader = vault.reader()
                    start = time.perf_counter()
                    full = replay.run(reader)
                    full_s = time.perf_counter() - start
                    reader.close()
                    assert full.ok and full.entries == ENTRIES, full.sentence()
                vault.close()
                shutil.rmtree(copy, ignore_errors=True)
    finally:
        if saved is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = saved
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        Figure(f"unlock (after key derivation), {ENTRIES:,}-entry chain with {AFTER_SEAL:,} "
               "entries after the sealed head (console.audit.unlock)",
               statistics.median(checked), "ms", statistics.median(plain),
               "Vault.open, no chain check", limit=300,
               note=f"median of {UNLOCKS}; best {min(checked):.0f} ms"),
        Figure(f"full replay of the {ENTRIES:,}-entry chain, every entry and the rows "
               "(the background check)", full_s, "s", limit=60,
               note=f"{ENTRIES / full_s:,.0f} entries a second"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--upto", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fill:
        _fill(args.fill, args.upto)
        return 0
    figures = run()
    for f in figures:
        print(f.line())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
