"""Bad input, by property: every text a service takes is either stored and
read back exactly (leading and trailing spaces trimmed where a field says
so) or refused with a ValidationError whose message is one plain sentence
and does not repeat the input. Nothing else may escape: no driver error, no
TypeError, no half-written record, and the audit chain stays intact.

Inputs mix Hypothesis' own text with the awkward cases named in the brief:
empty, 1 MB, control characters, NUL, right-to-left override, emoji,
combining marks and very long names.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.audit import chain as audit
from console.errors import ConsoleError, ValidationError
from console.records import intel, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields

MB = 1_000_000
AWKWARD = [
    "", " ", "\x00", "a\x00b", "\x07bell", "tab\there", "line\nbreak", "cr\r\nlf",
    "\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd", "\U0001F600\U0001F9D1\u200D\U0001F692",
    "e\u0301\u0301\u0301", "Z\u0351\u0352\u0353\u0354\u0355", "\ufeffBOM", "\ud800",
    "x" * 300, "x" * 301, "N" * 5000, "long " * 20_000, "y" * MB, "z" * (MB + 1),
    "=HYPERLINK(\"http://x\")", "<b>bold</b> & <font size=99>", "Robert'); DROP TABLE subjects;--",
    "\u0000\u0001\u001f\u007f\u0085",
]
TEXT = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=200),
                 st.text(st.characters(codec="utf-8"), max_size=50))
ANY = st.one_of(TEXT, st.none(), st.integers(), st.floats(allow_nan=True), st.dates(),
                st.booleans(), st.lists(st.text(max_size=5), max_size=3))
CASE = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
TODAY = dt.date(2026, 3, 2)


def _stored_or_refused(call, read_back, expected):
    """Run one service call; either it stores exactly ``expected`` or it
    refuses with a plain ValidationError."""
    try:
        result = call()
    except ValidationError as exc:
        message = str(exc)
        assert message and "\n" not in message and message.endswith(".")
        for value in expected.values():
            if isinstance(value, str) and len(set(value)) > 3 and len(value) >= 12:
                assert value not in message, "an error message repeated the input"
        return "refused"
    except ConsoleError as exc:  # any other plain refusal must still be a ConsoleError
        pytest.fail(f"refused with {type(exc).__name__} rather than a validation error")
    got = read_back(result)
    for key, value in expected.items():
        assert getattr(got, key) == value, f"{key} was not read back exactly"
    return "stored"


def _trimmed(value):
    return value.strip() if isinstance(value, str) else value


def _chain_ok(vault):
    assert audit.verify(vault).ok


@pytest.fixture
def ref(vault):
    return subjects.create_subject(vault, SubjectFields("Baseline Subject")).ref


@CASE
@given(name=TEXT, staff=TEXT, role=TEXT, location=TEXT, owner=TEXT, notes=TEXT)
def test_create_subject(vault, name, staff, role, location, owner, notes):
    _stored_or_refused(
        lambda: subjects.create_subject(vault, SubjectFields(
            name, staff_number=staff, role=role, location=location, owner=owner, notes=notes)),
        lambda s: subjects.get_subject(vault, s.ref),
        {"name": _trimmed(name), "staff_number": _trimmed(staff), "role": _trimmed(role),
         "location": _trimmed(location), "owner": _trimmed(owner), "notes": notes})
    _chain_ok(vault)


@CASE
@given(field=st.sampled_from(["name", "staff_number", "role", "location", "owner", "notes",
                              "employment_type", "start_date", "next_review", "categories"]),
       value=ANY)
def test_update_profile(vault, ref, field, value):
    before = subjects.get_subject(vault, ref)
    try:
        after = subjects.update_profile(vault, ref, SubjectFields(**{field: value}))
    except ValidationError:
        assert subjects.get_subject(vault, ref) == before, "a refused edit changed something"
        return
    stored = subjects.get_subject(vault, ref)
    assert stored == after
    if field in ("name", "staff_number", "role", "location", "owner"):
        assert stored.__dict__[field] == str(value).strip() or value is None
    elif field == "notes" and isinstance(value, str):
        assert stored.notes == value
    _chain_ok(vault)


@CASE
@given(full=TEXT, summary=TEXT, ext=TEXT, author=TEXT, condition=TEXT,
       handling=st.sampled_from(["P", "C", "c", "", "X", None]),
       rtype=st.one_of(st.sampled_from(["police", "other", "Police", "nonsense"]), TEXT),
       received=st.one_of(st.just(TODAY), st.just("2026-02-30"), TEXT),
       source=st.one_of(st.sampled_from([1, 2, 3, 0, 4, "2", None]), st.integers()),
       grade=st.one_of(st.sampled_from(list("ABCDEabcdeFZ")), TEXT))
def test_add_report(vault, ref, full, summary, ext, author, condition, handling, rtype,
                    received, source, grade):
    expected = {"full_text": full, "summary": summary, "external_ref": _trimmed(ext),
                "author": _trimmed(author)}
    _stored_or_refused(
        lambda: intel.add_report(vault, ref, ReportFields(
            type=rtype, received_on=received, source_grade=source, intel_grade=grade,
            handling=handling, full_text=full, summary=summary, external_ref=ext, author=author,
            handling_condition=condition)),
        lambda r: intel.get_report(vault, r.id), expected)
    _chain_ok(vault)


@CASE
@given(details=TEXT, owner=TEXT, effectiveness=TEXT,
       aim=st.one_of(st.sampled_from(["protect", "prevent", "Pursue", "prepare", "panic"]),
                     TEXT),
       mtype=st.one_of(st.sampled_from(["other", "increased_supervision"]), TEXT),
       start=st.one_of(st.just(TODAY), st.none(), TEXT),
       review=st.one_of(st.just(TODAY), st.none(), TEXT))
def test_add_measure(vault, ref, details, owner, effectiveness, aim, mtype, start, review):
    _stored_or_refused(
        lambda: measures.add_measure(vault, ref, MeasureFields(
            aim=aim, type=mtype, details=details, owner=owner, effectiveness=effectiveness,
            start_on=start, review_due=review)),
        lambda m: measures.get_measure(vault, m.id),
        {"details": details, "owner": _trimmed(owner), "effectiveness": effectiveness})
    _chain_ok(vault)


@pytest.fixture
def measure_id(vault, ref):
    return measures.add_measure(vault, ref, MeasureFields(aim="protect", type="other")).id


@CASE
@given(text=TEXT)
def test_add_log_entry(vault, measure_id, text):
    def read_back(entry):
        (stored,) = [e for e in measures.get_measure(vault, measure_id).log
                     if e.id == entry.id]
        return stored
    _stored_or_refused(lambda: measures.add_log_entry(vault, measure_id, text), read_back,
                       {"text": text})
    _chain_ok(vault)


@CASE
@given(reference=TEXT, by=TEXT,
       target=st.one_of(st.sampled_from(["police", "hq_counter_corruption", "HQ", "moon"]),
                        TEXT),
       on=st.one_of(st.just(TODAY), st.just("2026-13-01"), TEXT),
       chase=st.one_of(st.none(), st.just(TODAY), TEXT))
def test_add_referral(vault, ref, reference, by, target, on, chase):
    expected = {"reference": _trimmed(reference)}
    if by.strip():
        expected["referred_by"] = by.strip()
    _stored_or_refused(
        lambda: referrals.add_referral(vault, ref, ReferralFields(
            target=target, referred_on=on, reference=reference, referred_by=by, next_chase=chase)),
        lambda r: referrals.get_referral(vault, r.id), expected)
    _chain_ok(vault)


def test_every_awkward_case_is_decided_for_a_long_text_field(vault, ref):
    """The named cases, deterministically, on the one field that takes 1 MB."""
    outcomes = {}
    for value in AWKWARD:
        outcomes[value[:12]] = _stored_or_refused(
            lambda: subjects.update_profile(vault, ref, SubjectFields(notes=value)),
            lambda s: subjects.get_subject(vault, ref), {"notes": value})
    assert outcomes["y" * 12] == "stored"          # exactly 1 MB is allowed
    assert outcomes["z" * 12] == "refused"         # one character more is not
    assert outcomes["\x00"] == "refused"
    assert outcomes["\u202eevil\u202c"] == "stored"
    assert outcomes["e\u0301\u0301\u0301"] == "stored"
    _chain_ok(vault)
