"""The record of briefings sent to headquarters.

Each signed briefing gets a row in ``briefings`` and an audit entry
``briefing.sign`` carrying its SHA-256, scope, edition, reference and the
audit head (sequence number) its contents were taken at, so the next briefing
can say what changed since. Recording is the governor's act (``sign_briefing``);
reading the history needs only ``view``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from console import clock
from console.audit import chain as audit
from console.audit import roles
from console.audit.chain import AuditEntry
from console.clock import now_iso
from console.errors import ChainRewound, ValidationError
from console.records import access
from console.i18n import _

ACTION = "briefing.sign"
EDITIONS = ("full", "pseudonymised")
SCOPES = ("all", "selected", "since_last")
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class BriefingRecord:
    id: int
    reference: str
    at: str
    by_user: str
    sha256: str
    scope: str
    edition: str
    subjects: int
    audit_seq: int  # audit head when the briefing's contents were collected
    audit_head: str = ""  # that entry's hash then (empty for briefings made before)


def next_reference(vault, today: dt.date | None = None) -> str:
    """'BR-YYYYMMDD-NN', numbered within the day, after every number this
    register used: its briefings, and those a restore replaced (which HQ may
    hold), as the restore entry lists them."""
    day = (today or clock.today()).strftime("%Y%m%d")
    prefix = f"BR-{day}-"
    used = [r[0] for r in vault.query("SELECT reference FROM briefings WHERE reference LIKE ?",
                                      (prefix + "%",))]
    for (after,) in vault.query("SELECT p.after FROM audit a JOIN audit_payload p ON "
                                "p.seq = a.seq WHERE a.action = 'vault.restore'"):
        try:
            used += [str(r) for r in json.loads(after or "{}").get("briefings_replaced") or ()]
        except (ValueError, AttributeError):
            continue
    n = max([int(r[len(prefix):]) for r in used
             if r.startswith(prefix) and r[len(prefix):].isdigit()] or [0])
    return f"{prefix}{n + 1:02d}"


def record_briefing(vault, *, reference: str, sha256: str, scope: str, edition: str,
                    subjects: int, audit_seq: int, audit_head: str = "") -> BriefingRecord:
    roles.require(vault, "sign_briefing")
    if not _SHA.match(sha256 or ""):
        raise ValidationError(_("A briefing's fingerprint must be a SHA-256 in hex."))
    if scope not in SCOPES:
        raise ValidationError(_("A briefing's scope must be all, selected or since_last."))
    if edition not in EDITIONS:
        raise ValidationError(_("A briefing's edition must be full or pseudonymised."))
    at = now_iso()
    with vault.write():
        cur = vault.conn.execute(
            "INSERT INTO briefings(reference, at, by_user, sha256, scope, edition, subjects) "
            "VALUES (?,?,?,?,?,?,?)",
            (reference, at, vault.user.name, sha256, scope, edition, int(subjects)))
        bid = cur.lastrowid
        audit.append(vault, ACTION, "briefing", reference,
                     after={"reference": reference, "sha256": sha256, "scope": scope,
                            "edition": edition, "subjects": int(subjects),
                            "audit_seq": int(audit_seq), "audit_head": audit_head})
    return BriefingRecord(bid, reference, at, vault.user.name, sha256, scope, edition,
                          int(subjects), int(audit_seq), audit_head)


def _audit_heads(vault) -> dict[str, tuple[int, str]]:
    """reference -> (audit head, its hash) as the signed entry recorded them
    (or, failing that, the seq of its own audit entry and no hash)."""
    out = {}
    for e in audit.entries(vault, entity="briefing"):
        if e.action != ACTION:
            continue
        seq = (e.after or {}).get("audit_seq")
        head = (e.after or {}).get("audit_head")
        out.setdefault(e.entity_id, (int(seq) if isinstance(seq, int) else e.seq,
                                     head if isinstance(head, str) else ""))
    return out


def list_briefings(vault) -> list[BriefingRecord]:
    roles.require(vault, "view")
    heads = _audit_heads(vault)
    return [BriefingRecord(*r, *heads.get(r[1], (0, ""))) for r in vault.query(
        "SELECT id, reference, at, by_user, sha256, scope, edition, subjects FROM briefings "
        "ORDER BY id DESC")]


def last_briefing(vault) -> BriefingRecord | None:
    roles.require(vault, "view")
    rows = vault.query("SELECT id, reference, at, by_user, sha256, scope, edition, subjects "
                       "FROM briefings ORDER BY id DESC LIMIT 1")
    if not rows:
        return None
    r = rows[0]
    return BriefingRecord(*r, *_audit_heads(vault).get(r[1], (0, "")))


def check_continuity(vault) -> None:
    """Refuse to sign a briefing when the chain no longer holds the head the
    previous briefing was taken at, as its signed entry recorded it, and no
    governor's "restored to entry #N" entry explains why: entries may have
    been cut, and a new briefing would hide it from headquarters."""
    signed = [e for e in audit.entries(vault, entity="briefing") if e.action == ACTION]
    rows = vault.query("SELECT reference FROM briefings ORDER BY id DESC LIMIT 1")
    refused = None
    if rows and rows[0][0] not in {e.entity_id for e in signed}:
        refused = _("The previous briefing ({reference}) is no longer recorded in the audit "
                    "chain").format(reference=rows[0][0])
    elif signed:
        last = signed[0]
        seq, head = (last.after or {}).get("audit_seq"), (last.after or {}).get("audit_head")
        if (isinstance(seq, int) and isinstance(head, str) and head
                and audit.hashes_at(vault, [seq]).get(seq) != head):
            refused = _("The previous briefing ({reference}) was taken at audit entry #{seq}, "
                        "and the chain no longer holds that entry as it was").format(
                            reference=last.entity_id, seq=seq)
    if refused is None:
        return
    if any(e.action == "vault.restore" for e in audit.entries(vault, entity="vault")
           if e.seq > (signed[0].seq if signed else 0)):
        return   # a governor's restore took the chain back, and says to which entry
    raise ChainRewound(
        _("{refused}; no restore from a backup explains it, so entries may have been cut. "
          "Nothing was signed; restore the vault from a backup (File › Backups…, or the "
          "'restore' command) before signing a briefing.").format(refused=refused))


def changes_since(vault, last: BriefingRecord | None) -> list[AuditEntry]:
    """Audit entries about subjects made after ``last`` was collected, newest
    first (all of them if there was no previous briefing)."""
    roles.require(vault, "view")
    since = last.audit_seq if last else 0
    barred = access.barred_refs(vault)
    return [e for e in audit.entries(vault, entity="subject", since_seq=since)
            if not e.action.startswith("journal.")  # consultations are not changes
            and e.entity_id not in barred]
