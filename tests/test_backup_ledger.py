"""Backup bookkeeping from signed data: each backup's time and order come from
its signed manifest bounded by the chain head it holds, never from file names
or the wall clock alone; files that cannot be placed are listed as such and
never counted or deleted by pruning; ``backup --out`` never writes inside the
vault, into a missing folder unasked, or over a file unasked; ``backups``
shows which backups the retention rules flag."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile

import pytest

from console.audit import backup_ledger, unlock
from console.lawful import retention
from console.lawful.backups import make_backup
from console.records import subjects, users
from console.records.commands import SubjectFields
from console.storage import snapshot
from tests.conftest import PASS

YEAR = dt.timedelta(days=365)


@pytest.fixture
def vault(vault, vault_path):
    """The governor's vault opened as the console opens it, through the audit
    room (which gives it the ledger that prunes)."""
    vault.close()
    v = unlock.open_vault(vault_path, "governor", PASS)
    yield v
    v.close()


@pytest.fixture
def clock(monkeypatch):
    """The wall clock as backups and the ledger read it; ``clock.shift`` moves it."""
    class Clock:
        offset = dt.timedelta()

        def now(self):
            return dt.datetime.now(dt.timezone.utc) + self.offset
    c = Clock()
    monkeypatch.setattr(snapshot, "_utcnow", c.now)
    monkeypatch.setattr(backup_ledger, "utcnow", c.now)
    return c


def _paths(vault) -> list:
    return [p.info.path for p in backup_ledger.place(vault)]


# -- a clock that ran ahead ----------------------------------------------------------------

def test_a_clock_that_ran_ahead_neither_stops_daily_backups_nor_drops_the_rotation_backup(
        vault, clock):
    users.set_setting(vault, "backup_keep", 3)
    clock.offset = YEAR                                  # the laptop's clock a year ahead
    ahead = [snapshot.automatic_backup(vault, "daily") for _ in range(3)]
    assert all("2027" in p.name or "2028" in p.name for p in ahead)
    clock.offset = dt.timedelta()                        # put right
    subjects.create_subject(vault, SubjectFields("Written After The Clock Was Fixed"))
    vault.rotate_data_key()
    rekey = [p for p in backup_ledger.place(vault) if p.info.reason == "rekey"]
    assert len(rekey) == 1 and rekey[0].info.path.exists()
    assert _paths(vault)[0] == rekey[0].info.path        # the newest, by the chain
    # Its bounded time cannot be later than the entry written after it.
    made = [p for p in backup_ledger.place(vault) if p.info.path == ahead[-1]]
    assert not made or made[0].made_at < (dt.datetime.now(dt.timezone.utc)
                                          + dt.timedelta(minutes=5)).isoformat()
    # A day on, the daily backup is due again (the names saying next year move nothing).
    clock.offset = dt.timedelta(days=1, minutes=5)
    assert backup_ledger.daily_due(vault)
    assert backup_ledger.backup_on_close_if_due(vault) is not None


def test_files_named_far_in_the_future_are_never_counted_or_deleted(vault, clock):
    users.set_setting(vault, "backup_keep", 3)
    real = [snapshot.automatic_backup(vault, "daily") for _ in range(3)]
    folder = snapshot.backups_dir(vault.folder)
    planted = [folder / f"backup-99991231T0000{i:02d}.000000Z-daily.gcbackup" for i in range(10)]
    for p in planted:
        p.write_bytes(b"")
    vault.rotate_data_key()                              # takes a backup and prunes
    left = set(folder.iterdir())
    assert set(planted) <= left                          # listed, never deleted by pruning
    placed = [p for p in backup_ledger.place(vault) if p.counted]
    assert len(placed) == 3 and placed[0].info.reason == "rekey"
    assert [p.info.path for p in placed[1:]] == list(reversed(real[1:]))
    damaged = [p for p in backup_ledger.place(vault) if not p.counted]
    assert {p.info.path for p in damaged} == set(planted)
    assert all(p.status == "damaged" for p in damaged)


def test_a_label_edited_to_look_newer_is_not_placed(vault, clock, tmp_path):
    real = snapshot.automatic_backup(vault, "daily")
    forged = real.with_name("backup-20990101T000000.000000Z-daily.gcbackup")
    with zipfile.ZipFile(real) as zin, zipfile.ZipFile(forged, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "manifest.json":
                m = json.loads(data)
                m["created_at"] = "2099-01-01T00:00:00+00:00"
                m["head"]["seq"] += 5
                data = json.dumps(m).encode()
            zout.writestr(item, data)
    statuses = {p.info.path: p.status for p in backup_ledger.place(vault)}
    assert statuses == {real: "placed", forged: "unverified"}


def test_a_backup_made_while_the_clock_ran_ahead_is_flagged_after_an_erasure(vault, clock):
    s = subjects.create_subject(vault, SubjectFields("To Be Erased"))
    clock.offset = YEAR
    ahead = snapshot.automatic_backup(vault, "daily")
    clock.offset = dt.timedelta()
    retention.erase(vault, s.ref, "Retention period over")
    flags = {f.path: f.reason for f in retention.backup_flags(vault)}
    assert "made before a record was erased" in flags[ahead]


def test_a_backup_made_before_a_removal_is_flagged(vault, clock):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    before = snapshot.automatic_backup(vault, "daily")
    users.remove_user(vault, "dep")
    flags = {f.path: f.reason for f in retention.backup_flags(vault)}
    assert "the key dep knew before they were removed" in flags[before]
    rekey = [p.info.path for p in backup_ledger.place(vault) if p.info.reason == "rekey"]
    assert "the key dep knew" in flags[rekey[0]]     # the removal's own rotation


def test_the_backups_command_shows_the_flags(vault, vault_path, cli):
    s = subjects.create_subject(vault, SubjectFields("Erased Later"))
    snapshot.automatic_backup(vault, "daily")
    retention.erase(vault, s.ref, "Retention period over")
    vault.close()
    out = cli("backups", "--vault", vault_path, passphrase=PASS)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "DELETE: It was made before a record was erased" in lines[1]
    assert "1 of 1 backup should be deleted" in out.stdout


# -- backup --out -----------------------------------------------------------------------------

def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_out_never_writes_inside_the_vault_or_over_a_file(vault, vault_path, tmp_path,
                                                                 cli):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    vault.close()
    db = vault_path / "register.db"
    before = _digest(db)

    def run(*args):
        return cli("backup", "--vault", vault_path, *args, passphrase=PASS)

    missing = tmp_path / "stick" / "weekly"
    out = run("--out", f"{missing}/")
    assert out.returncode == 2 and "does not exist" in out.stderr
    assert not missing.exists() and not missing.parent.exists()
    out = run("--out", f"{missing}/", "--mkdir")
    assert out.returncode == 0, out.stderr
    (made,) = list(missing.iterdir())
    assert made.suffix == ".gcbackup" and snapshot.read_manifest(made)["reason"] == "manual"

    for inside in (f"{vault_path}/backups/", f"{vault_path}/register.db", f"{vault_path}/",
                   f"{vault_path}/keyslots.json", f"{vault_path}/backups/x.gcbackup"):
        out = run("--out", inside, "--force")
        assert out.returncode == 2 and "inside the vault's own folder" in out.stderr, inside
        assert "Backup written" not in out.stdout
    assert _digest(db) == before
    assert not [p for p in (vault_path / "backups").glob("*manual*")]

    out = run("--out", made)
    assert out.returncode == 2 and "exists already" in out.stderr
    old = _digest(made)
    out = run("--out", made, "--force")
    assert out.returncode == 0 and _digest(made) != old

    out = cli("user", "remove", "dep", "--vault", vault_path, passphrase=PASS)
    assert out.returncode == 0, out.stderr
    with unlock.open_vault(vault_path, "governor", PASS) as v:
        assert "dep" not in v.slots.users


def test_backups_are_still_listed_when_the_vault_cannot_be_opened(vault, vault_path, cli):
    made = snapshot.automatic_backup(vault, "daily")
    vault.close()
    db = vault_path / "register.db"
    db.write_bytes(db.read_bytes()[:1024])          # damaged: it will not open
    out = cli("backups", "--vault", vault_path, passphrase=PASS)
    assert out.returncode == 0
    assert "listed by what their own labels say" in out.stderr
    assert str(made) in out.stdout and "(label)" in out.stdout
