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


def detail_rows(doc: dict, briefing_id: int) -> tuple[list, list, list]:
    """(subjects, reports, referrals) rows for one briefing."""
    subjects, reports, referrals = [], [], []
    for s in doc["subjects"]:
        risk, residual, flags, m = s["risk"], s["residual_risk"], s["flags"], s["measures"]
        reviews = sorted(m["review_dates"])
        subjects.append({
            "briefing_id": briefing_id, "ref": s["ref"], "staff_number": s.get("staff_number"),
            "status": s["status"], "open": s["status"] != CLOSED,
            "categories": ",".join(s["categories"]),
            "likelihood": risk["likelihood"], "impact": risk["impact"], "band": risk["band"],
            "residual_likelihood": residual["likelihood"],
            "residual_impact": residual["impact"], "residual_band": residual["band"],
            "suspended": s["suspended"], "restricted_duties": s["restricted_duties"],
            "next_review": s["next_review"],
            "flag_unreferred": flags["unreferred"],
            "flag_unacknowledged": flags["unacknowledged"],
            "flag_overdue_review": flags["overdue_review"],
            "flag_overdue_measures": flags["overdue_measures"],
            "measures_total": m["total"], "measures_overdue": m["overdue"],
            "next_measure_review": reviews[0] if reviews else None})
        for r in s["reports"]:
            reports.append({"briefing_id": briefing_id, "subject_ref": s["ref"],
                            "received_on": r["received_on"], "type": r["type"],
                            "grading": r["grading"], "referred": r["referred"],
                            "referred_on": r["referred_on"]})
        for f in s["referrals"]:
            referrals.append({"briefing_id": briefing_id, "subject_ref": s["ref"],
                              "target": f["target"], "referred_on": f["referred_on"],
                              "acknowledged_on": f["acknowledged_on"]})
    return subjects, reports, referrals
