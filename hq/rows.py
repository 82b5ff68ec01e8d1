"""A briefing's data as the HQ store's rows, with the counts HQ keeps per
briefing (judged by HQ's own deadlines as of the day it was made)."""

from __future__ import annotations

import json

from hq.times import days_before

CLOSED = "closed"


def is_full_register(doc: dict) -> bool:
    b = doc["briefing"]
    return b["edition"] == "full" and b["scope"] == "all"


def briefing_row(doc: dict, *, establishment_id: int, sha256: str, fingerprint: str,
                 received_at: str, unreferred_days: int, unacknowledged_days: int) -> dict:
    b = doc["briefing"]
    made = b["generated_at"][:10]
    import datetime as dt
    day = dt.date.fromisoformat(made)
    unref_deadline = days_before(day, unreferred_days)
    unack_deadline = days_before(day, unacknowledged_days)
    subjects = doc["subjects"]
    open_ = [s for s in subjects if s["status"] != CLOSED]
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
        "subjects": len(subjects), "open_subjects": len(open_),
        "red": sum(1 for s in open_ if s["risk"]["band"] == "red"),
        "unreferred": sum(1 for s in subjects for r in s["reports"]
                          if not r["referred"] and r["received_on"] < unref_deadline),
        "unacknowledged": sum(1 for s in subjects for f in s["referrals"]
                              if not f["acknowledged_on"] and f["referred_on"] < unack_deadline),
    }


SUBJECT_COLUMNS = (
    "briefing_id", "ref", "staff_number", "status", "open", "categories", "likelihood",
    "impact", "band", "residual_likelihood", "residual_impact", "residual_band", "suspended",
    "restricted_duties", "next_review", "flag_unreferred", "flag_unacknowledged",
    "flag_overdue_review", "flag_overdue_measures", "measures_total", "measures_overdue",
    "next_measure_review")
REPORT_COLUMNS = ("briefing_id", "subject_ref", "received_on", "type", "grading", "referred",
                  "referred_on")
REFERRAL_COLUMNS = ("briefing_id", "subject_ref", "target", "referred_on", "acknowledged_on")


def detail_rows(doc: dict, briefing_id: int) -> tuple[list, list, list]:
    """(subjects, reports, referrals) rows for one briefing, as tuples in the
    order of ``SUBJECT_COLUMNS``, ``REPORT_COLUMNS`` and ``REFERRAL_COLUMNS``
    (``hq.store.bulk.insert_many`` stores them as they are)."""
    subjects, reports, referrals = [], [], []
    for s in doc["subjects"]:
        risk, residual, flags, m = s["risk"], s["residual_risk"], s["flags"], s["measures"]
        reviews = m["review_dates"]
        ref = s["ref"]
        subjects.append((
            briefing_id, ref, s.get("staff_number"), s["status"], s["status"] != CLOSED,
            ",".join(s["categories"]), risk["likelihood"], risk["impact"], risk["band"],
            residual["likelihood"], residual["impact"], residual["band"], s["suspended"],
            s["restricted_duties"], s["next_review"], flags["unreferred"],
            flags["unacknowledged"], flags["overdue_review"], flags["overdue_measures"],
            m["total"], m["overdue"], min(reviews) if reviews else None))
        for r in s["reports"]:
            reports.append((briefing_id, ref, r["received_on"], r["type"], r["grading"],
                            r["referred"], r["referred_on"]))
        for f in s["referrals"]:
            referrals.append((briefing_id, ref, f["target"], f["referred_on"],
                              f["acknowledged_on"]))
    return subjects, reports, referrals
