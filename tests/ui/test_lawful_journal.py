"""The consultation journal widget on a real vault: entries from two users,
filtering by user, action, reason, dates and text, models checked, and the
export producing a signed PDF through the vault thread."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from console.records import journal, register, subjects, users
from console.records.commands import SubjectFields
from console.records.journal import Reason
from console.storage.vault import Vault
from tests.ui.conftest import open_runner
from tests.ui.test_lawful_review_queue import on_vault
from ui.lawful import JournalWidget
from ui.lawful.models import ROW_ROLE

DEP_PASS = "deputy passphrase for the journal"


@pytest.fixture
def journal_runner(qtbot, vault_path, vault, fast_kdf):
    """Views by the governor and a deputy, an export and a disclosure."""
    a = subjects.create_subject(vault, SubjectFields("Jordan Journal"))
    b = subjects.create_subject(vault, SubjectFields("Kim Keeper"))
    users.add_user(vault, "dep", DEP_PASS, "deputy", display_name="Dee Deputy")
    register.subject_record(vault, a.ref, reason=Reason("referral"))
    register.subject_record(vault, b.ref, reason=Reason("other", "tribunal bundle"))
    journal.record_export(vault, [a.ref, b.ref], "briefing", kind="disclose",
                          recipients=["HQ counter-corruption unit"])
    vault.close()
    dep = Vault.open(vault_path, "dep", DEP_PASS)
    register.subject_record(dep, a.ref, reason="case_review")
    dep.close()
    runner = open_runner(qtbot, vault_path)
    yield runner, a.ref, b.ref
    runner.shutdown()


def _widget(qtbot, view, runner=None, export=None):
    w = JournalWidget(view, runner, export)
    qtbot.addWidget(w)
    w.resize(1100, 500)
    w.show()
    return w


def _pick(box, data):
    box.setCurrentIndex(box.findData(data))


def test_filters_narrow_the_real_journal(qtbot, qtmodeltester, journal_runner):
    runner, a, b = journal_runner
    view = on_vault(qtbot, runner, journal.journal_view)
    w = _widget(qtbot, view)
    qtmodeltester.check(w.model)
    qtmodeltester.check(w.proxy)
    assert w.model.rowCount() == 4 and w.proxy.rowCount() == 4
    assert w.user.count() == 3                       # any, dep, governor

    _pick(w.user, "dep")
    assert w.proxy.rowCount() == 1 and "Showing 1 of 4" in w.count_label.text()
    _pick(w.user, "")
    _pick(w.kind, "disclose")
    assert w.proxy.rowCount() == 1
    row = [w.proxy.index(0, c).data() for c in range(6)]
    assert "HQ counter-corruption unit" in row[5] and a in row[3]
    _pick(w.kind, "")
    _pick(w.reason, "other")
    assert w.proxy.rowCount() == 1
    assert "tribunal bundle" in w.proxy.index(0, 4).data()
    w.clear_filters()
    assert w.proxy.rowCount() == 4

    qtbot.keyClicks(w.text, b.lower())
    assert w.proxy.rowCount() == 2                   # the view and the disclosure
    w.text.clear()
    tomorrow = QDate.currentDate().addDays(1)
    w.since.setDate(tomorrow)
    assert w.proxy.rowCount() == 0
    assert w.filters()["since"] == tomorrow.toPython()
    w.since.setDate(QDate(2000, 1, 1))
    assert "since" not in w.filters() and w.since.text() == "Any"
    assert w.proxy.rowCount() == 4


def test_sorting_uses_the_sequence(qtbot, journal_runner):
    runner, _a, _b = journal_runner
    w = _widget(qtbot, on_vault(qtbot, runner, journal.journal_view))
    w.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = w.model.data(w.proxy.mapToSource(w.proxy.index(0, 0)), ROW_ROLE)
    assert first.kind == "view" and first.user == "governor"
    w.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    newest = w.model.data(w.proxy.mapToSource(w.proxy.index(0, 0)), ROW_ROLE)
    assert newest.user == "dep"


def test_export_makes_a_signed_pdf_on_the_vault_thread(qtbot, journal_runner, tmp_path):
    from ui.lawful.wiring import export_journal
    runner, a, _b = journal_runner
    seen = []

    def export(vault, path, filters):
        seen.append(filters)
        return export_journal(vault, path, filters)
    w = JournalWidget(on_vault(qtbot, runner, journal.journal_view), runner, export,
                      reload=journal.journal_view)
    qtbot.addWidget(w)
    _pick(w.reason, "referral")
    out = tmp_path / "journal.pdf"
    with qtbot.waitSignal(w.exported, timeout=60_000):
        w.export_to(out)
    assert seen == [{"reason": "referral"}]
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" in data
    assert w.result_value.entries == 1
    assert str(out) in w.saved_label.text() and not w.error_label.isVisible()
    kinds = [e.kind for e in on_vault(qtbot, runner, journal.entries)]
    assert "journal_export" in kinds                 # the export is journaled too
    qtbot.waitUntil(lambda: not w.busy and w.model.rowCount() == 5, timeout=10_000)
    assert w.model.row_at(0).kind == "journal_export"   # and shown after a refresh


def test_export_failure_is_one_sentence_inline(qtbot, journal_runner, tmp_path):
    from ui.lawful.wiring import export_journal
    runner, _a, _b = journal_runner
    w = _widget(qtbot, on_vault(qtbot, runner, journal.journal_view), runner, export_journal)
    w.export_to(tmp_path / "missing-folder" / "journal.pdf")
    qtbot.waitUntil(lambda: not w.busy, timeout=30_000)
    assert w.error_label.isVisible() and "folder" in w.error_label.text()
    assert w.export_button.isEnabled()


def test_entries_of_an_erased_record_show_as_erased(qtbot, qtmodeltester):
    e = journal.JournalEntry(1, dt.datetime.now(dt.timezone.utc).isoformat(), "governor",
                             "view", "case_review", refs=("X-1",), erased=True)
    w = _widget(qtbot, journal.JournalView((e,), ("governor",)))
    qtmodeltester.check(w.model)
    assert "erased" in w.proxy.index(0, 5).data()
    assert w.model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
