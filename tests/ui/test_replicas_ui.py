"""Replicas in the desktop console: the governor's File › Replicas… view
(make a replica, take a change pack in, decide a conflict), and a replica's
banner with Send changes… and Receive…, all through the real window."""

from __future__ import annotations

import datetime as dt

import pytest

from console.records import measures
from console.records.commands import MeasureFields
from console.sync import home, replica
from tests.conftest import PASS
from tests.ui.conftest import DEPUTY_PASS, run_on, unlock


@pytest.fixture
def laptop(filled_vault, tmp_path):
    """The filled vault with a replica made for the deputy and opened."""
    from console.sync import session
    pack = tmp_path / "dep.gcpack"
    with session.open_vault(filled_vault, "governor", PASS) as g:
        home.create(g, "dep", pack)
    replica.open_pack(pack, tmp_path / "laptop", "dep", DEPUTY_PASS).close()
    return tmp_path / "laptop"


def _banner(qtbot, w):
    qtbot.waitUntil(lambda: w.replica_watch.dock.isVisible(), timeout=10_000)
    return w.replica_watch.banner


def test_a_replica_shows_its_banner_and_sends_its_changes(qtbot, make_window, laptop,
                                                          tmp_path):
    w = make_window(laptop)
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    banner = _banner(qtbot, w)
    text = banner.text.text()
    assert "This is a replica of HMP Testshire's register for Dee Deputy" in text
    assert dt.date.today().isoformat() in text and not banner.stale
    assert w.act_send_changes.isVisible() and not w.act_replicas.isEnabled()
    mid = run_on(qtbot, w.runner, lambda v: v.query("SELECT id FROM measures")[0][0])
    run_on(qtbot, w.runner, lambda v: measures.add_log_entry(v, mid, "Checked at 07:00"))
    w.replica_watch.choose_save_path = lambda *_a: tmp_path / "out.gcpack"
    w.replica_watch.send()
    qtbot.waitUntil(lambda: (tmp_path / "out.gcpack").exists(), timeout=10_000)
    qtbot.waitUntil(lambda: "1 change(s)" in w.statusBar().currentMessage(), timeout=10_000)


def test_a_stale_replica_banner_says_read_only(qtbot, make_window, laptop, monkeypatch):
    real = replica.utcnow()
    monkeypatch.setattr(replica, "utcnow", lambda: real + dt.timedelta(days=40))
    w = make_window(laptop)
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    banner = _banner(qtbot, w)
    qtbot.waitUntil(lambda: banner.stale, timeout=5_000)
    assert "opens read-only" in banner.text.text()


def test_the_governor_takes_changes_in_and_decides_a_conflict(qtbot, make_window, laptop,
                                                               filled_vault, tmp_path):
    from console.sync import exchange, session
    from ui.replicas.replicas_dialog import ReplicasDialog
    with session.open_vault(laptop, "dep", DEPUTY_PASS) as r:
        mid = r.query("SELECT id FROM measures")[0][0]
        measures.update_measure(r, mid, MeasureFields(details="Deputy's plan"))
        exchange.send(r, tmp_path / "c.gcpack")
    w = make_window(filled_vault)
    unlock(qtbot, w)
    run_on(qtbot, w.runner, lambda v: measures.update_measure(
        v, mid, MeasureFields(details="Governor's plan")))
    assert w.act_replicas.isEnabled()
    view = run_on(qtbot, w.runner, w.replica_watch.actions.load)
    dialog = ReplicasDialog(w.runner, view, parent=w)
    qtbot.addWidget(dialog)
    assert dialog.replicas.rowCount() == 1
    dialog.choose_open_path = lambda *_a: tmp_path / "c.gcpack"
    dialog.receive()
    qtbot.waitUntil(lambda: "1 needs a decision" in dialog.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.decisions.rowCount() == 1, timeout=10_000)
    assert "Governor's plan → Deputy's plan" in dialog.decisions.text(
        dialog.decisions.row_at(0), 4)
    dialog.decision_table.selectRow(0)
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.decisions.rowCount() == 0, timeout=10_000)
    got = run_on(qtbot, w.runner, lambda v: measures.get_measure(v, mid).details)
    assert got == "Deputy's plan"
    dialog.choose_user = lambda *_a: "dep"
    dialog.choose_save_path = lambda *_a: tmp_path / "second.gcpack"
    dialog.make_replica()
    qtbot.waitUntil(lambda: (tmp_path / "second.gcpack").exists(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.replicas.rowCount() == 2, timeout=10_000)
