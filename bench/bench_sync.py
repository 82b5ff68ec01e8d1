"""Benches of replicas and change packs, on the 10,000-subject register
(one subject in ten restricted and sealed):

- making a replica for a deputy (``replica create``): the filtered, rebuilt
  copy, encrypted and signed; baseline: an encrypted backup of the same vault
  (the plain copy of the whole database), same run; target at most 4 times
  the backup;
- exporting a change pack of 1,000 operations on the deputy's replica
  (``sync export``: the first export, which also numbers the operations
  from the replica's chain; later ones only repack them); target under 1 s;
- importing that pack at the governor's vault (``sync import``: signatures,
  the services' checks, 1,000 rows and 1,000 governor-signed entries in one
  write); target under 1 s. Baseline for both: the same 1,000 log entries
  added through the measures service on the governor's vault.

Each import runs on a fresh copy of the governor's vault (a second import of
the same pack is "already applied"). The fixture (replica opened, 1,000 log
entries made on it) is built once per run in a temporary folder.

Run alone: ``python bench/bench_sync.py``.
"""

from __future__ import annotations

import shutil
import statistics
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

SUBJECTS = 10_000
OPS = 1_000
DEPUTY, DEPUTY_PASS = "deputy", "bench deputy passphrase"
IMPORTS = 3


def _forget_seal_copies() -> None:
    """Copies of one vault share its id: this computer's copies of the seals
    would (rightly) call an older copy rewound."""
    from console.storage import paths
    shutil.rmtree(paths.data_dir() / "seals", ignore_errors=True)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def run() -> list[Figure]:
    from console.lawful.backups import make_backup
    from console.records import measures, users
    from console.sync import changes, exchange, home, replica
    from console.sync import session as sync_session
    work = Path(tempfile.mkdtemp(prefix="gc-bench-sync-"))
    try:
        source = generate.fixture(SUBJECTS, restricted_every=10)
        gov_folder = work / "home"
        shutil.copytree(source, gov_folder)
        _forget_seal_copies()
        with sync_session.open_vault(gov_folder, generate.USER, generate.PASSPHRASE) as g:
            users.add_user(g, DEPUTY, DEPUTY_PASS, "deputy")
            mids = [r[0] for r in g.query("SELECT m.id FROM measures m JOIN subjects s ON "
                                          "s.id = m.subject_id WHERE m.status != 'ended' "
                                          "LIMIT 50")]
            backup_ms = _timed(lambda: make_backup(g, work / "plain.gcbackup"))
            create_ms = _timed(lambda: home.create(g, DEPUTY, work / "replica.gcpack"))
        size = (work / "replica.gcpack").stat().st_size / 1e6
        replica.open_pack(work / "replica.gcpack", work / "replica", DEPUTY,
                          DEPUTY_PASS).close()
        with sync_session.open_vault(work / "replica", DEPUTY, DEPUTY_PASS) as r:
            add_ms = _timed(lambda: [measures.add_log_entry(r, mids[i % len(mids)],
                                                            f"Bench log entry {i}")
                                     for i in range(OPS)])
            exports = []
            for i in range(3):
                exports.append(_timed(lambda i=i: changes.export(r, work / f"c{i}.gcpack")))
        pack = work / "c2.gcpack"
        imports = []
        for i in range(IMPORTS):
            copy = work / f"home-{i}"
            shutil.copytree(gov_folder, copy)
            _forget_seal_copies()
            with sync_session.open_vault(copy, generate.USER, generate.PASSPHRASE) as g:
                got = []
                imports.append(_timed(lambda g=g: got.append(exchange.receive(g, pack))))
                assert got[0].refused == 0 and len(got[0].taken.outcomes) == OPS
        return [
            Figure(f"replica create ({SUBJECTS:,} subjects, deputy)", create_ms / 1000, "s",
                   backup_ms / 1000, "encrypted backup of the same vault", limit=4,
                   ratio_limit=True, note=f"pack {size:.1f} MB"),
            Figure(f"sync export ({OPS:,} operations)", exports[0],
                   baseline=add_ms, baseline_name=f"{OPS:,} log entries through the service",
                   limit=1000),
            Figure(f"sync import ({OPS:,} operations)", statistics.median(imports),
                   baseline=add_ms, baseline_name=f"{OPS:,} log entries through the service",
                   limit=1000),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for f in run():
        print(f.line())
