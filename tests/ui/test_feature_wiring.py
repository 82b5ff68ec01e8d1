"""The feature dialogs' work is routed to the vault thread: an export
through the real briefing service produces a signed PDF, the users dialog's
actions reach ``console.records.users``, and settings change the auto-lock."""

from __future__ import annotations

import threading

from tests.ui.conftest import unlock
from ui import export, import_csv
from ui import users as users_pkg


def in_pool(qtbot, fn, *args):
    """Call ``fn`` from another thread, as the dialogs' thread pool does."""
    out = {}

    def work():
        try:
            out["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc
    t = threading.Thread(target=work)
    t.start()
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=60_000)
    if "error" in out:
        raise out["error"]
    return out.get("value")


def test_export_menu_produces_a_signed_file(qtbot, make_window, filled_vault, tmp_path,
                                            monkeypatch):
    from reports.briefing_service import BriefingOptions
    window = make_window(filled_vault)
    unlock(qtbot, window)
    assert window.act_export.isEnabled()
    seen = {}

    def fake_ask(run, parent=None, **kwargs):
        seen["kwargs"] = kwargs
        seen["result"] = in_pool(qtbot, run, BriefingOptions(), tmp_path / "b.pdf",
                                 lambda done, total: None)
        return seen["result"]
    monkeypatch.setattr(export.ExportDialog, "ask", staticmethod(fake_ask))
    window.act_export.trigger()
    qtbot.waitUntil(lambda: "result" in seen, timeout=60_000)
    data = (tmp_path / "b.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" in data
    assert seen["kwargs"]["signer"] == "Gwen Governor"


def test_users_actions_reach_the_core(qtbot, make_window, filled_vault):
    from ui.feature_dialogs import user_actions
    window = make_window(filled_vault)
    unlock(qtbot, window)
    actions = user_actions(window.runner)
    names = [u.name for u in in_pool(qtbot, actions.list_users)]
    assert names == ["governor", "dep"]
    pem = in_pool(qtbot, actions.certificate_pem)
    assert pem.startswith(b"-----BEGIN CERTIFICATE")


def test_deputy_sees_no_user_management(qtbot, make_window, filled_vault):
    from tests.ui.conftest import DEPUTY_PASS
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    for name in ("users", "export", "import"):
        act = getattr(window, f"act_{name}")  # a missing action fails here
        assert not act.isEnabled() and "Only the governor" in act.toolTip()


def test_import_menu_previews_then_writes_once(qtbot, make_window, filled_vault, tmp_path,
                                               monkeypatch):
    from console.records import importer
    csv_path = tmp_path / "register.csv"
    importer.write_csv([("name", "staff_number", "role"), ("Pat Ward", "900001", "Cook"),
                        ("Lee Fox", "900002", "Tutor")], csv_path)
    window = make_window(filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_ask(preview, commit, parent=None, **kwargs):
        seen["preview"] = in_pool(qtbot, preview, csv_path)
        seen["result"] = in_pool(qtbot, commit, csv_path, False, lambda done, total: None)
        return seen["result"]
    monkeypatch.setattr(import_csv.ImportDialog, "ask", staticmethod(fake_ask))
    window.act_import.trigger()
    assert len(seen["preview"].rows) == 2 and not seen["preview"].problems
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 4, timeout=10_000)
    assert "imported" in window.statusBar().currentMessage()


def test_settings_change_the_autolock(qtbot, make_window, filled_vault, monkeypatch):
    from dataclasses import replace
    window = make_window(filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_ask(values, apply, parent=None, **kwargs):
        seen["before"], seen["kwargs"] = values, kwargs
        in_pool(qtbot, apply, {"autolock_minutes": 2, "unreferred_days": 3})
        return replace(values, autolock_minutes=2, unreferred_days=3, clear_clipboard=False)
    monkeypatch.setattr(users_pkg.SettingsDialog, "ask", staticmethod(fake_ask))
    window.act_settings.trigger()
    qtbot.waitUntil(lambda: "before" in seen, timeout=5000)
    assert seen["before"].autolock_minutes == 5 and seen["kwargs"]["can_change"]
    assert window.autolock.timeout_ms == 120_000 and not window.clipboard.enabled
    read = []
    window.runner.submit(lambda v: v.setting("unreferred_days"), on_done=read.append)
    qtbot.waitUntil(lambda: bool(read), timeout=5000)
    assert read == [3]
