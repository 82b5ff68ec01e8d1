"""What HQ stores of a briefing fits the store's columns, or the file is
refused on its own (``hq.rows.unstorable``) before it reaches a store that
would stop the whole ingest over it."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import Boolean, Integer, SmallInteger, String

from hq import rows
from hq.store import tables as t


def _doc(**subject):
    base = {
        "ref": "CC-2026-001", "staff_number": "SN100", "status": "assessed",
        "categories": ["bribes"], "suspended": False, "restricted_duties": False,
        "next_review": "2026-12-01",
        "risk": {"likelihood": 4, "impact": 4, "band": "red"},
        "residual_risk": {"likelihood": 2, "impact": 4, "band": "amber"},
        "flags": {"unreferred": 1, "unacknowledged": 0, "overdue_review": False,
                  "overdue_measures": 0},
        "measures": {"total": 1, "overdue": 0, "review_dates": ["2026-12-10"]},
        "reports": [{"received_on": "2026-11-01", "type": "ssir", "grading": "2BP",
                     "referred": False, "referred_on": None}],
        "referrals": [{"target": "hq", "referred_on": "2026-11-02",
                       "acknowledged_on": None}],
    }
    base.update(subject)
    return {"briefing": {"number": "BR-20261201-01", "generated_at": "2026-12-01T09:00:00Z",
                         "period_start": None, "edition": "full", "scope": "all"},
            "previous": None, "chain": {"entries": 12, "head": "a" * 64},
            "subjects": [base]}


def _unstorable(doc):
    return rows.unstorable(doc, rows.details(doc))


def test_a_briefing_as_the_console_makes_it_fits():
    assert _unstorable(_doc()) is None
    assert _unstorable(_doc(staff_number=None, next_review=None)) is None


@pytest.mark.parametrize("change, column", [
    (lambda d: d["subjects"][0]["flags"].update(unreferred=2 ** 40), "subjects.flag_unreferred"),
    (lambda d: d["subjects"][0]["measures"].update(total=1.0), "subjects.measures_total"),
    (lambda d: d["subjects"][0].update(categories=["failure_of_duty"] * 40),
     "subjects.categories"),
    (lambda d: d["subjects"][0].update(ref="CC\x00001"), "subjects.ref"),
    (lambda d: d["subjects"][0].update(staff_number="SN\ud800"), "subjects.staff_number"),
    (lambda d: d["subjects"][0].update(suspended=1), "subjects.suspended"),
    (lambda d: d["chain"].update(entries=2 ** 31), "briefings.chain_entries"),
    (lambda d: d["briefing"].update(number="BR-20261201-" + "1" * 40), "briefings.number"),
    (lambda d: d.update(previous={"number": "BR\x00"}), "briefings.previous_number"),
    (lambda d: d["subjects"][0]["reports"][0].update(type=["ssir"]), "reports.type"),
    (lambda d: d["subjects"][0]["reports"][0].update(received_on="2026-02-30"),
     "reports.received_on"),
    (lambda d: d["briefing"].update(generated_at="2031-01-01T25:00:00Z"),
     "briefings.generated_at"),
    (lambda d: d["briefing"].update(period_start="2026-13-01"), "briefings.period_start"),
])
def test_a_value_no_column_holds_names_its_column(change, column):
    doc = copy.deepcopy(_doc())
    change(doc)
    assert _unstorable(doc) == column


def test_a_staff_number_is_measured_as_it_is_kept_in_capitals():
    """Forty "ß" fit the schema; in capitals ("SS" each) they are eighty."""
    assert _unstorable(_doc(staff_number="ß" * 40)) == "staff_seen.staff_number"
    assert _unstorable(_doc(staff_number="ab" * 20)) is None


def test_the_limits_are_the_store_columns():
    """``rows.LIMITS`` says what ``hq.store.tables`` declares, column by
    column, and covers every value ingest takes from a briefing."""
    for table, limits in rows.LIMITS.items():
        for name, (kind, most) in limits.items():
            column_type = getattr(t, table).c[name].type
            if isinstance(column_type, Boolean):
                assert kind == "bool", (table, name)
            elif isinstance(column_type, SmallInteger):
                assert (kind, most) == ("int", 2 ** 15 - 1), (table, name)
            elif isinstance(column_type, Integer):
                assert (kind, most) == ("int", 2 ** 31 - 1), (table, name)
            else:
                assert isinstance(column_type, String) and kind in ("text", "date", "time") \
                    and most == column_type.length, (table, name)
    assert set(rows.LIMITS["subjects"]) == set(rows.SUBJECT_COLUMNS[1:])
    assert set(rows.LIMITS["reports"]) == set(rows.REPORT_COLUMNS[1:])
    assert set(rows.LIMITS["referrals"]) == set(rows.REFERRAL_COLUMNS[1:])
