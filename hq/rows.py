"""A briefing's data as the HQ store's rows, with the counts HQ keeps per
briefing (judged by HQ's own deadlines as of the day it was made).

``details(doc)`` turns what a briefing says of each subject into rows (in
the worker that examined the file, so the process that stores them receives
plain tuples rather than the whole document); ``unstorable`` says, there
too, whether every value fits the column it goes to; ``briefing_row`` and
``with_briefing`` finish them once the store has given the briefing its id.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from hq.times import days_before

CLOSED = "closed"

SUBJECT_COLUMNS = (
    "briefing_id", "ref", "staff_number", "status", "open", "categories", "likelihood",
    "impact", "band", "residual_likelihood", "residual_impact", "residual_band", "suspended",
    "restricted_duties", "next_review", "flag_unreferred", "flag_unacknowledged",
    "flag_overdue_review", "flag_overdue_measures", "measures_total", "measures_overdue",
    "next_measure_review")
REPORT_COLUMNS = ("briefing_id", "subject_ref", "received_on", "type", "grading", "referred",
                  "referred_on")
REFERRAL_COLUMNS = ("briefing_id", "subject_ref", "target", "referred_on", "acknowledged_on")


def _at(columns: tuple[str, ...], name: str) -> int:
    """Where ``name`` is in a row of ``Details`` (which has no briefing id yet)."""
    return columns.index(name) - 1


_OPEN, _BAND = _at(SUBJECT_COLUMNS, "open"), _at(SUBJECT_COLUMNS, "band")
_RECEIVED, _REFERRED = _at(REPORT_COLUMNS, "received_on"), _at(REPORT_COLUMNS, "referred")
_REFERRED_ON, _ACKNOWLEDGED = (_at(REFERRAL_COLUMNS, "referred_on"),
                               _at(REFERRAL_COLUMNS, "acknowledged_on"))


@dataclass(frozen=True)
class Details:
    """What a briefing says of each subject, as rows in the order of the
    columns above less ``briefing_id``, and the staff numbers it names
    (trimmed, in capitals, each once with the first reference naming it)."""
    subjects: tuple
    reports: tuple
    referrals: tuple
    staff: tuple


def is_full_register(doc: dict) -> bool:
    b = doc["briefing"]
    return b["edition"] == "full" and b["scope"] == "all"


def details(doc: dict) -> Details:
    subjects, reports, referrals, staff = [], [], [], {}
    for s in doc["subjects"]:
        risk, residual, flags, m = s["risk"], s["residual_risk"], s["flags"], s["measures"]
        reviews = m["review_dates"]
        ref = s["ref"]
        number = s.get("staff_number")
        if number:
            staff.setdefault(number.strip().upper(), ref)
        subjects.append((
            ref, number, s["status"], s["status"] != CLOSED,
            ",".join(s["categories"]), risk["likelihood"], risk["impact"], risk["band"],
            residual["likelihood"], residual["impact"], residual["band"], s["suspended"],
            s["restricted_duties"], s["next_review"], flags["unreferred"],
            flags["unacknowledged"], flags["overdue_review"], flags["overdue_measures"],
            m["total"], m["overdue"], min(reviews) if reviews else None))
        for r in s["reports"]:
            reports.append((ref, r["received_on"], r["type"], r["grading"], r["referred"],
                            r["referred_on"]))
        for f in s["referrals"]:
            referrals.append((ref, f["target"], f["referred_on"], f["acknowledged_on"]))
    return Details(tuple(subjects), tuple(reports), tuple(referrals), tuple(staff.items()))


# What each column HQ fills from a briefing's data holds, as
# ``hq.store.tables`` declares it (written out here so that the examining
# workers need not import SQLAlchemy; a test holds the two together): text of at
# most so many characters, integers in PostgreSQL's range, booleans. The
# schema leaves some of it open (a count has no maximum, an integer may be
# written 1.0, a category may repeat), and a value that does not fit would
# stop the whole ingest at the store rather than refuse one file.
INT, SMALLINT, BOOL = ("int", 2 ** 31 - 1), ("int", 2 ** 15 - 1), ("bool", None)


def _text(length: int) -> tuple[str, int]:
    return ("text", length)


REF = _text(40)
# Text that must also be a real day or moment: the schema checks only its
# shape, and "2026-02-30" or "T25:00:00Z" would stop whatever reads it back.
DATE, TIME = ("date", 10), ("time", 32)
_BRIEFING_COLUMNS = ("number", "previous_number", "period_start", "generated_at",
                     "chain_head", "chain_entries")
_STAFF_COLUMNS = ("staff_number", "last_ref")
LIMITS = {
    "briefings": {"number": REF, "previous_number": REF, "period_start": DATE,
                  "generated_at": TIME, "chain_head": _text(64), "chain_entries": INT},
    "subjects": {"ref": REF, "staff_number": REF, "status": _text(24), "open": BOOL,
                 "categories": _text(300), "likelihood": SMALLINT, "impact": SMALLINT,
                 "band": _text(8), "residual_likelihood": SMALLINT,
                 "residual_impact": SMALLINT, "residual_band": _text(8), "suspended": BOOL,
                 "restricted_duties": BOOL, "next_review": DATE, "flag_unreferred": INT,
                 "flag_unacknowledged": INT, "flag_overdue_review": BOOL,
                 "flag_overdue_measures": INT, "measures_total": INT, "measures_overdue": INT,
                 "next_measure_review": DATE},
    "reports": {"subject_ref": REF, "received_on": DATE, "type": _text(24),
                "grading": _text(3), "referred": BOOL, "referred_on": DATE},
    "referrals": {"subject_ref": REF, "target": _text(16), "referred_on": DATE,
                  "acknowledged_on": DATE},
    "staff_seen": {"staff_number": REF, "last_ref": REF},
}


_NONE = type(None)


def _fits(values: tuple, limit: tuple) -> bool:
    """Every value (None aside) of one column fits it: True or False for a
    boolean, an int in range for an integer (not 1.0), text that UTF-8 can
    carry, without NUL (which PostgreSQL refuses), of at most its length.
    Whole columns at a time, in C where it can be (a briefing has thousands
    of values)."""
    kind, most = limit
    types = set(map(type, values))
    if _NONE in types:
        types.discard(_NONE)
        values = [v for v in values if v is not None]
    if not types:
        return True
    if kind == "bool":
        return types == {bool}
    if kind == "int":
        return types == {int} and -most - 1 <= min(values) and max(values) <= most
    if types != {str} or max(map(len, values)) > most:
        return False
    if kind != "text":
        return _real_times(kind, values)
    joined = "".join(values)
    if "\x00" in joined:
        return False
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:         # a lone surrogate, from a \ud800 escape
        return False
    return True


def _real_times(kind: str, values) -> bool:
    """Each value a real day ('YYYY-MM-DD') or UTC moment ('...THH:MM:SSZ')."""
    try:
        for v in set(values):
            if kind == "date":
                dt.date.fromisoformat(v)
            elif len(v) != 20 or v[10] != "T" or v[19] != "Z":
                return False
            else:
                dt.datetime.fromisoformat(v[:19])
    except ValueError:
        return False
    return True


def unstorable(doc: dict, found: Details) -> str | None:
    """The first column (as 'table.column') that one of this briefing's
    values would not fit in the HQ store; None when all fit."""
    b = doc["briefing"]
    briefing = ((b["number"], (doc.get("previous") or {}).get("number"), b.get("period_start"),
                 b["generated_at"], doc["chain"]["head"], doc["chain"]["entries"]),)
    for table, columns, rows in (("briefings", _BRIEFING_COLUMNS, briefing),
                                 ("subjects", SUBJECT_COLUMNS[1:], found.subjects),
                                 ("reports", REPORT_COLUMNS[1:], found.reports),
                                 ("referrals", REFERRAL_COLUMNS[1:], found.referrals),
                                 ("staff_seen", _STAFF_COLUMNS, found.staff)):
        if rows:
            for name, values in zip(columns, zip(*rows)):
                if not _fits(values, LIMITS[table][name]):
                    return f"{table}.{name}"
    return None


def without_subjects(doc: dict) -> dict:
    """The document less its subjects (kept as ``details``)."""
    return {k: v for k, v in doc.items() if k != "subjects"}


def with_briefing(rows, briefing_id: int) -> list[tuple]:
    """``Details`` rows with their briefing's id in front, ready to store."""
    return [(briefing_id, *r) for r in rows]


def briefing_row(doc: dict, found: Details, *, establishment_id: int, sha256: str,
                 fingerprint: str, received_at: str, unreferred_days: int,
                 unacknowledged_days: int) -> dict:
    b = doc["briefing"]
    day = dt.date.fromisoformat(b["generated_at"][:10])
    unref_deadline = days_before(day, unreferred_days)
    unack_deadline = days_before(day, unacknowledged_days)
    open_ = [s for s in found.subjects if s[_OPEN]]
    history = [[h["number"], h["chain"]["entries"], h["chain"]["head"]]
               for h in doc["full_register_history"]]
    return {
        "establishment_id": establishment_id, "number": b["number"], "sha256": sha256,
        "edition": b["edition"], "scope": b["scope"], "full_register": is_full_register(doc),
        "generated_at": b["generated_at"], "period_start": b["period_start"],
        "chain_entries": doc["chain"]["entries"], "chain_head": doc["chain"]["head"],
        "previous_number": (doc["previous"] or {}).get("number"),
        "history": json.dumps(history, separators=(",", ":")), "earlier_full": len(history),
        "signer_fingerprint": fingerprint, "received_at": received_at,
        "subjects": len(found.subjects), "open_subjects": len(open_),
        "red": sum(1 for s in open_ if s[_BAND] == "red"),
        "unreferred": sum(1 for r in found.reports
                          if not r[_REFERRED] and r[_RECEIVED] < unref_deadline),
        "unacknowledged": sum(1 for f in found.referrals
                              if not f[_ACKNOWLEDGED] and f[_REFERRED_ON] < unack_deadline),
    }
