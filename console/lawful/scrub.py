"""Taking an erased person's name out of the journal.

The journal outlives a record's erasure: its entries about the erased
subject lose their details with the record, but a consultation or
disclosure about *other* records can still name the person in its free
text: a briefing's reason or distribution ("for DI Jones re Smith"), the
reason another record was opened ("compared with Smith, AB 12345"). At
erasure, ``scrub`` finds every such mention (``console.records.names``: the
name, its parts, any case, with or without accents, the staff number in any
spacing) in the readable details of journal entries and replaces it with
``ERASED``. Each changed entry gets a new random salt, so the old details
cannot be confirmed by guessing them against the chain, and the erasure
entry attests the new form (``forms``: entry number -> its new hash), which
the chain's replay accepts as it accepts a sealing entry's (see
``console.audit.payloads``).

Left alone, and said so in docs/security.md: details stored sealed under
another record's key, and other records' own text (their notes and
append-only logs), which belongs to those records.

Runs inside the erasure's write, before the tombstone is appended.
"""

from __future__ import annotations

import json
import secrets

from console.audit.hashing import canonical, payload_hash
from console.audit.payloads import is_sealed
from console.records.names import NameMatcher

ERASED = "[erased]"


def _walk(value, matcher: NameMatcher):
    if isinstance(value, str):
        return matcher.replace(value, lambda _ref: ERASED)
    if isinstance(value, list):
        return [_walk(v, matcher) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, matcher) for k, v in value.items()}
    return value


def _scrubbed(text: str | None, matcher: NameMatcher) -> str | None:
    if text is None or not matcher.found_in(text):
        return text
    try:
        return canonical(_walk(json.loads(text), matcher)).decode()
    except ValueError:
        return matcher.replace(text, lambda _ref: ERASED)


def scrub(conn, ref: str, name: str, staff_number: str) -> dict[str, str]:
    """Scrub journal entries not about ``ref`` that name the person; returns
    the new forms to attest (entry number as text -> hash of its details)."""
    matcher = NameMatcher([(ref, name, staff_number)])
    forms: dict[str, str] = {}
    rows = conn.execute(
        "SELECT a.seq, p.before, p.after FROM audit a JOIN audit_payload p ON p.seq = a.seq "
        "WHERE a.action LIKE 'journal.%' AND NOT (a.entity = 'subject' AND "
        "a.entity_id = ?) ORDER BY a.seq", (ref,)).fetchall()
    for seq, before, after in rows:
        if is_sealed(before) or is_sealed(after):
            continue
        b, a = _scrubbed(before, matcher), _scrubbed(after, matcher)
        if (b, a) == (before, after):
            continue
        salt = secrets.token_bytes(16)
        conn.execute("UPDATE audit_payload SET salt = ?, before = ?, after = ? WHERE seq = ?",
                     (salt, b, a, seq))
        forms[str(seq)] = payload_hash(salt, b, a)
    return forms
