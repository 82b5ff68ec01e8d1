"""``briefing.json``: the machine-readable data every briefing carries.

``document(data)`` turns a ``BriefingData`` into the dictionary described by
``resources/briefing-data.schema.json`` (and ``docs/briefing-data.md``);
``encode`` gives its bytes, which ``signing.sign_pdf`` embeds in the PDF
before signing, so the signature covers them. ``attachments(reader)`` reads
every embedded file of a PDF opened with pyHanko, for ``verify --extract``
and headquarters' ingest.

Rules: the document holds what the PDF shows of each subject and nothing
more: no names, no free text (summaries, notes, log entries), and staff
numbers only in the full edition. Pure functions: no vault, no files.
"""

from __future__ import annotations

import datetime as dt

import json
from functools import cache

import resources
from reports.data import FULL, BriefingData

FORMAT = "governors-console/briefing-data"
VERSION = 1
FILE_NAME = "briefing.json"
MIME = "application/json"
SCHEMA_PATH = resources.path("briefing-data.schema.json")


def _date(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]


def _utc(moment) -> str:
    """A UTC time as 'YYYY-MM-DDTHH:MM:SSZ'."""
    import datetime as dt
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_referred_on(report, referrals) -> str | None:
    """When ``report`` was first referred, by the console's own rule: a
    referral naming it, or a whole-subject referral made on or after the day
    it came in."""
    days = [f.referred_on for f in referrals
            if f.referred_on and (f.report_id == report.id or
                                  (f.report_id is None and report.received_on
                                   and f.referred_on >= report.received_on))]
    return _date(min(days)) if days else None


def _risk(likelihood: int, impact: int, band: str) -> dict:
    return {"likelihood": int(likelihood), "impact": int(impact),
            "score": int(likelihood) * int(impact), "band": band}


def subject_entry(rec, edition: str) -> dict:
    s = rec.subject
    reports = []
    for r in rec.reports:
        when = report_referred_on(r, rec.referrals) if r.referred else None
        reports.append({"received_on": _date(r.received_on), "type": r.type,
                        "grading": r.grading, "referred": bool(r.referred),
                        "referred_on": when, "overdue": bool(r.unreferred_overdue)})
    referrals = [{"target": f.target, "referred_on": _date(f.referred_on),
                  "acknowledged_on": _date(f.acknowledged_on),
                  "overdue": bool(f.unacknowledged_overdue)} for f in rec.referrals]
    by_status: dict[str, int] = {}
    for m in rec.measures:
        by_status[m.status] = by_status.get(m.status, 0) + 1
    entry = {
        "ref": s.ref,
        "status": s.status,
        "outcome": s.outcome or None,
        "categories": list(s.categories),
        "suspended": bool(s.suspended),
        "restricted_duties": bool(s.restricted_duties),
        "risk": _risk(s.likelihood, s.impact, rec.rag),
        "residual_risk": _risk(s.residual_likelihood, s.residual_impact, rec.residual_rag),
        "next_review": _date(s.next_review),
        "flags": {"unreferred": int(rec.flags.unreferred),
                  "unacknowledged": int(rec.flags.unacknowledged),
                  "overdue_review": bool(rec.flags.overdue_review),
                  "overdue_measures": int(rec.flags.overdue_measures)},
        "reports": reports,
        "referrals": referrals,
        "measures": {"total": len(rec.measures), "by_status": by_status,
                     "review_dates": [_date(m.review_due) for m in rec.measures
                                      if m.review_due and m.status != "ended"],
                     "overdue": sum(1 for m in rec.measures if m.overdue)},
    }
    if edition == FULL:
        entry["staff_number"] = s.staff_number or None
    return entry


def _head(entries: int, head: str) -> dict:
    return {"entries": int(entries), "head": head}


def document(data: BriefingData) -> dict:
    """The briefing's data as a JSON-ready dictionary."""
    previous = None
    if data.previous_reference:
        previous = {"number": data.previous_reference,
                    "chain": _head(data.previous_audit_entries, data.previous_audit_head)}
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "briefing": {
            "number": data.reference,
            "edition": data.edition,
            "scope": data.scope,
            "generated_at": _utc(data.generated_at),
            "period_start": data.period_start or None,
            "period_end": data.generated_at.date().isoformat(),
            "subjects": len(data.records),
            "register_total": int(data.register_total),
            "withheld": int(data.withheld),
        },
        "establishment": {"name": data.establishment, "vault_id": data.vault_id,
                          "certificate_sha256": data.fingerprint},
        "chain": _head(data.audit_entries, data.audit_head),
        "previous": previous,
        "full_register_history": [{"number": n, "chain": _head(e, h)}
                                  for n, e, h in data.full_register_history],
        "deadlines": {"unreferred_days": int(data.unreferred_days),
                      "unacknowledged_days": int(data.unacknowledged_days)},
        "subjects": [subject_entry(r, data.edition) for r in data.records],
    }
    if data.restores:
        doc["restores"] = [
            {"entry": int(seq), "at": _utc(dt.datetime.fromisoformat(at)),
             "restored_to": int(to),
             "replaced": _head(r_seq, r_head) if r_seq is not None and r_head else None}
            for seq, at, to, r_seq, r_head in data.restores]
    return doc


def encode(doc: dict) -> bytes:
    """Canonical bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def problems(doc) -> list[str]:
    """What is wrong with ``doc`` against the schema, as short phrases
    (empty when it is valid). Phrases name fields, never values.

    A valid document is confirmed by jsonschema-rs (draft 2020-12 compiled
    in Rust, thirty times quicker than interpreting it; at HQ this check was
    the largest cost of a briefing after its signature); the phrases for an
    invalid one come from jsonschema, the reference validator, and the tests
    hold the two to the same verdict. A document the fast reader cannot take
    in (an integer beyond 64 bits) is left to the reference alone."""
    try:
        if _fast().is_valid(doc):
            return []
    except (ValueError, OverflowError, TypeError):
        pass
    found = _reference_problems(doc)
    # Never valid because the reference validator disagrees: the stricter
    # verdict stands.
    return found or ["the document (schema)"]


def _reference_problems(doc) -> list[str]:
    from jsonschema import Draft202012Validator
    validator = _validator(Draft202012Validator)
    out = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))[:5]:
        where = "/".join(str(p) for p in err.absolute_path) or "the document"
        out.append(f"{where} ({err.validator})")
    return out


@cache
def _validator(cls):
    return cls(schema())


@cache
def _fast():
    """The schema compiled by jsonschema-rs. ``format`` stays an annotation,
    as it is for jsonschema without a format checker."""
    import jsonschema_rs
    return jsonschema_rs.Draft202012Validator(schema(), validate_formats=False)


def attachments(reader) -> list[tuple[str, bytes]]:
    """Every file embedded in the document-wide registry of a PDF opened
    with pyHanko's ``PdfFileReader`` (decrypted first if encrypted), as
    (name, bytes); a nested name tree is read too."""
    root = reader.root
    try:
        tree = root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return []
    out: list[tuple[str, bytes]] = []

    def walk(node, depth=0):
        node = node.get_object()
        if depth > 8:
            raise ValueError("embedded file tree too deep")
        if "/Names" in node:
            arr = node["/Names"].get_object()
            for i in range(0, len(arr) - 1, 2):
                name = str(arr[i].get_object())
                spec = arr[i + 1].get_object()
                stream = spec["/EF"]["/F"].get_object()
                out.append((name, stream.data))
        for kid in node.get("/Kids", ()):
            walk(kid, depth + 1)

    walk(tree)
    return out
