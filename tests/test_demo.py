"""The demo vault holds what the README promises, signed by the right people."""

from __future__ import annotations

import pytest

from console.audit import chain as audit
from console.demo import build as demo
from console.errors import VaultExists
from console.records import measures, register
from console.records.model import CATEGORIES
from console.storage.vault import Vault
from tests.conftest import FAST_KDF, PASS


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    """One demo vault shared by the tests that only read it."""
    return demo.build_demo(tmp_path_factory.mktemp("shared") / "demo", PASS, kdf=FAST_KDF)


@pytest.fixture
def shared(demo_vault):
    v = Vault.open(demo_vault.path, demo_vault.governor, PASS)
    yield demo_vault, v
    v.close()


def q(v, sql, params=()):
    return v.query(sql, params)


def test_demo_has_the_promised_register(shared):
    result, v = shared
    assert v.establishment == "HMP Ashdown" and v.user.role == "governor"
    rows = register.register_rows(v)
    assert len(rows) == 10
    statuses = {r.subject.status for r in rows}
    assert statuses == {"concern_logged", "assessed", "referred_hq", "under_investigation",
                        "criminal_proceedings", "disciplinary", "closed"}
    closed = [r.subject for r in rows if r.subject.status == "closed"]
    assert closed and all(s.outcome for s in closed)
    assert any(r.subject.suspended for r in rows)
    assert any(r.subject.restricted_duties for r in rows)
    covered = {c for r in rows for c in r.subject.categories}
    assert covered == set(CATEGORIES.keys())
    assert {r.rag for r in rows} >= {"red", "amber"}

    assert 23 <= q(v, "SELECT count(*) FROM intel_reports")[0][0] <= 27
    assert 18 <= q(v, "SELECT count(*) FROM measures")[0][0] <= 22
    aims = {a for (a,) in q(v, "SELECT DISTINCT aim FROM measures")}
    assert aims == {"protect", "prevent", "pursue", "prepare"}
    assert {s for (s,) in q(v, "SELECT DISTINCT status FROM measures")} == {
        "planned", "active", "degraded", "ended"}
    targets = {t for (t,) in q(v, "SELECT DISTINCT target FROM referrals")}
    assert targets == {"hq", "police", "psu"}
    assert q(v, "SELECT count(*) FROM referrals WHERE acknowledged_on IS NOT NULL AND "
                "outcome != ''")[0][0] >= 3

    dash = register.dashboard(v)
    assert dash.total == 10
    assert len(dash.unreferred) >= 1        # reports unreferred past the 7-day deadline
    assert len(dash.unacknowledged) == 1    # one referral unacknowledged past the deadline
    assert any(kind == "subject" for _, kind, _due in dash.overdue)
    assert any(kind == "measure" for _, kind, _due in dash.overdue)
    # a recent unacknowledged referral that is not yet overdue
    assert q(v, "SELECT count(*) FROM referrals WHERE acknowledged_on IS NULL")[0][0] == 2


def test_demo_has_records_in_the_retention_review_queue(shared):
    """The review queue screen (Records › Review queue) has decisions to make."""
    from console.lawful import retention
    _result, v = shared
    view = retention.review_view(v)
    assert len(view.items) == 2
    assert all(item.processing.review_source == "decision" for item in view.items)


def test_logs_are_written_and_signed_by_the_two_deputies(shared):
    result, v = shared
    by = dict(q(v, "SELECT by_user, count(*) FROM measure_log GROUP BY by_user"))
    assert set(by) == {"dosei", "cvaughan"} and min(by.values()) >= 5
    listed = sum(len(m[8]) for s in demo.SUBJECTS for m in s["measures"])
    assert sum(by.values()) == listed  # no listed entry was skipped
    assert q(v, "SELECT count(*) FROM measures m WHERE NOT EXISTS (SELECT 1 FROM "
                "measure_log l WHERE l.measure_id = m.id)")[0][0] == 0
    signers = {e.user for e in audit.entries(v)}
    assert signers == {"hmarsh", "dosei", "cvaughan"}
    creators = {c for (c,) in q(v, "SELECT DISTINCT created_by FROM measures")}
    assert creators == {"dosei", "cvaughan"}
    report = audit.verify(v)
    assert report.ok, report.sentence()
    assert report.entries > 100


def test_every_demo_user_signs_in_with_the_given_passphrase(shared):
    result, v = shared
    v.close()
    assert result.users == {n: PASS for n in ("hmarsh", "dosei", "cvaughan", "tblake")}
    for name, role in result.roles.items():
        with Vault.open(result.path, name, PASS) as u:
            assert u.user.role == role
    assert result.roles["tblake"] == "viewer"


def test_generated_passphrases_differ_and_work(tmp_path, fast_kdf):
    result = demo.build_demo(tmp_path / "d", kdf=fast_kdf)
    secrets = list(result.users.values())
    assert len(set(secrets)) == 4 and all(len(s.split("-")) == 5 for s in secrets)
    with Vault.open(result.path, "tblake", result.users["tblake"]) as viewer:
        assert len(register.register_rows(viewer)) == 10
    # generated passphrases are returned, never written anywhere in the vault folder
    for f in result.path.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert not any(s.encode() in data for s in secrets)


def test_same_content_on_every_build(demo_vault, tmp_path, fast_kdf):
    def snapshot(path):
        with Vault.open(path, "hmarsh", PASS) as v:
            return (q(v, "SELECT ref, name, status, categories, next_review FROM subjects "
                         "ORDER BY ref"),
                    q(v, "SELECT received_on, summary FROM intel_reports ORDER BY id"),
                    q(v, "SELECT aim, type, review_due FROM measures ORDER BY id"))
    again = demo.build_demo(tmp_path / "again", PASS, kdf=fast_kdf)
    assert snapshot(demo_vault.path) == snapshot(again.path)


def test_refuses_an_existing_vault(shared):
    result, v = shared
    v.close()
    with pytest.raises(VaultExists):
        demo.build_demo(result.path, PASS)
    with Vault.open(result.path, "hmarsh", PASS) as again:
        assert len(register.register_rows(again)) == 10


def test_a_failed_build_leaves_nothing_behind(tmp_path, fast_kdf, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")
    monkeypatch.setattr(measures, "add_measure", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(tmp_path / "half", PASS, kdf=fast_kdf)
    assert not (tmp_path / "half").exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "readme.txt").write_text("not ours")
    with pytest.raises(RuntimeError):
        demo.build_demo(kept, PASS, kdf=fast_kdf)
    assert [p.name for p in kept.iterdir()] == ["readme.txt"]


def test_cli_demo_prints_generated_passphrases_once(tmp_path, fast_kdf, capsys):
    from cli import main as cli
    target = tmp_path / "cli-demo"
    assert cli.main(["demo", "--vault", str(target)]) == 0
    out = capsys.readouterr().out
    assert "HMP Ashdown" in out and str(target) in out
    lines = [ln.split() for ln in out.splitlines() if ln.startswith("  ")]
    assert [ln[0] for ln in lines] == ["hmarsh", "dosei", "cvaughan", "tblake"]
    with Vault.open(target, "dosei", lines[1][2]) as v:
        assert v.user.role == "deputy"
    # a second run refuses the existing vault with one sentence and a non-zero exit
    assert cli.main(["demo", "--vault", str(target)]) == cli.EXIT_USER
    err = capsys.readouterr().err
    assert "already exists" in err and "Traceback" not in err


def test_cli_demo_with_passphrase_from_environment(tmp_path, fast_kdf, capsys, monkeypatch):
    from cli import main as cli
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    target = tmp_path / "env-demo"
    assert cli.main(["demo", "--vault", str(target)]) == 0
    out = capsys.readouterr().out
    assert "CONSOLE_PASSPHRASE" in out and PASS not in out
    with Vault.open(target, "cvaughan", PASS) as v:
        assert v.user.display_name == "Carys Vaughan"
