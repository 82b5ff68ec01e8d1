"""Need-to-know: a restricted subject is open only to governors and the users
named on it. Everyone else sees its reference and risk band, and nothing
else, through every service, count, export and CLI command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from console.audit import chain as audit
from console.errors import PermissionDenied, ValidationError
from console.records import access, intel, measures, referrals, register, subjects, users
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault
from tests.conftest import PASS

TODAY = dt.date.today()
SECRET = "Ignatius Restrictedperson"
DEP_PASS = "deputy passphrase"


@pytest.fixture
def restricted(vault, vault_path):
    users.add_user(vault, "dep", DEP_PASS, role="deputy", display_name="Dee Deputy")
    users.add_user(vault, "owner", DEP_PASS, role="deputy", display_name="Olive Owner")
    s = subjects.create_subject(vault, SubjectFields(
        SECRET, owner="Olive Owner", staff_number="RS-1", categories=["theft"], likelihood=4,
        impact=4, notes="restricted-notes-text"))
    r = intel.add_report(vault, s.ref, ReportFields(
        type="police", received_on=TODAY - dt.timedelta(days=30), source_grade=2, intel_grade="C",
        handling="P", full_text="ft", summary="restricted-summary"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="police", referred_on=TODAY - dt.timedelta(days=30)))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="supervision", review_due=TODAY - dt.timedelta(days=1)))
    open_ = subjects.create_subject(vault, SubjectFields("Open Record", categories=["other"]))
    res = access.restrict(vault, s.ref, "Live police operation")
    assert res.restricted and res.allowed == ("owner",)   # default: the owner
    vault.close()
    return {"ref": s.ref, "report": r.id, "referral": f.id, "measure": m.id,
            "open": open_.ref, "path": vault_path}


def test_deputy_not_named_cannot_read_through_any_service(restricted):
    ref = restricted["ref"]
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        for call in (lambda: subjects.get_subject(d, ref),
                     lambda: register.subject_record(d, ref),
                     lambda: register.subject_history(d, ref),
                     lambda: intel.get_report(d, restricted["report"]),
                     lambda: referrals.get_referral(d, restricted["referral"]),
                     lambda: measures.get_measure(d, restricted["measure"]),
                     lambda: measures.add_log_entry(d, restricted["measure"], "x"),
                     lambda: intel.add_report(d, ref, ReportFields(
                         type="ssir", received_on=TODAY, source_grade=1, intel_grade="A",
                         handling="P")),
                     lambda: subjects.update_profile(d, ref, SubjectFields(location="Z"))):
            with pytest.raises(PermissionDenied, match="need-to-know"):
                call()
        # The register (and any search over it) shows a stub: reference and RAG only.
        rows = {r.subject.ref: r for r in register.register_rows(d)}
        stub = rows[ref]
        assert stub.restricted and stub.rag == "red"
        text = json.dumps(dataclasses.asdict(stub), default=str)
        for leak in (SECRET, "Restrictedperson", "RS-1", "theft", "Olive", "restricted-notes"):
            assert leak not in text
        assert stub.subject.status == "" and not stub.flags.needs_attention
        assert [r.subject.ref for r in register.register_rows(d)
                if "restricted" in r.subject.name.lower() and not r.restricted] == []
        # Counts: present in the total and the RAG band, nowhere in detail.
        dash = register.dashboard(d)
        assert dash.total == 2 and dash.by_rag["red"] == 1
        assert dash.by_category["theft"] == 0 and sum(dash.by_status.values()) == 1
        assert sum(map(sum, dash.heat)) == 1
        assert ref not in {x[0] for x in dash.unreferred + dash.unacknowledged + dash.overdue}
        assert register.subject_record(d, restricted["open"]).subject.name == "Open Record"
        # Nor through the audit history behind "changes since the last briefing".
        from console.records import briefings
        changes = briefings.changes_since(d, None)
        assert changes and restricted["ref"] not in {e.entity_id for e in changes}


def test_named_users_and_governor_can_read(restricted):
    with Vault.open(restricted["path"], "owner", DEP_PASS) as o:
        assert register.subject_record(o, restricted["ref"]).subject.name == SECRET
    with Vault.open(restricted["path"], "governor", PASS) as g:
        assert register.subject_record(g, restricted["ref"]).subject.name == SECRET
        access.grant(g, restricted["ref"], "dep", "Covering for the owner")
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        assert subjects.get_subject(d, restricted["ref"]).name == SECRET
    with Vault.open(restricted["path"], "governor", PASS) as g:
        access.revoke(g, restricted["ref"], "dep", "Cover ended")
        actions = [e.action for e in audit.entries(g, entity_id=restricted["ref"])]
        assert {"subject.restrict", "subject.grant", "subject.revoke"} <= set(actions)
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        with pytest.raises(PermissionDenied):
            subjects.get_subject(d, restricted["ref"])
    with Vault.open(restricted["path"], "governor", PASS) as g:
        access.unrestrict(g, restricted["ref"], "Operation over")
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        assert subjects.get_subject(d, restricted["ref"]).name == SECRET


def test_only_the_governor_restricts(restricted):
    with Vault.open(restricted["path"], "owner", DEP_PASS) as o:
        with pytest.raises(PermissionDenied):
            access.restrict(o, restricted["open"], "no")
        with pytest.raises(PermissionDenied):
            access.grant(o, restricted["ref"], "dep", "no")
    with Vault.open(restricted["path"], "governor", PASS) as g:
        with pytest.raises(ValidationError):
            access.restrict(g, restricted["open"], "x", allow=["nobody-such"])


def test_deputy_briefing_export_leaves_out_the_restricted_subject(restricted):
    from reports import collect
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        data, _ = collect.collect(d)
        assert data.withheld == 1
        assert restricted["ref"] not in [r.subject.ref for r in data.records]
        assert SECRET not in json.dumps(dataclasses.asdict(data), default=str)


def test_cli_list_and_show_respect_the_restriction(restricted, cli):
    def _cli(args, path, user):
        return cli(*args, "--vault", path, "--user", user, passphrase=DEP_PASS)
    out = _cli(["list", "--json"], restricted["path"], "dep")
    assert out.returncode == 0, out.stderr
    rows = {r["ref"]: r for r in json.loads(out.stdout)}
    assert rows[restricted["ref"]] == {"ref": restricted["ref"], "restricted": True,
                                       "risk": {"rag": "red"}}
    assert SECRET not in out.stdout
    out = _cli(["list"], restricted["path"], "dep")
    assert SECRET not in out.stdout and restricted["ref"] in out.stdout
    out = _cli(["show", restricted["ref"], "--json"], restricted["path"], "dep")
    assert out.returncode == 2 and SECRET not in out.stdout + out.stderr
    assert "need-to-know" in out.stderr and "Traceback" not in out.stderr


def _dump(obj) -> str:
    return json.dumps(obj if isinstance(obj, (list, dict)) else dataclasses.asdict(obj),
                      default=lambda o: dataclasses.asdict(o) if dataclasses.is_dataclass(o)
                      else str(o), ensure_ascii=False)


def test_the_services_under_the_register_refuse_a_deputy_off_the_list(restricted):
    """reports_for, measures_for, referrals_for and the audit chain are as
    closed to a deputy off the list as the record itself."""
    ref = restricted["ref"]
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        sid = access.subject_id(d, ref)
        for call in (intel.reports_for, measures.measures_for, referrals.referrals_for):
            with pytest.raises(PermissionDenied, match="need-to-know"):
                call(d, sid)
        assert audit.entries(d, entity_id=ref) == []
        everything = _dump([dataclasses.asdict(e) for e in audit.entries(d)])
        for leak in (SECRET, "RS-1", "restricted-notes", "restricted-summary"):
            assert leak not in everything
        assert ref not in {e.entity_id for e in audit.entries(d)}


def test_only_a_governor_reads_the_journal_and_the_list_of_names_in_the_chain(restricted):
    """A named deputy sees the record's history, but not who opened it and why
    (the journal is the governor's) nor who else is on its list."""
    ref = restricted["ref"]
    with Vault.open(restricted["path"], "governor", PASS) as g:
        register.subject_record(g, ref, reason="legal advice")
        assert any(e.action.startswith("journal.") for e in audit.entries(g, entity_id=ref))
        restrict = [e for e in audit.entries(g, entity_id=ref)
                    if e.action == "subject.restrict"]
        assert restrict[0].after["allowed"] == ["owner"]
    with Vault.open(restricted["path"], "owner", DEP_PASS) as o:
        seen = audit.entries(o, entity_id=ref)
        assert seen and not any(e.action.startswith("journal.") for e in seen)
        assert not any(e.action.startswith("journal.") for e in audit.entries(o))
        [restrict] = [e for e in seen if e.action == "subject.restrict"]
        assert restrict.before is None and restrict.after is None
        assert "journal." not in _dump([dataclasses.asdict(e) for e in
                                        register.subject_history(o, ref)])


VIEWER_PASS = "viewer passphrase"
FULL_TEXT = "Informant said the officer met the supplier at the gate"
AUTHOR = "Sergeant Secretsource"
INTEL_REF = "IMS-0042-SECRET"


@pytest.fixture
def viewer_vault(vault, vault_path):
    users.add_user(vault, "view", VIEWER_PASS, role="viewer")
    s = subjects.create_subject(vault, SubjectFields("Victor Viewable", categories=["conveyance"]))
    r = intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=TODAY, source_grade=2, intel_grade="B", handling="P",
        full_text=FULL_TEXT, summary="A sanitised summary", author=AUTHOR, external_ref=INTEL_REF))
    vault.close()
    return {"path": vault_path, "ref": s.ref, "report": r.id}


def test_a_viewer_never_receives_full_text_or_the_source(viewer_vault):
    ref, path = viewer_vault["ref"], viewer_vault["path"]
    with Vault.open(path, "view", VIEWER_PASS) as v:
        rec = register.subject_record(v, ref)
        [report] = rec.reports
        assert report.summary == "A sanitised summary" and report.full_text_withheld
        got = [rec, intel.get_report(v, viewer_vault["report"]),
               intel.reports_for(v, rec.subject.id)[0],
               [dataclasses.asdict(e) for e in audit.entries(v)]]
        from reports import collect
        got.append(collect.collect(v)[0])
        text = "".join(_dump(x) for x in got)
        for leak in (FULL_TEXT, AUTHOR, INTEL_REF):
            assert leak not in text
    with Vault.open(path, "governor", PASS) as g:
        report = intel.get_report(g, viewer_vault["report"])
        assert (report.full_text, report.author, report.external_ref) == (FULL_TEXT, AUTHOR,
                                                                          INTEL_REF)
        assert not report.full_text_withheld


def test_show_json_gives_a_viewer_no_full_text(viewer_vault, monkeypatch, capsys):
    from cli.main import main
    monkeypatch.setenv("CONSOLE_PASSPHRASE", VIEWER_PASS)
    assert main(["show", viewer_vault["ref"], "--json", "--vault", str(viewer_vault["path"]),
                 "--user", "view"]) == 0
    out = capsys.readouterr().out
    [report] = json.loads(out)["reports"]
    assert report["full_text"] == "" and report["full_text_withheld"] is True
    for leak in (FULL_TEXT, AUTHOR, INTEL_REF):
        assert leak not in out
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    assert main(["show", viewer_vault["ref"], "--json", "--vault",
                 str(viewer_vault["path"])]) == 0
    assert FULL_TEXT in capsys.readouterr().out


def test_the_placeholder_carries_the_risk_band_only(restricted):
    with Vault.open(restricted["path"], "dep", DEP_PASS) as d:
        stub = {r.subject.ref: r for r in register.register_rows(d)}[restricted["ref"]]
        s = stub.subject
        assert stub.restricted and stub.rag == "red"
        assert (s.likelihood, s.impact, s.residual_likelihood, s.residual_impact) == (0,) * 4
        assert stub.restricted_to is None      # who may see it is need-to-know too


def test_a_governor_sees_that_a_record_is_restricted_and_to_whom(restricted):
    ref = restricted["ref"]
    with Vault.open(restricted["path"], "governor", PASS) as g:
        rows = {r.subject.ref: r for r in register.register_rows(g)}
        assert not rows[ref].restricted and rows[ref].subject.name == SECRET
        assert rows[ref].restricted_to == ("owner",)
        assert rows[restricted["open"]].restricted_to is None
        assert register.subject_record(g, ref).restricted_to == ("owner",)
        assert register.subject_record(g, restricted["open"]).restricted_to is None
        access.grant(g, ref, "dep", "Cover")
        assert register.subject_record(g, ref).restricted_to == ("dep", "owner")
    with Vault.open(restricted["path"], "owner", DEP_PASS) as o:
        assert {r.subject.ref: r for r in register.register_rows(o)}[ref].restricted_to is None
        assert register.subject_record(o, ref).restricted_to is None


def test_cli_list_shows_a_governor_the_restriction(restricted, monkeypatch, capsys):
    from cli.main import main
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    assert main(["list", "--json", "--vault", str(restricted["path"])]) == 0
    rows = {r["ref"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[restricted["ref"]]["restricted_to"] == ["owner"]
    assert rows[restricted["open"]]["restricted_to"] is None
    assert main(["list", "--vault", str(restricted["path"])]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if restricted["ref"] in x)
    assert "restricted to owner" in line


def test_who_may_hold_a_record_is_told_only_to_a_governor(restricted):
    """Which sealed records another user may hold would list who is on each
    record: the governor's to know."""
    from console.records import sealing
    with Vault.open(restricted["path"], "owner", DEP_PASS) as o:
        assert restricted["ref"] in {h.scope for h in sealing.holdings(o, "owner")}
        with pytest.raises(PermissionDenied, match="Only the governor"):
            sealing.holdings(o, "dep")
    with Vault.open(restricted["path"], "governor", PASS) as g:
        assert restricted["ref"] in {h.scope for h in sealing.holdings(g, "owner")}
