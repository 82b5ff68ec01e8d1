"""Dates a person types are read by one strict parser, ``YYYY-MM-DD`` and
nothing else, whichever way they come in: the services, the CSV import and
the command line. Forms that others would read differently (a compact
``20260105``, a week date, a day-first date, a time) are refused with one
sentence, and nothing is stored."""

from __future__ import annotations

import datetime as dt

import pytest

from console.errors import ValidationError
from console.records import fields, importer, intel, journal, measures, referrals, subjects
from console.lawful import retention
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from tests.conftest import PASS

# Each of these is a date to Python's ``date.fromisoformat`` or to a person,
# but not the one form the console accepts.
REJECTED = ["20260105", "2026-W02-1", "2026W021", "2026-005", "2026-1-5", "26-01-05",
            "05/01/2026", "2026/01/05", "2026.01.05", "2026-01-05T10:00", "2026-01-05 10:00",
            "+2026-01-05", "２０２６-01-05", "٢٠٢٦-01-05", "2026-01-05x", "x2026-01-05",
            "yesterday", "2026-01"]
NOT_REAL = ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "0000-01-01"]


@pytest.mark.parametrize("text", REJECTED)
def test_only_year_month_day_is_a_date(text):
    with pytest.raises(ValueError):
        fields.day(text)
    with pytest.raises(ValidationError) as err:
        fields.date(text, "Next review")
    assert str(err.value) == "Next review must be a date written as YYYY-MM-DD."


@pytest.mark.parametrize("text", NOT_REAL)
def test_a_day_that_does_not_exist_is_named_as_such(text):
    with pytest.raises(ValidationError, match="is not a real date"):
        fields.date(text, "Start date")


def test_what_is_accepted():
    assert fields.day("2026-01-05") == dt.date(2026, 1, 5)
    assert fields.date(" 2024-02-29 ", "x") == dt.date(2024, 2, 29)  # spaces around are trimmed
    assert fields.date(dt.date(2026, 1, 5), "x") == dt.date(2026, 1, 5)
    assert fields.date(dt.datetime(2026, 1, 5, 10, 0), "x") == dt.date(2026, 1, 5)
    assert fields.date("", "x") is None and fields.date(None, "x") is None
    with pytest.raises(ValidationError, match="is required"):
        fields.date("", "Date referred", required=True)


def _refused(call):
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        call()


@pytest.mark.parametrize("text", ["20260105", "2026-W02-1"])
def test_every_service_refuses_them(vault, text):
    s = subjects.create_subject(vault, SubjectFields("Date Subject"))
    m = measures.add_measure(vault, s.ref, MeasureFields(aim="protect", type="moved"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=dt.date.today()))
    before = vault.query("SELECT count(*) FROM audit")
    _refused(lambda: subjects.create_subject(vault, SubjectFields("Another", start_date=text)))
    _refused(lambda: subjects.update_profile(vault, s.ref, SubjectFields(next_review=text)))
    _refused(lambda: intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=text, source_grade=2, intel_grade="C", handling="P")))
    _refused(lambda: measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", start_on=text)))
    _refused(lambda: measures.update_measure(vault, m.id, MeasureFields(review_due=text)))
    _refused(lambda: referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=text)))
    _refused(lambda: referrals.update_referral(vault, f.id, ReferralFields(acknowledged_on=text)))
    _refused(lambda: retention.retain(vault, s.ref, "Still needed", text))
    _refused(lambda: journal.entries(vault, since=text))
    assert vault.query("SELECT count(*) FROM audit") == before
    assert vault.query("SELECT count(*) FROM subjects") == [(1,)]


def test_the_import_refuses_them_by_line(tmp_path):
    texts = [t for t in REJECTED + NOT_REAL if not t.startswith("+")]  # '+' is a formula
    rows = "".join(f"Person {i},{text}\n" for i, text in enumerate(texts))
    path = tmp_path / "dates.csv"
    path.write_text("name,next_review\n" + rows + "Good Person,2026-01-05\n", encoding="utf-8")
    p = importer.preview(None, path)
    assert [line for line, _ in p.problems] == list(range(2, 2 + len(texts)))
    assert {reason for _, reason in p.problems} == {"next_review is not a date (YYYY-MM-DD)"}
    assert [(r.name, r.next_review) for r in p.rows] == [("Good Person", dt.date(2026, 1, 5))]


def test_the_command_line_refuses_them(vault, vault_path, cli):
    s = subjects.create_subject(vault, SubjectFields("Cli Date Subject"))
    vault.close()
    out = cli("retain", s.ref, "--reason", "Still needed", "--next", "20300105",
              "--vault", str(vault_path), passphrase=PASS)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip().splitlines() == [
        "governors-console: The next review date must be a date written as YYYY-MM-DD."]
    out = cli("journal", "--since", "2026-W02-1", "--vault", str(vault_path), passphrase=PASS)
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr


# -- one "today" for everyone: UTC, whatever the computer's time zone -------------------

@pytest.fixture
def far_east(monkeypatch):
    """The process told it lives fourteen hours ahead of UTC (as anyone can
    with TZ), so the computer's "today" is often UTC's tomorrow."""
    import time
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_deputy_in_another_time_zone_cannot_date_a_report_tomorrow(vault, vault_path,
                                                                       far_east):
    from console import clock
    from console.audit import unlock
    from console.records import users
    utc_today = dt.datetime.now(dt.timezone.utc).date()
    assert clock.today() == utc_today
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    s = subjects.create_subject(vault, SubjectFields("Tomorrow Subject"))
    vault.close()
    tomorrow = utc_today + dt.timedelta(days=1)
    with unlock.open_vault(vault_path, "dep", "deputy passphrase") as d:
        with pytest.raises(ValidationError, match="cannot be in the future") as err:
            intel.add_report(d, s.ref, ReportFields(type="ssir", received_on=tomorrow,
                                                    source_grade=2, intel_grade="C",
                                                    handling="P"))
        assert utc_today.isoformat() in str(err.value)
        assert intel.add_report(d, s.ref, ReportFields(
            type="ssir", received_on=utc_today, source_grade=2, intel_grade="C",
            handling="P")).received_on == utc_today


def test_the_refusal_shows_the_establishments_date_beside_utcs(monkeypatch):
    from console import clock
    late = dt.datetime(2026, 6, 1, 23, 30, tzinfo=dt.timezone.utc)   # 00:30 BST
    monkeypatch.setattr(clock, "utcnow", lambda: late)
    assert clock.today() == dt.date(2026, 6, 1)
    assert clock.local_today() == dt.date(2026, 6, 2)
    assert clock.today_words() == "2026-06-01 in UTC (2026-06-02 at the establishment)"
    with pytest.raises(ValidationError) as err:
        fields.date("2026-06-02", "Date received", past=True)
    assert "2026-06-01 in UTC (2026-06-02 at the establishment)" in str(err.value)
    winter = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(clock, "utcnow", lambda: winter)
    assert clock.today_words() == "2026-12-01 (UTC)"


# -- bounded: no date ten years away clears a flag ---------------------------------------

def test_a_deputy_cannot_push_a_review_out_of_sight(vault, vault_path):
    from console.audit import unlock
    from console.records import register, users
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    past = dt.date.today() - dt.timedelta(days=3)
    s = subjects.create_subject(vault, SubjectFields("Overdue Subject", next_review=past))
    vault.close()
    with unlock.open_vault(vault_path, "dep", "deputy passphrase") as d:
        assert register.subject_record(d, s.ref).flags.overdue_review
        for far in ("9999-12-31", fields.add_months(dt.date.today(), 121)):
            with pytest.raises(ValidationError, match="within ten years"):
                subjects.update_profile(d, s.ref, SubjectFields(next_review=far))
            with pytest.raises(ValidationError, match="within ten years"):
                measures.add_measure(d, s.ref, MeasureFields(aim="protect", type="moved",
                                                             review_due=far))
        with pytest.raises(ValidationError, match="1900 or later"):
            subjects.update_profile(d, s.ref, SubjectFields(start_date="1066-10-14"))
        assert register.subject_record(d, s.ref).flags.overdue_review
        ok = fields.add_months(dt.date.today(), 120)
        assert subjects.update_profile(d, s.ref, SubjectFields(next_review=ok))


def test_the_import_refuses_a_review_beyond_ten_years_by_line(tmp_path):
    path = tmp_path / "far.csv"
    path.write_text("name,next_review\nFar Person,9999-12-31\nNear Person,2026-01-05\n",
                    encoding="utf-8")
    p = importer.preview(None, path)
    assert [line for line, _ in p.problems] == [2]
    assert "within ten years" in p.problems[0][1]
    assert [r.name for r in p.rows] == ["Near Person"]


# -- subject access: one calendar month, received never ahead ----------------------------

@pytest.mark.parametrize("received, due", [
    ("2026-01-31", "2026-02-28"), ("2028-01-31", "2028-02-29"), ("2026-03-31", "2026-04-30"),
    ("2026-01-15", "2026-02-15"), ("2026-12-31", "2027-01-31")])
def test_a_subject_access_request_is_due_one_calendar_month_after_receipt(received, due):
    from console.lawful import subject_access
    assert subject_access.due_date(dt.date.fromisoformat(received)) == \
        dt.date.fromisoformat(due)


def test_an_access_request_received_in_the_future_is_refused(vault, vault_path, cli):
    s = subjects.create_subject(vault, SubjectFields("Access Subject"))
    vault.close()
    out = cli("access-request", s.ref, "--received", "2099-02-28", "--vault", str(vault_path),
              passphrase=PASS)
    assert out.returncode == 2 and "cannot be in the future" in out.stderr
    out = cli("access-request", s.ref, "--received", "2026-01-31", "--vault", str(vault_path),
              passphrase=PASS)
    assert out.returncode == 0, out.stderr
    assert "due by 2026-02-28" in out.stdout
