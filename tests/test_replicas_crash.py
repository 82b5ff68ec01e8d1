"""SIGKILL while a pack is being taken in: a real child process imports a
change pack of many operations into the governor's vault (or an update into
a replica) and is killed at a random moment; the vault then holds the pack
applied whole or not at all, its chain verifies, and importing again
finishes the job. Slow: it starts a process per kill."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.audit import chain
from console.records import measures
from console.sync import home, tables
from tests import replicas_world as rw
from tests.conftest import FAST_KDF

ROOT = Path(__file__).resolve().parents[1]
OPS = 400
KILLS = 8
SEED = 4711
CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
import console.storage.keyslots as ks
from tests.conftest import FAST_KDF
ks.DEFAULT_KDF = ks.KDF_FLOOR = FAST_KDF
from console.sync import exchange, session
v = session.open_vault(sys.argv[2], sys.argv[3], sys.argv[4])
print("open", flush=True)
exchange.receive(v, sys.argv[5])
print("done", flush=True)
v.close()
"""


def _forget_seal_copies():
    """Every copy of the world shares its vault id, so this computer's copies
    of the users' seals (which would rightly call an older copy rewound) are
    cleared between copies."""
    from console.storage import paths
    shutil.rmtree(paths.data_dir() / "seals", ignore_errors=True)


def _child(folder, user, passphrase, pack):
    _forget_seal_copies()
    return subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(folder), user,
                             passphrase, str(pack)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _kill_during(proc, delay: float) -> bool:
    """SIGKILL ``proc`` ``delay`` seconds after it opened the vault; True if
    it was killed before it finished."""
    line = proc.stdout.readline()
    assert line.strip() == "open", proc.stderr.read()
    time.sleep(delay)
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return not finished


@pytest.fixture(scope="module")
def busy_world(tmp_path_factory, kdf_floor_for_tests):
    root = tmp_path_factory.mktemp("crash") / "world"
    w = rw.build(root, kdf=FAST_KDF)
    rw.open_replica(w, rw.make_replica(w))
    with w.open_replica(root / "replica-deputy") as r:
        for i in range(OPS):
            measures.add_log_entry(r, w.measures[i % 2], f"Offline entry {i:04}")
        rw.send(r, root / "changes.gcpack")
    with w.gov() as g:
        home.update(g, "deputy", root / "update.gcpack")
    return w


def _timed(proc) -> float:
    assert proc.stdout.readline().strip() == "open", proc.stderr.read()
    start = time.monotonic()
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    return time.monotonic() - start


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_sigkill_during_a_change_pack_import_leaves_all_or_nothing(busy_world, tmp_path):
    rng = random.Random(SEED)
    probe = rw.copy(busy_world, tmp_path / "probe")
    span = _timed(_child(probe.home, "governor", rw.PASS, probe.root / "changes.gcpack"))
    outcomes = set()
    for i in range(KILLS):
        w = rw.copy(busy_world, tmp_path / f"kill-{i}")
        killed = _kill_during(_child(w.home, "governor", rw.PASS, w.root / "changes.gcpack"),
                              rng.uniform(0, span * 1.1))
        _forget_seal_copies()
        with w.gov() as g:
            n = g.query("SELECT count(*) FROM measure_log WHERE text LIKE 'Offline entry%'")[0][0]
            assert n in (0, OPS), f"kill {i}: {n} of {OPS} operations landed"
            assert chain.verify(g).ok
            outcomes.add((killed, n))
            got = rw.receive(g, w.root / "changes.gcpack")
            assert got.already == (n == OPS)
            assert g.query("SELECT count(*) FROM measure_log WHERE text LIKE "
                           "'Offline entry%'")[0][0] == OPS
    assert any(killed and n == 0 for killed, n in outcomes), outcomes


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_sigkill_during_an_update_leaves_the_replica_old_or_new(busy_world, tmp_path):
    rng = random.Random(SEED + 1)
    probe = rw.copy(busy_world, tmp_path / "probe")
    folder = probe.root / "replica-deputy"
    span = _timed(_child(folder, "deputy", rw.DEPUTY_PASS, probe.root / "update.gcpack"))
    seen = set()
    for i in range(KILLS):
        w = rw.copy(busy_world, tmp_path / f"kill-{i}")
        folder = w.root / "replica-deputy"
        _kill_during(_child(folder, "deputy", rw.DEPUTY_PASS, w.root / "update.gcpack"),
                     rng.uniform(0, span * 1.1))
        _forget_seal_copies()
        with w.open_replica(folder) as r:
            m = tables.meta(r.conn)
            assert m["update_no"] in (1, 2) and not m.get("reapply")
            n = r.query("SELECT count(*) FROM measure_log WHERE text LIKE 'Offline entry%'")
            assert n[0][0] == OPS       # the replica's own work is there either way
            assert chain.verify(r).ok
            seen.add(m["update_no"])
            if m["update_no"] == 1:
                assert rw.receive(r, w.root / "update.gcpack").refreshed.update_no == 2
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert seen
