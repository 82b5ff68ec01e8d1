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
from console.audit.roles import ROLES
from console.i18n import _


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
                out.append((m.role_seq, _("There is no users row for {name}, whom entry "
                                          "#{role_seq} made a {role}.").format(
                                          name=name, role_seq=m.role_seq,
                                          role=ROLES.label(m.role).lower())))
            continue
        role, active, staff_number = row
        if bool(active) != m.active:
            now = "active" if active else "removed"
            out.append((m.role_seq, _("The users table shows {name} as {now}, but entry "
                                      "#{role_seq} says otherwise.").format(
                                      name=name, now=now, role_seq=m.role_seq)))
        elif m.active and role != m.role:
            out.append((m.role_seq, _("The users table says {name} is a {role}, but entry "
                                      "#{role_seq} made them a {role2}.").format(
                                      name=name, role=ROLES.label(role).lower(),
                                      role_seq=m.role_seq, role2=ROLES.label(m.role).lower())))
        elif m.active and m.staff_number is not None and (staff_number or "") != m.staff_number:
            out.append((m.role_seq, _("The staff number stored for {name} is not the one the "
                                      "chain gave them.").format(name=name)))
    for name in sorted(rows):
        out.append((state.seq, _("The users table has {name}, whom no entry of the chain added.").format(
                                 name=name)))
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
            out.append((m.cert_seq, _("The certificate stored for {name} is not the one entry "
                                      "#{cert_seq} gave them.").format(
                                      name=name, cert_seq=m.cert_seq)))
    return out


def _settings(conn, state: State) -> list[tuple[int, str]]:
    rows = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    out = []
    for key in sorted(KNOWN):
        item = state.settings.get(key)
        if item is None:
            if key in rows:
                out.append((state.seq, _("The vault's setting {key} was set outside the console: "
                                         "no entry of the chain set it.").format(key=key)))
            continue
        value, seq = item
        if rows.get(key) != value:
            out.append((seq, _("The vault's setting {key} is not what entry #{seq} set it to.").format(
                               key=key, seq=seq)))
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
                out.append((seq, _("Entry #{seq} restricted {ref}, but the vault's rows leave it "
                                   "open to everyone.").format(seq=seq, ref=ref)))
        elif got != set(allowed):
            out.append((seq, _("Who may see {ref} is not what entry #{seq} decided.").format(
                               ref=ref, seq=seq)))
    for ref in sorted(rows):
        out.append((state.seq, _("{ref} is restricted in the vault's rows, but no entry of the "
                                 "chain restricted it.").format(ref=ref)))
    for ref in sorted(named - set(state.restrictions) - set(rows)):
        out.append((state.seq, _("The vault's rows name users on {ref}, which no entry of the "
                                 "chain restricted.").format(ref=ref)))
    return out


def _staff_numbers(conn, staff: dict[str, tuple[str, int]]) -> list[tuple[int, str]]:
    out = []
    for ref, sn in conn.execute("SELECT ref, staff_number FROM subjects"):
        item = staff.get(ref)
        if item is not None and (sn or "") != item[0]:
            out.append((item[1], _("The staff number of {ref} was changed outside the console "
                                   "(entry #{item} set it last).").format(ref=ref, item=item[1])))
    return out
