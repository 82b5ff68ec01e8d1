"""Locking the desktop console starts it afresh: the vault is closed, open
dialogs (drafts included) are dropped, the layout is saved, and the fresh
start is the console itself on the same vault, told why it locked. (That
nothing of the old process survives is ``tests/test_locked_memory.py``.)"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from launcher import route
from console.storage.vault import Vault
from tests.conftest import PASS, ROOT
from tests.ui.conftest import unlock
from ui import app as app_module
from ui import relaunch


def test_locking_closes_everything_then_starts_the_console_again(
        qtbot, make_window, filled_vault, monkeypatch):
    started = []
    monkeypatch.setattr(relaunch, "start_again", started.append)
    window = make_window(filled_vault)
    window.relaunch_on_lock = lambda why, minimised: relaunch.command(
        window.vault_path, why, minimised)
    unlock(qtbot, window)
    draft = QDialog(window)
    draft.show()
    window.lock("after 5 minutes without use")
    assert not draft.isVisible()
    with Vault.open(filled_vault, "governor", PASS):   # closed and released by the lock
        pass
    (cmd,) = started
    assert cmd == [sys.executable, str(ROOT / "main.py"), "gui", "--vault", str(filled_vault),
                   "--locked", "after 5 minutes without use"]
    assert route(cmd[2:]) == ("desktop", cmd[3:])


def test_the_fresh_start_is_told_why_it_locked(filled_vault):
    args = app_module.parse_args(["--vault", str(filled_vault), "--locked", "on request",
                                  "--minimised"])
    assert args.locked == "on request" and args.minimised
    assert args.vault == Path(filled_vault)


def test_the_demo_starts_again_as_the_demo(tmp_path):
    cmd = relaunch.command(tmp_path, "when minimised", True, demo=True)
    assert cmd[2:] == ["gui", "--demo", "--locked", "when minimised", "--minimised"]
