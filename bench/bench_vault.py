"""Benches of the core: the vault workload against plain SQLite, the
dashboard and the register's flags at 100,000 subjects, and key derivation.

Rules:
- The workload goes through the real services (``subjects.create_subject``,
  ``intel.add_report``, ``measures.add_measure``, then ``register.dashboard``
  and ``register.register_rows``), one transaction per call as the console
  makes them, audit chain and signatures included. Its baseline is the same
  services on the same schema over the standard library's ``sqlite3`` with
  no encryption, in the same run: the ratio is the cost of the vault.
- The two sides run at the same time in two fresh processes, one per core,
  so drift on a noisy machine hits both alike and the bench stays short.
- The plain copy is made from a new, empty vault with ``sqlcipher_export``,
  so its schema, triggers and indexes are exactly the vault's.
- One subject in ten (``RESTRICTED_EVERY``) is restricted to the governors
  as soon as it is added, so its reports and measures go into a sealed
  record (the in-memory mirror, sealed again at every commit); the 10,000-
  subject fixture is restricted the same way.

Run alone: ``python bench/bench_vault.py [--subjects 10000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

import generate  # noqa: E402
from figures import Figure, best_of  # noqa: E402

WORKLOAD_SUBJECTS = 10_000
DASHBOARD_SUBJECTS = 100_000
RESTRICTED_EVERY = 10


# -- the workload ---------------------------------------------------------------------
def workload(vault, subjects: int) -> dict:
    """Add ``subjects`` subjects with 5 reports and 2 measures each through
    the services, then run the dashboard queries. Returns seconds per phase."""
    from console.records import access, intel, measures, register
    from console.records import subjects as subject_service
    from console.records.commands import MeasureFields, ReportFields, SubjectFields
    data = generate.rows(subjects, seed=generate.SEED)
    reports = iter(data["intel_reports"])
    plans = iter(data["measures"])
    start = time.perf_counter()
    for i, row in enumerate(data["subjects"], 1):
        s = subject_service.create_subject(
            vault, SubjectFields(
                row[2], staff_number=row[3], role=row[4], location=row[5],
                employment_type=row[6], categories=json.loads(row[8]), likelihood=row[13],
                impact=row[14], owner=row[17], next_review=row[18], notes=row[19]))
        if i % RESTRICTED_EVERY == 0:
            access.restrict(vault, s.ref, "Bench: need-to-know", allow=[])
        for _ in range(generate.REPORTS_PER_SUBJECT):
            r = next(reports)
            intel.add_report(vault, s.ref, ReportFields(
                type=r[2], received_on=r[3], external_ref=r[4], source_grade=r[7], intel_grade=r[8],
                handling=r[9], full_text=r[11], summary=r[12]))
        for _ in range(generate.MEASURES_PER_SUBJECT):
            m = next(plans)
            measures.add_measure(vault, s.ref, MeasureFields(
                aim=m[2], type=m[3], details=m[4], owner=m[5], start_on=m[6], review_due=m[7],
                status=m[8]))
    inserted = time.perf_counter()
    dash = register.dashboard(vault)
    rows = register.register_rows(vault)
    done = time.perf_counter()
    assert dash.total == subjects and len(rows) == subjects
    assert sum(1 for r in rows if r.restricted) == 0     # the governor holds every key
    check_unreferred(vault)
    return {"insert": inserted - start, "queries": done - inserted, "total": done - start}


def check_unreferred(vault) -> None:
    """The list of unreferred reports kept by triggers (schema m004) must say
    exactly what the rule itself (``intel.REFERRED_SQL``) says."""
    from console.records import intel
    rule = vault.query(f"SELECT r.id, r.subject_id, r.received_on FROM intel_reports r "
                       f"WHERE NOT {intel.REFERRED_SQL}")
    kept = vault.query("SELECT report_id, subject_id, received_on FROM unreferred_reports")
    if sorted(rule) != sorted(kept):
        raise AssertionError("unreferred_reports disagrees with intel.REFERRED_SQL")


class _NoLock:
    def release(self) -> None:
        pass


def _plain_twin(folder: Path):
    """A ``Vault`` object over an unencrypted copy of a new, empty vault,
    opened with the standard library's sqlite3 and the vault's pragmas."""
    from console.audit.genesis import create_vault
    from console.storage.connection import MIRROR
    from console.storage.vault import Vault
    enc = create_vault(folder / "enc", generate.USER, generate.PASSPHRASE,
                       generate.ESTABLISHMENT, kdf=generate.BENCH_KDF)
    plain_db = folder / "plain.db"
    with enc.guard():
        enc.conn.execute(f"ATTACH DATABASE '{plain_db}' AS plain KEY ''")
        enc.conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        enc.conn.execute("DETACH DATABASE plain")
    # The bench reaches into the vault for the secrets its twin needs.
    secret, key, slots, user = bytes(enc._user_secret), bytes(enc._data_key), enc.slots, enc.user
    authority = enc.authority
    enc.close()
    conn = sqlite3.connect(str(plain_db), check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"ATTACH DATABASE ':memory:' AS {MIRROR}")
    twin = Vault(folder / "enc", conn, slots, user, secret, key, _NoLock())
    twin.authority = authority
    return twin


def _without_memory_security() -> None:
    """For the experiment only: open vaults exactly as ``console.storage.vault`` does,
    except that SQLCipher's memory security is left off (it is process-wide
    and cannot be turned off once on, so this runs in a process of its own)."""
    import sqlcipher3

    class Connection(sqlcipher3.Connection):
        def execute(self, sql, *args):
            if sql.replace(" ", "").lower() == "pragmacipher_memory_security=on":
                return super().execute("SELECT 1")
            return super().execute(sql, *args)
    connect = sqlcipher3.connect
    sqlcipher3.connect = lambda *a, **k: connect(*a, factory=Connection, **k)


def _side(kind: str, subjects: int) -> dict:
    """One side of the comparison, run in its own process."""
    if kind == "vault-without-memory-security":
        _without_memory_security()
    with tempfile.TemporaryDirectory(prefix="gc-bench-") as tmp:
        folder = Path(tmp)
        if kind.startswith("vault"):
            from console.audit.genesis import create_vault
            vault = create_vault(folder / "vault", generate.USER, generate.PASSPHRASE,
                                 generate.ESTABLISHMENT, kdf=generate.BENCH_KDF)
        else:
            vault = _plain_twin(folder)
        try:
            return workload(vault, subjects)
        finally:
            vault.close()


def bench_workload(subjects: int = WORKLOAD_SUBJECTS, vault_kind: str = "vault"
                   ) -> list[Figure]:
    procs = {kind: subprocess.Popen(
        [sys.executable, __file__, "--side", kind, "--subjects", str(subjects)],
        stdout=subprocess.PIPE, text=True) for kind in (vault_kind, "plain")}
    out = {}
    for kind, proc in procs.items():
        stdout, _ = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"the {kind} side of the workload failed")
        out[kind] = json.loads(stdout.strip().splitlines()[-1])
    v, p = out[vault_kind], out["plain"]
    label = "" if vault_kind == "vault" else " (experiment: SQLCipher memory security off)"
    return [
        Figure(f"vault workload, {subjects:,} subjects x (1 + 5 reports + 2 measures), one in "
               f"{RESTRICTED_EVERY} restricted (sealed), then dashboard{label}", v["total"], "s",
               p["total"],
               "same services on plain sqlite3", 1.5, ratio_limit=True,
               note=f"inserts {v['insert']:.1f} s vs {p['insert']:.1f} s, queries "
                    f"{v['queries'] * 1000:.0f} ms vs {p['queries'] * 1000:.0f} ms"),
    ]


# -- the register at scale ------------------------------------------------------------
def bench_scale(folder: Path, subjects: int, *, targets: bool) -> list[Figure]:
    """Dashboard, flags and register rows on a generated vault."""
    from console.records import register
    from console.storage.vault import Vault
    vault = Vault.open(folder, generate.USER, generate.PASSPHRASE)
    try:
        dash_med, dash_best = best_of(lambda: register.dashboard(vault))
        flags_med, flags_best = best_of(lambda: register._flag_maps(vault))
        rows_med, rows_best = best_of(lambda: register.register_rows(vault), repeat=3)
        dash = register.dashboard(vault)
        if subjects <= WORKLOAD_SUBJECTS:  # the rule itself is slow to run at scale
            check_unreferred(vault)
    finally:
        vault.close()
    lists = (f"{len(dash.unreferred):,} unreferred, {len(dash.unacknowledged):,} "
             f"unacknowledged, {len(dash.overdue):,} overdue listed")
    n = f"{subjects:,}"
    return [
        Figure(f"dashboard counts and lists, {n} subjects (register.dashboard)", dash_med,
               limit=100 if targets else None, note=f"best {dash_best:.0f} ms; {lists}"),
        Figure(f"register flags, {n} subjects (the three flag queries of register_rows)",
               flags_med, limit=100 if targets else None, note=f"best {flags_best:.0f} ms"),
        Figure(f"register rows, {n} subjects (register.register_rows, every row built)",
               rows_med, note=f"best {rows_best:.0f} ms"),
    ]


# -- key derivation -------------------------------------------------------------------
def bench_kdf() -> list[Figure]:
    from argon2.low_level import Type, hash_secret_raw

    from console.storage import keyslots
    kdf = keyslots.DEFAULT_KDF

    def derive():
        hash_secret_raw(b"a passphrase of usual length", os.urandom(16), time_cost=kdf.time_cost,
                        memory_cost=kdf.memory_cost, parallelism=kdf.parallelism,
                        hash_len=32, type=Type.ID)
    med, best = best_of(derive, repeat=3)
    return [Figure(f"key derivation, Argon2id t={kdf.time_cost} m={kdf.memory_cost // 1024} MiB "
                   f"p={kdf.parallelism} (keyslots.DEFAULT_KDF)", med,
                   note=f"best {best:.0f} ms; tunable per slot")]


def run(*, subjects: int = WORKLOAD_SUBJECTS, scale: int = DASHBOARD_SUBJECTS) -> list[Figure]:
    figures = bench_kdf()
    figures += bench_scale(generate.fixture(WORKLOAD_SUBJECTS, restricted_every=RESTRICTED_EVERY),
                           WORKLOAD_SUBJECTS, targets=False)
    figures += bench_scale(generate.fixture(scale), scale, targets=True)
    figures += bench_workload(subjects)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=WORKLOAD_SUBJECTS)
    parser.add_argument("--scale", type=int, default=DASHBOARD_SUBJECTS)
    parser.add_argument("--memory-security-experiment", action="store_true",
                        help="run only the workload, with SQLCipher's memory security off, "
                             "to show what that setting costs")
    parser.add_argument("--side", choices=("vault", "vault-without-memory-security", "plain"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(_side(args.side, args.subjects)))
        return 0
    if args.memory_security_experiment:
        figures = bench_workload(args.subjects, "vault-without-memory-security")
    else:
        figures = run(subjects=args.subjects, scale=args.scale)
    for f in figures:
        print(f.line())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
