"""Replicas and packs attacked as hostile insiders would: a deputy or viewer
holding their replica's data key (raw SQL, their own signing key, the
project's own code), someone with the packs on a stick (copy, alter, cut,
reorder, replay, swap), a removed user with an old replica. Every attack is
refused with one sentence and nothing applied, or shown to change nothing
at the governor's vault."""

from __future__ import annotations

import json
import secrets
import struct

import pytest

from console.audit import chain
from console.audit.hashing import digest, payload_hash
from console.clock import now_iso
from console.errors import PackRefused, ValidationError
from console.records import access, users
from console.sync import packs, tables
from tests import replicas_world as rw
from tests.test_replicas import counts, deputy_logs, world, world_template  # noqa: F401

REPLICA = "replica-deputy"


# -- what a deputy can make with their own key ---------------------------------------------

def forged_entry(r, action: str, ref: str, after: dict, *, before=None, at=None, user=None,
                 identity=None, seq=10**6) -> dict:
    """A chain entry signed with ``identity`` (default: the signed-in user's
    own key) that was never made through a service."""
    salt = secrets.token_bytes(16)
    a = chain.canonical(after).decode()
    b = chain.canonical(before).decode() if before is not None else None
    ph = payload_hash(salt, b, a)
    at = at or now_iso()
    who = user or r.user.name
    prev = "0" * 64
    h = digest(prev, seq, at, who, action, "subject", ref, ph)
    sig = (identity or r.identity()).sign(bytes.fromhex(h))
    return {"seq": seq, "at": at, "user": who, "action": action, "entity": "subject",
            "entity_id": ref, "prev": prev, "hash": h, "signature": packs.b64(sig),
            "salt": packs.b64(salt), "before": b, "after": a}


def forged_pack(r, out, items: list, *, pack_no=None, prev_pack=None, sender=None,
                replica_id=None, sign=None, blob=None):
    """A change pack of the deputy's own making: ``items`` are operations
    (dicts) or entries (numbered from the next operation the governor
    expects), signed with the deputy's key (or ``sign``)."""
    m = tables.meta(r.conn)
    rid = replica_id or m["replica_id"]
    first = int(m.get("acked", 0)) + 1
    ops_ = [i if "entry" in i else {"origin": rid, "seq": first + n, "entry": i}
            for n, i in enumerate(items)]
    seqs = [o["seq"] for o in ops_]
    meta = {"kind": "changes", "vault_id": r.vault_id, "replica_id": rid,
            "sender": sender or r.user.name, "recipient": m["governor"],
            "recipient_key": m["governor_key"],
            "pack_no": pack_no or int(m.get("pack_no", 0)) + 1,
            "prev_pack": m.get("pack_hash", "") if prev_pack is None else prev_pack,
            "first": seqs[0] if seqs else 0, "last": seqs[-1] if seqs else 0,
            "count": len(seqs), "created_at": now_iso()}
    raw = packs.seal(meta, blob if blob is not None else json.dumps(ops_).encode(),
                     sign or r.identity().sign, m["governor_key"])
    out.write_bytes(raw)
    return out


def receive(world, pack):
    with world.gov() as g:
        return rw.receive(g, pack)


def outcomes(got):
    return [(o.outcome, o.reason) for o in got.taken.outcomes]


def log_rows(world, text: str) -> int:
    with world.gov() as g:
        return g.query("SELECT count(*) FROM measure_log WHERE text = ?", (text,))[0][0]


# -- operations forged or edited on the replica ----------------------------------------------

def test_the_same_signed_entry_under_two_numbers_is_taken_in_once(world):
    deputy_logs(world, "Written once")
    with world.open_replica(world.root / REPLICA) as r:
        (op,) = [json.loads(o) for (o,) in r.query("SELECT op FROM sync_ops")]
        pack = forged_pack(r, world.root / "dup.gcpack", [op["entry"], op["entry"]],
                           pack_no=1, prev_pack="")
    got = receive(world, pack)
    assert [o for o, _ in outcomes(got)] == ["applied", "already applied"]
    assert log_rows(world, "Written once") == 1


@pytest.mark.parametrize("at", ["yesterday at noon", "2999-01-01T00:00:00.000000+00:00",
                                "2001-01-01T00:00:00.000000+00:00",
                                "2026-01-01T09:00:00.000000+14:00"])
def test_an_operation_dated_outside_its_replicas_life_is_refused(world, at):
    with world.open_replica(world.root / REPLICA) as r:
        e = forged_entry(r, "log.add", world.refs[0], {
            "measure_id": world.measures[0], "entry_id": 99, "text": "Backdated",
            "corrects": None}, at=at)
        pack = forged_pack(r, world.root / "at.gcpack", [e])
    got = receive(world, pack)
    ((outcome, reason),) = outcomes(got)
    assert outcome == "refused" and "time" in reason
    assert log_rows(world, "Backdated") == 0


def test_an_operation_on_a_record_the_deputy_never_held_is_refused(world):
    """The restricted record's reference and measure number are guessable
    (references are in the chain's headers): a forged operation on it."""
    with world.open_replica(world.root / REPLICA) as r:
        e = forged_entry(r, "log.add", world.refs[2], {
            "measure_id": world.measures[2], "entry_id": 99, "text": "Planted on it",
            "corrects": None})
        moved = forged_entry(r, "log.add", world.refs[0], {
            "measure_id": world.measures[2], "entry_id": 98, "text": "Planted on it",
            "corrects": None})
        pack = forged_pack(r, world.root / "hidden.gcpack", [e, moved])
    got = receive(world, pack)
    assert [o for o, _ in outcomes(got)] == ["refused", "refused"]
    assert "may no longer see it" in outcomes(got)[0][1]
    assert "no longer exists" in outcomes(got)[1][1]
    assert log_rows(world, "Planted on it") == 0


def test_an_operation_on_a_record_restricted_away_since_is_refused(world):
    pack = deputy_logs(world, "Written before the restriction")
    with world.gov() as g:
        access.restrict(g, world.refs[0], "Police operation", allow=[])
    got = receive(world, pack)
    ((outcome, reason),) = outcomes(got)
    assert outcome == "refused" and "may no longer see it" in reason
    assert log_rows(world, "Written before the restriction") == 0


def test_a_deputy_made_viewer_since_has_their_operations_refused(world):
    pack = deputy_logs(world, "Written as a deputy")
    with world.gov() as g:
        users.set_role(g, "deputy", "viewer")
    got = receive(world, pack)
    ((outcome, reason),) = outcomes(got)
    assert outcome == "refused" and "log entry" in reason
    assert log_rows(world, "Written as a deputy") == 0


def test_a_pack_or_operation_claiming_another_author_is_refused(world):
    from console.storage.identity import generate_identity
    before = counts(world)
    with world.open_replica(world.root / REPLICA) as r:
        mine = forged_entry(r, "log.add", world.refs[0], {
            "measure_id": world.measures[0], "entry_id": 99, "text": "Claimed",
            "corrects": None})
        fake = generate_identity("Gwen Governor", "Governor", "HMP Testshire")
        as_gov = forged_entry(r, "log.add", world.refs[0], {
            "measure_id": world.measures[0], "entry_id": 99, "text": "Claimed",
            "corrects": None}, user="governor", identity=fake)
        a = forged_pack(r, world.root / "a.gcpack", [mine], sender="governor")
        b = forged_pack(r, world.root / "b.gcpack", [mine], sign=fake.sign)
        c = forged_pack(r, world.root / "c.gcpack", [as_gov])
    for pack, why in ((a, "not signed by the user its replica was made for"),
                      (b, "does not carry deputy's signature"),
                      (c, "does not carry its author's signature")):
        with world.gov() as g, pytest.raises(PackRefused, match=why):
            rw.receive(g, pack)
    assert counts(world) == before


# -- packs that are too big or too deep ------------------------------------------------------

def test_a_header_nested_too_deep_is_refused_in_one_sentence(world):
    deep = b"[" * 200_000 + b"]" * 200_000
    bad = world.root / "deep.gcpack"
    bad.write_bytes(packs.MAGIC + struct.pack(">I", len(deep)) + deep + b"\0" * 32)
    with world.gov() as g, pytest.raises(PackRefused, match="damaged or was changed"):
        rw.receive(g, bad)
    with pytest.raises(PackRefused, match="damaged or was changed"):
        rw.open_replica(world, bad, folder=world.root / "deep")


def test_operations_nested_too_deep_are_refused_in_one_sentence(world):
    before = counts(world)
    with world.open_replica(world.root / REPLICA) as r:
        deep = b"[" * 200_000 + b"]" * 200_000
        pack = forged_pack(r, world.root / "deep.gcpack", [], blob=deep)
    with world.gov() as g, pytest.raises(PackRefused, match="damaged or was changed"):
        rw.receive(g, pack)
    assert counts(world) == before


# -- the stale rule ---------------------------------------------------------------------------

def test_a_stale_limit_raised_by_sql_on_the_replica_changes_nothing(world, monkeypatch):
    import datetime as dt

    from console.clock import utcnow
    from console.sync import replica
    folder = world.root / REPLICA
    with world.open_replica(folder) as r:
        r.conn.execute("INSERT INTO meta(key, value) VALUES ('replica_stale_days', '365') "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        r.conn.commit()
    later = utcnow() + dt.timedelta(days=31)
    monkeypatch.setattr(replica, "utcnow", lambda: later)
    with world.open_replica(folder) as r:
        assert r.read_only and "more than 30 days ago" in r.read_only


def test_operations_made_after_the_replica_went_stale_are_refused(world):
    """The deputy lifts read-only with their own script and keeps writing
    (their clock right): the governor's vault holds the stale rule too."""
    import datetime as dt

    from console.clock import utcnow
    late = (utcnow() + dt.timedelta(days=40)).isoformat(timespec="microseconds")
    with world.open_replica(world.root / REPLICA) as r:
        e = forged_entry(r, "log.add", world.refs[0], {
            "measure_id": world.measures[0], "entry_id": 99, "text": "Written while stale",
            "corrects": None}, at=late)
        pack = forged_pack(r, world.root / "stale.gcpack", [e])
    import console.sync.apply as apply
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(apply, "utcnow", lambda: utcnow() + dt.timedelta(days=41))
        got = receive(world, pack)
    ((outcome, reason),) = outcomes(got)
    assert outcome == "refused" and "outside the days its replica could have made it" in reason
    assert log_rows(world, "Written while stale") == 0


# -- what a replica, its packs and the governor's vault give away -----------------------------

def _pack_database(pack, user: str, passphrase: str, folder) -> tuple[list[bytes], bytes]:
    """A replica pack opened as its user can with their passphrase and a few
    lines of Python: the database inside (under the key the pack carries),
    every cell and every decrypted page of it."""
    from console.storage import keyslots
    from console.storage.keyslots import SlotFile
    from tests import insider_dump as dump
    raw = pack.read_bytes()
    header, _ = packs.header_of(raw)
    slots = SlotFile(header["vault_id"], {user: dict(header["slot"])},
                     keyslots.KdfParams(**header["slot"]["passphrase"]["kdf"]))
    secret = slots.user_secret_from_passphrase(user, passphrase)
    opened = packs.open_(raw, keyslots.user_private_key(secret), header["slot"]["public"])
    folder.mkdir()
    (folder / "register.db").write_bytes(opened.blob)
    key = bytes.fromhex(opened.meta["db_key"])
    return dump.cells(folder, key) + dump.pages(folder, key), opened.blob


def test_what_a_user_may_not_see_is_in_no_page_of_their_pack_or_replica(world):
    """A subject whose staff number is the user's (barred, not restricted, so
    clear in the governor's vault) and the sealed record: in no cell and no
    decrypted page (free pages included) of the pack's database, nor of the
    opened replica's file and log."""
    from console.records import measures, subjects
    from console.records.commands import MeasureFields, SubjectFields
    from tests import insider_dump as dump
    barred = ["Barnaby Conflictworth", "barred-notes-text", "barred-measure-details"]
    with world.gov() as g:
        users.add_user(g, "dep2", "second deputy passphrase", "deputy", staff_number="D900")
        s = subjects.create_subject(g, SubjectFields(name=barred[0], staff_number="D900",
                                                     notes=barred[1]))
        measures.add_measure(g, s.ref, MeasureFields(aim="protect", type="enhanced_searching",
                                                     details=barred[2], status="active"))
    pack = rw.make_replica(world, "dep2", "dep2.gcpack")
    secret = barred + [rw.SECRET_NAME, "SN200", "Search lockers (2)"]
    blobs, blob = _pack_database(pack, "dep2", "second deputy passphrase", world.root / "x")
    assert dump.found(secret, blobs) == set()
    assert dump.found([rw.NAMES[0]], blobs) == {rw.NAMES[0]}      # the scan does find text
    folder = rw.open_replica(world, pack, "dep2", "second deputy passphrase")
    key = dump.data_key(folder, "dep2", "second deputy passphrase")
    assert dump.found(secret, dump.cells(folder, key) + dump.pages(folder, key)) == set()
    everything = b"".join(p.read_bytes() for p in world.root.rglob("*") if p.is_file()
                          and "home" not in p.parts)
    assert dump.found(secret, [everything]) == set()


@pytest.mark.slow
def test_a_sealed_records_changes_from_a_replica_stay_sealed_at_home(world):
    """A record restricted to the deputy: their log entry and proposed change
    come home through a pack (one applied, one decided on later). The
    viewer, off its list, holding the governor's vault's data key, finds
    neither text in any cell or page, nor in a backup made after."""
    from console.records import measures
    from console.records.commands import MeasureFields
    from console.storage import snapshot
    from tests import insider_dump as dump
    texts = ["sealed-sync-log-text", "sealed-sync-proposal", rw.NAMES[1]]
    with world.gov() as g:
        access.restrict(g, world.refs[1], "Need to know", allow=["deputy"])
    pack = rw.make_replica(world, "deputy", "sealed.gcpack")
    folder = rw.open_replica(world, pack, folder=world.root / "sealed-replica")
    with world.open_replica(folder) as r:
        measures.add_log_entry(r, world.measures[1], texts[0])
        measures.update_measure(r, world.measures[1], MeasureFields(details=texts[1]))
        rw.send(r, world.root / "c.gcpack")
    with world.gov() as g:
        measures.update_measure(g, world.measures[1], MeasureFields(details="Governor's own"))
        got = rw.receive(g, world.root / "c.gcpack")
        assert [o.outcome for o in got.taken.outcomes] == ["applied", "needs a decision"]
        from console.sync import decisions
        (d,) = decisions.pending(g)
        decisions.decide(g, d.id, accept=True)        # the proposal becomes the measure's
        assert measures.get_measure(g, world.measures[1]).details == texts[1]
        snapshot.automatic_backup(g, "daily")
    key = dump.data_key(world.home, "viewer", rw.VIEWER_PASS)
    blobs = dump.cells(world.home, key) + dump.pages(world.home, key)
    assert dump.found(texts, blobs) == set()
    assert dump.found([rw.NAMES[0]], blobs) == {rw.NAMES[0]}      # the scan does find text
    import zipfile
    (backup,) = (world.home / "backups").glob("*.gcbackup")
    copy = world.root / "backup-copy"
    copy.mkdir()
    with zipfile.ZipFile(backup) as z:
        (copy / "register.db").write_bytes(z.read("register.db"))
    blobs = dump.cells(copy, key) + dump.pages(copy, key)
    assert dump.found(texts + [rw.NAMES[0]], blobs) == {rw.NAMES[0]}


def test_a_pack_larger_than_its_kind_allows_is_refused_unread(world):
    big = world.root / "big.gcpack"
    with big.open("wb") as fh:                  # sparse: nothing is written or read
        fh.truncate(packs.MAX_CHANGES + 1)
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="larger than any pack of this kind"):
        rw.receive(g, big)
    assert counts(world) == before
    with big.open("wb") as fh:
        fh.truncate(packs.MAX_PACK + 1)
    with world.open_replica(world.root / REPLICA) as r, \
            pytest.raises(PackRefused, match="larger than any pack"):
        rw.receive(r, big)
    with pytest.raises(PackRefused, match="larger than any pack"):
        rw.open_replica(world, big, folder=world.root / "big")
    big.unlink()


def test_a_replica_pack_with_another_vault_id_in_its_header_opens_nowhere(world):
    """The vault id in a replica pack's clear header names folders later (a
    policy backup folder): a traversal put there is refused, since the key
    slot beside it is bound to the real one."""
    pack = world.root / "replica.gcpack"
    raw = pack.read_bytes()
    header, header_bytes = packs.header_of(raw)
    header["vault_id"] = "../../escaped"
    new = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    rest = raw[len(packs.MAGIC) + 4 + len(header_bytes):]
    bad = world.root / "traversal.gcpack"
    bad.write_bytes(packs.MAGIC + struct.pack(">I", len(new)) + new + rest)
    with pytest.raises(PackRefused, match="does not open this pack"):
        rw.open_replica(world, bad, folder=world.root / "t" / "replica")
    assert not (world.root / "t").exists() and not (world.root.parent / "escaped").exists()


@pytest.mark.slow
def test_an_update_for_the_users_other_replica_is_refused(world):
    """The governor made the deputy a second replica (a new laptop): an
    update for it opens with the deputy's key but is not for the first."""
    second = rw.make_replica(world, "deputy", "second.gcpack")
    rw.open_replica(world, second, folder=world.root / "second-replica")
    with world.gov() as g:
        rw.send(g, world.root / "u.gcpack", "deputy")     # for the newest replica
    with world.open_replica(world.root / REPLICA) as r:
        before = r.query("SELECT count(*) FROM audit")[0][0]
        with pytest.raises(PackRefused, match="made for someone else"):
            rw.receive(r, world.root / "u.gcpack")
        assert r.query("SELECT count(*) FROM audit")[0][0] == before


def test_a_replica_row_planted_in_the_governors_vault_sends_nothing(world):
    """A deputy with a slot on the governor's vault writes a row for a replica
    the governor never made (dated years back, so backdated entries fit its
    life) and sends a pack from it, signed with their own key."""
    from console.sync import home
    from tests import insiders
    with world.gov() as g:
        users.add_user(g, "dep2", "second deputy passphrase", "deputy")
        home.create(g, "deputy", world.root / "another.gcpack")    # the table exists
    d = insiders.open_raw(world.home, "dep2", "second deputy passphrase")
    try:
        seq = d.query("SELECT max(seq) FROM audit")[0][0]
        d.conn.execute("INSERT INTO sync_replicas(replica_id, user, created_at, created_seq, "
                       "replica_key, update_no, last_update) VALUES ('planted', 'dep2', "
                       "'2020-01-01T00:00:00.000000+00:00', ?, ?, 1, "
                       "'2020-01-01T00:00:00.000000+00:00')",
                       (seq, d.slots.users["dep2"]["public"]))
        d.conn.commit()
        gov_key = d.slots.users["governor"]["public"]
        e = forged_entry(d, "log.add", world.refs[0], {
            "measure_id": world.measures[0], "entry_id": 1, "text": "Dated long ago",
            "corrects": None}, at="2020-01-02T09:00:00.000000+00:00")
        meta = {"kind": "changes", "vault_id": d.vault_id, "replica_id": "planted",
                "sender": "dep2", "recipient": "governor", "recipient_key": gov_key,
                "pack_no": 1, "prev_pack": "", "first": 1, "last": 1, "count": 1,
                "created_at": now_iso()}
        blob = json.dumps([{"origin": "planted", "seq": 1, "entry": e}]).encode()
        pack = world.root / "planted.gcpack"
        pack.write_bytes(packs.seal(meta, blob, d.identity().sign, gov_key))
    finally:
        d.close()
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="never made"):
        rw.receive(g, pack)
    assert counts(world) == before


def test_a_reply_key_that_is_no_key_is_refused_and_updates_still_work(world):
    """The key a change pack announces is where the next update goes: one
    that is not an X25519 public key must not stop the governor making it."""
    with world.open_replica(world.root / REPLICA) as r:
        m = tables.meta(r.conn)
        meta = {"kind": "changes", "vault_id": r.vault_id, "replica_id": m["replica_id"],
                "sender": "deputy", "recipient": "governor",
                "recipient_key": m["governor_key"], "pack_no": 1, "prev_pack": "",
                "first": 0, "last": 0, "count": 0, "reply_key": "bm90IGEga2V5",
                "created_at": now_iso()}
        pack = world.root / "reply.gcpack"
        pack.write_bytes(packs.seal(meta, b"[]", r.identity().sign, m["governor_key"]))
    before = counts(world)
    with world.gov() as g, pytest.raises(PackRefused, match="that is not a key"):
        rw.receive(g, pack)
    assert counts(world) == before
    with world.gov() as g:
        rw.send(g, world.root / "u.gcpack", "deputy")
        # the same key written straight into the governor's vault's row
        g.conn.execute("UPDATE sync_replicas SET replica_key = 'bm90IGEga2V5'")
        g.conn.commit()
        with pytest.raises(ValidationError, match="is not a key"):
            rw.send(g, world.root / "u2.gcpack", "deputy")
    assert not (world.root / "u2.gcpack").exists()


def test_a_decision_row_pointed_at_another_measure_changes_only_the_one_proposed(world):
    """A deputy holding the governor's vault's data key points a waiting
    decision at another record's measure: taking it on changes the measure
    the signed proposal names, and nothing else."""
    from console.records import measures
    from console.records.commands import MeasureFields
    from console.sync import decisions
    from tests import insiders
    with world.open_replica(world.root / REPLICA) as r:
        measures.update_measure(r, world.measures[0], MeasureFields(details="Deputy's idea"))
        rw.send(r, world.root / "c.gcpack")
    with world.gov() as g:
        measures.update_measure(g, world.measures[0], MeasureFields(details="Governor's own"))
        rw.receive(g, world.root / "c.gcpack")
    d = insiders.open_raw(world.home, "deputy", rw.DEPUTY_PASS)
    try:
        d.conn.execute("UPDATE sync_decisions SET measure_id = ?, ref = ?",
                       (world.measures[1], world.refs[1]))
        d.conn.commit()
    finally:
        d.close()
    with world.gov() as g:
        (found,) = decisions.pending(g)
        assert (found.ref, found.measure_id) == (world.refs[0], world.measures[0])
        decisions.decide(g, found.id, accept=True)
        assert measures.get_measure(g, world.measures[0]).details == "Deputy's idea"
        assert measures.get_measure(g, world.measures[1]).details == "Search lockers (1)"
        measures.update_measure(g, world.measures[0], MeasureFields(details="Settled"))
    d = insiders.open_raw(world.home, "deputy", rw.DEPUTY_PASS)
    try:      # reopened, and copied: the governor is not asked again
        d.conn.execute("UPDATE sync_decisions SET decided = NULL")
        d.conn.execute("INSERT INTO sync_decisions(origin, seq, ref, measure_id, audit_seq) "
                       "SELECT origin, seq, ref, measure_id, audit_seq FROM sync_decisions")
        d.conn.commit()
    finally:
        d.close()
    with world.gov() as g:
        assert decisions.pending(g) == []
        assert measures.get_measure(g, world.measures[0]).details == "Settled"


def test_a_viewers_pack_and_replica_hold_no_report_full_text_or_source(world):
    """A report on a record the viewer may see: its summary reaches their
    replica, its full text, author and intelligence reference (sealed to
    governors and deputies) in no cell or decrypted page of the pack's
    database or the opened replica."""
    import datetime as dt

    from console.records import intel
    from console.records.commands import ReportFields
    from tests import insider_dump as dump
    hidden = ["viewer-never-full-text", "viewer-never-author", "VIEWER-NEVER-77"]
    with world.gov() as g:
        intel.add_report(g, world.refs[0], ReportFields(
            type="ssir", received_on=dt.date.today(), source_grade=1, intel_grade="A",
            handling="P", full_text=hidden[0], summary="viewer-may-summary",
            author=hidden[1], external_ref=hidden[2]))
    pack = rw.make_replica(world, "viewer", "viewer.gcpack")
    blobs, _ = _pack_database(pack, "viewer", rw.VIEWER_PASS, world.root / "v")
    assert dump.found(hidden + ["viewer-may-summary"], blobs) == {"viewer-may-summary"}
    folder = rw.open_replica(world, pack, "viewer", rw.VIEWER_PASS)
    key = dump.data_key(folder, "viewer", rw.VIEWER_PASS)
    assert dump.found(hidden, dump.cells(folder, key) + dump.pages(folder, key)) == set()


@pytest.mark.parametrize("after", [
    {"measure_id": 1, "entry_id": 1, "text": {"not": "text"}, "corrects": None},
    {"measure_id": 1, "entry_id": 1, "text": "Odd correction", "corrects": "first"},
    {"measure_id": [1], "entry_id": 1, "text": "Odd measure", "corrects": None},
    {"measure_id": 1, "details": ["not", "text"], "status": 7},
    {"measure_id": 1, "review_due": "31/12/2026"},
    "not even an object",
])
def test_operations_whose_details_are_not_what_the_console_writes_are_refused(world, after):
    action = "measure.update" if isinstance(after, dict) and "entry_id" not in after \
        else "log.add"
    with world.open_replica(world.root / REPLICA) as r:
        e = forged_entry(r, action, world.refs[0], after,
                         before={"measure_id": 1} if action == "measure.update" else None)
        pack = forged_pack(r, world.root / "odd.gcpack", [e])
    before = counts(world)
    got = receive(world, pack)
    ((outcome, reason),) = outcomes(got)
    assert outcome == "refused" and reason
    assert counts(world)[1] == before[1]
