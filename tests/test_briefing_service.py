"""Making briefings through the service and the CLI: who may, what is
recorded, scopes, progress, atomic writes and start-up cost."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys

import pytest

from console.audit import chain as audit
from console.errors import NotFound, PermissionDenied, ValidationError
from console.records import briefings, intel, measures, subjects, users
from console.records.commands import MeasureFields, ReportFields, SubjectFields
from tests.conftest import PASS, ROOT


def populate(vault, n=3):
    old = dt.date.today() - dt.timedelta(days=20)
    out = []
    for i in range(n):
        s = subjects.create_subject(vault, SubjectFields(
            f"Person Number{i}", staff_number=f"X{i}", likelihood=3, impact=4))
        intel.add_report(vault, s.ref, ReportFields(
            type="ssir", received_on=old, source_grade=1, intel_grade="A", handling="P",
            summary="Summary text"))
        m = measures.add_measure(vault, s.ref, MeasureFields(aim="protect", type="supervision"))
        measures.add_log_entry(vault, m.id, "First check")
        out.append((s, m))
    return out


def make(vault, path, **options):
    from reports.briefing_service import BriefingOptions, make_briefing
    return make_briefing(vault, path, BriefingOptions(**options))


def test_a_deputy_cannot_make_a_briefing(vault, vault_path, tmp_path):
    from console.storage.vault import Vault
    populate(vault, 1)
    users.add_user(vault, "dep", PASS, role="deputy", display_name="Dee Puty")
    vault.close()
    with Vault.open(vault_path, "dep", PASS) as dep:
        with pytest.raises(PermissionDenied):
            make(dep, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_each_briefing_is_recorded_with_its_hash_in_the_audit_chain(vault, tmp_path):
    populate(vault)
    head_before, hash_before = audit.head(vault)
    res = make(vault, tmp_path / "b.pdf", pseudonymise=True)
    data = (tmp_path / "b.pdf").read_bytes()
    assert res.sha256 == hashlib.sha256(data).hexdigest()
    assert res.signer == "Gwen Governor" and res.subjects == 3 and res.pages > 3
    last = briefings.last_briefing(vault)
    assert last.reference == res.reference and last.sha256 == res.sha256
    assert last.edition == "pseudonymised" and last.scope == "all" and last.subjects == 3
    assert last.audit_seq == head_before
    sign = [e for e in audit.entries(vault, entity="briefing") if e.action == "briefing.sign"]
    assert len(sign) == 1
    assert sign[0].after == {"reference": res.reference, "sha256": res.sha256,
                             "scope": "all", "edition": "pseudonymised", "subjects": 3,
                             "audit_seq": head_before, "audit_head": hash_before}
    assert last.audit_head == hash_before
    assert audit.verify(vault).ok
    # no temporary file is left beside the briefing
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    second = make(vault, tmp_path / "c.pdf")
    assert second.reference != res.reference
    assert [b.reference for b in briefings.list_briefings(vault)] == [second.reference,
                                                                     res.reference]


def test_since_last_covers_only_what_changed(vault, tmp_path):
    from reports.collect import collect
    made = populate(vault, 3)
    make(vault, tmp_path / "first.pdf")
    data, _ = collect(vault, scope="since_last", reference="X")
    assert data.records == () and data.changes == ()
    s, m = made[1]
    measures.add_log_entry(vault, m.id, "Second check")
    res = make(vault, tmp_path / "second.pdf", scope="since_last")
    assert res.subjects == 1
    data, _ = collect(vault, scope="all", reference="Y")
    assert data.previous_reference == res.reference
    assert data.changes == ()  # nothing changed since the second briefing
    measures.add_log_entry(vault, made[0][1].id, "Third check")
    data, _ = collect(vault, scope="all", reference="Z")
    assert [(c.ref, c.what) for c in data.changes] == [(made[0][0].ref, "log entry added")]
    assert len(data.records) == 3


def test_selected_scope(vault, tmp_path):
    made = populate(vault, 3)
    res = make(vault, tmp_path / "sel.pdf", scope="selected",
               refs=(made[2][0].ref.lower(), made[0][0].ref))
    assert res.subjects == 2
    with pytest.raises(NotFound):
        make(vault, tmp_path / "x.pdf", scope="selected", refs=("CC-1900-001",))
    with pytest.raises(ValidationError):
        make(vault, tmp_path / "x.pdf", scope="selected", refs=())
    with pytest.raises(ValidationError):
        make(vault, tmp_path / "x.txt")
    with pytest.raises(ValidationError):
        make(vault, tmp_path / "x.pdf", password="short")
    assert not (tmp_path / "x.pdf").exists()


def test_progress_is_reported_to_the_end(vault, tmp_path):
    from reports.briefing_service import BriefingOptions, make_briefing
    populate(vault, 12)
    seen = []
    make_briefing(vault, tmp_path / "p.pdf", BriefingOptions(),
                  on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (14, 14)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) >= 3


def test_a_failed_signing_leaves_no_file_and_no_record(vault, tmp_path, monkeypatch):
    import reports.signing
    populate(vault, 1)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "b.pdf"
    out.write_bytes(b"previous briefing")

    def boom(*a, **k):
        raise RuntimeError("hardware token removed")
    monkeypatch.setattr(reports.signing, "sign_pdf", boom)
    from console.errors import ConsoleError
    with pytest.raises(ConsoleError, match="could not be signed"):
        make(vault, out)
    assert out.read_bytes() == b"previous briefing"
    assert briefings.last_briefing(vault) is None
    assert [p.name for p in folder.iterdir()] == ["b.pdf"]


def test_the_disclosure_is_journaled_once(vault, tmp_path):
    populate(vault, 3)
    before = {e.seq for e in audit.entries(vault)}
    res = make(vault, tmp_path / "b.pdf")
    new = [e for e in audit.entries(vault) if e.seq not in before]
    actions = sorted(e.action for e in new)
    assert actions == ["briefing.sign", "journal.disclose.briefing"]
    j = next(e for e in new if e.action.startswith("journal."))
    assert res.reference in j.after["detail"]


def test_importing_the_service_loads_no_pdf_library():
    code = ("import sys, reports.briefing_service, cli.briefing_commands, reports.verify, "
            "reports.collect, reports.markup; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pyhanko'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_brief_verify_and_export_cert(vault, vault_path, tmp_path, monkeypatch, capsys):
    from cli.main import main
    populate(vault, 2)
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    out = tmp_path / "cli.pdf"
    assert main(["brief", "--vault", str(vault_path), "--out", str(out), "--pseudonymise"]) == 0
    said = capsys.readouterr().out
    assert "signed by Gwen Governor" in said and hashlib.sha256(
        out.read_bytes()).hexdigest() in said
    cert = tmp_path / "gov.pem"
    assert main(["export-cert", "--vault", str(vault_path), "--out", str(cert)]) == 0
    said = capsys.readouterr().out
    assert "SHA-256 fingerprint:" in said
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")

    monkeypatch.delenv("CONSOLE_PASSPHRASE")
    assert main(["verify", str(out), "--trust", str(cert)]) == 0
    said = capsys.readouterr().out
    assert "intact" in said and "is the trusted certificate" in said

    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0x10
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    assert main(["verify", str(bad)]) == 1
    assert "not a valid briefing" in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "none.pdf")]) == 1
    assert main(["verify", str(out), "--trust", str(tmp_path / "no.pem")]) == 2


def test_cli_password_from_stdin(vault, vault_path, tmp_path, monkeypatch):
    import io

    from cli.main import main
    populate(vault, 1)
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    out = tmp_path / "enc.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long password\n"))
    assert main(["brief", "--vault", str(vault_path), "--out", str(out), "--password-stdin"]) == 0
    assert b"/Encrypt" in out.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long password\n"))
    assert main(["export-cert", "--vault", str(vault_path), "--out", str(tmp_path / "g.pem")]) == 0
    assert main(["verify", str(out), "--password-stdin", "--trust", str(tmp_path / "g.pem")]) == 0
    assert main(["verify", str(out)]) == 1


def test_markup_escapes_and_orders_right_to_left_words():
    from reports.markup import escape, para
    assert escape("<b>a & b</b>\nnext") == "&lt;b&gt;a &amp; b&lt;/b&gt;<br/>next"
    assert para("x\x00y") == "xy"
    out = para("Imran عمران خان <b>")
    assert out.startswith("Imran ")
    assert out.endswith(" &lt;b&gt;")
    # the two right-to-left words swap places; each is set in Naskh
    assert out.index("خان") < out.index("عمران")
    assert out.count('<font name="NotoNaskhArabic">') == 2


def test_pseudonymiser_replaces_names_parts_and_staff_numbers():
    from reports.pseudonym import Pseudonymiser
    p = Pseudonymiser([("CC-1", "Łukasz Wiśniewski", "SN-77"), ("CC-2", "Al Green", "")])
    assert p.text("Met ŁUKASZ wiśniewski and sn-77 today") == "Met CC-1 and CC-1 today"
    assert p.text("Wiśniewski's bag; Lukasz") == "CC-1's bag; CC-1"   # no accent, same man
    assert p.text("Green wing") == "CC-2 wing"  # over-redaction is accepted
    assert p.text("Al is fine") == "CC-2 is fine"  # two letters are a name part too


def test_long_tables_are_cut_into_chunks():
    from reports import pdf_parts
    b = pdf_parts.Blocks()
    b.frame_width = 500
    tables = b.table(["a", "b"], [[str(i), "x"] for i in range(10_001)], [100, 400])
    assert len(tables) == 51
    assert all(len(t._cellvalues) <= pdf_parts.CHUNK + 1 for t in tables)


def test_briefing_records_check_their_inputs(vault, vault_path):
    from console.storage.vault import Vault
    today = dt.date(2026, 3, 4)
    assert briefings.next_reference(vault, today) == "BR-20260304-01"
    good = dict(reference="BR-20260304-01", sha256="a" * 64, scope="all", edition="full",
                subjects=0, audit_seq=audit.head(vault)[0])
    briefings.record_briefing(vault, **good)
    assert briefings.next_reference(vault, today) == "BR-20260304-02"
    for bad in ({"sha256": "not-a-hash"}, {"scope": "everything"}, {"edition": "draft"}):
        with pytest.raises(ValidationError):
            briefings.record_briefing(vault, **{**good, **bad})
    users.add_user(vault, "dep", PASS, role="deputy")
    vault.close()
    with Vault.open(vault_path, "dep", PASS) as dep:
        with pytest.raises(PermissionDenied):
            briefings.record_briefing(dep, **good)
        assert briefings.last_briefing(dep).reference == "BR-20260304-01"


def test_the_cover_anchors_the_audit_chain_for_hq(vault, tmp_path):
    """HQ holds the chain's length and head from each briefing, so entries
    deleted from the end of the chain on the laptop show up as a shorter chain."""
    populate(vault, 1)
    seq, head = audit.head(vault)
    make(vault, tmp_path / "b.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert f"{seq} entries; last entry {head[:16]}" in text
