"""Real briefing files from real vaults, for the HQ tests: two pinned
establishments over several briefings, an unpinned one, a look-alike signer
(same name and establishment, another key), a forged claim to another
register, a register restored from an old copy (its chain does not continue
what HQ holds), a tampered file, an appended file and one without data.

Built once per test session by the ``hq_briefings`` fixture (a few seconds).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

from console.audit.genesis import create_vault
from console.records import intel, measures, referrals, subjects, users
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault

PASS = "correct horse battery staple"
SHARED_STAFF = "SN100"


def _vault(folder: Path, establishment: str, governor: str, kdf):
    return create_vault(folder, "governor", PASS, establishment, display_name=governor,
                        kdf=kdf)


def _fill(v, staff: list[str]):
    today = dt.date.today()
    made = []
    for i, number in enumerate(staff):
        s = subjects.create_subject(v, SubjectFields(
            name=f"Person {number}", staff_number=number, likelihood=5 - i % 3, impact=4,
            categories=["bribes"]))
        r = intel.add_report(v, s.ref, ReportFields(
            type="ssir", received_on=today - dt.timedelta(days=30), source_grade=2,
            intel_grade="B", handling="P", summary="Seen"))
        intel.add_report(v, s.ref, ReportFields(
            type="police", received_on=today - dt.timedelta(days=2), source_grade=1,
            intel_grade="A", handling="P", summary="Call"))
        if i == 0:
            referrals.add_referral(v, s.ref, ReferralFields(
                target="hq", report_id=r.id, referred_on=today - dt.timedelta(days=20)))
        measures.add_measure(v, s.ref, MeasureFields(
            aim="protect", type="supervision", review_due=today + dt.timedelta(days=10)))
        made.append(s)
    return made


def _brief(v, path: Path, **options) -> Path:
    from reports.briefing_service import BriefingOptions, make_briefing
    make_briefing(v, path, BriefingOptions(**options))
    return path


def _pem(v, path: Path) -> Path:
    path.write_bytes(users.certificate_pem(v))
    return path


def _signed(v, path: Path, reference: str, *, data=None, doc=None, embed=True,
            at: dt.datetime | None = None) -> Path:
    """A briefing signed by ``v``'s governor, made as the console makes one
    (now, or ``at``) but with ``data`` (a function of the ``BriefingData``)
    or ``doc`` (a function changing the embedded JSON in place) applied, or
    no embedded data at all."""
    from reports import briefing_json
    from reports.collect import collect
    from reports.content import build, title_of
    from reports.signing import sign_and_save
    now = at or dt.datetime.now(dt.timezone.utc)
    made, _ = collect(v, reference=reference, generated_at=now)
    made = data(made) if data else made
    document = briefing_json.document(made)
    if doc:
        doc(document)
    attachments = [(briefing_json.FILE_NAME, briefing_json.encode(document),
                    briefing_json.MIME, "data")] if embed else ()
    sign_and_save(v, build(made), path, title=title_of(made), subject="briefing",
                  reference=made.reference, purpose="briefing", signed_at=now,
                  attachments=attachments)
    return path


def _forged(v, path: Path, vault_id: str) -> Path:
    """A briefing from ``v`` whose data claims another register's vault id."""
    return _signed(v, path, "BR-20990101-01",
                   data=lambda d: dataclasses.replace(d, vault_id=vault_id))


def _without_data(v, path: Path) -> Path:
    return _signed(v, path, "BR-20990101-02", embed=False)


def _unstorable(v, path: Path) -> Path:
    """A briefing whose data the schema allows but no store column holds: a
    count of 2**40 and a NUL in a staff number."""
    def change(doc):
        doc["subjects"][0]["flags"]["unreferred"] = 2 ** 40
        doc["subjects"][-1]["staff_number"] = "SN\u0000201"
    return _signed(v, path, "BR-20990101-03", doc=change)


def _badly_timed(v, root: Path) -> dict[str, Path]:
    """A day that does not exist, and a briefing made in the future."""
    later = dt.datetime(2099, 1, 1, 9, tzinfo=dt.timezone.utc)

    def at(when):
        return lambda doc: doc["briefing"].update(generated_at=when)
    return {"no_such_day": _signed(v, root / "no_such_day.pdf", "BR-20990101-04",
                                   doc=at("2026-02-30T10:00:00Z")),
            "future": _signed(v, root / "future.pdf", "BR-20990101-06", at=later)}


def _appended(src: Path, path: Path) -> Path:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()))
    w.document_meta.title = "Changed after signing"
    w.update_root()
    buf = io.BytesIO()
    w.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def _tampered(src: Path, path: Path) -> Path:
    data = bytearray(src.read_bytes())
    at = data.find(b"/Producer")
    i = at if at > 0 else len(data) // 3
    data[i + 2] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def build(root: Path, kdf) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    files = root / "files"
    files.mkdir()
    # HMP Ashdown: three briefings (full, pseudonymised, full), and a copy of
    # its vault taken after the first, which later makes briefings of its own.
    a = _vault(root / "a", "HMP Ashdown", "Alys Ashdown", kdf)
    _fill(a, [SHARED_STAFF, "SN101", "SN102"])
    out["a1"] = _brief(a, files / "a1.pdf")
    out["a_pem"] = _pem(a, root / "a.pem")
    a_vault_id = a.vault_id
    a.close()
    shutil.copytree(root / "a", root / "a-copy")
    a = Vault.open(root / "a", "governor", PASS)
    out["a2"] = _brief(a, files / "a2.pdf", pseudonymise=True)
    _fill(a, ["SN103"])
    out["a3"] = _brief(a, files / "a3.pdf")
    a.close()
    c = Vault.open(root / "a-copy", "governor", PASS)
    _fill(c, ["SN900"])
    out["copy2"] = _brief(c, root / "copy2.pdf")      # number 02 again, other content
    _brief(c, root / "copy3.pdf")
    out["copy4"] = _brief(c, root / "copy4.pdf")      # a fresh number, forked chain
    c.close()
    # HMP Brackley: two full briefings; shares one staff number with Ashdown.
    b = _vault(root / "b", "HMP Brackley", "Bryn Brackley", kdf)
    _fill(b, [SHARED_STAFF, "SN200"])
    out["b1"] = _brief(b, files / "b1.pdf")
    _fill(b, ["SN201"])
    out["b2"] = _brief(b, files / "b2.pdf")
    out["b_pem"] = _pem(b, root / "b.pem")
    b.close()
    # HMP Carrow: never pinned.
    u = _vault(root / "c", "HMP Carrow", "Cai Carrow", kdf)
    _fill(u, ["SN300"])
    out["unpinned"] = _brief(u, root / "unpinned.pdf")
    out["c_pem"] = _pem(u, root / "c.pem")
    u.close()
    # A look-alike of Ashdown's governor: same name and establishment, own key.
    lk = _vault(root / "l", "HMP Ashdown", "Alys Ashdown", kdf)
    _fill(lk, ["SN400"])
    out["lookalike"] = _brief(lk, root / "lookalike.pdf")
    out["forged"] = _forged(lk, root / "forged.pdf", a_vault_id)
    out["nodata"] = _without_data(lk, root / "nodata.pdf")
    lk.close()
    out["tampered"] = _tampered(out["a3"], root / "tampered.pdf")
    out["appended"] = _appended(out["a3"], root / "appended.pdf")
    out["files"] = files
    return out


def build_odd(root: Path) -> dict[str, Path]:
    """Briefings signed by HMP Brackley's governor (pinned) whose data the
    schema allows but HQ must refuse: values no store column holds, a day
    that does not exist, a briefing made in the future. Apart from
    ``build``, so only the tests that need them pay for them."""
    b = Vault.open(root / "b", "governor", PASS)
    try:
        odd = root / "odd"
        odd.mkdir()
        return {"unstorable": _unstorable(b, odd / "unstorable.pdf"), **_badly_timed(b, odd)}
    finally:
        b.close()
