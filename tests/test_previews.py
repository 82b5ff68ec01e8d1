"""Previews before signing: a briefing or an access pack is laid out for the
screen without a number, a signature, a file, a journal entry or a change to
the chain, and what is signed afterwards is what was previewed."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from console.audit import chain as audit
from console.errors import PermissionDenied, ValidationError
from console.records import briefings, journal, subjects, users
from console.records.commands import SubjectFields
from tests.conftest import PASS
from tests.test_briefing_service import populate

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs poppler-utils (bash .ci/setup --test)")


def _pdf_text(data: bytes, tmp_path) -> str:
    """poppler's pdftotext (a tool nobody here wrote) over the bytes."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    try:
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    finally:
        path.unlink()


def _embedded(data: bytes) -> list:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from reports import briefing_json
    return [name for name, _ in briefing_json.attachments(PdfFileReader(io.BytesIO(data)))]


def _files(root):
    return {p for p in root.rglob("*") if p.is_file() and "vault" not in p.parts}


def _untouched(vault):
    return (audit.head(vault), briefings.next_reference(vault),
            len(briefings.list_briefings(vault)), len(journal.entries(vault)))


def test_a_briefing_preview_is_unsigned_unnumbered_and_unrecorded(vault, tmp_path):
    from reports.briefing_service import BriefingOptions, preview_briefing
    populate(vault, 2)
    before = _untouched(vault)
    files = _files(tmp_path)
    preview = preview_briefing(vault, BriefingOptions())
    assert _untouched(vault) == before          # no entry, number, record or journal
    assert preview.subjects == 2 and preview.pages >= 3 and len(preview.content) == 64
    assert _files(tmp_path) == files             # no file written, temporary or not
    assert _embedded(preview.pdf) == []          # briefing.json goes only with the signed one
    assert b"/ByteRange" not in preview.pdf      # no signature at all
    text = _pdf_text(preview.pdf, tmp_path)
    assert "PREVIEW – NOT SIGNED" in text and "Person Number0" in text


def test_signing_what_was_previewed_and_refusing_a_changed_register(vault, tmp_path):
    from reports.briefing_service import BriefingOptions, make_briefing, preview_briefing
    populate(vault, 2)
    options = BriefingOptions()
    preview = preview_briefing(vault, options)
    done = make_briefing(vault, tmp_path / "b.pdf", options, expect=preview.content)
    assert done.subjects == 2 and briefings.last_briefing(vault).reference == done.reference
    assert "PREVIEW" not in _pdf_text((tmp_path / "b.pdf").read_bytes(), tmp_path)
    assert _embedded((tmp_path / "b.pdf").read_bytes())

    again = preview_briefing(vault, options)
    subjects.create_subject(vault, SubjectFields("Added Meanwhile"))
    before = _untouched(vault)
    with pytest.raises(ValidationError, match="changed after the preview"):
        make_briefing(vault, tmp_path / "c.pdf", options, expect=again.content)
    assert _untouched(vault) == before and not (tmp_path / "c.pdf").exists()


def test_opening_records_between_preview_and_signing_changes_nothing_said(vault, tmp_path):
    from console.records import register
    from reports.briefing_service import BriefingOptions, make_briefing, preview_briefing
    (s, _m), = populate(vault, 1)
    options = BriefingOptions(pseudonymise=True)
    preview = preview_briefing(vault, options)
    register.subject_record(vault, s.ref, reason="case review")   # a journaled view
    make_briefing(vault, tmp_path / "b.pdf", options, expect=preview.content)


def test_only_those_who_may_sign_may_preview(vault, vault_path):
    from console.storage.vault import Vault
    from reports.briefing_service import BriefingOptions, preview_briefing
    populate(vault, 1)
    users.add_user(vault, "dep", PASS, role="deputy", display_name="Dee Puty")
    vault.close()
    with Vault.open(vault_path, "dep", PASS) as dep:
        with pytest.raises(PermissionDenied):
            preview_briefing(dep, BriefingOptions())


def test_an_access_pack_preview_is_unsigned_and_signing_checks_it(vault, tmp_path):
    from console.lawful import subject_access
    from reports.access_pack import make_access_pack, pack_content, preview_access_pack
    (s, _m), = populate(vault, 1)
    pack = subject_access.draft_pack(vault, s.ref)
    head = audit.head(vault)
    pdf = preview_access_pack(pack)
    assert audit.head(vault) == head and b"/ByteRange" not in pdf
    assert "PREVIEW – NOT SIGNED" in _pdf_text(pdf, tmp_path)
    result = make_access_pack(vault, s.ref, tmp_path / "p.pdf", expect=pack_content(pack))
    assert result.path.exists()
    assert "PREVIEW" not in _pdf_text(result.path.read_bytes(), tmp_path)
    subjects.update_profile(vault, s.ref, SubjectFields(notes="Notes written meanwhile"))
    with pytest.raises(ValidationError, match="changed after the preview"):
        make_access_pack(vault, s.ref, tmp_path / "q.pdf", expect=pack_content(pack))
    assert not (tmp_path / "q.pdf").exists()
