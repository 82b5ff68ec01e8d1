"""The HQ window on both stores: unlock (a wrong passphrase gives one
sentence and no workspace), then the national table, filter, history,
staff overlap and heat map, all from the stored data."""

from __future__ import annotations

import pytest

from hq import ingest as hq_ingest
from hq.store.store import Store
from hq.trust import pin
from tests.conftest import FAST_KDF, PASS

# Slow: builds real signed briefings for the window (run by the full suite and CI).
pytestmark = pytest.mark.slow


def test_unlock_then_the_national_picture(qtbot, hq_location, hq_briefings):
    from ui.hq.window import HqWindow
    hb = hq_briefings
    with Store.create(hq_location, PASS, kdf=FAST_KDF) as store:
        pin(store, "HMP Ashdown", hb["a_pem"].read_bytes())
        pin(store, "HMP Brackley", hb["b_pem"].read_bytes())
        hq_ingest.ingest(store, [hb["files"], hb["copy4"]], workers=1)
    w = HqWindow(hq_location)
    qtbot.addWidget(w)
    w.show()
    w.unlock.passphrase.setText("not it at all")
    w.unlock.button.click()
    qtbot.waitUntil(lambda: "does not unlock" in w.unlock.message.text(), timeout=10000)
    assert w.stack.currentIndex() == 0
    w.unlock.passphrase.setText(PASS)
    w.unlock.button.click()
    qtbot.waitUntil(lambda: w.national.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: w.staff.rowCount() == 2 and w.history.rowCount() > 0,
                    timeout=10000)
    assert w.stack.currentIndex() == 1
    assert w.national.rows()[0]["continuity"] == "broken"
    assert sum(map(sum, w.heat._heat)) == 7
    w.filter.setText("brack")
    assert w.proxy.rowCount() == 1
    w.filter.setText("")
    w.needs_action.setChecked(True)
    assert w.proxy.rowCount() == 2       # both have late reports or a break
    w.close()
