"""The register and subject flows through the real main window: adding a
subject, filtering as you type, undo, and a deputy's path."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt

from console import clock
from console.audit import roles
from console.errors import PermissionDenied
from console.records import register, subjects
from tests.ui.conftest import DEPUTY_PASS, run_on, unlock
from ui.register.register_model import Column


def gone(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_adding_a_subject(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    dialog = window.actions.new_subject()
    dialog.ok_button.click()                      # empty name: refused inline
    assert dialog.isVisible() and "Name" in dialog.error.text()
    dialog.name.setText("Robin Hart")
    dialog.role.setText("Storeman")
    dialog.categories.item(9).setCheckState(Qt.CheckState.Checked)   # theft
    dialog.likelihood.setValue(5)
    dialog.impact.setValue(4)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 3, timeout=10_000)
    # Chosen at once; its record opens when asked for (the reason is asked then).
    qtbot.waitUntil(lambda: window.register.current_row() is not None
                    and window.register.current_row().subject.name == "Robin Hart",
                    timeout=10_000)
    window.browser.when_loaded(lambda: None)
    qtbot.waitUntil(lambda: window.panel.ref != "" and
                    window.panel.record.subject.name == "Robin Hart", timeout=10_000)
    assert gone(dialog)
    row = window.register.current_row()
    assert row.rag == "red" and row.subject.categories == ("theft",)
    assert "added" in window.statusBar().currentMessage().lower()


def test_filter_as_you_type(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    view = window.register
    window.act_find.trigger()
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "cha")
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, Column.NAME).data() == "Sam Jones"
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(view.search, "xyz")
    assert view.proxy.rowCount() == 0 and "0 of 2" in view.count.text()
    view.search.clear()
    view.rag_filter.setCurrentIndex(view.rag_filter.findData("red"))
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, Column.NAME).data() == "Alex Smith"
    view.rag_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData("closed"))
    assert view.proxy.rowCount() == 0


def test_sorting_by_risk_keeps_the_selection(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    view = window.register
    view.select("CC-" + view.model.row_at(1).subject.ref.split("-", 1)[1])
    ref = view.current_ref()
    view.table.sortByColumn(Column.RISK, Qt.SortOrder.DescendingOrder)
    assert view.proxy.index(0, Column.NAME).data() == "Alex Smith"
    assert view.current_ref() == ref


def test_profile_edit_can_be_undone(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    window.register.select(window.register.model.row_at(0).subject.ref)
    qtbot.waitUntil(lambda: window.panel.record is not None, timeout=5000)
    ref = window.panel.ref
    old_location = window.panel.record.subject.location
    dialog = window.actions.edit_profile()
    dialog.location.setText("Segregation unit")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.panel.record.subject.location == "Segregation unit",
                    timeout=5000)
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.panel.record.subject.location == old_location,
                    timeout=5000)
    assert window.panel.ref == ref and not window.actions.can_undo


def test_deputy_adds_a_log_entry_and_is_refused_governor_actions(qtbot, make_window,
                                                                 filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    assert window.user.role == "deputy"
    # Refused: disabled, with the core's own sentence as the tooltip.
    for act in (window.act_delete, window.act_status, window.act_assess, window.act_refer):
        assert not act.isEnabled()
        assert act.toolTip().startswith("Only the governor")
    assert not window.panel.profile.status_button.isEnabled()
    assert window.panel.profile.status_button.toolTip() == roles.why_not("deputy",
                                                                         "change_status")
    # ...and the service refuses too, whatever the UI shows.
    ref = window.register.model.row_at(0).subject.ref
    with pytest.raises(PermissionDenied):
        run_on(qtbot, window.runner, lambda v: subjects.change_status(
            v, ref, "closed", "because", "cleared"))

    # Three keystrokes from the register: choose the row, Ctrl+Shift+L, type, Enter.
    view = window.register
    view.table.setFocus()
    row = view.proxy.proxy_row_of(next(r.subject.ref for r in view.model.rows()
                                       if r.subject.name == "Alex Smith"))
    view.table.selectRow(row)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.actions.last_dialog is not None
                    and window.actions.last_dialog.isVisible(), timeout=5000)
    dialog = window.actions.last_dialog
    qtbot.keyClicks(dialog.text, "Searched on entry; nothing found")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dialog), timeout=5000)
    qtbot.waitUntil(lambda: window.panel.record is not None and any(
        m.log for m in window.panel.record.measures), timeout=5000)
    entry = window.panel.record.measures[0].log[-1]
    assert entry.by_user == "dep" and entry.text == "Searched on entry; nothing found"
    ref = window.panel.ref
    history = run_on(qtbot, window.runner, lambda v: register.subject_history(v, ref))
    assert history[0].action == "log.add"


def test_status_change_and_confirmed_delete(qtbot, make_window, filled_vault, monkeypatch):
    from ui.subject.subject_dialogs import DeleteDialog, DeleteValues
    window = make_window(filled_vault)
    unlock(qtbot, window)
    ref = next(r.subject.ref for r in window.register.model.rows()
               if r.subject.name == "Sam Jones")
    window.register.select(ref)
    qtbot.waitUntil(lambda: window.panel.ref == ref, timeout=5000)
    dialog = window.actions.change_status()
    dialog.status.setCurrentIndex(dialog.status.findData("assessed"))
    dialog.ok_button.click()
    assert "reason" in dialog.error.text().lower()          # inline, dialog stays
    dialog.reason.setPlainText("Assessed at the weekly security meeting")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.panel.record.subject.status == "assessed", timeout=5000)
    assert [e.action for e in window.panel.history.model.items][0] == "subject.status"

    asked = []
    monkeypatch.setattr(DeleteDialog, "ask", classmethod(
        lambda cls, parent, ref: asked.append(ref) or None))
    window.act_delete.trigger()                               # declined: nothing happens
    assert asked == [ref] and window.register.model.rowCount() == 2
    monkeypatch.setattr(DeleteDialog, "ask", classmethod(
        lambda cls, parent, ref: DeleteValues("Entered in error")))
    window.act_delete.trigger()
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 1, timeout=5000)
    assert window.register.model.row_of(ref) == -1


def test_vault_argument():
    from pathlib import Path

    from ui.app import parse_args
    assert parse_args(["--vault", "/x/y"]).vault == Path("/x/y")
    assert parse_args([]).vault is None


def test_report_referral_and_measure_through_the_panel(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    ref = next(r.subject.ref for r in window.register.model.rows()
               if r.subject.name == "Alex Smith")
    window.register.select(ref)
    qtbot.waitUntil(lambda: window.panel.ref == ref, timeout=5000)
    panel = window.panel

    dialog = window.actions.add_report()
    dialog.handling.setCurrentIndex(dialog.handling.findData("C"))
    dialog.full_text.setPlainText("Seen passing a package at visits.")
    dialog.summary.setPlainText("Package seen at visits")
    dialog.ok_button.click()                       # handling C needs its condition
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "condition" in dialog.error.text()
    dialog.condition.setText("Not to be shared outside security")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(panel.record.reports) == 1, timeout=5000)
    assert panel.record.reports[0].grading == "2CC"
    panel.tabs.setCurrentWidget(panel.reports)
    assert not panel.reports.full_text.isVisible()  # hidden until asked for
    panel.reports.show_button.click()
    assert "package" in panel.reports.full_text.toPlainText()

    report_id = panel.record.reports[0].id
    dialog = window.actions.refer(report_id)
    dialog.reference.setText("HQ/123")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(panel.record.referrals) == 1, timeout=5000)
    assert panel.record.reports[0].referred
    dialog = window.actions.update_referral(panel.record.referrals[0].id)
    # A calendar that cannot reach tomorrow: the core refuses a future acknowledgement too.
    assert dialog.acknowledged_on.edit.maximumDate().toPython() == clock.today()
    dialog.acknowledged_on.set_value(clock.today())
    dialog.outcome.setPlainText("Accepted by HQ")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.record.referrals[0].outcome == "Accepted by HQ",
                    timeout=5000)

    measure = panel.record.measures[0]
    dialog = window.actions.update_measure(measure.id)
    dialog.status.setCurrentIndex(dialog.status.findData("degraded"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.record.measures[0].status == "degraded", timeout=5000)
