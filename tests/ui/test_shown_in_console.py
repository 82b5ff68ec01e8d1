"""The desktop console shows record text as the command line and the PDF do
(``console.text.shown``): no bidirectional or control character reaches the
register, the subject panel, the journal or the review queue, search finds
the name as shown, and labels holding a name are plain text, never markup."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.audit.genesis import create_vault
from console.lawful import retention
from console.records import journal, measures, register, subjects
from console.records.commands import MeasureFields, SubjectFields
from console.storage.vault import Vault
from tests.conftest import PASS
from tests.test_text_shown import NAME, NOTES, RLO, unsafe_in
from tests.ui.conftest import unlock
from ui.lawful.models import JournalFilter, JournalModel, ReviewQueueModel
from ui.register.register_filter import RegisterFilter
from ui.register.register_model import Column


def _all_text(model) -> str:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.AccessibleTextRole)
    return "".join(str(model.index(r, c).data(role) or "")
                   for r in range(model.rowCount()) for c in range(model.columnCount())
                   for role in roles)


def test_register_panel_and_search_show_the_name_without_controls(qtbot, make_window,
                                                                   vault_path, fast_kdf):
    v = create_vault(vault_path, "governor", PASS, "HMP Testshire", kdf=fast_kdf)
    s = subjects.create_subject(v, SubjectFields(NAME, role=f"Officer{RLO}", notes=NOTES,
                                                 owner="<b>Bold</b> <img src='x'>"))
    m = measures.add_measure(v, s.ref, MeasureFields(aim="protect", type="supervision",
                                                     details=f"Details{RLO}x"))
    measures.add_log_entry(v, m.id, f"Log{RLO}gol")
    v.close()
    w = make_window(vault_path)
    unlock(qtbot, w)
    model = w.register.model
    assert model.index(0, Column.NAME).data() == "AliGnimmah"
    assert unsafe_in(_all_text(model)) == []
    w.register.proxy.set_filter(RegisterFilter(text="alignimmah"))
    assert w.register.proxy.rowCount() == 1
    w.register.select(s.ref)
    qtbot.waitUntil(lambda: w.panel.ref == s.ref, timeout=10_000)
    assert w.panel.header.text() == f"{s.ref} — AliGnimmah"
    profile = w.panel.profile
    assert profile.fields["owner"].textFormat() == Qt.TextFormat.PlainText
    assert w.panel.header.textFormat() == Qt.TextFormat.PlainText
    shown_text = "".join(label.text() for label in profile.fields.values())
    shown_text += profile.notes.toPlainText() + _all_text(w.panel.measures.model)
    shown_text += _all_text(w.panel.measures.log_model)
    assert unsafe_in(shown_text) == [] and "Second linex" in profile.notes.toPlainText()


def test_journal_and_review_queue_show_no_controls(qtbot, vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields(NAME, notes=NOTES))
    register.subject_record(vault, s.ref, reason=f"Checked{RLO}dekcehc")
    journal.record_export(vault, [s.ref], "briefing", kind="disclose",
                          recipients=[f"HQ{RLO}QH"])
    retention.set_legal_hold(vault, s.ref, True, f"Inquiry{RLO}yriuqni")
    entries = journal.entries(vault)
    items = retention.review_queue(vault, within_days=100_000)
    vault.close()
    jm = JournalModel(entries)
    text = _all_text(jm)
    assert "HQQH" in text and unsafe_in(text) == []
    proxy = JournalFilter()
    proxy.setSourceModel(jm)
    proxy.set_filters(text="hqqh")
    assert proxy.rowCount() == 1
    rm = ReviewQueueModel(items)
    text = _all_text(rm)
    assert "AliGnimmah" in text and "Inquiryyriuqni" in text and unsafe_in(text) == []
    with Vault.open(vault_path, "governor", PASS) as g:
        assert g.query("SELECT name FROM subjects")[0][0] == NAME   # stored as typed
