"""The backup view: back up now, flagged backups and their deletion, who may
restore, and a restore through the console that brings back a deleted
subject (lock, restore off the UI thread, unlock)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt

from console.audit import chain as audit
from console.audit import roles
from console.errors import PermissionDenied
from console.lawful import retention
from console.lawful.backups import delete_backup, make_backup
from console.lawful.restore import restore_backup
from console.records import subjects, users
from console.records.commands import SubjectFields
from console.storage import snapshot as backup
from tests.conftest import PASS
from tests.ui.conftest import DEPUTY_PASS, RUNNER_VAULT, run_on, unlock
from ui.backup import BackupActions, BackupDialog, BackupsModel, RestorePrompt, RestoreRequest
from ui.backup.actions import backup_rows
from ui.backup.backup_dialog import default_backup_path
from ui.backup.backups_model import FLAG_COLOUR, Col
from ui.operation import Changes


def make_dialog(qtbot, runner, role="governor", user="governor"):
    d = BackupDialog(runner, BackupActions(), run_on(qtbot, runner, backup_rows), role, user)
    qtbot.addWidget(d)
    return d


def close(qtbot, runner) -> None:
    closed = []
    runner.close_vault(on_success=closed.append)
    qtbot.waitUntil(lambda: bool(closed), timeout=10_000)


def test_default_name_is_dated_in_documents():
    path = default_backup_path(dt.date(2026, 11, 25))
    assert path.name == "governors-console-backup-2026-11-25.gcbackup"
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert path.parent == (Path(docs) if Path(docs).is_dir() else Path.home())


def test_back_up_now_writes_a_file_the_restore_accepts(qtbot, vault_runner, tmp_path,
                                                       qtmodeltester):
    run_on(qtbot, vault_runner, lambda v: subjects.create_subject(
        v, SubjectFields("Alex Smith", role="Officer")))
    changed = []
    vault_runner.changed.connect(changed.append)
    d = make_dialog(qtbot, vault_runner)
    qtmodeltester.check(d.model)
    assert d.summary.text() == "There are no automatic backups beside this vault yet."
    out = tmp_path / "out" / "mine.gcbackup"
    d.choose_save_path = lambda parent, suggested: out
    with qtbot.waitSignal(vault_runner.status, timeout=20_000) as got:
        d.backup_button.click()
    assert out.is_file()
    assert got.args[0].startswith(f"Backup saved to {out}.")
    assert not d.message.isHidden() and "Backup saved" in d.message.text()
    assert changed == [Changes(backups=True)]
    qtbot.waitUntil(lambda: not d.busy, timeout=10_000)
    close(qtbot, vault_runner)
    result = restore_backup(tmp_path / RUNNER_VAULT, out, "governor", PASS)
    assert result.kept_aside is not None and result.kept_aside.is_dir()


def test_a_failed_backup_is_one_sentence_inline(qtbot, vault_runner, tmp_path):
    d = make_dialog(qtbot, vault_runner)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    d.choose_save_path = lambda parent, suggested: blocker / "inside.gcbackup"
    d.backup_button.click()
    qtbot.waitUntil(lambda: not d.message.isHidden() and not d.busy, timeout=20_000)
    text = d.message.text()
    assert text and "Traceback" not in text and "\n" not in text
    assert "#d32f2f" in d.message.styleSheet()


def test_a_deputy_cannot_restore(qtbot, vault_runner, tmp_path):
    run_on(qtbot, vault_runner, lambda v: users.add_user(v, "dep", DEPUTY_PASS, "deputy",
                                                         display_name="Dee Deputy"))
    out = run_on(qtbot, vault_runner, lambda v: make_backup(v, tmp_path / "b.gcbackup"))
    d = make_dialog(qtbot, vault_runner, role="deputy", user="dep")
    reason = roles.why_not("deputy", "restore")
    assert not d.restore_button.isEnabled()
    assert d.restore_button.toolTip() == reason
    assert not d.note.isHidden() and reason in d.note.text()
    assert d.backup_button.isEnabled()           # a deputy may still make a backup
    assert not d.delete_button.isEnabled()
    close(qtbot, vault_runner)
    with pytest.raises(PermissionDenied) as err:
        restore_backup(tmp_path / RUNNER_VAULT, out, "dep", DEPUTY_PASS)
    assert str(err.value) == reason
    assert (tmp_path / RUNNER_VAULT / "register.db").exists()


def test_flagged_backups_are_marked_and_can_be_deleted(qtbot, vault_runner, qtmodeltester):
    def made(v):
        s = subjects.create_subject(v, SubjectFields("Alex Smith", role="Officer"))
        old = backup.automatic_backup(v, "daily")
        retention.erase(v, s.ref, "Review found no case to answer")
        return old, backup.automatic_backup(v, "rekey")
    old, kept = run_on(qtbot, vault_runner, made)
    d = make_dialog(qtbot, vault_runner)
    m = d.model
    qtmodeltester.check(m)
    assert m.rowCount() == 2 and m.flagged_count == 1
    rows = {m.row_at(r).info.path: r for r in range(2)}
    flagged, fine = rows[old], rows[kept]
    state = m.index(flagged, Col.STATE)
    assert m.data(state) == "Delete: holds an erased record"
    assert "erased" in m.data(state, Qt.ItemDataRole.ToolTipRole)
    assert m.data(state, Qt.ItemDataRole.ForegroundRole).color() == FLAG_COLOUR
    assert m.data(m.index(fine, Col.STATE)) == "Keep"
    assert m.data(m.index(fine, Col.STATE), Qt.ItemDataRole.ForegroundRole) is None
    assert m.data(m.index(fine, Col.REASON)) == "Before a key change"
    assert "1 of 2 backups should be deleted" in d.summary.text()
    assert not m.data(state, Qt.ItemDataRole.DecorationRole).isNull()
    assert not d.delete_button.isEnabled()       # nothing chosen yet
    d.view.selectRow(flagged)
    assert d.delete_button.isEnabled()
    assert "erased" in d.message.text() and not d.message.isHidden()
    d.view.selectRow(fine)
    assert d.message.isHidden()
    d.view.selectRow(flagged)

    d.confirm_delete = lambda parent, row: False
    d.delete_button.click()
    assert old.exists()
    d.confirm_delete = lambda parent, row: True
    with qtbot.waitSignal(vault_runner.status, timeout=20_000):
        d.delete_button.click()
    assert not old.exists() and kept.exists()
    qtbot.waitUntil(lambda: m.rowCount() == 1 and not d.busy, timeout=10_000)
    assert m.flagged_count == 0
    assert any(e.action == "backup.delete" for e in run_on(qtbot, vault_runner, audit.entries))


def test_only_the_governor_deletes_and_only_in_the_backups_folder(vault, tmp_path):
    users.add_user(vault, "dep", DEPUTY_PASS, "deputy")
    path = backup.automatic_backup(vault, "daily")
    stray = make_backup(vault, tmp_path / "elsewhere.gcbackup")
    with pytest.raises(Exception) as err:
        delete_backup(vault, stray)
    assert "backups folder" in str(err.value) and stray.exists()
    vault.close()
    from console.storage.vault import Vault
    with Vault.open(vault.folder, "dep", DEPUTY_PASS) as dep:
        with pytest.raises(PermissionDenied):
            delete_backup(dep, path)
    assert path.exists()


def test_backup_model_survives_the_model_tester_with_a_damaged_file(qtbot, vault,
                                                                    qtmodeltester):
    backup.automatic_backup(vault, "daily")
    bad = backup.backups_dir(vault.folder) / "backup-bad.gcbackup"
    bad.write_bytes(b"not a zip")
    model = BackupsModel(backup_rows(vault))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    last = model.rowCount() - 1                  # damaged files are listed last
    assert model.data(model.index(last, Col.STATE)) == "Damaged: cannot be restored"


def test_restore_prompt_explains_and_insists_on_a_passphrase(qtbot, tmp_path):
    p = RestorePrompt(tmp_path / "x.gcbackup", "governor")
    qtbot.addWidget(p)
    text = p.text.text()
    assert "kept aside" in text and "locks" in text and "not deleted" in text
    p.restore_button.click()
    assert not p.message.isHidden() and p.result() == 0
    p.passphrase.setText("secret words")
    p.restore_button.click()
    assert p.result() == 1
    assert p.request == RestoreRequest(tmp_path / "x.gcbackup", "governor", "secret words")
    assert "secret" not in repr(p.request)


def _delete(v, ref):
    subjects.delete_subject(v, ref, "Entered by mistake")


def test_restore_through_the_console_brings_back_a_deleted_subject(
        qtbot, make_window, filled_vault, tmp_path, monkeypatch):
    from ui.backup import wiring
    window = make_window(filled_vault)
    unlock(qtbot, window)
    refs = {r.subject.ref for r in window.register.model.rows()}
    gone = sorted(refs)[0]

    # Back up now through the dialog, on the vault thread.
    d = BackupDialog(window.runner, BackupActions(), [], "governor", "governor", window)
    qtbot.addWidget(d)
    out = tmp_path / "before.gcbackup"
    d.choose_save_path = lambda parent, suggested: out
    with qtbot.waitSignal(window.runner.status, timeout=20_000):
        d.backup_button.click()
    qtbot.waitUntil(lambda: not d.busy, timeout=10_000)
    d.close()

    run_on(qtbot, window.runner, lambda v: _delete(v, gone))
    window.refresh()
    qtbot.waitUntil(lambda: gone not in {r.subject.ref for r in window.register.model.rows()},
                    timeout=10_000)

    def fake_ask(runner, actions, rows, role, user, parent=None):
        dialog = BackupDialog(runner, actions, rows, role, user, parent)
        qtbot.addWidget(dialog)
        dialog.choose_open_path = lambda parent, start: out
        dialog.ask_restore = lambda path, user, parent: RestoreRequest(path, user, PASS)
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        return dialog.restore_request
    monkeypatch.setattr(wiring.BackupDialog, "ask", staticmethod(fake_ask))
    assert window.act_backups.isEnabled()
    window.act_backups.trigger()
    qtbot.waitUntil(lambda: window.locked, timeout=10_000)
    qtbot.waitUntil(lambda: "Restored the backup" in window.unlock_page.subtitle.text(),
                    timeout=30_000)
    assert window.unlock_page.unlock_button.isEnabled()
    aside = list(filled_vault.parent.glob(f"{filled_vault.name}.replaced-*"))
    assert len(aside) == 1
    unlock(qtbot, window)
    assert gone in {r.subject.ref for r in window.register.model.rows()}


def test_a_wrong_passphrase_changes_nothing_and_says_so(qtbot, make_window, filled_vault,
                                                         tmp_path):
    from ui.backup import wiring
    window = make_window(filled_vault)
    unlock(qtbot, window)
    out = tmp_path / "b.gcbackup"
    run_on(qtbot, window.runner, lambda v: make_backup(v, out), timeout=20_000)
    finished = []
    wiring.restore(window, RestoreRequest(out, "governor", "not the passphrase"),
                   on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert finished == [False]
    assert window.unlock_page.message.isVisible()
    assert window.unlock_page.message.text().startswith("That passphrase is not right")
    assert "not restored" in window.unlock_page.subtitle.text()
    assert not list(filled_vault.parent.glob(f"{filled_vault.name}.replaced-*"))
    unlock(qtbot, window)


def test_quitting_makes_the_daily_backup(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    assert not backup.list_backups(filled_vault)
    window.close()
    made = backup.list_backups(filled_vault)
    assert [b.reason for b in made] == ["daily"]


def test_the_backups_of_a_vault_that_will_not_open_refuse_in_one_sentence(qtbot, tmp_path):
    from ui.integrity.chain_watch import UNLOCK_FIRST
    from ui.runner import Runner

    def refuse(*_args):
        raise PermissionDenied(UNLOCK_FIRST)
    runner = Runner()                              # no vault is open
    try:
        d = BackupDialog(runner, BackupActions(list_backups=lambda _none: [],
                                               make_backup=refuse, delete_backup=refuse,
                                               needs_vault=False), [], "governor", "governor")
        qtbot.addWidget(d)
        d.choose_save_path = lambda parent, suggested: tmp_path / "b.gcbackup"
        d.backup_button.click()
        qtbot.waitUntil(lambda: not d.busy, timeout=5000)
        assert d.message.text() == UNLOCK_FIRST and not (tmp_path / "b.gcbackup").exists()
    finally:
        runner.shutdown()
