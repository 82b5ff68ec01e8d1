"""Deterministic fixture vaults for the benchmarks.

``generate(folder, subjects)`` builds a vault holding ``subjects`` people on
the register, each with 5 intelligence reports and 2 measures, most reports
referred and some referrals acknowledged, so every flag the register shows
has work to do. The same seed, size and ``today`` always give the same rows;
dates are laid out relative to ``today`` so the mix of overdue items does not
drift as the calendar moves on.

Rules:
- Every name, staff number and text here is invented from short fixed lists;
  no real data ever goes into a bench vault.
- Rows go in with bulk inserts in one transaction (see ``_fill`` for why on
  a connection of its own): this builds fixtures fast and is *not* the
  workload being measured (the vault workload in ``bench_vault.py`` goes
  through the services). The triggers and indexes of the schema still run.
- Bench vaults use a cheap key derivation so building and unlocking them is
  quick; the cost of the real default is measured on its own.
- ``restricted_every=N`` restricts every Nth subject to the governors (each
  such record sealed under its own key, as ``access.restrict`` does), and
  seals every report's full text, so a governor's unlock opens every record
  key (the 10,000-subject fixture restricts one in ten).

Run as a script to keep a vault for manual testing:
``python bench/generate.py FOLDER --subjects 10000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from console.audit.genesis import create_vault
from console.clock import now_iso
from console.records.model import (  # noqa: E402
    AIMS,
    CATEGORIES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    STATUSES,
)
from console.storage import keyslots  # noqa: E402
from console.storage.keyslots import KdfParams, SlotFile  # noqa: E402
from console.storage.layout import DB_FILE

SEED = 20_26
USER = "governor"
PASSPHRASE = "bench passphrase, not a secret"
ESTABLISHMENT = "HMP Benchmark"
# Cheap Argon2 for fixtures only; the default's cost is reported separately.
BENCH_KDF = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)
# Bench processes lower the key-derivation floor in memory so fixtures may use
# BENCH_KDF; the floor on every real run, and anything on disk, stays strong.
keyslots.KDF_FLOOR = BENCH_KDF
REPORTS_PER_SUBJECT = 5
MEASURES_PER_SUBJECT = 2

_FIRST = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Jamie", "Morgan", "Casey", "Drew",
          "Lee", "Kim", "Ash", "Frankie", "Jordan", "Taylor", "Charlie", "Nico", "Rene", "Ola")
_LAST = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
         "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
         "Hall", "Wood", "Jackson", "Clarke", "Okafor", "Nowak", "Patel", "Khan", "Murphy")
_ROLES = ("Prison officer", "Supervising officer", "Custodial manager", "OSG", "Chaplain",
          "Healthcare assistant", "Education tutor", "Kitchen instructor", "Works officer")
_LOCATIONS = ("A wing", "B wing", "C wing", "D wing", "Reception", "Healthcare", "Kitchens",
              "Education", "Gate", "Segregation", "Visits", "Workshops")
_EMPLOYMENT = ("directly_employed",) * 6 + ("contractor", "agency", "volunteer")
_STATUS_MIX = ("concern_logged",) * 3 + ("assessed",) * 3 + ("referred_hq",) * 2 + (
    "under_investigation", "criminal_proceedings", "disciplinary", "closed", "closed")
_WORDS = ("seen", "passing", "item", "to", "prisoner", "during", "association", "reported",
          "by", "colleague", "search", "found", "phone", "in", "cell", "after", "shift",
          "visits", "hall", "unexplained", "cash", "contact", "outside", "family")


def _texts(rng: random.Random, words: int, count: int = 256) -> list[str]:
    """A pool of invented sentences; rows pick from it (one random call per
    row rather than one per word keeps 100,000 subjects quick to build)."""
    return [" ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."
            for _ in range(count)]


def _day(today: dt.date, offset: int) -> str:
    return (today + dt.timedelta(days=offset)).isoformat()


def rows(n: int, *, seed: int = SEED, today: dt.date | None = None, user: str = USER):
    """The rows of an ``n``-subject register: a dict of table -> list of tuples,
    with ids assigned from 1 so children can point at their subject."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    at = now_iso()
    cats = CATEGORIES.keys()
    notes, full, summary, details = (_texts(rng, 12), _texts(rng, 40), _texts(rng, 10),
                                     _texts(rng, 15))
    out: dict[str, list[tuple]] = {"subjects": [], "status_changes": [], "intel_reports": [],
                                   "referrals": [], "measures": []}
    year0 = today.year - 7
    per_year = max(1, -(-n // 8))
    report_id = measure_id = 0
    for sid in range(1, n + 1):
        year = year0 + (sid - 1) // per_year
        ref = f"CC-{year}-{(sid - 1) % per_year + 1:03d}"
        status = rng.choice(_STATUS_MIX)
        outcome = rng.choice(OUTCOMES.keys()) if status == "closed" else None
        li, im = rng.randint(1, 5), rng.randint(1, 5)
        chosen = sorted(rng.sample(cats, rng.choice((1, 1, 1, 2, 3))), key=cats.index)
        out["subjects"].append((
            sid, ref, f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", f"B{sid:07d}",
            rng.choice(_ROLES), rng.choice(_LOCATIONS), rng.choice(_EMPLOYMENT),
            _day(today, -rng.randint(200, 9000)), json.dumps(chosen), status, outcome,
            int(rng.random() < 0.05), int(rng.random() < 0.1), li, im,
            max(1, li - rng.randint(0, 2)), max(1, im - rng.randint(0, 1)),
            rng.choice(_FIRST) + " " + rng.choice(_LAST),
            _day(today, rng.randint(-10, 170)), rng.choice(notes), at, at))
        out["status_changes"].append(
            (sid, None, status, outcome, "added to the register", user, at))
        for _ in range(REPORTS_PER_SUBJECT):
            report_id += 1
            received = rng.randint(-700, -1)
            out["intel_reports"].append((
                report_id, sid, rng.choice(REPORT_TYPES.keys()), _day(today, received),
                f"IR-{report_id:07d}", "", 0, rng.randint(1, 3), rng.choice("ABCDE"),
                "P", "", rng.choice(full), rng.choice(summary), user, at))
            # A register in use: nearly every report is referred within days,
            # and most referrals are acknowledged; the rest raise flags.
            if rng.random() < (0.97 if received < -14 else 0.5):
                referred = min(-1, received + rng.randint(0, 6))
                acked = (_day(today, min(-1, referred + rng.randint(1, 20)))
                         if rng.random() < 0.95 else None)
                out["referrals"].append((
                    sid, report_id, rng.choice(REFERRAL_TARGETS.keys()),
                    _day(today, referred), user, f"HQ/{report_id:07d}", acked, None, "", at))
        for _ in range(MEASURES_PER_SUBJECT):
            measure_id += 1
            out["measures"].append((
                measure_id, sid, rng.choice(AIMS.keys()), rng.choice(MEASURE_TYPES.keys()),
                rng.choice(details), rng.choice(_FIRST) + " " + rng.choice(_LAST),
                _day(today, -rng.randint(30, 600)), _day(today, rng.randint(-10, 170)),
                rng.choice(MEASURE_STATUSES.keys()), "", user, at))
    assert set(out) and all(s[9] in STATUSES for s in out["subjects"])
    return out


_INSERT = {
    "subjects": "INSERT INTO subjects(id, ref, name, staff_number, role, location, "
                "employment_type, start_date, categories, status, outcome, suspended, "
                "restricted_duties, likelihood, impact, residual_likelihood, residual_impact, "
                "owner, next_review, notes, created_at, updated_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "status_changes": "INSERT INTO status_changes(subject_id, from_status, to_status, outcome, "
                      "reason, by_user, at) VALUES (?,?,?,?,?,?,?)",
    "intel_reports": "INSERT INTO intel_reports(id, subject_id, type, received_on, "
                     "external_ref, author, author_withheld, source_grade, intel_grade, "
                     "handling, handling_condition, full_text, summary, created_by, "
                     "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "referrals": "INSERT INTO referrals(subject_id, report_id, target, referred_on, "
                 "referred_by, reference, acknowledged_on, next_chase, outcome, created_at) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?)",
    "measures": "INSERT INTO measures(id, subject_id, aim, type, details, owner, start_on, "
                "review_due, status, effectiveness, created_by, created_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?)",
}


def generate(folder: Path | str, subjects: int, *, seed: int = SEED,
             today: dt.date | None = None, kdf: KdfParams = BENCH_KDF,
             restricted_every: int = 0) -> Path:
    """Create a new vault in ``folder`` holding ``subjects`` generated subjects.
    Unlock it with ``USER`` and ``PASSPHRASE``."""
    folder = Path(folder)
    today = today or dt.date.today()
    create_vault(folder, USER, PASSPHRASE, ESTABLISHMENT, display_name="Bench Governor",
                 kdf=kdf).close()
    # The rows go in from a fresh process: the vault turns on SQLCipher's
    # memory security, which is process-wide and cannot be turned off, and it
    # locks and unlocks every allocation (millions of system calls for a
    # bulk fill, four times the fill itself). A fixture needs no such care.
    subprocess.run([sys.executable, __file__, "--fill", str(folder), "--subjects",
                    str(subjects), "--seed", str(seed), "--today", today.isoformat()],
                   check=True)
    seal(folder, restricted_every)
    return folder


def seal(folder: Path, every: int) -> None:
    """Seal every report's full text (the bulk fill wrote it clear, as no
    service would), and restrict every ``every``-th subject (none if 0) to
    the governors, each sealed under its own key, in one write: what
    ``access.restrict`` does for one record, for many at once."""
    from console.audit import chain as audit
    from console.audit import sealing_keys
    from console.audit.current import now
    from console.records import access, fulltext, sealing, session
    vault = session.open_vault(folder, USER, PASSPHRASE)
    try:
        with vault.write():
            key = sealing_keys.keyring(vault).current(sealing_keys.FULLTEXT)
            fulltext.seal_clear_rows(vault, *key)
            chosen = vault.query("SELECT id, ref FROM subjects WHERE id % ? = 0 ORDER BY id",
                                 (every,)) if every else []
            for sid, ref in chosen:
                access.ensure_lawful_row(vault, sid)
                vault.conn.execute("UPDATE subject_lawful SET restricted = 1 WHERE "
                                   "subject_id = ?", (sid,))
                audit.append(vault, "subject.restrict", "subject", ref,
                             after={"allowed": [], "reason": "bench fixture"})
            wraps = sealing.Wraps(vault, now(vault))
            for sid, _ref in chosen:
                sealing.seal(vault, sid, wraps)
            wraps.flush()
        with vault.guard():
            vault.conn.execute("VACUUM")
            vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        vault.close()


def _fill(folder: Path, subjects: int, seed: int, today: dt.date) -> None:
    """Bulk-insert the rows, in one transaction, on a connection opened as
    ``console.storage.vault`` opens it (same key, journal and foreign keys)."""
    slots = SlotFile.load(folder)
    key = slots.data_key(USER, slots.user_secret_from_passphrase(USER, PASSPHRASE))
    data = rows(subjects, seed=seed, today=today)
    conn = sqlcipher3.connect(str(folder / DB_FILE), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # A fixture needs no crash safety: write the pages once, not through
        # the WAL and back, then leave the vault in WAL mode as it found it.
        conn.execute("PRAGMA journal_mode = MEMORY").fetchone()
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("BEGIN")
        for table, sql in _INSERT.items():
            conn.executemany(sql, data[table])
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()


def fixture(subjects: int, *, seed: int = SEED, restricted_every: int = 0) -> Path:
    """A generated vault of this size, built once and kept in the user's cache
    folder (keyed by size, seed, date, schema and this file), so repeated
    bench runs skip the build. Treat it as read-only."""
    import hashlib

    import platformdirs

    from console.storage import schema
    today = dt.date.today()
    tag = hashlib.sha256((Path(schema.__file__).read_text() + Path(__file__).read_text())
                         .encode()).hexdigest()[:12]
    base = Path(platformdirs.user_cache_dir("governors-console-bench"))
    kind = f"{subjects}r{restricted_every}" if restricted_every else f"{subjects}"
    folder = base / f"vault-{kind}-{seed}-{today.isoformat()}-{tag}"
    if not (folder / "complete").exists():
        # Built under a name of this process's own and moved into place
        # whole, so two bench runs (from two checkouts, whose tags differ)
        # never build into or delete each other's vault; only earlier days'
        # vaults are cleared away.
        for old in base.glob(f"vault-{kind}-{seed}-*"):
            if f"-{today.isoformat()}-" not in old.name:
                shutil.rmtree(old, ignore_errors=True)
        building = base / f"building-{kind}-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        generate(building, subjects, seed=seed, today=today, restricted_every=restricted_every)
        (building / "complete").write_text("built\n")
        try:
            building.rename(folder)
        except OSError:                     # another run finished the same vault first
            shutil.rmtree(building, ignore_errors=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a deterministic bench vault.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--subjects", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--restricted-every", type=int, default=0,
                        help="restrict (and seal) every Nth subject")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fill:
        _fill(args.folder, args.subjects, args.seed, args.today or dt.date.today())
        return 0
    start = time.perf_counter()
    generate(args.folder, args.subjects, seed=args.seed, today=args.today,
             restricted_every=args.restricted_every)
    print(f"{args.subjects:,} subjects written to {args.folder} in "
          f"{time.perf_counter() - start:.1f} s (user '{USER}', passphrase '{PASSPHRASE}')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
