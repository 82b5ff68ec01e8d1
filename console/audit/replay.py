"""Replaying the audit chain: every entry's link, hash, details and
signature, and the authority it carries (``authority.apply``).

``run(conn)`` replays from the first entry (what ``audit-verify``, ``check``
and the background check do); ``run(conn, start=state)`` goes on from a
state sealed at an earlier head (what every unlock does, for the entries
written since). Each signature must match the certificate the chain itself
gave its signer at that point; certificates are found by the fingerprint the
chain names (in the entry that gave them, or the vault's identity tables),
so a certificate planted in a table proves nothing.

A missing ``audit_payload`` row is accepted only for a subject whose erasure
is a later entry, and that erasure must itself be allowed: signed by a
governor, and the subject gone from the register. On a replica (a deputy's
copy, marked by its ``replica_meta`` table: see ``console.sync``) the chain
is the governor's with only the details that user may read, so a missing
row is accepted for any entry but those carrying authority, whose details
every replica holds; the headers, links and signatures are checked as
everywhere. A governor never opens a vault so marked (``unlock``).

Runs on whichever thread owns ``conn``; reads in short slices, so a writer
on another connection is never held up for long. ``cancel()`` returning True
stops it between slices (the report then says it did not finish).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from console.audit import authority, payloads
from console.audit.authority import Entry, State
from console.audit.hashing import GENESIS, digest, payload_hash
from console.storage.identity import cert_fingerprint, public_key, verify_with
from console.i18n import _, ngettext

ERASE_ACTION = "subject.erase"
SLICE = 4000
_COLUMNS = ("a.seq, a.at, a.user, a.action, a.entity, a.entity_id, a.payload_hash, "
            "a.prev_hash, a.hash, a.signature, p.salt, p.before, p.after, p.seq")
# Entries whose details the authority needs (the rest are read only when they
# may carry a subject's staff number).
_AUTHORITY = {"vault.create", "authority.attest", "user.add", "user.remove", "user.reset",
              "user.role", "identity.replace", "settings.change", "subject.restrict",
              "subject.unrestrict", "subject.grant", "subject.revoke", "conflict.lift",
              "vault.restore", "keys.seal", "keys.rekey", "keys.unseal", "user.passphrase"}


LEGACY = -1    # a restore entry from before restores named the head they replaced


# Every replica holds these entries' details (``console.sync.extract``).
AUTHORITY_ACTIONS = frozenset(_AUTHORITY)


@dataclass(frozen=True)
class Restore:
    seq: int
    at: str
    user: str
    restored_to: int
    replaced: int | None = LEGACY   # the head of the vault it replaced; None: a new folder

    def explains(self, seen: int) -> bool:
        """Whether this restore explains why entry ``seen``, which a user had
        verified, is no longer in the chain as they saw it."""
        if self.restored_to >= seen:
            return False
        return self.replaced == LEGACY or (self.replaced is not None and seen <= self.replaced)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad: int | None = None
    reason: str = ""
    head: str = GENESIS
    erased: int = 0
    findings: tuple[tuple[int, str], ...] = ()   # rows that disagree with the chain
    state: State | None = None
    restores: tuple[Restore, ...] = ()
    finished: bool = True

    @property
    def intact(self) -> bool:
        """The chain itself verifies (rows may still disagree with it)."""
        return self.first_bad is None and self.finished

    def sentence(self) -> str:
        if not self.finished:
            return _("The audit chain check did not finish; run it again.")
        if self.first_bad is not None:
            return _("The audit chain is broken at entry {first_bad}: {reason}.").format(
                     first_bad=self.first_bad, reason=self.reason)
        extra = (ngettext(" ({erased} entry's details were lawfully erased)",
                          " ({erased} entries' details were lawfully erased)",
                          self.erased).format(erased=self.erased)
                 if self.erased else "")
        text = (ngettext("The audit chain is intact: {entries} entry, signed by the user who "
                         "made the change{extra}.",
                         "The audit chain is intact: {entries} entries, each linked to the one "
                         "before and signed by the user who made the change{extra}.",
                         self.entries).format(
                  entries=self.entries, extra=extra))
        if self.findings:
            n = len(self.findings)
            text += (ngettext(" But {n} row of the vault disagrees with it, so it was changed "
                              "outside the console: ",
                              " But {n} rows of the vault disagree with it, so they were "
                              "changed outside the console: ", n).format(n=n)
                     + " ".join(s for _seq, s in self.findings[:5]))
        return text


class _Certificates:
    """Public keys by fingerprint: from entries that carry a certificate, and
    from the vault's identity tables, each checked against its fingerprint."""

    def __init__(self, conn):
        self._conn = conn
        self._keys: dict[str, object] = {}
        self._pool: dict[str, list[bytes]] | None = None

    def add(self, pem: str) -> str:
        fp = cert_fingerprint(pem.encode())
        self._keys.setdefault(fp, public_key(pem.encode()))
        return fp

    def pool(self) -> dict[str, list[bytes]]:
        """user -> certificates found in the identity tables (unchecked)."""
        if self._pool is None:
            self._pool = {}
            for user, pem in self._conn.execute(
                    "SELECT user, cert_pem FROM identities UNION ALL "
                    "SELECT user, cert_pem FROM retired_certs"):
                self._pool.setdefault(user, []).append(pem.encode())
        return self._pool

    def key(self, fingerprint: str, cert_seq: int):
        if fingerprint in self._keys:
            return self._keys[fingerprint]
        pem = certificate(self._conn, fingerprint, cert_seq)
        if pem is None:
            return None
        return self._keys.setdefault(fingerprint, public_key(pem))


def _erasures_after(conn, ref: str, seq: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT seq FROM audit WHERE entity = 'subject' AND entity_id = ? AND action = ? "
        "AND seq > ? ORDER BY seq", (ref, ERASE_ACTION, seq))]


def _still_registered(conn, ref: str, seq: int) -> bool:
    """The subject an erasure at ``seq`` names is on the register, and is not a
    later subject given the same reference again."""
    if not conn.execute("SELECT 1 FROM subjects WHERE ref = ?", (ref,)).fetchone():
        return False
    return not conn.execute(
        "SELECT 1 FROM audit WHERE entity = 'subject' AND entity_id = ? AND "
        "action = 'subject.create' AND seq > ?", (ref, seq)).fetchone()


def replica_marked(conn) -> bool:
    """Is this database a replica's (see the module docstring)?"""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'replica_meta'").fetchone() is not None


class _Replay:
    def __init__(self, conn, start: State | None, on_progress, cancel, track_subjects):
        self.conn = conn
        self.headers_only = replica_marked(conn)
        self.state = start.copy() if start is not None else State()
        self.certs = _Certificates(conn)
        self.on_progress, self.cancel = on_progress, cancel
        self.erased = 0
        self.pending: dict[str, int] = {}      # ref -> entries whose details an erasure took
        self.restores: list[Restore] = []
        self.staff: dict[str, tuple[str, int]] | None = {} if track_subjects else None
        # entry -> the stored form of its details a later entry attested
        # (a record sealed or unsealed since: see ``payloads``)
        self.forms = payloads.forms_after(conn, self.state.seq)

    def broken(self, count: int, seq: int, reason: str) -> ChainReport:
        return ChainReport(False, count, seq, reason, self.state.head, self.erased,
                           state=self.state, restores=tuple(self.restores))

    def run(self) -> ChainReport:
        total = self.conn.execute("SELECT count(*) FROM audit WHERE seq > ?",
                                  (self.state.seq,)).fetchone()[0]
        count = 0
        while True:
            if self.cancel is not None and self.cancel():
                return ChainReport(False, count, finished=False)
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM audit a LEFT JOIN audit_payload p ON p.seq = a.seq "
                "WHERE a.seq > ? ORDER BY a.seq LIMIT ?", (self.state.seq, SLICE)).fetchall()
            if not rows:
                break
            for row in rows:
                count += 1
                problem = self.entry(row)
                if problem is not None:
                    return self.broken(count, problem[0], problem[1])
                if self.on_progress and count % 1000 == 0:
                    self.on_progress(count, total)
        for ref, n in self.pending.items():   # an erasure named but not reached
            if not _erasures_after(self.conn, ref, 0):
                return self.broken(count, self.state.seq, _("details were deleted"))
        return ChainReport(True, count, head=self.state.head, erased=self.erased,
                           state=self.state, restores=tuple(self.restores))

    def entry(self, row) -> tuple[int, str] | None:
        (seq, at, user, action, entity, eid, ph, prev_hash, h, sig,
         salt, before, after, pseq) = row
        st = self.state
        expected = st.seq + 1
        if seq != expected:
            return expected, _("an entry is missing or out of order")
        if prev_hash != st.head:
            return seq, _("it does not link to the entry before it")
        if digest(st.head, seq, at, user, action, entity, eid, ph) != h:
            return seq, _("it was changed after it was written")
        if pseq is None and self.headers_only and action not in _AUTHORITY \
                and action != ERASE_ACTION:
            details = None   # a replica holds only the details its user may read
        elif pseq is None:
            if entity != "subject" or not _erasures_after(self.conn, eid, seq):
                return seq, _("its details were deleted")
            self.pending[eid] = self.pending.get(eid, 0) + 1
            self.erased += 1
            details = None
        else:
            form = self.forms.get(seq)
            if payload_hash(bytes(salt), before, after) != (form[0] if form else ph):
                return seq, _("its details were changed after it was written")
            details = after
        parsed = None
        if details is not None and (action in _AUTHORITY or action == ERASE_ACTION or (
                entity == "subject" and '"staff_number"' in details)):
            try:
                parsed = json.loads(details)
            except ValueError:
                return seq, _("its details cannot be read")
        signer_fp = self.verify_signature(seq, user, h, sig, parsed)
        if isinstance(signer_fp, tuple):
            return signer_fp
        reason = self.carried_certificates(parsed)
        if reason:
            return seq, reason
        e = Entry(seq, at, user, action, entity, eid, parsed, signer_fp)
        reason = authority.apply(st, e)
        if reason is None and action == ERASE_ACTION:
            reason = self.erasure(e)
        if reason is None and action in payloads.FORM_ACTIONS and parsed is not None:
            reason = payloads.check_forms(self.conn, seq, eid, parsed.get("forms"), action)
        if reason is not None:
            if action == ERASE_ACTION and self.pending.get(eid):
                reason += (_(", and the details of {pending} earlier entries about that subject "
                             "were deleted").format(pending=self.pending[eid]))
            return seq, reason
        if action == "vault.restore" and parsed is not None:
            replaced = parsed.get("replaced", LEGACY)
            if isinstance(replaced, dict):
                replaced = int(replaced.get("seq") or 0)
            self.restores.append(Restore(seq, at, user, int(parsed.get("restored_to") or 0),
                                         replaced if replaced in (None, LEGACY)
                                         or isinstance(replaced, int) else None))
        if self.staff is not None and entity == "subject":
            self.track_subject(e)
        st.seq, st.head = seq, h
        return None

    def verify_signature(self, seq, user, h, sig, parsed) -> str | tuple[int, str]:
        """The signer's certificate fingerprint, or (seq, reason)."""
        data, signature = bytes.fromhex(h), bytes(sig)
        if seq == 1:
            if parsed and parsed.get("cert"):
                fp = self.certs.add(parsed["cert"])
                if verify_with(self.certs.key(fp, 1), data, signature):
                    return fp
                return seq, _("its signature does not match the certificate it names")
            for pem in self.certs.pool().get(user, ()):   # a vault from before
                if verify_with(public_key(pem), data, signature):
                    return self.certs.add(pem.decode())
            return seq, _("its signature does not match the user named on it")
        m = self.state.users.get(user)
        if m is None:
            return seq, _("it is signed by {user}, who was not a user of this vault at that point").format(
                          user=user)
        key = self.certs.key(m.fingerprint, m.cert_seq)
        if key is None:
            return seq, (_("the certificate the chain gave {user} (entry #{cert_seq}) is missing "
                           "from the vault").format(user=user, cert_seq=m.cert_seq))
        if not verify_with(key, data, signature):
            return seq, (_("its signature does not match the user named on it: not the "
                           "certificate the chain gave {user} (entry #{cert_seq})").format(
                           user=user, cert_seq=m.cert_seq))
        return m.fingerprint

    def carried_certificates(self, parsed) -> str | None:
        if not parsed:
            return None
        items = [parsed] + list((parsed.get("users") or {}).values())
        for item in items:
            if isinstance(item, dict) and item.get("cert"):
                if self.certs.add(item["cert"]) != item.get("fingerprint"):
                    return _("the certificate it carries does not match its fingerprint")
        return None

    def erasure(self, e: Entry) -> str | None:
        if _still_registered(self.conn, e.entity_id, e.seq):
            return _("it erases {entity_id}, which is still on the register").format(
                     entity_id=e.entity_id[:40])
        self.pending.pop(e.entity_id, None)
        return None

    def track_subject(self, e: Entry) -> None:
        if e.action in ("subject.delete", ERASE_ACTION):
            self.staff.pop(e.entity_id, None)
        elif e.after is not None and "staff_number" in e.after:
            self.staff[e.entity_id] = (str(e.after.get("staff_number") or ""), e.seq)


def certificate(conn, fingerprint: str, cert_seq: int) -> bytes | None:
    """The PEM of the certificate the chain names by ``fingerprint`` (given
    in entry ``cert_seq``), from that entry or the identity tables; None if
    the vault no longer holds it."""
    row = conn.execute("SELECT after FROM audit_payload WHERE seq = ?", (cert_seq,)).fetchone()
    candidates = []
    if row and row[0]:
        after = json.loads(row[0])
        candidates.append(after.get("cert"))
        candidates += [u.get("cert") for u in (after.get("users") or {}).values()]
    candidates += [r[0] for r in conn.execute(
        "SELECT cert_pem FROM identities UNION ALL SELECT cert_pem FROM retired_certs")]
    for pem in candidates:
        if pem and cert_fingerprint(pem.encode()) == fingerprint:
            return pem.encode()
    return None


def run(conn, *, start: State | None = None, on_progress=None, cancel=None,
        rows: bool = True) -> ChainReport:
    """Replay the chain (from ``start``'s head, or from its first entry) and,
    with ``rows``, compare the vault's rows with the authority it ends with."""
    r = _Replay(conn, start, on_progress, cancel, track_subjects=start is None)
    report = r.run()
    if not report.intact or not rows:
        return report
    from console.audit import consistency
    found = consistency.findings(conn, report.state, r.staff)
    if not found:
        return report
    return ChainReport(False, report.entries, None, "", report.head, report.erased,
                       tuple(found), report.state, report.restores)
