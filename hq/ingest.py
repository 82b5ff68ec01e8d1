"""``hq ingest``: verify briefing files and keep their data.

Files are examined (signature, embedded data) in a pool of worker
processes, one per core; as each result comes back (in the order the files
were given) it is matched to the establishment whose pinned certificate
signed it, checked for continuity and stored all or nothing (committed with
the files around it: ``Store.batch``), so one bad file costs only itself,
while the workers examine the next. Ingest is
idempotent: a file already held (same SHA-256) is reported as such and
changes nothing. Every refusal is recorded with its reason
(never the file's contents).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, select, update

from console.clock import utcnow
from console.text import shown
from hq import continuity, rows
from hq.examine import Examined, examine
from hq.store import bulk
from hq.store import tables as t
from hq.times import iso, parse
from console.i18n import _, ngettext

HELD, ALREADY, REFUSED = "held", "already held", "refused"
# A briefing made later than HQ's clock by more than this is refused: its
# age would count backwards and its establishment never show as overdue.
# A day allows for a clock that is merely wrong.
CLOCK_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class Outcome:
    file: str
    result: str               # HELD, ALREADY or REFUSED
    sentence: str
    establishment: str = ""
    number: str = ""


def expand(paths) -> list[Path]:
    """Files named, and the .pdf files in folders named (recursively), in
    order, each once."""
    out, seen = [], set()
    for p in map(Path, paths):
        found = sorted(p.rglob("*.pdf")) + sorted(p.rglob("*.PDF")) if p.is_dir() else [p]
        for f in found:
            key = os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def _pool_size(n: int, workers: int | None) -> int:
    return max(1, min(n, workers or os.cpu_count() or 1))


def examine_all(files: list[Path], password: str | None = None, workers: int | None = None,
                on_progress=None):
    """``examine`` every file, on every core when there are several,
    yielding each result in the order of ``files`` as soon as it is ready."""
    size = _pool_size(len(files), workers)
    if size == 1:
        for i, f in enumerate(files):
            yield examine(str(f), password)
            if on_progress:
                on_progress(i + 1, len(files))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # Not fork: the caller may run threads (the HQ window does), and a forked
    # child would inherit their locks mid-use.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
        else "spawn"
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(size, mp_context=ctx) as pool:
        chunk = max(1, min(16, len(files) // (size * 4)))
        for i, res in enumerate(pool.map(examine, [str(f) for f in files],
                                         [password] * len(files), chunksize=chunk)):
            yield res
            if on_progress:
                on_progress(i + 1, len(files))


def ingest(store, paths, *, now: dt.datetime | None = None, password: str | None = None,
           workers: int | None = None, on_progress=None) -> list[Outcome]:
    """Examine the files on every core and keep each as soon as it is
    examined, in the order given, while the workers go on with the next.
    The order does not change what is held: continuity is checked against
    the nearest held briefing before and after (``continuity``), so
    briefings may come in any order."""
    files = expand(paths)
    missing = [f for f in files if not f.is_file()]
    outcomes = [Outcome(name, REFUSED, _("{name} does not exist or is not a file; check the "
                                         "path.").format(name=name))
                for name in (shown(f.name, one_line=True) for f in missing)]
    present = [f for f in files if f.is_file()]
    settings = store.settings()
    known = _Known(store)
    # Each file whole on its own, committed with the files around it (``Store.batch``).
    with store.batch() as batch:
        for e in examine_all(present, password, workers, on_progress):
            outcomes.append(_keep(batch, known, e, settings, now or utcnow()))
    return outcomes


class _Known:
    """What decides a file's fate before it is stored, read from the store
    once per ingest rather than once per file: the files held (by SHA-256),
    the pinned certificates and the register each establishment is bound
    to. It follows what this ingest stores; the binding is read again in
    the write that stores each briefing (``_write``), so a store shared with
    another HQ operator cannot bind an establishment to two registers."""

    def __init__(self, store):
        b, c, est = t.briefings.c, t.certificates.c, t.establishments.c
        with store.read() as conn:
            self.held = {r.sha256: (r.number, r.label) for r in conn.execute(
                select(b.sha256, b.number, est.label).join(t.establishments))}
            self.certs = {r.fingerprint: (r.establishment_id, r.replaced_at) for r in
                          conn.execute(select(c.fingerprint, c.establishment_id,
                                              c.replaced_at))}
            self.establishments = {r.id: (r.label, r.vault_id) for r in conn.execute(
                select(est.id, est.label, est.vault_id))}

    def bound(self, vault_id: str) -> int | None:
        """The establishment bound to this register, if any."""
        return next((i for i, (_label, v) in self.establishments.items() if v == vault_id),
                    None)

    def stored(self, e: Examined, est_id: int, label: str, number: str) -> None:
        vault_id = e.doc["establishment"]["vault_id"]
        self.held[e.sha256] = (number, label)
        if self.establishments[est_id][1] is None:
            self.establishments[est_id] = (label, vault_id)


def _refuse(batch, e: Examined, kind: str, sentence: str, establishment_id=None,
            at: str = "", label: str = "") -> Outcome:
    row = dict(at=at, file_name=e.file[:255], sha256=e.sha256 or None,
               establishment_id=establishment_id, kind=kind, sentence=sentence)
    batch.run(lambda conn: conn.execute(t.refusals.insert().values(**row)))
    return Outcome(e.file, REFUSED, sentence, label,
                   (e.doc or {}).get("briefing", {}).get("number", ""))


def _keep(batch, known: _Known, e: Examined, settings: dict, now: dt.datetime) -> Outcome:
    at = iso(now)
    if not e.ok:
        return _refuse(batch, e, e.kind, e.sentence, at=at)
    doc = e.doc
    number = doc["briefing"]["number"]
    vault_id = doc["establishment"]["vault_id"]
    held = known.held.get(e.sha256)
    if held is not None:
        return _already(e, *held)
    cert = known.certs.get(e.fingerprint)
    bound = known.bound(vault_id)
    if cert is None:
        if bound is not None:
            bound_label = known.establishments[bound][0]
            return _refuse(batch, e, "untrusted", (
                _("{file} is signed by {signer} with certificate {fingerprint}, which is not the "
                  "certificate pinned for {label}; it was not ingested. If the governor has a "
                  "new certificate, confirm its fingerprint with them and pin it with 'hq trust'.").format(
                  file=e.file, signer=e.signer, fingerprint=e.fingerprint, label=bound_label)), bound, at, bound_label)
        return _refuse(batch, e, "unknown", (
            _("{file} is signed by {signer} with certificate {fingerprint}, which is not pinned "
              "for any establishment; it was not ingested. Confirm the fingerprint with the "
              "governor, then pin it with 'hq trust'.").format(
              file=e.file, signer=e.signer, fingerprint=e.fingerprint)), at=at)
    est_id, replaced_at = cert
    label, est_vault = known.establishments[est_id]
    if replaced_at is not None:
        return _refuse(batch, e, "untrusted", (
            _("{file} is signed with a certificate of {label} that was replaced on "
              "{replaced_at}; it was not ingested.").format(
              file=e.file, label=label, replaced_at=replaced_at[:10])), est_id, at, label)
    if bound is not None and bound != est_id:
        return _register_taken(batch, e, est_id, at, label, known.establishments[bound][0])
    if est_vault is not None and est_vault != vault_id:
        return _other_register(batch, e, est_id, at, label)
    made = doc["briefing"]["generated_at"]
    if parse(made) > now + CLOCK_SLACK:
        return _refuse(batch, e, "data", (
            _("{file}: briefing {number} from {label} says it was made on {day}, later than "
              "today at HQ; it was not ingested. Ask the establishment to check the date and "
              "time on the governor's laptop.").format(
              file=e.file, number=number, label=label, day=made[:10])), est_id, at, label)
    outcome = _store(batch, e, est_id, label, settings, at, bound=est_vault == vault_id)
    if outcome.result == HELD:
        known.stored(e, est_id, label, number)
    return outcome


def _already(e: Examined, number: str, label: str) -> Outcome:
    return Outcome(e.file, ALREADY, _("{file}: briefing {number} from {label} is already "
                                      "held; nothing changed.").format(
                                      file=e.file, number=number, label=label),
                   label, number)


def _register_taken(batch, e: Examined, est_id: int, at: str, label: str,
                    other: str) -> Outcome:
    return _refuse(batch, e, "data", (
        _("{file} is signed by {label}'s governor but names the register (vault) that "
          "{other}'s briefings come from; it was not ingested. A register's briefings come from "
          "one establishment: ask both which register is theirs.").format(
          file=e.file, label=label, other=other)),
        est_id, at, label)


def _other_register(batch, e: Examined, est_id: int, at: str, label: str) -> Outcome:
    return _refuse(batch, e, "data", (
        _("{file} is signed by {label}'s governor but comes from another register (vault) "
          "than the one {label}'s briefings come from; it was not ingested.").format(
          file=e.file, label=label)),
        est_id, at, label)


def _statements():
    """The statements ``_write`` runs for every briefing, built once."""
    b, est = t.briefings.c, t.establishments.c
    # On a server store, another HQ operator's ingest may be storing the same
    # establishment's briefings at this moment: its row is locked first, so
    # the checks below see every briefing of it stored before (PostgreSQL
    # waits for the other transaction); SQLite has one writer and no lock.
    lock = select(est.id).where(est.id == bindparam("e")).with_for_update()
    same_number = select(b.sha256).where(b.establishment_id == bindparam("e"),
                                         b.number == bindparam("n"))
    bind = (update(t.establishments)
            .where(est.id == bindparam("e"), est.vault_id.is_(None))
            .values(vault_id=bindparam("v")))
    bound_to = select(est.vault_id).where(est.id == bindparam("e"))
    taken = select(est.label).where(est.vault_id == bindparam("v"), est.id != bindparam("e"))
    return lock, same_number, bind, bound_to, taken


_LOCK, _SAME_NUMBER, _BIND, _BOUND_TO, _TAKEN = _statements()


def _store(batch, e: Examined, est_id: int, label: str, settings: dict, at: str,
           bound: bool = False) -> Outcome:
    """Keep one briefing. ``bound``: its establishment is already bound to
    its register (a binding, once made, never changes), so the binding is
    neither made nor read again."""
    doc = e.doc
    number = doc["briefing"]["number"]
    found = batch.run(lambda conn: _write(conn, e, est_id, settings, at, bound))
    if found is _ALREADY:            # stored meanwhile by another HQ operator
        return _already(e, number, label)
    if found is _DUPLICATE:
        return _refuse(batch, e, "duplicate", (
            _("{file}: briefing {number} from {label} is already held with other "
              "content; it was not ingested.").format(file=e.file, number=number, label=label)),
            est_id, at, label)
    if found is _OTHER_REGISTER:
        return _other_register(batch, e, est_id, at, label)
    if isinstance(found, _Taken):
        return _register_taken(batch, e, est_id, at, label, found.label)
    if found is not None:
        return _refuse(batch, e, "discontinuous", (
            _("{file}: briefing {number} from {label} was refused: {broken}. Ask the "
              "establishment to run 'audit-verify' and explain.").format(
              file=e.file, number=number, label=label, broken=found)), est_id, at, label)
    n = len(e.details.subjects)
    return Outcome(e.file, HELD, ngettext(
        "{file}: briefing {number} from {label} held ({n} subject).",
        "{file}: briefing {number} from {label} held ({n} subjects).", n).format(
            file=e.file, number=number, label=label, n=n), label, number)


_ALREADY, _DUPLICATE, _OTHER_REGISTER = object(), object(), object()


@dataclass(frozen=True)
class _Taken:
    """The register is bound to another establishment: this one."""
    label: str


def _write(conn, e: Examined, est_id: int, settings: dict, at: str, bound: bool):
    """One briefing's rows, when its number is new, it continues its
    establishment's chain and its establishment is bound (or now binds) to
    its register; else nothing is written and the reason is returned:
    ``_ALREADY`` (this very file), ``_DUPLICATE`` (its number, other
    content), ``_OTHER_REGISTER``, ``_Taken`` or why the chain does not
    continue.
    None when it was stored. Run again as it is if its batch must be
    (``Store.batch``), so it decides from the store alone."""
    doc = e.doc
    if conn.dialect.name != "sqlite":     # one writer at a time already
        conn.execute(_LOCK, {"e": est_id})
    same = conn.execute(_SAME_NUMBER, {"e": est_id, "n": doc["briefing"]["number"]}).first()
    if same is not None:
        return _ALREADY if same.sha256 == e.sha256 else _DUPLICATE
    broken = continuity.check(conn, est_id, doc) if rows.is_full_register(doc) else None
    if broken is not None:
        return broken
    vault_id = doc["establishment"]["vault_id"]
    if not bound:
        taken = conn.execute(_TAKEN, {"e": est_id, "v": vault_id}).scalar()
        if taken is not None:             # by another establishment, meanwhile
            return _Taken(taken)
        conn.execute(_BIND, {"e": est_id, "v": vault_id})
        # Bound to another register meanwhile (a store shared with another
        # operator): refused, nothing of it kept.
        if conn.execute(_BOUND_TO, {"e": est_id}).scalar() != vault_id:
            return _OTHER_REGISTER
    found = e.details
    row = rows.briefing_row(doc, found, establishment_id=est_id, sha256=e.sha256,
                            fingerprint=e.fingerprint, received_at=at,
                            unreferred_days=settings["unreferred_days"],
                            unacknowledged_days=settings["unacknowledged_days"])
    bid = conn.execute(t.briefings.insert(), row).inserted_primary_key[0]
    for table, columns, items in (
            (t.subjects, rows.SUBJECT_COLUMNS, found.subjects),
            (t.reports, rows.REPORT_COLUMNS, found.reports),
            (t.referrals, rows.REFERRAL_COLUMNS, found.referrals)):
        bulk.insert_many(conn, table, columns, rows.with_briefing(items, bid))
    if doc["briefing"]["edition"] == "full":
        _note_staff(conn, est_id, doc, found.staff)
    return None


# Where each staff number was seen: added the first time, and after that
# the earliest first time kept and the latest briefing taken as the last
# (ties go to the briefing being stored). SQLite and PostgreSQL read it alike;
# in SET, the table's columns are the row as it was.
_NOTE_STAFF = (
    "INSERT INTO staff_seen (staff_number, establishment_id, first_seen, last_seen, last_ref, "
    "last_number) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (staff_number, establishment_id) DO UPDATE SET "
    "first_seen = CASE WHEN excluded.first_seen < staff_seen.first_seen "
    "THEN excluded.first_seen ELSE staff_seen.first_seen END, "
    "last_ref = CASE WHEN excluded.last_seen >= staff_seen.last_seen "
    "THEN excluded.last_ref ELSE staff_seen.last_ref END, "
    "last_number = CASE WHEN excluded.last_seen >= staff_seen.last_seen "
    "THEN excluded.last_number ELSE staff_seen.last_number END, "
    "last_seen = CASE WHEN excluded.last_seen >= staff_seen.last_seen "
    "THEN excluded.last_seen ELSE staff_seen.last_seen END")


def _note_staff(conn, est_id: int, doc: dict, staff) -> None:
    """Record where each staff number was seen (full edition only), in one
    statement for all of them (a briefing names 50 or more)."""
    when = doc["briefing"]["generated_at"]
    number = doc["briefing"]["number"]
    bulk.execute_many(conn, _NOTE_STAFF, [(k, est_id, when, when, ref, number)
                                          for k, ref in staff])
