"""What the desktop console shows of a restricted record: a placeholder with
the risk band only and neutral words to a user off its list; a padlock and
the names on the list to a governor. And no message on the status bar
survives a lock or a change of user."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.records import access
from console.storage.vault import Vault
from tests.conftest import PASS
from tests.ui.conftest import DEPUTY_PASS, unlock
from ui.register.register_model import PLACEHOLDER_TIP, Column


def _restrict_alex(path) -> str:
    with Vault.open(path, "governor", PASS) as g:
        ref = g.query("SELECT ref FROM subjects WHERE name = 'Alex Smith'")[0][0]
        access.restrict(g, ref, "Live operation", allow=[])
    return ref


def _row(model, ref) -> int:
    row = model.row_of(ref)
    assert row >= 0
    return row


def test_a_deputy_off_the_list_sees_the_band_and_neutral_words(qtbot, make_window,
                                                                 filled_vault):
    ref = _restrict_alex(filled_vault)
    w = make_window(filled_vault)
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    model = w.register.model
    r = _row(model, ref)
    assert model.index(r, Column.NAME).data() == "(restricted)"
    assert model.index(r, Column.RISK).data() == "Red"        # not 4×4=16
    tips = {model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) for c in Column}
    assert tips == {PLACEHOLDER_TIP}
    assert "concerns you" not in PLACEHOLDER_TIP and "risk band" in PLACEHOLDER_TIP
    assert model.index(r, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    w.register.select(ref)
    qtbot.waitUntil(lambda: w.panel.empty.text() == PLACEHOLDER_TIP, timeout=5000)
    assert w.panel.record is None and not w.panel.restriction.isVisible()


def test_a_governor_sees_a_badge_and_who_may_see_the_record(qtbot, make_window,
                                                            filled_vault):
    ref = _restrict_alex(filled_vault)
    with Vault.open(filled_vault, "governor", PASS) as g:
        access.grant(g, ref, "dep", "Covering")
    w = make_window(filled_vault)
    unlock(qtbot, w)
    model = w.register.model
    r = _row(model, ref)
    assert model.index(r, Column.NAME).data() == "Alex Smith"
    assert model.index(r, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Restricted: dep" in model.index(r, Column.FLAGS).data()
    assert "open to dep" in model.index(r, Column.NAME).data(Qt.ItemDataRole.ToolTipRole)
    other = next(i for i in range(model.rowCount()) if i != r)
    assert model.index(other, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    w.register.select(ref)
    qtbot.waitUntil(lambda: w.panel.ref == ref, timeout=10_000)
    badge = w.panel.restriction
    assert badge.isVisible() and badge.text() == "Restricted · dep"
    assert "open to dep" in badge.toolTip()
    w.register.select(model.row_at(other).subject.ref)
    qtbot.waitUntil(lambda: w.panel.ref == model.row_at(other).subject.ref, timeout=10_000)
    assert not badge.isVisible()


def test_no_message_survives_a_lock_or_a_change_of_user(qtbot, make_window, filled_vault):
    w = make_window(filled_vault)
    unlock(qtbot, w)
    bar = w.statusBar()
    w.presenter.success("Signed access pack saved to /home/gov/SAR-CC-2026-001.pdf.")
    assert "SAR-CC" in bar.currentMessage()
    w.lock()
    assert bar.currentMessage() == ""
    # Work that finishes after the lock says nothing either.
    w.presenter.success("Signed briefing saved to /home/gov/briefing.pdf.")
    w.runner.status.emit("Saved for Alex Smith")
    w.presenter.status("Alex Smith")
    assert bar.currentMessage() == ""
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    assert bar.currentMessage() == ""
    w.presenter.success("Deputy's own message")
    assert bar.currentMessage() == "Deputy's own message"
