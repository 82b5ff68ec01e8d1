"""The audited partial update behind every edit (subject profile and
assessment, measure, referral, processing basis): the audit entry holds the
before and after of the changed fields only, a repeat of the stored value
writes nothing, and the row and its entry are written together or not at
all."""

from __future__ import annotations

import datetime as dt

import pytest

from console.audit import chain as audit
from console.errors import ConsoleError
from console.lawful import retention
from console.records import measures, referrals, subjects, updates
from console.records.commands import MeasureFields, ReferralFields, SubjectFields

TODAY = dt.date.today()


def _last(vault):
    return max(audit.entries(vault), key=lambda e: e.seq)


def _count(vault):
    return len(audit.entries(vault))


def test_each_edit_records_only_what_changed(vault):
    s = subjects.create_subject(vault, SubjectFields("Update Subject", role="Officer"))
    subjects.update_profile(vault, s.ref, SubjectFields(
        role="Senior officer", location="", categories=["theft"]))
    e = _last(vault)
    assert (e.action, e.entity_id) == ("subject.update", s.ref)
    assert e.before == {"role": "Officer", "categories": []}
    assert e.after == {"role": "Senior officer", "categories": ["theft"]}

    subjects.assess_threat(vault, s.ref, SubjectFields(likelihood=4, impact=1))
    assert (_last(vault).before, _last(vault).after) == ({"likelihood": 1}, {"likelihood": 4})

    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", status="planned"))
    measures.update_measure(vault, m.id, MeasureFields(
        status="active", owner="", review_due="2030-01-01"))
    e = _last(vault)
    assert e.action == "measure.update"
    assert e.before == {"measure_id": m.id, "status": "planned", "review_due": None}
    assert e.after == {"measure_id": m.id, "status": "active", "review_due": "2030-01-01"}

    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=TODAY, reference="R1"))
    referrals.update_referral(vault, f.id, ReferralFields(acknowledged_on=TODAY, reference="R1"))
    e = _last(vault)
    assert e.action == "referral.update"
    assert e.before == {"referral_id": f.id, "acknowledged_on": None}
    assert e.after == {"referral_id": f.id, "acknowledged_on": TODAY.isoformat()}

    retention.set_processing(vault, s.ref, basis="uk_gdpr", category="suspect")
    e = _last(vault)
    assert e.action == "subject.processing"
    assert (e.before, e.after) == ({"basis": "part3"}, {"basis": "uk_gdpr"})
    assert audit.verify(vault).ok


def test_giving_the_stored_values_again_writes_nothing(vault):
    s = subjects.create_subject(vault, SubjectFields("Same Subject", role="Officer"))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", status="active"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(target="hq", referred_on=TODAY))
    before, stamp = _count(vault), subjects.get_subject(vault, s.ref).updated_at
    subjects.update_profile(vault, s.ref, SubjectFields(role=" Officer ", name="Same Subject"))
    subjects.assess_threat(vault, s.ref, SubjectFields(likelihood=1))
    measures.update_measure(vault, m.id, MeasureFields(status="active"))
    referrals.update_referral(vault, f.id, ReferralFields(outcome=""))
    retention.set_processing(vault, s.ref, basis="part3")
    assert _count(vault) == before
    assert subjects.get_subject(vault, s.ref).updated_at == stamp


def test_the_row_and_its_entry_go_together(vault, monkeypatch):
    s = subjects.create_subject(vault, SubjectFields("Atomic Update", role="Officer"))

    def refuse(*_args, **_kwargs):
        raise ConsoleError("The disk is full.")
    monkeypatch.setattr(audit, "append", refuse)
    with pytest.raises(ConsoleError):
        subjects.update_profile(vault, s.ref, SubjectFields(role="Changed"))
    monkeypatch.undo()
    assert subjects.get_subject(vault, s.ref).role == "Officer"
    assert audit.verify(vault).ok


def test_only_the_named_columns_reach_the_sql(vault):
    s = subjects.create_subject(vault, SubjectFields("Column Subject"))
    before = _count(vault)
    for values in ({"name = 'x', ref": "CC-1"}, {"ref": "CC-1"}):
        with pytest.raises(ValueError):
            updates.audited_update(vault, "subjects", ("id", s.id), values,
                                   allowed=("id", "name"), action="subject.update",
                                   entity_id=s.ref)
    assert subjects.get_subject(vault, s.ref).ref == s.ref and _count(vault) == before
