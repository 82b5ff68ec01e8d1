"""Continuity from one briefing to the next: each records the chain head it
was taken at; the next prints that head beside its own, ``verify`` shows
both, and the console refuses to sign when the previous head is gone from the
chain and no restore from a backup explains it."""

from __future__ import annotations

import subprocess

import pytest

from console.audit import chain as audit
from console.audit import unlock
from console.errors import ChainRewound
from console.records import briefings, measures, users
from tests import insiders
from tests.conftest import PASS
from tests.test_briefing_service import make, populate

DEP_PASS = "deputy passphrase"


@pytest.fixture(scope="session")
def briefed_template(tmp_path_factory, new_vault_template, kdf_floor_for_tests):
    """A vault with a deputy, three subjects and one briefing signed, built
    once a session; returns its folder, the briefing and the head its entry
    recorded."""
    import shutil

    import console.storage.keyslots as ks
    from tests.conftest import FAST_KDF
    folder = tmp_path_factory.mktemp("briefed") / "vault"
    shutil.copytree(new_vault_template, folder)
    saved, ks.DEFAULT_KDF = ks.DEFAULT_KDF, FAST_KDF
    try:
        with unlock.open_vault(folder, "governor", PASS) as vault:
            users.add_user(vault, "dep", DEP_PASS, role="deputy")
            populate(vault, 3)
            first = make(vault, folder.parent / "first.pdf")
            last = briefings.last_briefing(vault)
    finally:
        ks.DEFAULT_KDF = saved
    return folder, first, last.audit_seq, last.audit_head


@pytest.fixture
def briefed(briefed_template, tmp_path, fast_kdf):
    """This test's own copy of the briefed vault."""
    import shutil
    folder, first, seq, head = briefed_template
    shutil.copytree(folder, tmp_path / "vault")
    return tmp_path / "vault", first, seq, head


def _cut_and_pad(folder, from_seq: int, keep_seal: bool = False) -> None:
    """The deputy cuts the chain back below ``from_seq``, pads it with log
    entries, and (unless ``keep_seal``) deletes the governor's seal and this
    computer's copy of it, so the governor's unlock cannot notice the cut by
    itself."""
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("DELETE FROM audit_payload WHERE seq >= ?", (from_seq,))
    d.conn.execute("DELETE FROM audit WHERE seq >= ?", (from_seq,))
    d.conn.commit()
    mid = d.query("SELECT id FROM measures")[0][0]
    for i in range(8):
        measures.add_log_entry(d, mid, f"Routine check {i}.")
    d.close()
    if not keep_seal:   # and (sharing the governor's computer account) its copy too
        doc = insiders.slot_file(folder)
        del doc["users"]["governor"]["seal"]
        insiders.write_slot_file(folder, doc)
        from console.audit import seal
        seal.copy_path(doc["vault_id"], "governor").unlink(missing_ok=True)


def test_the_next_briefing_prints_and_carries_the_previous_head(briefed, tmp_path):
    folder, first, seq, head = briefed
    with unlock.open_vault(folder, "governor", PASS) as g:
        last = briefings.last_briefing(g)
        second = make(g, tmp_path / "second.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "second.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert f"{last.audit_seq} entries; last entry {last.audit_head[:16]}" in text
    from reports.verify import verify_pdf
    with unlock.open_vault(folder, "governor", PASS) as g:
        pinned = users.certificate_pem(g)
    verdict = verify_pdf(tmp_path / "second.pdf", pinned)
    assert verdict.ok
    assert f"The previous briefing, {first.reference}, was taken at {last.audit_seq} " \
           f"entries, last entry {last.audit_head[:16]}." in verdict.sentence
    assert "Its audit chain:" in verdict.sentence
    assert second.reference != first.reference


def test_signing_is_refused_when_the_previous_head_was_cut(briefed, tmp_path):
    folder, first, seq, head = briefed
    _cut_and_pad(folder, seq - 1)
    with unlock.open_vault(folder, "governor", PASS) as g:
        assert any("no longer holds the record" in s for _q, s in g.findings)
        with pytest.raises(ChainRewound) as exc:
            make(g, tmp_path / "second.pdf")
    assert "Nothing was signed" in str(exc.value)
    assert not (tmp_path / "second.pdf").exists()


def test_a_governors_restore_entry_explains_the_gap(briefed, tmp_path):
    folder, first, seq, head = briefed
    _cut_and_pad(folder, seq - 1)
    with unlock.open_vault(folder, "governor", PASS) as g:
        with pytest.raises(ChainRewound):
            make(g, tmp_path / "refused.pdf")
        with g.write():
            audit.append(g, "vault.restore", "vault", g.vault_id,
                         after={"restored_to": seq - 2, "backup_created_at": "",
                                "backup_reason": "test", "kept_aside": None})
        make(g, tmp_path / "second.pdf")
        assert audit.verify(g).ok


def test_the_governors_own_seal_refuses_the_cut_first(briefed):
    folder, first, seq, head = briefed
    _cut_and_pad(folder, seq - 1, keep_seal=True)
    from console.errors import ChainRewound as Refused
    with pytest.raises(Refused):
        unlock.open_vault(folder, "governor", PASS)
