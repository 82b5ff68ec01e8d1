"""Replicas and change packs over real files: a deputy works offline on a
replica, the governor takes the changes in, and updates flow back; every
pack that should be refused is, with one sentence and nothing applied.
Tests that carry an update back to the replica (about a second each) are
marked slow."""

from __future__ import annotations

import json

import pytest

from console.audit import chain
from console.errors import PackRefused, ReadOnly
from console.records import access, measures, users
from console.records.commands import MeasureFields
from console.sync import decisions, exchange, home, packs
from tests import replicas_world as rw
from tests.conftest import FAST_KDF


@pytest.fixture(scope="session")
def world_template(tmp_path_factory, kdf_floor_for_tests):
    root = tmp_path_factory.mktemp("replicas") / "world"
    w = rw.build(root, kdf=FAST_KDF)
    pack = rw.make_replica(w)
    rw.open_replica(w, pack)
    return w


@pytest.fixture
def world(world_template, tmp_path, fast_kdf):
    return rw.copy(world_template, tmp_path / "world")


def counts(w):
    with w.gov() as g:
        return (g.query("SELECT count(*) FROM audit")[0][0],
                g.query("SELECT count(*) FROM measure_log")[0][0])


def deputy_logs(w, *texts, out="changes.gcpack"):
    with w.open_replica(w.root / "replica-deputy") as r:
        for t in texts:
            measures.add_log_entry(r, w.measures[0], t)
        rw.send(r, w.root / out)
    return w.root / out


def test_round_trip_keeps_the_author_and_the_chain_verifies(world):
    pack = deputy_logs(world, "Offline note one", "Offline note two")
    with world.open_replica(world.root / "replica-deputy") as r:
        # the time the author signed, in their own chain entry
        made = r.query("SELECT at FROM audit WHERE action = 'log.add' ORDER BY seq")
    with world.gov() as g:
        got = rw.receive(g, pack)
        assert [o.outcome for o in got.taken.outcomes] == ["applied", "applied"]
        rows = g.query("SELECT by_user, at, text FROM measure_log WHERE text LIKE 'Offline%' "
                       "ORDER BY id")
        assert [(u, t) for u, _a, t in rows] == [("deputy", "Offline note one"),
                                                  ("deputy", "Offline note two")]
        assert [a for _u, a, _t in rows] == [a for (a,) in made]     # the original time
        entries = [e for e in chain.entries(g, "subject", world.refs[0])
                   if e.action == "sync.apply"]
        assert {e.user for e in entries} == {"governor"}
        assert {e.after["op"]["entry"]["user"] for e in entries} == {"deputy"}
        assert chain.verify(g).ok


def test_importing_the_same_pack_again_changes_nothing(world, cli):
    pack = deputy_logs(world, "Only once please")
    with world.gov() as g:
        rw.receive(g, pack)
    before = counts(world)
    r = cli("sync", "import", "--vault", world.home, pack, "--json", passphrase=rw.PASS)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["already_applied"] is True
    assert counts(world) == before


@pytest.mark.parametrize("damage", ["flip", "truncate", "append"])
def test_an_altered_or_truncated_pack_is_refused(world, damage):
    pack = deputy_logs(world, "Tampered on the way")
    raw = bytearray(pack.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x01
    elif damage == "truncate":
        raw = raw[:-100]
    else:
        raw += b"\0"
    pack.write_bytes(bytes(raw))
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="damaged or was changed"):
        rw.receive(g, pack)
    assert counts(world) == before


def test_an_older_or_reordered_pack_is_refused(world):
    first = deputy_logs(world, "First pack", out="one.gcpack")
    second = deputy_logs(world, "Second pack", out="two.gcpack")
    with world.gov() as g:
        got = rw.receive(g, second)     # covers the first pack's operation too
        assert [o.outcome for o in got.taken.outcomes] == ["applied", "applied"]
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="older than one already taken in"):
        rw.receive(g, first)
    assert counts(world) == before


def test_a_pack_for_someone_else_is_refused(world):
    viewer_pack = rw.make_replica(world, "viewer", "viewer.gcpack")
    with world.open_replica(world.root / "replica-deputy") as r, \
            pytest.raises(PackRefused, match="made for someone else"):
        rw.receive(r, viewer_pack)
    with world.gov() as g, pytest.raises(PackRefused, match="made for someone else"):
        rw.receive(g, viewer_pack)
    with pytest.raises(PackRefused, match="does not open this pack"):
        rw.open_replica(world, viewer_pack, "deputy", rw.DEPUTY_PASS,
                        world.root / "stolen")


def test_a_removed_users_replica_can_never_send_again(world):
    pack = deputy_logs(world, "Sent after removal")
    with world.gov() as g:
        users.remove_user(g, "deputy")
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="removed from this vault"):
        rw.receive(g, pack)
    with world.gov() as g:     # someone of the same name added later changes nothing
        users.add_user(g, "deputy", "another passphrase", "deputy")
        with pytest.raises(PackRefused, match="removed from this vault"):
            rw.receive(g, pack)
    assert counts(world)[1] == before[1]


def test_a_gap_in_operation_numbers_is_refused(world):
    deputy_logs(world, "Lost with its pack", out="lost.gcpack")
    with world.open_replica(world.root / "replica-deputy") as r:
        with r.write():
            r.conn.execute("UPDATE replica_meta SET value = '1' WHERE key = 'acked'")
    later = deputy_logs(world, "After the gap", out="later.gcpack")
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="Operations 1 to 1 .* missing"):
        rw.receive(g, later)
    assert counts(world) == before


def test_an_operation_changed_after_signing_is_refused(world):
    """A hostile deputy re-signs a pack whose operation text they changed."""
    deputy_logs(world, "What was really written")
    with world.open_replica(world.root / "replica-deputy") as r:
        op = json.loads(r.query("SELECT op FROM sync_ops")[0][0])
        op["entry"]["after"] = op["entry"]["after"].replace("really", "never")
        meta = tables_meta(r)
        blob = json.dumps([op]).encode()
        forged = packs.seal({"kind": "changes", "vault_id": r.vault_id,
                             "replica_id": meta["replica_id"], "sender": "deputy",
                             "recipient": "governor", "recipient_key": meta["governor_key"],
                             "pack_no": 1, "prev_pack": "", "first": 1, "last": 1, "count": 1},
                            blob, r.identity().sign, meta["governor_key"])
    (world.root / "forged.gcpack").write_bytes(forged)
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="author's signature"):
        rw.receive(g, world.root / "forged.gcpack")
    assert counts(world) == before


def tables_meta(vault):
    from console.sync import tables
    return tables.meta(vault.conn)


def test_a_restricted_record_never_reaches_a_replica_off_its_list(world):
    for user, pw in (("deputy", rw.DEPUTY_PASS), ("viewer", rw.VIEWER_PASS)):
        if user == "viewer":
            rw.open_replica(world, rw.make_replica(world, "viewer", "v.gcpack"), "viewer", pw)
        with world.open_replica(world.root / f"replica-{user}", user, pw) as r:
            assert world.refs[2] not in {ref for (ref,) in r.query("SELECT ref FROM subjects")}
            cells = _every_cell(r)
            assert not [c for c in cells if rw.SECRET_NAME in c or "SN200" in c
                        or "Search lockers (2)" in c]
            assert not r.query("SELECT 1 FROM sealing_keys WHERE scope = ?", (world.refs[2],))
            assert r.query("SELECT count(*) FROM subjects")[0][0] == 2


def _every_cell(vault) -> list[str]:
    out = []
    for (table,) in vault.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in vault.query(f'SELECT * FROM "{table}"'):
            for cell in row:
                if isinstance(cell, bytes):
                    out.append(cell.decode("latin-1"))
                elif cell is not None:
                    out.append(str(cell))
    return out


@pytest.mark.slow
def test_erasure_and_new_restrictions_propagate_and_leave_no_trace(world):
    from console.lawful import retention
    folder = world.root / "replica-deputy"
    with world.open_replica(folder) as r:
        from console.storage import snapshot
        snapshot.automatic_backup(r, "daily")
    with world.gov() as g:
        retention.erase(g, world.refs[0], "Retention period ended")
        access.restrict(g, world.refs[1], "Need to know", allow=[])
        rw.send(g, world.root / "update.gcpack", "deputy")
    with world.open_replica(folder) as r:
        got = rw.receive(r, world.root / "update.gcpack")
        assert got.refreshed.backups_deleted >= 1
        assert r.query("SELECT count(*) FROM subjects")[0][0] == 0
        cells = _every_cell(r)
        assert not [c for c in cells for n in rw.NAMES if n in c]
        assert not [c for c in cells if rw.NOTE in c]
    assert not list((folder / "backups").glob("*.gcbackup"))
    raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert not any(n.encode() in raw for n in rw.NAMES)


def test_a_conflicting_measure_change_goes_to_the_decision_list(world):
    folder = world.root / "replica-deputy"
    with world.open_replica(folder) as r:
        measures.update_measure(r, world.measures[1], MeasureFields(details="Deputy's version"))
        rw.send(r, world.root / "c.gcpack")
    with world.gov() as g:
        measures.update_measure(g, world.measures[1], MeasureFields(details="Governor's own"))
        got = rw.receive(g, world.root / "c.gcpack")
        assert [o.outcome for o in got.taken.outcomes] == ["needs a decision"]
        assert measures.get_measure(g, world.measures[1]).details == "Governor's own"
        (d,) = decisions.pending(g)
        assert (d.author, d.proposed, d.current) == (
            "deputy", {"details": "Deputy's version"}, {"details": "Governor's own"})
        decisions.decide(g, d.id, accept=True)
        assert measures.get_measure(g, world.measures[1]).details == "Deputy's version"
        assert decisions.pending(g) == []
        assert chain.verify(g).ok


def test_a_change_on_a_measure_not_moved_on_is_applied(world):
    with world.open_replica(world.root / "replica-deputy") as r:
        measures.update_measure(r, world.measures[0], MeasureFields(status="degraded"))
        rw.send(r, world.root / "u.gcpack")
    with world.gov() as g:
        got = rw.receive(g, world.root / "u.gcpack")
        assert [o.outcome for o in got.taken.outcomes] == ["applied"]
        assert measures.get_measure(g, world.measures[0]).status == "degraded"


def test_an_operation_on_an_ended_measure_is_refused_and_reported(world, cli):
    pack = deputy_logs(world, "Too late for this one")
    with world.gov() as g:
        measures.update_measure(g, world.measures[0], MeasureFields(status="ended"))
    r = cli("sync", "import", "--vault", world.home, pack, passphrase=rw.PASS)
    assert r.returncode == 1
    assert "refused (That measure has ended" in r.stdout


@pytest.mark.slow
def test_updates_are_applied_once_and_an_older_one_is_refused(world):
    folder = world.root / "replica-deputy"
    with world.gov() as g:
        home.update(g, "deputy", world.root / "u2.gcpack")
        home.update(g, "deputy", world.root / "u3.gcpack")
    import datetime as dt

    from console.clock import utcnow
    from console.sync import replica
    later = utcnow() + dt.timedelta(days=31)
    with pytest.MonkeyPatch.context() as mp:    # stale, until the update arrives
        mp.setattr(replica, "utcnow", lambda: later)
        with world.open_replica(folder) as r:
            assert r.read_only
    with world.open_replica(folder) as r:
        assert rw.receive(r, world.root / "u3.gcpack").refreshed.update_no == 3
        assert rw.receive(r, world.root / "u3.gcpack").already
        with pytest.raises(PackRefused, match="older than one this replica has"):
            rw.receive(r, world.root / "u2.gcpack")


@pytest.mark.slow
def test_changes_not_yet_taken_in_survive_an_update(world):
    folder = world.root / "replica-deputy"
    deputy_logs(world, "Written before the update")
    with world.gov() as g:
        home.update(g, "deputy", world.root / "u.gcpack")
    with world.open_replica(folder) as r:
        got = rw.receive(r, world.root / "u.gcpack").refreshed
        assert got.reapplied == 1
        assert r.query("SELECT by_user FROM measure_log WHERE text = ?",
                       ("Written before the update",)) == [("deputy",)]
        rw.send(r, world.root / "after.gcpack")
    with world.gov() as g:
        got = rw.receive(g, world.root / "after.gcpack")
        assert [o.outcome for o in got.taken.outcomes] == ["applied"]
        assert g.query("SELECT count(*) FROM measure_log WHERE text = ?",
                       ("Written before the update",))[0][0] == 1


def test_a_stale_replica_opens_read_only_and_a_clock_set_back_does_not_reset_it(
        world, monkeypatch):
    import datetime as dt

    from console.clock import utcnow
    from console.sync import replica
    folder = world.root / "replica-deputy"
    real = utcnow()
    monkeypatch.setattr(replica, "utcnow", lambda: real + dt.timedelta(days=31))
    with world.open_replica(folder) as r:
        assert "more than 30 days ago" in r.read_only
        with pytest.raises(ReadOnly):
            measures.add_log_entry(r, world.measures[0], "Refused while stale")
        exchange.send(r, world.root / "stale.gcpack")     # sending still works
    monkeypatch.setattr(replica, "utcnow", lambda: real + dt.timedelta(days=1))
    with world.open_replica(folder) as r:
        assert "clock is behind" in r.read_only

    # Editing the stamp of the last refresh (the deputy holds the data key)
    # takes the governor's signature off it: still read-only.
    with world.open_replica(folder) as r:
        from console.sync import tables
        stamp = tables.meta(r.conn)["stamp"]
        stamp["doc"] = stamp["doc"].replace(real.isoformat()[:4], "2999")
        with tables.writable(r), r.write():
            tables.set_meta(r.conn, stamp=stamp)
    monkeypatch.setattr(replica, "utcnow", lambda: real + dt.timedelta(days=31))
    with world.open_replica(folder) as r:
        assert "does not carry the governor's signature" in r.read_only


@pytest.mark.slow
def test_the_passphrase_can_change_on_either_side(world):
    folder = world.root / "replica-deputy"
    from console.sync import session
    with session.open_vault(world.home, "deputy", rw.DEPUTY_PASS) as d:
        users.change_passphrase(d, rw.DEPUTY_PASS, "a new one at the governor's")
    with world.open_replica(folder) as r:
        users.change_passphrase(r, rw.DEPUTY_PASS, "a new one on the laptop")
    with session.open_vault(folder, "deputy", "a new one on the laptop") as r:
        measures.add_log_entry(r, world.measures[0], "After both changes")
        rw.send(r, world.root / "p.gcpack")
    with world.gov() as g:
        assert rw.receive(g, world.root / "p.gcpack").taken.refused == 0
        home.update(g, "deputy", world.root / "pu.gcpack")
    with session.open_vault(folder, "deputy", "a new one on the laptop") as r:
        assert rw.receive(r, world.root / "pu.gcpack").refreshed.update_no == 2


@pytest.mark.slow
def test_an_update_cut_short_after_the_swap_opens_as_the_new_replica(world, monkeypatch):
    """The process dies between putting the new database in place and saving
    its slots: the next unlock promotes the waiting slots and opens the new
    replica, its chain sealed, its own changes made again."""
    from console.storage import replace
    folder = world.root / "replica-deputy"
    deputy_logs(world, "Made before the cut")
    with world.gov() as g:
        home.update(g, "deputy", world.root / "u.gcpack")

    def die(_folder):
        raise KeyboardInterrupt
    r = world.open_replica(folder)
    monkeypatch.setattr(replace, "fsync_dir", die)
    with pytest.raises(KeyboardInterrupt):
        rw.receive(r, world.root / "u.gcpack")
    r.close()
    monkeypatch.undo()
    with world.open_replica(folder) as r:
        assert tables_meta(r)["update_no"] == 2 and not tables_meta(r).get("reapply")
        assert r.query("SELECT count(*) FROM measure_log WHERE text = ?",
                       ("Made before the cut",))[0][0] == 1
        assert chain.verify(r).ok


@pytest.mark.slow
def test_a_sealed_record_on_the_users_list_travels_both_ways(world):
    """A record restricted to the deputy reaches their replica sealed, opens
    with their own key there, and a log entry on it (sealed on the replica)
    is taken in at the governor's vault."""
    from console.records import subjects
    with world.gov() as g:
        access.restrict(g, world.refs[1], "Need to know", allow=["deputy"])
        rw.send(g, world.root / "u.gcpack", "deputy")
    folder = world.root / "replica-deputy"
    with world.open_replica(folder) as r:
        rw.receive(r, world.root / "u.gcpack")
    with world.open_replica(folder) as r:
        assert subjects.get_subject(r, world.refs[1]).name == rw.NAMES[1]
        assert r.query("SELECT name FROM subjects WHERE ref = ?", (world.refs[1],)) == [("",)]
        measures.add_log_entry(r, world.measures[1], "Seen on the sealed record")
        rw.send(r, world.root / "c.gcpack")
    with world.gov() as g:
        got = rw.receive(g, world.root / "c.gcpack")
        assert [o.outcome for o in got.taken.outcomes] == ["applied"]
        log = measures.get_measure(g, world.measures[1]).log
        assert [(e.by_user, e.text) for e in log] == [("deputy", "Seen on the sealed record")]
        assert chain.verify(g).ok


def test_only_what_travels_back_can_be_changed_on_a_replica(world):
    from console.errors import PermissionDenied
    from console.records import intel, subjects
    from console.records.commands import ReportFields, SubjectFields
    with world.open_replica(world.root / "replica-deputy") as r:
        with pytest.raises(PermissionDenied, match="anything else is done on the governor"):
            subjects.create_subject(r, SubjectFields(name="Not kept anywhere"))
        with pytest.raises(PermissionDenied, match="anything else is done on the governor"):
            intel.add_report(r, world.refs[0], ReportFields(
                type="other", received_on="2026-01-05", source_grade=2, intel_grade="B",
                handling="P", summary="Would be lost at the next update"))
        assert not r.query("SELECT 1 FROM subjects WHERE name = 'Not kept anywhere'")
        measures.add_log_entry(r, world.measures[0], "This one travels")
