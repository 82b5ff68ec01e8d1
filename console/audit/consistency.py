"""Rows checked against the chain: anyone holding a key slot can write the
database, so the tables that say who may do what (``users``, ``identities``,
the vault's settings, restrictions) and subjects' staff numbers (which decide
conflict bars) are compared with the authority the chain replays to.

``findings(conn, state)`` returns ``(entry, sentence)`` for each row that
disagrees, naming the entry the row should match. The console never takes
authority from these rows (roles, certificates and bars come from the
chain), so a finding is evidence of tampering, not a change of rights.
Sentences name users by sign-in name and subjects by reference only.
"""

from __future__ import annotations

import json

from console.audit.authority import State
from console.audit.limits import KNOWN


def findings(conn, state: State, staff: dict[str, tuple[str, int]] | None = None
             ) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    out += _users(conn, state)
    out += _certificates(conn, state)
    if state.attested:
        out += _settings(conn, state)
    out += _restrictions(conn, state)
    if staff is not None:
        out += _staff_numbers(conn, staff)
    return out


def _users(conn, state: State) -> list[tuple[int, str]]:
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT name, role, active, staff_number FROM users")}
    out = []
    for name, m in sorted(state.users.items()):
        row = rows.pop(name, None)
        if row is None:
            if m.active:
                out.append((m.role_seq, f"There is no users row for {name}, whom entry "
                                        f"#{m.role_seq} made a {m.role}."))
            continue
        role, active, staff_number = row
        if bool(active) != m.active:
            now = "active" if active else "removed"
            out.append((m.role_seq, f"The users table shows {name} as {now}, but entry "
                                    f"#{m.role_seq} says otherwise."))
        elif m.active and role != m.role:
            out.append((m.role_seq, f"The users table says {name} is a {role}, but entry "
                                    f"#{m.role_seq} made them a {m.role}."))
        elif m.active and m.staff_number is not None and (staff_number or "") != m.staff_number:
            out.append((m.role_seq, f"The staff number stored for {name} is not the one the "
                                    "chain gave them."))
    for name in sorted(rows):
        out.append((state.seq, f"The users table has {name}, whom no entry of the chain "
                               "added."))
    return out


def _certificates(conn, state: State) -> list[tuple[int, str]]:
    from console.storage.identity import cert_fingerprint
    rows = dict(conn.execute("SELECT user, cert_pem FROM identities"))
    out = []
    for name, m in sorted(state.active().items()):
        pem = rows.get(name)
        try:
            fp = cert_fingerprint(pem.encode()) if pem else None
        except ValueError:
            fp = None
        if fp != m.fingerprint:
            out.append((m.cert_seq, f"The certificate stored for {name} is not the one "
                                    f"entry #{m.cert_seq} gave them."))
    return out


def _settings(conn, state: State) -> list[tuple[int, str]]:
    rows = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    out = []
    for key in sorted(KNOWN):
        item = state.settings.get(key)
        if item is None:
            if key in rows:
                out.append((state.seq, f"The vault's setting {key} was set outside the "
                                       "console: no entry of the chain set it."))
            continue
        value, seq = item
        if rows.get(key) != value:
            out.append((seq, f"The vault's setting {key} is not what entry #{seq} set it "
                             "to."))
    return out


def _restrictions(conn, state: State) -> list[tuple[int, str]]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'need_to_know'").fetchone():
        return []
    rows: dict[str, set[str]] = {}
    for ref, user in conn.execute(
            "SELECT s.ref, n.user FROM subject_lawful l JOIN subjects s ON s.id = "
            "l.subject_id LEFT JOIN need_to_know n ON n.subject_id = l.subject_id "
            "WHERE l.restricted = 1"):
        rows.setdefault(ref, set())
        if user:
            rows[ref].add(user)
    named = {ref for (ref,) in conn.execute(
        "SELECT DISTINCT s.ref FROM need_to_know n JOIN subjects s ON s.id = n.subject_id")}
    existing = None
    out = []
    for ref, (allowed, seq) in sorted(state.restrictions.items()):
        got = rows.pop(ref, None)
        if got is None:
            if existing is None:
                existing = {r[0] for r in conn.execute(
                    "SELECT ref FROM subjects WHERE ref IN (%s)" % ",".join(
                        "?" * len(state.restrictions)), list(state.restrictions))}
            if ref in existing:
                out.append((seq, f"Entry #{seq} restricted {ref}, but the vault's rows leave "
                                 "it open to everyone."))
        elif got != set(allowed):
            out.append((seq, f"Who may see {ref} is not what entry #{seq} decided."))
    for ref in sorted(rows):
        out.append((state.seq, f"{ref} is restricted in the vault's rows, but no entry of the "
                               "chain restricted it."))
    for ref in sorted(named - set(state.restrictions) - set(rows)):
        out.append((state.seq, f"The vault's rows name users on {ref}, which no entry of the "
                               "chain restricted."))
    return out


def _staff_numbers(conn, staff: dict[str, tuple[str, int]]) -> list[tuple[int, str]]:
    out = []
    for ref, sn in conn.execute("SELECT ref, staff_number FROM subjects"):
        item = staff.get(ref)
        if item is not None and (sn or "") != item[0]:
            out.append((item[1], f"The staff number of {ref} was changed outside the "
                                 f"console (entry #{item[1]} set it last)."))
    return out
