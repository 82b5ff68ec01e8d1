"""The desktop console shows what the signed chain says: a break the
background check finds, rows that disagree with the chain, and the backups
when the chain refused an unlock."""

from __future__ import annotations

from console.audit import chain
from tests import insiders
from tests.ui.conftest import DEPUTY_PASS, unlock


def _checked(qtbot, window):
    qtbot.waitUntil(lambda: window.chain_watch.report is not None, timeout=15_000)
    return window.chain_watch.report


def test_a_clean_vault_is_checked_in_the_background_and_shows_nothing(
        qtbot, make_window, filled_vault):
    w = make_window(filled_vault)
    unlock(qtbot, w)
    report = _checked(qtbot, w)
    assert report.ok and report.finished
    assert w.chain_watch.showing == ""


def test_a_break_before_the_sealed_head_is_found_in_the_background(
        qtbot, make_window, filled_vault):
    d = insiders.open_raw(filled_vault, "dep", DEPUTY_PASS)
    seq = d.query("SELECT seq FROM audit WHERE action = 'settings.change' OR "
                  "action = 'user.add' ORDER BY seq")[0][0]
    d.conn.execute("DELETE FROM audit_payload WHERE seq = ?", (seq,))
    d.conn.commit()
    d.close()
    w = make_window(filled_vault)
    unlock(qtbot, w)                          # the unlock checks only what is new
    report = _checked(qtbot, w)
    assert report.first_bad == seq
    qtbot.waitUntil(lambda: w.chain_watch.showing != "", timeout=5_000)
    assert f"broken at entry {seq}" in w.chain_watch.showing
    w.lock()
    qtbot.waitUntil(lambda: w.chain_watch.showing == "", timeout=5_000)


def test_rows_that_disagree_with_the_chain_are_shown_at_unlock(qtbot, make_window,
                                                               filled_vault):
    d = insiders.open_raw(filled_vault, "dep", DEPUTY_PASS)
    d.conn.execute("UPDATE users SET role = 'governor' WHERE name = 'dep'")
    d.conn.commit()
    d.close()
    w = make_window(filled_vault)
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    assert w.user.role == "deputy"
    qtbot.waitUntil(lambda: "says dep is a governor" in w.chain_watch.showing,
                    timeout=10_000)


def test_an_unlock_the_chain_refuses_offers_the_backups(qtbot, make_window, filled_vault):
    from tests.conftest import PASS
    d = insiders.open_raw(filled_vault, "dep", DEPUTY_PASS)
    top = chain.head(d)[0]
    d.conn.execute("DELETE FROM audit_payload WHERE seq = ?", (top,))
    d.conn.execute("DELETE FROM audit WHERE seq = ?", (top,))
    d.conn.commit()
    d.close()
    w = make_window(filled_vault)
    w.unlock_page.user.setCurrentText("governor")
    w.unlock_page.passphrase.setText(PASS)
    w.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: w.unlock_page.message.isVisible(), timeout=10_000)
    assert w.locked
    assert w.unlock_page.message.text().startswith("Entries after #")
    assert w.unlock_page.backups_button.isVisible()
