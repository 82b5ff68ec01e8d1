"""Ingesting real briefings into the HQ store, on both stores: what is held,
what is refused and why, idempotence, continuity of chain heads, the status
and the staff overlap computed from what was held."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from hq import ingest as hq_ingest
from hq.staff import overlaps
from hq.status import status
from hq.store import tables as t
from hq.trust import pin

# Slow: builds and ingests real signed briefings, a few seconds in each worker
# (run by the full suite and CI).
pytestmark = pytest.mark.slow

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)


def _pin_both(store, hb):
    pin(store, "HMP Ashdown", hb["a_pem"].read_bytes(), now=NOW)
    pin(store, "HMP Brackley", hb["b_pem"].read_bytes(), now=NOW)


def _ingest(store, *paths):
    return hq_ingest.ingest(store, paths, now=NOW, workers=1)


def _by_file(outcomes):
    return {o.file: o for o in outcomes}


def test_good_briefings_are_held_and_a_second_ingest_changes_nothing(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    first = _by_file(_ingest(hq_store, hb["files"]))
    assert {f: o.result for f, o in first.items()} == {
        "a1.pdf": "held", "a2.pdf": "held", "a3.pdf": "held", "b1.pdf": "held",
        "b2.pdf": "held"}
    assert first["a2.pdf"].establishment == "HMP Ashdown"
    with hq_store.read() as conn:
        counts = [conn.execute(select(func.count()).select_from(tb)).scalar()
                  for tb in (t.briefings, t.subjects, t.reports, t.referrals)]
    again = _ingest(hq_store, hb["files"], hb["a1"])
    assert {o.result for o in again} == {"already held"}
    assert len(again) == 5              # a1 named twice is examined once
    with hq_store.read() as conn:
        assert counts == [conn.execute(select(func.count()).select_from(tb)).scalar()
                          for tb in (t.briefings, t.subjects, t.reports, t.referrals)]
        vault_ids = conn.execute(select(t.establishments.c.vault_id)).scalars().all()
    assert all(vault_ids)               # bound at the first ingest


def test_every_bad_file_is_refused_with_its_own_reason(hq_store, hq_briefings,
                                                      hq_odd_briefings):
    hb = {**hq_briefings, **hq_odd_briefings}
    _pin_both(hq_store, hb)
    _ingest(hq_store, hb["files"])
    out = _by_file(_ingest(hq_store, hb["tampered"], hb["appended"], hb["lookalike"],
                           hb["forged"], hb["unpinned"], hb["nodata"], hb["copy2"],
                           hb["copy4"], hb["unstorable"], hb["no_such_day"], hb["future"], hb["files"].parent / "missing.pdf"))
    assert all(o.result == "refused" for o in out.values()), out
    assert "altered after it was signed" in out["tampered.pdf"].sentence or \
        "damaged" in out["tampered.pdf"].sentence
    assert "added to the file after it was signed" in out["appended.pdf"].sentence
    # The look-alike names the same person and establishment but holds another key.
    assert "not pinned for any establishment" in out["lookalike.pdf"].sentence
    assert "not the certificate pinned for HMP Ashdown" in out["forged.pdf"].sentence
    assert "not pinned for any establishment" in out["unpinned.pdf"].sentence
    assert "carries no briefing data" in out["nodata.pdf"].sentence
    assert "already held with other content" in out["copy2.pdf"].sentence
    assert "does not continue" in out["copy4.pdf"].sentence
    assert "does not exist" in out["missing.pdf"].sentence
    # Allowed by the schema, held by no column: refused alone, named by column.
    assert "cannot hold (in subjects.staff_number" in out["unstorable.pdf"].sentence
    # A day the calendar lacks; a briefing made in the future.
    assert "cannot hold (in briefings.generated_at" in out["no_such_day.pdf"].sentence
    assert "made on 2099-01-01, later than today at HQ" in out["future.pdf"].sentence
    for o in out.values():
        assert "\n" not in o.sentence and "Traceback" not in o.sentence
        assert "SN1" not in o.sentence and "Person" not in o.sentence
    with hq_store.read() as conn:
        kinds = dict(conn.execute(select(t.refusals.c.file_name, t.refusals.c.kind)).all())
    assert kinds["copy4.pdf"] == "discontinuous" and kinds["forged.pdf"] == "untrusted"
    assert kinds["unstorable.pdf"] == "data"
    report = status(hq_store, NOW)
    ashdown = report["establishments"][0]
    assert ashdown["continuity"] == "broken" and ashdown["briefings_held"] == 3


def test_file_names_that_are_not_utf8_are_named_readably_and_stop_nothing(
        hq_store, hq_briefings, tmp_path):
    """A name Python can only decode with lone surrogates (bytes that are not
    UTF-8, as a copy from another system may carry) is shown and stored with
    a replacement character; the files are judged as any other."""
    import os
    import shutil
    hb = hq_briefings
    _pin_both(hq_store, hb)
    folder = tmp_path / "odd"
    folder.mkdir()
    shutil.copy(hb["a1"], folder / os.fsdecode(b"a1-\xff.pdf"))
    (folder / os.fsdecode(b"junk-\xfe.pdf")).write_bytes(b"not a PDF")
    out = _by_file(_ingest(hq_store, folder, tmp_path / os.fsdecode(b"gone-\xfd.pdf")))
    assert out["a1-\ufffd.pdf"].result == "held"
    assert out["junk-\ufffd.pdf"].result == "refused"
    assert "does not exist" in out["gone-\ufffd.pdf"].sentence
    with hq_store.read() as conn:
        assert conn.execute(select(t.refusals.c.file_name)).scalars().all() == [
            "junk-\ufffd.pdf"]


def test_a_briefing_arriving_after_a_later_one_is_checked_against_it(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    assert _ingest(hq_store, hb["a3"])[0].result == "held"
    assert _ingest(hq_store, hb["a1"])[0].result == "held"      # a3 names it: continuous
    assert _ingest(hq_store, hb["copy4"])[0].result == "refused"


def test_a_replaced_certificate_is_no_longer_accepted(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    done = pin(hq_store, "HMP Ashdown", hb["c_pem"].read_bytes(), now=NOW)
    assert done.replaced and done.fingerprint != done.replaced
    out = _ingest(hq_store, hb["a1"])[0]
    assert out.result == "refused" and "was replaced on 2030-01-01" in out.sentence
    assert pin(hq_store, "HMP Ashdown", hb["c_pem"].read_bytes()).unchanged


def test_status_and_staff_overlap_come_from_full_register_briefings(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    _ingest(hq_store, hb["files"])
    report = status(hq_store, NOW)
    a, b = report["establishments"]
    assert (a["establishment"], b["establishment"]) == ("HMP Ashdown", "HMP Brackley")
    assert a["last_full_register"]["number"] == a["last_briefing"]["number"]
    assert a["open_subjects"] == 4 and b["open_subjects"] == 3
    # Two reports per subject; the first subject of each batch added (SN100,
    # SN103) had its older one referred. As of 2030 every other one is late.
    assert a["unreferred_past_deadline"] == 4 * 2 - 2
    today = status(hq_store, dt.datetime.now(dt.timezone.utc))["establishments"][0]
    assert today["unreferred_past_deadline"] == 4 - 2   # only the 30-day-old ones
    assert a["overdue"] and a["continuity"] == "intact" and a["missing_full_register"] == 0
    assert report["national"]["open_subjects"] == 7
    assert report["national"]["briefings_held"] == 5
    soon = status(hq_store, dt.datetime.now(dt.timezone.utc))
    assert not soon["establishments"][0]["overdue"]
    shared = overlaps(hq_store)
    assert [s["staff_number"] for s in shared] == ["SN100"]
    assert [e["establishment"] for e in shared[0]["establishments"]] == ["HMP Ashdown",
                                                                         "HMP Brackley"]


def test_a_pseudonymised_briefing_adds_no_staff_number(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    assert _ingest(hq_store, hb["a2"])[0].result == "held"
    with hq_store.read() as conn:
        numbers = conn.execute(select(t.subjects.c.staff_number)).scalars().all()
        seen = conn.execute(select(func.count()).select_from(t.staff_seen)).scalar()
    assert numbers and all(n is None for n in numbers) and seen == 0


def test_a_missing_full_register_briefing_is_counted(hq_store, hq_briefings):
    hb = hq_briefings
    _pin_both(hq_store, hb)
    _ingest(hq_store, hb["a3"])
    a = status(hq_store, NOW)["establishments"][0]
    assert a["missing_full_register"] == 1 and a["continuity"] == "intact"


def test_a_copy_in_the_same_ingest_is_already_held(hq_store, hq_briefings, tmp_path):
    import shutil
    hb = hq_briefings
    _pin_both(hq_store, hb)
    copy = tmp_path / "copy-of-a1.pdf"
    shutil.copyfile(hb["a1"], copy)
    out = _by_file(_ingest(hq_store, hb["a1"], copy))
    assert out["a1.pdf"].result == "held"
    assert out["copy-of-a1.pdf"].result == "already held"
    with hq_store.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.briefings)).scalar() == 1


def test_an_establishment_bound_to_another_register_meanwhile_keeps_nothing(
        hq_store, hq_briefings, monkeypatch):
    """Another operator of a shared store binds the establishment to another
    register after this ingest read the bindings: the briefing is refused in
    its own transaction and nothing of it is kept."""
    from sqlalchemy import update
    hb = hq_briefings
    _pin_both(hq_store, hb)
    real = hq_ingest._store

    def meanwhile(batch, e, est_id, label, settings, at, bound=False):
        assert not bound                # not bound when this ingest began
        batch.run(lambda conn: conn.execute(
            update(t.establishments).where(t.establishments.c.id == est_id)
            .values(vault_id="00000000-0000-4000-8000-000000000000")))
        return real(batch, e, est_id, label, settings, at, bound)
    monkeypatch.setattr(hq_ingest, "_store", meanwhile)
    out = _ingest(hq_store, hb["a1"])
    assert [o.result for o in out] == ["refused"]
    assert "another register" in out[0].sentence
    with hq_store.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.briefings)).scalar() == 0


def test_an_ingest_stopped_part_way_keeps_every_file_it_finished(hq_store, hq_briefings):
    """Files are committed in batches (``Store.batch``): an ingest stopped
    after its third file (Ctrl+C) still keeps the three, each whole, and a
    second run takes the rest."""
    hb = hq_briefings
    _pin_both(hq_store, hb)

    def stop_after_three(done, _total):
        if done == 3:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        hq_ingest.ingest(hq_store, [hb["files"]], now=NOW, workers=1,
                         on_progress=stop_after_three)
    with hq_store.read() as conn:
        held = conn.execute(select(func.count()).select_from(t.briefings)).scalar()
        subjects = conn.execute(select(func.count()).select_from(t.subjects)).scalar()
    assert held == 3 and subjects > 0
    again = [o.result for o in _ingest(hq_store, hb["files"])]
    assert sorted(again) == ["already held"] * 3 + ["held"] * 2


def _labels(store):
    with store.read() as conn:
        return sorted(conn.execute(select(t.establishments.c.label)).scalars().all())


def _add(label):
    from sqlalchemy import insert
    return lambda conn: conn.execute(insert(t.establishments).values(
        label=label, created_at="2030-01-01T00:00:00Z"))


def _fails_part_way(label, exc):
    def work(conn):
        _add(label)(conn)
        raise exc
    return work


@pytest.mark.parametrize("writes", [2, 64])
def test_a_failed_write_in_a_batch_undoes_only_itself(hq_store, writes):
    """Writes in a batch are whole on their own: one that fails part way
    leaves those before it (committed with the first batch of two, or, in a
    batch of 64, taken back with it and run again) and after it."""
    with hq_store.batch(writes=writes) as batch:
        batch.run(_add("HMP One"))
        batch.run(_add("HMP Two"))
        with pytest.raises(RuntimeError):
            batch.run(_fails_part_way("HMP Three", RuntimeError("refused part way")))
        batch.run(_add("HMP Four"))
    assert _labels(hq_store) == ["HMP Four", "HMP One", "HMP Two"]


def test_ctrl_c_part_way_through_a_write_keeps_every_write_finished(hq_store):
    """Ctrl+C in the middle of a write: the writes finished before it in the
    batch are committed before the interruption goes on; nothing of the
    interrupted one is kept."""
    with pytest.raises(KeyboardInterrupt):
        with hq_store.batch() as batch:
            batch.run(_add("HMP One"))
            batch.run(_add("HMP Two"))
            batch.run(_fails_part_way("HMP Three", KeyboardInterrupt()))
            batch.run(_add("HMP Four"))             # never reached
    assert _labels(hq_store) == ["HMP One", "HMP Two"]


def test_an_ingest_stopped_in_the_middle_of_a_briefing_keeps_the_ones_before_it_whole(
        hq_store, hq_briefings, monkeypatch):
    """Ctrl+C while the third briefing's rows are being written (its
    briefing and subject rows in, its reports not): the first two are held
    with all their rows, nothing of the third is, and a second ingest takes
    the rest."""
    hb = hq_briefings
    _pin_both(hq_store, hb)
    real, calls = hq_ingest.bulk.insert_many, []

    def interrupted(conn, table, columns, items):
        if table is t.reports:
            calls.append(1)
            if len(calls) == 3:
                raise KeyboardInterrupt
        return real(conn, table, columns, items)
    monkeypatch.setattr(hq_ingest.bulk, "insert_many", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _ingest(hq_store, hb["files"])
    with hq_store.read() as conn:
        held = conn.execute(select(t.briefings.c.id)).scalars().all()
        for table in (t.subjects, t.reports):
            by_briefing = conn.execute(select(table.c.briefing_id).distinct()).scalars().all()
            assert sorted(by_briefing) == sorted(held)
    assert len(held) == 2
    monkeypatch.setattr(hq_ingest.bulk, "insert_many", real)
    again = [o.result for o in _ingest(hq_store, hb["files"])]
    assert sorted(again) == ["already held"] * 2 + ["held"] * 3


def test_a_staff_number_keeps_its_first_and_latest_sighting_whatever_the_order(hq_store):
    """Briefings may arrive in any order: each staff number keeps the earliest
    time it was seen, and the latest briefing's reference and number."""
    from sqlalchemy import insert
    with hq_store.write() as conn:
        est = conn.execute(insert(t.establishments).values(
            label="HMP One", created_at="2030-01-01T00:00:00Z")).inserted_primary_key[0]

    def note(when, number, ref):
        doc = {"briefing": {"generated_at": when, "number": number}}
        with hq_store.write() as conn:
            hq_ingest._note_staff(conn, est, doc, (("AB12", ref),))
    note("2030-01-08T09:00:00Z", "BR-20300108-01", "CC-2")
    note("2030-01-01T09:00:00Z", "BR-20300101-01", "CC-1")      # older, arriving later
    note("2030-01-15T09:00:00Z", "BR-20300115-01", "CC-3")
    with hq_store.read() as conn:
        rows = conn.execute(select(t.staff_seen)).all()
    assert [(r.staff_number, r.first_seen, r.last_seen, r.last_ref, r.last_number)
            for r in rows] == [("AB12", "2030-01-01T09:00:00Z", "2030-01-15T09:00:00Z",
                                "CC-3", "BR-20300115-01")]


def _at_once(url, *jobs):
    """Each job (a list of paths) ingested by its own HQ operator, all
    starting together on one server store; what each was told, or the
    exception that stopped it."""
    import threading

    from hq.store.store import Store
    from tests.conftest import PASS
    results, start = {}, threading.Barrier(len(jobs))

    def run(i, paths):
        with Store.open(url, PASS) as store:
            start.wait()
            try:
                results[i] = {o.file: o.result for o in _ingest(store, *paths)}
            except Exception as exc:  # noqa: BLE001 - reported to the test
                results[i] = exc
    threads = [threading.Thread(target=run, args=(i, paths)) for i, paths in enumerate(jobs)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return [results[i] for i in range(len(jobs))]


def _server_store(pg_cluster, hb):
    from hq.store.store import Store
    from tests.conftest import FAST_KDF, PASS
    url = pg_cluster.new_database()
    with Store.create(url, PASS, kdf=FAST_KDF) as store:
        _pin_both(store, hb)
        _ingest(store, hb["a1"])
    return url


@pytest.mark.parametrize("attempt", range(2))
def test_two_operators_cannot_hold_both_sides_of_a_fork(pg_cluster, hq_briefings, attempt):
    """Two HQ operators on one server each ingest one side of a forked
    register at the same moment: the establishment is taken by one at a
    time, so the second sees the first's briefing and refuses its own."""
    hb = hq_briefings
    url = _server_store(pg_cluster, hb)
    one, other = _at_once(url, [hb["a3"], hb["b1"], hb["b2"]], [hb["copy4"]])
    assert isinstance(one, dict) and isinstance(other, dict), (one, other)
    assert sorted([one["a3.pdf"], other["copy4.pdf"]]) == ["held", "refused"]


def test_two_operators_ingesting_the_same_folder_each_file_held_once(pg_cluster, hq_briefings):
    """Both are told each file is held or already held; none stops."""
    hb = hq_briefings
    url = _server_store(pg_cluster, hb)
    one, other = _at_once(url, [hb["files"]], [hb["files"]])
    assert isinstance(one, dict) and isinstance(other, dict), (one, other)
    for name in ("a2.pdf", "a3.pdf", "b1.pdf", "b2.pdf"):
        assert sorted([one[name], other[name]]) == ["already held", "held"], name
    assert one["a1.pdf"] == other["a1.pdf"] == "already held"
