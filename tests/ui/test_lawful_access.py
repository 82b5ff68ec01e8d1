"""Need-to-know and subject access in the desktop console, on a real vault
through the vault thread: the restriction dialog names who may see a record
(governors always, the owner by default), and the access-pack dialog shows
what is withheld and why, lets the governor change it with a reason, and
produces a signed pack that never holds a withheld item."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from console.lawful import subject_access
from console.records import access, intel, journal, subjects, users
from console.records.access import Restriction
from console.records.commands import ReportFields, SubjectFields
from console.storage.accounts import User
from tests.ui.conftest import open_runner
from tests.ui.test_lawful_review_queue import on_vault
from ui.lawful import AccessPackDialog, RestrictionDialog, decision_dialogs
from ui.lawful.wiring import pack_calls
from ui.operation import Changes
from ui.runner import Runner

SECRET = "Seen passing a phone in the visits hall"
SOURCE = "Officer Pemberton-Quill"


@pytest.fixture
def access_runner(qtbot, vault_path, vault):
    users.add_user(vault, "dep", "deputy passphrase one", "deputy", display_name="Dee Deputy")
    users.add_user(vault, "dep2", "deputy passphrase two", "deputy", display_name="Ash Other")
    s = subjects.create_subject(vault, SubjectFields(
        "Morgan Access", owner="Dee Deputy", notes="Keeps to the rota"))
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=dt.date.today(), source_grade=1, intel_grade="B", handling="P",
        summary="Late returns of keys", full_text=SECRET, author=SOURCE))
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=dt.date.today(), source_grade=2, intel_grade="C", handling="C",
        handling_condition="Police only", summary="Police intelligence summary"))
    vault.close()
    runner = open_runner(qtbot, vault_path)
    yield runner, s.ref
    runner.shutdown()


# -- restriction -----------------------------------------------------------------------------

USERS = [User("governor", "Gwen Governor", "governor"), User("dep", "Dee Deputy", "deputy"),
         User("dep2", "Ash Other", "deputy")]


@pytest.fixture
def idle_runner():
    runner = Runner()
    yield runner
    runner.shutdown()


def test_restriction_defaults_to_governor_and_owner(qtbot, idle_runner):
    d = RestrictionDialog(Restriction("S-1", False), USERS, idle_runner, owner="dep")
    qtbot.addWidget(d)
    gov = d.users.item(0)
    assert gov.checkState() == Qt.CheckState.Checked
    assert not gov.flags() & Qt.ItemFlag.ItemIsUserCheckable and "always" in gov.text()
    assert d.allowed() == ["dep"] and not d.users.isEnabled()
    d.restricted.setChecked(True)
    assert d.users.isEnabled()
    d.ok_button.click()
    assert not d.error_label.isHidden() and d.value is None   # a reason is needed


def test_restriction_on_a_real_vault(qtbot, access_runner):
    runner, ref = access_runner
    sid_owner = on_vault(qtbot, runner, lambda v: access.owner_user(
        v, access.subject_id(v, ref)))
    assert sid_owner == "dep"
    found = on_vault(qtbot, runner, access.restriction, ref)
    listed = on_vault(qtbot, runner, users.list_users)
    changed = []
    runner.changed.connect(changed.append)
    d = RestrictionDialog(found, listed, runner, owner=sid_owner)
    qtbot.addWidget(d)
    d.restricted.setChecked(True)
    d.set_allowed("dep2", True)
    d.reason.setText("Live police operation")
    d.ok_button.click()
    qtbot.waitUntil(lambda: d.value is not None, timeout=10_000)
    assert d.value.restricted and d.value.allowed == ("dep", "dep2")
    assert changed == [Changes.subject(ref)]

    d2 = RestrictionDialog(d.value, listed, runner, owner=sid_owner)
    qtbot.addWidget(d2)
    assert d2.restricted.isChecked() and d2.allowed() == ["dep", "dep2"]
    d2.set_allowed("dep2", False)
    d2.reason.setText("Ash moved to another establishment")
    d2.ok_button.click()
    qtbot.waitUntil(lambda: d2.value is not None, timeout=10_000)
    assert on_vault(qtbot, runner, access.restriction, ref).allowed == ("dep",)


# -- subject access pack -----------------------------------------------------------------------

def _pack_dialog(qtbot, runner, ref, requests=()):
    draft, produce = pack_calls()
    d = AccessPackDialog([(ref, "Morgan Access")], runner, draft, produce, ref=ref,
                         requests=requests)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.pack is not None and not d.busy, timeout=10_000)
    return d


def _row_of(d, key) -> int:
    return next(n for n, i in enumerate(d.model.rows()) if i.key == key)


def test_pack_shows_default_withholding_with_reasons(qtbot, qtmodeltester, access_runner):
    runner, ref = access_runner
    d = _pack_dialog(qtbot, runner, ref)
    qtmodeltester.check(d.model)
    withheld = {i.key: i for i in d.pack.withheld}
    assert any(k.endswith(":source") for k in withheld)       # who provided it
    assert any(i.reason == "handling" for i in withheld.values())
    for key, item in withheld.items():
        row = _row_of(d, key)
        assert d.model.index(row, 2).data() == "Withheld"
        assert d.model.index(row, 3).data() == item.reason_label
        d.select_key(key)
        assert SECRET not in d.content.toPlainText()
        assert SOURCE not in d.content.toPlainText()
        assert d.release_button.isEnabled() and not d.withhold_button.isEnabled()
    assert f"{len(d.pack.withheld)} withheld" in d.summary.text()


def test_governor_changes_withholding_and_the_pack_never_holds_withheld_items(
        qtbot, access_runner, tmp_path, monkeypatch):
    runner, ref = access_runner
    received = dt.date.today() - dt.timedelta(days=3)
    logged = on_vault(qtbot, runner, subject_access.open_request, ref, received)
    d = _pack_dialog(qtbot, runner, ref, [logged])
    assert not d.received.isEnabled() and d.received.date().toPython() == received
    assert d.select_key("profile")
    monkeypatch.setattr(decision_dialogs.WithholdPrompt, "ask", classmethod(
        lambda cls, parent, label, current="": ("investigation", "Interview not yet held")))
    d.withhold_button.click()
    qtbot.waitUntil(lambda: not d.busy and d.current_item().withheld, timeout=10_000)
    assert "Interview not yet held" in d.current_item().reason_label

    source_key = next(i.key for i in d.pack.withheld if i.key.endswith(":source"))
    text_key = next(i.key for i in d.pack.withheld if i.key.endswith(":text"))
    d.select_key(text_key)
    monkeypatch.setattr(d, "ask_release_reason", lambda label: "Subject wrote it himself")
    d.release_button.click()
    qtbot.waitUntil(lambda: not d.busy and not d.current_item().withheld, timeout=10_000)
    assert SECRET in d.content.toPlainText()

    out = tmp_path / "pack.pdf"
    d.path_edit.setText(str(out))
    assert not d.produce_button.isEnabled()          # nothing is signed unread
    d.preview_button.click()
    qtbot.waitUntil(lambda: d.previewed is d.pack and not d.busy, timeout=30_000)
    assert d.views.currentWidget() is d.pdf and "PREVIEW" in d.pdf.text()
    assert not out.exists() and d.produce_button.isEnabled()
    d.produce_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None or d.error_label.isVisible(),
                    timeout=60_000)
    assert not d.error_label.isVisible(), d.error_label.text()
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" in data
    assert str(out) in d.saved_label.text() and d.open_folder_button.isVisible()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        flat = " ".join(text.split())
        assert SOURCE not in flat and "Pemberton" not in flat            # source withheld
        assert "Keeps to the rota" in flat                               # profile notes
        assert "Police intelligence summary" not in text                # handling C
        assert SECRET in " ".join(text.split())                         # released
        assert "Interview not yet held" in " ".join(text.split())
    entries = on_vault(qtbot, runner, journal.entries)
    kinds = [e.kind for e in entries]
    assert "sar_request" in kinds and kinds.count("sar_decision") == 2
    [answered] = on_vault(qtbot, runner, subject_access.requests)
    assert answered.id == logged.id and answered.status == "answered"
    notes = [e.detail for e in entries if e.kind == "sar_decision"]
    assert any("Subject wrote it himself" in n for n in notes)
    assert any(source_key in n for n in notes)


def test_the_items_column_keeps_the_start_of_each_item(qtbot, access_runner):
    runner, ref = access_runner
    d = _pack_dialog(qtbot, runner, ref)
    d.resize(900, 600)
    assert d.table.textElideMode() == Qt.TextElideMode.ElideRight
    header = d.table.horizontalHeader()
    assert header.sectionSize(1) >= 90                    # the item's name has the room
    assert d.table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_redraft_drops_the_preview(qtbot, access_runner, monkeypatch):
    runner, ref = access_runner
    d = _pack_dialog(qtbot, runner, ref)
    d.preview_button.click()
    qtbot.waitUntil(lambda: d.previewed is d.pack and not d.busy, timeout=30_000)
    d.select_key("profile")
    monkeypatch.setattr(decision_dialogs.WithholdPrompt, "ask", classmethod(
        lambda cls, parent, label, current="": ("investigation", "Interview not yet held")))
    d.withhold_button.click()
    qtbot.waitUntil(lambda: not d.busy and d.pack is not None, timeout=10_000)
    assert d.previewed is None and not d.produce_button.isEnabled()


def test_a_deputy_cannot_change_withholding(qtbot, idle_runner):
    d = AccessPackDialog([], idle_runner, lambda *a: None, lambda *a: None, can_change=False)
    qtbot.addWidget(d)
    assert not d.withhold_button.isEnabled() and not d.produce_button.isEnabled()
    assert "no record" in d.summary.text()
