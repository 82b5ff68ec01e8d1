"""No traces: after a scripted working day (demo register, edits by a governor
and a deputy, a briefing, backups, lock, close) no file in the vault folder,
the temp folder or the app's data, config, cache, state and log folders holds
any subject name, note, report text or log entry in clear, whether as UTF-8
or UTF-16. The database and its WAL are unreadable to plain SQLite.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest

from console.audit import backup_ledger
from console.demo.build import build_demo
from console.lawful.backups import make_backup
from console.records import intel, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.layout import DB_FILE
from console.storage.vault import Vault
from tests.conftest import PASS

# Our own, unmistakable entries beside the demo's.
OWN = {
    "name": "Ptolemy Vandersnoot-Achebe",
    "notes": "seen passing a sealed envelope at the visits hall gate",
    "full_text": "caller on the pin phone named the officer who brings the parcels",
    "summary": "officer alleged to convey items for payment",
    "details": "moved off C wing landings pending the review board",
    "log": "spoke to the night manager about the key cabinet at 02:10",
    "edited_notes": "second thoughts: the envelope held a rota, nothing else",
    "reference": "CCU-ZX-99187",
}
MIN_LEN = 10  # shorter demo strings could match by chance


def _known_strings(v) -> set[str]:
    """Every subject name and free text in the vault, read back through it."""
    found = set(OWN.values())
    queries = ["SELECT name FROM subjects", "SELECT notes FROM subjects",
               "SELECT full_text FROM intel_reports", "SELECT summary FROM intel_reports",
               "SELECT details FROM measures", "SELECT effectiveness FROM measures",
               "SELECT text FROM measure_log", "SELECT reason FROM status_changes",
               "SELECT outcome FROM referrals"]
    for sql in queries:
        for (value,) in v.query(sql):
            if value and len(value) >= MIN_LEN and value != "added to the register":
                found.add(value)
    return found


def _needles(strings: set[str]) -> list[tuple[str, bytes]]:
    out = []
    for s in strings:
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append((s, s.encode(enc)))
    return out


def _scan(roots: list[Path], needles) -> list[str]:
    hits = []
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for text, needle in needles:
                if needle in data:
                    hits.append(f"{path}: {text[:20]!r}")
    return hits


def _working_day(vault_path: Path, out: Path, fast_kdf) -> set[str]:
    demo = build_demo(vault_path, PASS, kdf=fast_kdf)
    deputy = next(n for n, r in demo.roles.items() if r == "deputy")
    with Vault.open(vault_path, demo.governor, PASS) as v:
        s = subjects.create_subject(v, SubjectFields(
            OWN["name"], notes=OWN["notes"], likelihood=4, impact=5))
        intel.add_report(v, s.ref, ReportFields(
            type="other", received_on="2026-01-05", source_grade=2, intel_grade="B", handling="P",
            full_text=OWN["full_text"], summary=OWN["summary"]))
        m = measures.add_measure(v, s.ref, MeasureFields(
            aim="protect", type="other", details=OWN["details"]))
        referrals.add_referral(v, s.ref, ReferralFields(
            target="police", referred_on="2026-01-06", reference=OWN["reference"]))
        subjects.update_profile(v, s.ref, SubjectFields(notes=OWN["edited_notes"]))
        known = _known_strings(v)
        # A manual backup, on media inside the scanned home folder.
        make_backup(v, vault_path.parent / "home" / "removable" / "manual.gcbackup",
                    create_folder=True)
        if importlib.util.find_spec("reports.briefing_service"):
            from reports.briefing_service import BriefingOptions, make_briefing
            make_briefing(v, out / "briefing.pdf", BriefingOptions())
        v.conn.execute("SELECT 1")  # still open: the WAL is checked below
        assert (vault_path / f"{DB_FILE}-wal").exists()
        wal_hits = _scan([vault_path], _needles(known))
        assert wal_hits == [], wal_hits
        backup_ledger.backup_on_close_if_due(v)
    with Vault.open(vault_path, deputy, PASS) as d:  # the deputy signs in too
        measures.add_log_entry(d, m.id, OWN["log"])
        d.rotate_data_key()  # as after a removal; it backs up first
    return known


@pytest.mark.slow
def test_a_working_day_leaves_no_readable_trace(vault_path, tmp_path, isolated_machine,
                                            fast_kdf):
    out = tmp_path / "outbox"  # where the user chose to save the briefing: not scanned
    out.mkdir()
    known = _working_day(vault_path, out, fast_kdf)
    assert len(known) > 40, "the demo register should give plenty to look for"

    roots = [vault_path, tmp_path / "tmp", isolated_machine]
    files = [p for r in roots for p in r.rglob("*") if p.is_file()]
    assert any(p.parent.name == "backups" for p in files)
    hits = _scan(roots, _needles(known))
    assert hits == [], f"readable traces: {hits[:5]}"
    if importlib.util.find_spec("reports.briefing_service"):
        assert (out / "briefing.pdf").exists()

    # The scan itself finds a trace when there is one.
    control = tmp_path / "tmp" / "control.txt"
    control.write_bytes(OWN["name"].encode("utf-16-le"))
    assert _scan(roots, _needles(known)) == [f"{control}: {OWN['name'][:20]!r}"]


def test_database_and_wal_are_not_sqlite_without_the_key(vault, vault_path, tmp_path):
    subjects.create_subject(vault, SubjectFields(OWN["name"], notes=OWN["notes"]))
    wal = vault_path / f"{DB_FILE}-wal"
    assert wal.stat().st_size > 0
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copy(vault_path / DB_FILE, probe / "copy.db")
    shutil.copy(wal, probe / "copy.db-wal")
    for path in (vault_path / DB_FILE, probe / "copy.db"):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
                conn.execute("SELECT * FROM sqlite_master").fetchall()
        finally:
            conn.close()
    raw = wal.read_bytes()
    assert OWN["name"].encode() not in raw and OWN["notes"].encode() not in raw


@pytest.mark.slow
def test_packs_and_the_replica_folder_leave_no_readable_trace(tmp_path, isolated_machine,
                                                               fast_kdf):
    """A deputy's replica round trip: the replica pack, the change pack, the
    update, the replica's folder (database, slots, backups) and the
    governor's hold no name, note, measure or log text in clear."""
    from console.storage import snapshot
    from tests import replicas_world as rw
    world = rw.build(tmp_path / "world", kdf=fast_kdf)
    log = "spoke to the gate officer about the parcel rota at 06:40"
    pack = rw.make_replica(world)
    folder = rw.open_replica(world, pack)
    with world.open_replica(folder) as r:
        measures.add_log_entry(r, world.measures[0], log)
        snapshot.automatic_backup(r, "daily")
        rw.send(r, world.root / "changes.gcpack")
    with world.gov() as g:
        rw.receive(g, world.root / "changes.gcpack")
        rw.send(g, world.root / "update.gcpack", "deputy")
        known = {log, rw.NOTE, *rw.NAMES} | {
            v for (v,) in g.query("SELECT details FROM measures") if v}
        known |= {f"{rw.NOTE} ({i})" for i in range(3)}
    with world.open_replica(folder) as r:
        rw.receive(r, world.root / "update.gcpack")
    roots = [world.root, tmp_path / "tmp", isolated_machine]
    packs = sorted(world.root.glob("*.gcpack"))
    assert len(packs) == 3 and any(folder.rglob("*.gcbackup")) is False
    hits = _scan(roots, _needles(known))
    assert hits == [], f"readable traces: {hits[:5]}"
    control = folder / "control.txt"     # the scan finds a trace when there is one
    control.write_bytes(log.encode("utf-16-be"))
    assert _scan(roots, _needles(known)) == [f"{control}: {log[:20]!r}"]
